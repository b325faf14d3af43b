/**
 * Cross-document identity, as pure functions.
 *
 * Every extracted entity gets two sets of keys:
 * - lookup keys: `aliasKey(type, name)` for its name and every alias (what the
 *   API looks names up with);
 * - identity keys: the subset (plus a few derived variants) that is strong
 *   enough to say "this is the same entity" across documents.
 * Entities of the whole corpus are the connected components of "shares an
 * identity key", and a component's id is the smallest candidate id of its
 * members (shortest, then alphabetical). Both are independent of the order in
 * which documents arrive, so any order gives the same graph.
 *
 * Weak keys (ending in `~`) join only through a mention that is named by the
 * short form alone: "UP" in one document joins every organisation a full name
 * abbreviates "UP", but "University of Porto (UP)" and "Union of Potters (UP)"
 * stay two while no document names "UP" alone. The same holds for people: a
 * surname at an organisation ("Ndiaye", weak for "Zainab Ndiaye" and "Daniel
 * Ndiaye") joins only through a mention of the surname alone.
 */
import { createHash } from 'node:crypto';
import type { EntityType, ExtractedEntity, ExtractionResult } from '../model/types.ts';
import { GENERIC_THING_WORDS, PERSON_IDENTITY_PARTICLES, isAcronym, isGenericDescription } from '../model/names.ts';
import type { ExistingIdentity } from '../model/write-plan.ts';
import { aliasKey, normalizeKey } from './normalize.ts';

export type { ExistingIdentity } from '../model/write-plan.ts';

export { isAcronym, isGenericDescription } from '../model/names.ts';

/** One extracted entity with the keys that place it in the graph. */
export interface EntityKeys {
  localId: string;
  type: EntityType;
  name: string;
  /** Name and aliases as the text gives them (generic descriptions removed). */
  names: string[];
  lookupKeys: string[];
  identityKeys: string[];
  /** The id this entity would get if it were alone in the graph. */
  candidateId: string;
}

const ID_PREFIX: Record<EntityType, string> = {
  Organization: 'org',
  Person: 'person',
  Country: 'country',
  Place: 'place',
  Programme: 'programme',
  Event: 'event',
  Agreement: 'agreement',
  Topic: 'topic',
};




/** Stable, readable id from a key: "org-icesco"; long keys are shortened with a hash. */
export function idFromKey(type: EntityType, key: string): string {
  const slug = normalizeKey(key).replace(/ /g, '-');
  const prefix = ID_PREFIX[type];
  if (slug.length <= 60 && slug.length > 0) return `${prefix}-${slug}`;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
  return `${prefix}-${slug.slice(0, 40).replace(/-+$/, '')}-${hash}`;
}

/** Total order on ids used to pick a component's id: shorter first, then alphabetical. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Weak keys join their holders only through the key without `~` (a mention named by the short form alone). */
export const WEAK = '~';

export function isWeakKey(key: string): boolean {
  return key.endsWith(WEAK);
}

/**
 * `Organization|pua@polytechnic university of accra`: an acronym together with the full
 * name it stands for in one mention. It joins nothing new (the full name does), but tells
 * which id an organisation takes when its acronym names another organisation too.
 */
function spelledOutKey(acronymKey: string, fullName: string): string {
  return `${acronymKey}@${normalizeKey(fullName)}`;
}

/** The acronym key and full name of a spelled-out key, or null for any other key. */
function parseSpelledOut(key: string): { acronymKey: string; fullName: string } | null {
  if (!key.startsWith('Organization|')) return null;
  const at = key.indexOf('@');
  return at < 0 ? null : { acronymKey: key.slice(0, at), fullName: key.slice(at + 1) };
}

export function bestId(ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const id of ids) if (best === undefined || compareIds(id, best) < 0) best = id;
  return best;
}

// ---------------------------------------------------------------- people


/**
 * Person name tokens for identity: "Al Malik", "Al-Malik" and "AlMalik" become
 * "almalik"; initials and honorific particles drop.
 */
export function personTokens(name: string): string[] {
  const raw = normalizeKey(name).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const next = raw[i + 1];
    if ((w === 'al' || w === 'el') && next !== undefined) {
      out.push(w + next);
      i++;
    } else if (w.length > 1) out.push(w);
  }
  return out;
}

/**
 * Identity forms of a person name: the full name and "first last".
 * "Salim M. AlMalik", "Salim Al-Malik" and "Salim bin Mohammed Al-Malik" share "salim almalik".
 */
