/**
 * Query builders for ingestion and deletion. Labels and relationship types
 * are interpolated only from the closed unions below (fixed maps), values
 * always travel as parameters. Every MATCH names the index it seeks
 * (`USING INDEX SEEK`): the write path keeps its first plans (see
 * ingest-transaction.ts), and on a young graph the planner would otherwise pick
 * index scans (tests/integration/write-plans.int.test.ts).
 */
import type { EntityType, RelationType } from '../model/types.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../model/types.ts';
import type { DocumentRow, MentionProps, MentionRow, ProfileRow } from '../model/write-plan.ts';
import type { CypherQuery } from './executor.ts';
import { FACT_STATE } from './judgements.ts';

export type { DocumentRow, MentionRow, ProfileRow } from '../model/write-plan.ts';

const LABEL: Readonly<Record<EntityType, string>> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])) as Record<EntityType, string>;
const REL: Readonly<Record<RelationType, string>> = Object.fromEntries(RELATION_TYPES.map((t) => [t, t])) as Record<RelationType, string>;

function label(type: EntityType): string {
  const value = LABEL[type];
  if (value === undefined) throw new Error(`Invariant violation: unknown entity label ${String(type)}`);
  return value;
}

function relType(type: RelationType): string {
  const value = REL[type];
  if (value === undefined) throw new Error(`Invariant violation: unknown relationship type ${String(type)}`);
  return value;
}

/** Stored content hashes of the given document ids (missing ids are new). */
export function documentHashesQuery(ids: string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (d:Document {id: id}) USING INDEX SEEK d:Document(id) RETURN d.id AS id, d.contentHash AS contentHash',
    params: { ids },
  };
}

/**
 * Serialises ingestion writes across processes: the first statement of every
 * ingestion transaction MERGEs this node, whose uniqueness constraint makes a
 * second transaction wait for the first to commit; the last statement deletes
 * it again, so nothing stays in the graph. Two ingests at once then give the
 * same graph as one after the other, without deadlocks between their batches.
 */
export const INGEST_LOCK_ID = 'ingest';

export function acquireIngestLockQuery(): CypherQuery {
  return { cypher: 'MERGE (l:IngestLock {id: $id}) SET l.at = timestamp()', params: { id: INGEST_LOCK_ID } };
}

export function releaseIngestLockQuery(): CypherQuery {
  return { cypher: 'MATCH (l:IngestLock {id: $id}) USING INDEX SEEK l:IngestLock(id) DELETE l', params: { id: INGEST_LOCK_ID } };
}

/**
 * Entities already linked to any of the identity keys (keys start with their
 * entity type: `Organization|...`), each with every identity key it holds:
 * identity needs to know, e.g., whether an organisation found by its full
 * name also holds an acronym weakly.
 */
export function identityLookupQuery(keys: string[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $keys AS key',
      'MATCH (a:Alias {key: key})-[r:ALIAS_OF]->(e) USING INDEX SEEK a:Alias(key)',
      'WHERE r.identity',
      'WITH DISTINCT e',
      'MATCH (b:Alias)-[s:ALIAS_OF]->(e)',
      'WHERE s.identity',
      'RETURN b.key AS key, e.id AS id',
    ].join('\n'),
    params: { keys },
  };
}

/** Stored documents among the ids: content hash, entities they mention and facts they state (their retraction's footprint). */
export function storedDocumentsQuery(ids: string[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $ids AS id',
      'MATCH (d:Document {id: id}) USING INDEX SEEK d:Document(id)',
      'CALL (d) { OPTIONAL MATCH (d)-[:MENTIONS]->(e) RETURN collect(DISTINCT {id: e.id, type: [l IN labels(e) WHERE l IN $labels][0]}) AS entities }',
      'CALL (d) { OPTIONAL MATCH (s:Statement)-[:STATED_IN]->(d) RETURN collect(DISTINCT s.factKey) AS factKeys }',
      'RETURN id, d.contentHash AS contentHash, entities, factKeys',
    ].join('\n'),
    params: { ids, labels: [...ENTITY_TYPES] },
  };
}

