/**
 * Reads the environment once, validates it and returns a frozen object.
 * Everything else receives config as a parameter.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './errors.ts';

export interface Neo4jConfig {
  /** Null: no server given, the local launcher starts one. */
  uri: string | null;
  user: string;
  password: string;
  database: string;
  /** Per-query timeout for API reads, in ms. */
  queryTimeoutMs: number;
}

export interface LocalNeo4jConfig {
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

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

function neo4jUri(env: Env): string | null {
  const raw = env.NEO4J_URI?.trim();
  if (raw === undefined || raw === '') return null;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(raw)) {
    throw new AppError('CONFIG_ERROR', `NEO4J_URI must be a neo4j:// or bolt:// URI (optionally +s/+ssc), got "${raw}"`);
  }
  return raw;
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
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
      queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', 5_000, 100, 600_000),
    },
    local: {
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
    },
    sampleCorpusDir: path.resolve(ROOT_DIR, env.SAMPLE_CORPUS_DIR?.trim() || 'ingest'),
    ingestOnStart: boolean(env, 'INGEST_ON_START', true),
    maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', 2_000_000, 1_000, 100_000_000),
  };
  return deepFreeze(config);
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