export function personIdentityForms(name: string): string[] {
  const tokens = personTokens(name).filter((t) => !PERSON_IDENTITY_PARTICLES.has(t));
  if (tokens.length < 2) return [];
  const forms = new Set([tokens.join(' '), `${tokens[0]} ${tokens[tokens.length - 1]}`]);
  return [...forms];
}

/** The surname as an identity token ("Al-Malik" -> "almalik"). */
export function surnameOf(name: string): string | undefined {
  const tokens = personTokens(name).filter((t) => !PERSON_IDENTITY_PARTICLES.has(t));
  return tokens[tokens.length - 1];
}

// ------------------------------------------------ agreements, programmes, events


/** "Memorandum of Understanding" and "cooperation agreement" say what, not which; "ICESCO-Leibniz-DAAD Scholarship" is specific. */
export function isGenericThingName(name: string): boolean {
  return normalizeKey(name)
    .split(' ')
    .filter(Boolean)
    .every((w) => GENERIC_THING_WORDS.has(w) || /^\d+$/.test(w));
}

const GENERIC_THING_ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(memorandum of understanding|mou)\b/, 'mou'],
  [/\bprotocol\b/, 'protocol'],
  [/\b(letter of intent)\b/, 'letter of intent'],
  [/\bagreement\b/, 'agreement'],
];

/** "memorandum of understanding" and "MoU" are one kind of thing. */
function genericThingKey(name: string): string {
  const key = normalizeKey(name);
  for (const [re, canonical] of GENERIC_THING_ALIASES) if (re.test(key)) return canonical;
  return key;
}

const MAX_COMBINATIONS = 64;

/** Sorted combinations, one key per party: parties named differently in two documents still meet on one shared form. */
function partyCombinations(parties: string[][]): string[] {
  let combos: string[][] = [[]];
  for (const keys of parties) {
    const next: string[][] = [];
    for (const combo of combos) for (const key of keys) if (next.length < MAX_COMBINATIONS) next.push([...combo, key]);
    combos = next;
  }
  return [...new Set(combos.map((c) => [...new Set(c)].sort().join('+')))].sort();
}

// ---------------------------------------------------------------- per document

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function namesOf(entity: ExtractedEntity): string[] {
  const all = [entity.name, ...entity.aliases].map((n) => n.trim()).filter((n) => n.length > 0);
  const kept = all.filter((n) => !(entity.type === 'Organization' && isGenericDescription(n)) && normalizeKey(n).length > 0);
  return unique(kept.length > 0 ? kept : all.slice(0, 1));
}

