/**
 * The whole graph for exports: entities, aggregated edges and statements,
 * today or as of a day (the documents published up to it; see as-of.ts).
 */
import { ENTITY_TYPES, RELATION_TYPES } from '../../model/types.ts';
import type { CypherQuery } from '../executor.ts';
import { KIND_ORDER } from './common.ts';

const LABELS = `[${ENTITY_TYPES.map((l) => `'${l}'`).join(', ')}]`;
const TYPES = RELATION_TYPES.join('|');

export interface ExportNodeRow {
  id: string;
  label: string;
  name: string;
  aliases: string[];
}

export interface ExportEdgeRow {
  key: string;
  type: string;
  source: string;
  target: string;
  kinds: string[];
  /** PARTNERS_WITH: active/ended/declined; PARTY_TO: the agreement status; else null. */
  status: string | null;
  /** HOLDS_ROLE: the title; else null. */
  title: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  documentCount: number;
}

export interface ExportStatementRow {
  id: string;
  type: string;
  factKey: string;
  sourceId: string;
  targetId: string;
  kind: string | null;
  status: string | null;
  title: string | null;
  role: string | null;
  date: string | null;
  text: string;
  start: number;
  end: number;
  rules: string[];
  areas: string[];
  document: { id: string; title: string | null; url: string | null; publishedAt: string | null };
}

/** Entities (of the model's labels), by id; as of a day: those its documents mention. */
export function exportNodesQuery(asOf: string | null): CypherQuery {
  return {
    cypher: `MATCH (n)
WHERE any(l IN labels(n) WHERE l IN ${LABELS})${asOf === null ? '' : '\n  AND EXISTS { MATCH (d:Document)-[:MENTIONS]->(n) WHERE d.publishedAt <= $asOf }'}
RETURN n.id AS id, head([l IN labels(n) WHERE l IN ${LABELS}]) AS label, coalesce(n.name, n.id) AS name, coalesce(n.aliases, []) AS aliases
ORDER BY id`,
    params: asOf === null ? {} : { asOf },
  };
}

/** Aggregated edges by key; as of a day, each re-aggregated from the statements of the documents published by then. */
export function exportEdgesQuery(asOf: string | null): CypherQuery {
  if (asOf === null) {
    return {
      cypher: `MATCH (a)-[r:${TYPES}]->(b)
RETURN r.key AS key, type(r) AS type, a.id AS source, b.id AS target, coalesce(r.kinds, []) AS kinds, r.status AS status, r.title AS title,
  r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, coalesce(r.documentCount, 0) AS documentCount
ORDER BY key`,
      params: {},
    };
  }
  return {
    cypher: `MATCH (a)-[r:${TYPES}]->(b)
CALL (r) {
  MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
  WHERE d.publishedAt <= $asOf
  WITH s, d, coalesce(s.date, d.publishedAt) AS day ORDER BY day ASC, d.id ASC, s.id ASC
  RETURN collect(s.kind) AS kinds, collect(s.status) AS statuses, collect(s.title) AS titles, min(day) AS firstSeen, max(day) AS lastSeen, count(DISTINCT d) AS documentCount
}
WITH a, r, b, kinds, statuses, titles, firstSeen, lastSeen, documentCount WHERE documentCount > 0
RETURN r.key AS key, type(r) AS type, a.id AS source, b.id AS target, [k IN $kindOrder WHERE k IN kinds] AS kinds,
  CASE type(r) WHEN 'PARTNERS_WITH' THEN CASE WHEN last(statuses) IN ['ended', 'declined'] THEN last(statuses) ELSE 'active' END
    WHEN 'PARTY_TO' THEN last(statuses) ELSE null END AS status,
  CASE type(r) WHEN 'HOLDS_ROLE' THEN last(titles) ELSE null END AS title,
  firstSeen, lastSeen, documentCount
ORDER BY key`,
    params: { asOf, kindOrder: KIND_ORDER },
  };
}

/** Statements with their sentence and document, by id; as of a day: those of the documents published by then. */
export function exportStatementsQuery(asOf: string | null): CypherQuery {
  return {
    cypher: `MATCH (s:Statement)-[:STATED_IN]->(d:Document)${asOf === null ? '' : '\nWHERE d.publishedAt <= $asOf'}
RETURN s.id AS id, s.type AS type, s.factKey AS factKey, s.sourceId AS sourceId, s.targetId AS targetId, s.kind AS kind, s.status AS status,
  s.title AS title, s.role AS role, s.date AS date, s.text AS text, s.start AS start, s.end AS end, coalesce(s.rules, []) AS rules,
  coalesce(s.areas, []) AS areas, d {.id, .title, .url, .publishedAt} AS document
ORDER BY id`,
    params: asOf === null ? {} : { asOf },
  };
}
