/**
 * How resolvers read: through the Graph seam with the per-query server-side
 * timeout, plus a client-side deadline so an unreachable database answers
 * SERVICE_UNAVAILABLE quickly instead of after the driver's retry window.
 */
import { AppError } from '../errors.ts';
import type { CypherQuery, Graph } from '../graph/executor.ts';

/** Extra time the client waits beyond the server-side timeout before giving up. */
const DEADLINE_GRACE_MS = 1_000;

export class ApiReader {
  constructor(
    private readonly graph: Graph,
    private readonly timeoutMs: number,
  ) {}

  /** Runs one read query (one round trip) and returns its rows. */
  async rows<T>(query: CypherQuery, purpose: string): Promise<T[]> {
    return withDeadline(this.graph.readRows<T>(query, { timeoutMs: this.timeoutMs, purpose: `api:${purpose}` }), this.timeoutMs + DEADLINE_GRACE_MS);
  }

  /** Runs other graph work (the pipeline, the network) under the same deadline. */
  async run<T>(work: (graph: Graph) => Promise<T>, deadlineMs: number = this.timeoutMs + DEADLINE_GRACE_MS): Promise<T> {
    return withDeadline(work(this.graph), deadlineMs);
  }
}

/** Rejects with SERVICE_UNAVAILABLE when `promise` has not settled after `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SERVICE_UNAVAILABLE', `The graph database did not answer within ${ms} ms; try again shortly.`)), ms);
  });
  // The losing promise may still reject later: keep that from becoming an unhandled rejection.
  promise.catch(() => {});
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
