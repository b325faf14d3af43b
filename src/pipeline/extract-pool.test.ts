import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../extract/index.ts';
import { ExtractPool } from './extract-pool.ts';

describe('ExtractPool', () => {
  const pool = new ExtractPool(2);
  afterAll(() => pool.close());

  it('runs extract() in worker threads (TypeScript loaded through tsx) and gives what the main thread gives', async () => {
    const text = readFileSync('ingest/icesco-leibniz-2021-01-22.txt', 'utf8');
    const results = await Promise.all([1, 2, 3].map((n) => pool.extract(text, { id: `doc-${n}` })));
    expect(results.map((r) => r.document.id)).toEqual(['doc-1', 'doc-2', 'doc-3']);
    expect(results[0]).toEqual(extract(text, { id: 'doc-1' }));
    expect(pool.size).toBe(2);
    // Two workers each load tsx and compromise before the first document: 5-7 s on a busy 2-core machine.
  }, 30_000);
});
