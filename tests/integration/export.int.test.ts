/**
 * Exports read back by independent readers (networkx for GEXF and GraphML,
 * Python's csv and json for CSV and JSON Lines, tests/support/read-export.py)
 * hold as many nodes and edges as Neo4j, with the same edge types, kinds and
 * document counts; today and as of a day; over HTTP and from the CLI.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../src/model/types.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { documentsIn, wipe } from '../support/ingest-snapshot.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const DEV = path.join(ROOT, 'tests/fixtures/dev/docs');
const READER = path.join(ROOT, 'tests/support/read-export.py');
const AS_OF = '2022-06-30';

interface ReadBack {
  nodes: number;
  edges: number;
  labels: string[];
  edgesByKey: Record<string, { type: string; documentCount: number; kinds: string[] }>;
  statements: { count: number; withEvidence: number } | null;
}

function readBack(format: string, ...files: string[]): ReadBack {
  const run = spawnSync('python3', [READER, format, ...files], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ReadBack;
}

/** What Neo4j holds: entity nodes, aggregated edges (type, kinds, documents) and statements, today or as of a day. */
async function inNeo4j(graph: Graph, asOf: string | null) {
  const stated = asOf === null ? '' : 'WHERE EXISTS { MATCH (d:Document)-[:MENTIONS]->(n) WHERE d.publishedAt <= $asOf }';
  const [nodes] = await graph.readRows<{ count: number }>({ cypher: `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) ${stated.replace('WHERE', 'AND')} RETURN count(n) AS count`, params: { labels: [...ENTITY_TYPES], asOf } });
  const edges = await graph.readRows<{ key: string; type: string }>({
    cypher: `MATCH ()-[r]->() WHERE type(r) IN $types ${asOf === null ? '' : 'AND EXISTS { MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document) WHERE d.publishedAt <= $asOf }'} RETURN r.key AS key, type(r) AS type, coalesce(r.kinds, []) AS kinds, r.documentCount AS documentCount`,
    params: { types: [...RELATION_TYPES], asOf },
  });
  const [statements] = await graph.readRows<{ count: number }>({
    cypher: `MATCH (s:Statement)-[:STATED_IN]->(d:Document) ${asOf === null ? '' : 'WHERE d.publishedAt <= $asOf'} RETURN count(s) AS count`,
    params: { asOf },
  });
  return { nodes: nodes!.count, edges, statements: statements!.count };
}

describe('exports', () => {
  let graph: Graph;
  let server: ApiServer;
  let dir: string;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'test' });

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    for (const doc of documentsIn(DEV).slice(0, 12)) await ingestText(graph, { text: doc.text, id: doc.id });
    server = await createApiServer(config, graph, { warmUp: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function download(name: string, asOf: string | null): Promise<string> {
    const response = await fetch(`${server.url}/export/${name}${asOf === null ? '' : `?asOf=${asOf}`}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    const file = path.join(dir, `${asOf ?? 'now'}-${name}`);
    writeFileSync(file, await response.text());
    return file;
  }

  it.each([
    ['gexf', ['graph.gexf'], null],
    ['graphml', ['graph.graphml'], null],
    ['csv', ['nodes.csv', 'relationships.csv'], null],
    ['jsonl', ['graph.jsonl'], null],
    ['gexf', ['graph.gexf'], AS_OF],
    ['graphml', ['graph.graphml'], AS_OF],
    ['csv', ['nodes.csv', 'relationships.csv'], AS_OF],
    ['jsonl', ['graph.jsonl'], AS_OF],
  ])('%s read back has the nodes and edges Neo4j has (files %j, as of %s)', async (format, names, asOf) => {
    const expected = await inNeo4j(graph, asOf);
    expect(expected.nodes).toBeGreaterThan(10);
    expect(expected.edges.length).toBeGreaterThan(10);
    const files = [];
    for (const name of names) files.push(await download(name, asOf));
    const found = readBack(format, ...files);
    expect(found.nodes).toBe(expected.nodes);
    expect(found.edges).toBe(expected.edges.length);
    expect(Object.keys(found.edgesByKey).sort()).toEqual(expected.edges.map((e) => e.key).sort());
    expect(found.labels).toContain('Organization');
    if (asOf === null) {
      for (const e of expected.edges as Array<{ key: string; type: string; kinds: string[]; documentCount: number }>) {
        expect(found.edgesByKey[e.key]).toEqual({ type: e.type, kinds: [...e.kinds].sort(), documentCount: e.documentCount });
      }
    }
    if (format === 'jsonl') expect(found.statements).toEqual({ count: expected.statements, withEvidence: expected.statements });
  });

  it('has fewer nodes and edges as of a day than today', async () => {
    const then = await inNeo4j(graph, AS_OF);
    const now = await inNeo4j(graph, null);
    expect(then.edges.length).toBeGreaterThan(0);
    expect(then.edges.length).toBeLessThan(now.edges.length);
    expect(then.nodes).toBeLessThan(now.nodes);
  });

  it('writes the same GraphML from `npm run export` (another process) as Neo4j holds, and refuses a bad day with exit code 2', async () => {
    const out = path.join(dir, 'cli.graphml');
    const env = { ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' };
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/export.ts'), '--format', 'graphml', '--as-of', AS_OF, '--out', out], { env, stdio: 'ignore' });
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    const expected = await inNeo4j(graph, AS_OF);
    const found = readBack('graphml', out);
    expect([found.nodes, found.edges]).toEqual([expected.nodes, expected.edges.length]);
    expect(readFileSync(out, 'utf8')).toContain(`partnerships-as-of-${AS_OF}`);
    // Run without blocking this process: the API server of this file lives here, and a blocked event loop
    // lets its keep-alive timer close a socket the next request is about to reuse.
    const bad = await execFileAsync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/export.ts'), '--format', 'gexf', '--as-of', '2022-02-30'], { env, encoding: 'utf8' }).then(
      () => ({ status: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ status: error.code, stderr: error.stderr ?? '' }),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--as-of: must be a calendar day/);
  });

  it('answers a bad day with 400 BAD_USER_INPUT and an unknown file with 404', async () => {
    const bad = await fetch(`${server.url}/export/graph.gexf?asOf=2022-13-01`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${server.url}/export/graph.xlsx`)).status).toBe(404);
  });
});
