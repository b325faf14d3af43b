/**
 * `npm run bench:api`: generates a large partnership graph (>= 100,000
 * organisations, partnerships with statements and documents) with batched
 * UNWIND writes, then measures `partners(of:)` over HTTP against the same
 * Cypher run directly through the driver, at the same concurrency.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7691 npm run bench:api -- --wipe
 *
 * Options: --wipe (delete everything in the database first; without it the
 * generated data is reused when present), --orgs N (100000), --requests N
 * (4000), --concurrency N (8). Needs NEO4J_URI: use a database you can spare.
 * The API server runs in a child process, so the load generator does not
 * share its event loop. Both sides run with the production settings
 * (NODE_ENV=production: no introspection, no source-mapped stacks).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createApiServer } from '../src/api/server.ts';
import { integerFlag, parseCommandLine, usageErrorExitCode } from '../src/cli/command-line.ts';
import { applyProcessSettings, loadConfig } from '../src/config.ts';
import { Graph } from '../src/graph/executor.ts';
import { nameCandidatesQuery } from '../src/graph/queries/names.ts';
import { partnersQuery } from '../src/graph/queries/partners.ts';
import { applySchema } from '../src/graph/schema.ts';
import { aliasKey } from '../src/resolve/normalize.ts';
import { rng } from '../scripts/rng.ts';
import { documentText } from '../tests/support/graphql.ts';

const USAGE = 'usage: NEO4J_URI=bolt://127.0.0.1:<port> npm run bench:api -- [--wipe] [--orgs N] [--requests N] [--concurrency N]';

const { values, ORGS, REQUESTS, CONCURRENCY } = (() => {
  try {
    const { values } = parseCommandLine({
      options: {
        wipe: { type: 'boolean', default: false },
        orgs: { type: 'string', default: '100000' },
        requests: { type: 'string', default: '4000' },
        concurrency: { type: 'string', default: '8' },
        // Internal: run only the API server (the benchmark starts itself with it in a child process).
        serve: { type: 'boolean', default: false },
      },
    });
    return {
      values,
      ORGS: integerFlag('orgs', values.orgs, 1, 10_000_000),
      REQUESTS: integerFlag('requests', values.requests, 1, 10_000_000),
      CONCURRENCY: integerFlag('concurrency', values.concurrency, 1, 1_000),
    };
  } catch (error) {
    process.exit(usageErrorExitCode(error, USAGE));
  }
})();
const PARTNERS_PER_ORG = 3; // edges started per organisation: about 6 partners each on average
const HUBS = 100; // organisations with many partners, as in real data
const HUB_PARTNERS = 150;
const DOCUMENTS = 20_000;
const BATCH = 5_000;

/** Both sides of the benchmark run with the production settings (no introspection, no source-mapped stacks). */
function benchConfig() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', PORT: '0', API_TOKEN: '', LOG_LEVEL: 'warn' });
  applyProcessSettings(config);
  return config;
}

const orgName = (i: number) => `Bench Organisation ${i}`;
const KINDS = ['meeting', 'discussion', 'mou', 'agreement', 'programme', 'joint-event', 'membership'];

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function inBatches<T>(graph: Graph, rows: T[], cypher: string, label: string): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await graph.writeRows({ cypher, params: { rows: rows.slice(i, i + BATCH) } }, { timeoutMs: 120_000, purpose: 'bench-generate' });
  }
  log(`  ${rows.length} ${label}`);
}

