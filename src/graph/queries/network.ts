/**
 * The partnership network for the dashboard: organisations ranked by number
 * of distinct partners, the top `limit` of them, and the partnerships among
 * those. Two statements in one read transaction.
 */
import type { CypherQuery, Graph } from '../executor.ts';

export interface NetworkNodeRow {
  id: string;
  name: string;
  aliases: string[];
  partnerCount: number;
}

export interface NetworkEdgeRow {
  source: string;
  target: string;
  /** Stored kinds, e.g. "mou", "joint-event", merged over both directions. */
  kinds: string[];
  documentCount: number;
}

export interface NetworkRows {
  nodes: NetworkNodeRow[];
  edges: NetworkEdgeRow[];
  totalOrganizations: number;
}

/** Top organisations by partner count (ties by name) and how many have any partner. */
export function networkNodesQuery(limit: number): CypherQuery {
  return {
    cypher: `
MATCH (o:Organization)
WITH o, COUNT { MATCH (o)-[:PARTNERS_WITH]-(p:Organization) WHERE p <> o RETURN DISTINCT p } AS partnerCount
WHERE partnerCount > 0
WITH o, partnerCount
ORDER BY partnerCount DESC, o.name ASC
WITH collect({id: o.id, name: o.name, aliases: coalesce(o.aliases, []), partnerCount: partnerCount}) AS ranked
RETURN size(ranked) AS totalOrganizations, ranked[..$limit] AS nodes`,
    params: { limit },
  };
}

/** Partnerships whose both ends are among `ids`, one row per stored relationship. */
export function networkEdgesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `
UNWIND $ids AS id
MATCH (a:Organization {id: id})-[r:PARTNERS_WITH]->(b:Organization)
WHERE b.id IN $ids AND b <> a
RETURN a.id AS source, b.id AS target, coalesce(r.kinds, []) AS kinds, coalesce(r.documentCount, 0) AS documentCount`,
    params: { ids: [...ids] },
  };
}

/** Merges a->b and b->a into one undirected edge per pair. */
export function mergeEdges(rows: readonly NetworkEdgeRow[]): NetworkEdgeRow[] {
  const byPair = new Map<string, NetworkEdgeRow>();
  for (const row of rows) {
    const [source, target] = row.source < row.target ? [row.source, row.target] : [row.target, row.source];
    const key = JSON.stringify([source, target]);
    const seen = byPair.get(key);
    if (seen === undefined) {
      byPair.set(key, { source, target, kinds: [...new Set(row.kinds)], documentCount: row.documentCount });
    } else {
      seen.kinds = [...new Set([...seen.kinds, ...row.kinds])];
      seen.documentCount = Math.max(seen.documentCount, row.documentCount);
    }
  }
  return [...byPair.values()];
}

/** Reads the top `limit` organisations of the partnership network and the partnerships among them. */
export async function readNetwork(graph: Graph, limit: number): Promise<NetworkRows> {
  return graph.read(
    async (tx) => {
      const nodesQuery = networkNodesQuery(limit);
      const head = await tx.run(nodesQuery.cypher, nodesQuery.params);
      const record = head.records[0];
      const nodes = (record?.get('nodes') ?? []) as NetworkNodeRow[];
      const totalOrganizations = Number(record?.get('totalOrganizations') ?? 0);
      if (nodes.length === 0) return { nodes, edges: [], totalOrganizations };
      const edgesQuery = networkEdgesQuery(nodes.map((n) => n.id));
      const result = await tx.run(edgesQuery.cypher, edgesQuery.params);
      const edges = mergeEdges(result.records.map((r) => r.toObject() as NetworkEdgeRow));
      return { nodes, edges, totalOrganizations };
    },
    { purpose: 'network' },
  );
}
