/**
 * Ingests a corpus into an empty database and writes the whole graph as
 * sorted lines (labels and properties of every node, type, endpoints and
 * properties of every relationship; ingestion times left out), so two
 * versions of the write path can be compared property for property:
 *
 *   NEO4J_URI=bolt://127.0.0.1:<port> npx tsx scripts/graph-picture.ts --corpus <folder> --out <file>
 *     [--then <folder>]... [--delete <id>]... [--wipe] [--batch N]
 *   diff <before-file> <after-file>
 *
 * `--then` ingests another folder afterwards (same file names with other
 * texts replace documents: retraction, merges); `--delete` removes documents
 * at the end.
 *
 * `--wipe` deletes EVERYTHING in that database first: use a dedicated Neo4j.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { formatErrorLine } from '../src/errors.ts';
import { Graph } from '../src/graph/executor.ts';
import { applySchema } from '../src/graph/schema.ts';
import { deleteDocument, ingestPaths } from '../src/pipeline/index.ts';
import { countAll, pictureOf, wipe } from '../tests/support/ingest-snapshot.ts';

interface Args {
  corpus: string;
  out: string;
  then: string[];
  deletes: string[];
  wipe: boolean;
  batchSize: number | undefined;
}

function parse(argv: string[]): Args {
  const args: Args = { corpus: '', out: '', then: [], deletes: [], wipe: false, batchSize: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--corpus') args.corpus = argv[++i] ?? '';
    else if (arg === '--out') args.out = argv[++i] ?? '';
    else if (arg === '--then') args.then.push(argv[++i] ?? '');
    else if (arg === '--delete') args.deletes.push(argv[++i] ?? '');
    else if (arg === '--wipe') args.wipe = true;
    else if (arg === '--batch') args.batchSize = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.corpus || !args.out) throw new Error('usage: NEO4J_URI=bolt://127.0.0.1:<port> npx tsx scripts/graph-picture.ts --corpus <folder> --out <file> [--wipe] [--batch N]');
  return args;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const config = loadConfig();
  if (config.neo4j.uri === null) throw new Error('set NEO4J_URI to a dedicated Neo4j (the script writes to it)');
  const graph = new Graph(config.neo4j, config.neo4j.uri);
  try {
    await graph.verify();
    await applySchema(graph, config.rootDir);
    const before = await countAll(graph);
    if (before.nodes > 0) {
      if (!args.wipe) throw new Error(`the database is not empty (${before.nodes} nodes); pass --wipe to delete everything in it first`);
      await wipe(graph);
    }
    const options = args.batchSize === undefined ? {} : { batchSize: args.batchSize };
    const summary = await ingestPaths(graph, [args.corpus], options);
    for (const folder of args.then) {
      const next = await ingestPaths(graph, [folder], options);
      process.stdout.write(`then ${folder}: new ${next.new} updated ${next.updated} unchanged ${next.unchanged} failed ${next.failed.length}\n`);
    }
    let deleted = 0;
    for (const id of args.deletes) if ((await deleteDocument(graph, id)).deleted) deleted += 1;
    if (args.deletes.length > 0) process.stdout.write(`deleted ${deleted} of ${args.deletes.length} documents\n`);
    const picture = await pictureOf(graph);
    writeFileSync(args.out, [...picture.nodeLines, ...picture.relationshipLines].join('\n') + '\n');
    process.stdout.write(
      `documents ${summary.documents} new ${summary.new} failed ${summary.failed.length} in ${summary.seconds.toFixed(1)} s; ` +
        `${picture.nodes} nodes, ${picture.relationships} relationships -> ${args.out}\n`,
    );
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${formatErrorLine(error)}\n`);
  process.exitCode = 1;
});
