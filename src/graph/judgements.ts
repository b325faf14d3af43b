/**
 * Curation judgements: what a person decided about the graph, kept apart from
 * what ingestion derives from documents, so that re-ingesting never loses it.
 *
 *   (:Judgement {id, kind, author, at, reason, entityIds, entityLabels,
 *                name?, names, renames?, renameKey?, relation?, title?, revertedAt?, revertedBy?, revertReason?})
 *     -[:JUDGES]->(entity)                   every entity it names
 *     -[:JUDGES]->(:JudgedFact {key, state}) reject/confirm: the fact (edge key = Statement.factKey)
 *     -[:UNITES]->(:JudgedKey {key})         merge: the identity keys it keeps in one entity
 *     -[:SEPARATES {side}]->(:JudgedKey {key}) distinct: the anchor keys of side 'a' and side 'b'
 *
 * Reads apply reject, confirm and rename at query time: an edge whose
 * JudgedFact has state 'reject' is left out of default answers (its
 * statements stay, marked by the JudgedFact of their factKey); `renames` is
 * set while a rename is in force and read by every entity projection
 * (queries/common.ts). When ingestion gives an edge new ids (a merge, a
 * split), the judgements of its old key judge the new one too
 * (`carryJudgedFactsQuery`, ingest-queries.ts). A merge also links the identity keys of the entities
 * it names, `(j)-[:UNITES]->(:JudgedKey {key})`: ingestion keeps every
 * entity holding them one while the merge is in force (src/resolve). A
 * distinct judgement links the anchor keys of its two sides (the keys only
 * one side's mentions held when it was made): ingestion never lets one
 * entity hold anchors of both sides while it is in force.
 */
import type { EntityType } from '../model/types.ts';
import type { CypherQuery } from './executor.ts';

export const JUDGEMENT_KINDS = ['merge', 'distinct', 'rename', 'reject', 'confirm'] as const;
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number];

/** Relationship types a reject or confirm may name: a closed list, never input text. */
export const JUDGED_RELATIONS = ['PARTNERS_WITH', 'HOLDS_ROLE', 'PART_OF'] as const;
export type JudgedRelation = (typeof JUDGED_RELATIONS)[number];

export interface JudgementRow {
  id: string;
  kind: JudgementKind;
  author: string;
  at: string;
  reason: string;
  entityIds: string[];
  entityLabels: EntityType[];
  name: string | null;
  names: string[];
  relation: JudgedRelation | null;
  title: string | null;
  factKeys: string[];
  /** merge: the identity keys it keeps in one entity (those of the entities it named). */
  unites: string[];
  /** distinct: the anchor keys of each side. */
  separates: { a: string[]; b: string[] };
  revertedAt: string | null;
  revertedBy: string | null;
  revertReason: string | null;
}

export interface NewJudgement {
  id: string;
  kind: JudgementKind;
  author: string;
  at: string;
  reason: string;
  entities: Array<{ label: EntityType; id: string }>;
  /** rename: the name the entity is to show, and its alias key (found by name lookup while in force). */
  name?: string | null;
  renameKey?: string | null;
  /** The names the judgement was given, as typed. */
  names?: string[];
  /** reject/confirm: the relationship type, optional role title, and the keys of the edges it covers. */
  relation?: JudgedRelation | null;
  title?: string | null;
  factKeys?: string[];
  /** distinct: the anchor keys of each side. */
  separates?: { a: string[]; b: string[] };
}

const JUDGEMENT_MAP = `j {.id, .kind, .author, .at, .reason, .entityIds, .entityLabels, .name, names: coalesce(j.names, []), .relation, .title, .revertedAt, .revertedBy, .revertReason,
  factKeys: [(j)-[:JUDGES]->(f:JudgedFact) | f.key], unites: [(j)-[:UNITES]->(k:JudgedKey) | k.key],
  separates: {a: [(j)-[s:SEPARATES]->(k:JudgedKey) WHERE s.side = 'a' | k.key], b: [(j)-[s:SEPARATES]->(k:JudgedKey) WHERE s.side = 'b' | k.key]}}`;

/**
 * The state of the JudgedFact bound to `f`: the kind of the latest reject or
 * confirm still in force that judges it ('reject', 'confirm' or null).
 */
export const FACT_STATE = `head(COLLECT {
    MATCH (other:Judgement)-[:JUDGES]->(f)
    WHERE other.kind IN ['reject', 'confirm'] AND other.revertedAt IS NULL
    RETURN other.kind ORDER BY other.at DESC, other.id DESC
  })`;

