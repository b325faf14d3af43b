/**
 * `partners(of:)` and `partnership(a, b)`: aggregated PARTNERS_WITH edges
 * (one per unordered pair, traversed undirected) with their evidence in the
 * same statement, so a page costs one round trip whatever its size.
 */
import type { CypherQuery } from '../executor.ts';
import { asOfEdge, evidenceSubquery, statedByAsOf, KIND_ORDER, notRejected, orgMap, partnershipMap, statementTopics } from './common.ts';
import type { EntityRow, PartnershipRow } from './common.ts';

export interface PartnersInput {
  /** The organisation's id (names are resolved beforehand, src/api/names.ts). */
  id: string;
  /** Stored kind ('mou', 'joint-event' ...) or null for any. */
  kind: string | null;
  since: string | null;
  until: string | null;
  /** Lower-cased substring of the name of a Topic that a statement of the partnership names as an area, or null. */
  area: string | null;
  /** Stored statuses to keep ('active', 'ended', 'declined'). */
  statuses: readonly string[];
  includeUnits: boolean;
  /** Keep partnerships a judgement rejected (default answers leave them out). */
  includeRejected?: boolean;
  skip: number;
  limit: number;
  /** Sentences to prefetch per partnership; 0 skips them. */
  evidenceLimit: number;
  /** YYYY-MM-DD: the partnerships as the documents published up to that day describe them; null for today's graph. */
  asOf?: string | null;
}

export interface PartnersRow {
  organization: EntityRow;
  totalCount: number;
  items: PartnershipRow[];
}

/** Partnerships of one organisation (and its units), most recent first, one page. */
export function partnersQuery(input: PartnersInput): CypherQuery {
  const asOf = (input.asOf ?? null) !== null;
  return {
    cypher: `MATCH (o:Organization {id: $id})
OPTIONAL MATCH (u:Organization)-[${asOf ? 'unitPath' : ''}:PART_OF*1..3]->(o) WHERE $includeUnits${asOf ? ` AND all(link IN unitPath WHERE ${statedByAsOf('link.key')})` : ''}
WITH o, [o] + collect(DISTINCT u) AS members
CALL (o, members) {
  UNWIND members AS m
  ${asOf ? `MATCH (m)-[edge:PARTNERS_WITH]-(p:Organization)\n  WHERE NOT p IN members\n  ${asOfEdge('edge', 'r', '  ')}\n  WITH m, r, p WHERE r IS NOT NULL` : 'MATCH (m)-[r:PARTNERS_WITH]-(p:Organization)\n  WHERE NOT p IN members'}
    AND coalesce(r.status, 'active') IN $statuses
    AND ($kind IS NULL OR $kind IN r.kinds)
    AND ($includeRejected OR ${notRejected('r.key')})
    AND ($since IS NULL OR r.lastSeen >= $since)
    AND ($until IS NULL OR r.firstSeen <= $until)
    AND ($area IS NULL OR EXISTS {
      ${statementTopics('r.key', 't', '      ')}
      WHERE toLower(t.name) CONTAINS $area
    })
  WITH m, r, p ORDER BY coalesce(r.lastSeen, '') DESC, p.name ASC, r.key ASC
  RETURN collect({m: m, r: r, p: p}) AS rows
}
WITH o, size(rows) AS totalCount, rows[toInteger($skip)..toInteger($skip + $limit)] AS page
CALL (o, page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH o, i, page[i].m AS m, page[i].r AS r, page[i].p AS p
  ${evidenceSubquery('r', 'r.key', '$evidenceLimit', null, asOf)}
  WITH i, ${partnershipMap('o', 'm', 'r', 'p', 'evidence')} AS item
  ORDER BY i
  RETURN collect(item) AS items
}
RETURN ${orgMap('o')} AS organization, totalCount, items`,
    params: {
      id: input.id,
      kind: input.kind,
      since: input.since,
      until: input.until,
      area: input.area,
      statuses: [...input.statuses],
      includeUnits: input.includeUnits,
      includeRejected: input.includeRejected === true,
      skip: input.skip,
      limit: input.limit,
      evidenceLimit: input.evidenceLimit,
      ...(asOf ? { asOf: input.asOf, kindOrder: KIND_ORDER } : {}),
    },
  };
}

export interface PartnershipInput {
  /** Ids of the two organisations. */
  idA: string;
  idB: string;
  evidenceLimit: number;
  /** YYYY-MM-DD, as in PartnersInput; null for today's graph. */
  asOf?: string | null;
}

/** The edge between two organisations given by id, with its evidence; no row when none. */
export function partnershipQuery(input: PartnershipInput): CypherQuery {
  const asOf = (input.asOf ?? null) !== null;
  const edge = asOf
    ? `MATCH (a)-[edge:PARTNERS_WITH]-(b)\nWHERE ${notRejected('edge.key')}\nWITH a, edge, b LIMIT 1\n${asOfEdge('edge', 'r', '')}\nWITH a, r, b WHERE r IS NOT NULL`
    : `MATCH (a)-[r:PARTNERS_WITH]-(b)\nWHERE ${notRejected('r.key')}\nWITH a, r, b LIMIT 1`;
  return {
    cypher: `MATCH (a:Organization {id: $idA}), (b:Organization {id: $idB})
${edge}
${evidenceSubquery('r', 'r.key', '$evidenceLimit', null, asOf)}
RETURN ${partnershipMap('a', 'a', 'r', 'b', 'evidence')} AS partnership`,
    params: { idA: input.idA, idB: input.idB, evidenceLimit: input.evidenceLimit, ...(asOf ? { asOf: input.asOf, kindOrder: KIND_ORDER } : {}) },
  };
}
