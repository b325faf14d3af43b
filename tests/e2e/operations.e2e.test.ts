/**
 * The service as `npm start` runs it (src/main.ts with plain settings, no
 * NODE_ENV), seen from outside: error responses, log lines, explorer, CORS.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.ts';
import { documentText } from '../support/graphql.ts';
import { waitFor } from '../support/wait.ts';

interface Service {
  url: string;
  /** stderr lines parsed as JSON (non-JSON lines are kept as { raw }). */
  logs(): Array<Record<string, unknown>>;
  stderr(): string;
  stop(): Promise<void>;
}

async function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src', 'main.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_ENV: '', NEO4J_URI: inject('neo4jUri'), PORT: '0', INGEST_ON_START: 'false', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor('the service to be ready', () => stdout.includes('Press Ctrl-C to stop.') || child.exitCode !== null);
  const url = /GraphQL API:\s+(\S+)\/graphql/.exec(stdout)?.[1];
  if (url === undefined) throw new Error(`service did not start:\n${stdout}${stderr}`);
  return {
    url,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return { raw: line };
          }
        }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Sends a document; a string only for one that must fail validation. */
async function post(url: string, document: DocumentNode | string, headers: Record<string, string> = {}) {
  const query = typeof document === 'string' ? document : documentText(document);
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe('npm start with default settings', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ API_TOKEN: '' });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('hides stack traces from every error unless NODE_ENV=development is set', async () => {
    const anonymous = await post(service.url, gql`mutation { deleteDocument(id: "x") { deleted } }`);
    expect(anonymous.status).toBe(401);
    const invalid = await post(service.url, '{ nope }');
    const internalish = await post(service.url, gql`{ partners(of: "") { totalCount } }`);
    for (const response of [anonymous, invalid, internalish]) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      for (const error of response.body.errors ?? []) expect(error.extensions.stacktrace).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain(ROOT_DIR);
    }
  });

  it('logs one JSON line per failed field, naming the operation and the field', async () => {
    await post(service.url, gql`query PartnersOfNobody { partners(of: "No Such Organisation Anywhere") { totalCount } }`);
    await waitFor('the error log line', () => service.logs().some((l) => l.event === 'graphql-error' && l.operation === 'PartnersOfNobody'));
    const line = service.logs().find((l) => l.event === 'graphql-error' && l.operation === 'PartnersOfNobody')!;
    expect(line).toMatchObject({ level: 'info', ns: 'api', field: 'partners', code: 'NOT_FOUND' });
    expect(service.logs().filter((l) => 'raw' in l)).toEqual([]);
  });

  it('logs an aborted request as one short line without a stack', async () => {
    const before = service.logs().length;
    const { port, hostname } = new URL(service.url);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: hostname, port: Number(port) }, () => {
        // Promise a body, send half of it, then go away.
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
        setImmediate(() => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
    await waitFor('the abort log line', () => service.logs().slice(before).some((l) => l.event === 'request-aborted'));
    const lines = service.logs().slice(before);
    expect(lines.filter((l) => l.event === 'request-aborted')).toHaveLength(1);
    expect(lines.find((l) => l.event === 'request-aborted')).toMatchObject({ level: 'info', method: 'POST', path: '/graphql' });
    expect(JSON.stringify(lines)).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