async function generate(graph: Graph): Promise<void> {
  const random = rng(42);
  const started = Date.now();
  log(`generating ${ORGS} organisations ...`);
  const orgs = Array.from({ length: ORGS }, (_, i) => ({ id: `bench-org-${i}`, name: orgName(i), alias: `BO${i}` }));
  await inBatches(graph, orgs, `UNWIND $rows AS row
CREATE (o:Organization {id: row.id, name: row.name, aliases: [row.alias], searchText: row.name + ' ' + row.alias})`, 'organisations');
  const aliases = orgs.flatMap((o) => [
    { key: aliasKey('Organization', o.name), id: o.id },
    { key: aliasKey('Organization', o.alias), id: o.id },
  ]);
  await inBatches(graph, aliases, `UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
CREATE (:Alias {key: row.key})-[:ALIAS_OF]->(o)`, 'aliases');

  const documents = Array.from({ length: DOCUMENTS }, (_, k) => {
    const year = 2015 + Math.floor(random() * 11);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return { id: `bench-doc-${k}`, title: `Bench press release ${k}`, publishedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  });
  await inBatches(graph, documents, `UNWIND $rows AS row
CREATE (:Document {id: row.id, title: row.title, publishedAt: row.publishedAt, ingestedAt: datetime(), contentHash: row.id})`, 'documents');

  const pairs = new Set<string>();
  const edges: Array<Record<string, unknown>> = [];
  const statements: Array<Record<string, unknown>> = [];
  const mentions = new Set<string>();
  const addEdge = (a: number, b: number) => {
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `PARTNERS_WITH|bench-org-${x}|bench-org-${y}`;
    if (pairs.has(key)) return;
    pairs.add(key);
    const count = 1 + Math.floor(random() * 2);
    const docs = Array.from({ length: count }, () => documents[Math.floor(random() * DOCUMENTS)]!);
    const dates = docs.map((d) => d.publishedAt).sort();
    const kinds = [...new Set(docs.map(() => KINDS[Math.floor(random() * KINDS.length)]!))].sort();
    edges.push({ a: `bench-org-${x}`, b: `bench-org-${y}`, key, kinds, status: random() < 0.9 ? 'active' : 'ended', firstSeen: dates[0], lastSeen: dates[dates.length - 1], documentCount: count });
    docs.forEach((doc, n) => {
      const text = `${orgName(x)} and ${orgName(y)} agreed to cooperate (statement ${n}).`;
      statements.push({ id: `${key}|${doc.id}|${n}`, factKey: key, sourceId: `bench-org-${x}`, targetId: `bench-org-${y}`, kind: kinds[0], date: doc.publishedAt, text, end: text.length, documentId: doc.id });
      mentions.add(`${doc.id}|bench-org-${x}`);
      mentions.add(`${doc.id}|bench-org-${y}`);
    });
  };
  for (let i = 0; i < ORGS; i += 1) for (let n = 0; n < PARTNERS_PER_ORG; n += 1) addEdge(i, Math.floor(random() * ORGS));
  for (let h = 0; h < HUBS; h += 1) for (let n = 0; n < HUB_PARTNERS; n += 1) addEdge(h, Math.floor(random() * ORGS));
  await inBatches(graph, edges, `UNWIND $rows AS row
MATCH (a:Organization {id: row.a}), (b:Organization {id: row.b})
CREATE (a)-[:PARTNERS_WITH {key: row.key, kinds: row.kinds, status: row.status, firstSeen: row.firstSeen, lastSeen: row.lastSeen, documentCount: row.documentCount}]->(b)`, 'partnerships');
  await inBatches(graph, statements, `UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
CREATE (s:Statement {id: row.id, factKey: row.factKey, type: 'PARTNERS_WITH', sourceId: row.sourceId, targetId: row.targetId, kind: row.kind, date: row.date, text: row.text, start: 0, end: row.end, documentId: row.documentId})-[:STATED_IN]->(d)`, 'statements');
  const mentionRows = [...mentions].map((m) => {
    const [doc, org] = m.split('|');
    return { doc, org };
  });
  await inBatches(graph, mentionRows, `UNWIND $rows AS row
MATCH (d:Document {id: row.doc}), (o:Organization {id: row.org})
CREATE (d)-[:MENTIONS]->(o)`, 'mentions');
  log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Figures {
  label: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(label: string, names: string[], run: (name: string) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < names.length) {
        const name = names[next++]!;
        const t = performance.now();
        try {
          await run(name);
        } catch (error) {
          errors += 1;
          if (errors <= 3) log(`${label} error: ${error instanceof Error ? error.message : String(error)}`);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { label, seconds, perSecond: names.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

const QUERY = documentText(gql`query Partners($of: String!) {
  partners(of: $of, first: 20) {
    totalCount
    edges { node { partner { id name } kinds status firstSeen lastSeen documentCount evidence(first: 3) { text document { id title publishedAt } } } }
  }
}`);

async function main(): Promise<void> {
  const config = benchConfig();
  if (config.neo4j.uri === null) throw new Error('Set NEO4J_URI to a database the benchmark may fill (and wipe with --wipe).');
  const graph = new Graph(config.neo4j, config.neo4j.uri);
  await graph.verify();
  await applySchema(graph, config.rootDir);
  if (values.wipe) {
    log('wiping the database ...');
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  }
  const [present] = await graph.readRows<{ n: number }>({ cypher: "MATCH (o:Organization) WHERE o.id STARTS WITH 'bench-org-' RETURN count(o) AS n", params: {} });
  if ((present?.n ?? 0) >= ORGS) log(`reusing ${present?.n} generated organisations (pass --wipe to rebuild)`);
  else if ((present?.n ?? 0) > 0) throw new Error('Partial benchmark data found: run again with --wipe.');
  else await generate(graph);

  const [counts] = await graph.readRows<Record<string, number>>({
    cypher: `CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
CALL () { MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r) AS partnerships }
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
RETURN organizations, partnerships, statements, documents`,
    params: {},
  });
  log(`graph: ${JSON.stringify(counts)}`);

  const random = rng(7);
  const pick = (n: number) => Array.from({ length: n }, () => (random() < 0.1 ? `BO${Math.floor(random() * HUBS)}` : orgName(Math.floor(random() * ORGS))));
  const warmup = pick(500);
  const names = pick(REQUESTS);

  // Direct: the name lookup and the partners statement, auto-commit read queries, as the API runs them.
  const direct = async (name: string) => {
    const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'READ' });
    try {
      const lookup = nameCandidatesQuery({ keys: [aliasKey('Organization', name)], labels: ['Organization'], word: null, suggest: null, limit: 5 });
      const found = await session.run(lookup.cypher, lookup.params, { timeout: config.neo4j.queryTimeoutMs });
      const id = (found.records[0]?.get('exact') as { id: string } | null)?.id;
      if (id === undefined) throw new Error(`no organisation named ${name}`);
      const query = partnersQuery({ id, kind: null, since: null, until: null, area: null, statuses: ['active'], includeUnits: false, skip: 0, limit: 20, evidenceLimit: 3 });
      const result = await session.run(query.cypher, query.params, { timeout: config.neo4j.queryTimeoutMs });
      if (result.records.length !== 1) throw new Error(`no row for ${name}`);
      JSON.stringify(result.records.map((r) => r.toObject()));
    } finally {
      await session.close();
    }
  };

  const { child, port } = await startServerProcess();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const api = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query: QUERY, variables: { of: name } });
      const req = request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: Array<{ message: string }> };
            if (res.statusCode !== 200 || parsed.errors) reject(new Error(parsed.errors?.[0]?.message ?? `HTTP ${res.statusCode}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  try {
    log(`warming up (${warmup.length} requests each) ...`);
    await measure('warmup-driver', warmup, direct);
    await measure('warmup-api', warmup, api);
    log(`measuring ${REQUESTS} requests each at concurrency ${CONCURRENCY} ...`);
    const driverFigures = await measure('driver', names, direct);
    const apiFigures = await measure('api', names, api);
    const row = (f: Figures) => `${f.label.padEnd(8)} ${f.perSecond.toFixed(0).padStart(8)} req/s   p50 ${f.p50.toFixed(2).padStart(7)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   errors ${f.errors}`;
    process.stdout.write(
      [
        '',
        `partners(of:) on ${counts?.organizations} organisations, ${counts?.partnerships} partnerships, ${counts?.statements} statements`,
        `${REQUESTS} requests, concurrency ${CONCURRENCY}, first: 20, evidence(first: 3)`,
        row(driverFigures),
        row(apiFigures),
        `API / driver throughput: ${(apiFigures.perSecond / driverFigures.perSecond).toFixed(2)}x (target >= 0.5x); API p99 ${apiFigures.p99.toFixed(1)} ms (target <= 25 ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await graph.close();
  }
}

/** Starts `--serve` in a child process and resolves with its port. */
function startServerProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /READY (\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`the API server exited (${code})`)));
  });
}

/** The child: the API server alone, until SIGTERM. */
async function serve(): Promise<void> {
  const config = benchConfig();
  const graph = new Graph(config.neo4j, config.neo4j.uri!);
  const server = await createApiServer(config, graph, { port: 0 });
  process.stdout.write(`READY ${server.port}\n`);
  process.once('SIGTERM', () => {
    void server.stop().then(() => graph.close()).then(() => process.exit(0));
  });
}

(values.serve ? serve() : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
