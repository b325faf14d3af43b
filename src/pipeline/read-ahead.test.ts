import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../ingest/read-documents.ts';
import { readDocumentsAhead } from './read-ahead.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readDocumentsAhead', () => {
  it('yields exactly what the reader yields, in the same order, with several reads in flight', async () => {
    mkdirSync(path.join(dir, 'sub'));
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `doc-${String(i).padStart(2, '0')}.txt`), `Text number ${i}.`);
    writeFileSync(path.join(dir, 'sub', 'inner.md'), 'Inner text.');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2]));
    writeFileSync(path.join(dir, 'image.png'), Buffer.from([0, 1, 2]));
    const paths = [dir, path.join(dir, 'missing.txt'), path.join(dir, 'image.png')];
    expect(await all(readDocumentsAhead(paths, {}, 4))).toEqual(await all(readDocuments(paths)));
  });

  it('tells how many files the paths hold before the first document, from the walk it reads with', async () => {
    const folder = path.join(dir, 'counted');
    mkdirSync(path.join(folder, 'deep'), { recursive: true });
    writeFileSync(path.join(folder, 'a.txt'), 'A.');
    writeFileSync(path.join(folder, 'deep', 'b.md'), 'B.');
    writeFileSync(path.join(folder, 'lines.jsonl'), '{"text":"one"}\n{"text":"two"}\n');
    writeFileSync(path.join(folder, 'skip.png'), 'x');
    const seen: string[] = [];
    for await (const item of readDocumentsAhead([folder, path.join(folder, 'missing.txt')], { onFiles: (n) => seen.push(`files ${n}`) })) {
      seen.push(item.kind);
    }
    // Three supported files (a .jsonl counts once) and the missing path given explicitly; the .png is not read.
    expect(seen).toEqual(['files 4', 'document', 'document', 'document', 'document', 'failure']);
  });
});
