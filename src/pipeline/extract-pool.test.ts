import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { extract } from '../extract/index.ts';
import { ExtractPool } from './extract-pool.ts';

describe('ExtractPool', () => {
  const pool = new ExtractPool(2);
  afterAll(() => pool.close());
  const text = readFileSync('ingest/icesco-leibniz-2021-01-22.txt', 'utf8');

  it('runs extract() in worker threads (TypeScript loaded through tsx) and gives what the main thread gives', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => pool.extract(text, { id: `doc-${n}` })));
    expect(results.map((r) => r.document.id)).toEqual(['doc-1', 'doc-2', 'doc-3']);
    expect(results[0]).toEqual(extract(text, { id: 'doc-1' }));
    expect(pool.size).toBe(2);
    // Two workers each load tsx and compromise before the first document: 5-7 s on a busy 2-core machine.
  }, 30_000);

  it('rejects the one document whose extraction fails, with a code, and goes on with the others', async () => {
    const [bad, good] = await Promise.allSettled([pool.extract(text, { id: 'bad-rule', disable: ['no-such-rule'] }), pool.extract(text, { id: 'after' })]);
    expect(bad.status).toBe('rejected');
    const error = (bad as PromiseRejectedResult).reason;
    expect(isAppError(error) && error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(String(error.message)).toBe('extraction failed: unknown extraction rule "no-such-rule"');
    expect(good.status === 'fulfilled' && good.value.document.id).toBe('after');
  }, 30_000);

  it('rejects what is still pending when closed, and anything asked afterwards', async () => {
    const other = new ExtractPool(1);
    const pending = expect(other.extract(text, { id: 'late' })).rejects.toThrow(/closed/);
    await other.close();
    await pending;
    await expect(other.extract(text, { id: 'later' })).rejects.toThrow(/closed/);
  }, 30_000);
});
