/**
 * Writes extracted documents into the graph: one batch of documents per
 * managed transaction, so a failure never leaves half a document, and the
 * content hash lands together with the facts (a re-run after a failure
 * simply redoes the batch).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityType, ExtractionResult, RelationType } from '../extract/types.ts';
import { ENTITY_TYPES } from '../extract/types.ts';
import type { EntityKeys, ExistingIdentity } from '../resolve/identity.ts';
import { assignIds, entityKeysOf, isDocumentLocalKey } from '../resolve/identity.ts';
import type { StatedFact } from '../resolve/facts.ts';
import { aggregateFacts, combineFacts, edgeOfSummary, factKey, statementsOf, summarizeFacts, summaryOfEdge } from '../resolve/facts.ts';
import type { EntitySummary, MentionInfo, MentionProps } from '../resolve/profile.ts';
import { EMPTY_SUMMARY, combineMentionProps, combineSummaries, entityProfile, profileOfSummary, summaryOfMention } from '../resolve/profile.ts';
import { createLogger } from '../log.ts';
import type { CypherQuery, Graph } from './executor.ts';
import type { DocumentRow, MentionRow, ProfileRow } from './ingest-queries.ts';
import {
  createStatementsQuery,
  deleteEdgesQuery,
  deleteEntitiesQuery,
  deleteOrphanAliasesQuery,
  documentFootprintQuery,
  documentHashesQuery,
  addToProfilesQuery,
  edgesByKeyQuery,
  entitySummariesQuery,
  entityMentionRowsQuery,
  entityMentionsQuery,
  factStatementsQuery,
  identityLookupQuery,
  mergeEdgesQuery,
  mergeEntitiesQuery,
  mergeMentionsQuery,
  moveMentionsQuery,
  retractDocumentQuery,
  rewriteStatementsQuery,
  deleteStatementsQuery,
  statementsOfEntityQuery,
  updateProfilesQuery,
  upsertDocumentsQuery,
} from './ingest-queries.ts';

const log = createLogger('graph-write');

/** Counters summed over the queries of one unit of work (from the driver's summaries). */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
}

/** Runs queries in one transaction and sums their counters. */
class Tx {
  readonly counters = emptyCounters();
  constructor(private readonly tx: ManagedTransaction) {}

  async run<T = Record<string, unknown>>(query: CypherQuery): Promise<T[]> {
    const started = performance.now();
    const result = await this.tx.run(query.cypher, query.params);
    log.debug(`${(performance.now() - started).toFixed(1)} ms ${query.cypher.split('\n').slice(0, 2).join(' ')}`);
    const u = result.summary.counters.updates();
    this.counters.nodesCreated += u.nodesCreated;
    this.counters.nodesDeleted += u.nodesDeleted;
    this.counters.relationshipsCreated += u.relationshipsCreated;
    this.counters.relationshipsDeleted += u.relationshipsDeleted;
    return result.records.map((r) => r.toObject() as T);
  }
}

/** A document ready to write: its extraction plus what ingestion knows about it. */
export interface DocumentToWrite {
  id: string;
  text: string;
  contentHash: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  extraction: ExtractionResult;
  /** True when a previous version is in the graph: its facts are retracted first. */
  replaces: boolean;
}

interface BatchMention extends MentionRow {
  publishedAt: string | null;
}

export interface WrittenDocument {
  id: string;
  /** Local entity id (e1 ...) to graph id. */
  entityIds: Record<string, string>;
}

export interface WriteResult extends WriteCounters {
  documents: WrittenDocument[];
}

/** Stored content hashes for a set of document ids (one query). */
export async function readDocumentHashes(graph: Graph, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await graph.readRows<{ id: string; contentHash: string | null }>(documentHashesQuery(ids), { purpose: 'ingest-hashes' });
  return new Map(rows.map((r) => [r.id, r.contentHash ?? '']));
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = out.get(key);
    if (group === undefined) out.set(key, [item]);
    else group.push(item);
  }
  return out;
}

const RELATION_OF_KEY = (key: string): RelationType => key.slice(0, key.indexOf('|')) as RelationType;

