/**
 * Resolver of `Query.network` (the dashboard's partnership network in one
 * request). Wire it as `Query: { network: (_root, args, ctx) => resolveNetwork(ctx.graph, args) }`.
 */
import { AppError } from '../errors.ts';
import type { Graph } from '../graph/executor.ts';
import { readNetwork } from '../graph/queries/network.ts';
import type { PartnershipKindEnum } from '../model/types.ts';
import { partnershipKindEnum } from '../model/types.ts';

export const DEFAULT_NETWORK_LIMIT = 300;
export const MAX_NETWORK_LIMIT = 2_000;

export type { PartnershipKindEnum } from '../model/types.ts';

export interface NetworkResult {
  nodes: { id: string; name: string; aliases: string[]; partnerCount: number }[];
  edges: { source: string; target: string; kinds: PartnershipKindEnum[]; documentCount: number }[];
  totalOrganizations: number;
  truncated: boolean;
}

/** "joint-event" → JOINT_EVENT; unknown stored kinds are dropped. */
export const toKindEnum = partnershipKindEnum;

/** Validates `limit` and reads the network. */
export async function resolveNetwork(graph: Graph, args: { limit?: number | null }): Promise<NetworkResult> {
  const limit = args.limit ?? DEFAULT_NETWORK_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NETWORK_LIMIT) {
    throw new AppError('BAD_USER_INPUT', `limit must be a whole number from 1 to ${MAX_NETWORK_LIMIT}`, { details: { limit } });
  }
  const rows = await readNetwork(graph, limit);
  return {
    nodes: rows.nodes,
    edges: rows.edges.map((edge) => ({
      ...edge,
      kinds: edge.kinds.map(toKindEnum).filter((k): k is PartnershipKindEnum => k !== null),
    })),
    totalOrganizations: rows.totalOrganizations,
    truncated: rows.totalOrganizations > rows.nodes.length,
  };
}
