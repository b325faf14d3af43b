/**
 * `Subscription.changed` over WebSocket with a real graphql-ws client: it
 * hears changes that `npm run ingest` writes in another process (followed
 * through the change feed in Neo4j) and those of the API's own mutations.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { ingestText } from '../../src/pipeline/index.ts';
import { connectTestGraph } from '../support/graph.ts';
import { wipe } from '../support/ingest-snapshot.ts';
import { waitFor } from '../support/wait.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEV = path.join(ROOT, 'tests/fixtures/dev/docs');
const TOKEN = 'test-token-0123456789abcdef';

interface Received {
  at: number;
  data: any;
}

/** Subscribes and collects what arrives, with the time it arrived. */
function collect(client: Client, query: string, variables: Record<string, unknown> = {}): { received: Received[]; errors: unknown[]; stop: () => void } {
  const received: Received[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else received.push({ at: Date.now(), data: value.data });
      },
      error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => {},
    },
  );
  return { received, errors, stop };
}

describe('subscriptions: changed', () => {
  let graph: Graph;
  let server: ApiServer;
  let client: Client;
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'test', API_TOKEN: TOKEN });

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    // ICESCO is known before the subscriptions that name it.
    await ingestText(graph, { text: readFileSync(path.join(DEV, 'icesco-leibniz-2021-01-22.txt'), 'utf8'), id: 'icesco-leibniz-2021-01-22' });
    server = await createApiServer(config, graph, { warmUp: false });
    client = createClient({ url: `${server.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  });

  afterAll(async () => {
    await client?.dispose();
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it('receives a change within 2 s of an ingest by the CLI in another process', async () => {
    const sub = collect(client, 'subscription { changed(kinds: [NEW_PARTNERSHIP]) { kind at subject { name } object { name } document { id } evidence { text } } }');
    await waitFor('the subscription to be open', () => server.subscriptions() === 1);
    const exited = await new Promise<{ code: number | null; at: number }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', path.join(DEV, 'dev01-sfax-laval-mou.txt')], {
        cwd: ROOT,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
        stdio: 'ignore',
      });
      child.on('exit', (code) => resolve({ code, at: Date.now() }));
    });
    expect(exited.code).toBe(0);
    await waitFor('a change from dev01', () => sub.received.some((r) => r.data.changed.document?.id === 'dev01-sfax-laval-mou'), 30_000);
    const first = sub.received.find((r) => r.data.changed.document?.id === 'dev01-sfax-laval-mou')!;
    process.stdout.write(`[subscriptions] change received ${first.at - exited.at} ms after the ingest process exited, ${first.at - Date.parse(first.data.changed.at)} ms after its transaction began\n`);
    expect(first.at - exited.at).toBeLessThan(2_000);
    expect(first.data.changed.kind).toBe('NEW_PARTNERSHIP');
    expect(first.data.changed.evidence.text.length).toBeGreaterThan(0);
    expect(sub.errors).toEqual([]);
    sub.stop();
    await waitFor('the subscription to close', () => server.subscriptions() === 0);
  });

  it('hears the API’s own mutations, filtered by organisation', async () => {
    const icesco = collect(client, 'subscription($of: String) { changed(of: $of) { kind subject { name } object { name } parties { name } document { id } } }', { of: 'ICESCO' });
    const other = collect(client, 'subscription { changed(of: "Leibniz Association", kinds: [AGREEMENT_STATUS]) { kind } }');
    await waitFor('both subscriptions to be open', () => server.subscriptions() === 2);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { outcome } }',
        variables: { input: { id: 'icesco-kau', text: readFileSync(path.join(DEV, 'dev04-icesco-kau.txt'), 'utf8') } },
      }),
    });
    expect(((await response.json()) as any).data.ingestDocument.outcome).toBe('NEW');
    await waitFor('a change of ICESCO', () => icesco.received.some((r) => r.data.changed.document?.id === 'icesco-kau'), 30_000);
    for (const r of icesco.received) {
      const c = r.data.changed;
      expect([c.subject?.name, c.object?.name, ...c.parties.map((p: any) => p.name)].join('|')).toMatch(/Islamic World Educational/);
    }
    expect(other.received).toEqual([]);
    icesco.stop();
    other.stop();
  });

  it('refuses an unknown organisation and a query sent over the socket, with codes', async () => {
    const unknown = collect(client, 'subscription { changed(of: "No Such Organisation Anywhere") { kind } }');
    const query = collect(client, '{ documents { totalCount } }');
    await waitFor('both refusals', () => unknown.errors.length > 0 && query.errors.length > 0);
    expect((unknown.errors[0] as any).extensions.code).toBe('NOT_FOUND');
    expect((query.errors[0] as any).extensions.code).toBe('BAD_USER_INPUT');
  });
});
