/**
 * Orchestration: read -> hash check (batched) -> extract (piscina worker
 * pool) -> resolve -> write (main thread, several documents per transaction:
 * write-batch.ts). Extraction of the next documents overlaps the writes of
 * earlier ones.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../errors.ts';
import type { ErrorCode } from '../errors.ts';
import { extract } from '../extract/index.ts';
import type { ExtractionResult, ExtractOptions } from '../model/types.ts';
import type { Graph } from '../graph/executor.ts';
import { readDocumentHashes } from '../graph/ingest-transaction.ts';
import type { DocumentToWrite } from '../model/write-plan.ts';
import { refreshShortNames } from '../graph/short-names.ts';
import { documentFieldProblem } from '../ingest/limits.ts';
import type { DocumentFailure, RawDocument } from '../ingest/read-documents.ts';
import { createLogger } from '../log.ts';
import { ExtractPool, defaultWorkerCount } from './extract-pool.ts';
import { readDocumentsAhead } from './read-ahead.ts';
import { deleteDocument as deleteFromGraph, reresolveKeys, resolveEntityIds, writeDocuments } from './write-batch.ts';

const log = createLogger('ingest');

export interface IngestTextInput {
  text: string;
  title?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  id?: string | null;
}

export interface IngestTextOptions {
  /** Largest accepted text in bytes (default 2,000,000). */
  maxBytes?: number;
}

export type IngestOutcome = 'new' | 'unchanged' | 'updated';

export interface IngestResult {
  documentId: string;
  outcome: IngestOutcome;
  extraction: ExtractionResult;
  /** Local entity id (e1 ...) to graph id. */
  entityIds: Record<string, string>;
  nodesCreated: number;
  relationshipsCreated: number;
}

export interface IngestFailure {
  source: string;
  code: ErrorCode;
  reason: string;
}

export interface IngestProgress {
  /** Documents finished (written, unchanged or failed). */
  done: number;
  new: number;
  unchanged: number;
  updated: number;
  failed: number;
  /** The document just finished. */
  current: string;
}

export interface IngestSummary {
  new: number;
  unchanged: number;
  updated: number;
  failed: IngestFailure[];
  nodesCreated: number;
  relationshipsCreated: number;
  /** Documents seen (including failures). */
  documents: number;
  /** Documents read from files per encoding used to decode them (utf-8, utf-16le, windows-1252 ...). */
  encodings: Record<string, number>;
  seconds: number;
}

export interface IngestDocumentsOptions {
  /** Extraction worker threads (default: one per core). */
  workers?: number;
  /** Documents per write transaction (default 100). */
  batchSize?: number;
  /**
   * Extract and write every document again, also those stored with the same
   * content (after a change to the extractor): each replaces its stored
   * version, as a changed text would.
   */
  reextract?: boolean;
  onProgress?: (progress: IngestProgress) => void;
}

/** What ingestDocuments accepts: the reader's documents and failures. */
export type IngestInput = RawDocument | DocumentFailure;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The id of a document given without one: derived from its text. */
export function defaultDocumentId(text: string): string {
  return `doc-${contentHash(text).slice(0, 16)}`;
}

const DEFAULT_MAX_BYTES = 2_000_000;

/** Rejects what is not a usable text document. */
export function checkText(text: string, maxBytes = DEFAULT_MAX_BYTES): void {
  if (text.trim() === '') throw new AppError('EMPTY_DOCUMENT', 'the document is empty or whitespace only');
  if (text.includes('\u0000')) throw new AppError('NOT_TEXT', 'binary content (NUL bytes)');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new AppError('DOCUMENT_TOO_LARGE', `${bytes} bytes exceeds the limit of ${maxBytes} bytes`);
}

function extractOptions(id: string, input: { title?: string | null; url?: string | null; publishedAt?: string | null }): ExtractOptions {
  const options: ExtractOptions = { id };
  if (input.title) options.title = input.title;
  if (input.url) options.url = input.url;
  if (input.publishedAt) options.publishedAt = input.publishedAt;
  return options;
}

