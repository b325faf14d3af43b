/**
 * `search(text)`: the full-text index `entity_search` over names and
 * searchText of every entity label.
 */
import type { CypherQuery } from '../executor.ts';
import { entityMap } from './common.ts';

/** Escapes Lucene's query syntax so user text is matched as words (lower-cased: prefix terms are not analysed, and AND/OR stay words). */
export function luceneTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`))
    .filter((word) => word.length > 0);
}

/** Exact words weigh more than prefixes: "leib" finds Leibniz, "leibniz" ranks it first. */
export function luceneQuery(text: string): string {
  return luceneTerms(text)
    .map((term) => `(${term}^2 OR ${term}*)`)
    .join(' AND ');
}

/** Forgiving form for suggestions: any word, as a word, a prefix or with one typo ("Leibnitz" suggests Leibniz). */
export function suggestionQuery(text: string): string | null {
  const terms = luceneTerms(text);
  return terms.length === 0 ? null : terms.map((term) => `(${term}^3 OR ${term}* OR ${term}~1)`).join(' OR ');
}

export function searchQuery(text: string, first: number): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($first)}) YIELD node, score
RETURN ${entityMap('node')} AS entity, score`,
    params: { query: luceneQuery(text), first },
  };
}
