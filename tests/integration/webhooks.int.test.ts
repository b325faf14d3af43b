/**
 * Webhooks against a local receiver (node:http on a free port, started here):
 * the change of an ingest by the CLI in another process arrives with no
 * subscriber, signed; a receiver that fails twice gets the change on the
 * third attempt under one delivery id; a 4xx is not retried; deliveries come
 * in the order of the feed.
 * This file owns the database while it runs: it wipes it first and last.
 */
import { spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from '../support/graph.ts';
import { wipe } from '../support/ingest-snapshot.ts';
import { waitFor } from '../support/wait.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEV = path.join(ROOT, 'tests/fixtures/dev/docs');
const TOKEN = 'test-token-0123456789abcdef';
const SECRET = 'webhook-secret-0123456789';

interface Request {
  raw: string;
  body: any;
  headers: IncomingMessage['headers'];
  status: number;
}

/** What the receiver does with a request: a status, or 'drop' to cut the connection (a network error). */
type Behaviour = (body: any, attemptsOfDelivery: number) => number | 'drop';

/** The receiver a webhook verifies against: the documented snippet, as a test helper. */
function verified(secret: string, raw: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function documentOf(r: Request): string | undefined {
  return r.body.change.document?.id;
}

describe('webhooks: every change POSTed to a configured URL', () => {
  let graph: Graph;
  let server: ApiServer;
  let receiver: Server;
  const requests: Request[] = [];
  let behaviour: Behaviour = () => 200;

  function attemptsOf(deliveryId: string): Request[] {
    return requests.filter((r) => r.headers['x-delivery-id'] === deliveryId);
  }

  async function ingestByApi(id: string, file: string): Promise<void> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { outcome } }',
        variables: { input: { id, text: readFileSync(path.join(DEV, file), 'utf8') } },
      }),
    });
    expect(((await response.json()) as any).data.ingestDocument.outcome).toBe('NEW');
  }

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw);
        const seen = requests.filter((r) => r.body.deliveryId === body.deliveryId).length;
        const answer = behaviour(body, seen + 1);
        requests.push({ raw, body, headers: req.headers, status: answer === 'drop' ? 0 : answer });
        if (answer === 'drop') req.socket.destroy();
        else res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    graph = await connectTestGraph();
    await wipe(graph);
    const config = loadConfig({
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      PORT: '0',
      NODE_ENV: 'test',
      API_TOKEN: TOKEN,
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '4',
      CHANGES_POLL_INTERVAL_MS: '100',
    });
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    if (graph) await wipe(graph);
    await graph?.close();
  });

  it('receives the changes of an ingest by the CLI in another process, with no subscriber, signed with the secret', async () => {
    expect(server.subscriptions()).toBe(0);
    const exited = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', path.join(DEV, 'dev01-sfax-laval-mou.txt')], {
        cwd: ROOT,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri'), WEBHOOK_URL: '', WEBHOOK_SECRET: '' },
        stdio: 'ignore',
      });
      child.on('exit', (code) => resolve(code));
    });
    expect(exited).toBe(0);
    await waitFor('a NEW_PARTNERSHIP of dev01 at the receiver', () => requests.some((r) => documentOf(r) === 'dev01-sfax-laval-mou' && r.body.change.kind === 'NEW_PARTNERSHIP'));
    const change = requests.find((r) => documentOf(r) === 'dev01-sfax-laval-mou' && r.body.change.kind === 'NEW_PARTNERSHIP')!;
    expect(verified(SECRET, change.raw, change.headers['x-signature-256'] as string)).toBe(true);
    expect(verified('another-secret-0123456789', change.raw, change.headers['x-signature-256'] as string)).toBe(false);
    expect(change.headers['content-type']).toMatch(/^application\/json/);
    expect(change.headers['x-delivery-id']).toBe(change.body.deliveryId);
    expect(change.headers['x-delivery-attempt']).toBe('1');
    expect(change.body.change).toMatchObject({
      kind: 'NEW_PARTNERSHIP',
      subject: { type: 'ORGANIZATION' },
      object: { type: 'ORGANIZATION' },
      document: { id: 'dev01-sfax-laval-mou' },
    });
    expect(change.body.change.evidence.text.length).toBeGreaterThan(0);
    expect(typeof change.body.change.seq).toBe('number');
  });

  it('retries a receiver that fails twice (5xx, then a cut connection) and delivers the change once, under one delivery id', async () => {
    behaviour = (body, attempt) => (body.change.document?.id !== 'dev04' ? 200 : attempt === 1 ? 503 : attempt === 2 ? 'drop' : 200);
    await ingestByApi('dev04', 'dev04-icesco-kau.txt');
    const ofDev04 = () => requests.filter((r) => documentOf(r) === 'dev04');
    await waitFor('every change of dev04 delivered', () => {
      const ids = new Set(ofDev04().map((r) => r.body.deliveryId));
      return ids.size > 0 && [...ids].every((id) => attemptsOf(id).some((r) => r.status === 200));
    });
    const ids = [...new Set(ofDev04().map((r) => r.body.deliveryId))];
    for (const id of ids) {
      const attempts = attemptsOf(id);
      expect(attempts.map((r) => r.status)).toEqual([503, 0, 200]);
      expect(attempts.map((r) => r.headers['x-delivery-attempt'])).toEqual(['1', '2', '3']);
      // Same body, same signature on every attempt.
      expect(new Set(attempts.map((r) => r.raw)).size).toBe(1);
      for (const r of attempts) expect(verified(SECRET, r.raw, r.headers['x-signature-256'] as string)).toBe(true);
    }
    expect(server.webhooks!.stats.dropped).toBe(0);
  });

  it('does not retry a 4xx: the change is dropped and the next one goes out', async () => {
    behaviour = (body) => (body.change.document?.id === 'dev07' ? 400 : 200);
    const droppedBefore = server.webhooks!.stats.dropped;
    await ingestByApi('dev07', 'dev07-mpg-iisc.txt');
    await ingestByApi('dev12', 'dev12-ugb-auf.txt');
    // Deliveries go one at a time in feed order: once dev12's arrive, dev07's are settled.
    await waitFor('a change of dev12', () => requests.some((r) => documentOf(r) === 'dev12'));
    const refused = requests.filter((r) => documentOf(r) === 'dev07');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(attemptsOf(r.body.deliveryId)).toHaveLength(1);
    expect(server.webhooks!.stats.dropped - droppedBefore).toBe(new Set(refused.map((r) => r.body.deliveryId)).size);
  });

  it('delivers in the order of the feed: first attempts by increasing sequence number', () => {
    const firsts = requests.filter((r) => r.headers['x-delivery-attempt'] === '1').map((r) => r.body.change.seq as number);
    expect(firsts.length).toBeGreaterThan(3);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(new Set(firsts).size).toBe(firsts.length);
  });
});
