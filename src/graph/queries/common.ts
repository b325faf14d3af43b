/**
 * Cypher fragments shared by the read-side query builders: how an entity, a
 * document and a piece of evidence are projected, and how a name resolves to
 * one node through its (:Alias) keys. Every fragment is static text; values
 * travel as parameters.
 */
import { ENTITY_TYPES, PARTNERSHIP_KINDS } from '../../model/types.ts';
import type { EntityType } from '../../model/types.ts';

/** Entity labels, in the order used to pick a node's type (the extraction format's order). */
export const ENTITY_LABELS = ENTITY_TYPES;

const LABEL_LIST = `[${ENTITY_LABELS.map((l) => `'${l}'`).join(', ')}]`;

/** The name an entity shows: the one a rename judgement in force gives it (src/graph/judgements.ts), else its own. */
export function shownName(v: string): string {
  return `coalesce(head(COLLECT { MATCH (renaming:Judgement {renames: ${v}.id}) RETURN renaming.name ORDER BY renaming.at DESC, renaming.id DESC }), ${v}.name)`;
}

/** True unless a judgement in force rejects the fact whose key is `keyExpr` (an edge's key = its statements' factKey). */
export function notRejected(keyExpr: string): string {
  return `NOT EXISTS { MATCH (judged:JudgedFact {key: ${keyExpr}}) WHERE judged.state = 'reject' }`;
}

/** Projects an entity node `v` to an EntityRow. */
export function entityMap(v: string): string {
  return `${v} {.id, name: ${shownName(v)}, aliases: coalesce(${v}.aliases, []), .status, .date, label: head([l IN labels(${v}) WHERE l IN ${LABEL_LIST}])}`;
}

/** Projects an organisation node `v` to an EntityRow without looking at its labels. */
export function orgMap(v: string): string {
  return `${v} {.id, name: ${shownName(v)}, aliases: coalesce(${v}.aliases, []), label: 'Organization'}`;
}

/** Projects a document node `v` to a DocumentRow. */
export function documentMap(v: string): string {
  return `${v} {.id, .title, .url, .publishedAt, ingestedAt: toString(${v}.ingestedAt)}`;
}

/**
 * Groups statements `s` of documents `d` by sentence, newest document first,
 * keeps the first `limitParam` and binds `evidence` to EvidenceRows. A sentence
 * may state a fact through several statements (relations of one document that
 * differ in their properties): its rules are the union of theirs. Statements
 * written before rules were stored have no `rules` property; collect() skips it.
 */
export function evidenceSentences(limitParam: string, indent: string, skipParam: string | null = null): string {
  return [
    'WITH d, s.start AS start, s.end AS end, s.text AS text, collect(s.rules) AS ruleLists, collect(s.kind) AS kinds, min(s.date) AS date',
    'ORDER BY d.publishedAt DESC, d.id ASC, start ASC',
    ...(skipParam === null ? [] : [`SKIP toInteger(${skipParam})`]),
    `LIMIT toInteger(${limitParam})`,
    `RETURN collect({text: text, start: start, end: end, rules: reduce(acc = [], l IN ruleLists | acc + [x IN l WHERE NOT x IN acc]), kinds: reduce(acc = [], k IN kinds | CASE WHEN k IN acc THEN acc ELSE acc + k END), date: date, document: ${documentMap('d')}}) AS evidence`,
  ].join(`\n${indent}`);
}

/**
 * A subquery binding `evidence`: the distinct sentences of the statements
 * whose factKey is `keyExpr` (an edge's key), newest document first.
 */
export function evidenceSubquery(imported: string, keyExpr: string, limitParam: string, skipParam: string | null = null, asOf = false): string {
  return `CALL (${imported}) {
    MATCH (s:Statement {factKey: ${keyExpr}})-[:STATED_IN]->(d:Document)${asOf ? `\n    ${PUBLISHED_BY_AS_OF}` : ''}
    ${evidenceSentences(limitParam, '    ', skipParam)}
  }`;
}

/** Keeps documents `d` published on or before `$asOf` (a document without a publication date never passes). */
export const PUBLISHED_BY_AS_OF = 'WHERE d.publishedAt <= $asOf';

/** True when a document published on or before `$asOf` states the fact `keyExpr` (an edge's key). */
export function statedByAsOf(keyExpr: string): string {
  return `EXISTS { MATCH (:Statement {factKey: ${keyExpr}})-[:STATED_IN]->(d:Document) WHERE d.publishedAt <= $asOf }`;
}

/**
 * Binds `t` to each Topic that a statement of the fact `keyExpr` (an edge's
 * key) names as an area of cooperation, once per statement and area. Topics
 * are found through the alias keys ingestion gave them (`Statement.areaKeys`),
 * so a Topic whose id changed in a merge is still found. Statements stored
 * before areas were have no `areaKeys`: none.
 */
