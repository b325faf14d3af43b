/**
 * npm run docs:examples [-- --bolt-port <n>] [--http-port <n>] [--check]
 *
 * Regenerates the output of every example block in README.md and docs/*.md
 * (see blocks.ts for the format, catalogue.ts for the list): starts a fresh
 * Neo4j of its own (instance `docs`, wiped first), the service on it as
 * `npm start` runs it (the sample corpus ingested, production settings),
 * sends each GraphQL document over HTTP and runs each command line, then
 * writes the answers into the blocks. With --check nothing is written; the
 * exit code is 1 when a document would change. Stops what it started.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, wipeLocalNeo4j } from '../../neo4j-local/launcher.ts';
import { startApp } from '../../src/app.ts';
import { integerFlag, parseCommandLine, runCommand, usageErrorExitCode } from '../../src/cli/command-line.ts';
import { loadConfig, ROOT_DIR } from '../../src/config.ts';
import type { ExampleBlock } from './blocks.ts';
import { allExampleBlocks, consoleBlock, exampleBlocks, graphqlBlock, replaceBlocks } from './blocks.ts';
import type { CommandExample, GraphqlExample } from './catalogue.ts';
import { EXAMPLES } from './catalogue.ts';

const USAGE = `usage: npm run docs:examples -- [--bolt-port <n>] [--http-port <n>] [--check]
  --bolt-port <n>  Bolt port of the examples' own Neo4j (default 7689)
  --http-port <n>  HTTP port of the examples' own Neo4j (default 7476)
  --check          write nothing; exit 1 when a document's examples are out of date`;

interface Options {
  boltPort: number;
  httpPort: number;
  check: boolean;
}

function options(argv: string[]): Options | null {
  const { values } = parseCommandLine({
    args: argv,
    options: {
      'bolt-port': { type: 'string', default: '7689' },
      'http-port': { type: 'string', default: '7476' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return { boltPort: integerFlag('bolt-port', values['bolt-port'], 1, 65535), httpPort: integerFlag('http-port', values['http-port'], 1, 65535), check: values.check };
}

/** Each catalogue entry has exactly one block, and each block an entry. */
function blocksByName(): Map<string, ExampleBlock> {
  const blocks = allExampleBlocks(ROOT_DIR);
  const byName = new Map<string, ExampleBlock>();
  for (const block of blocks) {
    const other = byName.get(block.name);
    if (other) throw new Error(`example "${block.name}" appears twice: ${other.file} and ${block.file}`);
    byName.set(block.name, block);
  }
  const known = new Set(EXAMPLES.map(([name]) => name));
  const unknown = blocks.filter((b) => !known.has(b.name)).map((b) => `${b.file}: ${b.name}`);
  const missing = [...known].filter((name) => !byName.has(name));
  if (unknown.length) throw new Error(`example blocks without an entry in scripts/examples/catalogue.ts: ${unknown.join(', ')}`);
  if (missing.length) throw new Error(`catalogue entries without a block in README.md or docs/*.md: ${missing.join(', ')}`);
  return byName;
}

async function runGraphql(apiUrl: string, token: string, block: ExampleBlock, example: GraphqlExample): Promise<string> {
  if (block.graphql === null) throw new Error(`${block.file}: example "${block.name}" has no \`\`\`graphql fence`);
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(example.authorised ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: block.graphql, ...(example.variables ? { variables: example.variables(ROOT_DIR) } : {}) }),
  });
  return graphqlBlock(block.graphql, await response.json());
}

function runCommands(neo4jUri: string, block: ExampleBlock, example: CommandExample): string {
  if (block.commands.length === 0) throw new Error(`${block.file}: example "${block.name}" has no "$ " command line in a \`\`\`console fence`);
  for (const [file, content] of Object.entries(example.files ?? {})) {
    mkdirSync(path.dirname(path.join(ROOT_DIR, file)), { recursive: true });
    writeFileSync(path.join(ROOT_DIR, file), content);
  }
  const runs = block.commands.map((command) => {
    const run = spawnSync('sh', ['-c', `${command} 2>&1`], {
      cwd: ROOT_DIR,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: neo4jUri, LOG_LEVEL: 'warn', NO_COLOR: '1' },
      timeout: 300_000,
    });
    const output = (example.normalise ?? ((s: string) => s))(run.stdout);
    return { command, output: run.status === 0 ? output : `${output.trimEnd()}\n(exit code ${run.status ?? run.signal})` };
  });
  return consoleBlock(runs);
}

async function generate(opts: Options): Promise<number> {
  const byName = blocksByName();
  const base = loadConfig();
  const local = localNeo4jOptions(ROOT_DIR, { ...base.local, instance: 'docs', boltPort: opts.boltPort, httpPort: opts.httpPort });
  const say = (line: string) => process.stderr.write(`[docs:examples] ${line}\n`);
  // A fresh database: the examples' answers must not depend on what an earlier run left.
  if ((await localNeo4jStatus(local)).running) await stopLocalNeo4j(local);
  wipeLocalNeo4j(local);
  const neo4j = await startLocalNeo4j(local, say);
  const token = randomBytes(24).toString('hex');
  const contents = new Map<string, string>();
  try {
    const config = loadConfig({ ...process.env, NEO4J_URI: neo4j.boltUri, NODE_ENV: 'production', QUERY_TIMEOUT_MS: '60000', INGEST_ON_START: 'true', SAMPLE_CORPUS_DIR: 'ingest', API_TOKEN: token });
    const app = await startApp(config, { port: 0, onProgress: say });
    try {
      for (const [name, example] of EXAMPLES) {
        const block = byName.get(name)!;
        say(`${name} (${block.file})`);
        contents.set(name, example.kind === 'graphql' ? await runGraphql(app.apiUrl, token, block, example) : runCommands(neo4j.boltUri, block, example));
      }
    } finally {
      await app.stop();
    }
  } finally {
    await stopLocalNeo4j(local);
  }
  const stale: string[] = [];
  for (const file of new Set([...byName.values()].map((b) => b.file))) {
    const markdown = readFileSync(path.join(ROOT_DIR, file), 'utf8');
    const blocks = exampleBlocks(file, markdown);
    const updated = replaceBlocks(markdown, blocks.map((block) => ({ block, content: contents.get(block.name)! })));
    if (updated === markdown) continue;
    stale.push(file);
    if (!opts.check) writeFileSync(path.join(ROOT_DIR, file), updated);
  }
  say(stale.length === 0 ? 'every example is up to date' : `${opts.check ? 'out of date' : 'rewritten'}: ${stale.join(', ')}`);
  return opts.check && stale.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let opts: Options | null;
  try {
    opts = options(argv);
  } catch (error) {
    return usageErrorExitCode(error, USAGE);
  }
  if (opts === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return generate(opts);
}

runCommand(main);