/** Entities and facts whose derived data must be recomputed at the end of a transaction. */
class Dirty {
  readonly entities = new Map<string, EntityType>();
  readonly factKeys = new Set<string>();
  addEntity(id: string, type: EntityType) {
    this.entities.set(id, type);
  }
}

/** Removes what one document supports, remembering which entities and facts to recompute. */
async function retract(tx: Tx, id: string, keepDocument: boolean, dirty: Dirty): Promise<boolean> {
  const rows = await tx.run<{ entities: Array<{ id: string | null; type: EntityType | null }>; factKeys: string[] }>(documentFootprintQuery(id));
  const row = rows[0];
  if (row === undefined) return false;
  for (const e of row.entities) if (e.id !== null && e.type !== null) dirty.addEntity(e.id, e.type);
  for (const key of row.factKeys) dirty.factKeys.add(key);
  await tx.run(retractDocumentQuery(id, keepDocument));
  return true;
}

/** Folds entity `from` into `to` (a new document showed they are one): mentions, statements, facts. */
async function mergeEntity(tx: Tx, merge: { type: EntityType; from: string; to: string }, dirty: Dirty): Promise<void> {
  const moving = await tx.run<{ documentId: string; props: MentionProps }>(entityMentionRowsQuery(merge.type, merge.from));
  const staying = new Map(
    (await tx.run<{ documentId: string; props: MentionProps }>(entityMentionRowsQuery(merge.type, merge.to))).map((m) => [m.documentId, m.props]),
  );
  const rows = moving.map((m) => {
    const other = staying.get(m.documentId);
    return { documentId: m.documentId, props: other === undefined ? m.props : combineMentionProps(other, m.props) };
  });
  await tx.run(moveMentionsQuery(merge.type, merge.to, rows));
  const statements = await tx.run<{ id: string; type: RelationType; sourceId: string; targetId: string; title: string | null; factKey: string }>(
    statementsOfEntityQuery(merge.from),
  );
  const rewritten: Array<{ id: string; sourceId: string; targetId: string; factKey: string }> = [];
  const loops: string[] = [];
  for (const s of statements) {
    const sourceId = s.sourceId === merge.from ? merge.to : s.sourceId;
    const targetId = s.targetId === merge.from ? merge.to : s.targetId;
    dirty.factKeys.add(s.factKey);
    // A relation between two names of one entity states nothing (as when both names meet in one document).
    if (sourceId === targetId) {
      loops.push(s.id);
      continue;
    }
    const key = factKey(s.type, sourceId, targetId, s.title);
    dirty.factKeys.add(key);
    rewritten.push({ id: s.id, sourceId, targetId, factKey: key });
  }
  if (rewritten.length > 0) await tx.run(rewriteStatementsQuery(rewritten));
  if (loops.length > 0) await tx.run(deleteStatementsQuery(loops));
  await tx.run(deleteEntitiesQuery(merge.type, [merge.from]));
  dirty.entities.delete(merge.from);
  dirty.addEntity(merge.to, merge.type);
}