function toWrite(
  id: string,
  text: string,
  hash: string,
  input: { title?: string | null; url?: string | null; publishedAt?: string | null },
  extraction: ExtractionResult,
  replaces: boolean,
): DocumentToWrite {
  return {
    id,
    text,
    contentHash: hash,
    title: input.title || extraction.document.title || null,
    url: input.url || extraction.document.url || null,
    publishedAt: input.publishedAt || extraction.document.publishedAt || null,
    extraction: { ...extraction, document: { ...extraction.document, id } },
    replaces,
  };
}

/**
 * After a write: the short names (Neo4j Browser captions) of the entities the
 * documents mention (`null`: every organisation whose short name is missing or
 * stale). Only a caption depends on it, so a failure is logged and the
 * documents stay written; the end of the next run that writes, or the next
 * start, brings every short name up to date.
 */
async function refreshCaptions(graph: Graph, documents: readonly { entityIds: Record<string, string> }[] | null): Promise<void> {
  const ids = documents === null ? null : [...new Set(documents.flatMap((d) => Object.values(d.entityIds)))];
  try {
    await refreshShortNames(graph, ids);
  } catch (error) {
    log.warn(`short names not refreshed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Extracts one text and writes it (GraphQL mutation); same id and text again writes nothing. */
export async function ingestText(graph: Graph, input: IngestTextInput, options: IngestTextOptions = {}): Promise<IngestResult> {
  if (typeof input.text !== 'string') throw new AppError('BAD_USER_INPUT', 'text must be a string');
  checkText(input.text, options.maxBytes);
  const problem = documentFieldProblem(input);
  if (problem !== null) throw new AppError('BAD_USER_INPUT', `${problem.field} ${problem.message}`, { details: { argument: problem.field } });
  const id = input.id?.trim() || defaultDocumentId(input.text);
  const hash = contentHash(input.text);
  const extraction = extract(input.text, extractOptions(id, input));
  const stored = (await readDocumentHashes(graph, [id])).get(id);
  if (stored === hash) {
    const entityIds = await resolveEntityIds(graph, extraction);
    return { documentId: id, outcome: 'unchanged', extraction, entityIds, nodesCreated: 0, relationshipsCreated: 0 };
  }
  const written = await writeDocuments(graph, [toWrite(id, input.text, hash, input, extraction, stored !== undefined)]);
  await refreshCaptions(graph, written.documents);
  const outcome = written.documents[0]?.outcome ?? (stored === undefined ? 'new' : 'updated');
  return {
    documentId: id,
    outcome,
    extraction,
    // Written meanwhile by another process with the same text: its ids, as for an unchanged document.
    entityIds: outcome === 'unchanged' ? await resolveEntityIds(graph, extraction) : (written.documents[0]?.entityIds ?? {}),
    nodesCreated: written.nodesCreated,
    relationshipsCreated: written.relationshipsCreated,
  };
}

/** Removes a document and the facts only it supported. */
export async function deleteDocument(
  graph: Graph,
  id: string,
): Promise<{ id: string; deleted: boolean; nodesDeleted: number; relationshipsDeleted: number }> {
  const { organizations, ...result } = await deleteFromGraph(graph, id);
  // Entities the document held together may have split: their captions follow their names.
  if (organizations.length > 0) await refreshCaptions(graph, [{ entityIds: Object.fromEntries(organizations.map((o) => [o, o])) }]);
  return result;
}

/**
 * Applies or takes back a merge or distinct judgement: the entities holding its identity
 * keys are placed again from their mentions under the judgements in force.
 */
export async function applyJudgedKeys(graph: Graph, keys: string[]): Promise<void> {
  const { organizations } = await reresolveKeys(graph, keys);
  if (organizations.length > 0) await refreshCaptions(graph, [{ entityIds: Object.fromEntries(organizations.map((o) => [o, o])) }]);
}

/** A document sent to extraction, in input order, until it is written. */
interface Extracting {
  raw: RawDocument;
  hash: string;
  known: boolean;
  result: Promise<ExtractionResult>;
  /** True once `result` has settled (its document can be taken without waiting). */
  settled: boolean;
}

const HASH_CHUNK = 500;
/** Documents between reading and writing at most (extracting, or extracted and waiting for their batch). */
const MAX_IN_FLIGHT = 256;

/**
 * Ingests many documents: unchanged ones (same id and content hash) are
 * skipped after one batched lookup; the rest are extracted in worker threads
 * and written in batches, in input order. A document that cannot be read or
 * extracted is reported and skipped; a database failure stops the run
 * (re-running it completes the work: every batch is one transaction and
 * idempotent).
 *
 * One loop pulls the input: it keeps up to MAX_IN_FLIGHT documents between
 * reading and writing (back-pressure: no more input is read while the window
 * is full), hands them to the extraction pool as they come, and takes them
 * back in order, so writes overlap the extraction of later documents.
 */
export async function ingestDocuments(
  graph: Graph,
  inputs: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  options: IngestDocumentsOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { new: 0, unchanged: 0, updated: 0, failed: [], nodesCreated: 0, relationshipsCreated: 0, documents: 0, encodings: {}, seconds: 0 };
  const batchSize = Math.max(1, options.batchSize ?? 100);
  // Started on the first document that needs extraction: an unchanged corpus never pays for it.
  let pool: ExtractPool | null = null;
  const extractor = () => (pool ??= new ExtractPool(options.workers ?? defaultWorkerCount()));
  let done = 0;
  const progress = (current: string) => {
    done += 1;
    options.onProgress?.({
      done,
      new: summary.new,
      unchanged: summary.unchanged,
      updated: summary.updated,
      failed: summary.failed.length,
      current,
    });
  };
  const fail = (source: string, code: ErrorCode, reason: string) => {
    summary.failed.push({ source, code, reason });
    log.debug(`${source}: ${code} ${reason}`);
    progress(source);
  };

  // Ids written earlier in this run, with their hash: a repeated id replaces (or equals) the earlier version.
  const writtenThisRun = new Map<string, string>();

  /** Documents of a chunk that need extraction; unchanged and unusable ones are counted here. */
  const check = async (docs: RawDocument[]): Promise<Array<Omit<Extracting, 'result' | 'settled'>>> => {
    if (docs.length === 0) return [];
    const hashStarted = performance.now();
    const stored = await readDocumentHashes(graph, [...new Set(docs.map((d) => d.id))]);
    log.debug(`checked ${docs.length} hashes in ${(performance.now() - hashStarted).toFixed(0)} ms`);
    const out: Array<Omit<Extracting, 'result' | 'settled'>> = [];
    for (const raw of docs) {
      summary.documents += 1;
      const hash = contentHash(raw.text);
      if (options.reextract !== true && stored.get(raw.id) === hash && !writtenThisRun.has(raw.id)) {
        summary.unchanged += 1;
        progress(raw.sourcePath);
        continue;
      }
      try {
        checkText(raw.text);
      } catch (error) {
        fail(raw.sourcePath, isAppError(error) ? error.code : 'BAD_USER_INPUT', error instanceof Error ? error.message : String(error));
        continue;
      }
      out.push({ raw, hash, known: stored.has(raw.id) });
    }
    return out;
  };

  /** The input's documents that need extraction, hash-checked a chunk at a time; failures are reported on the way. */
  async function* toExtract(): AsyncIterable<Omit<Extracting, 'result' | 'settled'>> {
    let chunk: RawDocument[] = [];
    for await (const input of inputs) {
      if (input.kind === 'failure') {
        summary.documents += 1;
        fail(input.line === undefined ? input.sourcePath : `${input.sourcePath}:${input.line}`, input.code, input.reason);
        continue;
      }
      if (input.encoding !== undefined) summary.encodings[input.encoding] = (summary.encodings[input.encoding] ?? 0) + 1;
      // Declared limits before any query: an oversized id must not reach an index.
      const problem = documentFieldProblem(input);
      if (problem !== null) {
        summary.documents += 1;
        fail(input.sourcePath, 'BAD_USER_INPUT', `${problem.field} ${problem.message}`);
        continue;
      }
      chunk.push(input);
      if (chunk.length >= HASH_CHUNK) {
        yield* await check(chunk);
        chunk = [];
      }
    }
    yield* await check(chunk);
  }

  const writeBatch = async (batch: Array<{ item: Extracting; doc: DocumentToWrite }>): Promise<void> => {
    if (batch.length === 0) return;
    const record = (item: Extracting, doc: DocumentToWrite, outcome: IngestOutcome) => {
      writtenThisRun.set(doc.id, item.hash);
      summary[outcome] += 1;
      progress(item.raw.sourcePath);
    };
    try {
      const writeStarted = performance.now();
      const result = await writeDocuments(
        graph,
        batch.map((b) => b.doc),
      );
      log.debug(`wrote ${batch.length} documents in ${(performance.now() - writeStarted).toFixed(0)} ms`);
      await refreshCaptions(graph, result.documents);
      summary.nodesCreated += result.nodesCreated;
      summary.relationshipsCreated += result.relationshipsCreated;
      // Outcomes as decided under the ingestion lock: another process may have written a document meanwhile.
      const outcomes = new Map(result.documents.map((d) => [d.id, d.outcome]));
      for (const b of batch) record(b.item, b.doc, outcomes.get(b.doc.id) ?? (b.doc.replaces ? 'updated' : 'new'));
    } catch (error) {
      if (isAppError(error) && error.code === 'SERVICE_UNAVAILABLE') throw error;
      if (batch.length === 1) {
        const b = batch[0]!;
        fail(b.item.raw.sourcePath, isAppError(error) ? error.code : 'DATABASE_ERROR', error instanceof Error ? error.message : String(error));
        return;
      }
      // Isolate the document the database refused; the others still go in.
      for (const b of batch) await writeBatch([b]);
    }
  };

  // In input order: extracting, or extracted and not yet in a batch.
  const window: Extracting[] = [];
  let batch: Array<{ item: Extracting; doc: DocumentToWrite }> = [];

  /** Takes the oldest document of the window (waiting for its extraction) into the batch; writes the batch when due. */
  const takeOldest = async (): Promise<void> => {
    const item = window.shift()!;
    let extraction: ExtractionResult;
    try {
      extraction = await item.result;
    } catch (error) {
      if (isAppError(error) && error.message.startsWith('extraction worker crashed')) throw error;
      fail(item.raw.sourcePath, isAppError(error) ? error.code : 'INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
      return;
    }
    const previous = writtenThisRun.get(item.raw.id);
    if (previous === item.hash) {
      summary.unchanged += 1;
      progress(item.raw.sourcePath);
      return;
    }
    if (batch.some((b) => b.doc.id === item.raw.id)) {
      await writeBatch(batch);
      batch = [];
    }
    const replaces = item.known || writtenThisRun.has(item.raw.id);
    const doc = toWrite(item.raw.id, item.raw.text, item.hash, item.raw, extraction, replaces);
    batch.push({ item, doc: options.reextract === true ? { ...doc, rewrite: true } : doc });
    // Write when the batch is full, or when no later document has been read yet (keep the database busy).
    if (batch.length >= batchSize || window.length === 0) {
      await writeBatch(batch);
      batch = [];
    }
  };

  try {
    for await (const next of toExtract()) {
      const item: Extracting = { ...next, result: extractor().extract(next.raw.text, extractOptions(next.raw.id, next.raw)), settled: false };
      // Settled-ness is all the loop reads here; the rejection itself is handled in takeOldest.
      item.result.then(
        () => (item.settled = true),
        () => (item.settled = true),
      );
      window.push(item);
      while (window.length >= MAX_IN_FLIGHT || window[0]?.settled === true) await takeOldest();
    }
    while (window.length > 0) await takeOldest();
    await writeBatch(batch);
  } finally {
    await (pool as ExtractPool | null)?.close();
  }
  // Entities of documents written by an earlier, interrupted run: their step after the write may not have run.
  if (summary.new + summary.updated > 0) await refreshCaptions(graph, null);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Reads files and folders (.txt .md .html .jsonl) and ingests them. */
export async function ingestPaths(
  graph: Graph,
  paths: string[],
  options: IngestDocumentsOptions & { maxBytes?: number; onFiles?: (files: number) => void } = {},
): Promise<IngestSummary> {
  const read = { ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), ...(options.onFiles === undefined ? {} : { onFiles: options.onFiles }) };
  return ingestDocuments(graph, readDocumentsAhead(paths, read), options);
}
