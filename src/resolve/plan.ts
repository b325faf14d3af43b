/**
 * The resolve stage: from a batch of extracted documents (or documents to
 * delete) and a snapshot of the part of the graph they touch, the write plan
 * that brings the graph to its next state. Pure functions: no I/O, no driver.
 *
 * The snapshot is read in up to three steps, each asked for by the step
 * before (all inside the writing transaction, under the ingestion lock):
 *
 * 1. `firstReads`: the batch's documents as stored (hash, what they support)
 *    and the graph entities holding the batch's identity keys;
 * 2. `affectedReads` (after `resolveBatch` placed the entities): stored
 *    properties, alias links and mentions of the entities that change, the
 *    statements of entities folded into others, the edges the batch adds to;
 * 3. `factReads`: every statement of the facts whose edges are recomputed.
 *
 * `planWrites` then simulates what the old document versions' retraction,
 * the merges and the new documents leave in the graph, and derives profiles
 * and aggregated edges from it: entities and facts that lost something are
 * recomputed from all their mentions and statements, the others are updated
 * from their stored summaries (same result; see profile.ts and facts.ts).
 */
import type { EntityType, RelationType } from '../model/types.ts';
import { ENTITY_TYPES } from '../model/types.ts';
import type {
  AffectedRequest,
  AffectedState,
  DocumentRow,
  DocumentToWrite,
  EntityCurrent,
  ExistingIdentity,
  FirstRequest,
  IdentityRow,
  IngestSnapshot,
  MentionProps,
  MentionRow,
  JudgedIdentities,
  ProfileRow,
  ReopenRequest,
  ReopenState,
  StatedFact,
  StatementRow,
  StoredBatch,
  StoredDocument,
  StoredMention,
  WriteOp,
  WritePlan,
  WrittenDocument,
} from '../model/write-plan.ts';
import type { EdgeRow } from './facts.ts';
import { aggregateFacts, combineFacts, edgeOfSummary, factKey, statementsOf, summarizeFacts, summaryOfEdge } from './facts.ts';
import type { Assignment, EntityKeys, ReopenedMention } from './identity.ts';
import { assignIds, entityKeysOf, isDocumentLocalKey, isWeakKey, keyVariants } from './identity.ts';
import type { EntitySummary, MentionInfo } from './profile.ts';
import { EMPTY_SUMMARY, combineMentionProps, combineSummaries, entityProfile, profileOfSummary, summaryOfMention } from './profile.ts';

/** A document of a batch with the keys of its entities (computed once, before the transaction). */
export interface PreparedDocument {
  doc: DocumentToWrite;
  keys: EntityKeys[];
}

/** Computes the entity keys of each document (CPU only: done before taking the ingestion lock). */
export function prepareDocuments(docs: DocumentToWrite[]): PreparedDocument[] {
  return docs.map((doc) => ({ doc, keys: entityKeysOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }) }));
}

function shareableKeys(keys: Iterable<EntityKeys>): string[] {
  const out = new Set<string>();
  for (const k of keys) for (const key of k.identityKeys) if (!isDocumentLocalKey(key)) out.add(key);
  return [...out].sort();
}

/** Keys with their weak or strong twins (see identity.ts), sorted. */
function withVariants(keys: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const key of keys) for (const k of keyVariants(key)) out.add(k);
  return [...out].sort();
}

/** Step 1 of the snapshot: the batch's documents (and those to delete) as stored, and who holds the batch's identity keys. */
export function firstReads(batch: PreparedDocument[], deletions: string[] = []): FirstRequest {
  return {
    documentIds: [...new Set([...batch.map((p) => p.doc.id), ...deletions])],
    identityKeys: withVariants(shareableKeys(batch.flatMap((p) => p.keys))),
  };
}

