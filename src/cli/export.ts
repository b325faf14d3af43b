/**
 * `npm run export -- --format gexf|graphml|csv|jsonl [--as-of YYYY-MM-DD] [--out FILE]`
 * Writes the graph (or the graph as of a day) to FILE or stdout; CSV writes
 * nodes.csv and relationships.csv into the folder --out names.
 * Exit codes: 0 ok, 1 error, 2 usage error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, neo4jUriOf } from '../config.ts';
import { runCommand } from './command-line.ts';
import { EXPORT_FORMATS, parseAsOf, readExport, renderExport } from '../export/index.ts';
import type { ExportFormat } from '../export/index.ts';
import { Graph } from '../graph/executor.ts';

const USAGE = `Usage:
  npm run export -- --format gexf|graphml|csv|jsonl [--as-of YYYY-MM-DD] [--out FILE]

Writes the partnership graph, or the graph as the documents published up to
--as-of describe it, to FILE (default: stdout). GEXF (Gephi) and GraphML
carry labels, names, edge types and kinds, dates and document counts; JSON
Lines adds every statement with its sentence and document. CSV writes
nodes.csv and relationships.csv (the layout of neo4j-admin database import)
into the folder --out names.`;

class UsageError extends Error {}

export interface ExportArgs {
  format: ExportFormat;
  asOf: string | null;
  out: string | null;
}

/** Parses the command line; throws UsageError on anything unexpected. */
export function parseExportArgs(argv: string[]): ExportArgs {
  let format: string | null = null;
  let asOf: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg === '--format') format = value();
    else if (arg === '--as-of') asOf = value();
    else if (arg === '--out') out = value();
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (format === null) throw new UsageError('--format is required');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (format === 'csv' && out === null) throw new UsageError('--format csv needs --out FOLDER (it writes nodes.csv and relationships.csv)');
  try {
    asOf = parseAsOf('--as-of', asOf);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return { format: format as ExportFormat, asOf, out };
}

async function main(argv: string[]): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`error: ${error.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  const config = loadConfig();
  const graph = new Graph(config.neo4j, neo4jUriOf(config));
  try {
    await graph.verify();
    const data = await readExport((query, purpose) => graph.readRows(query, { purpose }), args.format, args.asOf);
    const files = renderExport(args.format, data);
    if (args.out === null) {
      process.stdout.write(files[0]!.body);
    } else if (args.format === 'csv') {
      await mkdir(args.out, { recursive: true });
      for (const f of files) await writeFile(path.join(args.out, f.name), f.body, 'utf8');
    } else {
      await writeFile(args.out, files[0]!.body, 'utf8');
    }
    process.stderr.write(`exported ${data.nodes.length} nodes, ${data.edges.length} relationships${args.format === 'jsonl' ? `, ${data.statements.length} statements` : ''}${args.asOf === null ? '' : ` as of ${args.asOf}`}\n`);
    return 0;
  } finally {
    await graph.close();
  }
}

runCommand(main);
