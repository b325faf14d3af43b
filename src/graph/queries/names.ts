/**
 * Name resolution for every API argument that names an entity, in one round
 * trip: the entity an exact form names (alias keys, in the caller's order of
 * preference), else the entities whose alias keys contain one given word, and
 * full-text suggestions for when nothing fits.
 */
import type { CypherQuery } from '../executor.ts';
import { entityMap } from './common.ts';
import type { EntityRow } from './common.ts';

export interface NameCandidatesInput {
  /** Alias keys to try, best first; the first that names an entity of `labels` wins (best-connected on a tie). */
  keys: readonly string[];
  /** Labels the name may have (Organization, Person). */
  labels: readonly string[];
  /** A folded word to look for inside alias keys when no key matches, or null. */
  word: string | null;
  /** Lucene query for suggestions when no key matches, or null. */
  suggest: string | null;
  /** Most candidates and suggestions returned. */
  limit: number;
}

export interface NameCandidatesRow {
  exact: EntityRow | null;
  /** Entities (with every alias) whose alias keys hold `word` as a whole word; only when nothing matched exactly. */
  wordMatches: EntityRow[];
  /** Full-text hits over names and aliases, best first; only when nothing matched exactly. */
  suggestions: EntityRow[];
}

/** One row: the exact match, else candidates by word and suggestions. */
export function nameCandidatesQuery(input: NameCandidatesInput): CypherQuery {
  return {
    cypher: `WITH head(COLLECT {
  UNWIND range(0, size($keys) - 1) AS i
  CALL (i) {
    MATCH (:Alias {key: $keys[i]})-[r:ALIAS_OF]->(n)
    RETURN n, coalesce(r.identity, false) AS identity
    UNION
    // A name a rename judgement in force gave (src/graph/judgements.ts).
    MATCH (j:Judgement {renameKey: $keys[i]})
    MATCH (n:Organization|Person {id: j.renames})
    RETURN n, true AS identity
  }
  // An entity the name identifies beats one that only has it as a loose alias ("PUA" beside a full name).
  WITH i, n, identity WHERE any(l IN labels(n) WHERE l IN $labels)
  RETURN n ORDER BY i ASC, identity DESC, COUNT { (n)--() } DESC, n.id ASC
}) AS exact
CALL (exact) {
  WITH exact WHERE exact IS NULL AND $word IS NOT NULL
  UNWIND $labels AS label
  MATCH (a:Alias) WHERE a.key STARTS WITH label + '|' AND (' ' + substring(a.key, size(label) + 1) + ' ') CONTAINS (' ' + $word + ' ')
  MATCH (a)-[:ALIAS_OF]->(n) WHERE label IN labels(n)
  WITH DISTINCT n ORDER BY COUNT { (n)--() } DESC, n.id ASC LIMIT toInteger($limit)
  RETURN collect(${entityMap('n')}) AS wordMatches
}
CALL (exact) {
  WITH exact WHERE exact IS NULL AND $suggest IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_search', $suggest, {limit: toInteger($limit) * 4}) YIELD node, score
  WITH node, score WHERE any(l IN labels(node) WHERE l IN $labels)
  WITH node ORDER BY score DESC, node.id ASC LIMIT toInteger($limit)
  RETURN collect(${entityMap('node')}) AS suggestions
}
RETURN CASE WHEN exact IS NULL THEN null ELSE ${entityMap('exact')} END AS exact, wordMatches, suggestions`,
    params: { keys: [...input.keys], labels: [...input.labels], word: input.word, suggest: input.suggest, limit: input.limit },
  };
}
