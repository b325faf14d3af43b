/**
 * Facts as provenance statements and their aggregation into direct edges,
 * as pure functions (the graph layer only moves the rows).
 *
 * One Statement per relation per evidence sentence per document; the
 * aggregated edge of a fact is recomputed from all its statements, so adding,
 * replacing or deleting a document never double-counts.
 */
import type { EntityType, ExtractionResult, RelationType } from '../model/types.ts';
import type { StatedFact, StatementRow } from '../model/write-plan.ts';
import { aliasKey, normalizeKey } from './normalize.ts';

export type { StatedFact, StatementRow } from '../model/write-plan.ts';

/** Which labels a relation type may join; anything else the extractor emits is dropped. */
export const RELATION_ENDPOINTS: Readonly<Record<RelationType, { source: readonly EntityType[]; target: readonly EntityType[] }>> = {
  PARTNERS_WITH: { source: ['Organization'], target: ['Organization'] },
  HOLDS_ROLE: { source: ['Person'], target: ['Organization'] },
  PART_OF: { source: ['Organization'], target: ['Organization'] },
  PARTY_TO: { source: ['Organization'], target: ['Agreement', 'Programme'] },
  PARTICIPATED_IN: { source: ['Organization', 'Person'], target: ['Event'] },
  BASED_IN: { source: ['Organization'], target: ['Country', 'Place'] },
  LOCATED_IN: { source: ['Place'], target: ['Country'] },
  CONCERNS: { source: ['Agreement', 'Programme', 'Event'], target: ['Topic'] },
};


/** The key shared by a fact's statements and its aggregated edge. PARTNERS_WITH is unordered. */
export function factKey(type: RelationType, sourceId: string, targetId: string, title?: string | null): string {
  switch (type) {
    case 'PARTNERS_WITH': {
      const [a, b] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
      return `${type}|${a}|${b}`;
    }
    case 'HOLDS_ROLE':
      return `${type}|${sourceId}|${targetId}|${normalizeKey(title ?? '')}`;
    default:
      return `${type}|${sourceId}|${targetId}`;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Distinct non-blank areas of a relation, in the order its sentence names them ([] when absent). */
function areasOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map(str).filter((a): a is string => a !== null).map((a) => a.trim()))];
}

/** Statement rows of one document, with entity ids already resolved to graph ids. */
export function statementsOf(extraction: ExtractionResult, graphIds: Record<string, string>): StatementRow[] {
  const types = new Map(extraction.entities.map((e) => [e.id, e.type]));
  const docId = extraction.document.id;
  const rows: StatementRow[] = [];
  extraction.relations.forEach((relation, r) => {
    const sourceLabel = types.get(relation.source);
    const targetLabel = types.get(relation.target);
    const sourceId = graphIds[relation.source];
    const targetId = graphIds[relation.target];
    if (sourceLabel === undefined || targetLabel === undefined || sourceId === undefined || targetId === undefined) return;
    const allowed = RELATION_ENDPOINTS[relation.type];
    if (!allowed.source.includes(sourceLabel) || !allowed.target.includes(targetLabel)) return;
    if (sourceId === targetId) return;
    const p = relation.properties;
    const title = relation.type === 'HOLDS_ROLE' ? str(p.title) : null;
    const key = factKey(relation.type, sourceId, targetId, title);
    // Areas are stated with the partnership (the relation's sentence), not read off the document.
    const areas = relation.type === 'PARTNERS_WITH' ? areasOf(p.areas) : [];
    const areaKeys = [...new Set(areas.map((a) => aliasKey('Topic', a)))].sort();
    relation.evidence.forEach((evidence, e) => {
      rows.push({
        id: `${docId}#${r}.${e}`,
        factKey: key,
        type: relation.type,
        sourceId,
        targetId,
        sourceLabel,
        targetLabel,
        kind: str(p.kind),
        date: str(p.date),
        status: str(p.status),
        title,
        role: str(p.role),
        start: evidence.start,
        end: evidence.end,
        text: evidence.text,
        rules: [...new Set(relation.rules ?? [])].sort(),
        areas,
        areaKeys,
        documentId: docId,
      });
    });
  });
  return rows;
}


/** One aggregated edge: endpoints, type and the properties to SET. */
export interface EdgeRow {
  key: string;
  type: RelationType;
  sourceId: string;
  targetId: string;
  sourceLabel: EntityType;
  targetLabel: EntityType;
  props: Record<string, string | number | string[] | null>;
}

/**
 * The derivation of one fact's edge, stored on the edge, with an associative
 * and commutative `combine` over disjoint sets of documents: adding documents
 * updates it without re-reading older statements.
 */
export interface FactSummary {
  key: string;
  type: RelationType;
  sourceId: string;
  targetId: string;
  sourceLabel: EntityType;
  targetLabel: EntityType;
  kinds: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  documentCount: number;
  statementCount: number;
  /** Latest non-null value and the order key (day, document, statement) of the statement that gave it. */
  status: string | null;
  statusAt: string | null;
  title: string | null;
  titleAt: string | null;
  role: string | null;
  roleAt: string | null;
}

/** \u0001 sorts below every printable character, so the joined key orders like the tuple. */
function orderKey(...parts: Array<string | null>): string {
  return parts.map((p) => p ?? '').join('\u0001');
}