/** Removes a document's statements and mentions; the Document node too unless `keepDocument`. */
export function retractDocumentQuery(id: string, keepDocument: boolean): CypherQuery {
  return {
    cypher: keepDocument
      ? [
          'MATCH (d:Document {id: $id}) USING INDEX SEEK d:Document(id)',
          'CALL (d) { OPTIONAL MATCH (s:Statement)-[:STATED_IN]->(d) DETACH DELETE s }',
          'CALL (d) { OPTIONAL MATCH (d)-[m:MENTIONS]->() DELETE m }',
        ].join('\n')
      : ['MATCH (d:Document {id: $id}) USING INDEX SEEK d:Document(id)', 'CALL (d) { OPTIONAL MATCH (s:Statement)-[:STATED_IN]->(d) DETACH DELETE s }', 'DETACH DELETE d'].join('\n'),
    params: { id },
  };
}

export function upsertDocumentsQuery(rows: DocumentRow[]): CypherQuery {
  return {
    cypher: 'UNWIND $rows AS row\nMERGE (d:Document {id: row.id})\nSET d += row',
    params: { rows },
  };
}

/** Creates missing entity nodes; their name and aliases are set by the profile refresh. */
export function mergeEntitiesQuery(type: EntityType, rows: Array<{ id: string; name: string }>): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row\nMERGE (e:${label(type)} {id: row.id})\nON CREATE SET e.name = row.name, e.aliases = [], e.searchText = row.name`,
    params: { rows },
  };
}

export function mergeMentionsQuery(type: EntityType, rows: MentionRow[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      'MATCH (d:Document {id: row.documentId}) USING INDEX SEEK d:Document(id)',
      `MATCH (e:${label(type)} {id: row.entityId}) USING INDEX SEEK e:${label(type)}(id)`,
      // The batch's documents have no mentions yet (new, or retracted first) and rows are one per pair.
      'CREATE (d)-[m:MENTIONS]->(e)',
      'SET m = row.props',
    ].join('\n'),
    params: { rows },
  };
}

/** Creates statement nodes from their rows (StatementRow: every field, lists such as `rules` and `areas` included, is a property). */
export function createStatementsQuery(rows: Array<Record<string, unknown>>): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      'MATCH (d:Document {id: row.documentId}) USING INDEX SEEK d:Document(id)',
      // Statement ids are per document; a replaced document's statements were deleted first.
      'CREATE (s:Statement)',
      'SET s = row',
      'CREATE (s)-[:STATED_IN]->(d)',
    ].join('\n'),
    params: { rows },
  };
}

/** Sets name/aliases/searchText/type properties and links/unlinks the given alias keys. */
export function updateProfilesQuery(type: EntityType, rows: ProfileRow[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      `MATCH (e:${label(type)} {id: row.id}) USING INDEX SEEK e:${label(type)}(id)`,
      'SET e.name = row.name, e.aliases = row.aliases, e.searchText = row.searchText, e += row.props',
      'WITH e, row',
      'CALL (e, row) { UNWIND row.removedKeys AS key MATCH (old:Alias {key: key})-[r:ALIAS_OF]->(e) USING INDEX SEEK old:Alias(key) DELETE r }',
      'WITH e, row',
      'UNWIND row.aliasKeys AS k',
      'MERGE (a:Alias {key: k.key})',
      'MERGE (a)-[r:ALIAS_OF]->(e)',
      'SET r.identity = k.identity',
    ].join('\n'),
    params: { rows },
  };
}

/** Adds to profiles: sets derived properties and links alias keys; identity flags only ever turn on. */
export function addToProfilesQuery(type: EntityType, rows: ProfileRow[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      `MATCH (e:${label(type)} {id: row.id}) USING INDEX SEEK e:${label(type)}(id)`,
      'SET e.name = row.name, e.aliases = row.aliases, e.searchText = row.searchText, e += row.props',
      'WITH e, row',
      'UNWIND row.aliasKeys AS k',
      'MERGE (a:Alias {key: k.key})',
      'MERGE (a)-[r:ALIAS_OF]->(e)',
      'SET r.identity = coalesce(r.identity, false) OR k.identity',
    ].join('\n'),
    params: { rows },
  };
}

export function deleteEntitiesQuery(type: EntityType, ids: string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id\nMATCH (e:${label(type)} {id: id}) USING INDEX SEEK e:${label(type)}(id)\nDETACH DELETE e`,
    params: { ids },
  };
}

