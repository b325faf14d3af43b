/**
 * What a write changed, as pure functions: the states of the facts a write
 * touched, read before and after it, give the changes of the change feed
 * (a new partnership, a new kind on one, a partnership that ended or lost its
 * last document, a new role, an agreement whose status moved), and each
 * change is given the sentence of the written documents that caused it.
 */

export const CHANGE_KINDS = [
  'NEW_PARTNERSHIP',
  'NEW_KIND',
  'PARTNERSHIP_ENDED',
  'PARTNERSHIP_REMOVED',
  'NEW_ROLE',
  'AGREEMENT_STATUS',
  'DOCUMENT_DELETED',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The relation types whose changes are recorded. */
export const TRACKED_RELATIONS = ['PARTNERS_WITH', 'HOLDS_ROLE', 'PARTY_TO'] as const;
export type TrackedRelation = (typeof TRACKED_RELATIONS)[number];

/** One aggregated edge as the change recorder reads it. */
export interface FactState {
  key: string;
  type: TrackedRelation;
  source: ChangeEntity;
  target: ChangeEntity;
  /** PARTNERS_WITH: stored kinds ('mou' ...); [] otherwise. */
  kinds: string[];
  /** PARTNERS_WITH: active/ended/declined; PARTY_TO: the agreement status it gives; null otherwise. */
  status: string | null;
  /** Order key of the statement that gave the status (later wins among an agreement's parties). */
  statusAt: string | null;
  /** HOLDS_ROLE: the title. */
  title: string | null;
}

export interface ChangeEntity {
  id: string;
  name: string;
  /** Entity label: Organization, Person, Agreement, Programme. */
  label: string;
}

/** A change before it is given its document, evidence and sequence number. */
export interface ChangeDraft {
  kind: ChangeKind;
  /** The fact keys behind it (an agreement's: one per party). */
  factKeys: string[];
  subject: ChangeEntity | null;
  object: ChangeEntity | null;
  /** AGREEMENT_STATUS: the agreement's parties. */
  parties: ChangeEntity[];
  kinds: string[];
  from: string | null;
  to: string | null;
  title: string | null;
}

/** A statement of a written document, as read to pick a change's evidence. */
export interface ChangeStatement {
  id: string;
  factKey: string;
  documentId: string;
  kind: string | null;
  status: string | null;
  text: string;
  start: number;
  end: number;
  rules: string[];
  date: string | null;
}

function draft(kind: ChangeKind, fields: Partial<ChangeDraft> & Pick<ChangeDraft, 'factKeys'>): ChangeDraft {
  return { kind, subject: null, object: null, parties: [], kinds: [], from: null, to: null, title: null, ...fields };
}

const ENDED = new Set(['ended', 'declined']);

function partnershipChanges(key: string, before: FactState | undefined, after: FactState | undefined): ChangeDraft[] {
  const ends = (f: FactState) => ({ subject: f.source, object: f.target });
  if (after === undefined) return before === undefined ? [] : [draft('PARTNERSHIP_REMOVED', { factKeys: [key], ...ends(before), kinds: before.kinds })];
  if (before === undefined) {
    const changes = [draft('NEW_PARTNERSHIP', { factKeys: [key], ...ends(after), kinds: after.kinds })];
    // A partnership first reported as ended (or declined) is news twice.
    if (after.status !== null && ENDED.has(after.status)) changes.push(draft('PARTNERSHIP_ENDED', { factKeys: [key], ...ends(after), from: null, to: after.status }));
    return changes;
  }
  const changes: ChangeDraft[] = [];
  const added = after.kinds.filter((k) => !before.kinds.includes(k));
  if (added.length > 0) changes.push(draft('NEW_KIND', { factKeys: [key], ...ends(after), kinds: added }));
  if (after.status !== before.status && after.status !== null && ENDED.has(after.status)) {
    changes.push(draft('PARTNERSHIP_ENDED', { factKeys: [key], ...ends(after), from: before.status, to: after.status }));
  }
  return changes;
}

/** The status an agreement's party edges give: the one stated last. */
function agreementStatus(edges: FactState[]): string | null {
  let best: FactState | null = null;
  for (const e of edges) if (e.status !== null && (best === null || (e.statusAt ?? '') > (best.statusAt ?? ''))) best = e;
  return best?.status ?? null;
}

function byName(a: ChangeEntity, b: ChangeEntity): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The changes between two states of the same fact keys (a key missing from a
 * state has no edge in it). Changes come in a stable order: by fact key, and
 * agreements by id after the other facts.
 */
export function diffFacts(before: ReadonlyMap<string, FactState>, after: ReadonlyMap<string, FactState>): ChangeDraft[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: ChangeDraft[] = [];
  const agreements = new Map<string, { before: FactState[]; after: FactState[] }>();
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    const type = (a ?? b)!.type;
    if (type === 'PARTNERS_WITH') changes.push(...partnershipChanges(key, b, a));
    else if (type === 'HOLDS_ROLE') {
      if (b === undefined && a !== undefined) changes.push(draft('NEW_ROLE', { factKeys: [key], subject: a.source, object: a.target, title: a.title }));
    } else {
      const target = (a ?? b)!.target;
      if (target.label !== 'Agreement') continue;
      const group = agreements.get(target.id) ?? { before: [], after: [] };
      agreements.set(target.id, group);
      if (b !== undefined) group.before.push(b);
      if (a !== undefined) group.after.push(a);
    }
  }
  for (const id of [...agreements.keys()].sort()) {
    const group = agreements.get(id)!;
    const from = agreementStatus(group.before);
    const to = agreementStatus(group.after);
    if (to === null || to === from) continue;
    changes.push(
      draft('AGREEMENT_STATUS', {
        factKeys: group.after.map((e) => e.key).sort(),
        subject: group.after[0]!.target,
        parties: group.after.map((e) => e.source).sort(byName),
        from,
        to,
      }),
    );
  }
  return changes;
}

/** True when the statement says what the change is about (its kind, its new status). */
function supports(change: ChangeDraft, s: ChangeStatement): boolean {
  switch (change.kind) {
    case 'NEW_KIND':
      return s.kind !== null && change.kinds.includes(s.kind);
    case 'PARTNERSHIP_ENDED':
    case 'AGREEMENT_STATUS':
      return s.status === change.to;
    default:
      return true;
  }
}

/**
 * The statement of the written documents that best evidences a change: one
 * of its facts that says what changed, earliest first (by document, then
 * statement); else any of its facts; null when the written documents state
 * none of them (a change that a retraction caused).
 */
export function evidenceFor(change: ChangeDraft, statements: readonly ChangeStatement[]): ChangeStatement | null {
  const own = statements
    .filter((s) => change.factKeys.includes(s.factKey))
    .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return own.find((s) => supports(change, s)) ?? own[0] ?? null;
}

/** Organisation ids a change concerns: what `changes(of:)` and `changed(of:)` match. */
export function organizationIdsOf(change: ChangeDraft): string[] {
  const all = [change.subject, change.object, ...change.parties].filter((e): e is ChangeEntity => e !== null && e.label === 'Organization');
  return [...new Set(all.map((e) => e.id))].sort();
}
