/**
 * The contract between resolution and the graph layer (see
 * docs/architecture.md): what `src/graph` reads for a batch (the snapshot of
 * the affected part of the graph) and the write plan `src/resolve` makes from
 * it. Plain data only, so resolution is a pure function tested without Neo4j
 * and the graph layer applies plans without knowing how they were made.
 */
import type { EntityType, ExtractionResult, RelationType } from './types.ts';

// ------------------------------------------------------------ documents

/** A document ready to write: its extraction plus what ingestion knows about it. */
export interface DocumentToWrite {
  id: string;
  text: string;
  contentHash: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  extraction: ExtractionResult;
  /** True when the caller saw a previous version in the graph (decided again under the ingestion lock). */
  replaces: boolean;
  /** Write even when the stored version has the same content hash (re-extraction after an extractor change). */
  rewrite?: boolean;
}

/** The Document node's properties. */
export interface DocumentRow {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  contentHash: string;
  ingestedAt: string;
  text: string;
}

/** What one document says about one entity: the MENTIONS edge's properties (one per document and entity). */
export interface MentionProps {
  name: string;
  names: string[];
  lookupKeys: string[];
  identityKeys: string[];
  candidateId: string;
  status: string | null;
  date: string | null;
}

/** A MENTIONS edge to create or move. */
export interface MentionRow {
  documentId: string;
  entityId: string;
  props: MentionProps;
}

/** A provenance node's properties (null where the relation type has no such field). */
export interface StatementRow {
  id: string;
  factKey: string;
  type: RelationType;
  sourceId: string;
  targetId: string;
  sourceLabel: EntityType;
  targetLabel: EntityType;
  kind: string | null;
  date: string | null;
  status: string | null;
  title: string | null;
  role: string | null;
  start: number;
  end: number;
  text: string;
  /** Ids of the extraction rules that produced the relation (src/extract/rules.ts); [] from older extractions. */
  rules: string[];
  /** PARTNERS_WITH: the cooperation areas (Topic names) its own sentence names; [] otherwise. */
  areas: string[];
  /** `aliasKey('Topic', area)` of each area: how the API finds their Topic nodes, whatever became of their ids. */
  areaKeys: string[];
  documentId: string;
}

/** A statement as read back for aggregation: its row (without the sentence, its rules and areas) plus the document's date. */
export interface StatedFact extends Omit<StatementRow, 'id' | 'start' | 'end' | 'text' | 'rules' | 'areas' | 'areaKeys'> {
  statementId: string;
  publishedAt: string | null;
}

// ------------------------------------------------------------ snapshot

/** An entity already in the graph that holds an identity key. */
export interface ExistingIdentity {
  key: string;
  id: string;
  type: EntityType;
}

/** A stored document: its hash and what it supports now (entities it mentions, facts it states). */
export interface StoredDocument {
  id: string;
  contentHash: string;
  entities: Array<{ id: string; type: EntityType }>;
  factKeys: string[];
}

/** A graph entity holding an identity key, as read (keys start with their entity type: `Organization|...`). */
export interface IdentityRow {
  key: string;
  id: string;
}

/** What resolution asks for first: the batch's documents as stored, and who holds its identity keys. */
export interface FirstRequest {
  documentIds: string[];
  identityKeys: string[];
}

/** Answers to a FirstRequest (only stored documents are returned). */
export interface StoredBatch {
  documents: StoredDocument[];
  identities: IdentityRow[];
}

/**
 * What resolution asks for before it places entities (repeated until it asks
 * for nothing): every mention of stored entities it re-resolves (those holding
 * weak keys, those a retracted document mentioned), and who holds the keys
 * those mentions lead to.
 */
export interface ReopenRequest {
  mentionsOf: Array<readonly [EntityType, string[]]>;
  identityKeys: string[];
  /** Keys whose merge and distinct judgements in force are asked for. */
  judgedKeys: string[];
}

/** A merge judgement in force: identity keys ingestion keeps in one entity. */
export interface JudgedMerge {
  id: string;
  keys: string[];
}

/** A distinct judgement in force: no entity may hold anchor keys of both sides. */
export interface JudgedDistinct {
  id: string;
  a: string[];
  b: string[];
}

/** Judgements in force found by their keys. */
export interface JudgedIdentities {
  merges: JudgedMerge[];
  distincts: JudgedDistinct[];
}

/** Everything read for re-resolution so far (empty before the first ReopenRequest). */
export interface ReopenState {
  /** Identity keys looked up after the first read. */
  lookedUp: string[];
  /** Entities whose mentions were read. */
  read: string[];
  identities: IdentityRow[];
  mentions: StoredMention[];
  /** Keys whose merge and distinct judgements were asked for, and the judgements found. */
  judgedAsked: string[];
  merges: JudgedMerge[];
  distincts: JudgedDistinct[];
  /** Keys whose holders are re-resolved whatever the batch (a judgement just made or reverted). */
  forcedKeys: string[];
}

/** What resolution asks for once it knows the documents to write and their entities' graph ids. */
export interface AffectedRequest {
  /** Entities whose stored properties and alias links are needed. */
  entities: Array<readonly [EntityType, string[]]>;
  /** Entities whose every mention is needed (their profile is recomputed, or they merge). */
  mentionsOf: Array<readonly [EntityType, string[]]>;
  /** Entities folded into others: the statements naming them are rewritten. */
  statementsOf: string[];
  /** Aggregated edges the batch adds statements to. */
  edges: Array<readonly [RelationType, string[]]>;
}

