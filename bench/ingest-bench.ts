/**
 * Ingestion benchmark: prints figures, asserts nothing.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7690 npm run bench:ingest -- --corpus <folder> --wipe [--workers N] [--batch N]
 *
 * Run it on a dedicated Neo4j: `--wipe` deletes EVERYTHING in that database
 * first (without it the benchmark refuses a non-empty database). Measures, in
 * one run: single-threaded `extract()` over the same texts (no database),
 * end-to-end ingest (read, hash check, worker-pool extraction, writes), the
 * re-ingest of the unchanged corpus, and peak RSS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { loadConfig } from '../src/config.ts';
import { AppError, formatErrorLine } from '../src/errors.ts';
import { extract } from '../src/extract/index.ts';
import { Graph } from '../src/graph/executor.ts';
import { applySchema } from '../src/graph/schema.ts';
import { ingestPaths } from '../src/pipeline/index.ts';

interface Args {
  corpus: string;
  wipe: boolean;
  workers: number | undefined;
  batchSize: number | undefined;
}

const USAGE =
  'usage: NEO4J_URI=bolt://127.0.0.1:<port> npm run bench:ingest -- --corpus <folder> [--wipe] [--workers N] [--batch N]\n' +
  '  (generate a corpus with: npm run corpus:generate -- --count 5000 --out <folder>; use a dedicated Neo4j: --wipe deletes everything in it)';

function parse(argv: string[]): Args {
  const { values } = parseCommandLine({
    args: argv,
    options: { corpus: { type: 'string' }, wipe: { type: 'boolean', default: false }, workers: { type: 'string' }, batch: { type: 'string' } },
  });
  if (values.corpus === undefined || values.corpus === '') throw new AppError('BAD_USER_INPUT', '--corpus <folder> is required');
  return {
    corpus: values.corpus,
    wipe: values.wipe,
    workers: values.workers === undefined ? undefined : integerFlag('workers', values.workers, 1, 256),
    batchSize: values.batch === undefined ? undefined : integerFlag('batch', values.batch, 1, 100_000),
  };
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
sampler.unref();

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    process.exitCode = usageErrorExitCode(error, USAGE);
    return;
  }
  const config = loadConfig();
  if (config.neo4j.uri === null) throw new Error('set NEO4J_URI to a dedicated Neo4j (the benchmark writes to it)');
  const files = readdirSync(args.corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(args.corpus, f));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  process.stdout.write(`corpus: ${files.length} documents, ${mb.toFixed(1)} MB\n`);

  // 1. Single-threaded extraction, no database.
  let t = performance.now();
  texts.forEach((text, i) => extract(text, { id: path.basename(files[i]!, '.txt') }));
  const extractSeconds = (performance.now() - t) / 1000;
  const extractRate = files.length / extractSeconds;

  const graph = new Graph(config.neo4j, config.neo4j.uri);
  try {
    await graph.verify();
    await applySchema(graph, config.rootDir);
    const [count] = await graph.readRows<{ n: number }>({ cypher: 'MATCH (n) RETURN count(n) AS n', params: {} });
    if ((count?.n ?? 0) > 0) {
      if (!args.wipe) throw new Error(`the database is not empty (${count?.n} nodes); pass --wipe to delete everything in it first`);
      // Batched so a large graph does not need one huge transaction.
      for (;;) {
        const [row] = await graph.writeRows<{ n: number }>(
          { cypher: 'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n', params: {} },
          { timeoutMs: 120_000 },
        );
        if ((row?.n ?? 0) === 0) break;
      }
    }
    const options = {
      ...(args.workers === undefined ? {} : { workers: args.workers }),
      ...(args.batchSize === undefined ? {} : { batchSize: args.batchSize }),
    };

    // 2. End to end.
    peakRss = process.memoryUsage.rss();
    t = performance.now();
    const first = await ingestPaths(graph, [args.corpus], options);
    const ingestSeconds = (performance.now() - t) / 1000;
    const ingestRate = files.length / ingestSeconds;
    const ingestPeak = peakRss;

    // 3. Unchanged re-ingest.
    t = performance.now();
    const again = await ingestPaths(graph, [args.corpus], options);
    const reSeconds = (performance.now() - t) / 1000;

    const [shape] = await graph.readRows<{ nodes: number; relationships: number }>({
      cypher: 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      params: {},
    });

    const rows: Array<[string, string]> = [
      ['single-threaded extract()', `${extractRate.toFixed(1)} docs/s (${extractSeconds.toFixed(1)} s)`],
      ['end-to-end ingest', `${ingestRate.toFixed(1)} docs/s (${ingestSeconds.toFixed(1)} s; new ${first.new}, failed ${first.failed.length})`],
      ['ratio end-to-end / extract', `${(ingestRate / extractRate).toFixed(2)}x (target >= 1.5x)`],
      ['unchanged re-ingest', `${reSeconds.toFixed(2)} s (unchanged ${again.unchanged}; ${(ingestSeconds / reSeconds).toFixed(0)}x faster, target >= 20x)`],
      ['peak RSS (main + workers)', `${(Math.max(ingestPeak, peakRss) / 1e6).toFixed(0)} MB`],
      ['graph', `${shape?.nodes ?? 0} nodes, ${shape?.relationships ?? 0} relationships (created ${first.nodesCreated} / ${first.relationshipsCreated})`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error && !('code' in error) ? error.message : formatErrorLine(error)}\n`);
  process.exitCode = 1;
});
