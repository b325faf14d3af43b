/**
 * `Query.network` and the filtered figures of `Query.stats`: the dashboard's
 * view of the partnership graph under one filter (kinds, dates, country,
 * area, organisation type, minimum documents, neighbourhood of an
 * organisation). The filtered partnerships are read once per request and
 * filter; ranking, neighbourhood and the top-N cut are computed here.
 */
import { AppError } from '../errors.ts';
import type { CypherQuery } from '../graph/executor.ts';
import type { EntityRow } from '../graph/queries/common.ts';
import { filteredEdgesQuery, mergeEdges, networkNodesByIdsQuery, NO_FILTER, organizationsByIdsQuery } from '../graph/queries/network.ts';
import type { FilteredEdgeRow, NetworkFilterInput, NetworkNodeRow } from '../graph/queries/network.ts';
import { ORGANIZATION_TYPES, organizationType } from '../graph/queries/organization-types.ts';
import type { OrganizationType } from '../graph/queries/organization-types.ts';
import { intArg, nameKeyArg, textArg } from './args.ts';
import { resolveName } from './names.ts';
import type { PartnershipKindEnum } from '../model/types.ts';
import { partnershipKindEnum } from '../model/types.ts';

export const DEFAULT_NETWORK_LIMIT = 300;
export const MAX_NETWORK_LIMIT = 2_000;
export const MAX_HOPS_AROUND = 3;
const MAX_MIN_DOCUMENTS = 1_000;

export type { PartnershipKindEnum } from '../model/types.ts';

/** What resolvers need to read: one query, its rows (ApiReader in the server). */
export interface RowReader {
  rows<T>(query: CypherQuery, purpose: string): Promise<T[]>;
}

/** The `filter` argument as GraphQL hands it over. */
export interface NetworkFilterArgs {
  kinds?: readonly string[] | null;
  since?: string | null;
  until?: string | null;
  country?: string | null;
  area?: string | null;
  organizationType?: string | null;
  minDocuments?: number | null;
  around?: string | null;
  hops?: number | null;
  asOf?: string | null;
}

/** A validated filter: the query builder's input plus the neighbourhood. */
export interface NetworkFilter extends NetworkFilterInput {
  /** aliasKey of the organisation whose neighbourhood is shown, or null. */
  aroundKey: string | null;
  /** That organisation's name as given (looked up loosely, as every name argument), or null. */
  around: string | null;
  hops: number;
}

