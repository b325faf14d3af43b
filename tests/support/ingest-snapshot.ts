/**
 * Test helpers for ingestion: a comparable picture of the whole graph, and
 * reading documents from a folder in a chosen order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '../../src/graph/executor.ts';
import type { RawDocument } from '../../src/ingest/read-documents.ts';

export interface GraphPicture {
  nodes: number;
  relationships: number;
  /** Labels and properties of every node. */
  nodeLines: string[];
  /** Type, endpoints and properties of every relationship. */
  relationshipLines: string[];
}

/**
 * The change feed's nodes and the graph's version (a count of write
 * transactions): a history of the writes, which by nature depends on their
 * order and times, unlike the graph they leave behind.
 */
const HISTORY = 'n:Change OR n:ChangeSequence OR n:GraphVersion';

/** Everything in the database but the change history, as sorted lines (ingestion times left out). */
export async function pictureOf(graph: Graph): Promise<GraphPicture> {
  const nodes = await graph.readRows<{ labels: string[]; props: Record<string, unknown> }>({
    cypher: `MATCH (n) WHERE NOT (${HISTORY}) RETURN labels(n) AS labels, properties(n) AS props`,
    params: {},
  });
  const rels = await graph.readRows<{ type: string; a: string; b: string; props: Record<string, unknown> }>({
    cypher: 'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS a, coalesce(b.id, b.key) AS b, properties(r) AS props',
    params: {},
  });
  const stable = (props: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'ingestedAt').sort(([x], [y]) => (x < y ? -1 : 1))));
  return {
    nodes: nodes.length,
    relationships: rels.length,
    nodeLines: nodes.map((n) => `${[...n.labels].sort().join(':')} ${stable(n.props)}`).sort(),
    relationshipLines: rels.map((r) => `${r.type} ${r.a} -> ${r.b} ${stable(r.props)}`).sort(),
  };
}

/** The .txt documents of a folder as reader output, in sorted file order. */
export function documentsIn(folder: string): RawDocument[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ kind: 'document' as const, id: path.basename(f, '.txt'), text: readFileSync(path.join(folder, f), 'utf8'), sourcePath: path.join(folder, f) }));
}

/** Deletes everything, in slices so a large graph does not need one huge transaction. */
export async function wipe(graph: Graph): Promise<void> {
  for (;;) {
    const [row] = await graph.writeRows<{ n: number }>({ cypher: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n', params: {} });
    if ((row?.n ?? 0) === 0) return;
  }
}

/** Nodes (but the change history) and relationships in the database. */
export async function countAll(graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const [row] = await graph.readRows<{ nodes: number; relationships: number }>({
    cypher: `CALL () { MATCH (n) WHERE NOT (${HISTORY}) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships`,
    params: {},
  });
  return row ?? { nodes: 0, relationships: 0 };
}
