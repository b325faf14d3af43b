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
 * Weak keys (ending in `~`) are short forms that may stand for more than one
 * entity: an acronym written beside a full name ("Polytechnic University of
 * Accra (PUA)") and a surname at an organisation for a person named in full
 * ("Zainab Ndiaye, Director of ..."). The short form alone ("PUA", "Ndiaye,
 * Director of ...") holds the same key strong. Once the strong keys have
 * joined what they join, a weak key joins its holders to the key's strong
 * holders only when every weak holder is one entity (no conflicting full
 * name); when two entities hold it weakly it is contested: they stay two,
 * mentions of the short form alone stay apart from both, and the acronym's
 * id goes to neither (each takes the id of its full name). The result is a
 * function of the whole set of mentions, not of their order.
 *
 * Judgements take part (src/graph/judgements.ts): a merge unites the keys it
 * names; a distinct judgement names two sets of anchor keys, a side each,
 * that no entity may hold both of. A mention holding an anchor holds it
 * strong and every other key of it weak, so it joins other mentions through
 * its anchors and, through its other keys, only where that puts no anchors
 * of both sides together; a mention holding anchors of both sides keeps
 * those of the side its own name is on (else side a). Every union is
 * checked, so two sides never meet.
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

/** Weak keys end in `~` (see the file comment). */
export const WEAK = '~';

export function isWeakKey(key: string): boolean {
  return key.endsWith(WEAK);
}

/** The strong form of a weak key (`Organization|pua~` -> `Organization|pua`); other keys unchanged. */
export function strongKeyOf(key: string): string {
  return isWeakKey(key) ? key.slice(0, -WEAK.length) : key;
}

/**
 * Keys that may have a weak or strong twin: an organisation key of one word
 * (an acronym) and a person's surname at an organisation. Identity looks up
 * both forms of these.
 */
export function keyVariants(key: string): string[] {
  const strong = strongKeyOf(key);
  const name = strong.slice(strong.indexOf('|') + 1);
  const twin = (strong.startsWith('Organization|') && !name.includes(' ')) || (strong.startsWith('Person|') && name.includes('@'));
  return twin ? [strong, strong + WEAK] : [key];
}

/**
 * The id an organisation takes when its acronym is contested: that of its
 * first full name (null when it has none, or for other types).
 */
export function fallbackIdOf(type: EntityType, names: readonly string[]): string | null {
  if (type !== 'Organization') return null;
  const full = names.find((n) => !isAcronym(n) && normalizeKey(n).split(' ').length >= 2 && !isGenericDescription(n));
  return full === undefined ? null : idFromKey('Organization', normalizeKey(full));
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
  // Keys that scope a person's surname to an organisation: every name the document gives it.
  const orgScopes = new Map<string, string[]>();
  for (const entity of extraction.entities) {
    if (entity.type !== 'Organization') continue;
    const names = namesOf(entity);
    const strong = names.filter((n) => isAcronym(n) || normalizeKey(n).split(' ').length >= 2 || n === names[0]);
    const scopes = unique(strong.filter((n) => !isGenericDescription(n)).map((n) => aliasKey('Organization', n))).sort();
    const acronymKeys = new Set(names.filter(isAcronym).map((n) => aliasKey('Organization', n)));
    // An acronym beside a full name is weak: the same letters may stand for another organisation.
    const hasFullName = fallbackIdOf('Organization', names) !== null;
    const identityKeys = unique(scopes.map((k) => (hasFullName && acronymKeys.has(k) ? k + WEAK : k))).sort();
    const acronyms = names.filter(isAcronym).map((n) => normalizeKey(n)).sort(compareIds);
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
      // Parties meet on every name the document gives them, the acronym included (strong or weak).
      .map((other) => unique((orgIdentity.get(other) ?? []).map(strongKeyOf)))
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
        // "Al-Malik" alone is the same person only within one organisation's people; a person
        // named in full holds the surname there weakly, so "Zainab Ndiaye" and "Daniel Ndiaye"
        // of one organisation stay two (and "Ndiaye" alone joins neither).
        const surname = surnameOf(names[0] ?? entity.name);
        if (surname !== undefined) {
          const weak = forms.length > 0 ? WEAK : '';
          for (const r of extraction.relations) {
            if (r.type !== 'HOLDS_ROLE' || r.source !== entity.id) continue;
            for (const key of orgScopes.get(r.target) ?? []) identityKeys.push(`Person|${surname}@${key}${weak}`);
          }
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

/**
 * A stored mention placed again (its entity is re-resolved from its mentions:
 * it holds weak keys, lost a document, or a judgement names it).
 */
export interface ReopenedMention {
  entityId: string;
  documentId: string;
  keys: EntityKeys;
}

/** A distinct judgement in force: no entity may hold anchor keys of both sides. */
export interface DistinctSides {
  id: string;
  a: string[];
  b: string[];
}

/** Judgements identity obeys: merges in force (the identity keys each keeps in one entity) and distinct judgements. */
export interface IdentityJudgements {
  merges: string[][];
  distincts?: DistinctSides[];
}

/** The identity keys one name gives an entity of its type (organisations and people; [] for others). */
export function identityKeysOfName(type: EntityType, name: string): string[] {
  if (type === 'Organization') return normalizeKey(name).length > 0 ? [aliasKey('Organization', name)] : [];
  if (type === 'Person') return personIdentityForms(name).map((f) => `Person|${f}`);
  return [];
}

/** A stored mention as a distinct judgement reads it: its entity, the names it gives and its identity keys. */
export interface MentionOfEntity {
  entityId: string;
  names: readonly string[];
  identityKeys: readonly string[];
}

/**
 * The identity keys of the mentions on each side of a distinct judgement
 * naming `a` and `b`: each entity's mentions when they are two entities;
 * when both are one entity (a split), the mentions giving each name, where a
 * mention giving both counts for the side of its own (first) name and one
 * giving neither counts for neither. `missing` names a side no mention gives.
 */
export function distinctSides(
  type: EntityType,
  a: { id: string; name: string },
  b: { id: string; name: string },
  mentions: readonly MentionOfEntity[],
): { a: string[][]; b: string[][]; missing: 'a' | 'b' | null } {
  if (a.id !== b.id) {
    const of = (id: string) => mentions.filter((m) => m.entityId === id).map((m) => [...m.identityKeys]);
    return { a: of(a.id), b: of(b.id), missing: null };
  }
  const named = (name: string) => ({ alias: aliasKey(type, name), identity: new Set(identityKeysOfName(type, name)) });
  const [na, nb] = [named(a.name), named(b.name)];
  const gives = (m: MentionOfEntity, n: ReturnType<typeof named>) => m.names.some((x) => aliasKey(type, x) === n.alias) || m.identityKeys.some((k) => n.identity.has(k));
  const ownName = (m: MentionOfEntity, n: ReturnType<typeof named>) => m.names[0] !== undefined && aliasKey(type, m.names[0]) === n.alias;
  const sides = { a: [] as string[][], b: [] as string[][] };
  for (const m of mentions) {
    const [giveA, giveB] = [gives(m, na), gives(m, nb)];
    const side = giveA && giveB ? (ownName(m, nb) ? 'b' : 'a') : giveA ? 'a' : giveB ? 'b' : null;
    if (side !== null) sides[side].push([...m.identityKeys]);
  }
  return { ...sides, missing: sides.a.length === 0 ? 'a' : sides.b.length === 0 ? 'b' : null };
}

/**
 * The anchors of a distinct judgement from the mentions on each side (their
 * identity keys): the strong keys only one side's mentions hold. Keys both
 * sides hold say nothing about which is which.
 */
export function distinctAnchors(a: ReadonlyArray<readonly string[]>, b: ReadonlyArray<readonly string[]>): { a: string[]; b: string[] } {
  const strong = (mentions: ReadonlyArray<readonly string[]>) => new Set(mentions.flat().filter((k) => !isWeakKey(k) && !isDocumentLocalKey(k)));
  const inA = strong(a);
  const inB = strong(b);
  return { a: [...inA].filter((k) => !inB.has(k)).sort(), b: [...inB].filter((k) => !inA.has(k)).sort() };
}

/**
 * The keys a holder places itself with under distinct judgements: unchanged
 * when it holds no anchor; else its anchors strong (only those of its name's
 * side where it holds both sides of one judgement) and every other key weak.
 */
export function guardedKeys(keys: Pick<EntityKeys, 'type' | 'name' | 'identityKeys'>, distincts: readonly DistinctSides[]): string[] {
  const held = new Set(keys.identityKeys.filter((k) => !isWeakKey(k)));
  const anchors = new Set<string>();
  for (const d of distincts) {
    const heldA = d.a.filter((k) => held.has(k));
    const heldB = d.b.filter((k) => held.has(k));
    if (heldA.length > 0 && heldB.length > 0) {
      const own = new Set(identityKeysOfName(keys.type, keys.name));
      const sideB = heldB.some((k) => own.has(k)) && !heldA.some((k) => own.has(k));
      for (const k of sideB ? heldB : heldA) anchors.add(k);
    } else for (const k of [...heldA, ...heldB]) anchors.add(k);
  }
  if (anchors.size === 0) return keys.identityKeys;
  return keys.identityKeys.map((k) => (isWeakKey(k) || anchors.has(k) ? k : k + WEAK));
}

export interface Assignment {
  /** graphIds[doc][localId] */
  graphIds: Array<Record<string, string>>;
  /** Existing entities to fold into another (a document linked them). Sorted. */
  merges: Array<{ type: EntityType; from: string; to: string }>;
  /** Where every reopened mention goes (`to` may equal `entityId`). */
  placed: Array<{ type: EntityType; entityId: string; documentId: string; to: string }>;
}

/**
 * Places the entities of a batch of documents: union-find over "shares an
 * identity key" between the batch's entities, reopened stored mentions and
 * the other entities already in the graph; then weak keys join where they are
 * not contested (see the file comment) and judged merges join; each component
 * takes its smallest allowed id; existing entities of a component that lose
 * are merged into the winner.
 */
export function assignIds(
  batch: BatchEntity[],
  existing: ExistingIdentity[],
  docCount: number,
  reopened: ReopenedMention[] = [],
  judged: IdentityJudgements = { merges: [] },
): Assignment {
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
    if (parent.has(x)) return;
    parent.set(x, x);
    const held = sidesOfKey.get(x);
    if (held !== undefined) sides.set(x, new Set(held));
  };
  // Sides of distinct judgements each component holds ("<judgement>\u0000a"): a union that would hold both sides of one is refused.
  const distincts = judged.distincts ?? [];
  const sidesOfKey = new Map<string, string[]>();
  for (const d of distincts) {
    for (const key of d.a) getOrSetList(sidesOfKey, keyNode(key)).push(`${d.id}\u0000a`);
    for (const key of d.b) getOrSetList(sidesOfKey, keyNode(key)).push(`${d.id}\u0000b`);
  }
  const sides = new Map<string, Set<string>>();
  const opposed = (x: Set<string> | undefined, y: Set<string> | undefined): boolean => {
    if (x === undefined || y === undefined) return false;
    for (const side of x) if (y.has(side.endsWith('a') ? `${side.slice(0, -1)}b` : `${side.slice(0, -1)}a`)) return true;
    return false;
  };
  // Unions are made smaller-name-root first so the result does not depend on the order of unions.
  const union = (a: string, b: string): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || opposed(sides.get(ra), sides.get(rb))) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    const moved = sides.get(child);
    if (moved !== undefined) for (const side of moved) getOrSetSet(sides, root).add(side);
    return true;
  };

  // Nodes: "n:<doc>:<localId>" for batch entities, "r:<doc>|<entity>" for reopened mentions,
  // "g:<type>:<id>" for graph entities, "k:<type>:<key>" for strong keys.
  const existingType = new Map<string, EntityType>();
  const weakHolders = new Map<string, string[]>();
  const candidates = new Map<string, { candidateId: string; fallbackId: string | null }>();
  const hold = (holder: string, key: string) => {
    if (isWeakKey(key)) {
      getOrSetList(weakHolders, keyNode(strongKeyOf(key))).push(holder);
      return;
    }
    add(keyNode(key));
    union(holder, keyNode(key));
  };
  for (const e of existing) {
    const g = `g:${e.type}:${e.id}`;
    existingType.set(g, e.type);
    add(g);
    candidates.set(g, { candidateId: e.id, fallbackId: null });
    hold(g, e.key);
  }
  const place = (node: string, keys: EntityKeys) => {
    add(node);
    candidates.set(node, { candidateId: keys.candidateId, fallbackId: fallbackIdOf(keys.type, keys.names) });
    for (const key of distincts.length === 0 ? keys.identityKeys : guardedKeys(keys, distincts)) hold(node, key);
  };
  for (const { doc, keys } of batch) place(`n:${doc}:${keys.localId}`, keys);
  const reopenedNode = (r: { documentId: string; entityId: string }) => `r:${r.documentId}|${r.entityId}`;
  for (const r of reopened) place(reopenedNode(r), r.keys);

  // Judged merges: the keys a merge judgement unites are one (as strong as any identity key).
  for (const keys of judged.merges) {
    const nodes = keys.filter((k) => !isWeakKey(k)).map(keyNode);
    for (const n of nodes) {
      add(n);
      union(nodes[0]!, n);
    }
  }

  // Weak keys: to a fixpoint (unions only ever make a weak key less contested, so the result is unique).
  const weakKeys = [...weakHolders.keys()].sort();
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of weakKeys) {
      const roots = new Set(weakHolders.get(node)!.map(find));
      if (roots.size !== 1) continue;
      const [root] = roots;
      if (parent.has(node) && union(root!, node)) changed = true;
    }
  }
  // A contested acronym (or one a distinct judgement keeps from its holders) gives none of its weak holders its id.
  const barred = new Map<string, Set<string>>();
  for (const node of weakKeys) {
    const roots = new Set(weakHolders.get(node)!.map(find));
    const keptApart = roots.size === 1 && parent.has(node) && !roots.has(find(node));
    if ((roots.size < 2 && !keptApart) || !node.startsWith('k:Organization:')) continue;
    const key = node.slice('k:Organization:'.length);
    const acronymId = idFromKey('Organization', key.slice(key.indexOf('|') + 1));
    for (const root of roots) getOrSetSet(barred, root).add(acronymId);
  }

  const members = new Map<string, { ids: string[]; graph: Array<{ type: EntityType; id: string }> }>();
  const groupOf = (x: string) => {
    const root = find(x);
    let group = members.get(root);
    if (group === undefined) {
      group = { ids: [], graph: [] };
      members.set(root, group);
    }
    return group;
  };
  for (const [node, c] of candidates) {
    const bar = barred.get(find(node));
    groupOf(node).ids.push(bar !== undefined && bar.has(c.candidateId) && c.fallbackId !== null ? c.fallbackId : c.candidateId);
  }
  for (const [g, type] of existingType) groupOf(g).graph.push({ type, id: g.slice(`g:${type}:`.length) });
  const winner = (node: string) => bestId(groupOf(node).ids)!;
  const graphIds: Array<Record<string, string>> = Array.from({ length: docCount }, () => ({}));
  for (const { doc, keys } of batch) graphIds[doc]![keys.localId] = winner(`n:${doc}:${keys.localId}`);
  const merges: Assignment['merges'] = [];
  for (const group of members.values()) {
    if (group.graph.length === 0) continue;
    const to = bestId(group.ids)!;
    for (const g of group.graph) if (g.id !== to) merges.push({ type: g.type, from: g.id, to });
  }
  merges.sort((a, b) => compareIds(a.from, b.from));
  const placed = reopened.map((r) => ({ type: r.keys.type, entityId: r.entityId, documentId: r.documentId, to: winner(reopenedNode(r)) }));
  return { graphIds, merges, placed };
}

/** The union-find node of an identity key (`Type|...`). */
function keyNode(key: string): string {
  return `k:${key.slice(0, key.indexOf('|'))}:${key}`;
}

function getOrSetList<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

function getOrSetSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  return set;
}
