/**
 * `npm run ingest -- <file-or-folder>...` and `npm run ingest -- --delete <document-id>`.
 * Exit codes: 0 ok, 1 some document failed (or a fatal error), 2 usage error.
 */
import { parseArgs as parseArgv } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig, neo4jUriOf } from '../config.ts';
import { AppError, isAppError } from '../errors.ts';
import { runCommand } from './command-line.ts';
import { Graph } from '../graph/executor.ts';
import { applySchema } from '../graph/schema.ts';
import type { IngestProgress, IngestSummary } from '../pipeline/index.ts';
import { deleteDocument, ingestPaths } from '../pipeline/index.ts';

const USAGE = `Usage:
  npm run ingest -- <file-or-folder>... [--workers N] [--batch N] [--reextract]
  npm run ingest -- --delete <document-id>

Reads .txt, .md, .html and .jsonl documents, extracts their facts and writes
them to Neo4j: NEO4J_URI, or the local instance (bolt://127.0.0.1 on
NEO4J_LOCAL_BOLT_PORT, default 7687). Unchanged documents (same id and
content) are skipped; --reextract extracts and writes them again (after a
change to the extractor).`;

class UsageError extends Error {}

interface Args {
  paths: string[];
  deleteId: string | null;
  workers: number | undefined;
  batchSize: number | undefined;
  reextract: boolean;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  delete: { type: 'string' },
  workers: { type: 'string' },
  batch: { type: 'string' },
  reextract: { type: 'boolean' },
} as const;

/** The option a node:util parseArgs error names ("Unknown option '--bogus'", "Option '--workers <value>' argument missing"). */
function optionIn(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
}

function count(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 64) throw new UsageError(`${flag} needs a whole number from 1 to 64`);
  return n;
}

/** Parses the command line (node:util parseArgs); throws UsageError on anything unexpected. */
export function parseArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${optionIn(message)}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = optionIn(message);
      throw new UsageError(flag === '--delete' ? '--delete needs a document id' : `${flag} needs a whole number from 1 to 64`);
    }
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) throw new UsageError('');
  const args: Args = {
    paths: positionals,
    deleteId: values.delete ?? null,
    workers: values.workers === undefined ? undefined : count('--workers', values.workers),
    batchSize: values.batch === undefined ? undefined : count('--batch', values.batch),
    reextract: values.reextract === true,
  };
  if (args.deleteId !== null && args.deleteId.trim() === '') throw new UsageError('--delete needs a document id');
  if (args.deleteId !== null && args.paths.length > 0) throw new UsageError('--delete takes a document id and no paths');
  if (args.deleteId !== null && args.reextract) throw new UsageError('--reextract goes with paths, not --delete');
  if (args.deleteId === null && args.paths.length === 0) throw new UsageError('give at least one file or folder');
  return args;
}

function printSummary(summary: IngestSummary): void {
  const lines = [
    `documents: ${summary.documents}  new: ${summary.new}  unchanged: ${summary.unchanged}  updated: ${summary.updated}  failed: ${summary.failed.length}`,
    `nodes created: ${summary.nodesCreated}  relationships created: ${summary.relationshipsCreated}`,
    `encodings: ${
      Object.entries(summary.encodings)
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([name, count]) => `${name} ${count}`)
        .join(', ') || '-'
    }`,
    `seconds: ${summary.seconds.toFixed(2)} (${(summary.documents / Math.max(summary.seconds, 1e-9)).toFixed(1)} documents/s)`,
  ];
  for (const f of summary.failed) lines.push(`  failed ${f.source}: ${f.code} ${f.reason}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function connect(): Promise<Graph> {
  const config = loadConfig();
  const uri = neo4jUriOf(config);
  const graph = new Graph(config.neo4j, uri);
  try {
    await graph.verify();
  } catch (error) {
    await graph.close();
    if (config.neo4j.uri === null && isAppError(error) && error.code === 'SERVICE_UNAVAILABLE') {
      throw new AppError('SERVICE_UNAVAILABLE', `No Neo4j answers on ${uri}: start the local instance with \`npm run db:start\`, or set NEO4J_URI.`);
    }
    throw error;
  }
  await applySchema(graph, config.rootDir);
  return graph;
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`error: ${error.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  const graph = await connect();
  try {
    if (args.deleteId !== null) {
      const result = await deleteDocument(graph, args.deleteId);
      if (!result.deleted) {
        process.stdout.write(`no document with id "${result.id}"\n`);
        return 1;
      }
      process.stdout.write(`deleted ${result.id}: ${result.nodesDeleted} nodes and ${result.relationshipsDeleted} relationships removed\n`);
      return 0;
    }
    // The reader expands the folders before the first document: the bar's total comes from that one walk.
    let total = 0;
    const tty = process.stderr.isTTY === true;
    const bar = tty
      ? new cliProgress.SingleBar(
          { format: 'ingest [{bar}] {value}/{total} | new {new} unchanged {unchanged} updated {updated} failed {failed} | {eta_formatted}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(0, 0, { new: 0, unchanged: 0, updated: 0, failed: 0 });
    const onFiles = (files: number) => {
      total = files;
      bar?.setTotal(files);
    };
    let lastLine = 0;
    const onProgress = (p: IngestProgress) => {
      if (bar !== null) {
        if (p.done > bar.getTotal()) bar.setTotal(p.done);
        bar.update(p.done, { new: p.new, unchanged: p.unchanged, updated: p.updated, failed: p.failed });
        return;
      }
      const now = Date.now();
      if (now - lastLine >= 2000 || p.done === total) {
        lastLine = now;
        process.stderr.write(`[ingest] ${p.done}/${Math.max(total, p.done)} new ${p.new} unchanged ${p.unchanged} updated ${p.updated} failed ${p.failed}\n`);
      }
    };
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(graph, args.paths, {
        onProgress,
        onFiles,
        ...(args.workers === undefined ? {} : { workers: args.workers }),
        ...(args.batchSize === undefined ? {} : { batchSize: args.batchSize }),
        ...(args.reextract ? { reextract: true } : {}),
      });
    } finally {
      bar?.stop();
    }
    printSummary(summary);
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await graph.close();
  }
}

runCommand(main);
