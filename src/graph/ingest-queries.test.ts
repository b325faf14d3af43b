import { describe, expect, it } from 'vitest';
import {
  addToProfilesQuery,
  edgesByKeysQuery,
  deleteEdgesQuery,
  documentHashesQuery,
  identityLookupQuery,
  mergeEdgesQuery,
  mergeEntitiesQuery,
  mergeMentionsQuery,
  retractDocumentQuery,
  entitySummariesByTypeQuery,
  updateEdgesQuery,
  updateProfilesQuery,
} from './ingest-queries.ts';

describe('ingestion query builders', () => {
  it('checks many document hashes in one query', () => {
    expect(documentHashesQuery(['a', 'b'])).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id MATCH (d:Document {id: id}) USING INDEX SEEK d:Document(id) RETURN d.id AS id, d.contentHash AS contentHash",
        "params": {
          "ids": [
            "a",
            "b",
          ],
        },
      }
    `);
  });

  it('finds entities by identity keys only', () => {
    expect(identityLookupQuery(['Organization|icesco'])).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $keys AS key
      MATCH (a:Alias {key: key})-[r:ALIAS_OF]->(e) USING INDEX SEEK a:Alias(key)
      WHERE r.identity
      WITH DISTINCT e
      MATCH (b:Alias)-[s:ALIAS_OF]->(e)
      WHERE s.identity
      RETURN b.key AS key, e.id AS id",
        "params": {
          "keys": [
            "Organization|icesco",
          ],
        },
      }
    `);
  });

  it('interpolates the label from the closed union and passes names as parameters', () => {
    expect(mergeEntitiesQuery('Organization', [{ id: 'org-icesco', name: 'ICESCO' }])).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $rows AS row
      MERGE (e:Organization {id: row.id})
      ON CREATE SET e.name = row.name, e.aliases = [], e.searchText = row.name",
        "params": {
          "rows": [
            {
              "id": "org-icesco",
              "name": "ICESCO",
            },
          ],
        },
      }
    `);
    expect(
      mergeMentionsQuery('Person', [
        {
          documentId: 'd1',
          entityId: 'person-salim-almalik',
          props: { name: 'Salim M. AlMalik', names: ['Salim M. AlMalik'], lookupKeys: [], identityKeys: [], candidateId: 'person-salim-almalik', status: null, date: null },
        },
      ]).cypher,
    ).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (d:Document {id: row.documentId}) USING INDEX SEEK d:Document(id)
      MATCH (e:Person {id: row.entityId}) USING INDEX SEEK e:Person(id)
      CREATE (d)-[m:MENTIONS]->(e)
      SET m = row.props"
    `);
  });

  it('refuses a label or relationship type outside the closed unions', () => {
    expect(() => mergeEntitiesQuery('Organization) DETACH DELETE (n' as never, [])).toThrow(/unknown entity label/);
    expect(() => deleteEdgesQuery('KNOWS' as never, [])).toThrow(/unknown relationship type/);
  });

  it('makes alias edges match exactly the computed keys', () => {
    expect(updateProfilesQuery('Organization', []).cypher).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (e:Organization {id: row.id}) USING INDEX SEEK e:Organization(id)
      SET e.name = row.name, e.aliases = row.aliases, e.searchText = row.searchText, e += row.props
      WITH e, row
      CALL (e, row) { UNWIND row.removedKeys AS key MATCH (old:Alias {key: key})-[r:ALIAS_OF]->(e) USING INDEX SEEK old:Alias(key) DELETE r }
      WITH e, row
      UNWIND row.aliasKeys AS k
      MERGE (a:Alias {key: k.key})
      MERGE (a)-[r:ALIAS_OF]->(e)
      SET r.identity = k.identity"
    `);
  });

  it('merges an aggregated edge on its fact key', () => {
    expect(
      mergeEdgesQuery('PARTNERS_WITH', 'Organization', 'Organization', [
        { key: 'PARTNERS_WITH|org-a|org-b', sourceId: 'org-a', targetId: 'org-b', props: { kinds: ['mou'], documentCount: 1 } },
      ]),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $rows AS row
      MATCH (a:Organization {id: row.sourceId}) USING INDEX SEEK a:Organization(id)
      MATCH (b:Organization {id: row.targetId}) USING INDEX SEEK b:Organization(id)
      MERGE (a)-[r:PARTNERS_WITH {key: row.key}]->(b)
      SET r += row.props",
        "params": {
          "rows": [
            {
              "key": "PARTNERS_WITH|org-a|org-b",
              "props": {
                "documentCount": 1,
                "kinds": [
                  "mou",
                ],
              },
              "sourceId": "org-a",
              "targetId": "org-b",
            },
          ],
        },
      }
    `);
    expect(deleteEdgesQuery('HOLDS_ROLE', ['HOLDS_ROLE|p|o|dg']).cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      MATCH ()-[r:HOLDS_ROLE {key: key}]->() USING INDEX SEEK r:HOLDS_ROLE(key)
      DELETE r"
    `);
  });

  it('adds to profiles without ever turning an identity key off, and reads edges by fact key', () => {
    expect(addToProfilesQuery('Person', []).cypher).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (e:Person {id: row.id}) USING INDEX SEEK e:Person(id)
      SET e.name = row.name, e.aliases = row.aliases, e.searchText = row.searchText, e += row.props
      WITH e, row
      UNWIND row.aliasKeys AS k
      MERGE (a:Alias {key: k.key})
      MERGE (a)-[r:ALIAS_OF]->(e)
      SET r.identity = coalesce(r.identity, false) OR k.identity"
    `);
    const query = edgesByKeysQuery([['PARTNERS_WITH', ['PARTNERS_WITH|org-a|org-b']]]);
    // One part per relationship type whatever the batch holds, and one list parameter: one text, few cached plans.
    expect(query.cypher.split('\nUNION ALL\n')).toHaveLength(8);
    expect(query.cypher.split('\nUNION ALL\n')[0]).toMatchInlineSnapshot(`"UNWIND $rows AS row WITH row WHERE row.type = 'PARTNERS_WITH' MATCH ()-[r:PARTNERS_WITH {key: row.value}]->() USING INDEX SEEK r:PARTNERS_WITH(key) RETURN row.value AS key, properties(r) AS props"`);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "rows": [
          {
            "type": "PARTNERS_WITH",
            "value": "PARTNERS_WITH|org-a|org-b",
          },
        ],
      }
    `);
  });

  it('retracts a document keeping or dropping its node', () => {
    expect(retractDocumentQuery('d1', true).cypher).toMatchInlineSnapshot(`
      "MATCH (d:Document {id: $id}) USING INDEX SEEK d:Document(id)
      CALL (d) { OPTIONAL MATCH (s:Statement)-[:STATED_IN]->(d) DETACH DELETE s }
      CALL (d) { OPTIONAL MATCH (d)-[m:MENTIONS]->() DELETE m }"
    `);
    expect(retractDocumentQuery('d1', false).cypher).toMatchInlineSnapshot(`
      "MATCH (d:Document {id: $id}) USING INDEX SEEK d:Document(id)
      CALL (d) { OPTIONAL MATCH (s:Statement)-[:STATED_IN]->(d) DETACH DELETE s }
      DETACH DELETE d"
    `);
  });

  it('reads summaries and alias links of every entity type in one fixed-shape query', () => {
    const query = entitySummariesByTypeQuery([['Person', ['person-a']]]);
    expect(query.cypher.split('\nUNION ALL\n')).toHaveLength(8);
    expect(query.cypher.split('\nUNION ALL\n')[1]).toMatchInlineSnapshot(`"UNWIND $rows AS row WITH row WHERE row.type = 'Person' MATCH (e:Person {id: row.value}) USING INDEX SEEK e:Person(id) RETURN row.value AS id, e {.name, .aliases, .searchText, .forms, .status, .statusAt, .date} AS current, [(a:Alias)-[r:ALIAS_OF]->(e) | {key: a.key, identity: r.identity}] AS links"`);
    // A single list parameter, whatever types the batch holds.
    expect(query.params).toEqual({ rows: [{ type: 'Person', value: 'person-a' }] });
  });

  it('updates stored edges by key without expanding their endpoints', () => {
    expect(updateEdgesQuery('HOLDS_ROLE', [{ key: 'HOLDS_ROLE|person-a|org-b|president', props: { documentCount: 2 } }]).cypher).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH ()-[r:HOLDS_ROLE {key: row.key}]->() USING INDEX SEEK r:HOLDS_ROLE(key)
      SET r += row.props"
    `);
  });
});
