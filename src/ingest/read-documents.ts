/**
 * Reads input documents from files and folders (walked in sorted order):
 * .txt, .md, .html/.htm (text extracted, scripts and navigation dropped) and
 * .jsonl (one {text, title?, url?, publishedAt?, id?} per line). A file that
 * cannot be used yields a DocumentFailure with a code; the others go on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../errors.ts';
import { htmlToPlainText } from './html.ts';

export interface RawDocument {
  kind: 'document';
  /** File name without extension; for .jsonl the line's id or `<file-stem>-<line>`. */
  id: string;
  text: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  sourcePath: string;
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

/** Decodes bytes as UTF-8 text or explains why they are not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { code: 'NOT_TEXT'; reason: string } {
  if (bytes.includes(0)) return { code: 'NOT_TEXT', reason: 'binary content (NUL bytes)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { code: 'NOT_TEXT', reason: 'invalid UTF-8' };
  }
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
    yield* readJsonl(file, stem, decoded.text);
    return;
  }
  const text = ext === '.html' || ext === '.htm' ? htmlToPlainText(decoded.text) : decoded.text;
  if (!text.trim()) {
    yield fail(file, 'EMPTY_DOCUMENT', 'the document is empty or whitespace only');
    return;
  }
  yield { kind: 'document', id: stem, text, sourcePath: file };
}

function* readJsonl(file: string, stem: string, content: string): Iterable<RawDocument | DocumentFailure> {
  const lines = content.split(/\r?\n/);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
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
    const doc: RawDocument = { kind: 'document', id: typeof v.id === 'string' && v.id ? v.id : `${stem}-${n}`, text, sourcePath: file };
    if (typeof v.title === 'string') doc.title = v.title;
    if (typeof v.url === 'string') doc.url = v.url;
    if (typeof v.publishedAt === 'string') doc.publishedAt = v.publishedAt;
    yield doc;
  }
  if (!any) yield fail(file, 'EMPTY_DOCUMENT', 'the file has no lines');
}