function minDay(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

function maxDay(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}

function later(a: { value: string | null; at: string | null }, b: { value: string | null; at: string | null }) {
  if (a.at === null) return b;
  if (b.at === null) return a;
  return b.at > a.at ? b : a;
}

/** Combines summaries of one fact over disjoint document sets. */
export function combineFacts(a: FactSummary, b: FactSummary): FactSummary {
  const status = later({ value: a.status, at: a.statusAt }, { value: b.status, at: b.statusAt });
  const title = later({ value: a.title, at: a.titleAt }, { value: b.title, at: b.titleAt });
  const role = later({ value: a.role, at: a.roleAt }, { value: b.role, at: b.roleAt });
  return {
    ...a,
    kinds: [...new Set([...a.kinds, ...b.kinds])].sort(),
    firstSeen: minDay(a.firstSeen, b.firstSeen),
    lastSeen: maxDay(a.lastSeen, b.lastSeen),
    documentCount: a.documentCount + b.documentCount,
    statementCount: a.statementCount + b.statementCount,
    status: status.value,
    statusAt: status.at,
    title: title.value,
    titleAt: title.at,
    role: role.value,
    roleAt: role.at,
  };
}

/** Summary of the statements one document makes about one fact. */
export function summaryOfDocument(statements: StatedFact[]): FactSummary {
  const first = statements[0]!;
  let { sourceId, targetId, sourceLabel, targetLabel } = first;
  if (first.type === 'PARTNERS_WITH' && sourceId > targetId) {
    [sourceId, targetId, sourceLabel, targetLabel] = [targetId, sourceId, targetLabel, sourceLabel];
  }
  const summaries = statements.map((s): FactSummary => {
    const day = s.date ?? s.publishedAt;
    const at = orderKey(day, s.documentId, s.statementId);
    return {
      key: s.factKey,
      type: s.type,
      sourceId,
      targetId,
      sourceLabel,
      targetLabel,
      kinds: s.kind === null ? [] : [s.kind],
      firstSeen: day,
      lastSeen: day,
      documentCount: 0,
      statementCount: 1,
      status: s.status,
      statusAt: s.status === null ? null : at,
      title: s.title,
      titleAt: s.title === null ? null : at,
      role: s.role,
      roleAt: s.role === null ? null : at,
    };
  });
  return { ...summaries.reduce(combineFacts), documentCount: 1 };
}

/** Summaries of facts from statements (grouped by fact, then by document). */
export function summarizeFacts(statements: StatedFact[]): Map<string, FactSummary> {
  const byFactAndDoc = new Map<string, Map<string, StatedFact[]>>();
  for (const s of statements) {
    let docs = byFactAndDoc.get(s.factKey);
    if (docs === undefined) byFactAndDoc.set(s.factKey, (docs = new Map()));
    const group = docs.get(s.documentId);
    if (group === undefined) docs.set(s.documentId, [s]);
    else group.push(s);
  }
  const out = new Map<string, FactSummary>();
  for (const [key, docs] of byFactAndDoc) out.set(key, [...docs.values()].map(summaryOfDocument).reduce(combineFacts));
  return out;
}

/** The edge a summary gives: the properties the API reads plus the order keys kept for later updates. */
export function edgeOfSummary(f: FactSummary): EdgeRow {
  const common = { key: f.key, documentCount: f.documentCount, firstSeen: f.firstSeen, lastSeen: f.lastSeen };
  let props: EdgeRow['props'];
  switch (f.type) {
    case 'PARTNERS_WITH':
      props = {
        ...common,
        kinds: f.kinds,
        status: f.status === 'ended' || f.status === 'declined' ? f.status : 'active',
        latestStatus: f.status,
        statusAt: f.statusAt,
        statementCount: f.statementCount,
      };
      break;
    case 'HOLDS_ROLE':
      props = { ...common, title: f.title, titleAt: f.titleAt, statementCount: f.statementCount };
      break;
    case 'PARTY_TO':
      props = { ...common, status: f.status, statusAt: f.statusAt, statementCount: f.statementCount };
      break;
    case 'PARTICIPATED_IN':
      props = { ...common, role: f.role, roleAt: f.roleAt, statementCount: f.statementCount };
      break;
    case 'PART_OF':
    case 'BASED_IN':
    case 'LOCATED_IN':
    case 'CONCERNS':
      props = { ...common, statementCount: f.statementCount };
      break;
  }
  return { key: f.key, type: f.type, sourceId: f.sourceId, targetId: f.targetId, sourceLabel: f.sourceLabel, targetLabel: f.targetLabel, props };
}

/** Reads a stored edge back into a summary (for incremental updates). */
export function summaryOfEdge(edge: Omit<EdgeRow, 'props'> & { props: Record<string, unknown> }): FactSummary {
  const p = edge.props;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    key: edge.key,
    type: edge.type,
    sourceId: edge.sourceId,
    targetId: edge.targetId,
    sourceLabel: edge.sourceLabel,
    targetLabel: edge.targetLabel,
    kinds: Array.isArray(p.kinds) ? p.kinds.filter((k): k is string => typeof k === 'string') : [],
    firstSeen: text(p.firstSeen),
    lastSeen: text(p.lastSeen),
    documentCount: num(p.documentCount),
    statementCount: num(p.statementCount),
    status: edge.type === 'PARTNERS_WITH' ? text(p.latestStatus) : text(p.status),
    statusAt: text(p.statusAt),
    title: text(p.title),
    titleAt: text(p.titleAt),
    role: text(p.role),
    roleAt: text(p.roleAt),
  };
}

/**
 * Aggregates the statements of one fact into its edge. Dates: the statement's
 * own date, else its document's publication date. Status, title and role come
 * from the latest statement that has one (ties: document id, statement id).
 */
export function aggregateFact(statements: StatedFact[]): EdgeRow | null {
  if (statements.length === 0) return null;
  const summary = summarizeFacts(statements).values().next().value;
  return summary === undefined ? null : edgeOfSummary(summary);
}

/** Groups statements by fact and aggregates each group; facts with no statement give no edge. */
export function aggregateFacts(statements: StatedFact[]): EdgeRow[] {
  return [...summarizeFacts(statements).values()].map(edgeOfSummary).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
