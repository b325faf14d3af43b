/**
 * Reads input documents from files and folders (walked in sorted order):
 * .txt, .md, .html/.htm (text extracted, scripts and navigation dropped) and
 * .jsonl (one {text, title?, url?, publishedAt?, id?} per line). A file that
 * cannot be used yields a DocumentFailure with a code; the others go on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../errors.ts';
import { decodeText } from './decode.ts';
import { htmlToPlainText } from './html.ts';
import { documentFieldProblem } from './limits.ts';

export interface RawDocument {
  kind: 'document';
  /** File name without extension; for .jsonl the line's id or `<file-stem>-<line>`. */
  id: string;
  text: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  sourcePath: string;
  /** How the file's bytes were decoded: utf-8, utf-16le, utf-16be, windows-1252, iso-8859-2 ... */
  encoding?: string;
}

export interface DocumentFailure {
  kind: 'failure';
  sourcePath: string;
  /** 1-based line for .jsonl failures. */
  line?: number;
  code: Extract<ErrorCode, 'EMPTY_DOCUMENT' | 'NOT_TEXT' | 'DOCUMENT_TOO_LARGE' | 'UNREADABLE' | 'BAD_USER_INPUT'>;
  reason: string;
}

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 2 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.jsonl'];

const fail = (sourcePath: string, code: DocumentFailure['code'], reason: string, line?: number): DocumentFailure => ({
  kind: 'failure',
  sourcePath,
  code,
  reason,
  ...(line !== undefined ? { line } : {}),
});

/** Expands folders into their supported files, sorted; explicit files are kept whatever their extension. */
async function expand(p: string, explicit: boolean): Promise<string[] | DocumentFailure> {
  let st;
  try {
    st = await stat(p);
  } catch (error) {
    return fail(p, 'UNREADABLE', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message));
  }
  if (st.isDirectory()) {
    const names = (await readdir(p)).sort();
    const out: string[] = [];
    for (const n of names) {
      const sub = await expand(path.join(p, n), false);
      if (Array.isArray(sub)) out.push(...sub);
    }
    return out;
  }
  if (!explicit && !SUPPORTED_EXTENSIONS.includes(path.extname(p).toLowerCase())) return [];
  return [p];
}

/** Reads documents one by one; failures are yielded, not thrown. */
export async function* readDocuments(paths: string[], options: ReadOptions = {}): AsyncIterable<RawDocument | DocumentFailure> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const p of paths) {
    const files = await expand(p, true);
    if (!Array.isArray(files)) {
      yield files;
      continue;
    }
    for (const file of files) yield* readOne(file, maxBytes);
  }
}

async function* readOne(file: string, maxBytes: number): AsyncIterable<RawDocument | DocumentFailure> {
  const ext = path.extname(file).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    yield fail(file, 'BAD_USER_INPUT', `unsupported file type "${ext || '(none)'}" (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
    return;
  }
  let bytes: Buffer;
  try {
    const st = await stat(file);
    if (st.size > maxBytes) {
      yield fail(file, 'DOCUMENT_TOO_LARGE', `${st.size} bytes exceeds the limit of ${maxBytes} bytes`);
      return;
    }
    bytes = await readFile(file);
  } catch (error) {
    yield fail(file, 'UNREADABLE', (error as Error).message);
    return;
  }
  const decoded = decodeText(bytes);
  if ('code' in decoded) {
    yield fail(file, decoded.code, decoded.reason);
    return;
  }
  const stem = path.basename(file, path.extname(file));
  if (ext === '.jsonl') {
    yield* readJsonl(file, stem, decoded.text, decoded.encoding);
    return;
  }
  const text = ext === '.html' || ext === '.htm' ? htmlToPlainText(decoded.text) : decoded.text;
  if (!text.trim()) {
    yield fail(file, 'EMPTY_DOCUMENT', 'the document is empty or whitespace only');
    return;
  }
  const problem = documentFieldProblem({ id: stem });
  if (problem !== null) {
    yield fail(file, 'BAD_USER_INPUT', `the file name, used as the document id, ${problem.message}`);
    return;
  }
  yield { kind: 'document', id: stem, text, sourcePath: file, encoding: decoded.encoding };
}

function* readJsonl(file: string, stem: string, content: string, encoding: string): Iterable<RawDocument | DocumentFailure> {
  const lines = content.split(/\r?\n/);
  let any = false;
  lines: for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    any = true;
    const n = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield fail(file, 'BAD_USER_INPUT', `line ${n}: not valid JSON`, n);
      continue;
    }
    if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
      yield fail(file, 'BAD_USER_INPUT', `line ${n}: expected an object with a string "text"`, n);
      continue;
    }
    const v = value as Record<string, unknown>;
    const text = v.text as string;
    if (!text.trim()) {
      yield fail(file, 'EMPTY_DOCUMENT', `line ${n}: "text" is empty`, n);
      continue;
    }
    for (const field of ['id', 'title', 'url', 'publishedAt'] as const) {
      if (v[field] !== undefined && v[field] !== null && typeof v[field] !== 'string') {
        yield fail(file, 'BAD_USER_INPUT', `line ${n}: "${field}" must be a string`, n);
        continue lines;
      }
    }
    const fields = { id: v.id as string | undefined, title: v.title as string | undefined, url: v.url as string | undefined, publishedAt: v.publishedAt as string | undefined };
    const problem = documentFieldProblem(fields);
    if (problem !== null) {
      yield fail(file, 'BAD_USER_INPUT', `line ${n}: "${problem.field}" ${problem.message}`, n);
      continue;
    }
    const doc: RawDocument = { kind: 'document', id: fields.id ? fields.id : `${stem}-${n}`, text, sourcePath: file, encoding };
    if (fields.title !== undefined) doc.title = fields.title;
    if (fields.url !== undefined) doc.url = fields.url;
    if (fields.publishedAt !== undefined) doc.publishedAt = fields.publishedAt;
    yield doc;
  }
  if (!any) yield fail(file, 'EMPTY_DOCUMENT', 'the file has no lines');
}