/** Alias nodes among `keys` that no longer point at anything. */
export function deleteOrphanAliasesQuery(keys: string[]): CypherQuery {
  return {
    cypher: 'UNWIND $keys AS key\nMATCH (a:Alias {key: key}) USING INDEX SEEK a:Alias(key)\nWHERE NOT (a)-[:ALIAS_OF]->()\nDELETE a',
    params: { keys },
  };
}

/** Every statement of the given facts, with its document's date, for aggregation. */
export function factStatementsQuery(keys: string[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $keys AS key',
      'MATCH (s:Statement {factKey: key})-[:STATED_IN]->(d:Document) USING INDEX SEEK s:Statement(factKey)',
      'RETURN s.factKey AS factKey, s.type AS type, s.sourceId AS sourceId, s.targetId AS targetId,',
      '  s.sourceLabel AS sourceLabel, s.targetLabel AS targetLabel, s.id AS statementId, d.id AS documentId,',
      '  d.publishedAt AS publishedAt, s.kind AS kind, s.date AS date, s.status AS status, s.title AS title, s.role AS role',
    ].join('\n'),
    params: { keys },
  };
}

/** Creates or updates aggregated edges of one type between one pair of labels. */
export function mergeEdgesQuery(
  type: RelationType,
  sourceLabel: EntityType,
  targetLabel: EntityType,
  rows: Array<{ key: string; sourceId: string; targetId: string; props: Record<string, unknown> }>,
): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      `MATCH (a:${label(sourceLabel)} {id: row.sourceId}) USING INDEX SEEK a:${label(sourceLabel)}(id)`,
      `MATCH (b:${label(targetLabel)} {id: row.targetId}) USING INDEX SEEK b:${label(targetLabel)}(id)`,
      `MERGE (a)-[r:${relType(type)} {key: row.key}]->(b)`,
      'SET r += row.props',
    ].join('\n'),
    params: { rows },
  };
}