/** Recomputes profiles of dirty entities (deleting those no document mentions) and edges of dirty facts. */
async function settle(tx: Tx, dirty: Dirty): Promise<void> {
  const byType = groupBy(dirty.entities, ([, type]) => type);
  for (const type of ENTITY_TYPES) {
    const ids = (byType.get(type) ?? []).map(([id]) => id).sort();
    if (ids.length === 0) continue;
    const rows = await tx.run<{
      id: string;
      mentions: Array<Record<string, unknown>>;
      aliasKeys: Array<{ key: string | null; identity: boolean | null }>;
      current: Record<string, unknown>;
    }>(entityMentionsQuery(type, ids));
    const updates: ProfileRow[] = [];
    const orphans: string[] = [];
    // Alias keys that may be left pointing at nothing.
    const oldKeys: string[] = [];
    for (const row of rows) {
      const linked = new Map(row.aliasKeys.filter((k) => k.key !== null).map((k) => [k.key!, k.identity === true]));
      const profile = entityProfile(type, row.mentions.map(toMentionInfo));
      if (profile === null) {
        orphans.push(row.id);
        oldKeys.push(...linked.keys());
        continue;
      }
      const aliasKeys = profile.aliasKeys.filter((k) => linked.get(k.key) !== k.identity);
      const wanted = new Set(profile.aliasKeys.map((k) => k.key));
      const removedKeys = [...linked.keys()].filter((k) => !wanted.has(k));
      oldKeys.push(...removedKeys);
      const props = { ...profile.props, forms: profile.forms, statusAt: profile.statusAt };
      if (sameProfile(row.current, profile.name, profile.aliases, props) && aliasKeys.length === 0 && removedKeys.length === 0) continue;
      updates.push({ id: row.id, name: profile.name, aliases: profile.aliases, searchText: profile.searchText, props, aliasKeys, removedKeys });
    }
    if (orphans.length > 0) await tx.run(deleteEntitiesQuery(type, orphans));
    if (updates.length > 0) await tx.run(updateProfilesQuery(type, updates));
    if (oldKeys.length > 0) await tx.run(deleteOrphanAliasesQuery([...new Set(oldKeys)]));
  }

  const keys = [...dirty.factKeys].sort();
  if (keys.length === 0) return;
  const stated = await tx.run<StatedFact>(factStatementsQuery(keys));
  const edges = aggregateFacts(stated);
  const withEdge = new Set(edges.map((e) => e.key));
  const groups = groupBy(edges, (e) => `${e.type}|${e.sourceLabel}|${e.targetLabel}`);
  for (const group of groups.values()) {
    const first = group[0]!;
    await tx.run(
      mergeEdgesQuery(
        first.type,
        first.sourceLabel,
        first.targetLabel,
        group.map((e) => ({ key: e.key, sourceId: e.sourceId, targetId: e.targetId, props: e.props })),
      ),
    );
  }
  const gone = groupBy(
    keys.filter((k) => !withEdge.has(k)),
    RELATION_OF_KEY,
  );
  for (const [type, group] of gone) await tx.run(deleteEdgesQuery(type, group));
}

function sameProfile(current: Record<string, unknown>, name: string, aliases: string[], props: Record<string, unknown>): boolean {
  return (
    current.name === name &&
    JSON.stringify(current.aliases ?? null) === JSON.stringify(aliases) &&
    Object.entries(props).every(([k, v]) => JSON.stringify(current[k] ?? null) === JSON.stringify(v))
  );
}

/**
 * When a batch only adds documents (nothing retracted or merged), profiles and
 * edges are updated from their stored summaries and the batch's own mentions
 * and statements, without re-reading older ones: same result as `settle`.
 */
async function settleAdded(tx: Tx, mentions: Map<EntityType, Map<string, BatchMention>>, statements: StatedFact[]): Promise<void> {
  for (const type of ENTITY_TYPES) {
    const rows = mentions.get(type);
    if (rows === undefined || rows.size === 0) continue;
    const byEntity = groupBy(rows.values(), (r) => r.entityId);
    const stored = await tx.run<{ id: string; current: Record<string, unknown> }>(entitySummariesQuery(type, [...byEntity.keys()].sort()));
    const updates: ProfileRow[] = [];
    for (const { id, current } of stored) {
      const added = (byEntity.get(id) ?? []).map((m) => toMentionInfo({ ...m.props, documentId: m.documentId, publishedAt: m.publishedAt }));
      const base: EntitySummary = Array.isArray(current.forms)
        ? {
            name: typeof current.name === 'string' ? current.name : null,
            forms: current.forms.filter((f): f is string => typeof f === 'string'),
            status: typeof current.status === 'string' ? current.status : null,
            statusAt: typeof current.statusAt === 'string' ? current.statusAt : null,
            date: typeof current.date === 'string' ? current.date : null,
          }
        : EMPTY_SUMMARY;
      const summary = added.map(summaryOfMention).reduce(combineSummaries, base);
      const profile = profileOfSummary(type, summary);
      if (profile === null) continue;
      const identity = new Set(added.flatMap((m) => m.identityKeys));
      const aliasKeys = [...new Set([...identity, ...added.flatMap((m) => m.lookupKeys)])].sort().map((key) => ({ key, identity: identity.has(key) }));
      const props = { ...profile.props, forms: profile.forms, statusAt: profile.statusAt };
      updates.push({ id, name: profile.name, aliases: profile.aliases, searchText: profile.searchText, props, aliasKeys, removedKeys: [] });
    }
    if (updates.length > 0) await tx.run(addToProfilesQuery(type, updates));
  }

  const added = summarizeFacts(statements);
  for (const [type, keys] of groupBy(added.keys(), RELATION_OF_KEY)) {
    const stored = await tx.run<{ key: string; props: Record<string, unknown> }>(edgesByKeyQuery(type, keys));
    for (const { key, props } of stored) {
      const summary = added.get(key);
      if (summary !== undefined) added.set(key, combineFacts(summaryOfEdge({ ...summary, props }), summary));
    }
  }
  const edges = [...added.values()].map(edgeOfSummary);
  for (const group of groupBy(edges, (e) => `${e.type}|${e.sourceLabel}|${e.targetLabel}`).values()) {
    const first = group[0]!;
    await tx.run(
      mergeEdgesQuery(
        first.type,
        first.sourceLabel,
        first.targetLabel,
        group.map((e) => ({ key: e.key, sourceId: e.sourceId, targetId: e.targetId, props: e.props })),
      ),
    );
  }
}

