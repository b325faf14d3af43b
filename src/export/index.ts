/**
 * Reads the graph (today's, or as of a day) and renders it in one export
 * format: the same files for `npm run export` and `GET /export/...`.
 */
import { AppError } from '../errors.ts';
import type { CypherQuery } from '../graph/executor.ts';
import { exportEdgesQuery, exportNodesQuery, exportStatementsQuery } from '../graph/queries/export.ts';
import type { ExportEdgeRow, ExportNodeRow, ExportStatementRow } from '../graph/queries/export.ts';
import type { ExportData, ExportFormat } from './formats.ts';
import { EXPORT_FORMATS, toGexf, toGraphml, toJsonl, toNodesCsv, toRelationshipsCsv } from './formats.ts';

export type { ExportData, ExportFormat } from './formats.ts';
export { EXPORT_FORMATS } from './formats.ts';

/** Runs one read query and returns its rows. */
export type ReadRows = <T>(query: CypherQuery, purpose: string) => Promise<T[]>;

/** One exported file: its name, media type and text. */
export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

/** The files each format gives (CSV: one for nodes, one for relationships, as neo4j-admin takes them). */
export const EXPORT_FILES: Readonly<Record<ExportFormat, readonly { name: string; contentType: string; render: (data: ExportData) => string }[]>> = {
  gexf: [{ name: 'graph.gexf', contentType: 'application/gexf+xml; charset=utf-8', render: toGexf }],
  graphml: [{ name: 'graph.graphml', contentType: 'application/graphml+xml; charset=utf-8', render: toGraphml }],
  csv: [
    { name: 'nodes.csv', contentType: 'text/csv; charset=utf-8', render: toNodesCsv },
    { name: 'relationships.csv', contentType: 'text/csv; charset=utf-8', render: toRelationshipsCsv },
  ],
  jsonl: [{ name: 'graph.jsonl', contentType: 'application/jsonl; charset=utf-8', render: toJsonl }],
};

/** The format and file a name such as "graph.gexf" or "nodes.csv" stands for, or null. */
export function exportFileNamed(name: string): { format: ExportFormat; file: (typeof EXPORT_FILES)[ExportFormat][number] } | null {
  for (const format of EXPORT_FORMATS) {
    const file = EXPORT_FILES[format].find((f) => f.name === name);
    if (file !== undefined) return { format, file };
  }
  return null;
}

/** Checks an `--as-of` / `?asOf=` value: a real calendar day, YYYY-MM-DD. */
export function parseAsOf(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (day === null || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new AppError('BAD_USER_INPUT', `${argument}: must be a calendar day written YYYY-MM-DD, got "${value}"`, { details: { argument } });
  }
  return value;
}

/** Reads what a format needs: entities and edges, and statements for JSON Lines. */
export async function readExport(read: ReadRows, format: ExportFormat, asOf: string | null): Promise<ExportData> {
  const [nodes, edges, statements] = await Promise.all([
    read<ExportNodeRow>(exportNodesQuery(asOf), 'export-nodes'),
    read<ExportEdgeRow>(exportEdgesQuery(asOf), 'export-edges'),
    format === 'jsonl' ? read<ExportStatementRow>(exportStatementsQuery(asOf), 'export-statements') : Promise.resolve([]),
  ]);
  return { asOf, nodes, edges, statements };
}

/** The files of a format for data already read. */
export function renderExport(format: ExportFormat, data: ExportData): ExportFile[] {
  return EXPORT_FILES[format].map((f) => ({ name: f.name, contentType: f.contentType, body: f.render(data) }));
}
