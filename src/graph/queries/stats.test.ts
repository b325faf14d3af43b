import { describe, expect, it } from 'vitest';
import { STATS_SECTIONS, statsQuery } from './stats.ts';

describe('stats query', () => {
  it('computes every selected section in one statement', () => {
    const query = statsQuery(STATS_SECTIONS, 10);
    expect(query.cypher).toMatchInlineSnapshot(`
      "CALL () {
        RETURN [
          {label: 'Organization', count: COUNT { MATCH (n:Organization) }},
          {label: 'Person', count: COUNT { MATCH (n:Person) }},
          {label: 'Country', count: COUNT { MATCH (n:Country) }},
          {label: 'Place', count: COUNT { MATCH (n:Place) }},
          {label: 'Programme', count: COUNT { MATCH (n:Programme) }},
          {label: 'Event', count: COUNT { MATCH (n:Event) }},
          {label: 'Agreement', count: COUNT { MATCH (n:Agreement) }},
          {label: 'Topic', count: COUNT { MATCH (n:Topic) }},
          {label: 'Document', count: COUNT { MATCH (n:Document) }},
          {label: 'Statement', count: COUNT { MATCH (n:Statement) }}
        ] AS labels
      }
      CALL () {
        MATCH (o:Organization)
        WITH o, COUNT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE p <> o AND NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' } RETURN DISTINCT p } AS partnerCount
        WHERE partnerCount > 0
        WITH o, partnerCount ORDER BY partnerCount DESC, o.name ASC LIMIT toInteger($top)
        RETURN collect({organization: o {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: o.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), o.name), aliases: coalesce(o.aliases, []), label: 'Organization'}, partnerCount: partnerCount}) AS topOrganizations
      }
      CALL () {
        MATCH (:Organization)-[r:PARTNERS_WITH]->(:Organization) WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
        WITH toInteger(substring(r.firstSeen, 0, 4)) AS year WHERE year IS NOT NULL
        WITH year, count(*) AS count ORDER BY year ASC
        RETURN collect({year: year, count: count}) AS partnershipsPerYear
      }
      CALL () {
        MATCH (x:Organization)-[r:PARTNERS_WITH]->(y:Organization)
        WITH x, r, y WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
        MATCH (x)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(cx:Country)
        MATCH (y)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(cy:Country)
        WITH DISTINCT r, CASE WHEN cx.name <= cy.name THEN [cx.name, cy.name] ELSE [cy.name, cx.name] END AS pair
        WITH pair, count(r) AS count ORDER BY count DESC, pair[0] ASC, pair[1] ASC LIMIT toInteger($top)
        RETURN collect({a: pair[0], b: pair[1], count: count}) AS partnershipsPerCountryPair
      }
      CALL () {
        MATCH (:Organization)-[r:PARTNERS_WITH]->(:Organization) WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
        MATCH (areaStatement:Statement {factKey: r.key})
        UNWIND coalesce(areaStatement.areaKeys, []) AS areaKey
        MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(t:Topic)
        WITH t.name AS area, count(DISTINCT r) AS count ORDER BY count DESC, area ASC LIMIT toInteger($top)
        RETURN collect({area: area, count: count}) AS partnershipsPerArea
      }
      CALL () {
        MATCH (a:Agreement) WHERE a.status IN ['proposed', 'drafted', 'signed', 'ended']
        WITH a.status AS status, count(*) AS count ORDER BY status ASC
        RETURN collect({status: status, count: count}) AS agreementsByStatus
      }
      CALL () {
        MATCH (o:Organization)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country)
        WITH c.name AS country, count(DISTINCT o) AS count ORDER BY country ASC
        RETURN collect({country: country, count: count}) AS organizationsPerCountry
      }
      RETURN labels, topOrganizations, partnershipsPerYear, partnershipsPerCountryPair, partnershipsPerArea, agreementsByStatus, organizationsPerCountry"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "top": 10,
      }
    `);
  });

  it('computes only what the request selects', () => {
    const query = statsQuery(['agreementsByStatus'], 10);
    expect(query.cypher).not.toContain('PARTNERS_WITH');
    expect(query.params).toEqual({});
  });
});
