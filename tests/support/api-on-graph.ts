/**
 * The API over the database tier's Neo4j, for a test file that owns the
 * database while it runs: before all tests it wipes the graph, loads what
 * the file needs and starts the API; after all tests it stops the API, wipes
 * the graph and closes the connection.
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import type { ApiServer } from '../../src/api/server.ts';
import type { Config } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import type { Graph } from '../../src/graph/executor.ts';
import { connectTestGraph } from './graph.ts';
import { postGraphql } from './graphql.ts';
import type { GraphqlBody } from './graphql.ts';
import { wipe } from './ingest-snapshot.ts';

export interface ApiOnGraph {
  readonly graph: Graph;
  readonly server: ApiServer;
  readonly config: Config;
  /** POSTs a query with the token (if any); the parsed body. */
  post(query: string): Promise<GraphqlBody>;
  /** POSTs a query that must answer without errors; its data. */
  ok(query: string): Promise<Record<string, any>>;
}

export function apiOnTestGraph(options: { token?: string; load?: (graph: Graph, config: Config) => Promise<void> } = {}): ApiOnGraph {
  const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', NODE_ENV: 'test', ...(options.token === undefined ? {} : { API_TOKEN: options.token }) });
  let graph: Graph | undefined;
  let server: ApiServer | undefined;
  const post = (query: string) => postGraphql(server!.url, options.token ?? null, query);

  beforeAll(async () => {
    graph = await connectTestGraph();
    await wipe(graph);
    await options.load?.(graph, config);
    server = await createApiServer(config, graph, { warmUp: false });
  });

  afterAll(async () => {
    await server?.stop();
    if (graph) await wipe(graph);
    await graph?.close();
  });

  return {
    get graph() {
      return graph!;
    },
    get server() {
      return server!;
    },
    config,
    post,
    async ok(query) {
      const body = await post(query);
      expect(body.errors, query).toBeUndefined();
      return body.data!;
    },
  };
}
