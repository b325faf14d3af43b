/**
 * An entity's name, aliases and properties, derived from the documents that
 * mention it (MENTIONS carries what each document called it), so the result
 * does not depend on the order documents arrived in or were deleted.
 *
 * The derivation is a fold with an associative, commutative `combine`, so
 * adding documents can update the stored summary instead of re-reading every
 * mention (incremental), and give exactly what a full recomputation gives.
 */
import type { EntityType } from '../model/types.ts';
import type { MentionProps } from '../model/write-plan.ts';
import { compareIds } from './identity.ts';
import { normalizeKey } from './normalize.ts';

export type { MentionProps } from '../model/write-plan.ts';

/** What one document says about one entity: its MENTIONS edge's properties, with the document's id and date. */
export interface MentionInfo extends MentionProps {
  documentId: string;
  publishedAt: string | null;
}

/** The part of an entity's derivation stored on its node (name, forms, status, statusAt, date). */
export interface EntitySummary {
  /** Longest primary name (ties: alphabetical). */
  name: string | null;
  /** One surface form per normalised key: the alphabetically first. */
  forms: string[];
  status: string | null;
  /** Order key of the mention that gave `status` (publication date, document id). */
  statusAt: string | null;
  /** Earliest event date. */
  date: string | null;
}

export interface EntityProfile {
  name: string;
  aliases: string[];
  searchText: string;
  /** Type properties: Agreement/Programme `status`, Event `date`. */
  props: Record<string, string | null>;
  /** Stored for incremental updates. */
  forms: string[];
  statusAt: string | null;
  /** Alias keys with whether they link documents (identity) or only serve lookups. */
  aliasKeys: Array<{ key: string; identity: boolean }>;
  /** The id the entity should have: the smallest candidate of its mentions. */
  id: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Composite order key: \u0001 sorts below every printable character, so this orders like the tuple. */
export function orderKey(...parts: Array<string | null>): string {
  return parts.map((p) => p ?? '').join('\u0001');
}

export const EMPTY_SUMMARY: EntitySummary = { name: null, forms: [], status: null, statusAt: null, date: null };

function longer(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.length > a.length || (b.length === a.length && b < a) ? b : a;
}

function mergeForms(a: readonly string[], b: readonly string[]): string[] {
  const forms = new Map<string, string>();
  for (const surface of [...a, ...b]) {
    const key = normalizeKey(surface);
    if (key === '') continue;
    const current = forms.get(key);
    if (current === undefined || surface < current) forms.set(key, surface);
  }
  return [...forms.values()].sort(byString);
}

/** Combines two summaries (associative and commutative). */
export function combineSummaries(a: EntitySummary, b: EntitySummary): EntitySummary {
  const laterStatus = a.statusAt === null ? b : b.statusAt === null ? a : b.statusAt > a.statusAt ? b : a;
  const dates = [a.date, b.date].filter((d): d is string => d !== null).sort(byString);
  return {
    name: longer(a.name, b.name),
    forms: mergeForms(a.forms, b.forms),
    status: laterStatus.status,
    statusAt: laterStatus.statusAt,
    date: dates[0] ?? null,
  };
}

export function summaryOfMention(m: MentionInfo): EntitySummary {
  return {
    name: m.name,
    forms: mergeForms([], [m.name, ...m.names]),
    status: m.status,
    statusAt: m.status === null ? null : orderKey(m.publishedAt, m.documentId),
    date: m.date,
  };
}

/** Name, aliases, search text and type properties from a summary. */
export function profileOfSummary(type: EntityType, s: EntitySummary): Omit<EntityProfile, 'aliasKeys' | 'id'> | null {
  if (s.name === null) return null;
  const nameKey = normalizeKey(s.name);
  const aliases = s.forms.filter((f) => normalizeKey(f) !== nameKey);
  const props: Record<string, string | null> = {};
  if (type === 'Agreement' || type === 'Programme') props.status = s.status;
  if (type === 'Event') props.date = s.date;
  return { name: s.name, aliases, searchText: [s.name, ...aliases].join(' | '), props, forms: s.forms, statusAt: s.statusAt };
}

/** The full derivation from every mention; null when no document mentions the entity any more. */
export function entityProfile(type: EntityType, mentions: MentionInfo[]): EntityProfile | null {
  if (mentions.length === 0) return null;
  const summary = mentions.map(summaryOfMention).reduce(combineSummaries, EMPTY_SUMMARY);
  const profile = profileOfSummary(type, summary);
  if (profile === null) return null;
  const identity = new Set(mentions.flatMap((m) => m.identityKeys));
  const lookup = new Set(mentions.flatMap((m) => m.lookupKeys));
  const aliasKeys = [...new Set([...identity, ...lookup])].sort(byString).map((key) => ({ key, identity: identity.has(key) }));
  const id = mentions.map((m) => m.candidateId).sort(compareIds)[0]!;
  return { ...profile, aliasKeys, id };
}


function smaller(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

/**
 * One document's two mentions that turned out to be one entity, combined
 * canonically (sorted, longest name, smallest candidate), so the result does
 * not depend on whether they met while writing or in a later merge.
 */
export function combineMentionProps(a: MentionProps, b: MentionProps): MentionProps {
  const sorted = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort(byString);
  return {
    name: longer(a.name, b.name) ?? a.name,
    names: sorted(a.names, b.names),
    lookupKeys: sorted(a.lookupKeys, b.lookupKeys),
    identityKeys: sorted(a.identityKeys, b.identityKeys),
    candidateId: compareIds(a.candidateId, b.candidateId) <= 0 ? a.candidateId : b.candidateId,
    status: smaller(a.status, b.status),
    date: smaller(a.date, b.date),
  };
}
