/**
 * The one seam to Neo4j: every query in the service runs through this module.
 * Managed transactions with bounded retries of transient errors, a circuit
 * breaker that fails fast while the database is down, sessions closed in `finally`,
 * transaction metadata naming the app, and Neo4j errors mapped to our codes
 * in one place. Values always travel as parameters.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { BUMP_VERSION_CYPHER } from './version.ts';

const log = createLogger('graph');

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

/** Exponential back-off with jitter: ~100 ms, 200 ms, 400 ms ... up to ~3 s (deadlocks clear fast; outages are caught by the breaker). */
function retryDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 3_000) * (0.5 + Math.random());
}

/** Lost connection, no server: the errors that say the database itself is unreachable, as opposed to a deadlock. */
export function isConnectivityError(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  const code = error.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable');
}

export interface RetryOptions {
  /** Give up once the next wait would end after this many ms. */
  maxTimeMs: number;
  /** Wait before retry number `attempt` (0-based). */
  delayMs?: (attempt: number) => number;
  /**
   * Called on a connectivity error before retrying: returns whether the
   * database answers again (a stale pooled connection) or not (give up now).
   */
  reachable?: () => Promise<boolean>;
}

/**
 * Runs `attempt` again after errors the driver deems transient (deadlock,
 * leader switch, lost connection), with back-off, until `maxTimeMs` would be
 * exceeded; any other error is thrown at once, and so is a connectivity error
 * when `reachable` says the database is gone. Only for idempotent work.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const deadline = Date.now() + options.maxTimeMs;
  const delayMs = options.delayMs ?? retryDelayMs;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!neo4j.isRetryableError(error)) throw error;
      if (isConnectivityError(error) && options.reachable !== undefined && !(await options.reachable())) throw error;
      const delay = delayMs(n);
      if (Date.now() + delay > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Rejects with SERVICE_UNAVAILABLE when `promise` has not settled after `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, message = `The graph database did not answer within ${ms} ms; try again shortly.`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SERVICE_UNAVAILABLE', message)), ms);
  });
  // The losing promise may still reject later: keep that from becoming an unhandled rejection.
  promise.catch(() => {});
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

type GraphConfig = Pick<Neo4jConfig, 'user' | 'password' | 'database' | 'queryTimeoutMs'> &
  Partial<Pick<Neo4jConfig, 'writeTimeoutMs' | 'connectTimeoutMs' | 'retryTimeMs' | 'probeIntervalMs'>>;

/**
 * Fail fast while the database is known to be unreachable. A connectivity
 * error that a probe confirms opens the breaker: every query then answers
 * SERVICE_UNAVAILABLE at once instead of waiting for connection attempts,
 * while a background probe (every `intervalMs`) closes it again as soon as
 * the database answers.
 */
class Breaker {
  private openSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  get isOpen(): boolean {
    return this.openSince !== null;
  }

  /** Throws SERVICE_UNAVAILABLE while open. */
  check(): void {
    if (this.openSince !== null) {
      throw new AppError('SERVICE_UNAVAILABLE', 'The graph database is not reachable; try again shortly.', {
        details: { unreachableForMs: Date.now() - this.openSince },
      });
    }
  }

  /** Probes now; opens the breaker when the database does not answer. */
  async reachable(): Promise<boolean> {
    if (this.openSince !== null) return false;
    try {
      await this.probe();
      return true;
    } catch {
      this.open();
      return false;
    }
  }

  onClose(listener: () => void): void {
    this.listeners.push(listener);
  }

  open(): void {
    if (this.openSince !== null || this.closed) return;
    this.openSince = Date.now();
    log.warn('graph database unreachable: failing fast until a probe succeeds', { event: 'breaker-open' });
    this.schedule();
  }

  stop(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.probe().then(
        () => {
          const downMs = Date.now() - (this.openSince ?? Date.now());
          this.openSince = null;
          this.timer = null;
          log.info('graph database reachable again', { event: 'breaker-closed', downMs });
          for (const listener of this.listeners) listener();
        },
        () => this.schedule(),
      );
    }, this.intervalMs);
    // The probe never keeps a process alive on its own.
    this.timer.unref();
  }
}

