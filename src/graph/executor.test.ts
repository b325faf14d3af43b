import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Graph, retryTransient } from './executor.ts';

const transient = () => new Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'connection failure');
const deadlock = () => new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'deadlock');
const clientError = () => new Neo4jError('bad syntax', 'Neo.ClientError.Statement.SyntaxError', '42000', 'syntax error');

/** An attempt that fails with the given errors, then succeeds; counts its calls. */
function flaky(errors: Error[]) {
  const state = { calls: 0 };
  const attempt = async () => {
    state.calls += 1;
    const error = errors[state.calls - 1];
    if (error !== undefined) throw error;
    return 'rows';
  };
  return { state, attempt };
}

describe('retryTransient (auto-commit reads)', () => {
  it('retries transient errors and returns the first success', async () => {
    const { state, attempt } = flaky([transient(), transient()]);
    await expect(retryTransient(attempt, { maxTimeMs: 1000, delayMs: () => 1 })).resolves.toBe('rows');
    expect(state.calls).toBe(3);
  });

  it('throws a non-transient error at once', async () => {
    const { state, attempt } = flaky([clientError()]);
    await expect(retryTransient(attempt, { maxTimeMs: 1000, delayMs: () => 1 })).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(state.calls).toBe(1);
  });

  it('gives up with the last transient error once the next wait would pass the time limit', async () => {
    const { state, attempt } = flaky(Array.from({ length: 100 }, transient));
    await expect(retryTransient(attempt, { maxTimeMs: 50, delayMs: () => 20 })).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(state.calls).toBeGreaterThanOrEqual(2);
    expect(state.calls).toBeLessThanOrEqual(4);
  });
});

describe('retryTransient with a reachability check', () => {
  it('retries deadlocks without asking whether the database is reachable', async () => {
    const { state, attempt } = flaky([deadlock(), deadlock()]);
    let probes = 0;
    const reachable = async () => ((probes += 1), false);
    await expect(retryTransient(attempt, { maxTimeMs: 1000, delayMs: () => 1, reachable })).resolves.toBe('rows');
    expect(state.calls).toBe(3);
    expect(probes).toBe(0);
  });

  it('gives up on a connectivity error at once when the database does not answer', async () => {
    const { state, attempt } = flaky(Array.from({ length: 100 }, transient));
    await expect(retryTransient(attempt, { maxTimeMs: 60_000, delayMs: () => 1, reachable: async () => false })).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(state.calls).toBe(1);
  });

  it('retries a connectivity error when the database answers again (a stale pooled connection)', async () => {
    const { state, attempt } = flaky([transient()]);
    await expect(retryTransient(attempt, { maxTimeMs: 1000, delayMs: () => 1, reachable: async () => true })).resolves.toBe('rows');
    expect(state.calls).toBe(2);
  });
});

describe('Graph circuit breaker (nothing listens on the port)', () => {
  const config = { user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 1000, connectTimeoutMs: 1000, probeIntervalMs: 60_000 };

  it('answers SERVICE_UNAVAILABLE within 100 ms once the database is known to be unreachable', async () => {
    const graph = new Graph(config, 'bolt://127.0.0.1:9');
    try {
      await expect(graph.readRows({ cypher: 'RETURN 1', params: {} })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(graph.unavailable).toBe(true);
      for (let i = 0; i < 20; i += 1) {
        const started = performance.now();
        await expect(graph.readRows({ cypher: 'RETURN 1', params: {} })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        await expect(graph.write(async () => 1)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(performance.now() - started).toBeLessThan(100);
      }
    } finally {
      await graph.close();
    }
  });
});
