/**
 * The change feed's store: (:Change) nodes written in the same transaction
 * as the ingestion or deletion that caused them, numbered by one counter
 * ((:ChangeSequence)). Writers hold the ingestion lock while they number
 * their changes, so sequence numbers commit in order: a reader that has seen
 * number n never later finds a smaller one (keyset cursors and followers rely
 * on it).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ChangeDraft, ChangeStatement, FactState, TrackedRelation } from '../model/changes.ts';
import { TRACKED_RELATIONS, diffFacts, evidenceFor, organizationIdsOf } from '../model/changes.ts';
import type { CypherQuery } from './executor.ts';

/** A written document as its changes name it. */
export interface ChangeDocument {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** A stored change, as the API reads it. */
export interface ChangeRow extends Pick<ChangeDraft, 'subject' | 'object' | 'parties' | 'kinds' | 'from' | 'to' | 'title'> {
  seq: number;
  at: string;
  kind: string;
  document: ChangeDocument | null;
  evidence: { text: string; start: number; end: number; rules: string[]; date: string | null } | null;
}

const relationOf = (key: string) => key.slice(0, key.indexOf('|'));

function entityMap(v: string, label: string): string {
  return `{id: ${v}.id, name: coalesce(${v}.name, ${v}.id), label: ${label}}`;
}

/** The stored state of the tracked facts among `keys` (one index seek per key). */
export function factStatesQuery(keys: readonly string[]): CypherQuery {
  const byType: Record<TrackedRelation, string[]> = { PARTNERS_WITH: [], HOLDS_ROLE: [], PARTY_TO: [] };
  for (const key of new Set(keys)) {
    const type = relationOf(key);
    if ((TRACKED_RELATIONS as readonly string[]).includes(type)) byType[type as TrackedRelation].push(key);
  }
  const part = (type: TrackedRelation, param: string, target: string, extra: string) => `CALL () {
  UNWIND $${param} AS key
  MATCH (a)-[r:${type} {key: key}]->(b) USING INDEX r:${type}(key)
  RETURN collect({key: key, type: '${type}', source: ${entityMap('a', "head(labels(a))")}, target: ${entityMap('b', target)}, ${extra}}) AS ${param}
}`;
  return {
    cypher: `${part('PARTNERS_WITH', 'partners', "'Organization'", "kinds: coalesce(r.kinds, []), status: coalesce(r.status, 'active'), statusAt: r.statusAt, title: null")}
${part('HOLDS_ROLE', 'roles', "'Organization'", 'kinds: [], status: null, statusAt: null, title: r.title')}
${part('PARTY_TO', 'parties', "CASE WHEN b:Agreement THEN 'Agreement' ELSE 'Programme' END", 'kinds: [], status: r.status, statusAt: r.statusAt, title: null')}
RETURN partners + roles + parties AS facts`,
    params: { partners: byType.PARTNERS_WITH.sort(), roles: byType.HOLDS_ROLE.sort(), parties: byType.PARTY_TO.sort() },
  };
}

/** Statements of the given documents that state any of the given facts. */
export function changeStatementsQuery(keys: readonly string[], documentIds: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (s:Statement {factKey: key}) USING INDEX SEEK s:Statement(factKey)
WHERE s.documentId IN $documentIds
RETURN s.id AS id, s.factKey AS factKey, s.documentId AS documentId, s.kind AS kind, s.status AS status,
  s.text AS text, s.start AS start, s.end AS end, coalesce(s.rules, []) AS rules, s.date AS date`,
    params: { keys: [...new Set(keys)].sort(), documentIds: [...documentIds] },
  };
}

/** Numbers and creates the changes (flat property maps) after the last recorded one. */
export function recordChangesQuery(changes: readonly Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `MERGE (sequence:ChangeSequence {id: 'changes'})
ON CREATE SET sequence.last = 0
WITH sequence, sequence.last AS base
SET sequence.last = base + size($changes)
WITH base
UNWIND range(0, size($changes) - 1) AS i
CREATE (c:Change)
SET c = $changes[i], c.seq = base + i + 1`,
    params: { changes: [...changes] },
  };
}

export interface ChangesInput {
  /** Changes after this sequence number (0: from the start). */
  after: number;
  /** ISO instant: changes recorded at or after it; null for any. */
  since: string | null;
  /** ChangeKind values; null for any. */
  kinds: readonly string[] | null;
  /** Organisation id a change must concern; null for any. */
  organizationId: string | null;
  /** Page size; one more is read to tell whether another page follows. */
  limit: number;
  /** Newest first: `after` then means changes before that sequence number (0: from the newest). */
  newestFirst?: boolean;
}

/** One page of the feed, oldest (or newest) first, from a keyset cursor (the sequence number). */
export function changesQuery(input: ChangesInput): CypherQuery {
  const newest = input.newestFirst === true;
  return {
    cypher: `MATCH (c:Change)
WHERE ${newest ? '($after = 0 OR c.seq < $after)' : 'c.seq > $after'}
  AND ($since IS NULL OR c.at >= $since)
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($organizationId IS NULL OR $organizationId IN c.organizationIds)
WITH c ORDER BY c.seq ${newest ? 'DESC' : 'ASC'}
LIMIT toInteger($limit)
RETURN c.seq AS seq, c.at AS at, c.kind AS kind, c.json AS json`,
    params: { after: input.after, since: input.since, kinds: input.kinds === null ? null : [...input.kinds], organizationId: input.organizationId, limit: input.limit },
  };
}

/** The last sequence number recorded (0 when none). */
export function lastChangeQuery(): CypherQuery {
  return { cypher: "OPTIONAL MATCH (s:ChangeSequence {id: 'changes'}) RETURN coalesce(s.last, 0) AS last", params: {} };
}

/** A stored change's row from what `changesQuery` returns. */
export function changeRowOf(row: { seq: number; at: string; kind: string; json: string }): ChangeRow {
  const body = JSON.parse(row.json) as Omit<ChangeRow, 'seq' | 'at' | 'kind'>;
  return { ...body, seq: row.seq, at: row.at, kind: row.kind };
}

/** Flattens a change for storage: the fields queries filter on as properties, the rest as one JSON text. */
function stored(at: string, change: ChangeDraft, document: ChangeDocument | null, evidence: ChangeStatement | null): Record<string, unknown> {
  const body: Omit<ChangeRow, 'seq' | 'at' | 'kind'> = {
    subject: change.subject,
    object: change.object,
    parties: change.parties,
    kinds: change.kinds,
    from: change.from,
    to: change.to,
    title: change.title,
    document,
    evidence: evidence === null ? null : { text: evidence.text, start: evidence.start, end: evidence.end, rules: evidence.rules, date: evidence.date },
  };
  return { at, kind: change.kind, documentId: document?.id ?? null, organizationIds: organizationIdsOf(change), json: JSON.stringify(body) };
}

function factMap(facts: FactState[]): Map<string, FactState> {
  return new Map(facts.map((f) => [f.key, f]));
}

/**
 * Records what one ingestion or deletion transaction changes: `snapshot`
 * the facts it will touch before the edges are recomputed, then
 * `recordIngest` or `recordDeletion` after. Runs on the transaction itself
 * (its counters stay those of the documents' facts).
 */
export class ChangeRecorder {
  private keys: string[] = [];
  private before = new Map<string, FactState>();

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly at: string,
  ) {}

  private async rows<T>(query: CypherQuery): Promise<T[]> {
    // As for the rest of the write path (WRITE_PATH_PLAN_OPTIONS in write-documents.ts): these
    // statements seek by index whatever the counts, so their first plan stays good; replanning
    // them while a young graph grows cost more than the queries themselves.
    const result = await this.tx.run(`CYPHER replan=skip\n${query.cypher}`, query.params);
    return result.records.map((r) => r.toObject() as T);
  }

  private async states(): Promise<Map<string, FactState>> {
    if (this.keys.length === 0) return new Map();
    const [row] = await this.rows<{ facts: FactState[] }>(factStatesQuery(this.keys));
    return factMap(row?.facts ?? []);
  }

  /** Reads the current state of the facts among `keys` (call before their edges change). */
  async snapshot(keys: Iterable<string>): Promise<void> {
    this.keys = [...new Set(keys)].filter((k) => (TRACKED_RELATIONS as readonly string[]).includes(relationOf(k))).sort();
    this.before = await this.states();
  }

  private async write(changes: Record<string, unknown>[]): Promise<number> {
    if (changes.length > 0) await this.rows(recordChangesQuery(changes));
    return changes.length;
  }

  /** Records the changes the written documents made, each with its document and sentence. */
  async recordIngest(documents: readonly ChangeDocument[]): Promise<number> {
    const changes = diffFacts(this.before, await this.states());
    if (changes.length === 0) return 0;
    const statements = await this.rows<ChangeStatement>(
      changeStatementsQuery(
        changes.flatMap((c) => c.factKeys),
        documents.map((d) => d.id),
      ),
    );
    const byId = new Map(documents.map((d) => [d.id, d]));
    return this.write(
      changes.map((change) => {
        const evidence = evidenceFor(change, statements);
        const document = evidence === null ? (documents.length === 1 ? documents[0]! : null) : (byId.get(evidence.documentId) ?? null);
        return stored(this.at, change, document === null ? null : { id: document.id, title: document.title, url: document.url, publishedAt: document.publishedAt }, evidence);
      }),
    );
  }

  /** Records the deletion of a document and what it took with it. */
  async recordDeletion(documentId: string): Promise<number> {
    const document: ChangeDocument = { id: documentId, title: null, url: null, publishedAt: null };
    const changes = diffFacts(this.before, await this.states());
    const deleted: ChangeDraft = { kind: 'DOCUMENT_DELETED', factKeys: [], subject: null, object: null, parties: [], kinds: [], from: null, to: null, title: null };
    return this.write([stored(this.at, deleted, document, null), ...changes.map((c) => stored(this.at, c, document, null))]);
  }
}