/** Graph entities holding any identity key of these entities (document-local keys are never shared: skipped). */
async function existingIdentities(
  run: (query: CypherQuery) => Promise<Array<Record<string, unknown>>>,
  entities: EntityKeys[],
): Promise<ExistingIdentity[]> {
  const keys = [...new Set(entities.flatMap((k) => k.identityKeys))].filter((k) => !isDocumentLocalKey(k)).sort();
  if (keys.length === 0) return [];
  const rows = (await run(identityLookupQuery(keys))) as Array<{ key: string; id: string }>;
  const out: ExistingIdentity[] = [];
  for (const row of rows) {
    const type = row.key.slice(0, row.key.indexOf('|'));
    if ((ENTITY_TYPES as readonly string[]).includes(type)) out.push({ key: row.key, id: row.id, type: type as EntityType });
  }
  return out;
}

function toMentionInfo(m: Record<string, unknown>): MentionInfo {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    documentId: String(m.documentId),
    publishedAt: text(m.publishedAt),
    name: text(m.name) ?? '',
    names: list(m.names),
    lookupKeys: list(m.lookupKeys),
    identityKeys: list(m.identityKeys),
    candidateId: text(m.candidateId) ?? '',
    status: text(m.status),
    date: text(m.date),
  };
}

function propText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Writes a batch of documents in the current transaction; returns the graph ids given to their entities. */
export async function writeDocumentsInTx(transaction: ManagedTransaction, docs: DocumentToWrite[], now: string): Promise<WriteResult> {
  const tx = new Tx(transaction);
  const dirty = new Dirty();
  for (const doc of docs) if (doc.replaces) await retract(tx, doc.id, true, dirty);

  const keysPerDoc: EntityKeys[][] = docs.map((doc) => entityKeysOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }));
  const existing = await existingIdentities((query) => tx.run(query), keysPerDoc.flat());
  const assignment = assignIds(
    keysPerDoc.flatMap((keys, doc) => keys.map((k) => ({ doc, keys: k }))),
    existing,
    docs.length,
  );
  for (const merge of assignment.merges) {
    log.debug(`merge ${merge.type} ${merge.from} -> ${merge.to}`);
    await mergeEntity(tx, merge, dirty);
  }

  const documentRows: DocumentRow[] = docs.map((d) => ({
    id: d.id,
    title: d.title,
    url: d.url,
    publishedAt: d.publishedAt,
    contentHash: d.contentHash,
    ingestedAt: now,
    text: d.text,
  }));
  await tx.run(upsertDocumentsQuery(documentRows));

  const entityRows = new Map<EntityType, Map<string, { id: string; name: string }>>();
  const mentionRows = new Map<EntityType, Map<string, BatchMention>>();
  docs.forEach((doc, i) => {
    const graphIds = assignment.graphIds[i]!;
    const extracted = new Map(doc.extraction.entities.map((e) => [e.id, e]));
    for (const k of keysPerDoc[i]!) {
      const id = graphIds[k.localId]!;
      const entity = extracted.get(k.localId);
      const rows = entityRows.get(k.type) ?? new Map<string, { id: string; name: string }>();
      entityRows.set(k.type, rows);
      if (!rows.has(id)) rows.set(id, { id, name: k.name });
      const mentions = mentionRows.get(k.type) ?? new Map<string, BatchMention>();
      mentionRows.set(k.type, mentions);
      const mentionKey = `${doc.id}\u0000${id}`;
      const previous = mentions.get(mentionKey);
      const props: MentionRow['props'] = {
        name: k.name,
        names: k.names,
        lookupKeys: k.lookupKeys,
        identityKeys: k.identityKeys,
        candidateId: k.candidateId,
        status: propText(entity?.properties?.status),
        date: propText(entity?.properties?.date),
      };
      if (previous === undefined) mentions.set(mentionKey, { documentId: doc.id, entityId: id, props, publishedAt: doc.publishedAt });
      else {
        // Two extracted entities of one document turned out to be one graph entity.
        previous.props = combineMentionProps(previous.props, props);
      }
    }
  });
  for (const type of ENTITY_TYPES) {
    const rows = entityRows.get(type);
    if (rows !== undefined && rows.size > 0) await tx.run(mergeEntitiesQuery(type, [...rows.values()]));
  }
  for (const type of ENTITY_TYPES) {
    const rows = mentionRows.get(type);
    if (rows !== undefined && rows.size > 0) {
      await tx.run(mergeMentionsQuery(type, [...rows.values()].map(({ documentId, entityId, props }) => ({ documentId, entityId, props }))));
    }
  }

  const statements = docs.flatMap((doc, i) => statementsOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }, assignment.graphIds[i]!));
  for (let i = 0; i < statements.length; i += 2000) {
    await tx.run(createStatementsQuery(statements.slice(i, i + 2000) as unknown as Array<Record<string, unknown>>));
  }
  // Entities and facts that a retraction or merge touched are recomputed from all
  // their mentions and statements; the rest only gained some: update their summaries.
  await settle(tx, dirty);
  for (const [type, rows] of mentionRows) {
    for (const [key, row] of rows) if (dirty.entities.has(row.entityId)) rows.delete(key);
    if (rows.size === 0) mentionRows.delete(type);
  }
  const published = new Map(docs.map((d) => [d.id, d.publishedAt]));
  await settleAdded(
    tx,
    mentionRows,
    statements
      .filter((st) => !dirty.factKeys.has(st.factKey))
      .map((st) => ({ ...st, statementId: st.id, publishedAt: published.get(st.documentId) ?? null })),
  );
  return {
    ...tx.counters,
    documents: docs.map((doc, i) => ({ id: doc.id, entityIds: { ...assignment.graphIds[i]! } })),
  };
}