export function statementTopics(keyExpr: string, t: string, indent: string): string {
  return [
    `MATCH (areaStatement:Statement {factKey: ${keyExpr}})`,
    'UNWIND coalesce(areaStatement.areaKeys, []) AS areaKey',
    `MATCH (:Alias {key: areaKey})-[:ALIAS_OF]->(${t}:Topic)`,
  ].join(`\n${indent}`);
}

/**
 * Binds `v` to the one node of `label` that the alias key `keyParam` names;
 * when an alias is shared, the best-connected node wins (then the smallest id).
 */
export function resolveByAlias(v: string, label: EntityType, keyParam: string, carry: readonly string[] = []): string {
  const keep = [...carry, v].join(', ');
  return `MATCH (:Alias {key: ${keyParam}})-[:ALIAS_OF]->(${v}:${label})
WITH ${keep} ORDER BY COUNT { (${v})--() } DESC, ${v}.id ASC LIMIT 1`;
}

export interface EntityRow {
  id: string;
  name: string;
  aliases: string[];
  label: EntityType;
  status?: string | null;
  date?: string | null;
  /** Set on an organisation read `asOf` a day (and its agreements): nested fields answer as of that day too. */
  asOf?: string | null;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string | null;
}

export interface EvidenceRow {
  text: string;
  start: number;
  end: number;
  /** Ids of the extraction rules that stated the fact in this sentence ([] for data stored before rules were). */
  rules: string[];
  /** Stored kinds of the statements in this sentence ('mou', 'meeting' ...), for partnerships. */
  kinds?: string[];
  /** The date the statements give (resolved from the text), or null. */
  date?: string | null;
  document: DocumentRow;
}

export interface PartnershipRow {
  key: string;
  kinds: string[];
  status: string;
  firstSeen: string | null;
  lastSeen: string | null;
  documentCount: number;
  organization: EntityRow;
  partner: EntityRow;
  viaUnit: EntityRow | null;
  /** Prefetched evidence (at most the limit asked for), or null when not fetched. */
  evidence: EvidenceRow[] | null;
  /** Set when the edge was read as of a day: its evidence and areas are those of documents published up to it. */
  asOf?: string | null;
}

/** The projection of one PARTNERS_WITH edge `r` seen from `o` (via unit `m`) to partner `p`. */
export function partnershipMap(o: string, m: string, r: string, p: string, evidence: string): string {
  return `{key: ${r}.key, kinds: coalesce(${r}.kinds, []), status: coalesce(${r}.status, 'active'), firstSeen: ${r}.firstSeen, lastSeen: ${r}.lastSeen, documentCount: coalesce(${r}.documentCount, 0), organization: ${orgMap(o)}, partner: ${orgMap(p)}, viaUnit: ${m === o ? 'null' : `CASE WHEN ${m} = ${o} THEN null ELSE ${orgMap(m)} END`}, evidence: ${evidence}}`;
}

/** Stored partnership kinds in the order aggregated edges list them (sorted): the `$kindOrder` parameter of `asOfEdge`. */
export const KIND_ORDER: readonly string[] = [...PARTNERSHIP_KINDS].sort();

/**
 * A subquery binding `out` to the PARTNERS_WITH edge `edge` as the documents
 * published on or before `$asOf` describe it: a map with the edge's key,
 * kinds, status, firstSeen, lastSeen and documentCount, aggregated from those
 * documents' statements the way ingestion aggregates all of them
 * (src/resolve/facts.ts); null when none of them states it. Documents without
 * a publication date are never counted. Needs `$asOf` and `$kindOrder` (KIND_ORDER).
 */
export function asOfEdge(edge: string, out: string, indent: string): string {
  return [
    `CALL (${edge}) {`,
    `  MATCH (s:Statement {factKey: ${edge}.key})-[:STATED_IN]->(d:Document)`,
    '  WHERE d.publishedAt <= $asOf',
    '  WITH s, d, coalesce(s.date, d.publishedAt) AS day ORDER BY day ASC, d.id ASC, s.id ASC',
    '  WITH collect(s.kind) AS kinds, collect(s.status) AS statuses, min(day) AS firstSeen, max(day) AS lastSeen, count(DISTINCT d) AS documentCount',
    `  RETURN CASE WHEN documentCount = 0 THEN null ELSE {key: ${edge}.key, kinds: [k IN $kindOrder WHERE k IN kinds], status: CASE WHEN last(statuses) IN ['ended', 'declined'] THEN last(statuses) ELSE 'active' END, firstSeen: firstSeen, lastSeen: lastSeen, documentCount: documentCount} END AS ${out}`,
    '}',
  ].join(`\n${indent}`);
}