/** Sets the state of each JudgedFact `j` judges (FACT_STATE). */
const SETTLE_FACTS = `CALL (j) {
  MATCH (j)-[:JUDGES]->(f:JudgedFact)
  SET f.state = ${FACT_STATE}
}`;

/** Stores a judgement with its links and settles the facts it judges; returns it. */
export function createJudgementQuery(j: NewJudgement): CypherQuery {
  const labels = [...new Set(j.entities.map((e) => e.label))].sort();
  const links = labels.map(
    (label, i) => `CALL (j) {
  UNWIND $linked[${i}] AS linkedId
  MATCH (e:${label} {id: linkedId})
  MERGE (j)-[:JUDGES]->(e)
}`,
  );
  return {
    cypher: `CREATE (j:Judgement {id: $id, kind: $kind, author: $author, at: $at, reason: $reason, entityIds: $entityIds, entityLabels: $entityLabels})
SET j.name = $name, j.names = $names, j.relation = $relation, j.title = $title, j.renames = CASE WHEN $kind = 'rename' THEN $entityIds[0] ELSE null END, j.renameKey = $renameKey
WITH j
${links.join('\n')}
CALL (j) {
  UNWIND $factKeys AS key
  MERGE (f:JudgedFact {key: key})
  MERGE (j)-[:JUDGES]->(f)
}
CALL (j) {
  UNWIND $separates AS anchor
  MERGE (k:JudgedKey {key: anchor.key})
  MERGE (j)-[:SEPARATES {side: anchor.side}]->(k)
}
CALL (j) {
  WITH j WHERE j.kind = 'merge'
  MATCH (j)-[:JUDGES]->(e)<-[r:ALIAS_OF]-(a:Alias)
  WHERE r.identity AND NOT a.key ENDS WITH '~'
  MERGE (k:JudgedKey {key: a.key})
  MERGE (j)-[:UNITES]->(k)
}
${SETTLE_FACTS}
RETURN ${JUDGEMENT_MAP} AS judgement`,
    params: {
      id: j.id,
      kind: j.kind,
      author: j.author,
      at: j.at,
      reason: j.reason,
      entityIds: j.entities.map((e) => e.id),
      entityLabels: j.entities.map((e) => e.label),
      name: j.name ?? null,
      names: j.names ?? [],
      renameKey: j.renameKey ?? null,
      relation: j.relation ?? null,
      title: j.title ?? null,
      factKeys: j.factKeys ?? [],
      separates: [...(j.separates?.a ?? []).map((key) => ({ key, side: 'a' })), ...(j.separates?.b ?? []).map((key) => ({ key, side: 'b' }))],
      linked: labels.map((label) => j.entities.filter((e) => e.label === label).map((e) => e.id)),
    },
  };
}

/** Marks a judgement reverted (it stays in the log) and settles what it judged; no row when unknown. */
export function revertJudgementQuery(input: { id: string; by: string; at: string; reason: string | null }): CypherQuery {
  return {
    cypher: `MATCH (j:Judgement {id: $id})
SET j.revertedAt = coalesce(j.revertedAt, $at), j.revertedBy = coalesce(j.revertedBy, $by), j.revertReason = coalesce(j.revertReason, $reason)
REMOVE j.renames, j.renameKey
WITH j
${SETTLE_FACTS}
RETURN ${JUDGEMENT_MAP} AS judgement`,
    params: { id: input.id, by: input.by, at: input.at, reason: input.reason },
  };
}