/** Stored derived properties of an entity (`e {.name, .aliases, ...}`: absent properties are null). */
export interface EntityCurrent {
  name?: unknown;
  aliases?: unknown;
  searchText?: unknown;
  forms?: unknown;
  status?: unknown;
  statusAt?: unknown;
  date?: unknown;
  [key: string]: unknown;
}

export interface StoredEntity {
  id: string;
  current: EntityCurrent;
  /** Alias keys linked to the entity, with their identity flag. */
  links: Array<{ key: string | null; identity: boolean | null }>;
}

/** A MENTIONS edge as stored, with its document's id and date. */
export interface StoredMention {
  entityId: string;
  documentId: string;
  publishedAt: string | null;
  props: Record<string, unknown>;
}

/** A statement naming an entity that is folded into another. */
export interface StatementEnds {
  id: string;
  type: RelationType;
  sourceId: string;
  targetId: string;
  title: string | null;
  factKey: string;
  documentId: string;
}

/** Answers to an AffectedRequest (only what exists is returned). */
export interface AffectedState {
  entities: StoredEntity[];
  mentions: StoredMention[];
  statements: StatementEnds[];
  edges: Array<{ key: string; props: Record<string, unknown> }>;
}

/** Everything read for one batch, in the order it was read (the last part: every statement of the facts to recompute). */
export interface IngestSnapshot {
  stored: StoredBatch;
  /** Mentions of re-resolved entities and the identities they lead to (absent: nothing re-resolved). */
  reopened?: ReopenState;
  affected: AffectedState;
  facts: StatedFact[];
}

// ------------------------------------------------------------ plan

/** Derived properties of an entity and the alias links to add or remove. */
export interface ProfileRow {
  id: string;
  name: string;
  aliases: string[];
  searchText: string;
  /** Type properties and the stored summary (forms, statusAt). */
  props: Record<string, unknown>;
  /** Alias keys to link (new, or whose identity flag changed). */
  aliasKeys: Array<{ key: string; identity: boolean }>;
  /** Alias keys to unlink. */
  removedKeys: string[];
}

export interface EdgeWriteRow {
  key: string;
  sourceId: string;
  targetId: string;
  props: Record<string, unknown>;
}

/**
 * One write of a plan. Each names one query builder of graph/ingest-queries.ts;
 * labels and relationship types come from the closed unions of model/types.ts.
 */
export type WriteOp =
  /** Deletes a document's statements and mentions (and the Document unless kept). */
  | { op: 'retractDocument'; documentId: string; keepDocument: boolean }
  /** Creates surviving entities of merges that do not exist yet. */
  | { op: 'mergeTargets'; type: EntityType; rows: Array<{ id: string; name: string }> }
  /** Moves mentions onto surviving entities (MERGE, combined properties). */
  | { op: 'moveMentions'; type: EntityType; rows: Array<{ to: string; documentId: string; props: MentionProps }> }
  /** Points the judgements naming an entity folded away at the entity it went into. */
  | { op: 'rekeyJudgements'; type: EntityType; rows: Array<{ from: string; to: string }> }
  /** Removes mentions moved off an entity that stays (it keeps other mentions). */
  | { op: 'detachMentions'; type: EntityType; rows: Array<{ documentId: string; entityId: string }> }
  | { op: 'rewriteStatements'; rows: Array<{ id: string; sourceId: string; targetId: string; factKey: string }> }
  /** Every judgement of the fact `from` (a JudgedFact key) judges the fact `to` too; `to`'s standing state is settled again. */
  | { op: 'carryJudgedFacts'; rows: Array<{ from: string; to: string }> }
  | { op: 'deleteStatements'; ids: string[] }
  | { op: 'deleteEntities'; type: EntityType; ids: string[] }
  | { op: 'upsertDocuments'; rows: DocumentRow[] }
  /** Creates missing entity nodes (their profile is set by a later write). */
  | { op: 'mergeEntities'; type: EntityType; rows: Array<{ id: string; name: string }> }
  | { op: 'createMentions'; type: EntityType; rows: MentionRow[] }
  | { op: 'createStatements'; rows: StatementRow[] }
  /** Sets profiles computed from every mention; links and unlinks alias keys. */
  | { op: 'setProfiles'; type: EntityType; rows: ProfileRow[] }
  /** Sets profiles updated from stored summaries; links alias keys (identity flags only turn on). */
  | { op: 'addToProfiles'; type: EntityType; rows: ProfileRow[] }
  | { op: 'deleteOrphanAliases'; keys: string[] }
  | { op: 'mergeEdges'; type: RelationType; sourceLabel: EntityType; targetLabel: EntityType; rows: EdgeWriteRow[] }
  | { op: 'updateEdges'; type: RelationType; rows: Array<{ key: string; props: Record<string, unknown> }> }
  | { op: 'deleteEdges'; type: RelationType; keys: string[] };

export interface WrittenDocument {
  id: string;
  /** What the transaction found and did, decided under the ingestion lock. */
  outcome: 'new' | 'updated' | 'unchanged';
  /** Local entity id (e1 ...) to graph id. */
  entityIds: Record<string, string>;
}

/** Writes in the order they run (one transaction), and what they do to each document of the batch. */
export interface WritePlan {
  writes: WriteOp[];
  documents: WrittenDocument[];
}
