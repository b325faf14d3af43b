/**
 * The HTTP server: GraphQL on /graphql (Apollo Server, no framework),
 * /healthz, /readyz, static folders (the dashboard), body size limit, auth
 * for mutations, and graphql-armor limits.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, parse } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import type { Graph } from '../graph/executor.ts';
import { createLogger } from '../log.ts';
import type { Logger } from '../log.ts';
import { checkBearer, mutationAuthPlugin } from './auth.ts';
import { ChangeFollower } from './change-follower.ts';
import type { ApiContext } from './context.ts';
import { applyCors } from './cors.ts';
import { EXPORT_PREFIX, serveExport } from './export-route.ts';
import { EXPLORER_HTML, explorerRoutes, wantsExplorer } from './explorer.ts';
import { createFormatError } from './format-error.ts';
import { Loaders } from './loaders.ts';
import { defaultPipeline } from './default-pipeline.ts';
import type { PipelinePort } from './pipeline-port.ts';
import { ApiReader, withDeadline } from './reader.ts';
import { requestLogPlugin } from './request-log.ts';
import { resolvers } from './resolvers.ts';
import { serveStatic } from './static-files.ts';
import { ViewCache } from './view-cache.ts';
import { warmUpQueries } from './warm-up.ts';
import { WebhookSender } from './webhooks.ts';
import type { StaticRoute } from './static-files.ts';

export type { StaticRoute } from './static-files.ts';

/**
 * GraphQLError as graphql-ws sees it: it checks errors with `instanceof`
 * against the copy of graphql that `require` loads, which under a bundler or
 * test runner may not be the copy an `import` gets (graphql ships both).
 */
const { GraphQLError: SocketGraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Largest number of lexical tokens in one GraphQL document. */
export const MAX_TOKENS = 2_000;

export interface ApiServerOptions {
  /** Static folders, e.g. `[{ prefix: '/dashboard', dir }, { prefix: '/vendor/cytoscape', dir }]`. */
  staticRoutes?: readonly StaticRoute[];
  /** Where `GET /` redirects; defaults to "/dashboard/" when such a route exists, else "/graphql". */
  rootRedirect?: string;
  /** Overrides config.api.port (0 picks a free port) and config.api.host. */
  port?: number;
  host?: string;
  /** Plan every query once before listening, and again after an outage (default true). */
  warmUp?: boolean;
  /** The ingestion pipeline used by the mutations (default: src/pipeline). */
  pipeline?: PipelinePort;
}

export interface ApiServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  /** Open `changed` subscriptions (WebSocket). */
  subscriptions(): number;
  /** Answers of `network` and `stats` kept until the next write (hits and misses counted). */
  viewCache: ViewCache;
  /** The webhook sender when WEBHOOK_URL is set, else null. */
  webhooks: WebhookSender | null;
  /** Adds a static folder after start (the dashboard, vendored scripts). */
  addStaticRoute(route: StaticRoute): void;
  /** Stops accepting requests, closes open connections and Apollo; leaves the Graph open. */
  stop(): Promise<void>;
}

/** Reads the contract from schema.graphql at the repository root. */
export function loadTypeDefs(rootDir: string): string {
  return readFileSync(path.join(rootDir, 'schema.graphql'), 'utf8');
}

/** Builds the Apollo server (not started) with limits, auth and error formatting. */
export function createApollo(config: Readonly<Config>): ApolloServer<ApiContext> {
  const development = config.env === 'development';
  const log = createLogger('api');
  const armor = new ApolloArmor({
    maxDepth: { n: config.api.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.api.maxAliases },
    // Cost ≈ objects the response may hold: 1 per object, times a literal `first`;
    // scalars are bounded by the token limit. Resolvers cap `first` themselves.
    costLimit: { maxCost: config.api.maxCost, objectCost: 1, scalarCost: 0, depthCostFactor: 1, flattenFragments: true, ignoreIntrospection: true },
    // graphql-js counts tokens while parsing (parseOptions below): a syntax error stays a 400, not a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: !config.api.introspection },
  });
  const protection = armor.protect();
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(config.rootDir),
    resolvers,
    introspection: config.api.introspection,
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<ApiContext>[]),
      mutationAuthPlugin<ApiContext>(),
      requestLogPlugin<ApiContext>(log),
      // No HTTP caching of GraphQL answers; without this plugin no resolver is wrapped for cache hints.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing pages load from a CDN; the offline explorer (explorer.ts) replaces them.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    // The process owner (src/main.ts) handles SIGINT/SIGTERM and stops the
    // server, the graph and the local Neo4j in order; Apollo's own handlers
    // would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    // Stack traces only when NODE_ENV=development is set explicitly (config.env).
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development }),
    logger: apolloLogger(log),
  });
}

/** Apollo's own messages through our logger (one JSON line each). */
function apolloLogger(log: Logger) {
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args: unknown[]) => log.debug(text(args), { source: 'apollo' }),
    info: (...args: unknown[]) => log.info(text(args), { source: 'apollo' }),
    warn: (...args: unknown[]) => log.warn(text(args), { source: 'apollo' }),
    error: (...args: unknown[]) => log.error(text(args), { source: 'apollo' }),
  };
}

/** A client that went away mid-request (closed tab, half-open socket): not our failure, worth one short line. */
function isAbort(error: unknown, req: IncomingMessage): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return req.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || (error instanceof Error && error.message === 'aborted');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

class BodyTooLarge extends Error {}

