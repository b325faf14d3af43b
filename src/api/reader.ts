/**
 * How resolvers read: through the Graph seam with the per-query server-side
 * timeout, plus a client-side deadline so an unreachable database answers
 * SERVICE_UNAVAILABLE quickly instead of after the driver's retry window.
 */
import { isAppError } from '../errors.ts';
import { withDeadline } from '../graph/executor.ts';
import type { CypherQuery, Graph } from '../graph/executor.ts';

export { withDeadline } from '../graph/executor.ts';

/** Extra time the client waits beyond the server-side timeout before giving up. */
const DEADLINE_GRACE_MS = 1_000;

export class ApiReader {
  constructor(
    private readonly graph: Graph,
    private readonly timeoutMs: number,
  ) {}

  /** Runs one read query (one round trip) and returns its rows. */
  async rows<T>(query: CypherQuery, purpose: string): Promise<T[]> {
    return this.run((graph) => graph.readRows<T>(query, { timeoutMs: this.timeoutMs, purpose: `api:${purpose}` }));
  }

  /** Runs other graph work (the pipeline, the network) under the same deadline. */
  async run<T>(work: (graph: Graph) => Promise<T>, deadlineMs: number = this.timeoutMs + DEADLINE_GRACE_MS): Promise<T> {
    try {
      return await withDeadline(work(this.graph), deadlineMs);
    } catch (error) {
      // A missed deadline may be a hung server rather than a slow query: let a probe decide (it opens the breaker).
      if (isAppError(error) && error.code === 'SERVICE_UNAVAILABLE') void this.graph.checkReachable();
      throw error;
    }
  }
}