/** Computes lookup keys, identity keys and a candidate id for every entity of one extraction. */
export function entityKeysOf(extraction: ExtractionResult): EntityKeys[] {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const docId = extraction.document.id;

  // Organisations first: other types are scoped by their keys.
  const orgIdentity = new Map<string, string[]>();
  const out = new Map<string, EntityKeys>();
  // Keys that scope a person's surname to an organisation: its names as the document gives them.
  const orgScopes = new Map<string, string[]>();
  for (const entity of extraction.entities) {
    if (entity.type !== 'Organization') continue;
    const names = namesOf(entity);
    const strong = names.filter((n) => isAcronym(n) || normalizeKey(n).split(' ').length >= 2 || n === names[0]);
    const scopes = unique(strong.filter((n) => !isGenericDescription(n)).map((n) => aliasKey('Organization', n))).sort();
    const acronymNames = names.filter(isAcronym);
    const fullNames = names.filter((n) => !isAcronym(n) && normalizeKey(n).split(' ').length >= 2 && !isGenericDescription(n));
    const acronymKeys = new Set(acronymNames.map((n) => aliasKey('Organization', n)));
    // An acronym with a full name beside it is weak: the same letters may stand for another organisation.
    const identityKeys = unique(
      fullNames.length === 0
        ? scopes
        : [
            ...scopes.filter((k) => !acronymKeys.has(k)),
            ...[...acronymKeys].map((k) => k + WEAK),
            ...[...acronymKeys].flatMap((k) => fullNames.map((f) => spelledOutKey(k, f))),
          ],
    ).sort();
    const acronyms = acronymNames.map((n) => normalizeKey(n)).sort(compareIds);
    const candidateKey = acronyms[0] ?? normalizeKey(names[0] ?? entity.name);
    orgIdentity.set(entity.id, identityKeys);
    orgScopes.set(entity.id, scopes);
    out.set(entity.id, {
      localId: entity.id,
      type: entity.type,
      name: names[0] ?? entity.name,
      names,
      lookupKeys: unique(names.map((n) => aliasKey(entity.type, n))).sort(),
      identityKeys,
      candidateId: idFromKey('Organization', identityKeys.length > 0 ? candidateKey : `${candidateKey} ${docId} ${entity.id}`),
    });
  }

  const relatedOrgs = (id: string, types: readonly string[], side: 'source' | 'target'): string[][] =>
    extraction.relations
      .filter((r) => types.includes(r.type) && (side === 'source' ? r.target === id : r.source === id))
      .map((r) => (side === 'source' ? r.source : r.target))
      .filter((other) => byId.get(other)?.type === 'Organization')
      .map((other) => orgIdentity.get(other) ?? [])
      .filter((keys) => keys.length > 0);

  for (const entity of extraction.entities) {
    if (entity.type === 'Organization') continue;
    const names = namesOf(entity);
    const lookupKeys = unique(names.map((n) => aliasKey(entity.type, n)));
    let identityKeys: string[];
    let candidateKey: string;
    switch (entity.type) {
      case 'Person': {
        const forms = unique(names.flatMap(personIdentityForms));
        const full = personIdentityForms(names[0] ?? entity.name);
        identityKeys = forms.map((f) => `Person|${f}`);
        // "Ndiaye" alone is the same person only within one organisation's people, and
        // only through a mention of the surname alone: "Zainab Ndiaye" and "Daniel Ndiaye"
        // hold it weakly, so they stay two.
        const surname = surnameOf(names[0] ?? entity.name);
        const weak = forms.length > 0 ? WEAK : '';
        if (surname !== undefined) {
          const orgs = extraction.relations.filter((r) => r.type === 'HOLDS_ROLE' && r.source === entity.id).map((r) => orgScopes.get(r.target) ?? []);
          for (const keys of orgs) for (const key of keys) identityKeys.push(`Person|${surname}@${key}${weak}`);
        }
        candidateKey = full[full.length - 1] ?? forms[0] ?? `${normalizeKey(entity.name)} ${docId} ${entity.id}`;
        break;
      }
      case 'Agreement':
      case 'Programme': {
        const specific = names.filter((n) => !isGenericThingName(n));
        if (specific.length > 0) {
          identityKeys = specific.map((n) => aliasKey(entity.type, n));
        } else {
          const parties = relatedOrgs(entity.id, ['PARTY_TO'], 'source');
          const what = genericThingKey(names[0] ?? entity.name);
          identityKeys =
            parties.length > 0
              ? partyCombinations(parties).map((combo) => `${entity.type}|${what}|${combo}`)
              : [`${entity.type}|${what}|doc:${docId}:${entity.id}`];
        }
        candidateKey = identityKeys[0]!;
        break;
      }
      case 'Event': {
        const specific = names.filter((n) => !isGenericThingName(n));
        const date = typeof entity.properties?.date === 'string' ? entity.properties.date : null;
        if (specific.length > 0) {
          identityKeys = specific.map((n) => aliasKey('Event', n));
        } else {
          const parties = relatedOrgs(entity.id, ['PARTICIPATED_IN'], 'source');
          identityKeys =
            date !== null && parties.length > 0
              ? partyCombinations(parties).map((combo) => `Event|${date}|${combo}`)
              : [`Event|${normalizeKey(entity.name)}|doc:${docId}:${entity.id}`];
        }
        candidateKey = identityKeys[0]!;
        break;
      }
      case 'Country':
      case 'Place':
      case 'Topic':
        identityKeys = lookupKeys;
        candidateKey = normalizeKey(names[0] ?? entity.name);
        break;
    }
    out.set(entity.id, {
      localId: entity.id,
      type: entity.type,
      name: names[0] ?? entity.name,
      names,
      lookupKeys: lookupKeys.sort(),
      // Document-local keys only seed the candidate id: nothing elsewhere can share them.
      identityKeys: unique(identityKeys.filter((k) => !isDocumentLocalKey(k))).sort(),
      candidateId: idFromKey(entity.type, candidateKey),
    });
  }
  return extraction.entities.map((e) => out.get(e.id)!).filter((k): k is EntityKeys => k !== undefined);
}

// ---------------------------------------------------------------- assignment

/** Keys made for one document's entity alone (no shareable name): nothing elsewhere can hold them. */
export function isDocumentLocalKey(key: string): boolean {
  return key.includes('|doc:');
}


/** Entities of one document (index into the batch) to place. */
export interface BatchEntity {
  doc: number;
  keys: EntityKeys;
}

export interface Assignment {
  /** graphIds[doc][localId] */
  graphIds: Array<Record<string, string>>;
  /** Existing entities to fold into another (a document linked them). Sorted. */
  merges: Array<{ type: EntityType; from: string; to: string }>;
}

