import { describe, expect, it } from 'vitest';
import { filteredEdgesQuery, mergeEdges, NO_FILTER } from '../graph/queries/network.ts';
import { organizationType, organizationTypePatterns } from '../graph/queries/organization-types.ts';
import { isEmptyFilter, neighbourhood, parseNetworkFilter, perYear, rankByPartners, toKindEnum } from './network.ts';

describe('partnership network', () => {
  it('merges both directions of a pair into one edge, keeping every kind and the larger document count', () => {
    expect(
      mergeEdges([
        { source: 'b', target: 'a', kinds: ['mou'], documentCount: 3 },
        { source: 'a', target: 'b', kinds: ['meeting', 'mou'], documentCount: 1 },
        { source: 'a', target: 'c', kinds: [], documentCount: 0 },
      ]),
    ).toEqual([
      { source: 'a', target: 'b', kinds: ['mou', 'meeting'], documentCount: 3 },
      { source: 'a', target: 'c', kinds: [], documentCount: 0 },
    ]);
  });

  it.each([
    ['joint-event', 'JOINT_EVENT'],
    ['mou', 'MOU'],
    ['programme', 'PROGRAMME'],
    ['handshake', null],
  ])('maps the stored kind %s to %s', (stored, expected) => {
    expect(toKindEnum(stored)).toBe(expected);
  });

  it('reads every partnership without conditions when nothing is filtered', () => {
    expect(filteredEdgesQuery(NO_FILTER)).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
      WHERE b <> a
        AND NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
      RETURN a.id AS source, b.id AS target, r.key AS key, coalesce(r.kinds, []) AS kinds, coalesce(r.documentCount, 0) AS documentCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen",
        "params": {},
      }
    `);
  });

  it('passes every filter value as a parameter, never in the text', () => {
    const filter = parseNetworkFilter({
      kinds: ['MOU', 'JOINT_EVENT'],
      since: '2020-01-01',
      until: '2022-12-31',
      country: ' Morocco ',
      area: 'Science',
      organizationType: 'UNIVERSITY',
      minDocuments: 2,
      around: 'ICESCO',
      hops: 2,
    });
    const query = filteredEdgesQuery(filter);
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
      WHERE b <> a
        AND NOT EXISTS { MATCH (judged:JudgedFact {key: r.key}) WHERE judged.state = 'reject' }
        AND any(k IN r.kinds WHERE k IN $kinds)
        AND r.lastSeen >= $since
        AND r.firstSeen <= $until
        AND coalesce(r.documentCount, 0) >= $minDocuments
        AND (((EXISTS { MATCH (a)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country) WHERE toLower(c.name) = $country } OR (NOT EXISTS { (a)-[:BASED_IN]->() } AND any(n IN [a.name] + coalesce(a.aliases, []) WHERE toLower(n) ENDS WITH $country))) AND a.name =~ $typeInclude AND NOT a.name =~ $typeExclude) OR ((EXISTS { MATCH (b)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country) WHERE toLower(c.name) = $country } OR (NOT EXISTS { (b)-[:BASED_IN]->() } AND any(n IN [b.name] + coalesce(b.aliases, []) WHERE toLower(n) ENDS WITH $country))) AND b.name =~ $typeInclude AND NOT b.name =~ $typeExclude))
        AND EXISTS {
          MATCH (areaStatement:Statement {factKey: r.key})
          UNWIND coalesce(areaStatement.areaKeys, []) AS areaKey
          MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(t:Topic)
          WHERE toLower(t.name) CONTAINS $area
        }
      RETURN a.id AS source, b.id AS target, r.key AS key, coalesce(r.kinds, []) AS kinds, coalesce(r.documentCount, 0) AS documentCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen"
    `);
    expect(query.params).toMatchObject({ kinds: ['joint-event', 'mou'], since: '2020-01-01', until: '2022-12-31', minDocuments: 2, country: 'morocco', area: 'science' });
    expect(filter.aroundKey).toBe('Organization|icesco');
    expect(filter.hops).toBe(2);
    for (const value of ['Morocco', 'morocco', 'science', 'ICESCO']) expect(query.cypher).not.toContain(value);
  });

  it.each([
    [{ since: '2022-01-01', until: '2021-01-01' }, 'filter.since'],
    [{ minDocuments: 0 }, 'filter.minDocuments'],
    [{ hops: 4, around: 'ICESCO' }, 'filter.hops'],
    [{ around: '  ?! ' }, 'filter.around'],
    [{ organizationType: 'PIRATES' }, 'filter.organizationType'],
  ])('refuses %j with BAD_USER_INPUT naming %s', (args, argument) => {
    expect(() => parseNetworkFilter(args)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { argument } }));
  });

  it('knows an empty filter', () => {
    expect(isEmptyFilter(parseNetworkFilter(null))).toBe(true);
    expect(isEmptyFilter(parseNetworkFilter({ minDocuments: 1, kinds: [] }))).toBe(true);
    expect(isEmptyFilter(parseNetworkFilter({ minDocuments: 2 }))).toBe(false);
    expect(isEmptyFilter(parseNetworkFilter({ around: 'ICESCO' }))).toBe(false);
  });

  it('finds the neighbourhood within n hops', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
      { source: 'x', target: 'y' },
    ];
    expect([...neighbourhood(edges, 'b', 1)].sort()).toEqual(['a', 'b', 'c']);
    expect([...neighbourhood(edges, 'a', 2)].sort()).toEqual(['a', 'b', 'c']);
    expect([...neighbourhood(edges, 'a', 3)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...neighbourhood(edges, 'z', 3)]).toEqual(['z']);
  });

  it('ranks by distinct partners, ties by id, the centre first', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
      { source: 'b', target: 'd' },
    ];
    const { ranked, partnerCounts } = rankByPartners(edges);
    expect(ranked).toEqual(['b', 'c', 'd', 'a']);
    expect(partnerCounts.get('b')).toBe(3);
    expect(rankByPartners(edges, 'a').ranked).toEqual(['a', 'b', 'c', 'd']);
    expect(rankByPartners([], 'z')).toEqual({ ranked: ['z'], partnerCounts: new Map([['z', 0]]) });
  });

  it('counts partnerships per year they were first seen', () => {
    expect(perYear([{ firstSeen: '2021-03-01' }, { firstSeen: null }, { firstSeen: '2019-01-01' }, { firstSeen: '2021-12-31' }])).toEqual([
      { year: 2019, count: 1 },
      { year: 2021, count: 2 },
    ]);
  });
});

describe('organisation types', () => {
  it.each([
    ['Ministry of Science and Higher Education of the Republic of Kazakhstan', 'GOVERNMENT'],
    ['University of Sfax', 'UNIVERSITY'],
    ['Université Laval', 'UNIVERSITY'],
    ['National Engineering School of Sfax', 'UNIVERSITY'],
    ['Leibniz Institute for Catalysis', 'RESEARCH'],
    ['Islamic World Educational, Scientific, and Cultural Organization', 'INTERNATIONAL'],
    ['Leibniz Association', 'ASSOCIATION'],
    ['Qatar Foundation', 'FOUNDATION'],
    ['Northwind Ltd', 'COMPANY'],
    ['DAAD', 'OTHER'],
    ['Organizational Universe', 'OTHER'],
  ])('classifies %s as %s', (name, type) => {
    expect(organizationType(name)).toBe(type);
  });

  it('gives Cypher patterns that exclude the types that take precedence', () => {
    expect(organizationTypePatterns('GOVERNMENT').exclude).toBeNull();
    expect(organizationTypePatterns('UNIVERSITY').exclude).toContain('ministry');
    expect(organizationTypePatterns('OTHER').include).toBeNull();
  });
});