/** Writes a batch of documents in one managed transaction (retried by the driver on transient errors). */
export async function writeDocuments(graph: Graph, docs: DocumentToWrite[]): Promise<WriteResult> {
  const now = new Date().toISOString();
  return graph.write((tx) => writeDocumentsInTx(tx, docs, now), { purpose: 'ingest', timeoutMs: 300_000 });
}

export interface DeleteResult {
  id: string;
  deleted: boolean;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

/**
 * Removes a document and the facts only it supported: its statements, the
 * aggregated edges left without statements, entities no other document
 * mentions and their aliases; recomputes what other documents still support.
 */
export async function deleteDocumentFromGraph(graph: Graph, id: string): Promise<DeleteResult> {
  return graph.write(
    async (transaction) => {
      const tx = new Tx(transaction);
      const dirty = new Dirty();
      const deleted = await retract(tx, id, false, dirty);
      if (deleted) await settle(tx, dirty);
      return { id, deleted, nodesDeleted: tx.counters.nodesDeleted, relationshipsDeleted: tx.counters.relationshipsDeleted };
    },
    { purpose: 'delete-document', timeoutMs: 300_000 },
  );
}

/** Graph ids the entities of an extraction have (or would get), without writing: for unchanged documents. */
export async function resolveEntityIds(graph: Graph, extraction: ExtractionResult): Promise<Record<string, string>> {
  const keys = entityKeysOf(extraction);
  const existing = await existingIdentities((query) => graph.readRows(query, { purpose: 'ingest-resolve' }), keys);
  const assignment = assignIds(
    keys.map((k) => ({ doc: 0, keys: k })),
    existing,
    1,
  );
  return { ...assignment.graphIds[0]! };
}
