/**
 * Reads the environment once, validates it and returns a frozen object.
 * Everything else receives config as a parameter.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './errors.ts';

export interface Neo4jConfig {
  /** Null: no server given, the local launcher starts one. */
  uri: string | null;
  user: string;
  password: string;
  database: string;
  /** Per-query timeout for API reads, in ms (server side; the client gives up 1 s later). */
  queryTimeoutMs: number;
  /** Per-transaction timeout for ingestion writes, in ms. */
  writeTimeoutMs: number;
  /** TCP connect timeout and connectivity probe timeout, in ms. */
  connectTimeoutMs: number;
  /** How long transient errors (deadlocks, leader switches) are retried, in ms. */
  retryTimeMs: number;
  /** How often a background probe checks an unreachable database, in ms. */
  probeIntervalMs: number;
}

export interface LocalNeo4jConfig {
  /** Folder under .neo4j/ holding the instance's data, logs and pid file. */
  instance: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
}

export interface ApiConfig {
  host: string;
  port: number;
  /** Bearer token for mutations; null refuses every mutation. */
  apiToken: string | null;
  introspection: boolean;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Largest accepted request body, in bytes. */
  maxRequestBytes: number;
  /** Serve the offline GraphiQL explorer at GET /graphql (browsers). */
  explorer: boolean;
  /** Origins allowed to call the API from a browser (CORS); `*` allows any. */
  corsOrigins: readonly string[];
  /** How often subscriptions read new changes from the change feed in Neo4j, in ms (changes written by any process). */
  changesPollIntervalMs: number;
  /** Answers of `network` and `stats` kept between writes (src/api/view-cache.ts); 0 keeps none. */
  viewCacheEntries: number;
  /** Where every change is POSTed as JSON; null: no webhook. */
  webhook: WebhookConfig | null;
}

export interface WebhookConfig {
  /** http(s) URL that receives one POST per change. */
  url: string;
  /** Key of the HMAC-SHA256 signature of each body (X-Signature-256). */
  secret: string;
  /** Attempts per change, the first included, before it is logged and dropped. */
  maxAttempts: number;
  /** Wait before the first retry, in ms; doubled at each further retry (with jitter, at most 60 s). */
  retryBaseMs: number;
  /** How long one attempt may take, in ms. */
  timeoutMs: number;
  /** Changes waiting for delivery at most; more are logged and dropped. */
  maxQueue: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  rootDir: string;
  neo4j: Neo4jConfig;
  local: LocalNeo4jConfig;
  api: ApiConfig;
  /** Folder ingested by `npm start` (the sample corpus). */
  sampleCorpusDir: string;
  /** Skip ingesting the sample corpus at start. */
  ingestOnStart: boolean;
  /** Largest document accepted by ingestion, in bytes. */
  maxDocumentBytes: number;
}

type Env = Record<string, string | undefined>;

/** The folder holding package.json above this file: the repository, whether run from src/ (tsx) or dist/src/ (compiled). */
function rootDirAbove(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir, '..');
  }
}

export const ROOT_DIR = rootDirAbove(path.dirname(fileURLToPath(import.meta.url)));

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('CONFIG_ERROR', `${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new AppError('CONFIG_ERROR', `${name} must be true or false, got "${env[name]}"`);
}

function memory(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new AppError('CONFIG_ERROR', `${name} must look like 512m or 1g, got "${raw}"`);
  return raw;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return [];
  const list = raw.split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of list) {
    if (origin !== '*' && !/^https?:\/\/[^\s/]+$/.test(origin)) {
      throw new AppError('CONFIG_ERROR', `${name} must be a comma-separated list of origins such as https://dash.example.org (scheme, host, optional port; no path) or *, got "${origin}"`);
    }
  }
  return list;
}

function instanceName(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^[a-z0-9-]{1,40}$/.test(raw)) throw new AppError('CONFIG_ERROR', `${name} must be 1-40 lower-case letters, digits or dashes, got "${raw}"`);
  return raw;
}

function neo4jUri(env: Env): string | null {
  const raw = env.NEO4J_URI?.trim();
  if (raw === undefined || raw === '') return null;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(raw)) {
    throw new AppError('CONFIG_ERROR', `NEO4J_URI must be a neo4j:// or bolt:// URI (optionally +s/+ssc), got "${raw}"`);
  }
  return raw;
}

