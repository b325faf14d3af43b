/**
 * Operational behaviour of the HTTP API on a real Neo4j: declared input limits,
 * CORS, and the GraphQL explorer. Writes nothing it does not delete.
 */
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { Graph } from '../../src/graph/executor.ts';
import { documentText } from '../support/graphql.ts';

const TOKEN = 'test-token-0123456789abcdef';

interface Gql {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions: { code: string; details?: Record<string, unknown> } }> };
}

async function post(server: ApiServer, document: DocumentNode, variables: Record<string, unknown> = {}): Promise<Gql> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: documentText(document), variables }),
  });
  return { status: response.status, body: (await response.json()) as Gql['body'] };
}

describe('API operations', () => {
  let graph: Graph;
  let server: ApiServer;
  beforeAll(async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), API_TOKEN: TOKEN, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent', CORS_ORIGINS: 'https://dash.example.org' });
    graph = new Graph(config.neo4j, inject('neo4jUri'));
    server = await createApiServer(config, graph, { warmUp: false });
  });
  afterAll(async () => {
    await server?.stop();
    await graph?.close();
  });

  describe('declared input limits', () => {
    const INGEST = gql`mutation Ingest($input: IngestDocumentInput!) { ingestDocument(input: $input) { outcome } }`;

    it.each([
      ['a 9,000-character id', { text: 'ICESCO met UNESCO.', id: 'x'.repeat(9_000) }, 'input.id', /^input\.id: must be at most 256 characters/],
      ['an id with a control character', { text: 'ICESCO met UNESCO.', id: 'a\u0007b' }, 'input.id', /^input\.id: must not contain control characters/],
      ['a 1,001-character title', { text: 'ICESCO met UNESCO.', title: 't'.repeat(1_001) }, 'input.title', /^input\.title: must be at most 1000 characters/],
      ['a 2,049-character url', { text: 'ICESCO met UNESCO.', url: `https://x/${'u'.repeat(2_040)}` }, 'input.url', /^input\.url: must be at most 2048 characters/],
    ])('answers ingestDocument with %s as BAD_USER_INPUT naming the field, before the database', async (_what, input, field, message) => {
      const response = await post(server, INGEST, { input });
      expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', details: { argument: field } } });
    });

    it('answers deleteDocument with a 9,000-character id as BAD_USER_INPUT naming the id', async () => {
      const response = await post(server, gql`mutation { deleteDocument(id: "${'x'.repeat(9_000)}") { deleted } }`);
      expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^id: must be at most 256 characters/), extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('answers entity with a 257-character id as BAD_USER_INPUT naming the id', async () => {
      const response = await post(server, gql`{ entity(type: ORGANIZATION, id: "${'x'.repeat(257)}") { name } }`);
      expect(response.body.errors?.[0]).toMatchObject({ message: 'id: must be 1-256 characters', extensions: { code: 'BAD_USER_INPUT', details: { argument: 'id' } } });
    });
  });

  describe('CORS allow-list (CORS_ORIGINS=https://dash.example.org)', () => {
    it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    });

    it('lets an allowed origin read answers, and gives other origins no CORS headers', async () => {
      const query = JSON.stringify({ query: documentText(gql`{ documents(first: 0) { totalCount } }`) });
      const allowed = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: 'https://dash.example.org', 'content-type': 'application/json' }, body: query });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
      expect(allowed.headers.get('vary')).toMatch(/origin/i);
      const other = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' }, body: query });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('GraphQL explorer', () => {
    const page = (s: ApiServer) => fetch(`${s.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });

    it('shows no landing page outside development unless enabled', async () => {
      const response = await page(server);
      expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await response.text()).not.toMatch(/sandbox|embeddable|graphiql|cdn\./i);
    });

    it('serves GraphiQL and its scripts from node_modules, with nothing loaded from another host', async () => {
      const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'silent' });
      const dev = await createApiServer(config, graph, { warmUp: false });
      try {
        const response = await page(dev);
        expect(response.status).toBe(200);
        const html = await response.text();
        const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
        expect(sources).toEqual(['/vendor/graphiql/graphiql.min.css', '/vendor/react/react.production.min.js', '/vendor/react-dom/react-dom.production.min.js', '/vendor/graphiql/graphiql.min.js']);
        for (const source of sources) {
          const asset = await fetch(`${dev.url}${source}`);
          expect(asset.status, source).toBe(200);
          expect((await asset.text()).length, source).toBeGreaterThan(1000);
        }
      } finally {
        await dev.stop();
      }
    });
  });
});
