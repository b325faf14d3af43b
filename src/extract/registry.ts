/**
 * Entities of one document while they are being found: merges name variants
 * ("Fulbright Commission" into "US-UK Fulbright Commission", "Al-Malik" into
 * "Salim M. AlMalik") and hands out ids in order of first mention.
 */
import { tokenize } from './text.ts';
import type { EntityType } from './types.ts';
import { PATRONYMIC_PARTICLES, fold } from '../model/names.ts';

export { fold } from '../model/names.ts';

export interface Entity {
  key: number;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  /** Normalised head noun for organisations, programmes and events. */
  head?: string;
  /** Offset of the first mention, for id order. */
  first: number;
  properties: Record<string, string | number | boolean | null>;
  /** Rules (rules.ts) that found the entity where no general name pattern did. */
  rules: Set<string>;
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  sentence: number;
  /** Token range in the sentence. */
  ti: number;
  tj: number;
  via: 'name' | 'alias' | 'acronym' | 'coref' | 'title' | 'token';
}

const STOP = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'de', 'des', 'du', 'la', 'le', 'a', 'an', '&', 'named', 'after', 'l', 'd',
  // Legal and generic company words: "Huawei Technologies Pakistan" and "Huawei Pakistan" are one company.
  'technologies', 'limited', 'ltd', 'inc', 'plc', 'llc', 'holdings']);
/** Heads in other languages and spellings, folded (no accents). */
const HEAD_NORMAL: Record<string, string> = {
  universite: 'university', universiti: 'university', universidade: 'university', universidad: 'university',
  universitat: 'university', universita: 'university', organisation: 'organization', centre: 'center',
  fondation: 'foundation', institut: 'institute', instituto: 'institute', agence: 'agency', fundacao: 'foundation',
};


/** Content words of an organisation name, heads normalised across languages. */
export function orgKeyTokens(name: string): string[] {
  return fold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => HEAD_NORMAL[w] ?? w);
}

/** Person name tokens: "Al Malik", "Al-Malik" and "AlMalik" become one token; initials drop. */
export function personKeyTokens(name: string): string[] {
  const t = fold(name).split(/[^a-z0-9]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    if ((w === 'al' || w === 'el') && i + 1 < t.length) {
      out.push(w + t[i + 1]);
      i++;
    } else if (PATRONYMIC_PARTICLES.has(w) || w.length === 1) continue;
    else out.push(w);
  }
  return out;
}

/** A name or alias as matched against running text. */
export interface KnownName {
  entity: Entity;
  name: string;
  /** The name without spaces, compared with concatenated tokens. */
  compact: string;
}

export class Registry {
  readonly entities: Entity[] = [];
  private next = 0;
  /** Indexes, kept in step by create / addAlias / rename, so lookups stay linear in document size. */
  private readonly byKey = new Map<string, Entity[]>();
  private readonly byFirstWord = new Map<string, KnownName[]>();
  private readonly byPersonToken = new Map<string, Set<Entity>>();
  private readonly removed = new Set<Entity>();

  create(type: EntityType, name: string, first: number, head?: string): Entity {
    const e: Entity = { key: this.next++, type, name, aliases: new Set(), first, properties: {}, rules: new Set(), ...(head ? { head } : {}) };
    this.entities.push(e);
    this.index(e, name);
    return e;
  }

  /** Adds a short form or variant to an entity (no-op for its own name). */
  addAlias(e: Entity, alias: string): void {
    if (!alias || alias === e.name || e.aliases.has(alias)) return;
    e.aliases.add(alias);
    this.index(e, alias);
  }

  /** Makes `name` the entity's name, keeping the old one as an alias. */
  rename(e: Entity, name: string): void {
    if (name === e.name) return;
    const old = e.name;
    e.aliases.delete(name);
    e.name = name;
    this.addAlias(e, old);
    this.index(e, name);
  }

  private index(e: Entity, n: string): void {
    if (e.type === 'Person') {
      for (const t of personKeyTokens(n)) {
        let set = this.byPersonToken.get(t);
        if (!set) this.byPersonToken.set(t, (set = new Set()));
        set.add(e);
      }
      return;
    }
    if (e.type === 'Country') return;
    const key = orgKeyTokens(n).join(' ');
    if (key) {
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      this.byKey.set(key, list);
    }
    // Keyed by the first two tokens, so a common first word ("Institute") does not make lookups slow.
    const toks = tokenize(n);
    const known: KnownName = { entity: e, name: n, compact: n.replace(/\s+/g, '') };
    const keys = toks.length === 1 ? [toks[0]!.text, `~${fold(toks[0]!.text)}`] : [`${toks[0]?.text} ${toks[1]?.text}`];
    for (const k of keys) {
      const list = this.byFirstWord.get(k) ?? [];
      list.push(known);
      this.byFirstWord.set(k, list);
    }
  }

  /** Names and aliases that begin with these tokens (one-word names also case-folded). */
  namesStartingWith(first: string, second: string | undefined): KnownName[] {
    const out = [...(this.byFirstWord.get(first) ?? []), ...(this.byFirstWord.get(`~${fold(first)}`) ?? [])];
    if (second !== undefined) out.push(...(this.byFirstWord.get(`${first} ${second}`) ?? []));
    return out.filter((k) => !this.removed.has(k.entity));
  }

  ofType(type: EntityType): Entity[] {
    return this.entities.filter((e) => e.type === type);
  }

  /** The organisation-like entity (org, programme, event) a name denotes, by name or alias. */
  findByName(name: string, types: EntityType[]): Entity | undefined {
    const key = orgKeyTokens(name).join(' ');
    if (!key) return undefined;
    return (this.byKey.get(key) ?? []).find((e) => types.includes(e.type) && !this.removed.has(e));
  }

  /** A person entity whose name contains the mention's tokens and ends with the same surname. */
  findPerson(name: string): Entity | undefined {
    const t = personKeyTokens(name);
    if (!t.length) return undefined;
    // Every token of the mention must be in the name: look only at holders of its rarest token.
    const candidates = [...this.personsWithAll(t)].sort((a, b) => a.key - b.key);
    for (const e of candidates) {
      if (this.removed.has(e)) continue;
      for (const n of [e.name, ...e.aliases]) {
        const u = personKeyTokens(n);
        const set = new Set(u);
        const contained = t.every((w) => set.has(w));
        const sameSurname = u[u.length - 1] === t[t.length - 1];
        const prefix = t.every((w, k) => u[k] === w);
        if (contained && (sameSurname || prefix)) return e;
      }
    }
    return undefined;
  }

  /** People whose names (or aliases) hold every one of these tokens, found through the rarest one. */
  personsWithAll(tokens: string[]): Set<Entity> {
    let best: Set<Entity> | undefined;
    for (const t of tokens) {
      const set = this.byPersonToken.get(t);
      if (!set) return new Set();
      if (!best || set.size < best.size) best = set;
    }
    return best ?? new Set();
  }

  remove(e: Entity): void {
    const i = this.entities.indexOf(e);
    if (i >= 0) this.entities.splice(i, 1);
    this.removed.add(e);
  }
}
