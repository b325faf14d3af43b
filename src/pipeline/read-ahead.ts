/**
 * Reads files with several reads in flight while keeping the reader's order
 * and failure reporting: folders are expanded here (sorted, supported
 * extensions only, like the reader), then each file goes through
 * `readDocuments`. Reading one file at a time is what bounds the re-ingest of
 * an unchanged corpus.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFailure, RawDocument, ReadOptions } from '../ingest/read-documents.ts';
import { SUPPORTED_EXTENSIONS, readDocuments } from '../ingest/read-documents.ts';

/** Files under the paths in reading order; explicit files (and missing paths) are kept as given. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let isDirectory = false;
    try {
      isDirectory = (await stat(p)).isDirectory();
    } catch {
      if (explicit) out.push(p);
      return;
    }
    if (isDirectory) {
      for (const name of (await readdir(p)).sort()) await walk(path.join(p, name), false);
    } else if (explicit || SUPPORTED_EXTENSIONS.includes(path.extname(p).toLowerCase())) out.push(p);
  };
  for (const p of paths) await walk(p, true);
  return out;
}

async function collect(file: string, options: ReadOptions): Promise<Array<RawDocument | DocumentFailure>> {
  const out: Array<RawDocument | DocumentFailure> = [];
  for await (const item of readDocuments([file], options)) out.push(item);
  return out;
}

/**
 * Like `readDocuments(paths)`, with up to `concurrency` files read at once.
 * `onFiles` hears how many files the paths hold (a .jsonl file counts as one)
 * before the first document: progress needs no second walk of the folders.
 */
export async function* readDocumentsAhead(
  paths: string[],
  options: ReadOptions & { onFiles?: (files: number) => void } = {},
  concurrency = 16,
): AsyncIterable<RawDocument | DocumentFailure> {
  const files = await expandPaths(paths);
  options.onFiles?.(files.length);
  const inFlight: Array<Promise<Array<RawDocument | DocumentFailure>>> = [];
  let next = 0;
  while (next < files.length && inFlight.length < concurrency) inFlight.push(collect(files[next++]!, options));
  while (inFlight.length > 0) {
    const items = await inFlight.shift()!;
    if (next < files.length) inFlight.push(collect(files[next++]!, options));
    yield* items;
  }
}
