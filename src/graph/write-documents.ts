/**
 * Writes extracted documents into the graph: one batch of documents per
 * managed transaction, so a failure never leaves half a document, and the
 * content hash lands together with the facts (a re-run after a failure
 * simply redoes the batch).
 */
import type { ManagedTransaction, ResultSummary } from 'neo4j-driver';
import type { EntityType, ExtractionResult, RelationType } from '../model/types.ts';
import { ENTITY_TYPES } from '../model/types.ts';
import type { EntityKeys, ExistingIdentity } from '../resolve/identity.ts';
import { assignIds, entityKeysOf, isDocumentLocalKey } from '../resolve/identity.ts';
import type { StatedFact } from '../resolve/facts.ts';
import { aggregateFacts, combineFacts, edgeOfSummary, factKey, statementsOf, summarizeFacts, summaryOfEdge } from '../resolve/facts.ts';
import type { EntitySummary, MentionInfo, MentionProps } from '../resolve/profile.ts';
import { EMPTY_SUMMARY, combineMentionProps, combineSummaries, entityProfile, profileOfSummary, summaryOfMention } from '../resolve/profile.ts';
import { createLogger } from '../log.ts';
import { ChangeRecorder } from './changes.ts';
import type { CypherQuery, Graph } from './executor.ts';
import type { DocumentRow, MentionRow, ProfileRow } from './ingest-queries.ts';
import {
  acquireIngestLockQuery,
  releaseIngestLockQuery,
  createStatementsQuery,
  edgesByKeysQuery,
  entitySummariesByTypeQuery,
  updateEdgesQuery,
  deleteEdgesQuery,
  deleteEntitiesQuery,
  deleteOrphanAliasesQuery,
  documentFootprintQuery,
  documentHashesQuery,
  addToProfilesQuery,
  mentionRowsOfEntitiesQuery,
  mergeTargetsQuery,
  moveMentionsToQuery,
  statementsOfEntitiesQuery,
  entityMentionsQuery,
  factStatementsQuery,
  identityLookupQuery,
  mergeEdgesQuery,
  mergeEntitiesQuery,
  mergeMentionsQuery,
  retractDocumentQuery,
  rewriteStatementsQuery,
  deleteStatementsQuery,
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

/**
 * Prefixed to every write-path statement. Neo4j re-plans a cached query when
 * the counts of the labels it touches have moved enough since it was planned;
 * while a corpus is ingested into a young graph that happens every few seconds
 * for every statement, and planning the larger ones costs 50-250 ms each time.
 * These statements start from the index seeks they name (`USING INDEX SEEK`)
 * or from MERGEs on uniqueness constraints, whatever the counts
 * (tests/integration/write-plans.int.test.ts checks their plans on a young
 * database), so their first plan stays good: keep it.
 */
export const WRITE_PATH_PLAN_OPTIONS = 'CYPHER replan=skip';

function withPlanOptions(query: CypherQuery): string {
  return `${WRITE_PATH_PLAN_OPTIONS}\n${query.cypher}`;
}

/** Runs queries in one transaction and sums their counters. */
class Tx {
  readonly counters = emptyCounters();
  constructor(private readonly tx: ManagedTransaction) {}

  async run<T = Record<string, unknown>>(query: CypherQuery): Promise<T[]> {
    const started = performance.now();
    const result = await this.tx.run(withPlanOptions(query), query.params);
    log.debug(`${(performance.now() - started).toFixed(1)} ms ${query.cypher.split('\n').slice(0, 2).join(' ')}`);
    this.count(result.summary);
    return result.records.map((r) => r.toObject() as T);
  }

  /**
   * Runs write queries in order, sent back to back (the driver pipelines them
   * in the transaction): one round trip's wait instead of one per query, and
   * each query keeps its own cached plan.
   */
  async runAll(queries: CypherQuery[]): Promise<void> {
    if (queries.length === 0) return;
    const started = performance.now();
    const pending = queries.map((q) => this.tx.run(withPlanOptions(q), q.params));
    const settled = await Promise.allSettled(pending.map((p) => Promise.resolve(p)));
    for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
    for (const outcome of settled) if (outcome.status === 'fulfilled') this.count(outcome.value.summary);
    log.debug(`${(performance.now() - started).toFixed(1)} ms ${queries.length} queries: ${queries[0]!.cypher.split('\n').slice(0, 2).join(' ')}`);
  }

  /** Takes the ingestion lock (waits while another transaction holds it); not counted as a change. */
  async lock(): Promise<void> {
    await this.tx.run(withPlanOptions(acquireIngestLockQuery()), acquireIngestLockQuery().params);
  }

  /** Removes the lock node; the lock itself is released when the transaction ends. */
  async unlock(): Promise<void> {
    await this.tx.run(withPlanOptions(releaseIngestLockQuery()), releaseIngestLockQuery().params);
  }

  private count(summary: ResultSummary): void {
    const u = summary.counters.updates();
    this.counters.nodesCreated += u.nodesCreated;
    this.counters.nodesDeleted += u.nodesDeleted;
    this.counters.relationshipsCreated += u.relationshipsCreated;
    this.counters.relationshipsDeleted += u.relationshipsDeleted;
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
  /**
   * What the transaction found and did, decided after taking the ingestion
   * lock: another process may have written the same document meanwhile.
   */
  outcome: 'new' | 'updated' | 'unchanged';
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

/**
 * Folds entities into others (new documents showed they are one): mentions,
 * statements, facts. All merges of a batch at once: two reads and one write,
 * whatever their number. Same result as folding them one by one: mention
 * properties combine associatively, and statement ends map straight to their
 * surviving entity.
 */
async function mergeEntities(tx: Tx, merges: Array<{ type: EntityType; from: string; to: string }>, dirty: Dirty): Promise<void> {
  if (merges.length === 0) return;
  const into = new Map(merges.map((m) => [m.from, m.to]));
  const byType = groupBy(merges, (m) => m.type);
  const idsByType = [...byType].map(([type, group]) => [type, [...new Set(group.flatMap((m) => [m.from, m.to]))].sort()] as const);
  const mentionRows = await tx.run<{ entityId: string; documentId: string; props: MentionProps }>(mentionRowsOfEntitiesQuery(idsByType));
  const statements = await tx.run<{ id: string; type: RelationType; sourceId: string; targetId: string; title: string | null; factKey: string }>(
    statementsOfEntitiesQuery([...into.keys()].sort()),
  );

  const writes: CypherQuery[] = [];
  for (const [type, group] of byType) {
    const targets = new Set(group.map((m) => m.to));
    // Per surviving entity and document: what every mention (staying and moving) said, combined.
    const combined = new Map<string, { to: string; documentId: string; props: MentionProps; moved: boolean }>();
    const firstName = new Map<string, string>();
    for (const row of mentionRows) {
      const to = targets.has(row.entityId) ? row.entityId : into.get(row.entityId);
      if (to === undefined || !targets.has(to)) continue;
      const moved = to !== row.entityId;
      if (moved && !firstName.has(to)) firstName.set(to, String(row.props.name ?? to));
      const key = `${to}\u0000${row.documentId}`;
      const previous = combined.get(key);
      combined.set(
        key,
        previous === undefined
          ? { to, documentId: row.documentId, props: row.props, moved }
          : { to, documentId: row.documentId, props: combineMentionProps(previous.props, row.props), moved: previous.moved || moved },
      );
    }
    writes.push(mergeTargetsQuery(type, [...targets].sort().map((id) => ({ id, name: firstName.get(id) ?? id }))));
    const moving = [...combined.values()].filter((r) => r.moved).map(({ to, documentId, props }) => ({ to, documentId, props }));
    if (moving.length > 0) writes.push(moveMentionsToQuery(type, moving));
  }

  const rewritten: Array<{ id: string; sourceId: string; targetId: string; factKey: string }> = [];
  const loops: string[] = [];
  for (const s of statements) {
    const sourceId = into.get(s.sourceId) ?? s.sourceId;
    const targetId = into.get(s.targetId) ?? s.targetId;
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
  if (rewritten.length > 0) writes.push(rewriteStatementsQuery(rewritten));
  if (loops.length > 0) writes.push(deleteStatementsQuery(loops));
  for (const [type, group] of byType) writes.push(deleteEntitiesQuery(type, group.map((m) => m.from).sort()));
  await tx.runAll(writes);
  for (const m of merges) dirty.entities.delete(m.from);
  for (const m of merges) dirty.addEntity(m.to, m.type);
}

/** Recomputes profiles of dirty entities (deleting those no document mentions) and edges of dirty facts. */
async function settle(tx: Tx, dirty: Dirty): Promise<void> {
  // Reads first (what one type's writes change, another type's reads never see), then one write.
  const writes: CypherQuery[] = [];
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
    if (orphans.length > 0) writes.push(deleteEntitiesQuery(type, orphans));
    if (updates.length > 0) writes.push(updateProfilesQuery(type, updates));
    if (oldKeys.length > 0) writes.push(deleteOrphanAliasesQuery([...new Set(oldKeys)]));
  }

  const keys = [...dirty.factKeys].sort();
  const stated = keys.length === 0 ? [] : await tx.run<StatedFact>(factStatementsQuery(keys));
  log.debug(`settle: ${dirty.entities.size} entities, ${keys.length} facts, ${stated.length} statements`);
  if (keys.length > 0) settleFacts(keys, stated, writes);
  await tx.runAll(writes);
}

/** Edge writes for the given facts from all their statements: merged, or deleted when no statement is left. */
/** One MERGE query per (type, source label, target label) group of aggregated edges. */
function mergeEdgeWrites(edges: ReturnType<typeof aggregateFacts>): CypherQuery[] {
  return [...groupBy(edges, (e) => `${e.type}|${e.sourceLabel}|${e.targetLabel}`).values()].map((group) => {
    const first = group[0]!;
    return mergeEdgesQuery(
      first.type,
      first.sourceLabel,
      first.targetLabel,
      group.map((e) => ({ key: e.key, sourceId: e.sourceId, targetId: e.targetId, props: e.props })),
    );
  });
}

function settleFacts(keys: string[], stated: StatedFact[], writes: CypherQuery[]): void {
  const edges = aggregateFacts(stated);
  const withEdge = new Set(edges.map((e) => e.key));
  writes.push(...mergeEdgeWrites(edges));
  const gone = groupBy(
    keys.filter((k) => !withEdge.has(k)),
    RELATION_OF_KEY,
  );
  for (const [type, group] of gone) writes.push(deleteEdgesQuery(type, group));
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
 * Two reads (all entity types in one, all edge types in one) and one write;
 * profiles that did not change and alias links that exist are not rewritten.
 */
async function settleAdded(tx: Tx, mentions: Map<EntityType, Map<string, BatchMention>>, statements: StatedFact[]): Promise<void> {
  const byEntityOfType = new Map<EntityType, Map<string, BatchMention[]>>();
  for (const type of ENTITY_TYPES) {
    const rows = mentions.get(type);
    if (rows !== undefined && rows.size > 0) byEntityOfType.set(type, groupBy(rows.values(), (r) => r.entityId));
  }
  const added = summarizeFacts(statements);
  const keysByType = groupBy(added.keys(), RELATION_OF_KEY);

  const idsByType = [...byEntityOfType].map(([type, byEntity]) => [type, [...byEntity.keys()].sort()] as const);
  const stored =
    idsByType.length === 0
      ? []
      : await tx.run<{ id: string; current: Record<string, unknown>; links: Array<{ key: string | null; identity: boolean | null }> }>(
          entitySummariesByTypeQuery(idsByType),
        );
  const storedEdges = keysByType.size === 0 ? [] : await tx.run<{ key: string; props: Record<string, unknown> }>(edgesByKeysQuery([...keysByType]));

  const writes: CypherQuery[] = [];
  const currentOf = new Map(stored.map((r) => [r.id, r.current]));
  // Alias links the entities have: key -> identity flag.
  const linksOf = new Map(stored.map((r) => [r.id, new Map(r.links.filter((l) => l.key !== null).map((l) => [l.key!, l.identity === true]))]));
  for (const [type, byEntity] of byEntityOfType) {
    const updates: ProfileRow[] = [];
    for (const [id, rows] of byEntity) {
      const current = currentOf.get(id);
      if (current === undefined) continue;
      const addedMentions = rows.map((m) => toMentionInfo({ ...m.props, documentId: m.documentId, publishedAt: m.publishedAt }));
      const base: EntitySummary = Array.isArray(current.forms)
        ? {
            name: typeof current.name === 'string' ? current.name : null,
            forms: current.forms.filter((f): f is string => typeof f === 'string'),
            status: typeof current.status === 'string' ? current.status : null,
            statusAt: typeof current.statusAt === 'string' ? current.statusAt : null,
            date: typeof current.date === 'string' ? current.date : null,
          }
        : EMPTY_SUMMARY;
      const summary = addedMentions.map(summaryOfMention).reduce(combineSummaries, base);
      const profile = profileOfSummary(type, summary);
      if (profile === null) continue;
      const identity = new Set(addedMentions.flatMap((m) => m.identityKeys));
      const linked = linksOf.get(id);
      // A link that exists stays; its identity flag only ever turns on.
      const aliasKeys = [...new Set([...identity, ...addedMentions.flatMap((m) => m.lookupKeys)])]
        .sort()
        .map((key) => ({ key, identity: identity.has(key) }))
        .filter((k) => {
          const flag = linked?.get(k.key);
          return flag === undefined || (k.identity && !flag);
        });
      const props = { ...profile.props, forms: profile.forms, statusAt: profile.statusAt };
      if (aliasKeys.length === 0 && sameProfile(current, profile.name, profile.aliases, props)) continue;
      updates.push({ id, name: profile.name, aliases: profile.aliases, searchText: profile.searchText, props, aliasKeys, removedKeys: [] });
    }
    if (updates.length > 0) writes.push(addToProfilesQuery(type, updates));
  }

  const existing = new Set<string>();
  for (const { key, props } of storedEdges) {
    const summary = added.get(key);
    if (summary === undefined) continue;
    added.set(key, combineFacts(summaryOfEdge({ ...summary, props }), summary));
    existing.add(key);
  }
  const edges = [...added.values()].map(edgeOfSummary);
  // Stored edges are found by their key (index seek); new ones are merged between their endpoints.
  for (const [type, group] of groupBy(
    edges.filter((e) => existing.has(e.key)),
    (e) => e.type,
  )) {
    writes.push(updateEdgesQuery(type, group.map((e) => ({ key: e.key, props: e.props }))));
  }
  writes.push(...mergeEdgeWrites(edges.filter((e) => !existing.has(e.key))));
  await tx.runAll(writes);
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
export async function writeDocumentsInTx(transaction: ManagedTransaction, batch: DocumentToWrite[], now: string): Promise<WriteResult> {
  const tx = new Tx(transaction);
  await tx.lock();
  // What is stored now, under the lock (the caller's view may be stale): same content is
  // skipped, a stored document is replaced.
  const storedRows = await tx.run<{ id: string; contentHash: string | null }>(documentHashesQuery(batch.map((d) => d.id)));
  const stored = new Map(storedRows.map((r) => [r.id, r.contentHash ?? '']));
  const docs = batch.filter((d) => stored.get(d.id) !== d.contentHash).map((d) => ({ ...d, replaces: stored.has(d.id) }));
  const changes = new ChangeRecorder(transaction, now);
  const written = await writeLockedDocuments(tx, docs, now, changes);
  await changes.recordIngest(docs);
  await tx.unlock();
  const byId = new Map(written.map((w) => [w.id, w]));
  return {
    ...tx.counters,
    documents: batch.map((d) => byId.get(d.id) ?? { id: d.id, outcome: 'unchanged' as const, entityIds: {} }),
  };
}

async function writeLockedDocuments(tx: Tx, docs: DocumentToWrite[], now: string, changes: ChangeRecorder): Promise<WrittenDocument[]> {
  if (docs.length === 0) return [];
  const dirty = new Dirty();
  for (const doc of docs) if (doc.replaces) await retract(tx, doc.id, true, dirty);

  const keysPerDoc: EntityKeys[][] = docs.map((doc) => entityKeysOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }));
  const existing = await existingIdentities((query) => tx.run(query), keysPerDoc.flat());
  const assignment = assignIds(
    keysPerDoc.flatMap((keys, doc) => keys.map((k) => ({ doc, keys: k }))),
    existing,
    docs.length,
  );
  for (const merge of assignment.merges) log.debug(`merge ${merge.type} ${merge.from} -> ${merge.to}`);
  await mergeEntities(tx, assignment.merges, dirty);

  const documentRows: DocumentRow[] = docs.map((d) => ({
    id: d.id,
    title: d.title,
    url: d.url,
    publishedAt: d.publishedAt,
    contentHash: d.contentHash,
    ingestedAt: now,
    text: d.text,
  }));
  const writes: CypherQuery[] = [upsertDocumentsQuery(documentRows)];

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
    if (rows !== undefined && rows.size > 0) writes.push(mergeEntitiesQuery(type, [...rows.values()]));
  }
  for (const type of ENTITY_TYPES) {
    const rows = mentionRows.get(type);
    if (rows !== undefined && rows.size > 0) {
      writes.push(mergeMentionsQuery(type, [...rows.values()].map(({ documentId, entityId, props }) => ({ documentId, entityId, props }))));
    }
  }

  const statements = docs.flatMap((doc, i) => statementsOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }, assignment.graphIds[i]!));
  for (let i = 0; i < statements.length; i += 2000) {
    writes.push(createStatementsQuery(statements.slice(i, i + 2000) as unknown as Array<Record<string, unknown>>));
  }
  // The change feed compares the facts these documents touch before and after.
  await changes.snapshot([...dirty.factKeys, ...statements.map((st) => st.factKey)]);
  // Documents, entities, mentions and statements: sent back to back.
  await tx.runAll(writes);
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
  return docs.map((doc, i) => ({ id: doc.id, outcome: doc.replaces ? ('updated' as const) : ('new' as const), entityIds: { ...assignment.graphIds[i]! } }));
}

/** Writes a batch of documents in one managed transaction (retried on transient errors; WRITE_TIMEOUT_MS). */
export async function writeDocuments(graph: Graph, docs: DocumentToWrite[]): Promise<WriteResult> {
  const now = new Date().toISOString();
  return graph.write((tx) => writeDocumentsInTx(tx, docs, now), { purpose: 'ingest' });
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
      await tx.lock();
      const dirty = new Dirty();
      const changes = new ChangeRecorder(transaction, new Date().toISOString());
      const deleted = await retract(tx, id, false, dirty);
      await changes.snapshot(dirty.factKeys);
      if (deleted) await settle(tx, dirty);
      if (deleted) await changes.recordDeletion(id);
      await tx.unlock();
      return { id, deleted, nodesDeleted: tx.counters.nodesDeleted, relationshipsDeleted: tx.counters.relationshipsDeleted };
    },
    { purpose: 'delete-document' },
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