/** Removes aggregated edges of facts that no statement supports any more. */
export function deleteEdgesQuery(type: RelationType, keys: string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key\nMATCH ()-[r:${relType(type)} {key: key}]->() USING INDEX SEEK r:${relType(type)}(key)\nDELETE r`,
    params: { keys },
  };
}

export function deleteStatementsQuery(ids: string[]): CypherQuery {
  return { cypher: 'UNWIND $ids AS id\nMATCH (s:Statement {id: id}) USING INDEX SEEK s:Statement(id)\nDETACH DELETE s', params: { ids } };
}

export function rewriteStatementsQuery(rows: Array<{ id: string; sourceId: string; targetId: string; factKey: string }>): CypherQuery {
  return {
    cypher: 'UNWIND $rows AS row\nMATCH (s:Statement {id: row.id}) USING INDEX SEEK s:Statement(id)\nSET s.sourceId = row.sourceId, s.targetId = row.targetId, s.factKey = row.factKey',
    params: { rows },
  };
}

/**
 * One list parameter of `{type, value}` rows for the fixed-shape queries that
 * read several labels or relationship types at once. Neo4j caches a plan per
 * query text *and* per size class of each list parameter (empty, 1, 2-10,
 * 11-100 ...): with one list per type, nearly every batch brought a new
 * combination and a re-plan of the whole UNION (50-250 ms each); with one
 * list, a handful of plans serve every batch.
 */
function typedRows<T extends string>(byType: ReadonlyArray<readonly [T, string[]]>): Array<{ type: T; value: string }> {
  return byType.flatMap(([type, values]) => values.map((value) => ({ type, value })));
}

/**
 * Stored summaries and alias links of entities of any types, in one query.
 * One part per label whatever the ids (absent types match no row): the text
 * never changes, so the plan is cached.
 */
export function entitySummariesByTypeQuery(idsByType: ReadonlyArray<readonly [EntityType, string[]]>): CypherQuery {
  const parts = ENTITY_TYPES.map(
    (type) =>
      `UNWIND $rows AS row WITH row WHERE row.type = '${label(type)}' MATCH (e:${label(type)} {id: row.value}) USING INDEX SEEK e:${label(type)}(id) RETURN row.value AS id, e {.name, .aliases, .searchText, .forms, .status, .statusAt, .date} AS current, [(a:Alias)-[r:ALIAS_OF]->(e) | {key: a.key, identity: r.identity}] AS links`,
  );
  return { cypher: parts.join('\nUNION ALL\n'), params: { rows: typedRows(idsByType) } };
}

/** Stored aggregated edges of any relationship types, in one query (one part per type: a fixed text). */
export function edgesByKeysQuery(keysByType: ReadonlyArray<readonly [RelationType, string[]]>): CypherQuery {
  const parts = RELATION_TYPES.map(
    (type) => `UNWIND $rows AS row WITH row WHERE row.type = '${relType(type)}' MATCH ()-[r:${relType(type)} {key: row.value}]->() USING INDEX SEEK r:${relType(type)}(key) RETURN row.value AS key, properties(r) AS props`,
  );
  return { cypher: parts.join('\nUNION ALL\n'), params: { rows: typedRows(keysByType) } };
}

/** Updates stored aggregated edges found by their key (a relationship index seek; no endpoint expansion). */
export function updateEdgesQuery(type: RelationType, rows: Array<{ key: string; props: Record<string, unknown> }>): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row\nMATCH ()-[r:${relType(type)} {key: row.key}]->() USING INDEX SEEK r:${relType(type)}(key)\nSET r += row.props`,
    params: { rows },
  };
}

/** Mentions of entities of any types, with their document's date (one part per label: a fixed text). */
export function mentionRowsOfEntitiesQuery(idsByType: ReadonlyArray<readonly [EntityType, string[]]>): CypherQuery {
  const parts = ENTITY_TYPES.map(
    (type) =>
      `UNWIND $rows AS row WITH row WHERE row.type = '${label(type)}' MATCH (d:Document)-[m:MENTIONS]->(e:${label(type)} {id: row.value}) USING INDEX SEEK e:${label(type)}(id) RETURN row.value AS entityId, d.id AS documentId, d.publishedAt AS publishedAt, properties(m) AS props`,
  );
  return { cypher: parts.join('\nUNION ALL\n'), params: { rows: typedRows(idsByType) } };
}

