import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../resolve/normalize.ts';
import { entityByAliasQuery, evidenceByKeysQuery, NEIGHBOURS, neighboursQuery, organizationPartnersQuery, partnershipAreasQuery, rolesQuery } from './entities.ts';

describe('organization lookup', () => {
  it('finds an organisation by the alias key of any of its names', () => {
    const query = entityByAliasQuery('Organization', aliasKey('Organization', 'icesco'));
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (:Alias {key: $key})-[:ALIAS_OF]->(n:Organization)
      WITH n ORDER BY COUNT { (n)--() } DESC, n.id ASC LIMIT 1
      RETURN n {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: n.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), n.name), aliases: coalesce(n.aliases, []), .status, .date, label: head([l IN labels(n) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])} AS entity"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "key": "Organization|icesco",
      }
    `);
  });
});

describe('batched nested fields', () => {
  it('answers a whole DataLoader batch of ids with one UNWIND', () => {
    const query = neighboursQuery('Organization.units', ['org-a', 'org-b']);
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Organization {id: id})
      MATCH (x:Organization)-[po:PART_OF]->(n) WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: po.key}) WHERE judged.state = 'reject' }
      WITH id, x ORDER BY x.name ASC
      RETURN id, collect(DISTINCT x {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: x.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), x.name), aliases: coalesce(x.aliases, []), .status, .date, label: head([l IN labels(x) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}) AS items"
    `);
    expect(query.params).toEqual({ ids: ['org-a', 'org-b'] });
  });

  it('uses a label on the anchor node for every neighbour field, so the id lookup is an index seek', () => {
    for (const field of Object.keys(NEIGHBOURS) as (keyof typeof NEIGHBOURS)[]) {
      expect(neighboursQuery(field, ['x']).cypher).toMatch(/MATCH \(n:(Organization|Country|Place|Agreement|Programme|Event) \{id: id\}\)/);
    }
  });

  it('limits the partners of each organisation inside a per-row subquery', () => {
    const query = organizationPartnersQuery(['org-a'], 3);
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (o:Organization {id: id})
      CALL (o) {
        MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
        WITH r, p ORDER BY coalesce(r.lastSeen, '') DESC, p.name ASC, r.key ASC
        LIMIT toInteger($first)
        RETURN collect({key: r.key, kinds: coalesce(r.kinds, []), status: coalesce(r.status, 'active'), firstSeen: r.firstSeen, lastSeen: r.lastSeen, documentCount: coalesce(r.documentCount, 0), organization: o {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: o.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), o.name), aliases: coalesce(o.aliases, []), label: 'Organization'}, partner: p {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: p.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), p.name), aliases: coalesce(p.aliases, []), label: 'Organization'}, viaUnit: null, evidence: null}) AS items
      }
      RETURN id, items"
    `);
    expect(query.params).toEqual({ ids: ['org-a'], first: 3 });
  });

  it('reads roles from either side of HOLDS_ROLE', () => {
    expect(rolesQuery('Person', ['p1']).cypher).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Person {id: id})-[r:HOLDS_ROLE]->(p:Organization)
      WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
      WITH id, r, n AS person, p AS organization
      ORDER BY coalesce(r.lastSeen, '') DESC, person.name ASC, organization.name ASC
      RETURN id, collect({key: r.key, title: r.title, firstSeen: r.firstSeen, lastSeen: r.lastSeen, person: person {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: person.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), person.name), aliases: coalesce(person.aliases, []), .status, .date, label: head([l IN labels(person) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}, organization: organization {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: organization.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), organization.name), aliases: coalesce(organization.aliases, []), label: 'Organization'}}) AS items"
    `);
  });

  it('fetches evidence for many edge keys at once through the factKey index', () => {
    const query = evidenceByKeysQuery(['PARTNERS_WITH|a|b', 'HOLDS_ROLE|p|a'], 5);
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      CALL (key) {
          MATCH (s:Statement {factKey: key})-[:STATED_IN]->(d:Document)
          WITH d, s.start AS start, s.end AS end, s.text AS text, collect(s.rules) AS ruleLists, collect(s.kind) AS kinds, min(s.date) AS date
          ORDER BY d.publishedAt DESC, d.id ASC, start ASC
          LIMIT toInteger($limit)
          RETURN collect({text: text, start: start, end: end, rules: reduce(acc = [], l IN ruleLists | acc + [x IN l WHERE NOT x IN acc]), kinds: reduce(acc = [], k IN kinds | CASE WHEN k IN acc THEN acc ELSE acc + k END), date: date, document: d {.id, .title, .url, .publishedAt, ingestedAt: toString(d.ingestedAt)}}) AS evidence
        }
      RETURN key, evidence"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "keys": [
          "PARTNERS_WITH|a|b",
          "HOLDS_ROLE|p|a",
        ],
        "limit": 5,
      }
    `);
  });

  it("finds a partnership's areas through the alias keys on its statements, not the documents' topics", () => {
    const query = partnershipAreasQuery(['PARTNERS_WITH|a|b']);
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      CALL (key) {
        MATCH (areaStatement:Statement {factKey: key})
        UNWIND coalesce(areaStatement.areaKeys, []) AS areaKey
        MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(t:Topic)
        WITH DISTINCT t ORDER BY t.name ASC
        RETURN collect(t {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: t.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), t.name), aliases: coalesce(t.aliases, []), .status, .date, label: head([l IN labels(t) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}) AS items
      }
      RETURN key, items"
    `);
    expect(query.params).toEqual({ keys: ['PARTNERS_WITH|a|b'] });
  });
});