function typeOfKey(key: string): EntityType | null {
  const type = key.slice(0, key.indexOf('|'));
  return (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : null;
}

/** Graph entities of identity rows, every key they hold (rows whose key names no entity type are dropped). */
function existingOf(rows: IdentityRow[], skip: ReadonlySet<string> = new Set()): ExistingIdentity[] {
  const out: ExistingIdentity[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const type = typeOfKey(row.key);
    if (type === null || skip.has(row.id) || seen.has(`${row.id}\u0000${row.key}`)) continue;
    seen.add(`${row.id}\u0000${row.key}`);
    out.push({ key: row.key, id: row.id, type });
  }
  return out;
}

/** The state before the first ReopenRequest; `forcedKeys`: keys whose holders are re-resolved whatever the batch. */
export function initialReopenState(forcedKeys: string[] = []): ReopenState {
  return { lookedUp: [], read: [], identities: [], mentions: [], judgedAsked: [], merges: [], distincts: [], forcedKeys: [...forcedKeys].sort() };
}

const EMPTY_REOPEN: ReopenState = initialReopenState();

/** Keys whose holders are re-resolved: forced ones, those merge judgements unite and the anchors of distinct judgements. */
function judgedKeysOf(state: ReopenState): Set<string> {
  return new Set([...state.forcedKeys, ...state.merges.flatMap((m) => m.keys), ...state.distincts.flatMap((d) => [...d.a, ...d.b])]);
}

/** Which stored documents the batch retracts: replaced ones (kept) and deleted ones, in order. */
function retractionsOf(batch: PreparedDocument[], stored: StoredBatch, deletions: string[]) {
  const storedById = new Map<string, StoredDocument>(stored.documents.map((d) => [d.id, d]));
  // Same content is skipped (unless it is to be rewritten: re-extraction); a stored document is replaced.
  const docs = batch.filter((p) => p.doc.rewrite === true || (storedById.get(p.doc.id)?.contentHash ?? undefined) !== p.doc.contentHash);
  const replaced = new Set(docs.filter((p) => storedById.has(p.doc.id)).map((p) => p.doc.id));
  const retractions: Array<{ id: string; keepDocument: boolean; footprint: StoredDocument }> = [];
  const add = (id: string, keepDocument: boolean) => {
    const footprint = storedById.get(id);
    if (footprint !== undefined) retractions.push({ id, keepDocument, footprint });
  };
  for (const p of docs) if (replaced.has(p.doc.id)) add(p.doc.id, true);
  for (const id of deletions) add(id, false);
  return { docs, replaced, retractions };
}

/**
 * Stored entities re-resolved from their mentions: those a retracted document
 * mentioned (the document may have been what held them together), those
 * holding a key a judgement in force names, and those holding a weak key (a
 * short form) whose standing the batch may change: a batch entity holds the
 * short form beside names the stored entity does not have (a possible
 * second full name for it). A batch entity that holds the short form beside
 * one of the entity's own names joins it; one that holds the short form
 * alone joins it or not by the weak-key rule, without its mentions (so an
 * ingest naming ICESCO in full does not read all of ICESCO's mentions).
 * Entities reached through re-resolved mentions are re-resolved whenever
 * they hold a weak key.
 */
function reopenedEntities(batch: PreparedDocument[], stored: StoredBatch, deletions: string[], state: ReopenState): Map<string, EntityType> {
  const out = new Map<string, EntityType>();
  const { docs, retractions } = retractionsOf(batch, stored, deletions);
  for (const r of retractions) for (const e of r.footprint.entities) out.set(e.id, e.type);
  const judged = judgedKeysOf(state);
  const strongOf = new Map<string, Set<string>>();
  for (const row of stored.identities) if (!isWeakKey(row.key)) getOrSet(strongOf, row.id, () => new Set<string>()).add(row.key);
  // Per weak key the batch holds: the strong keys of each batch entity holding it.
  const weakHeld = new Map<string, string[][]>();
  for (const p of docs) {
    for (const k of p.keys) {
      const strong = k.identityKeys.filter((key) => !isWeakKey(key));
      for (const key of k.identityKeys) if (isWeakKey(key)) getOrSet(weakHeld, key, () => [] as string[][]).push(strong);
    }
  }
  const contests = (row: IdentityRow) => (weakHeld.get(row.key) ?? []).some((strong) => !strong.some((key) => strongOf.get(row.id)?.has(key)));
  for (const row of stored.identities) {
    const type = typeOfKey(row.key);
    if (type !== null && (judged.has(row.key) || (isWeakKey(row.key) && (retractions.length > 0 || contests(row))))) out.set(row.id, type);
  }
  for (const row of state.identities) {
    const type = typeOfKey(row.key);
    if (type !== null && (isWeakKey(row.key) || judged.has(row.key))) out.set(row.id, type);
  }
  return out;
}

function byType(entities: Iterable<readonly [string, EntityType]>): Array<readonly [EntityType, string[]]> {
  const out = new Map<EntityType, string[]>();
  for (const [id, type] of entities) getOrSet(out, type, () => [] as string[]).push(id);
  return [...out].map(([type, ids]) => [type, ids.sort()] as const);
}

/**
 * Between steps 1 and 2, repeated until it asks for nothing: the mentions of
 * entities to re-resolve, and who holds the weak and strong forms of the keys
 * those mentions hold.
 */
export function reopenReads(batch: PreparedDocument[], stored: StoredBatch, deletions: string[], state: ReopenState = EMPTY_REOPEN): ReopenRequest {
  const read = new Set(state.read);
  const reopen = reopenedEntities(batch, stored, deletions, state);
  const first = firstReads(batch, deletions).identityKeys;
  const lookedUp = new Set([...first, ...state.lookedUp]);
  const mentionKeys = state.mentions.flatMap((m) => (Array.isArray(m.props.identityKeys) ? (m.props.identityKeys as string[]) : [])).filter((k) => !isDocumentLocalKey(k));
  const keys = withVariants([...mentionKeys, ...judgedKeysOf(state)]).filter((k) => !lookedUp.has(k));
  // Merge and distinct judgements are asked for by every strong key in play.
  const asked = new Set(state.judgedAsked);
  const inPlay = new Set([...first, ...state.lookedUp, ...mentionKeys, ...stored.identities.map((r) => r.key), ...state.identities.map((r) => r.key)]);
  const judgedKeys = [...inPlay].filter((k) => !isWeakKey(k) && !asked.has(k)).sort();
  return { mentionsOf: byType([...reopen].filter(([id]) => !read.has(id))), identityKeys: keys, judgedKeys };
}

/** The state after answering a ReopenRequest. */
export function addReopened(
  state: ReopenState,
  request: ReopenRequest,
  answer: { mentions: StoredMention[]; identities: IdentityRow[] } & JudgedIdentities,
): ReopenState {
  const known = new Set([...state.merges, ...state.distincts].map((m) => m.id));
  return {
    lookedUp: [...state.lookedUp, ...request.identityKeys],
    read: [...state.read, ...request.mentionsOf.flatMap(([, ids]) => ids)],
    identities: [...state.identities, ...answer.identities],
    mentions: [...state.mentions, ...answer.mentions],
    judgedAsked: [...state.judgedAsked, ...request.judgedKeys],
    merges: [...state.merges, ...answer.merges.filter((m) => !known.has(m.id))],
    distincts: [...state.distincts, ...answer.distincts.filter((d) => !known.has(d.id))],
    forcedKeys: state.forcedKeys,
  };
}

/** A mention the batch writes, with its document's date. */
interface BatchMention extends MentionRow {
  publishedAt: string | null;
}

/** What the batch is, once its documents are checked against the graph and its entities placed. */
export interface Resolution {
  /** Every document of the batch, in order (unchanged ones included). */
  batch: PreparedDocument[];
  /** Documents to write (content differs from what is stored, or not stored). */
  docs: PreparedDocument[];
  /** Ids of written documents that replace a stored version. */
  replaced: ReadonlySet<string>;
  /** Stored documents retracted: replaced ones (kept) and deleted ones; in order. */
  retractions: Array<{ id: string; keepDocument: boolean }>;
  /** Stored documents whose mentions and statements the retractions remove. */
  removed: ReadonlySet<string>;
  /** Entities the retracted documents mention (their profiles are recomputed). */
  retractedEntities: Map<string, EntityType>;
  /** Facts the retracted documents state (their edges are recomputed). */
  retractedFacts: Set<string>;
  /** Stored entities re-resolved from their mentions (see reopenReads). */
  reopened: Map<string, EntityType>;
  /** The mentions of re-resolved entities, as read. */
  reopenedMentions: StoredMention[];
  /** Re-placed mentions that change entity: entity -> document -> new entity. */
  moved: Map<string, Map<string, string>>;
  /** Entities some of whose mentions move, with their type. */
  movedTypes: Map<string, EntityType>;
  assignment: Assignment;
  /** Entity nodes the batch merges (created when missing), per type: id -> first name. */
  entityRows: Map<EntityType, Map<string, { id: string; name: string }>>;
  /** Mentions the batch creates, per type, one per document and entity. */
  mentionRows: Map<EntityType, Map<string, BatchMention>>;
  statements: StatementRow[];
}

/** Places a batch: which documents to write or retract, the graph ids of their entities, merges and re-placed mentions of existing entities. */
export function resolveBatch(batch: PreparedDocument[], stored: StoredBatch, deletions: string[] = [], reopenState: ReopenState = EMPTY_REOPEN): Resolution {
  const { docs, replaced, retractions: found } = retractionsOf(batch, stored, deletions);
  const retractions: Resolution['retractions'] = found.map(({ id, keepDocument }) => ({ id, keepDocument }));
  const retractedEntities = new Map<string, EntityType>();
  const retractedFacts = new Set<string>();
  for (const { footprint } of found) {
    for (const e of footprint.entities) retractedEntities.set(e.id, e.type);
    for (const key of footprint.factKeys) retractedFacts.add(key);
  }
  const removed = new Set(retractions.map((r) => r.id));

  const reopened = reopenedEntities(batch, stored, deletions, reopenState);
  const reopenedMentions: ReopenedMention[] = [];
  const seenMentions = new Set<string>();
  for (const m of reopenState.mentions) {
    const type = reopened.get(m.entityId);
    const key = `${m.entityId}\u0000${m.documentId}`;
    if (type === undefined || removed.has(m.documentId) || seenMentions.has(key)) continue;
    seenMentions.add(key);
    const info = toMentionInfo({ ...m.props, documentId: m.documentId, publishedAt: m.publishedAt });
    reopenedMentions.push({
      entityId: m.entityId,
      documentId: m.documentId,
      keys: { localId: '', type, name: info.name, names: info.names, lookupKeys: info.lookupKeys, identityKeys: info.identityKeys, candidateId: info.candidateId },
    });
  }
  const existing = existingOf([...stored.identities, ...reopenState.identities], new Set(reopened.keys()));
  const assignment = assignIds(
    docs.flatMap((p, doc) => p.keys.map((keys) => ({ doc, keys }))),
    existing,
    docs.length,
    reopenedMentions,
    { merges: reopenState.merges.map((m) => m.keys), distincts: reopenState.distincts },
  );
  const moved = new Map<string, Map<string, string>>();
  for (const p of assignment.placed) if (p.to !== p.entityId) getOrSet(moved, p.entityId, () => new Map<string, string>()).set(p.documentId, p.to);
  const movedTypes = new Map<string, EntityType>(assignment.placed.filter((p) => p.to !== p.entityId).map((p) => [p.entityId, p.type]));

  const entityRows = new Map<EntityType, Map<string, { id: string; name: string }>>();
  const mentionRows = new Map<EntityType, Map<string, BatchMention>>();
  docs.forEach(({ doc, keys }, i) => {
    const graphIds = assignment.graphIds[i]!;
    const extracted = new Map(doc.extraction.entities.map((e) => [e.id, e]));
    for (const k of keys) {
      const id = graphIds[k.localId]!;
      const entity = extracted.get(k.localId);
      const rows = getOrSet(entityRows, k.type, () => new Map<string, { id: string; name: string }>());
      if (!rows.has(id)) rows.set(id, { id, name: k.name });
      const mentions = getOrSet(mentionRows, k.type, () => new Map<string, BatchMention>());
      const mentionKey = `${doc.id}\u0000${id}`;
      const previous = mentions.get(mentionKey);
      const props: MentionProps = {
        name: k.name,
        names: k.names,
        lookupKeys: k.lookupKeys,
        identityKeys: k.identityKeys,
        candidateId: k.candidateId,
        status: propText(entity?.properties?.status),
        date: propText(entity?.properties?.date),
      };
      if (previous === undefined) mentions.set(mentionKey, { documentId: doc.id, entityId: id, props, publishedAt: doc.publishedAt });
      // Two extracted entities of one document turned out to be one graph entity.
      else previous.props = combineMentionProps(previous.props, props);
    }
  });
  const statements = docs.flatMap(({ doc }, i) =>
    statementsOf({ ...doc.extraction, document: { ...doc.extraction.document, id: doc.id } }, assignment.graphIds[i]!),
  );
  return {
    batch,
    docs,
    replaced,
    retractions,
    removed,
    retractedEntities,
    retractedFacts,
    reopened,
    reopenedMentions: reopenState.mentions.filter((m) => reopened.has(m.entityId)),
    moved,
    movedTypes,
    assignment,
    entityRows,
    mentionRows,
    statements,
  };
}

/** Where a stored mention goes: another entity (a merge, or a re-placed mention), or undefined where it stays. */
function relocation(res: Resolution): (entityId: string, documentId: string) => string | undefined {
  const into = new Map(res.assignment.merges.map((m) => [m.from, m.to]));
  return (entityId, documentId) => res.moved.get(entityId)?.get(documentId) ?? into.get(entityId);
}

/** Entities that receive mentions of others (merge winners, targets of re-placed mentions), with their type. */
function receivers(res: Resolution): Map<string, EntityType> {
  const out = new Map<string, EntityType>();
  for (const m of res.assignment.merges) out.set(m.to, m.type);
  for (const p of res.assignment.placed) if (p.to !== p.entityId) out.set(p.to, p.type);
  return out;
}

/** Step 2 of the snapshot: what the entities and facts the batch changes hold now. */
export function affectedReads(res: Resolution): AffectedRequest {
  const entities = new Map<EntityType, Set<string>>();
  const mentionsOf = new Map<EntityType, Set<string>>();
  const add = (into: Map<EntityType, Set<string>>, type: EntityType, id: string) => getOrSet(into, type, () => new Set<string>()).add(id);
  // Mentions of re-resolved entities were read before placing.
  const addMentions = (type: EntityType, id: string) => {
    if (!res.reopened.has(id)) add(mentionsOf, type, id);
  };
  for (const [id, type] of res.retractedEntities) {
    add(entities, type, id);
    addMentions(type, id);
  }
  for (const m of res.assignment.merges) {
    add(entities, m.type, m.to);
    addMentions(m.type, m.to);
    addMentions(m.type, m.from);
  }
  for (const [id, type] of receivers(res)) {
    add(entities, type, id);
    addMentions(type, id);
  }
  for (const [id, type] of res.movedTypes) add(entities, type, id);
  for (const [type, rows] of res.entityRows) for (const id of rows.keys()) add(entities, type, id);
  const edges = new Map<RelationType, Set<string>>();
  for (const s of res.statements) getOrSet(edges, s.type, () => new Set<string>()).add(s.factKey);
  const sorted = <T extends string>(m: Map<T, Set<string>>) =>
    [...m].filter(([, ids]) => ids.size > 0).map(([type, ids]) => [type, [...ids].sort()] as const);
  return {
    entities: sorted(entities),
    mentionsOf: sorted(mentionsOf),
    statementsOf: [...new Set([...res.assignment.merges.map((m) => m.from), ...res.movedTypes.keys()])].sort(),
    edges: sorted(edges),
  };
}

/** How the batch's merges and re-placed mentions rewrite stored statements (those of retracted documents are gone already). */
interface StatementRewrites {
  rewritten: Array<{ id: string; sourceId: string; targetId: string; factKey: string }>;
  /** Statements whose two ends became one entity: they state nothing and are deleted. */
  loops: string[];
  /** Facts the merges touch: old and new keys. */
  factKeys: Set<string>;
  /** New fact key -> the old keys of the statements rewritten to it. */
  origins: Map<string, Set<string>>;
}

function statementRewrites(res: Resolution, affected: AffectedState): StatementRewrites {
  const out: StatementRewrites = { rewritten: [], loops: [], factKeys: new Set(), origins: new Map() };
  if (res.assignment.merges.length === 0 && res.moved.size === 0) return out;
  const relocate = relocation(res);
  const seen = new Set<string>();
  for (const s of affected.statements) {
    if (res.removed.has(s.documentId) || seen.has(s.id)) continue;
    seen.add(s.id);
    const source = relocate(s.sourceId, s.documentId);
    const target = relocate(s.targetId, s.documentId);
    if (source === undefined && target === undefined) continue;
    const sourceId = source ?? s.sourceId;
    const targetId = target ?? s.targetId;
    out.factKeys.add(s.factKey);
    // A relation between two names of one entity states nothing (as when both names meet in one document).
    if (sourceId === targetId) {
      out.loops.push(s.id);
      continue;
    }
    const key = factKey(s.type, sourceId, targetId, s.title);
    out.factKeys.add(key);
    out.rewritten.push({ id: s.id, sourceId, targetId, factKey: key });
    getOrSet(out.origins, key, () => new Set<string>()).add(s.factKey);
  }
  return out;
}

/**
 * Judgements on facts that follow their statements to a new key: (old key ->
 * new key) where the edge of the old key is renamed, that is all of its
 * stored statements leave it (to one new key, or to several when both parts
 * get new ids) and the new key holds no stored statement from elsewhere
 * (statements the batch adds do not count). An edge a merge combines with
 * another keeps the judgements of the key it keeps and takes none; a part
 * split off an edge whose key stays (a reverted merge) takes none either:
 * carried, a judgement of one part would stay on every part.
 */
function carriedFacts(rewrites: StatementRewrites, facts: StatedFact[], removed: ReadonlySet<string>): Array<{ from: string; to: string }> {
  if (rewrites.origins.size === 0) return [];
  const rewritten = new Set(rewrites.rewritten.map((r) => r.id));
  const loops = new Set(rewrites.loops);
  // Keys that keep stored statements the batch does not rewrite.
  const kept = new Set<string>();
  for (const s of facts) {
    if (!removed.has(s.documentId) && !loops.has(s.statementId) && !rewritten.has(s.statementId)) kept.add(s.factKey);
  }
  const out: Array<{ from: string; to: string }> = [];
  for (const [to, from] of rewrites.origins) {
    if (from.size !== 1 || kept.has(to)) continue;
    const [only] = from;
    if (only !== to && !kept.has(only!)) out.push({ from: only!, to });
  }
  return out.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** Facts whose edges are recomputed from all their statements: those retracted documents or merges touched. */
function dirtyFacts(res: Resolution, rewrites: StatementRewrites): Set<string> {
  return new Set([...res.retractedFacts, ...rewrites.factKeys]);
}

/** Step 3 of the snapshot: the facts whose every statement is needed. */
export function factReads(res: Resolution, affected: AffectedState): string[] {
  return [...dirtyFacts(res, statementRewrites(res, affected))].sort();
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) getOrSet(out, keyOf(item), () => [] as T[]).push(item);
  return out;
}

function propText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const RELATION_OF_KEY = (key: string): RelationType => key.slice(0, key.indexOf('|')) as RelationType;

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

function sameProfile(current: EntityCurrent, name: string, aliases: string[], props: Record<string, unknown>): boolean {
  return (
    current.name === name &&
    JSON.stringify(current.aliases ?? null) === JSON.stringify(aliases) &&
    Object.entries(props).every(([k, v]) => JSON.stringify(current[k] ?? null) === JSON.stringify(v))
  );
}

/** A node as created by `mergeTargets` / `mergeEntities` (its profile is set later in the plan). */
function createdCurrent(name: string): EntityCurrent {
  return { name, aliases: [], searchText: name, forms: null, status: null, statusAt: null, date: null };
}

/** One MERGE per (type, source label, target label) group of aggregated edges. */
function mergeEdgeWrites(edges: EdgeRow[]): WriteOp[] {
  return [...groupBy(edges, (e) => `${e.type}|${e.sourceLabel}|${e.targetLabel}`).values()].map((group) => {
    const first = group[0]!;
    return {
      op: 'mergeEdges' as const,
      type: first.type,
      sourceLabel: first.sourceLabel,
      targetLabel: first.targetLabel,
      rows: group.map((e) => ({ key: e.key, sourceId: e.sourceId, targetId: e.targetId, props: e.props })),
    };
  });
}

/** What an entity is in the graph once the retractions, merges and the batch's own writes are done. */
interface EntityAfter {
  type: EntityType;
  current: EntityCurrent;
  links: Map<string, boolean>;
}

/**
 * The write plan: retract old versions, fold merged entities, write the
 * documents, their entities, mentions and statements, then set the profiles
 * and aggregated edges of everything that changed.
 */
export function planWrites(res: Resolution, snapshot: Pick<IngestSnapshot, 'affected' | 'facts'>, now: string): WritePlan {
  const { affected } = snapshot;
  const writes: WriteOp[] = [];
  const dirtyEntities = new Map(res.retractedEntities);
  for (const r of res.retractions) writes.push({ op: 'retractDocument', documentId: r.id, keepDocument: r.keepDocument });

  // What stays of stored mentions after the retractions: entity -> document -> mention (properties as stored).
  const mentionsNow = new Map<string, Map<string, { publishedAt: string | null; props: MentionProps }>>();
  const publishedOf = new Map<string, string | null>();
  const storedMentions: Array<{ entityId: string; documentId: string; props: MentionProps }> = [];
  for (const m of [...res.reopenedMentions, ...affected.mentions]) {
    if (res.removed.has(m.documentId) || mentionsNow.get(m.entityId)?.has(m.documentId) === true) continue;
    const props = m.props as unknown as MentionProps;
    publishedOf.set(m.documentId, m.publishedAt);
    getOrSet(mentionsNow, m.entityId, () => new Map()).set(m.documentId, { publishedAt: m.publishedAt, props });
    storedMentions.push({ entityId: m.entityId, documentId: m.documentId, props });
  }

  // ---- merges and re-placed mentions: all of the batch at once (same result as one by one: mention properties combine associatively).
  const relocate = relocation(res);
  const createdTargetName = new Map<string, string>();
  const rewrites = statementRewrites(res, affected);
  const targetsOf = receivers(res);
  if (targetsOf.size > 0) {
    // Per receiving entity and document: what every mention (staying and moving) said, combined.
    const combined = new Map<string, { type: EntityType; to: string; documentId: string; props: MentionProps; moved: boolean }>();
    const firstName = new Map<string, string>();
    const movedAway: Array<{ entityId: string; documentId: string }> = [];
    for (const row of storedMentions) {
      const away = relocate(row.entityId, row.documentId);
      const to = away ?? row.entityId;
      const type = targetsOf.get(to);
      if (away !== undefined) movedAway.push({ entityId: row.entityId, documentId: row.documentId });
      if (type === undefined) continue;
      const moved = to !== row.entityId;
      if (moved && !firstName.has(to)) firstName.set(to, String(row.props.name ?? to));
      const key = `${to}\u0000${row.documentId}`;
      const previous = combined.get(key);
      combined.set(
        key,
        previous === undefined
          ? { type, to, documentId: row.documentId, props: row.props, moved }
          : { type, to, documentId: row.documentId, props: combineMentionProps(previous.props, row.props), moved: previous.moved || moved },
      );
    }
    for (const [type, ids] of groupBy(targetsOf, ([, t]) => t)) {
      writes.push({ op: 'mergeTargets', type, rows: ids.map(([id]) => id).sort().map((id) => ({ id, name: firstName.get(id) ?? id })) });
      for (const [id] of ids) createdTargetName.set(id, firstName.get(id) ?? id);
    }
    const moving = [...combined.values()].filter((r) => r.moved);
    for (const [type, rows] of groupBy(moving, (r) => r.type)) {
      writes.push({ op: 'moveMentions', type, rows: rows.map(({ to, documentId, props }) => ({ to, documentId, props })) });
    }
    // The mentions the graph holds after the move (MERGE onto the target, SET to the combined properties).
    for (const r of moving) {
      getOrSet(mentionsNow, r.to, () => new Map()).set(r.documentId, { publishedAt: publishedOf.get(r.documentId) ?? null, props: r.props });
    }
    // Entities mentions left: deleted when nothing is left on them and nothing is placed there, else detached from the moved mentions.
    const batchIds = new Set(res.assignment.graphIds.flatMap((ids) => Object.values(ids)));
    const sourceTypes = new Map<string, EntityType>([...res.movedTypes, ...res.assignment.merges.map((m) => [m.from, m.type] as const)]);
    for (const { entityId, documentId } of movedAway) {
      if (!combined.has(`${entityId}\u0000${documentId}`)) mentionsNow.get(entityId)?.delete(documentId);
    }
    const deleted: Array<[string, EntityType]> = [];
    const detached: Array<{ type: EntityType; documentId: string; entityId: string }> = [];
    for (const [id, type] of sourceTypes) {
      const left = mentionsNow.get(id)?.size ?? 0;
      if (left === 0 && !targetsOf.has(id) && !batchIds.has(id)) deleted.push([id, type]);
      else {
        for (const m of movedAway) if (m.entityId === id && !combined.has(`${id}\u0000${m.documentId}`)) detached.push({ type, documentId: m.documentId, entityId: id });
        dirtyEntities.set(id, type);
      }
    }
    for (const [type, rows] of groupBy(detached, (r) => r.type)) {
      writes.push({ op: 'detachMentions', type, rows: rows.map(({ documentId, entityId }) => ({ documentId, entityId })) });
    }
    if (rewrites.rewritten.length > 0) writes.push({ op: 'rewriteStatements', rows: rewrites.rewritten });
    const carried = carriedFacts(rewrites, snapshot.facts, res.removed);
    if (carried.length > 0) writes.push({ op: 'carryJudgedFacts', rows: carried });
    if (rewrites.loops.length > 0) writes.push({ op: 'deleteStatements', ids: rewrites.loops });
    // Judgements naming an entity that went whole into one other follow it.
    const wentTo = new Map<string, Set<string>>();
    for (const { entityId, documentId } of movedAway) getOrSet(wentTo, entityId, () => new Set<string>()).add(relocate(entityId, documentId)!);
    const rekeyed = deleted.flatMap(([id, type]) => {
      const to = [...(wentTo.get(id) ?? [])];
      return to.length === 1 ? [{ type, from: id, to: to[0]! }] : [];
    });
    for (const [type, rows] of groupBy(rekeyed, (r) => r.type)) writes.push({ op: 'rekeyJudgements', type, rows: rows.map(({ from, to }) => ({ from, to })) });
    for (const [type, ids] of groupBy(deleted, ([, t]) => t)) writes.push({ op: 'deleteEntities', type, ids: ids.map(([id]) => id).sort() });
    for (const [id] of deleted) {
      dirtyEntities.delete(id);
      mentionsNow.delete(id);
    }
    for (const [id, type] of targetsOf) dirtyEntities.set(id, type);
  }
  const dirtyFactKeys = dirtyFacts(res, rewrites);

  // ---- the batch's documents, entities, mentions and statements: sent back to back.
  if (res.docs.length > 0) {
    const documentRows: DocumentRow[] = res.docs.map(({ doc: d }) => ({
      id: d.id,
      title: d.title,
      url: d.url,
      publishedAt: d.publishedAt,
      contentHash: d.contentHash,
      ingestedAt: now,
      text: d.text,
    }));
    writes.push({ op: 'upsertDocuments', rows: documentRows });
    for (const type of ENTITY_TYPES) {
      const rows = res.entityRows.get(type);
      if (rows !== undefined && rows.size > 0) writes.push({ op: 'mergeEntities', type, rows: [...rows.values()] });
    }
    for (const type of ENTITY_TYPES) {
      const rows = res.mentionRows.get(type);
      if (rows !== undefined && rows.size > 0) {
        writes.push({ op: 'createMentions', type, rows: [...rows.values()].map(({ documentId, entityId, props }) => ({ documentId, entityId, props })) });
      }
    }
    for (let i = 0; i < res.statements.length; i += 2000) writes.push({ op: 'createStatements', rows: res.statements.slice(i, i + 2000) });
  }
  for (const rows of res.mentionRows.values()) {
    for (const m of rows.values()) getOrSet(mentionsNow, m.entityId, () => new Map()).set(m.documentId, { publishedAt: m.publishedAt, props: m.props });
  }

  // Entities as they stand before profiles are set: stored, or just created (by a merge first, else by the batch).
  const storedEntities = new Map(affected.entities.map((e) => [e.id, e]));
  const entityAfter = (id: string, type: EntityType): EntityAfter | undefined => {
    const stored = storedEntities.get(id);
    if (stored !== undefined) {
      return { type, current: stored.current, links: new Map(stored.links.filter((l) => l.key !== null).map((l) => [l.key!, l.identity === true])) };
    }
    const name = createdTargetName.get(id) ?? res.entityRows.get(type)?.get(id)?.name;
    return name === undefined ? undefined : { type, current: createdCurrent(name), links: new Map() };
  };

  settle(writes, dirtyEntities, dirtyFactKeys, { entityAfter, mentionsNow, res, rewrites, facts: snapshot.facts });
  settleAdded(writes, res, dirtyEntities, dirtyFactKeys, entityAfter, affected.edges);

  const written = new Map<string, WrittenDocument>(
    res.docs.map(({ doc }, i) => [doc.id, { id: doc.id, outcome: res.replaced.has(doc.id) ? 'updated' : 'new', entityIds: { ...res.assignment.graphIds[i]! } }]),
  );
  return { writes, documents: res.batch.map(({ doc }) => written.get(doc.id) ?? { id: doc.id, outcome: 'unchanged', entityIds: {} }) };
}

/** Recomputes profiles of dirty entities (deleting those no document mentions) and edges of dirty facts, from all they have left. */
function settle(
  writes: WriteOp[],
  dirtyEntities: Map<string, EntityType>,
  dirtyFactKeys: Set<string>,
  ctx: {
    entityAfter: (id: string, type: EntityType) => EntityAfter | undefined;
    mentionsNow: Map<string, Map<string, { publishedAt: string | null; props: MentionProps }>>;
    res: Resolution;
    rewrites: StatementRewrites;
    facts: StatedFact[];
  },
): void {
  const byType = groupBy(dirtyEntities, ([, type]) => type);
  for (const type of ENTITY_TYPES) {
    const ids = (byType.get(type) ?? []).map(([id]) => id).sort();
    if (ids.length === 0) continue;
    const updates: ProfileRow[] = [];
    const orphans: string[] = [];
    // Alias keys that may be left pointing at nothing.
    const oldKeys: string[] = [];
    for (const id of ids) {
      const entity = ctx.entityAfter(id, type);
      if (entity === undefined) continue;
      const linked = entity.links;
      const mentions = [...(ctx.mentionsNow.get(id) ?? new Map()).entries()].map(([documentId, m]) =>
        toMentionInfo({ ...m.props, documentId, publishedAt: m.publishedAt }),
      );
      const profile = entityProfile(type, mentions);
      if (profile === null) {
        orphans.push(id);
        oldKeys.push(...linked.keys());
        continue;
      }
      const aliasKeys = profile.aliasKeys.filter((k) => linked.get(k.key) !== k.identity);
      const wanted = new Set(profile.aliasKeys.map((k) => k.key));
      const removedKeys = [...linked.keys()].filter((k) => !wanted.has(k));
      oldKeys.push(...removedKeys);
      const props = { ...profile.props, forms: profile.forms, statusAt: profile.statusAt };
      if (sameProfile(entity.current, profile.name, profile.aliases, props) && aliasKeys.length === 0 && removedKeys.length === 0) continue;
      updates.push({ id, name: profile.name, aliases: profile.aliases, searchText: profile.searchText, props, aliasKeys, removedKeys });
    }
    if (orphans.length > 0) writes.push({ op: 'deleteEntities', type, ids: orphans });
    if (updates.length > 0) writes.push({ op: 'setProfiles', type, rows: updates });
    if (oldKeys.length > 0) writes.push({ op: 'deleteOrphanAliases', keys: [...new Set(oldKeys)] });
  }

  if (dirtyFactKeys.size === 0) return;
  const keys = [...dirtyFactKeys].sort();
  // Every statement of these facts once the retractions, rewrites and the batch are done.
  const rewritten = new Map(ctx.rewrites.rewritten.map((r) => [r.id, r]));
  const loops = new Set(ctx.rewrites.loops);
  const stated: StatedFact[] = [];
  const seen = new Set<string>();
  for (const s of ctx.facts) {
    if (ctx.res.removed.has(s.documentId) || loops.has(s.statementId) || seen.has(s.statementId)) continue;
    seen.add(s.statementId);
    const r = rewritten.get(s.statementId);
    const now = r === undefined ? s : { ...s, sourceId: r.sourceId, targetId: r.targetId, factKey: r.factKey };
    if (dirtyFactKeys.has(now.factKey)) stated.push(now);
  }
  const published = new Map(ctx.res.docs.map(({ doc }) => [doc.id, doc.publishedAt]));
  for (const st of ctx.res.statements) {
    if (dirtyFactKeys.has(st.factKey)) stated.push(statedOf(st, published.get(st.documentId) ?? null));
  }
  const edges = aggregateFacts(stated);
  const withEdge = new Set(edges.map((e) => e.key));
  writes.push(...mergeEdgeWrites(edges));
  const gone = groupBy(
    keys.filter((k) => !withEdge.has(k)),
    RELATION_OF_KEY,
  );
  for (const [type, group] of gone) writes.push({ op: 'deleteEdges', type, keys: group });
}

function statedOf(st: StatementRow, publishedAt: string | null): StatedFact {
  const { id, start: _s, end: _e, text: _t, rules: _r, areas: _a, areaKeys: _k, ...rest } = st;
  return { ...rest, statementId: id, publishedAt };
}

/**
 * Entities and facts the batch only added to: updated from their stored
 * summaries and the batch's own mentions and statements, without re-reading
 * older ones (same result as recomputing). Profiles that did not change and
 * alias links that exist are not rewritten.
 */
function settleAdded(
  writes: WriteOp[],
  res: Resolution,
  dirtyEntities: Map<string, EntityType>,
  dirtyFactKeys: Set<string>,
  entityAfter: (id: string, type: EntityType) => EntityAfter | undefined,
  storedEdges: AffectedState['edges'],
): void {
  for (const type of ENTITY_TYPES) {
    const rows = [...(res.mentionRows.get(type)?.values() ?? [])].filter((m) => !dirtyEntities.has(m.entityId));
    if (rows.length === 0) continue;
    const updates: ProfileRow[] = [];
    for (const [id, mentions] of groupBy(rows, (r) => r.entityId)) {
      const entity = entityAfter(id, type);
      if (entity === undefined) continue;
      const { current } = entity;
      const addedMentions = mentions.map((m) => toMentionInfo({ ...m.props, documentId: m.documentId, publishedAt: m.publishedAt }));
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
      // A link that exists stays; its identity flag only ever turns on.
      const aliasKeys = [...new Set([...identity, ...addedMentions.flatMap((m) => m.lookupKeys)])]
        .sort()
        .map((key) => ({ key, identity: identity.has(key) }))
        .filter((k) => {
          const flag = entity.links.get(k.key);
          return flag === undefined || (k.identity && !flag);
        });
      const props = { ...profile.props, forms: profile.forms, statusAt: profile.statusAt };
      if (aliasKeys.length === 0 && sameProfile(current, profile.name, profile.aliases, props)) continue;
      updates.push({ id, name: profile.name, aliases: profile.aliases, searchText: profile.searchText, props, aliasKeys, removedKeys: [] });
    }
    if (updates.length > 0) writes.push({ op: 'addToProfiles', type, rows: updates });
  }

  const published = new Map(res.docs.map(({ doc }) => [doc.id, doc.publishedAt]));
  const added = summarizeFacts(res.statements.filter((st) => !dirtyFactKeys.has(st.factKey)).map((st) => statedOf(st, published.get(st.documentId) ?? null)));
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
    writes.push({ op: 'updateEdges', type, rows: group.map((e) => ({ key: e.key, props: e.props })) });
  }
  writes.push(...mergeEdgeWrites(edges.filter((e) => !existing.has(e.key))));
}

/**
 * The whole stage in one call, for a snapshot read in full: the plan for
 * writing `batch` and deleting `deletions`. (The ingestion transaction runs
 * the same steps, reading each part of the snapshot when it is asked for.)
 */
export function planIngest(batch: DocumentToWrite[], snapshot: IngestSnapshot, options: { now: string; deletions?: string[] }): WritePlan {
  const res = resolveBatch(prepareDocuments(batch), snapshot.stored, options.deletions ?? [], snapshot.reopened ?? EMPTY_REOPEN);
  return planWrites(res, snapshot, options.now);
}

/** Graph ids the entities of one document have (or would get), from the identities its keys lead to: for unchanged documents. */
export function entityIdsOf(prepared: PreparedDocument, identities: IdentityRow[]): Record<string, string> {
  const existing = existingOf(identities);
  const assignment = assignIds(
    prepared.keys.map((keys) => ({ doc: 0, keys })),
    existing,
    1,
  );
  return { ...assignment.graphIds[0]! };
}
