/**
 * Fail fast when the database goes away, recover when it returns. A TCP proxy
 * stands between the service and the tier's Neo4j; cutting it is the database
 * dying (connections reset, new ones refused), restoring it is the database
 * coming back on the same address. This file owns the database while it runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { documentText } from '../support/graphql.ts';
import { wipe } from '../support/ingest-snapshot.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import type { TcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait.ts';

const QUERY = gql`{ documents(first: 1) { totalCount } }`;

async function query(server: ApiServer): Promise<{ ms: number; code: string | null }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: documentText(QUERY) }) });
  const body = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> };
  return { ms: performance.now() - started, code: body.errors?.[0]?.extensions.code ?? null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('fail fast while the database is unreachable', () => {
  let proxy: TcpProxy;
  const target = new URL(inject('neo4jUri'));

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const graph = await connectTestGraph();
    await wipe(graph);
    await graph.close();
  });
  afterAll(async () => {
    await proxy.close();
    const graph = await connectTestGraph();
    await wipe(graph);
    await graph.close();
  });

  it('answers SERVICE_UNAVAILABLE within 100 ms during an outage and serves again once a probe sees the database', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: proxy.uri, PORT: '0', NODE_ENV: 'test', NEO4J_PROBE_INTERVAL_MS: '200', LOG_LEVEL: 'silent' });
    const graph = new Graph(config.neo4j, proxy.uri);
    const server = await createApiServer(config, graph);
    try {
      expect((await query(server)).code).toBeNull();
      await proxy.cut();
      const first = await query(server);
      expect(first.code).toBe('SERVICE_UNAVAILABLE');
      const during: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const answer = await query(server);
        expect(answer.code).toBe('SERVICE_UNAVAILABLE');
        during.push(answer.ms);
      }
      process.stderr.write(
        `[fail-fast] first query after the cut: ${first.ms.toFixed(0)} ms; next 30: median ${median(during).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms\n`,
      );
      expect(first.ms).toBeLessThan(3_000);
      expect(median(during)).toBeLessThan(100);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);

      await proxy.restore();
      const restored = performance.now();
      await waitFor('queries to succeed again', async () => (await query(server)).code === null);
      process.stderr.write(`[fail-fast] serving again ${(performance.now() - restored).toFixed(0)} ms after the database returned\n`);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
      await graph.close();
    }
  });

  it('ends the ingest CLI with SERVICE_UNAVAILABLE within 5 s of losing the database', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'fail-fast-corpus-'));
    try {
      generateCorpus({ count: 600, out: corpus, seed: 7 });
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', corpus, '--batch', '20'], {
        env: { ...process.env, NEO4J_URI: proxy.uri, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        // Some documents written: the run is in its write loop.
        await waitFor('the first written documents', () => /\[ingest\] [1-9]\d*\/\d+ new [1-9]/.test(output), 120_000);
        await proxy.cut();
        const cut = performance.now();
        const code = await Promise.race([exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 30_000))]);
        const ms = performance.now() - cut;
        process.stderr.write(`[fail-fast] ingest CLI exited ${ms.toFixed(0)} ms after the database was lost\n`);
        expect(code).toBe(1);
        expect(output).toMatch(/SERVICE_UNAVAILABLE/);
        expect(ms).toBeLessThan(5_000);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await proxy.restore();
      }
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});
