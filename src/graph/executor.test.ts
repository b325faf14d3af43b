import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { retryTransient } from './executor.ts';

const transient = () => new Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'connection failure');
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
    await expect(retryTransient(attempt, 1000, () => 1)).resolves.toBe('rows');
    expect(state.calls).toBe(3);
  });

  it('throws a non-transient error at once', async () => {
    const { state, attempt } = flaky([clientError()]);
    await expect(retryTransient(attempt, 1000, () => 1)).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(state.calls).toBe(1);
  });

  it('gives up with the last transient error once the next wait would pass the time limit', async () => {
    const { state, attempt } = flaky(Array.from({ length: 100 }, transient));
    await expect(retryTransient(attempt, 50, () => 20)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(state.calls).toBeGreaterThanOrEqual(2);
    expect(state.calls).toBeLessThanOrEqual(4);
  });
});
