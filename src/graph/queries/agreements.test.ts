import { describe, expect, it } from 'vitest';
import { agreementsQuery } from './agreements.ts';
import { documentsQuery } from './documents.ts';

describe('agreements query', () => {
  it('lists every agreement with a status filter when no party is given', () => {
    const query = agreementsQuery({ partyId: null, status: 'signed', skip: 0, limit: 20 });
    expect(query.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (a:Agreement)
        WHERE $status IS NULL OR a.status = $status
        WITH DISTINCT a ORDER BY coalesce(a.date, '') DESC, a.name ASC, a.id ASC
        RETURN collect(a) AS found
      }
      RETURN size(found) AS totalCount, [a IN found[toInteger($skip)..toInteger($skip + $limit)] | a {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: a.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), a.name), aliases: coalesce(a.aliases, []), .status, .date, label: head([l IN labels(a) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}] AS items"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "limit": 20,
        "partyId": null,
        "skip": 0,
        "status": "signed",
      }
    `);
  });

  it('starts from the resolved party when one is given', () => {
    const query = agreementsQuery({ partyId: 'org-icesco', status: null, skip: 20, limit: 5 });
    expect(query.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (:Organization {id: $partyId})-[:PARTY_TO]->(a:Agreement)
        WHERE $status IS NULL OR a.status = $status
        WITH DISTINCT a ORDER BY coalesce(a.date, '') DESC, a.name ASC, a.id ASC
        RETURN collect(a) AS found
      }
      RETURN size(found) AS totalCount, [a IN found[toInteger($skip)..toInteger($skip + $limit)] | a {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: a.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), a.name), aliases: coalesce(a.aliases, []), .status, .date, label: head([l IN labels(a) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}] AS items"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "limit": 5,
        "partyId": "org-icesco",
        "skip": 20,
        "status": null,
      }
    `);
  });
});

describe('documents query', () => {
  it('counts from the count store and pages newest first', () => {
    expect(documentsQuery(0, 20)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () { MATCH (d:Document) RETURN count(d) AS totalCount }
      CALL () {
        MATCH (d:Document)
        WITH d ORDER BY d.publishedAt DESC, d.id ASC SKIP toInteger($skip) LIMIT toInteger($limit)
        RETURN collect(d {.id, .title, .url, .publishedAt, ingestedAt: toString(d.ingestedAt)}) AS items
      }
      RETURN totalCount, items",
        "params": {
          "limit": 20,
          "skip": 0,
        },
      }
    `);
  });
});