/** WEBHOOK_* settings: none without WEBHOOK_URL; a URL needs a secret and a secret needs a URL. */
function webhook(env: Env): WebhookConfig | null {
  const raw = env.WEBHOOK_URL?.trim();
  const secret = env.WEBHOOK_SECRET?.trim() || null;
  if (raw === undefined || raw === '') {
    if (secret !== null) throw new AppError('CONFIG_ERROR', 'WEBHOOK_SECRET is set but WEBHOOK_URL is not: set both to send webhooks, or neither');
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('CONFIG_ERROR', `WEBHOOK_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('CONFIG_ERROR', `WEBHOOK_URL must be an http:// or https:// URL, got "${raw}"`);
  if (secret === null) throw new AppError('CONFIG_ERROR', 'WEBHOOK_URL is set but WEBHOOK_SECRET is not: receivers need the secret to check the X-Signature-256 header');
  if (secret.length < 16) throw new AppError('CONFIG_ERROR', 'WEBHOOK_SECRET must be at least 16 characters long');
  return {
    url: url.toString(),
    secret,
    maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 6, 1, 20),
    retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 1_000, 10, 600_000),
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    maxQueue: integer(env, 'WEBHOOK_MAX_QUEUE', 10_000, 1, 1_000_000),
  };
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  // Development (stack traces, explorer, introspection) only when asked for explicitly.
  const nodeEnv = env.NODE_ENV === 'development' ? 'development' : env.NODE_ENV === 'test' ? 'test' : 'production';
  const apiToken = env.API_TOKEN?.trim() || null;
  if (apiToken !== null && apiToken.length < 16) {
    throw new AppError('CONFIG_ERROR', 'API_TOKEN must be at least 16 characters long');
  }
  const config: Config = {
    env: nodeEnv,
    rootDir: ROOT_DIR,
    neo4j: {
      uri: neo4jUri(env),
      user: env.NEO4J_USER?.trim() || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE?.trim() || 'neo4j',
      queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', 15_000, 100, 600_000),
      writeTimeoutMs: integer(env, 'WRITE_TIMEOUT_MS', 300_000, 1_000, 3_600_000),
      connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5_000, 100, 120_000),
      retryTimeMs: integer(env, 'NEO4J_RETRY_TIME_MS', 30_000, 0, 600_000),
      probeIntervalMs: integer(env, 'NEO4J_PROBE_INTERVAL_MS', 1_000, 50, 60_000),
    },
    local: {
      instance: instanceName(env, 'NEO4J_LOCAL_INSTANCE', 'dev'),
      boltPort: integer(env, 'NEO4J_LOCAL_BOLT_PORT', 7687, 1, 65535),
      httpPort: integer(env, 'NEO4J_LOCAL_HTTP_PORT', 7474, 1, 65535),
      heap: memory(env, 'NEO4J_LOCAL_HEAP', '512m'),
      pageCache: memory(env, 'NEO4J_LOCAL_PAGECACHE', '256m'),
      startTimeoutMs: integer(env, 'NEO4J_LOCAL_START_TIMEOUT_MS', 120_000, 1_000, 1_800_000),
    },
    api: {
      host: env.HOST?.trim() || '127.0.0.1',
      port: integer(env, 'PORT', 4000, 0, 65535),
      apiToken,
      introspection: boolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 1, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 5_000, 1, 1_000_000),
      maxRequestBytes: integer(env, 'GRAPHQL_MAX_REQUEST_BYTES', 1_048_576, 1_024, 104_857_600),
      explorer: boolean(env, 'GRAPHQL_EXPLORER', nodeEnv === 'development'),
      corsOrigins: origins(env, 'CORS_ORIGINS'),
      changesPollIntervalMs: integer(env, 'CHANGES_POLL_INTERVAL_MS', 500, 50, 60_000),
      viewCacheEntries: integer(env, 'API_VIEW_CACHE_ENTRIES', 200, 0, 100_000),
      webhook: webhook(env),
    },
    sampleCorpusDir: path.resolve(ROOT_DIR, env.SAMPLE_CORPUS_DIR?.trim() || 'ingest'),
    ingestOnStart: boolean(env, 'INGEST_ON_START', true),
    maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', 2_000_000, 1_000, 100_000_000),
  };
  return deepFreeze(config);
}

/** Addresses of a local Neo4j on these ports: the one place they are spelled out. */
export function localNeo4jAddresses(ports: { boltPort: number; httpPort: number }) {
  const boltUri = `bolt://127.0.0.1:${ports.boltPort}`;
  return {
    boltUri,
    httpUrl: `http://127.0.0.1:${ports.httpPort}`,
    // Opens the Browser connected to this instance (auth is off locally), not to whatever answers on 7687.
    browserUrl: `http://127.0.0.1:${ports.httpPort}/browser/?dbms=${boltUri}&preselectAuthMethod=NO_AUTH`,
  };
}

/** The Bolt URI the service and the CLIs use: NEO4J_URI, else the local instance's. */
export function neo4jUriOf(config: Pick<Config, 'neo4j' | 'local'>): string {
  return config.neo4j.uri ?? localNeo4jAddresses(config.local).boltUri;
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}

/**
 * Process-wide settings that follow from the configuration; called once by
 * entry points that serve requests. Outside development, stack traces are not
 * mapped back to TypeScript sources: the driver captures a stack for every
 * query result, and mapping each one through source maps cost ~10 % of the
 * API's CPU under load (stacks are only shown in development anyway).
 */
export function applyProcessSettings(config: Pick<Config, 'env'>): void {
  if (config.env !== 'development') process.setSourceMapsEnabled(false);
}
