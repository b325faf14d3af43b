import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readDocuments } from './read-documents.ts';
import type { DocumentFailure, RawDocument } from './read-documents.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'read-documents-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(paths: string[], maxBytes?: number): Promise<Array<RawDocument | DocumentFailure>> {
  const out: Array<RawDocument | DocumentFailure> = [];
  for await (const d of readDocuments(paths, maxBytes ? { maxBytes } : {})) out.push(d);
  return out;
}
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

describe('readDocuments', () => {
  it('reads a text file with the file name as id', async () => {
    const p = file('press-1.txt', 'ICESCO met UNESCO.');
    expect(await readAll([p])).toEqual([{ kind: 'document', id: 'press-1', text: 'ICESCO met UNESCO.', sourcePath: p, encoding: 'utf-8' }]);
  });

  it('walks folders in sorted order and skips unsupported files', async () => {
    file('b.md', 'B');
    file('a.txt', 'A');
    file('sub/c.txt', 'C');
    file('notes.pdf', 'x');
    const docs = await readAll([dir]);
    expect(docs.map((d) => (d.kind === 'document' ? d.id : d.code))).toEqual(['a', 'b', 'c']);
  });

  it('extracts the text of an HTML page without scripts and navigation', async () => {
    const p = file('page.html', '<html><head><script>var x = 1;</script></head><body><nav>Home | News</nav><h1>Title</h1><p>ICESCO met <a href="/x">UNESCO</a>.</p></body></html>');
    const [d] = await readAll([p]);
    expect(d?.kind).toBe('document');
    const text = (d as RawDocument).text;
    expect(text).toContain('ICESCO met UNESCO.');
    expect(text).not.toMatch(/var x|Home \| News/);
  });

  it('reads JSON Lines, with ids from the line or the file and line number', async () => {
    const p = file('batch.jsonl', [JSON.stringify({ text: 'One.', id: 'first', title: 'T', url: 'https://x', publishedAt: '2024-01-02' }), '', JSON.stringify({ text: 'Two.' })].join('\n'));
    const docs = await readAll([p]);
    expect(docs).toEqual([
      { kind: 'document', id: 'first', text: 'One.', title: 'T', url: 'https://x', publishedAt: '2024-01-02', sourcePath: p, encoding: 'utf-8' },
      { kind: 'document', id: 'batch-3', text: 'Two.', sourcePath: p, encoding: 'utf-8' },
    ]);
  });

  it.each([
    ['a binary file', 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'NOT_TEXT'],
    ['a file with NUL bytes in valid UTF-8', 'nul.txt', Buffer.from('abc\u0000def', 'utf8'), 'NOT_TEXT'],
    ['invalid UTF-8', 'latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21]), 'NOT_TEXT'],
    ['an empty file', 'empty.txt', '', 'EMPTY_DOCUMENT'],
    ['a whitespace-only file', 'blank.md', ' \n\t\n', 'EMPTY_DOCUMENT'],
    ['an unsupported file named explicitly', 'doc.pdf', '%PDF', 'BAD_USER_INPUT'],
  ])('reports %s with a code and goes on with the next file', async (_what, name, content, code) => {
    const bad = file(name, content);
    const good = file('zz-good.txt', 'Good text.');
    const docs = await readAll([bad, good]);
    expect(docs[0]).toMatchObject({ kind: 'failure', sourcePath: bad, code });
    expect((docs[0] as DocumentFailure).reason.length).toBeGreaterThan(0);
    expect(docs[1]).toMatchObject({ kind: 'document', id: 'zz-good' });
  });

  it('reports a file larger than the limit as DOCUMENT_TOO_LARGE', async () => {
    const p = file('big.txt', 'x'.repeat(2000));
    expect(await readAll([p], 1000)).toEqual([expect.objectContaining({ kind: 'failure', code: 'DOCUMENT_TOO_LARGE' })]);
  });

  it('reports a path that does not exist as UNREADABLE', async () => {
    expect(await readAll([path.join(dir, 'missing.txt')])).toEqual([expect.objectContaining({ kind: 'failure', code: 'UNREADABLE' })]);
  });

  it('reports a bad JSON line by its number and keeps the good lines', async () => {
    const p = file('mixed.jsonl', ['{"text": "One."}', '{not json', '{"title": "no text"}', '{"text": "Four."}'].join('\n'));
    const docs = await readAll([p]);
    expect(docs.map((d) => (d.kind === 'document' ? d.id : `${d.code}@${d.line}`))).toEqual(['mixed-1', 'BAD_USER_INPUT@2', 'BAD_USER_INPUT@3', 'mixed-4']);
  });

  const PRESS = 'ICESCO and the Leibniz Association – “cooperation” in Düsseldorf, naïve café, 5 € fee.\nThe Director-General said: « très bien ».';

  it.each([
    ['UTF-16LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PRESS, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(PRESS, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without a byte-order mark', iconv.encode(PRESS, 'utf-16le'), 'utf-16le'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PRESS, 'utf8')]), 'utf-8'],
    ['Windows-1252', iconv.encode(PRESS, 'windows-1252'), 'windows-1252'],
  ])('decodes %s and says which encoding it used', async (_what, bytes, encoding) => {
    const p = file('press.txt', bytes);
    expect(await readAll([p])).toEqual([{ kind: 'document', id: 'press', text: PRESS, sourcePath: p, encoding }]);
  });

  it('detects ISO-8859-2 (Central European) text', async () => {
    const polish = 'Politechnika Gdańska i Uniwersytet Łódzki podpisały umowę o współpracy. Rektor powiedział, że porozumienie obejmuje wymianę studentów i wspólne badania.';
    const p = file('pl.txt', iconv.encode(polish, 'iso-8859-2'));
    expect(await readAll([p])).toEqual([{ kind: 'document', id: 'pl', text: polish, sourcePath: p, encoding: 'iso-8859-2' }]);
  });

  it('still refuses binary content that only looks like text in some encoding', async () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 11) % 256));
    const docs = await readAll([file('blob.txt', bytes)]);
    expect(docs[0]).toMatchObject({ kind: 'failure', code: 'NOT_TEXT' });
  });

  it('names the .jsonl line and the field of an id longer than 256 characters, and goes on', async () => {
    const p = file('batch.jsonl', [JSON.stringify({ id: 'ok', text: 'One.' }), JSON.stringify({ id: 'x'.repeat(9000), text: 'Two.' }), JSON.stringify({ text: 'Three.', title: 't'.repeat(1001) })].join('\n'));
    const docs = await readAll([p]);
    expect(docs.map((d) => d.kind)).toEqual(['document', 'failure', 'failure']);
    expect(docs[1]).toMatchObject({ code: 'BAD_USER_INPUT', line: 2, reason: 'line 2: "id" must be at most 256 characters, got 9000' });
    expect(docs[2]).toMatchObject({ code: 'BAD_USER_INPUT', line: 3, reason: expect.stringMatching(/^line 3: "title" must be at most 1000 characters/) });
  });
});
