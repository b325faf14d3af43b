/**
 * `connection(from, to)`: all shortest chains between two organisations or
 * people through partnerships, roles and unit/membership links.
 */
import { invariant } from '../../errors.ts';
import type { CypherQuery } from '../executor.ts';
import { entityMap, notRejected } from './common.ts';
import type { EntityRow } from './common.ts';

export const MAX_HOPS = 6;

/** One end of a chain, resolved beforehand (src/api/names.ts). */
export interface ConnectionEnd {
  label: 'Organization' | 'Person';
  id: string;
}

export interface ConnectionInput {
  from: ConnectionEnd;
  to: ConnectionEnd;
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
  paths: { length: number; steps: PathStepRow[] }[];
}

/** One row: the shortest paths between two entities (evidence is fetched by edge key); no row when an end is gone. */
export function connectionQuery(input: ConnectionInput): CypherQuery {
  invariant(Number.isInteger(input.maxHops) && input.maxHops >= 1 && input.maxHops <= MAX_HOPS, 'maxHops validated by the caller');
  return {
    cypher: `MATCH (a:${input.from.label} {id: $fromId}), (b:${input.to.label} {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a <> b
  MATCH path = allShortestPaths((a)-[:PARTNERS_WITH|HOLDS_ROLE|PART_OF*..${input.maxHops}]-(b))
  WHERE all(hop IN relationships(path) WHERE ${notRejected('hop.key')})
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
RETURN paths`,
    params: { fromId: input.from.id, toId: input.to.id, maxPaths: input.maxPaths },
  };
}
