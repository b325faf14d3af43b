import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../resolve/normalize.ts';
import { connectionQuery } from './connection.ts';

const keys = (name: string) => [aliasKey('Organization', name), aliasKey('Person', name)];

describe('connection query', () => {
  it('resolves both ends as organisation or person and returns all shortest paths', () => {
    const query = connectionQuery({ fromKeys: keys('Sayasat Nurbek'), toKeys: keys('Matthias Kleiner'), maxHops: 4, maxPaths: 10 });
    expect(query.cypher).toMatchInlineSnapshot(`
      "WITH head(COLLECT {
        MATCH (al:Alias)-[:ALIAS_OF]->(n)
        WHERE al.key IN $fromKeys AND (n:Organization OR n:Person)
        RETURN n ORDER BY COUNT { (n)--() } DESC, n.id ASC
      }) AS a, head(COLLECT {
        MATCH (al:Alias)-[:ALIAS_OF]->(n)
        WHERE al.key IN $toKeys AND (n:Organization OR n:Person)
        RETURN n ORDER BY COUNT { (n)--() } DESC, n.id ASC
      }) AS b
      CALL (a, b) {
        WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
        MATCH path = allShortestPaths((a)-[:PARTNERS_WITH|HOLDS_ROLE|PART_OF*..4]-(b))
        WITH path LIMIT toInteger($maxPaths)
        WITH path, [n IN nodes(path) | n {.id, .name, aliases: coalesce(n.aliases, []), .status, .date, label: head([l IN labels(n) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}] AS ns, relationships(path) AS rs
        RETURN collect({
          length: length(path),
          steps: [i IN range(0, length(path) - 1) | {
            from: ns[i],
            to: ns[i + 1],
            relation: type(rs[i]),
            key: rs[i].key,
            title: rs[i].title,
            kinds: rs[i].kinds
          }]
        }) AS paths
      }
      RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "fromKeys": [
          "Organization|sayasat nurbek",
          "Person|sayasat nurbek",
        ],
        "maxPaths": 10,
        "toKeys": [
          "Organization|matthias kleiner",
          "Person|matthias kleiner",
        ],
      }
    `);
  });

  it('writes the validated hop bound into the pattern and refuses anything else', () => {
    expect(connectionQuery({ fromKeys: [], toKeys: [], maxHops: 6, maxPaths: 1 }).cypher).toContain('*..6]');
    expect(() => connectionQuery({ fromKeys: [], toKeys: [], maxHops: 7, maxPaths: 1 })).toThrow(/Invariant/);
    expect(() => connectionQuery({ fromKeys: [], toKeys: [], maxHops: 2.5, maxPaths: 1 })).toThrow(/Invariant/);
  });
});
