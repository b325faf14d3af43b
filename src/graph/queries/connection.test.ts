import { describe, expect, it } from 'vitest';
import { connectionQuery } from './connection.ts';

const person = (id: string) => ({ label: 'Person' as const, id });

describe('connection query', () => {
  it('starts from both ends by label and id and returns all shortest paths', () => {
    const query = connectionQuery({ from: person('person-sayasat-nurbek'), to: person('person-matthias-kleiner'), maxHops: 4, maxPaths: 10 });
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
      CALL (a, b) {
        WITH a, b WHERE a <> b
        MATCH path = allShortestPaths((a)-[:PARTNERS_WITH|HOLDS_ROLE|PART_OF*..4]-(b))
        WHERE all(hop IN relationships(path) WHERE NOT EXISTS { MATCH (judged:JudgedFact {key: hop.key}) WHERE judged.state = 'reject' })
        WITH path LIMIT toInteger($maxPaths)
        WITH path, [n IN nodes(path) | n {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: n.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), n.name), aliases: coalesce(n.aliases, []), .status, .date, label: head([l IN labels(n) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])}] AS ns, relationships(path) AS rs
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
      RETURN paths"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "fromId": "person-sayasat-nurbek",
        "maxPaths": 10,
        "toId": "person-matthias-kleiner",
      }
    `);
  });

  it('writes the validated hop bound into the pattern and refuses anything else', () => {
    expect(connectionQuery({ from: person('a'), to: person('b'), maxHops: 6, maxPaths: 1 }).cypher).toContain('*..6]');
    expect(() => connectionQuery({ from: person('a'), to: person('b'), maxHops: 7, maxPaths: 1 })).toThrow(/Invariant/);
    expect(() => connectionQuery({ from: person('a'), to: person('b'), maxHops: 2.5, maxPaths: 1 })).toThrow(/Invariant/);
  });
});
