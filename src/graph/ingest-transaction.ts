/**
 * The graph side of ingestion: one managed write transaction per batch that
 * takes the ingestion lock, reads the snapshot resolution asks for, and
 * applies the write plan it returns (src/resolve/plan.ts makes the plan; this
 * module never decides what to write). A failure never leaves half a batch,
 * and the content hash lands together with the facts (a re-run after a
 * failure simply redoes the batch).
 */
import type { ManagedTransaction, ResultSummary } from 'neo4j-driver';
import type { EntityType } from '../model/types.ts';
import type {
  AffectedRequest,
  AffectedState,
  FirstRequest,
  IdentityRow,
  JudgedIdentities,
  ReopenRequest,
  StatedFact,
  StatementEnds,
  StoredBatch,
  StoredDocument,
  StoredEntity,
  StoredMention,
  WriteOp,
} from '../model/write-plan.ts';
import { createLogger } from '../log.ts';
import { ChangeRecorder } from './changes.ts';
import type { CypherQuery, Graph } from './executor.ts';
import {
  acquireIngestLockQuery,
  addToProfilesQuery,
  carryJudgedFactsQuery,
  createStatementsQuery,
  deleteEdgesQuery,
  deleteEntitiesQuery,
  deleteOrphanAliasesQuery,
  deleteStatementsQuery,
  detachMentionsQuery,
  documentHashesQuery,
  edgesByKeysQuery,
  entitySummariesByTypeQuery,
  factStatementsQuery,
  identityLookupQuery,
  judgedIdentitiesQuery,
  rekeyJudgementsQuery,
  mentionRowsOfEntitiesQuery,
  mergeEdgesQuery,
  mergeEntitiesQuery,
  mergeMentionsQuery,
  mergeTargetsQuery,
  moveMentionsToQuery,
  releaseIngestLockQuery,
  retractDocumentQuery,
  rewriteStatementsQuery,
  statementsOfEntitiesQuery,
  storedDocumentsQuery,
  updateEdgesQuery,
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

/** The query that carries out one write of a plan. */
export function queryOfWrite(write: WriteOp): CypherQuery {
  switch (write.op) {
    case 'retractDocument':
      return retractDocumentQuery(write.documentId, write.keepDocument);
    case 'mergeTargets':
      return mergeTargetsQuery(write.type, write.rows);
    case 'moveMentions':
      return moveMentionsToQuery(write.type, write.rows);
    case 'rekeyJudgements':
      return rekeyJudgementsQuery(write.type, write.rows);
    case 'detachMentions':
      return detachMentionsQuery(write.type, write.rows);
    case 'rewriteStatements':
      return rewriteStatementsQuery(write.rows);
    case 'carryJudgedFacts':
      return carryJudgedFactsQuery(write.rows);
    case 'deleteStatements':
      return deleteStatementsQuery(write.ids);
    case 'deleteEntities':
      return deleteEntitiesQuery(write.type, write.ids);
    case 'upsertDocuments':
      return upsertDocumentsQuery(write.rows);
    case 'mergeEntities':
      return mergeEntitiesQuery(write.type, write.rows);
    case 'createMentions':
      return mergeMentionsQuery(write.type, write.rows);
    case 'createStatements':
      return createStatementsQuery(write.rows as unknown as Array<Record<string, unknown>>);
    case 'setProfiles':
      return updateProfilesQuery(write.type, write.rows);
    case 'addToProfiles':
      return addToProfilesQuery(write.type, write.rows);
    case 'deleteOrphanAliases':
      return deleteOrphanAliasesQuery(write.keys);
    case 'mergeEdges':
      return mergeEdgesQuery(write.type, write.sourceLabel, write.targetLabel, write.rows);
    case 'updateEdges':
      return updateEdgesQuery(write.type, write.rows);
    case 'deleteEdges':
      return deleteEdgesQuery(write.type, write.keys);
    default: {
      const unknown: never = write;
      throw new Error(`Invariant violation: unknown write ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * One ingestion transaction, holding the ingestion lock: reads the parts of
 * the snapshot it is asked for and applies write plans. Reads sent together
 * are pipelined (one round trip's wait).
 */
export class IngestTransaction {
  readonly counters = emptyCounters();
  constructor(private readonly tx: ManagedTransaction) {}

  /** The change feed's recorder, on this transaction (its writes stay out of the counters). */
  changeRecorder(at: string): ChangeRecorder {
    return new ChangeRecorder(this.tx, at);
  }

  /** Step 1: the documents as stored (with what they support) and the entities holding the identity keys. */
  async readStored(request: FirstRequest): Promise<StoredBatch> {
    const [documents, identities] = await Promise.all([
      request.documentIds.length === 0
        ? []
        : this.run<{ id: string; contentHash: string | null; entities: Array<{ id: string | null; type: EntityType | null }>; factKeys: string[] }>(
            storedDocumentsQuery(request.documentIds),
          ),
      request.identityKeys.length === 0 ? [] : this.run<IdentityRow>(identityLookupQuery(request.identityKeys)),
    ]);
    return {
      documents: documents.map(
        (d): StoredDocument => ({
          id: d.id,
          contentHash: d.contentHash ?? '',
          entities: d.entities.filter((e): e is { id: string; type: EntityType } => e.id !== null && e.type !== null),
          factKeys: d.factKeys,
        }),
      ),
      identities,
    };
  }

  /** Before placing: mentions of re-resolved entities and the entities holding further keys. */
  async readReopen(request: ReopenRequest): Promise<{ mentions: StoredMention[]; identities: IdentityRow[] } & JudgedIdentities> {
    const [mentions, identities, judged] = await Promise.all([
      request.mentionsOf.length === 0 ? [] : this.run<StoredMention>(mentionRowsOfEntitiesQuery(request.mentionsOf)),
      request.identityKeys.length === 0 ? [] : this.run<IdentityRow>(identityLookupQuery(request.identityKeys)),
      request.judgedKeys.length === 0 ? [] : this.run<{ id: string; kind: string; keys: string[]; a: string[]; b: string[] }>(judgedIdentitiesQuery(request.judgedKeys)),
    ]);
    return {
      mentions,
      identities,
      merges: judged.filter((j) => j.kind === 'merge').map(({ id, keys }) => ({ id, keys })),
      distincts: judged.filter((j) => j.kind === 'distinct').map(({ id, a, b }) => ({ id, a, b })),
    };
  }

  /** Step 2: stored entities, mentions, statements and edges the batch changes. */
  async readAffected(request: AffectedRequest): Promise<AffectedState> {
    const [entities, mentions, statements, edges] = await Promise.all([
      request.entities.length === 0 ? [] : this.run<StoredEntity>(entitySummariesByTypeQuery(request.entities)),
      request.mentionsOf.length === 0 ? [] : this.run<StoredMention>(mentionRowsOfEntitiesQuery(request.mentionsOf)),
      request.statementsOf.length === 0 ? [] : this.run<StatementEnds>(statementsOfEntitiesQuery(request.statementsOf)),
      request.edges.length === 0 ? [] : this.run<{ key: string; props: Record<string, unknown> }>(edgesByKeysQuery(request.edges)),
    ]);
    return { entities, mentions, statements, edges };
  }

  /** Step 3: every statement of the given facts, with its document's date. */
  async readFacts(keys: string[]): Promise<StatedFact[]> {
    return keys.length === 0 ? [] : this.run<StatedFact>(factStatementsQuery(keys));
  }

  /**
   * Applies the writes of a plan in order, sent back to back (the driver
   * pipelines them in the transaction): one round trip's wait, and each
   * query keeps its own cached plan.
   */
  async apply(writes: WriteOp[]): Promise<void> {
    if (writes.length === 0) return;
    const started = performance.now();
    const queries = writes.map(queryOfWrite);
    const pending = queries.map((q) => this.tx.run(withPlanOptions(q), q.params));
    const settled = await Promise.allSettled(pending.map((p) => Promise.resolve(p)));
    for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
    for (const outcome of settled) if (outcome.status === 'fulfilled') this.count(outcome.value.summary);
    log.debug(`${(performance.now() - started).toFixed(1)} ms ${writes.length} writes: ${writes.map((w) => w.op).join(' ')}`);
  }

  /** Takes the ingestion lock (waits while another transaction holds it); not counted as a change. */
  async lock(): Promise<void> {
    const query = acquireIngestLockQuery();
    await this.tx.run(withPlanOptions(query), query.params);
  }

  /** Removes the lock node; the lock itself is released when the transaction ends. */
  async unlock(): Promise<void> {
    const query = releaseIngestLockQuery();
    await this.tx.run(withPlanOptions(query), query.params);
  }

  private async run<T>(query: CypherQuery): Promise<T[]> {
    const started = performance.now();
    const result = await this.tx.run(withPlanOptions(query), query.params);
    log.debug(`${(performance.now() - started).toFixed(1)} ms ${query.cypher.split('\n').slice(0, 2).join(' ')}`);
    this.count(result.summary);
    return result.records.map((r) => r.toObject() as T);
  }

  private count(summary: ResultSummary): void {
    const u = summary.counters.updates();
    this.counters.nodesCreated += u.nodesCreated;
    this.counters.nodesDeleted += u.nodesDeleted;
    this.counters.relationshipsCreated += u.relationshipsCreated;
    this.counters.relationshipsDeleted += u.relationshipsDeleted;
  }
}

/**
 * Runs `work` in one managed write transaction under the ingestion lock
 * (retried whole on transient errors; WRITE_TIMEOUT_MS), and returns what it
 * returned with the counters of its writes.
 */
export async function inIngestTransaction<T>(
  graph: Graph,
  purpose: string,
  work: (tx: IngestTransaction) => Promise<T>,
): Promise<{ result: T; counters: WriteCounters }> {
  return graph.write(
    async (transaction) => {
      const tx = new IngestTransaction(transaction);
      await tx.lock();
      const result = await work(tx);
      await tx.unlock();
      return { result, counters: tx.counters };
    },
    { purpose },
  );
}

/** Stored content hashes for a set of document ids (one query, outside any ingestion transaction). */
export async function readDocumentHashes(graph: Graph, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await graph.readRows<{ id: string; contentHash: string | null }>(documentHashesQuery(ids), { purpose: 'ingest-hashes' });
  return new Map(rows.map((r) => [r.id, r.contentHash ?? '']));
}

/** Graph entities holding any of the identity keys (outside any ingestion transaction: for unchanged documents). */
export async function readIdentities(graph: Graph, keys: string[]): Promise<IdentityRow[]> {
  if (keys.length === 0) return [];
  return graph.readRows<IdentityRow>(identityLookupQuery(keys), { purpose: 'ingest-resolve' });
}