/** Connects to Neo4j; callers close it with `graph.close()`. */
export class Graph {
  readonly driver: Driver;
  readonly database: string;
  private readonly defaultTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly retryTimeMs: number;
  private readonly breaker: Breaker;

  constructor(config: GraphConfig, uri: string) {
    this.connectTimeoutMs = config.connectTimeoutMs ?? 5_000;
    this.retryTimeMs = config.retryTimeMs ?? 30_000;
    this.writeTimeoutMs = config.writeTimeoutMs ?? 300_000;
    // A server with auth disabled accepts any basic credentials.
    const auth = neo4j.auth.basic(config.user, config.password);
    this.driver = neo4j.driver(uri, auth, {
      userAgent: `${APP}/0.1`,
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionTimeout: this.connectTimeoutMs,
      connectionAcquisitionTimeout: Math.max(10_000, this.connectTimeoutMs),
      // Retries are ours (retryTransient), so that a confirmed outage ends them at once.
      maxTransactionRetryTime: 0,
      logging: { level: 'error', logger: (_level, message) => log.debug(message, { event: 'driver' }) },
    });
    this.database = config.database;
    this.defaultTimeoutMs = config.queryTimeoutMs;
    this.breaker = new Breaker(() => this.probe(), config.probeIntervalMs ?? 1_000);
  }

  /** True while the database is known to be unreachable (queries fail fast). */
  get unavailable(): boolean {
    return this.breaker.isOpen;
  }

  /** Called each time the database answers again after an outage (e.g. to warm query plans). */
  onReconnect(listener: () => void): void {
    this.breaker.onClose(listener);
  }

  /** Probes the database unless it is already known to be down; false (and the breaker open) when it does not answer. */
  checkReachable(): Promise<boolean> {
    return this.breaker.reachable();
  }

  /** Resolves when the server answers; throws SERVICE_UNAVAILABLE otherwise. */
  async verify(): Promise<void> {
    try {
      await this.probe();
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  /** Runs read work in a managed transaction, retried on transient errors. */
  async read<T>(work: Work<T>, options: RunOptions = {}): Promise<T> {
    return this.withRetry(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead(work, this.txConfig(options, this.defaultTimeoutMs));
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs write work in a managed transaction, retried on transient errors
   * (deadlocks, leader switches). The transaction also increments the graph's
   * version (src/graph/version.ts) as its last statement, whatever the work
   * changed: caches keyed on the version never outlive a write.
   */
  async write<T>(work: Work<T>, options: RunOptions = {}): Promise<T> {
    const versioned: Work<T> = async (tx) => {
      const result = await work(tx);
      await tx.run(BUMP_VERSION_CYPHER);
      return result;
    };
    return this.withRetry(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(versioned, this.txConfig(options, this.writeTimeoutMs));
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs one read query and returns its records as plain objects. A single
   * read needs no explicit transaction: it runs as an auto-commit query (one
   * round trip instead of BEGIN, RUN, COMMIT; about half the driver's cost
   * per request), retried here on the errors the driver would retry.
   */
  async readRows<T = Record<string, unknown>>(query: CypherQuery, options: RunOptions = {}): Promise<T[]> {
    return this.withRetry(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(query.cypher, query.params, this.txConfig(options, this.defaultTimeoutMs));
        return result.records.map((record) => record.toObject() as T);
      } finally {
        await session.close();
      }
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
    this.breaker.check();
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
    this.breaker.stop();
    await this.driver.close();
  }

  /** Checks that the database answers, within the connect timeout. */
  private probe(): Promise<void> {
    return withDeadline(this.driver.verifyConnectivity({ database: this.database }), this.connectTimeoutMs).then(() => undefined);
  }

  /** The breaker, then our bounded retry; errors leave mapped to our codes. */
  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      this.breaker.check();
      return await retryTransient(attempt, { maxTimeMs: this.retryTimeMs, reachable: () => this.breaker.reachable() });
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  private txConfig(options: RunOptions, fallbackTimeoutMs: number) {
    return {
      timeout: options.timeoutMs ?? fallbackTimeoutMs,
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
