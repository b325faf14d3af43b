/**
 * The partnership network for the dashboard, filtered on the server: the
 * partnerships that pass a filter (kinds, dates, documents, area, and the
 * country or type of at least one end) as compact rows, then the details of
 * the organisations that will be drawn. Ranking, the neighbourhood of an
 * organisation and the top-N cut are done on those rows by the API
 * (src/api/network.ts), so one reading of the edges serves the network and
 * the figures of one request.
 */
import type { CypherQuery } from '../executor.ts';
import { asOfEdge, KIND_ORDER, notRejected, orgMap, shownName, statementTopics } from './common.ts';
import { organizationTypePatterns } from './organization-types.ts';
import type { OrganizationType } from './organization-types.ts';

export interface NetworkNodeRow {
  id: string;
  name: string;
  aliases: string[];
  /** Name of the country the organisation is based in (directly or through a city), or null. */
  country: string | null;
}

export interface NetworkEdgeRow {
  source: string;
  target: string;
  /** Stored kinds, e.g. "mou", "joint-event", merged over both directions. */
  kinds: string[];
  documentCount: number;
}

/** One PARTNERS_WITH edge that passed the filter. */
export interface FilteredEdgeRow extends NetworkEdgeRow {
  key: string;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The filter as the query builder takes it: stored values, already validated. */
export interface NetworkFilterInput {
  /** Stored kinds ('mou', 'joint-event' ...); an edge passes when it has one of them. Empty: any. */
  kinds: readonly string[];
  since: string | null;
  until: string | null;
  /** Lower-cased country name; one end must be based there (or, based nowhere, be named after it). */
  country: string | null;
  /** Lower-cased substring of a topic named by a supporting document. */
  area: string | null;
  /** One end must be of this type. */
  organizationType: OrganizationType | null;
  minDocuments: number;
  /** YYYY-MM-DD: partnerships as the documents published up to that day describe them (kinds, dates, document counts); null for today's graph. */
  asOf?: string | null;
}

export const NO_FILTER: NetworkFilterInput = Object.freeze({
  kinds: [],
  since: null,
  until: null,
  country: null,
  area: null,
  organizationType: null,
  minDocuments: 1,
  asOf: null,
});

/** A predicate on organisation `v` for the node filters (country, type); 'true' when none is set. */
function endCondition(v: string, filter: NetworkFilterInput): string {
  const parts: string[] = [];
  if (filter.country !== null) {
    // Based there, or based nowhere and named after it ("... of the Republic of Kazakhstan"), as in cypher/queries/06.
    parts.push(
      `(EXISTS { MATCH (${v})-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country) WHERE toLower(c.name) = $country } OR (NOT EXISTS { (${v})-[:BASED_IN]->() } AND any(n IN [${v}.name] + coalesce(${v}.aliases, []) WHERE toLower(n) ENDS WITH $country)))`,
    );
  }
  if (filter.organizationType !== null) {
    const { include, exclude } = organizationTypePatterns(filter.organizationType);
    if (include !== null) parts.push(`${v}.name =~ $typeInclude`);
    if (exclude !== null) parts.push(`NOT ${v}.name =~ $typeExclude`);
  }
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

/**
 * Every partnership that passes `filter`, one row per stored edge. Only the
 * conditions that are set appear in the text, so the planner sees a simple
 * statement for the common, unfiltered case; values are parameters.
 */
export function filteredEdgesQuery(filter: NetworkFilterInput): CypherQuery {
  const where = ['b <> a', notRejected('r.key')];
  if (filter.kinds.length > 0) where.push('any(k IN r.kinds WHERE k IN $kinds)');
  if (filter.since !== null) where.push('r.lastSeen >= $since');
  if (filter.until !== null) where.push('r.firstSeen <= $until');
  if (filter.minDocuments > 1) where.push('coalesce(r.documentCount, 0) >= $minDocuments');
  const ends = endCondition('a', filter);
  if (ends !== 'true') where.push(`((${ends}) OR (${endCondition('b', filter)}))`);
  if (filter.area !== null) {
    where.push(`EXISTS {
    ${statementTopics('r.key', 't', '    ')}
    WHERE toLower(t.name) CONTAINS $area
  }`);
  }
  const patterns = filter.organizationType === null ? { include: null, exclude: null } : organizationTypePatterns(filter.organizationType);
  const params: Record<string, unknown> = {};
  if (filter.kinds.length > 0) params.kinds = [...filter.kinds];
  if (filter.since !== null) params.since = filter.since;
  if (filter.until !== null) params.until = filter.until;
  if (filter.minDocuments > 1) params.minDocuments = filter.minDocuments;
  if (filter.country !== null) params.country = filter.country;
  if (patterns.include !== null) params.typeInclude = patterns.include;
  if (patterns.exclude !== null) params.typeExclude = patterns.exclude;
  if (filter.area !== null) params.area = filter.area;
  const asOf = filter.asOf ?? null;
  if (asOf !== null) Object.assign(params, { asOf, kindOrder: KIND_ORDER });
  // As of a day, each edge is first re-aggregated from the statements of documents published by then.
  const match =
    asOf === null
      ? 'MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)'
      : `MATCH (a:Organization)-[edge:PARTNERS_WITH]->(b:Organization)\n${asOfEdge('edge', 'r', '')}\nWITH a, b, r WHERE r IS NOT NULL`;
  return {
    cypher: `${match}
${asOf === null ? 'WHERE' : '  AND'} ${where.join('\n  AND ')}
RETURN a.id AS source, b.id AS target, r.key AS key, coalesce(r.kinds, []) AS kinds, coalesce(r.documentCount, 0) AS documentCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen`,
    params,
  };
}

/** Name, aliases and country of the organisations to draw. */
export function networkNodesByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o.id AS id, ${shownName('o')} AS name, coalesce(o.aliases, []) AS aliases,
  coalesce(
    head(COLLECT { MATCH (o)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country) RETURN c.name ORDER BY c.name LIMIT 1 }),
    head(COLLECT { MATCH (c:Country) WHERE NOT EXISTS { (o)-[:BASED_IN]->() } AND any(n IN [o.name] + coalesce(o.aliases, []) WHERE n ENDS WITH c.name) RETURN c.name ORDER BY c.name LIMIT 1 })
  ) AS country`,
    params: { ids: [...ids] },
  };
}

/** Organisations by id as EntityRows (for ranked lists). */
export function organizationsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, ${orgMap('o')} AS organization`,
    params: { ids: [...ids] },
  };
}

/** Merges a->b and b->a into one undirected edge per pair. */
export function mergeEdges<T extends NetworkEdgeRow>(rows: readonly T[]): T[] {
  const byPair = new Map<string, T>();
  for (const row of rows) {
    const [source, target] = row.source < row.target ? [row.source, row.target] : [row.target, row.source];
    const key = JSON.stringify([source, target]);
    const seen = byPair.get(key);
    if (seen === undefined) {
      byPair.set(key, { ...row, source, target, kinds: [...new Set(row.kinds)] });
    } else {
      seen.kinds = [...new Set([...seen.kinds, ...row.kinds])];
      seen.documentCount = Math.max(seen.documentCount, row.documentCount);
    }
  }
  return [...byPair.values()];
}
