import { describe, expect, it } from 'vitest';
import { luceneQuery, searchQuery } from './search.ts';

describe('search query', () => {
  it('queries the entity_search full-text index with escaped terms', () => {
    const query = searchQuery('Leibniz Assoc', 10);
    expect(query.cypher).toMatchInlineSnapshot(`
      "CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($first)}) YIELD node, score
      RETURN node {.id, name: coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: node.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), node.name), aliases: coalesce(node.aliases, []), .status, .date, label: head([l IN labels(node) WHERE l IN ['Organization', 'Person', 'Country', 'Place', 'Programme', 'Event', 'Agreement', 'Topic']])} AS entity, score"
    `);
    expect(query.params).toMatchInlineSnapshot(`
      {
        "first": 10,
        "query": "(leibniz^2 OR leibniz*) AND (assoc^2 OR assoc*)",
      }
    `);
  });

  it('escapes Lucene syntax so user text cannot change the query', () => {
    expect(luceneQuery('a:b (c) "d" e* -f')).toMatchInlineSnapshot(`"(a\\:b^2 OR a\\:b*) AND (\\(c\\)^2 OR \\(c\\)*) AND (\\"d\\"^2 OR \\"d\\"*) AND (e\\*^2 OR e\\**) AND (\\-f^2 OR \\-f*)"`);
  });
});
