import { describe, expect, it } from 'vitest';
import { partnershipQuery, partnersQuery } from './partners.ts';

const base = {
  id: 'org-icesco',
  kind: null,
  since: null,
  until: null,
  area: null,
  statuses: ['active'],
  includeUnits: false,
  skip: 0,
  limit: 20,
  evidenceLimit: 5,
};

describe('partners query', () => {
  it('starts from the organisation by id and pages the partnerships with their evidence in one statement', () => {
    const query = partnersQuery(base);
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (o:Organization {id: $id})
      OPTIONAL MATCH (u:Organization)-[:PART_OF*1..3]->(o) WHERE $includeUnits
      WITH o, [o] + collect(DISTINCT u) AS members
      CALL (o, members) {
        UNWIND members AS m
        MATCH (m)-[r:PARTNERS_WITH]-(p:Organization)
        WHERE NOT p IN members
          AND coalesce(r.status, 'active') IN $statuses
          AND ($kind IS NULL OR $kind IN r.kinds)
          AND ($includeRejected OR NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' })
          AND ($since IS NULL OR r.lastSeen >= $since)
          AND ($until IS NULL OR r.firstSeen <= $until)
          AND ($area IS NULL OR EXISTS {
            MATCH (areaStatement:Statement {factKey: r.key})
            UNWIND coalesce(areaStatement.areaKeys, []) AS areaKey
            MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(t:Topic)
            WHERE toLower(t.name) CONTAINS $area
          })
        WITH m, r, p ORDER BY coalesce(r.lastSeen, '') DESC, p.name ASC, r.key ASC
        RETURN collect({m: m, r: r, p: p}) AS rows
      }
      WITH o, size(rows) AS totalCount, rows[toInteger($skip)..toInteger($skip + $limit)] AS page
      CALL (o, page) {
        UNWIND range(0, size(page) - 1) AS i
        WITH o, i, page[i].m AS m, page[i].r AS r, page[i].p AS p
        CALL (r) {
          MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
          WITH d, s.start AS start, s.end AS end, s.text AS text, collect(s.rules) AS ruleLists, collect(s.kind) AS kinds, min(s.date) AS date
          ORDER BY d.publishedAt DESC, d.id ASC, start ASC
          LIMIT toInteger($evidenceLimit)
          RETURN collect({text: text, start: start, end: end, rules: reduce(acc = [], l IN ruleLists | acc + [x IN l WHERE NOT x IN acc]), kinds: reduce(acc = [], k IN kinds | CASE WHEN k IN acc THEN acc ELSE acc + k END), date: date, document: d {.id, .title, .url, .publishedAt, ingestedAt: toString(d.ingestedAt)}}) AS evidence
        }
        WITH i, {key: r.key, kinds: coalesce(r.kinds, []), status: coalesce(r.status, 'active'), firstSeen: r.firstSeen, lastSeen: r.lastSeen, documentCount: coalesce(r.documentCount, 0), organization: o {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: o.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), o.name), aliases: coalesce(o.aliases, []), label: 'Organization'}, partner: p {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: p.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), p.name), aliases: coalesce(p.aliases, []), label: 'Organization'}, viaUnit: CASE WHEN m = o THEN null ELSE m {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: m.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), m.name), aliases: coalesce(m.aliases, []), label: 'Organization'} END, evidence: evidence} AS item
        ORDER BY i
        RETURN collect(item) AS items
      }
      RETURN o {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: o.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), o.name), aliases: coalesce(o.aliases, []), label: 'Organization'} AS organization, totalCount, items"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "area": null,
        "evidenceLimit": 5,
        "id": "org-icesco",
        "includeRejected": false,
        "includeUnits": false,
        "kind": null,
        "limit": 20,
        "since": null,
        "skip": 0,
        "statuses": [
          "active",
        ],
        "until": null,
      }
    `);
  });

  it('passes every filter as a parameter, never as Cypher text', () => {
    const query = partnersQuery({
      ...base,
      kind: 'joint-event',
      since: '2021-01-01',
      until: '2022-12-31',
      area: "science') DETACH DELETE n //",
      statuses: ['active', 'ended', 'declined'],
      includeUnits: true,
      skip: 20,
      limit: 10,
      evidenceLimit: 0,
    });
    expect(query.cypher).toBe(partnersQuery(base).cypher);
    expect(query.cypher).not.toContain('science');
    expect(query.params).toMatchInlineSnapshot(`
      {
        "area": "science') DETACH DELETE n //",
        "evidenceLimit": 0,
        "id": "org-icesco",
        "includeRejected": false,
        "includeUnits": true,
        "kind": "joint-event",
        "limit": 10,
        "since": "2021-01-01",
        "skip": 20,
        "statuses": [
          "active",
          "ended",
          "declined",
        ],
        "until": "2022-12-31",
      }
    `);
  });
});

describe('partnership query', () => {
  it('matches the one edge between two organisations given by id, undirected', () => {
    const query = partnershipQuery({ idA: 'org-icesco', idB: 'org-leibniz-association', evidenceLimit: 3 });
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (a:Organization {id: $idA}), (b:Organization {id: $idB})
      MATCH (a)-[r:PARTNERS_WITH]-(b)
      WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
      WITH a, r, b LIMIT 1
      CALL (r) {
          MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
          WITH d, s.start AS start, s.end AS end, s.text AS text, collect(s.rules) AS ruleLists, collect(s.kind) AS kinds, min(s.date) AS date
          ORDER BY d.publishedAt DESC, d.id ASC, start ASC
          LIMIT toInteger($evidenceLimit)
          RETURN collect({text: text, start: start, end: end, rules: reduce(acc = [], l IN ruleLists | acc + [x IN l WHERE NOT x IN acc]), kinds: reduce(acc = [], k IN kinds | CASE WHEN k IN acc THEN acc ELSE acc + k END), date: date, document: d {.id, .title, .url, .publishedAt, ingestedAt: toString(d.ingestedAt)}}) AS evidence
        }
      RETURN {key: r.key, kinds: coalesce(r.kinds, []), status: coalesce(r.status, 'active'), firstSeen: r.firstSeen, lastSeen: r.lastSeen, documentCount: coalesce(r.documentCount, 0), organization: a {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: a.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), a.name), aliases: coalesce(a.aliases, []), label: 'Organization'}, partner: b {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: b.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), b.name), aliases: coalesce(b.aliases, []), label: 'Organization'}, viaUnit: null, evidence: evidence} AS partnership"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "evidenceLimit": 3,
        "idA": "org-icesco",
        "idB": "org-leibniz-association",
      }
    `);
  });
});
