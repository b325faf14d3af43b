/**
 * `connection(from, to)`: all shortest chains between two organisations or
 * people through partnerships, roles and unit/membership links.
 */
import { invariant } from '../../errors.ts';
import type { CypherQuery } from '../executor.ts';
import { entityMap } from './common.ts';
import type { EntityRow } from './common.ts';

export const MAX_HOPS = 6;

export interface ConnectionInput {
  /** Alias keys of the start: one per label it may have (Organization, Person). */
  fromKeys: readonly string[];
  toKeys: readonly string[];
  /** 1..MAX_HOPS; written into the pattern (Cypher takes no parameter there), so validated here. */
  maxHops: number;
  maxPaths: number;
}

export interface PathStepRow {
  from: EntityRow;
  to: EntityRow;
  relation: 'PARTNERS_WITH' | 'HOLDS_ROLE' | 'PART_OF';
  key: string | null;
  title: string | null;
  kinds: string[] | null;
}

export interface ConnectionRow {
  fromFound: boolean;
  toFound: boolean;
  paths: { length: number; steps: PathStepRow[] }[];
}

function endpoint(keysParam: string): string {
  return `head(COLLECT {
  MATCH (al:Alias)-[:ALIAS_OF]->(n)
  WHERE al.key IN ${keysParam} AND (n:Organization OR n:Person)
  RETURN n ORDER BY COUNT { (n)--() } DESC, n.id ASC
})`;
}

/** One row: whether both ends resolved, and the shortest paths between them (evidence is fetched by edge key). */
export function connectionQuery(input: ConnectionInput): CypherQuery {
  invariant(Number.isInteger(input.maxHops) && input.maxHops >= 1 && input.maxHops <= MAX_HOPS, 'maxHops validated by the caller');
  return {
    cypher: `WITH ${endpoint('$fromKeys')} AS a, ${endpoint('$toKeys')} AS b
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH path = allShortestPaths((a)-[:PARTNERS_WITH|HOLDS_ROLE|PART_OF*..${input.maxHops}]-(b))
  WITH path LIMIT toInteger($maxPaths)
  WITH path, [n IN nodes(path) | ${entityMap('n')}] AS ns, relationships(path) AS rs
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
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`,
    params: { fromKeys: [...input.fromKeys], toKeys: [...input.toKeys], maxPaths: input.maxPaths },
  };
}