/** Reads the request body, refusing more than `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the API over HTTP and resolves once it listens. */
export async function createApiServer(config: Readonly<Config>, graph: Graph, options: ApiServerOptions = {}): Promise<ApiServer> {
  const log = createLogger('api');
  const apollo = createApollo(config);
  await apollo.start();
  const routes: StaticRoute[] = [...(options.staticRoutes ?? []), ...(config.api.explorer ? explorerRoutes() : [])];
  const pipeline = options.pipeline ?? defaultPipeline;
  const changes = new ChangeFollower(new ApiReader(graph, config.neo4j.queryTimeoutMs), config.api.changesPollIntervalMs, log);
  const viewCache = new ViewCache(config.api.viewCacheEntries);
  const contextFor = (authorization: string | undefined): ApiContext => {
    const reader = new ApiReader(graph, config.neo4j.queryTimeoutMs);
    return { auth: checkBearer(authorization, config.api.apiToken), reader, loaders: new Loaders(reader), graph, config, pipeline, changes, viewCache };
  };
  const warmUp = async (reason: string) => {
    try {
      const { ms } = await warmUpQueries(apollo, () => contextFor(undefined));
      log.info(`query plans warmed in ${ms} ms`, { event: 'warm-up', reason, ms });
    } catch (error) {
      log.warn(`query plan warm-up failed: ${error instanceof Error ? error.message : String(error)}`, { event: 'warm-up', reason });
    }
  };
  // A fresh start, and a database back from an outage (its plan cache may be empty), plan every query once.
  if (options.warmUp !== false) {
    await warmUp('start');
    graph.onReconnect(() => void warmUp('reconnect'));
  }
  const rootRedirect = () => options.rootRedirect ?? (routes.some((r) => r.prefix.replace(/\/+$/, '') === '/dashboard') ? '/dashboard/' : '/graphql');

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (applyCors(config.api.corsOrigins, req, res)) return;
    if (config.api.explorer && wantsExplorer(req.method, req.headers.accept, url)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : EXPLORER_HTML);
      return;
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, config.api.maxRequestBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          sendJson(res, 413, errorBody(`The request body is larger than ${config.api.maxRequestBytes} bytes.`, 'BAD_USER_INPUT'), { connection: 'close' });
          req.resume();
          return;
        }
        throw error;
      }
      const type = req.headers['content-type'] ?? '';
      if (/^application\/(graphql-response\+)?json/i.test(type)) {
        try {
          body = raw === '' ? {} : JSON.parse(raw);
        } catch {
          sendJson(res, 400, errorBody('The request body is not valid JSON.', 'BAD_REQUEST'));
          return;
        }
      } else {
        body = raw;
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => contextFor(req.headers.authorization),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname;
    if (route === '/graphql') return graphql(req, res, url);
    if (route === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (route.startsWith(EXPORT_PREFIX)) return serveExport(req, res, url, (query, purpose) => new ApiReader(graph, config.neo4j.queryTimeoutMs).rows(query, purpose));
    if (route === '/readyz') {
      try {
        await withDeadline(graph.verify(), config.neo4j.connectTimeoutMs);
        return sendJson(res, 200, { status: 'ready' });
      } catch (error) {
        return sendJson(res, 503, { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (route === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(302, { location: rootRedirect() }).end();
      return;
    }
    if (await serveStatic(routes, req, res, route)) return;
    sendJson(res, 404, errorBody(`Nothing at ${route}.`, 'NOT_FOUND'));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const where = { method: req.method, path: (req.url ?? '/').split('?')[0] };
      if (isAbort(error, req)) {
        log.info('request aborted by the client', { event: 'request-aborted', ...where });
        res.destroy();
        return;
      }
      log.error(`request failed: ${error instanceof Error ? error.message : String(error)}`, {
        event: 'request-failed',
        ...where,
        stack: error instanceof Error ? error.stack : undefined,
      });
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  const host = options.host ?? config.api.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.api.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const formatSocketError = createFormatError({ development: config.env === 'development' });
  // Subscriptions (graphql-ws) on the same port and path as GraphQL over HTTP.
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  const subscriptionServer = useServer(
    {
      schema: makeExecutableSchema({ typeDefs: loadTypeDefs(config.rootDir), resolvers }),
      context: () => contextFor(undefined),
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [new SocketGraphQLError(error instanceof Error ? error.message : 'The query does not parse.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        if (getOperationAST(document, payload.operationName)?.operation === 'subscription') return undefined;
        return [new SocketGraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })];
      },
      // Coded errors as over HTTP (AppError code in extensions.code, no stack traces).
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined ? undefined : { ...result, errors: result.errors.map((error) => formatSocketError(error.toJSON(), error)) },
    },
    sockets,
  );
  // A webhook hears every change from now on, with or without subscribers.
  const webhooks = config.api.webhook === null ? null : new WebhookSender(config.api.webhook, createLogger('webhooks'));
  if (webhooks !== null) {
    changes.listen((change) => webhooks.enqueue(change));
    log.info(`changes are POSTed to the webhook at ${new URL(config.api.webhook!.url).origin}`, { event: 'webhook-on' });
  }
  changes.start();
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;
  log.info(`GraphQL API on ${url}/graphql`);

  let stopped: Promise<void> | null = null;
  return {
    url,
    port,
    subscriptions: () => changes.subscribers,
    viewCache,
    webhooks,
    addStaticRoute: (route) => {
      routes.push(route);
    },
    stop: () => {
      stopped ??= (async () => {
        await changes.stop();
        await webhooks?.stop();
        await subscriptionServer.dispose();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Requests still running after 2 s are cut off: a stop must fit in a process manager's timeout.
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        await closed;
        clearTimeout(force);
        await apollo.stop();
      })();
      return stopped;
    },
  };
}
