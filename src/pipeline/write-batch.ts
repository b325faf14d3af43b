/**
 * The resolve and write stages for one batch: inside one ingestion
 * transaction (under the ingestion lock), read the snapshot resolution asks
 * for (src/graph), plan the writes (src/resolve, pure), apply the plan
 * (src/graph). A transaction retried after a transient error runs all of it
 * again, on what the graph holds then.
 */
import type { Graph } from '../graph/executor.ts';
import type { IngestTransaction, WriteCounters } from '../graph/ingest-transaction.ts';
import { inIngestTransaction, readIdentities } from '../graph/ingest-transaction.ts';
import type { ExtractionResult } from '../model/types.ts';
import type { DocumentToWrite, ReopenState, WriteOp, WrittenDocument } from '../model/write-plan.ts';
import type { PreparedDocument } from '../resolve/plan.ts';
import { addReopened, affectedReads, initialReopenState, entityIdsOf, factReads, firstReads, planWrites, prepareDocuments, reopenReads, resolveBatch } from '../resolve/plan.ts';

/** Each round reads what the previous one led to; a chain of shared short forms longer than this is a bug. */
const MAX_REOPEN_ROUNDS = 50;

export interface WriteResult extends WriteCounters {
  documents: WrittenDocument[];
}

/** Snapshot, plan and apply for a batch to write and documents to delete; returns the plan's outcome per document. */
async function resolveAndWrite(tx: IngestTransaction, prepared: PreparedDocument[], deletions: string[], now: string, forcedKeys: string[] = []) {
  const stored = await tx.readStored(firstReads(prepared, deletions));
  // Entities to re-resolve, and who holds the keys their mentions lead to: read until nothing more is asked.
  let reopened: ReopenState = initialReopenState(forcedKeys);
  for (let round = 0; ; round++) {
    const request = reopenReads(prepared, stored, deletions, reopened);
    if (request.mentionsOf.length === 0 && request.identityKeys.length === 0 && request.judgedKeys.length === 0) break;
    if (round >= MAX_REOPEN_ROUNDS) throw new Error(`Invariant violation: identity still asks for more after ${MAX_REOPEN_ROUNDS} reads`);
    reopened = addReopened(reopened, request, await tx.readReopen(request));
  }
  const resolution = resolveBatch(prepared, stored, deletions, reopened);
  const affected = await tx.readAffected(affectedReads(resolution));
  const facts = await tx.readFacts(factReads(resolution, affected));
  const plan = planWrites(resolution, { affected, facts }, now);
  // The change feed compares the facts the plan touches before and after it runs.
  const changes = tx.changeRecorder(now);
  await changes.snapshot(touchedFactKeys(plan.writes));
  await tx.apply(plan.writes);
  const retracted = resolution.retractions.map((r) => r.id);
  if (deletions.length > 0) {
    for (const id of deletions) if (retracted.includes(id)) await changes.recordDeletion(id);
  } else {
    const written = new Set(plan.documents.filter((d) => d.outcome !== 'unchanged').map((d) => d.id));
    const docs = prepared.filter((p) => written.has(p.doc.id)).map(({ doc }) => ({ id: doc.id, title: doc.title, url: doc.url, publishedAt: doc.publishedAt }));
    if (docs.length > 0) await changes.recordIngest(docs);
  }
  return { documents: plan.documents, retracted, organizations: organizationsProfiled(plan.writes) };
}

/** Organisations whose name or aliases a plan sets (their short names may change). */
function organizationsProfiled(writes: readonly WriteOp[]): string[] {
  const ids = new Set<string>();
  for (const w of writes) {
    if ((w.op === 'setProfiles' || w.op === 'addToProfiles' || w.op === 'mergeTargets') && w.type === 'Organization') for (const row of w.rows) ids.add(row.id);
  }
  return [...ids].sort();
}

/** Keys of the facts whose statements or aggregated edges a plan writes. */
function touchedFactKeys(writes: readonly WriteOp[]): string[] {
  const keys = new Set<string>();
  for (const w of writes) {
    if (w.op === 'createStatements' || w.op === 'rewriteStatements') for (const row of w.rows) keys.add(row.factKey);
    else if (w.op === 'mergeEdges' || w.op === 'updateEdges') for (const row of w.rows) keys.add(row.key);
    else if (w.op === 'deleteEdges') for (const key of w.keys) keys.add(key);
  }
  return [...keys];
}

/** Writes a batch of documents in one transaction; same id and content as stored is left unchanged. */
export async function writeDocuments(graph: Graph, docs: DocumentToWrite[]): Promise<WriteResult> {
  const now = new Date().toISOString();
  // Entity keys need only the extraction: computed once, outside the lock and any retry.
  const prepared = prepareDocuments(docs);
  const { result, counters } = await inIngestTransaction(graph, 'ingest', (tx) => resolveAndWrite(tx, prepared, [], now));
  return { ...counters, documents: result.documents };
}

export interface DeleteResult {
  id: string;
  deleted: boolean;
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Organisations whose name or aliases the deletion recomputed. */
  organizations: string[];
}

/**
 * Removes a document and the facts only it supported: its statements, the
 * aggregated edges left without statements, entities no other document
 * mentions and their aliases; recomputes what other documents still support.
 */
export async function deleteDocument(graph: Graph, id: string): Promise<DeleteResult> {
  const now = new Date().toISOString();
  const { result, counters } = await inIngestTransaction(graph, 'delete-document', (tx) => resolveAndWrite(tx, [], [id], now));
  return {
    id,
    deleted: result.retracted.includes(id),
    nodesDeleted: counters.nodesDeleted,
    relationshipsDeleted: counters.relationshipsDeleted,
    organizations: result.organizations,
  };
}

/**
 * Places again, from their mentions, the entities holding any of the identity
 * keys (and what they lead to), under the merge and distinct judgements in
 * force: applies one just made, or takes back one just reverted. Returns the
 * organisations whose name or aliases changed.
 */
export async function reresolveKeys(graph: Graph, keys: string[]): Promise<{ organizations: string[] }> {
  if (keys.length === 0) return { organizations: [] };
  const now = new Date().toISOString();
  const { result } = await inIngestTransaction(graph, 'curation', (tx) => resolveAndWrite(tx, [], [], now, keys));
  return { organizations: result.organizations };
}

/** Graph ids the entities of an extraction have (or would get), without writing: for unchanged documents. */
export async function resolveEntityIds(graph: Graph, extraction: ExtractionResult): Promise<Record<string, string>> {
  const doc: DocumentToWrite = { id: extraction.document.id, text: '', contentHash: '', title: null, url: null, publishedAt: null, extraction, replaces: false };
  const [prepared] = prepareDocuments([doc]);
  const identities = await readIdentities(graph, firstReads([prepared!]).identityKeys);
  return entityIdsOf(prepared!, identities);
}