/** Creates the surviving entities of merges that do not exist yet (their profile is set when they are settled). */
export function mergeTargetsQuery(type: EntityType, rows: Array<{ id: string; name: string }>): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row\nMERGE (t:${label(type)} {id: row.id})\nON CREATE SET t.name = row.name, t.aliases = [], t.searchText = row.name`,
    params: { rows },
  };
}

/** Moves mentions onto surviving entities (rows carry the combined properties of each document's mentions). */
export function moveMentionsToQuery(type: EntityType, rows: Array<{ to: string; documentId: string; props: MentionProps }>): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      'MATCH (d:Document {id: row.documentId}) USING INDEX SEEK d:Document(id)',
      `MATCH (t:${label(type)} {id: row.to}) USING INDEX SEEK t:${label(type)}(id)`,
      'MERGE (d)-[m:MENTIONS]->(t)',
      'SET m = row.props',
    ].join('\n'),
    params: { rows },
  };
}

/**
 * Merge and distinct judgements in force that name any of the keys: every key
 * a merge unites, and the anchor keys of each side of a distinct judgement.
 */
export function judgedIdentitiesQuery(keys: string[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $keys AS key',
      'MATCH (k:JudgedKey {key: key}) USING INDEX SEEK k:JudgedKey(key)',
      'MATCH (j:Judgement)-[:UNITES|SEPARATES]->(k)',
      "WHERE j.kind IN ['merge', 'distinct'] AND j.revertedAt IS NULL",
      'WITH DISTINCT j',
      'RETURN j.id AS id, j.kind AS kind, [(j)-[:UNITES]->(o:JudgedKey) | o.key] AS keys,',
      "  [(j)-[s:SEPARATES]->(o:JudgedKey) WHERE s.side = 'a' | o.key] AS a, [(j)-[s:SEPARATES]->(o:JudgedKey) WHERE s.side = 'b' | o.key] AS b",
    ].join('\n'),
    params: { keys },
  };
}

/**
 * Judgements naming entities folded into others follow them (ids and JUDGES
 * links), so a rename, reject or confirm stays attached; a merge judgement
 * keeps the ids it was given.
 */
export function rekeyJudgementsQuery(type: EntityType, rows: Array<{ from: string; to: string }>): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      `MATCH (e:${label(type)} {id: row.from}) USING INDEX SEEK e:${label(type)}(id)`,
      `MATCH (t:${label(type)} {id: row.to}) USING INDEX SEEK t:${label(type)}(id)`,
      'MATCH (j:Judgement)-[:JUDGES]->(e)',
      "WHERE j.kind <> 'merge'",
      'SET j.entityIds = [x IN j.entityIds | CASE WHEN x = row.from THEN row.to ELSE x END],',
      '  j.renames = CASE WHEN j.renames = row.from THEN row.to ELSE j.renames END',
      'MERGE (j)-[:JUDGES]->(t)',
    ].join('\n'),
    params: { rows },
  };
}

/**
 * Judgements on facts follow statements to a new key: every judgement of
 * JudgedFact {key: from} judges JudgedFact {key: to} too, and each `to` takes
 * the state of the latest reject or confirm in force (as when a judgement is
 * made). The old JudgedFact stays: a reverted merge brings the statements back
 * to it. No JudgedFact for `from`: nothing to do.
 */
export function carryJudgedFactsQuery(rows: Array<{ from: string; to: string }>): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      'MATCH (f:JudgedFact {key: row.from}) USING INDEX SEEK f:JudgedFact(key)',
      'MATCH (j:Judgement)-[:JUDGES]->(f)',
      'MERGE (t:JudgedFact {key: row.to})',
      'MERGE (j)-[:JUDGES]->(t)',
      // Aggregated first, so that each state is settled once every judgement reached it.
      'WITH collect(DISTINCT t) AS carried',
      'UNWIND carried AS f',
      `SET f.state = ${FACT_STATE}`,
    ].join('\n'),
    params: { rows },
  };
}

/** Removes mentions moved off entities that stay. */
export function detachMentionsQuery(type: EntityType, rows: Array<{ documentId: string; entityId: string }>): CypherQuery {
  return {
    cypher: [
      'UNWIND $rows AS row',
      `MATCH (e:${label(type)} {id: row.entityId}) USING INDEX SEEK e:${label(type)}(id)`,
      'MATCH (d:Document {id: row.documentId})-[m:MENTIONS]->(e)',
      'DELETE m',
    ].join('\n'),
    params: { rows },
  };
}

/** Statements that name any of the entities as source or target. */
export function statementsOfEntitiesQuery(ids: string[]): CypherQuery {
  const fields = 's.id AS id, s.type AS type, s.sourceId AS sourceId, s.targetId AS targetId, s.title AS title, s.factKey AS factKey, s.documentId AS documentId';
  return {
    cypher: [
      `UNWIND $ids AS id MATCH (s:Statement {sourceId: id}) USING INDEX SEEK s:Statement(sourceId) RETURN ${fields}`,
      'UNION',
      `UNWIND $ids AS id MATCH (s:Statement {targetId: id}) USING INDEX SEEK s:Statement(targetId) RETURN ${fields}`,
    ].join('\n'),
    params: { ids },
  };
}