export interface NetworkNode {
  id: string;
  name: string;
  aliases: string[];
  partnerCount: number;
  country: string | null;
  type: OrganizationType;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kinds: PartnershipKindEnum[];
  documentCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface NetworkResult {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  totalOrganizations: number;
  truncated: boolean;
  /** The organisation whose neighbourhood is shown, or null. */
  center: EntityRow | null;
}

/** The filtered partnerships and their organisations ranked by partners within them. */
export interface NetworkView {
  edges: FilteredEdgeRow[];
  /** Organisation ids, most partners first (ties by id); the centre of a neighbourhood first. */
  ranked: string[];
  partnerCounts: Map<string, number>;
  center: EntityRow | null;
}

/** "joint-event" → JOINT_EVENT; unknown stored kinds are dropped. */
export const toKindEnum = partnershipKindEnum;

function bad(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${argument}: ${message}`, { details: { argument } });
}

/** Validates the `filter` argument (GraphQL has checked enums and dates). */
export function parseNetworkFilter(args: NetworkFilterArgs | null | undefined): NetworkFilter {
  const f = args ?? {};
  const since = f.since ?? null;
  const until = f.until ?? null;
  if (since !== null && until !== null && since > until) throw bad('filter.since', 'must not be after filter.until');
  const type = f.organizationType ?? null;
  if (type !== null && !(ORGANIZATION_TYPES as readonly string[]).includes(type)) throw bad('filter.organizationType', `unknown type ${type}`);
  const around = f.around === null || f.around === undefined || f.around.trim() === '' ? null : nameKeyArg('filter.around', 'Organization', f.around);
  return {
    kinds: [...new Set((f.kinds ?? []).map((k) => k.toLowerCase().replace(/_/g, '-')))].sort(),
    since,
    until,
    country: textArg('filter.country', f.country),
    area: textArg('filter.area', f.area),
    organizationType: type as OrganizationType | null,
    minDocuments: intArg('filter.minDocuments', f.minDocuments, 1, 1, MAX_MIN_DOCUMENTS),
    aroundKey: around,
    around: around === null ? null : f.around!.trim(),
    hops: intArg('filter.hops', f.hops, 1, 1, MAX_HOPS_AROUND),
    asOf: f.asOf ?? null,
  };
}

/** True when the filter keeps every partnership. */
export function isEmptyFilter(filter: NetworkFilter): boolean {
  return (
    filter.aroundKey === null &&
    filter.kinds.length === 0 &&
    filter.since === NO_FILTER.since &&
    filter.until === NO_FILTER.until &&
    filter.country === null &&
    filter.area === null &&
    filter.organizationType === null &&
    filter.minDocuments <= 1 &&
    (filter.asOf ?? null) === null
  );
}

/** Ids within `hops` partnerships of `center` along `edges` (the centre included). */
export function neighbourhood(edges: readonly { source: string; target: string }[], center: string, hops: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
  }
  const seen = new Set([center]);
  let frontier = [center];
  for (let hop = 0; hop < hops && frontier.length > 0; hop += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Distinct partners per organisation along `edges`, and the ids ranked by it (ties by id, `first` ahead of all). */
export function rankByPartners(edges: readonly { source: string; target: string }[], first: string | null = null): { ranked: string[]; partnerCounts: Map<string, number> } {
  const partners = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!partners.has(e.source)) partners.set(e.source, new Set());
    if (!partners.has(e.target)) partners.set(e.target, new Set());
    partners.get(e.source)!.add(e.target);
    partners.get(e.target)!.add(e.source);
  }
  const partnerCounts = new Map([...partners].map(([id, set]) => [id, set.size]));
  const ranked = [...partnerCounts.keys()].sort((a, b) => (a === first ? -1 : b === first ? 1 : partnerCounts.get(b)! - partnerCounts.get(a)! || (a < b ? -1 : a > b ? 1 : 0)));
  if (first !== null && !partnerCounts.has(first)) {
    ranked.unshift(first);
    partnerCounts.set(first, 0);
  }
  return { ranked, partnerCounts };
}

/** Reads and shapes the view of one filter. */
export async function readNetworkView(reader: RowReader, filter: NetworkFilter): Promise<NetworkView> {
  let center: EntityRow | null = null;
  if (filter.around !== null) {
    // As every name argument: honorific-free and one-word forms; else NOT_FOUND with suggestions.
    center = await resolveName(reader, 'filter.around', ['Organization'], filter.around);
  }
  let edges = mergeEdges(await reader.rows<FilteredEdgeRow>(filteredEdgesQuery(filter), 'network-edges'));
  if (center !== null) {
    const near = neighbourhood(edges, center.id, filter.hops);
    edges = edges.filter((e) => near.has(e.source) && near.has(e.target));
  }
  return { edges, ...rankByPartners(edges, center?.id ?? null), center };
}

/**
 * The view of `filter`, read once per request: `network` and `stats` of one
 * request share it (`cache` lives as long as the request's context).
 */
export function cachedNetworkView(cache: Map<string, Promise<NetworkView>>, reader: RowReader, filter: NetworkFilter): Promise<NetworkView> {
  const key = JSON.stringify(filter);
  let view = cache.get(key);
  if (view === undefined) {
    view = readNetworkView(reader, filter);
    cache.set(key, view);
  }
  return view;
}

function kindsOf(stored: readonly string[]): PartnershipKindEnum[] {
  return stored.map(toKindEnum).filter((k): k is PartnershipKindEnum => k !== null);
}

/** The top `limit` organisations of a view with the partnerships among them. */
export async function networkOf(reader: RowReader, view: NetworkView, limit: number): Promise<NetworkResult> {
  const ids = view.ranked.slice(0, limit);
  const rows = ids.length === 0 ? [] : await reader.rows<NetworkNodeRow>(networkNodesByIdsQuery(ids), 'network-nodes');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const kept = new Set(ids);
  const nodes = ids
    .map((id) => byId.get(id))
    .filter((r): r is NetworkNodeRow => r !== undefined)
    .map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, country: r.country, type: organizationType(r.name), partnerCount: view.partnerCounts.get(r.id) ?? 0 }));
  const edges = view.edges
    .filter((e) => kept.has(e.source) && kept.has(e.target))
    .map((e) => ({ source: e.source, target: e.target, kinds: kindsOf(e.kinds), documentCount: e.documentCount, firstSeen: e.firstSeen, lastSeen: e.lastSeen }));
  return { nodes, edges, totalOrganizations: view.ranked.length, truncated: view.ranked.length > ids.length, center: view.center };
}

/** Validates `limit` and `filter` and reads the network. */
export async function resolveNetwork(
  reader: RowReader,
  args: { limit?: number | null; filter?: NetworkFilterArgs | null; asOf?: string | null },
  cache: Map<string, Promise<NetworkView>> = new Map(),
): Promise<NetworkResult> {
  const limit = args.limit ?? DEFAULT_NETWORK_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NETWORK_LIMIT) {
    throw new AppError('BAD_USER_INPUT', `limit must be a whole number from 1 to ${MAX_NETWORK_LIMIT}`, { details: { limit } });
  }
  // `network(asOf:)` is `filter.asOf` spelled at the top.
  const filter = args.asOf === null || args.asOf === undefined ? args.filter : { ...args.filter, asOf: args.asOf };
  const view = await cachedNetworkView(cache, reader, parseNetworkFilter(filter));
  return networkOf(reader, view, limit);
}

/** Partnerships per year (first seen) among a view's edges. */
export function perYear(edges: readonly { firstSeen: string | null }[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const e of edges) {
    const year = e.firstSeen === null ? NaN : Number.parseInt(e.firstSeen.slice(0, 4), 10);
    if (Number.isInteger(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/** The top `top` organisations of a view, as `RankedOrganization`s. */
export async function topOrganizationsOf(reader: RowReader, view: NetworkView, top: number): Promise<{ organization: EntityRow; partnerCount: number }[]> {
  const ids = view.ranked.filter((id) => (view.partnerCounts.get(id) ?? 0) > 0).slice(0, top);
  if (ids.length === 0) return [];
  const rows = await reader.rows<{ id: string; organization: EntityRow }>(organizationsByIdsQuery(ids), 'network-top');
  const byId = new Map(rows.map((r) => [r.id, r.organization]));
  return ids.flatMap((id) => {
    const organization = byId.get(id);
    return organization === undefined ? [] : [{ organization, partnerCount: view.partnerCounts.get(id) ?? 0 }];
  });
}