/** The mentions of entities (their names and identity keys, and the entity's name as its documents give it), for the sides of a distinct judgement. */
export function mentionsOfEntitiesQuery(label: EntityType, ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (:Document)-[m:MENTIONS]->(e:${label} {id: id})
RETURN id AS entityId, e.name AS entityName, coalesce(m.names, [m.name]) AS names, coalesce(m.identityKeys, []) AS identityKeys`,
    params: { ids: [...ids] },
  };
}

/**
 * After a split: the judgement names the entity holding each side's anchors
 * now (the one with most of them, then the smallest id), as its entities.
 */
export function nameSidesQuery(id: string, label: EntityType): CypherQuery {
  return {
    cypher: `MATCH (j:Judgement {id: $id})
CALL (j) {
  UNWIND ['a', 'b'] AS side
  CALL (j, side) {
    MATCH (j)-[:SEPARATES {side: side}]->(k:JudgedKey)
    MATCH (:Alias {key: k.key})-[r:ALIAS_OF]->(e:${label}) WHERE r.identity
    WITH e, count(*) AS held ORDER BY held DESC, e.id LIMIT 1
    RETURN e
  }
  RETURN collect(e) AS sides
}
SET j.entityIds = [e IN sides | e.id], j.entityLabels = [e IN sides | '${label}']
WITH j, sides
CALL (j, sides) {
  UNWIND sides AS e
  MERGE (j)-[:JUDGES]->(e)
}
RETURN ${JUDGEMENT_MAP} AS judgement`,
    params: { id },
  };
}

/**
 * A judgement in force that a new one would contradict: for a distinct
 * judgement (anchors `a` and `b`), a merge uniting keys of both sides; for a
 * merge of entities, a distinct judgement whose two sides they hold.
 */
export function contradictedJudgementQuery(input: { distinct: { a: string[]; b: string[] } } | { merge: { label: EntityType; ids: string[] } }): CypherQuery {
  if ('distinct' in input) {
    return {
      cypher: `MATCH (j:Judgement {kind: 'merge'}) WHERE j.revertedAt IS NULL
  AND EXISTS { MATCH (j)-[:UNITES]->(k:JudgedKey) WHERE k.key IN $a }
  AND EXISTS { MATCH (j)-[:UNITES]->(k:JudgedKey) WHERE k.key IN $b }
RETURN j.id AS id ORDER BY j.at LIMIT 1`,
      params: { a: input.distinct.a, b: input.distinct.b },
    };
  }
  const holds = (side: string) => `EXISTS { MATCH (j)-[:SEPARATES {side: '${side}'}]->(k:JudgedKey), (:Alias {key: k.key})-[r:ALIAS_OF]->(e:${input.merge.label}) WHERE r.identity AND e.id IN $ids }`;
  return {
    cypher: `MATCH (j:Judgement {kind: 'distinct'}) WHERE j.revertedAt IS NULL AND ${holds('a')} AND ${holds('b')}
RETURN j.id AS id ORDER BY j.at LIMIT 1`,
    params: { ids: input.merge.ids },
  };
}

/** Keys of the edges of `relation` between two entities (either direction for partnerships), with a role title if given. */
export function relationKeysQuery(input: { relation: JudgedRelation; from: { label: EntityType; id: string }; to: { label: EntityType; id: string }; title: string | null }): CypherQuery {
  const arrow = input.relation === 'PARTNERS_WITH' ? '-' : '->';
  return {
    cypher: `MATCH (a:${input.from.label} {id: $fromId})-[r:${input.relation}]${arrow}(b:${input.to.label} {id: $toId})
WHERE $title IS NULL OR toLower(r.title) = toLower($title)
RETURN collect(DISTINCT r.key) AS keys`,
    params: { fromId: input.from.id, toId: input.to.id, title: input.title },
  };
}

export interface JudgementPageInput {
  /** Only judgements that name this entity id, or all. */
  entityId: string | null;
  /** Keyset cursor: the (at, id) of the last judgement of the previous page. */
  after: { at: string; id: string } | null;
  /** Rows to read: the page size plus one, to know whether more follow. */
  limit: number;
}

/** The audit log, newest first, one page by keyset. */
export function judgementsQuery(input: JudgementPageInput): CypherQuery {
  return {
    cypher: `MATCH (j:Judgement)
WHERE ($entityId IS NULL OR $entityId IN j.entityIds)
  AND ($afterAt IS NULL OR j.at < $afterAt OR (j.at = $afterAt AND j.id < $afterId))
WITH j ORDER BY j.at DESC, j.id DESC LIMIT toInteger($limit)
RETURN ${JUDGEMENT_MAP} AS judgement`,
    params: { entityId: input.entityId, afterAt: input.after?.at ?? null, afterId: input.after?.id ?? null, limit: input.limit },
  };
}

/**
 * Whether any judgement names each entity (by id, of one label). By the ids the
 * judgement keeps, not its JUDGES links: a node that ingestion deleted and made
 * again (its only document deleted, then ingested anew) is still the one judged.
 */
export function judgedEntitiesQuery(label: EntityType, ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN id, EXISTS { MATCH (j:Judgement) WHERE id IN j.entityIds } AS judged`,
    params: { ids: [...ids] },
  };
}

/** Whether any judgement touched each fact (edge key), and its standing state ('reject', 'confirm' or null). */
export function judgedFactsQuery(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
OPTIONAL MATCH (f:JudgedFact {key: key})
RETURN key, f IS NOT NULL AS judged, f.state AS state`,
    params: { keys: [...keys] },
  };
}