/**
 * Places the entities of a batch of documents: union-find over "shares an
 * identity key" between the batch's entities and those already in the graph;
 * each component takes its smallest id; existing entities of a component that
 * lose are merged into the winner.
 */
export function assignIds(batch: BatchEntity[], existing: ExistingIdentity[], docCount: number): Assignment {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };

  // Nodes: "n:<doc>:<localId>" for batch entities, "g:<type>:<id>" for graph entities, "k:<key>" for keys.
  const existingType = new Map<string, EntityType>();
  const weakHolders = new Map<string, string[]>();
  const spelledOut: Array<{ holder: string; acronymKey: string; fullName: string }> = [];
  const hold = (holder: string, type: EntityType, key: string) => {
    const node = `k:${type}:${key}`;
    if (isWeakKey(key)) {
      const holders = weakHolders.get(node) ?? [];
      weakHolders.set(node, holders);
      holders.push(holder);
      return;
    }
    const parsed = parseSpelledOut(key);
    if (parsed !== null) spelledOut.push({ holder, ...parsed });
    add(node);
    union(holder, node);
  };
  for (const e of existing) {
    const g = `g:${e.type}:${e.id}`;
    existingType.set(g, e.type);
    add(g);
    hold(g, e.type, e.key);
  }
  for (const { doc, keys } of batch) {
    const n = `n:${doc}:${keys.localId}`;
    add(n);
    for (const key of keys.identityKeys) hold(n, keys.type, key);
  }
  // A weak key joins its holders when something holds it strong (is named by the short form alone).
  for (const [node, holders] of weakHolders) {
    const strong = node.slice(0, -WEAK.length);
    if (parent.has(strong)) for (const holder of holders) union(holder, strong);
  }
  // An acronym that stays weak and spells out two organisations gives neither its id:
  // each takes the id of a full name it stands for.
  const barred = new Map<string, Set<string>>();
  const fallback = new Map<string, string[]>();
  for (const [node, holders] of weakHolders) {
    const strong = node.slice(0, -WEAK.length);
    if (parent.has(strong) || !strong.startsWith('k:Organization:')) continue;
    const roots = new Set(holders.map(find));
    if (roots.size < 2) continue;
    const acronymKey = strong.slice('k:'.length).replace(/^Organization:/, '');
    const acronymId = idFromKey('Organization', acronymKey.slice('Organization|'.length));
    for (const root of roots) {
      const ids = barred.get(root) ?? new Set<string>();
      barred.set(root, ids);
      ids.add(acronymId);
    }
    for (const s of spelledOut) {
      const root = find(s.holder);
      if (s.acronymKey !== acronymKey || !roots.has(root)) continue;
      const ids = fallback.get(root) ?? [];
      fallback.set(root, ids);
      ids.push(idFromKey('Organization', s.fullName));
    }
  }
  const members = new Map<string, { candidates: string[]; graph: Array<{ type: EntityType; id: string }> }>();
  const groupOf = (x: string) => {
    const root = find(x);
    let group = members.get(root);
    if (group === undefined) {
      group = { candidates: [], graph: [] };
      members.set(root, group);
    }
    return group;
  };
  for (const { doc, keys } of batch) groupOf(`n:${doc}:${keys.localId}`).candidates.push(keys.candidateId);
  for (const [g, type] of existingType) {
    const id = g.slice(`g:${type}:`.length);
    const group = groupOf(g);
    group.candidates.push(id);
    group.graph.push({ type, id });
  }
  const winners = new Map<string, string>();
  for (const [root, group] of members) {
    const bar = barred.get(root);
    const allowed = bar === undefined ? group.candidates : [...group.candidates.filter((id) => !bar.has(id)), ...(fallback.get(root) ?? [])];
    winners.set(root, bestId(allowed) ?? bestId(group.candidates)!);
  }
  const graphIds: Array<Record<string, string>> = Array.from({ length: docCount }, () => ({}));
  for (const { doc, keys } of batch) {
    graphIds[doc]![keys.localId] = winners.get(find(`n:${doc}:${keys.localId}`))!;
  }
  const merges: Assignment['merges'] = [];
  for (const [root, group] of members) {
    if (group.graph.length === 0) continue;
    const winner = winners.get(root)!;
    for (const g of group.graph) if (g.id !== winner) merges.push({ type: g.type, from: g.id, to: winner });
  }
  merges.sort((a, b) => compareIds(a.from, b.from));
  return { graphIds, merges };
}
