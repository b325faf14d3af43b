/**
 * The one seam to Neo4j: every query in the service runs through this module.
 * Managed transactions (driver-side retries), sessions closed in `finally`,
 * transaction metadata naming the app, and Neo4j errors mapped to our codes
 * in one place. Values always travel as parameters.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.ts';
import { AppError } from '../errors.ts';

/** A Cypher statement and its parameters: what query builders return. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface RunOptions {
  /** Per-transaction timeout in ms (server side). */
  timeoutMs?: number;
  /** Shown in `SHOW TRANSACTIONS` and the query log. */
  purpose?: string;
}

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

const APP = 'partnership-graph';
/** How long transient errors are retried: an outage surfaces as SERVICE_UNAVAILABLE within ~15 s, not the driver's default 30 s. */
const MAX_RETRY_TIME_MS = 15_000;

/** Exponential back-off with jitter, as the driver's managed transactions do: ~1 s, 2 s, 4 s ... */
function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000) * (0.8 + Math.random() * 0.4);
}

/**
 * Runs `attempt` again after errors the driver deems transient (lost
 * connection, leader switch, deadlock), with back-off, until `maxTimeMs` would
 * be exceeded; any other error is thrown at once. Only for idempotent work.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, maxTimeMs: number, delayMs: (attempt: number) => number = retryDelayMs): Promise<T> {
  const deadline = Date.now() + maxTimeMs;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delayMs(n);
      if (!neo4j.isRetryableError(error) || Date.now() + delay > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Connects to Neo4j; callers close it with `graph.close()`. */
export class Graph {
  readonly driver: Driver;
  readonly database: string;
  private readonly defaultTimeoutMs: number;

  constructor(config: Pick<Neo4jConfig, 'uri' | 'user' | 'password' | 'database' | 'queryTimeoutMs'>, uri: string) {
    // A server with auth disabled accepts any basic credentials.
    const auth = neo4j.auth.basic(config.user, config.password);
    this.driver = neo4j.driver(uri, auth, {
      userAgent: `${APP}/0.1`,
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: MAX_RETRY_TIME_MS,
    });
    this.database = config.database;
    this.defaultTimeoutMs = config.queryTimeoutMs;
  }

  /** Resolves when the server answers; throws SERVICE_UNAVAILABLE otherwise. */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  /** Runs read work in a managed transaction (retried by the driver on transient errors). */
  async read<T>(work: Work<T>, options: RunOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, this.txConfig(options));
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs write work in a managed transaction (retried by the driver on transient errors). */
  async write<T>(work: Work<T>, options: RunOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, this.txConfig(options));
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one read query and returns its records as plain objects. A single
   * read needs no explicit transaction: it runs as an auto-commit query (one
   * round trip instead of BEGIN, RUN, COMMIT; about half the driver's cost
   * per request), retried here on the errors the driver would retry.
   */
  async readRows<T = Record<string, unknown>>(query: CypherQuery, options: RunOptions = {}): Promise<T[]> {
    return retryTransient(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(query.cypher, query.params, this.txConfig(options));
        return result.records.map((record) => record.toObject() as T);
      } finally {
        await session.close();
      }
    }, MAX_RETRY_TIME_MS).catch((error: unknown) => {
      throw mapNeo4jError(error);
    });
  }

  /** Runs one write query and returns its records as plain objects. */
  async writeRows<T = Record<string, unknown>>(query: CypherQuery, options: RunOptions = {}): Promise<T[]> {
    return this.write(async (tx) => {
      const result = await tx.run(query.cypher, query.params);
      return result.records.map((record) => record.toObject() as T);
    }, options);
  }

  /** Runs schema statements (constraints, indexes) one by one, each in its own auto-commit transaction. */
  async runSchema(statements: readonly string[]): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      for (const statement of statements) await session.run(statement);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private txConfig(options: RunOptions) {
    return {
      timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      metadata: { app: APP, purpose: options.purpose ?? 'query' },
    };
  }
}

/** Maps driver and server errors to the service's codes. */
export function mapNeo4jError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
      return new AppError('SERVICE_UNAVAILABLE', 'The graph database is not reachable; try again shortly.', { cause: error });
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('TransactionTimedOut')) {
      return new AppError('DATABASE_ERROR', 'The query took too long and was stopped.', { cause: error, details: { neo4jCode: code } });
    }
    if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
      return new AppError('BAD_USER_INPUT', 'The write conflicts with an existing node (uniqueness constraint).', {
        cause: error,
        details: { neo4jCode: code },
      });
    }
    if (code.startsWith('Neo.ClientError.Security')) {
      return new AppError('SERVICE_UNAVAILABLE', 'The graph database refused the credentials (check NEO4J_USER / NEO4J_PASSWORD).', {
        cause: error,
        details: { neo4jCode: code },
      });
    }
    return new AppError('DATABASE_ERROR', `Graph database error (${code || 'unknown'}).`, { cause: error, details: { neo4jCode: code } });
  }
  return error;
}
