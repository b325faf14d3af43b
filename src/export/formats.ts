/**
 * The graph in the formats of the tools analysts already use, written by
 * well-kept libraries: GEXF (Gephi) through graphology-gexf, GraphML through
 * xmlbuilder2, CSV laid out for `neo4j-admin database import` (and
 * spreadsheets) through csv-stringify, and JSON Lines with every statement
 * and its sentence.
 */
import { stringify } from 'csv-stringify/sync';
import graphology from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { create } from 'xmlbuilder2';
import type { ExportEdgeRow, ExportNodeRow, ExportStatementRow } from '../graph/queries/export.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportData {
  /** The day the graph is as of, or null for today's graph. */
  asOf: string | null;
  nodes: ExportNodeRow[];
  edges: ExportEdgeRow[];
  /** Read for JSON Lines only. */
  statements: ExportStatementRow[];
}

/** Edge attributes shared by GEXF and GraphML; absent values are left out. */
function edgeAttributes(e: ExportEdgeRow): Record<string, string | number> {
  const attributes: Record<string, string | number> = { type: e.type, documentCount: e.documentCount };
  if (e.kinds.length > 0) attributes.kinds = e.kinds.join(';');
  if (e.status !== null) attributes.status = e.status;
  if (e.title !== null) attributes.title = e.title;
  if (e.firstSeen !== null) attributes.firstSeen = e.firstSeen;
  if (e.lastSeen !== null) attributes.lastSeen = e.lastSeen;
  return attributes;
}

/** GEXF 1.3: a directed multigraph (two entities may be joined by edges of several types). */
export function toGexf(data: ExportData): string {
  const graph = new graphology.MultiDirectedGraph();
  if (data.asOf !== null) graph.setAttribute('asOf', data.asOf);
  for (const n of data.nodes) graph.addNode(n.id, { label: n.name, entityType: n.label, aliases: n.aliases.join(';') });
  for (const e of data.edges) graph.addEdgeWithKey(e.key, e.source, e.target, edgeAttributes(e));
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (_key, attributes) => ({ label: String(attributes.label), attributes: { entityType: attributes.entityType, aliases: attributes.aliases } }),
    formatEdge: (_key, attributes) => ({ label: String(attributes.type), weight: Number(attributes.documentCount), attributes: { ...attributes } }),
  });
}

const GRAPHML_KEYS: ReadonlyArray<{ id: string; for: 'node' | 'edge'; type: 'string' | 'int' }> = [
  { id: 'label', for: 'node', type: 'string' },
  { id: 'name', for: 'node', type: 'string' },
  { id: 'aliases', for: 'node', type: 'string' },
  { id: 'type', for: 'edge', type: 'string' },
  { id: 'kinds', for: 'edge', type: 'string' },
  { id: 'status', for: 'edge', type: 'string' },
  { id: 'title', for: 'edge', type: 'string' },
  { id: 'firstSeen', for: 'edge', type: 'string' },
  { id: 'lastSeen', for: 'edge', type: 'string' },
  { id: 'documentCount', for: 'edge', type: 'int' },
];

/** GraphML: `label` is the entity's label (Organization...), `name` its name. */
export function toGraphml(data: ExportData): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://graphml.graphdrawing.org/xmlns', 'graphml');
  for (const k of GRAPHML_KEYS) root.ele('key', { id: k.id, for: k.for, 'attr.name': k.id, 'attr.type': k.type });
  const graph = root.ele('graph', { id: data.asOf === null ? 'partnerships' : `partnerships-as-of-${data.asOf}`, edgedefault: 'directed' });
  for (const n of data.nodes) {
    const node = graph.ele('node', { id: n.id });
    node.ele('data', { key: 'label' }).txt(n.label);
    node.ele('data', { key: 'name' }).txt(n.name);
    if (n.aliases.length > 0) node.ele('data', { key: 'aliases' }).txt(n.aliases.join(';'));
  }
  for (const e of data.edges) {
    const edge = graph.ele('edge', { id: e.key, source: e.source, target: e.target });
    for (const [key, value] of Object.entries(edgeAttributes(e))) edge.ele('data', { key }).txt(String(value));
  }
  return root.end({ prettyPrint: true });
}

/** nodes.csv for `neo4j-admin database import --nodes` (arrays joined by ';', its default delimiter). */
export function toNodesCsv(data: ExportData): string {
  return stringify(
    data.nodes.map((n) => [n.id, n.label, n.name, n.aliases.join(';')]),
    { header: true, columns: ['id:ID', ':LABEL', 'name', 'aliases:string[]'] },
  );
}

/** relationships.csv for `neo4j-admin database import --relationships`. */
export function toRelationshipsCsv(data: ExportData): string {
  return stringify(
    data.edges.map((e) => [e.source, e.target, e.type, e.key, e.kinds.join(';'), e.status ?? '', e.title ?? '', e.firstSeen ?? '', e.lastSeen ?? '', e.documentCount]),
    { header: true, columns: [':START_ID', ':END_ID', ':TYPE', 'key', 'kinds:string[]', 'status', 'title', 'firstSeen', 'lastSeen', 'documentCount:int'] },
  );
}

/** JSON Lines: one object per line, `record` "node", "edge" or "statement" (with its sentence and document). */
export function toJsonl(data: ExportData): string {
  const lines = [
    ...data.nodes.map((n) => ({ record: 'node', ...n })),
    ...data.edges.map((e) => ({ record: 'edge', ...e })),
    ...data.statements.map((s) => ({ record: 'statement', ...s })),
  ];
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}
