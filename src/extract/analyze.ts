/**
 * Finds the entities of a document and every place each is mentioned:
 * pass 1 collects full names (head-noun names, acronyms in parentheses,
 * people); pass 2 walks every sentence and records mentions by name, alias,
 * undefined acronym, distinctive name word and coreference by head noun
 * ("the Ministry", "the German Association", "the institute").
 */
import { countryAt } from './countries.ts';
import { COOPERATION_CUE } from './cues.ts';
import { COMPANY_SUFFIXES, DEMONYMS, MONTHS, NON_NAME_CAPITALS, NON_ORG_ACRONYMS, ORG_HEADS } from './gazetteers.ts';
import { datelineEnd, isCreditLine, isNonOrgAcronym } from './noise.ts';
import { findBrandNames } from './companies.ts';
import { mergeNameVariants } from './name-variants.ts';
import { ruleOn } from './rules.ts';
import { findNameSpans, headOf, isNameWord, nestedParent } from './org-names.ts';
import type { NameSpan } from './org-names.ts';
import { CONTACT_HEADING, cleanPersonName, contactPerson, findPersonSpans } from './people.ts';
import type { PersonSpan } from './people.ts';
import { Registry, fold, orgKeyTokens, personKeyTokens } from './registry.ts';
import type { Entity, Mention } from './registry.ts';
import { isAcronym, isCapitalized, tokenize } from './text.ts';
import type { Sentence, Token } from './text.ts';
import { textOf, titleAt } from './titles.ts';
import type { EntityType } from './types.ts';
import { GENERIC_NAME_WORDS } from '../model/names.ts';

export interface Analysis {
  text: string;
  sentences: Sentence[];
  registry: Registry;
  /** Mentions per sentence, in token order. */
  mentions: Mention[][];
  /** Country entity per canonical name. */
  countries: Map<string, Entity>;
  publishedAt: string | null;
}

const ORGLIKE: EntityType[] = ['Organization', 'Programme', 'Event'];
const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');


const CAP_COREF_HEADS = new Map<string, string>([...ORG_HEADS].map(([k, v]) => [k.toLowerCase(), v]));
CAP_COREF_HEADS.set('institution', '*');
const PLURAL_GROUP = /^(two|three|four|five|both)$/i;

/** Descriptions of membership bodies, interchangeable in coreference ("the association" ... "the network"). */
const DESCRIPTOR_CLASS: ReadonlySet<string> = new Set(['network', 'association', 'alliance', 'federation', 'union', 'consortium', 'organisation', 'organization', 'body']);
function sameClass(a: string, b: string): boolean {
  return DESCRIPTOR_CLASS.has(a) && DESCRIPTOR_CLASS.has(b);
}
/** "X (ACR), the global association of ...", "X, a regional network of which ...": the description of X. */
const APPOSITION_DESCRIPTOR = /^,\s*(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}?(network|association|alliance|federation|union|consortium|organi[sz]ation|body)\b/u;

function spanKey(tokens: Token[], s: NameSpan): string {
  // "Northwind Analytics Ltd." at the end of a sentence: the period is the sentence's.
  return textOf(tokens, s.i, s.j).replace(/(Ltd|Inc|Co|Corp)\.$/, '$1');
}

/** Drops a trailing country that qualifies a name ("Leibniz Association Germany"). */
function qualifier(tokens: Token[], s: NameSpan): { span: NameSpan; country: string | null } {
  if (s.j - s.i >= 3 && headOf(tokens[s.j - 2]!.text)) {
    const c = countryAt(tokens, s.j - 1);
    if (c && c.j === s.j) return { span: { ...s, j: s.j - 1 }, country: c.canonical };
  }
  return { span: s, country: null };
}

function isJointName(name: string, reg: Registry): boolean {
  const first = name.split(/\s+/)[0] ?? '';
  const parts = first.split(/[-–—]/).filter(Boolean);
  if (parts.length < 2) return false;
  const hits = parts.filter(
    (p) =>
      (isAcronym(p) && !NON_ORG_ACRONYMS.has(p)) ||
      reg.entities.some((e) => e.type === 'Organization' && e.name !== name && (e.aliases.has(p) || e.name === p || e.name.split(/\s+/).includes(p))),
  );
  return hits.length === parts.length;
}

export function analyze(text: string, sentences: Sentence[], publishedAt: string | null): Analysis {
  const registry = new Registry();
  const countries = new Map<string, Entity>();
  const spansBySentence: NameSpan[][] = [];
  const peopleBySentence: PersonSpan[][] = [];
  const acronymOwner = new Map<string, Entity>();
  const nestedNames: Array<{ unit: Entity; name: string; at: number }> = [];
  /** Pass-1 names by their content words, to merge "Fulbright Commission" into "US-UK Fulbright Commission". */
  const byWord = new Map<string, Set<Entity>>();
  const keyOf = new Map<Entity, string[]>();
  const indexWords = (e: Entity, key: string[]) => {
    keyOf.set(e, key);
    for (const w of key) {
      const set = byWord.get(w) ?? new Set<Entity>();
      set.add(e);
      byWord.set(w, set);
    }
  };

  const addCountry = (canonical: string, at: number): Entity => {
    let c = countries.get(canonical);
    if (!c) {
      c = registry.create('Country', canonical, at);
      countries.set(canonical, c);
    }
    c.first = Math.min(c.first, at);
    return c;
  };

  /** Lines of a contact block ("Media contact:" up to "SOURCE X" or an "About" section). */
  let inContact = false;
  // Pass 1: names with a head noun, acronyms defined in parentheses, people.
  for (const s of sentences) {
    if (CONTACT_HEADING.test(s.text.trim())) inContact = true;
    else if (/^(SOURCE|About)\b/.test(s.text) || s.tokens.length > 30) inContact = false;
    const tokens = s.tokens;
    const spans = s.isHeadline ? [] : findNameSpans(tokens).map((sp) => qualifier(tokens, sp));
    const kept: NameSpan[] = [];
    for (const { span, country } of spans) {
      // "the Russian Federation", "the Russian Federation and Türkiye": a state's name, not an organisation.
      const state = countryAt(tokens, span.i);
      if (state && (state.j === span.j || tokens.slice(span.i, state.j).some((x) => headOf(x.text)?.kind === 'Organization') && lower(tokens[state.j]) === 'and')) continue;
      const name = spanKey(tokens, span);
      // "the Government of the Republic of Korea": the state itself (a country), not an organisation.
      if (/^Government of\b/.test(name) && countryAt(tokens, span.i + 2 + (lower(tokens[span.i + 2]) === 'the' ? 1 : 0))?.j === span.j) continue;
      // "the German Association" after the Leibniz Association: a description (coreference), not a name.
      if (span.j - span.i === 2 && DEMONYMS.has(tokens[span.i]!.text) && /^the$/i.test(tokens[span.i - 1]?.text ?? '') && !span.acronym
        && registry.entities.some((x) => x.type === 'Organization' && x.head === span.head)) continue;
      const start = tokens[span.i]!.start;
      let e = registry.findByName(name, ORGLIKE);
      if (!e && span.acronym) e = acronymOwner.get(span.acronym);
      // "the General Secretariat of the OIC", "the ECO Secretariat": an organ speaks for its organisation.
      const organOf = !e && span.head === 'Secretariat' && ruleOn('org.organ') ? organBody(name) : null;
      if (organOf) {
        const body = registry.findByName(organOf, ORGLIKE) ?? acronymOwner.get(organOf) ?? registry.create('Organization', organOf, start, headOf(organOf.split(/\s+/).pop() ?? '')?.head);
        body.rules.add('org.organ');
        registry.addAlias(body, name);
        if (isAcronym(organOf)) acronymOwner.set(organOf, body);
        if (span.acronym) {
          registry.addAlias(body, span.acronym);
          acronymOwner.set(span.acronym, body);
        }
        kept.push(span);
        continue;
      }
      if (!e) {
        // "Fulbright Commission" inside "US-UK Fulbright Commission": same head, fewer words.
        const key = orgKeyTokens(name);
        // Candidates share the new name's rarest word (a subset) or hold only words of it (a superset).
        const rare = key.reduce<string | undefined>((r, w) => (r === undefined || (byWord.get(w)?.size ?? 0) < (byWord.get(r)?.size ?? 0) ? w : r), undefined);
        const candidates = new Set<Entity>([...(rare ? byWord.get(rare) ?? [] : [])]);
        for (const w of key) if (!GENERIC_NAME_WORDS.has(w)) for (const x of byWord.get(w) ?? []) if ((keyOf.get(x)?.length ?? 99) <= key.length) candidates.add(x);
        e = [...candidates].sort((x, y) => x.key - y.key).find((x) => {
          if (!ORGLIKE.includes(x.type) || x.head !== span.head) return false;
          const xk = keyOf.get(x) ?? orgKeyTokens(x.name);
          const [small, big] = key.length <= xk.length ? [key, xk] : [xk, key];
          // "Carnegie Mellon University Africa" is the regional campus of "Carnegie Mellon University", not another name of it.
          if (regionalName(name, x.name) || regionalName(x.name, name)) return false;
          return small.length >= 2 && small.every((w) => big.includes(w));
        });
        if (e && (keyOf.get(e)?.length ?? 0) < key.length) {
          registry.rename(e, name);
          indexWords(e, key);
        } else if (e) registry.addAlias(e, name);
      }
      if (!e) {
        e = registry.create(span.kind, name, start, span.head);
        indexWords(e, orgKeyTokens(name));
      }
      // "Institute of Physics of the NAS of Ukraine": the parent named inside the unit's name.
      const nested = e.type === 'Organization' && ruleOn('part-of.nested-name') ? nestedParent(tokens, span) : null;
      if (nested) {
        // "the Institute of Physics" is how the text may refer to "the Institute of Physics of the NAS of Ukraine".
        const own = textOf(tokens, span.i, nested.i).replace(/\s+(of|at|under)(\s+the)?$/i, '');
        // The same unit named again with its parent spelled differently ("... of the National Academy of Sciences of
        // Ukraine", "... of the NAS of Ukraine"): one organisation.
        const unit = e;
        const same = own.split(/\s+/).length >= 2 ? registry.entities.find((x) => x !== unit && x.type === 'Organization' && x.head === unit.head && x.aliases.has(own)) : undefined;
        if (same && e.aliases.size === 0 && !span.acronym) {
          registry.remove(e);
          registry.addAlias(same, name);
          e = same;
        } else {
          nestedNames.push({ unit: e, name: textOf(tokens, nested.i, nested.j), at: tokens[nested.i]!.start });
          if (own.split(/\s+/).length >= 2) registry.addAlias(e, own);
        }
      }
      if (span.acronym) {
        registry.addAlias(e, span.acronym);
        acronymOwner.set(span.acronym, e);
        // "NAS of Ukraine" is also "NAS".
        const bareAcronym = /^(\S+) of /.exec(span.acronym)?.[1];
        if (bareAcronym && !acronymOwner.has(bareAcronym)) {
          registry.addAlias(e, bareAcronym);
          acronymOwner.set(bareAcronym, e);
        }
        if (e.type !== 'Organization' && span.kind === 'Organization') e.type = 'Organization';
      }
      const tail = text.slice(tokens[span.after - 1]!.end, Math.min(text.length, tokens[span.after - 1]!.end + 80));
      const described = APPOSITION_DESCRIPTOR.exec(tail);
      if (described?.[1]) e.properties._descriptor = described[1];
      if (country) {
        registry.addAlias(e, `${name} ${country}`);
        e.properties.country = country;
      }
      // "Fraunhofer Institute for Solar Energy Systems ISE": the trailing acronym, and "Fraunhofer ISE".
      const words = name.split(/\s+/);
      const last = words[words.length - 1] ?? '';
      // "OPEC Fund for International Development" is also "OPEC Fund" (the head with its distinctive modifiers).
      const comp = words.findIndex((w, i) => i > 0 && /^(for|of)$/.test(w) && !!headOf(words[i - 1] ?? ''));
      if (comp >= 2 && words.slice(0, comp - 1).some((w) => !GENERIC_NAME_WORDS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)) && ruleOn('org.short-form')) {
        registry.addAlias(e, words.slice(0, comp).join(' '));
        e.rules.add('org.short-form');
      }
      // "Ecobank Group", "Telenor Group": the group is also called by the brand alone.
      if (last === 'Group' && words.length >= 2 && !words.slice(0, -1).some((w) => headOf(w))) registry.addAlias(e, words.slice(0, -1).join(' '));
      if (COMPANY_SUFFIXES.has(last) && words.length >= 2) {
        // "Siemens Energy AG" is also "Siemens Energy".
        registry.addAlias(e, words.slice(0, -1).join(' '));
      } else if (words.length >= 3 && isAcronym(last) && !NON_ORG_ACRONYMS.has(last) && !/^(for|of|to|on|in|at|and|the|with)$/i.test(words[words.length - 2] ?? '')) {
        // Not "Kenya National Commission for UNESCO": an acronym after a preposition names another body.
        registry.addAlias(e, last);
        registry.addAlias(e, `${words[0]} ${last}`);
        acronymOwner.set(last, e);
      }
      kept.push(span);
    }
    spansBySentence.push(kept);
    const isKnown = (i: number, j: number) => {
      if (countryAt(tokens, i)?.j === j) return true;
      return kept.some((sp) => sp.i < j && i < sp.j);
    };
    const people = s.isHeadline ? [] : findPersonSpans(tokens, isKnown, kept);
    if (inContact && !people.length && ruleOn('person.contact')) {
      const p = contactPerson(tokens, isKnown);
      if (p) people.push(p);
    }
    for (const p of people) {
      const name = cleanPersonName(p.name);
      if (!personKeyTokens(name).length) continue;
      let e = registry.findPerson(name);
      if (e) {
        if (personKeyTokens(name).length > personKeyTokens(e.name).length) registry.rename(e, name);
        else registry.addAlias(e, name);
      } else e = registry.create('Person', name, tokens[p.ni]!.start);
      if (p.reason === 'contact') e.rules.add('person.contact');
    }
    peopleBySentence.push(people);
  }
  // Parents named inside units' names, once every name and acronym of the text is known.
  for (const n of nestedNames) {
    // "under the Government of the Republic of Tajikistan": a state, not a parent organisation.
    if (/^Government of\b/.test(n.name) && countryAt(tokenize(n.name), tokenize(n.name).length - 1)) continue;
    // "the Institute of Seismology of the Academy": a bare head noun refers to the organisation with that head.
    // The first such organisation is the one the text is about: "the Academy" of a release that opened with the
    // Academy of Sciences of Uzbekistan and later named the Russian Academy of Sciences.
    if (n.unit.properties._nestedIn !== undefined) continue;
    const bare = headOf(n.name) ? registry.entities.filter((x) => x.type === 'Organization' && x !== n.unit && x.head === headOf(n.name)!.head && x.first < n.at)
      .sort((x, y) => x.first - y.first)[0] : undefined;
    const parent = bare ?? registry.findByName(n.name, ORGLIKE) ?? acronymOwner.get(n.name)
      ?? (isAcronym(n.name) ? registry.entities.find((x) => x.type === 'Organization' && abbreviates(n.name, x.name)) : undefined)
      ?? registry.create('Organization', n.name, n.at, headOf(n.name.split(/\s+/).pop() ?? '')?.head);
    if (parent !== n.unit) n.unit.properties._nestedIn = parent.key;
  }
  addImpliedMinistries(sentences, registry, peopleBySentence);
  // Persons merged late ("Dr. Al-Malik" before "Dr. Salim bin Mohammed Al-Malik").
  mergePeople(registry);
  // Organisations without a head noun, from contexts only organisations take ("About Airtel Africa").
  const takenAt = (si: number, i: number, j: number) => {
    const tokens = sentences[si]!.tokens;
    return (spansBySentence[si] ?? []).some((sp) => sp.i < j && i < (sp.acronym ? sp.after : sp.j))
      || (peopleBySentence[si] ?? []).some((p) => p.i < j && i < p.j)
      || countryAt(tokens, i)?.j === j;
  };
  /** The end of an organisation-like item at token k of sentence si (a name found so far, a defined or plausible acronym), or -1. */
  const orgAt = (si: number, k: number): number => {
    const sp = (spansBySentence[si] ?? []).find((x) => x.i === k);
    if (sp) return sp.acronym ? sp.after : sp.j;
    const tokens = sentences[si]!.tokens;
    const t = tokens[k];
    if (t && isAcronym(t.text) && !isNonOrgAcronym(tokens, k) && !countryAt(tokens, k)) return k + 1;
    return -1;
  };
  for (const b of findBrandNames(sentences, registry, takenAt, orgAt)) {
    const rules = b.rules.filter((r) => ruleOn(r));
    if (!rules.length) continue;
    const tokens = sentences[b.sentence]!.tokens;
    const name = spanKey(tokens, b.span);
    const e = registry.findByName(name, ORGLIKE) ?? registry.create('Organization', name, tokens[b.span.i]!.start);
    for (const r of rules) e.rules.add(r);
    spansBySentence[b.sentence]!.push(b.span);
  }
  // "Gavi, the Vaccine Alliance, signed ...": a name in apposition after "the" is another name of the same body.
  if (ruleOn('org.apposition-name')) {
    for (const s of sentences) {
      const tokens = s.tokens;
      for (const sp of spansBySentence[s.index] ?? []) {
        if (sp.acronym || sp.kind !== 'Organization' || lower(tokens[sp.i - 1]) !== 'the' || tokens[sp.i - 2]?.text !== ',') continue;
        if (!/^[,.;]$/.test(tokens[sp.j]?.text ?? '.')) continue;
        const prevEnd = sp.i - 2;
        const before = (spansBySentence[s.index] ?? []).find((x) => (x.acronym ? x.after : x.j) === prevEnd);
        const name = spanKey(tokens, sp);
        const own = registry.findByName(name, ORGLIKE);
        const body = before ? registry.findByName(spanKey(tokens, before), ORGLIKE) : isAcronym(tokens[prevEnd - 1]?.text ?? '') ? acronymOwner.get(tokens[prevEnd - 1]!.text) : undefined;
        // Only a body without a head noun of its own ("Gavi", "WHO"): "the University, the largest ..." is a description.
        if (!own || !body || own === body || body.head && body.head !== own.head && before?.head) continue;
        if (own.aliases.size || [...registry.entities].some((x) => x !== own && x.properties._nestedIn === own.key)) continue;
        registry.addAlias(body, own.name);
        body.rules.add('org.apposition-name');
        registry.remove(own);
      }
    }
  }
  // "Leiden" and "Leiden University", "NAS of Ukraine" and "National Academy of Sciences of Ukraine": one organisation.
  mergeNameVariants(registry, acronymOwner, abbreviates);
  // Joint names ("ICESCO-KAU Science Teachers Academy") are programmes of the two organisations.
  for (const e of registry.entities) if (e.type === 'Organization' && isJointName(e.name, registry)) e.type = 'Programme';

  // Pass 2: mentions.
  const ownersByWord = new Map<string, Set<Entity>>();
  for (const e of registry.entities) {
    if (e.type !== 'Organization') continue;
    for (const n of [e.name, ...e.aliases]) for (const w of n.split(/[\s-]+/)) {
      const set = ownersByWord.get(w) ?? new Set<Entity>();
      set.add(e);
      ownersByWord.set(w, set);
    }
  }
  const mentions: Mention[][] = sentences.map(() => []);
  const openingParagraphs = new Set([...new Set(sentences.filter((x) => !x.isHeadline).map((x) => x.paragraph))].slice(0, 3));
  const lastByHead = new Map<string, Entity>();
  /** Organisations in order of their latest mention, most recent last. */
  const recent: Entity[] = [];
  // The headline last: it only resolves names, including the short forms the body defines ("(SQU)").
  for (const s of [...sentences.filter((x) => !x.isHeadline), ...sentences.filter((x) => x.isHeadline)]) {
    const tokens = s.tokens;
    const out: Mention[] = [];
    const push = (entity: Entity, ti: number, tj: number, via: Mention['via']) => {
      out.push({ entity, start: tokens[ti]!.start, end: tokens[tj - 1]!.end, sentence: s.index, ti, tj, via });
      entity.first = Math.min(entity.first, tokens[ti]!.start);
      if (entity.head && entity.type === 'Organization') {
        lastByHead.set(entity.head, entity);
        lastByHead.set('*', entity);
        const at = recent.indexOf(entity);
        if (at >= 0) recent.splice(at, 1);
        recent.push(entity);
        if (recent.length > 40) recent.shift(); // coreference looks back a few dozen organisations at most
      }
    };
    const spans = spansBySentence[s.index] ?? [];
    const people = peopleBySentence[s.index] ?? [];
    const dateline = datelineOf(sentences, s, openingParagraphs);
    if (dateline) datelineMentions(tokens, dateline, registry, addCountry, push);
    if (isCreditLine(tokens)) {
      mentions[s.index] = out;
      continue;
    }
    for (let k = dateline; k < tokens.length; k++) {
      const t = tokens[k]!;
      const span = spans.find((sp) => sp.i === k);
      if (span) {
        const e = registry.findByName(spanKey(tokens, span), ORGLIKE) ?? (span.acronym ? acronymOwner.get(span.acronym) : undefined);
        if (e) {
          push(e, span.i, span.j, 'name');
          // Countries named inside a ministry's title count ("Ministry of ... of the Republic of Kazakhstan").
          if (e.head === 'Ministry') {
            for (let m = span.i; m < span.j; m++) {
              const c = countryAt(tokens, m);
              if (!c) continue;
              addCountry(c.canonical, tokens[m]!.start);
              m = c.j - 1;
            }
          }
          if (e.properties.country) addCountry(String(e.properties.country), tokens[span.j - 1]!.start);
        }
        k = (span.acronym ? span.after : span.j) - 1;
        continue;
      }
      const person = people.find((p) => p.i === k);
      if (person) {
        const e = registry.findPerson(cleanPersonName(person.name));
        if (e) push(e, person.ni, person.nj, 'name');
        k = person.j - 1;
        continue;
      }
      if (t.kind !== 'word') continue;
      // Known names and aliases, longest first.
      const known = matchKnown(tokens, k, registry);
      if (known) {
        push(known.entity, k, known.end, 'alias');
        k = known.end - 1;
        continue;
      }
      const country = countryAt(tokens, k);
      if (country) {
        push(addCountry(country.canonical, t.start), k, country.j, 'name');
        k = country.j - 1;
        continue;
      }
      // An acronym never defined: an organisation of its own, or the short form of a name ("AU").
      if (isAcronym(t.text) && !isNonOrgAcronym(tokens, k) && !s.isHeadline && !/^\d/.test(t.text) && !t.text.includes('.') && t.text.length >= 2) {
        let e = acronymOwner.get(t.text) ?? registry.entities.find((x) => x.type === 'Organization' && abbreviates(t.text, x.name));
        // "UN Women", "IIT Madras": an acronym never defined, qualified by the capitalised word after it, names one body.
        const q = k + 1;
        const qualifier = tokens[q];
        if (!e && qualifier && isNameWord(qualifier) && !isAcronym(qualifier.text) && !NON_NAME_CAPITALS.has(qualifier.text) && !DEMONYMS.has(qualifier.text)
          && !titleAt(tokens, q) && !headOf(qualifier.text) && !countryAt(tokens, q) && !isNameWord(tokens[q + 1]) && !/^['’]s$/.test(tokens[q + 1]?.text ?? '')
          && !spans.some((sp) => sp.i <= q && q < sp.j) && !people.some((p) => p.i <= q && q < p.j) && ruleOn('org.acronym-qualified')) {
          const name = `${t.text} ${qualifier.text}`;
          const named = registry.findByName(name, ['Organization']) ?? registry.create('Organization', name, t.start);
          named.rules.add('org.acronym-qualified');
          push(named, k, q + 1, 'name');
          k = q;
          continue;
        }
        if (!e) {
          e = registry.create('Organization', t.text, t.start);
        } else registry.addAlias(e, t.text);
        acronymOwner.set(t.text, e);
        push(e, k, k + 1, 'acronym');
        continue;
      }
      // Coreference by head noun: "the Ministry", "the German Association", "the institute", "its".
      let coref = corefAt(tokens, k, registry, lastByHead, recent);
      if (coref && spans.some((sp) => sp.i > k && sp.i < coref!.end)) coref = null;
      if (coref) {
        push(coref.entity, k, coref.end, 'coref');
        k = coref.end - 1;
        continue;
      }
      // A distinctive word of one organisation's name: "Laval", "Edinburgh's", "Helios".
      const word = distinctiveOwner(tokens, k, ownersByWord);
      if (word) push(word, k, k + 1, 'token');
    }
    if (!s.isHeadline && COOPERATION_CUE.test(s.text)) out.push(...companiesBesideOrganisations(tokens, out, registry, s.index));
    out.sort((x, y) => x.ti - y.ti);
    mentions[s.index] = out;
  }
  // Names first met in pass 2 ("ETH" beside "ETH Zurich").
  mergeNameVariants(registry, acronymOwner, abbreviates, mentions);
  for (const e of registry.entities) if (e.type === 'Organization' && isJointName(e.name, registry)) e.type = 'Programme';
  return { text, sentences, registry, mentions, countries, publishedAt };
}

/** Continents and regions that name a regional body of an organisation: "Carnegie Mellon University Africa". */
const REGIONS: ReadonlySet<string> = new Set(['Africa', 'Asia', 'Europe', 'America', 'Americas', 'Arabia', 'Pacific', 'Caribbean', 'Oceania', 'MENA']);

/** `name` is `base` followed by a country or region: a country office or regional campus of `base`. */
function regionalName(name: string, base: string): boolean {
  if (!name.startsWith(`${base} `)) return false;
  const rest = tokenize(name.slice(base.length + 1));
  if (rest.length === 1 && REGIONS.has(rest[0]!.text)) return true;
  return countryAt(rest, 0)?.j === rest.length;
}

/**
 * Initials of a name's content words spell the acronym ("African Union" -> "AU"),
 * allowing one skipped word and one letter from inside a word
 * ("Islamic World Educational, Scientific and Cultural Organization" -> "ICESCO").
 */
export function abbreviates(acronym: string, name: string): boolean {
  return initialsSpell(acronym, name) || syllablesSpell(acronym, name) || prefixesSpell(acronym, name);
}

/**
 * An all-capitals acronym of word beginnings, each word giving one or more letters: "UNILAG" = UNI(versity of) LAG(os).
 * It skips no word.
 */
function prefixesSpell(acronym: string, name: string): boolean {
  if (!/^\p{Lu}{4,}$/u.test(acronym)) return false;
  const letters = fold(acronym);
  const words = fold(name).split(/[\s,-]+/).filter((w) => w && !['of', 'and', 'for', 'the', 'de', 'la', 'in', 'on', '&'].includes(w));
  if (words.length < 2 || words.length >= letters.length) return false;
  const rec = (li: number, wi: number): boolean => {
    if (li === letters.length) return wi === words.length;
    if (wi === words.length) return false;
    const w = words[wi]!;
    for (let n = Math.min(w.length, letters.length - li); n >= 1; n--) if (w.startsWith(letters.slice(li, li + n)) && rec(li + n, wi + 1)) return true;
    return false;
  };
  return rec(0, 0);
}

/**
 * A mixed-case acronym spells word beginnings, one chunk per word: "KazNU" = Kaz(akh) N(ational) U(niversity),
 * "NaUKMA" = Na(tional) U(niversity of) K(yiv-)M(ohyla) A(cademy); a leading name ("Al-Farabi") may be left out.
 */
function syllablesSpell(acronym: string, name: string): boolean {
  if (!/\p{Ll}/u.test(acronym)) return false;
  const chunks = acronym.match(/\p{Lu}\p{Ll}*/gu)?.map((c) => fold(c)) ?? [];
  const words = fold(name).split(/[\s,-]+/).filter((w) => w && !['of', 'and', 'for', 'the', 'de', 'la', 'in', 'on', '&'].includes(w));
  if (chunks.length < 2 || chunks.join('') !== fold(acronym).replace(/[^a-z]/g, '')) return false;
  for (const skip of [0, 1, 2]) {
    const rest = words.slice(skip);
    if (rest.length === chunks.length && chunks.every((c, i) => rest[i]!.startsWith(c))) return true;
  }
  return false;
}

function initialsSpell(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = name
    .split(/[\s,]+/)
    .filter((w) => w && !['of', 'and', 'for', 'the', 'de', 'la', 'in', 'on', '&'].includes(w.toLowerCase()))
    .map((w) => w.toLowerCase());
  if (letters.length < 2 || words.length < 2) return false;
  const rec = (li: number, wi: number, skips: number, extras: number): boolean => {
    if (li === letters.length) return wi === words.length;
    if (wi === words.length) return false;
    const w = words[wi]!;
    if (skips < 1 && wi > 0 && wi < words.length - 1 && rec(li, wi + 1, skips + 1, extras)) return true;
    if (w[0] !== letters[li]) return false;
    if (rec(li + 1, wi + 1, skips, extras)) return true;
    if (extras < 1) {
      const pos = w.indexOf(letters[li + 1] ?? '#', 1);
      if (pos > 0 && rec(li + 2, wi + 1, skips, extras + 1)) return true;
    }
    return false;
  };
  return rec(0, 0, 0, 0);
}

/**
 * Token index where the body starts after a dateline in a paragraph's first sentence (0 when none).
 * Datelines open the story: only the first paragraphs of the body (`opening`) can have one
 * ("IFC: Lucy ..." in a contact block is none).
 */
function datelineOf(sentences: Sentence[], s: Sentence, opening: ReadonlySet<number>): number {
  if (s.isHeadline || !opening.has(s.paragraph) || !isParagraphStart(sentences, s)) return 0;
  return datelineEnd(s.tokens);
}

/** Places and countries of a dateline ("TORONTO and KIGALI, November 9 –", "LAGOS, Nigeria, Sept. 10 /PRNewswire/ --"). */
function datelineMentions(
  tokens: Token[], end: number, registry: Registry, addCountry: (name: string, at: number) => Entity,
  push: (e: Entity, ti: number, tj: number, via: Mention['via']) => void,
): void {
  for (let k = 0; k < end; k++) {
    const country = countryAt(tokens, k);
    if (country && country.j <= end) {
      push(addCountry(country.canonical, tokens[k]!.start), k, country.j, 'name');
      k = country.j - 1;
      continue;
    }
    // A place: capitalised words before a comma or bracket, not a month or an agency tag in brackets.
    if (!/^\p{Lu}/u.test(tokens[k]!.text) || tokens[k - 1]?.text === '(' || tokens[k - 1]?.text === '/' || MONTHS.has(tokens[k]!.text.toLowerCase().replace(/\.$/, ''))) continue;
    let j = k;
    while (j < end && /^\p{Lu}/u.test(tokens[j]!.text) && tokens[j]!.kind === 'word') j++;
    if (j === k || tokens[j]?.text === ')' || tokens[j]?.text === '/') {
      k = j;
      continue;
    }
    const name = tokens.slice(k, j).map((x) => (/^\p{Lu}+$/u.test(x.text) ? x.text[0] + x.text.slice(1).toLowerCase() : x.text)).join(' ');
    const place = registry.entities.find((x) => x.type === 'Place' && x.name === name) ?? registry.create('Place', name, tokens[k]!.start);
    push(place, k, j, 'name');
    k = j - 1;
  }
}

/** The organisation an organ's name names: "General Secretariat of the X" -> "X", "OIC General Secretariat" -> "OIC". */
function organBody(name: string): string | null {
  const of = /^(?:the\s+)?(?:General\s+|Permanent\s+)?Secretariat\s+of\s+(?:the\s+)?(.+)$/i.exec(name);
  if (of?.[1]) return of[1];
  const pre = /^(.+?)\s+(?:General\s+|Permanent\s+)?Secretariat$/i.exec(name);
  if (pre?.[1] && pre[1].split(/\s+/).length <= 6) return pre[1];
  return null;
}

function isParagraphStart(sentences: Sentence[], s: Sentence): boolean {
  const prev = sentences[s.index - 1];
  return !prev || prev.paragraph !== s.paragraph;
}

function matchKnown(tokens: Token[], k: number, reg: Registry): { entity: Entity; end: number } | null {
  let best: { entity: Entity; end: number } | null = null;
  for (const known of reg.namesStartingWith(tokens[k]!.text, tokens[k + 1]?.text)) {
    if (known.entity.type === 'Country' || known.entity.type === 'Person') continue;
    // Compare token texts joined, tolerant to our tokeniser's splits.
    let acc = '';
    let m = k;
    while (m < tokens.length && acc.length < known.compact.length) {
      acc += tokens[m]!.text;
      m++;
    }
    const same = acc === known.compact || (!known.name.includes(' ') && fold(acc) === fold(known.compact) && isAcronym(known.name));
    if (same && (!best || m > best.end)) best = { entity: known.entity, end: m };
  }
  return best;
}

function corefAt(tokens: Token[], k: number, reg: Registry, lastByHead: Map<string, Entity>, recent: Entity[]): { entity: Entity; end: number } | null {
  const t = tokens[k]!;
  const w = t.text.toLowerCase();
  if (w === 'its' || w === 'their') return null;
  if (w !== 'the') return null;
  let m = k + 1;
  // "the German Association", "the Bonn-based Foundation", "the Qatari fund", "the Doha library"
  const mods: string[] = [];
  while (m < k + 3 && tokens[m] && !CAP_COREF_HEADS.has(tokens[m]!.text.toLowerCase()) && tokens[m]!.kind === 'word' && (isCapitalized(tokens[m]!.text) || /-based$/.test(tokens[m]!.text))) {
    mods.push(tokens[m]!.text);
    m++;
  }
  const headTok = tokens[m];
  if (!headTok) return null;
  if (PLURAL_GROUP.test(tokens[k + 1]?.text ?? '')) return null;
  // "the regional office", "the national commission": lower-case words that spell part of one organisation's name.
  if (!mods.length && /^\p{Ll}/u.test(headTok.text) && ruleOn('org.described-coreference')) {
    const described = describedName(tokens, k + 1, recent);
    if (described) return described;
  }
  const headWord = headTok.text.toLowerCase();
  const head = CAP_COREF_HEADS.get(headWord) ?? (DESCRIPTOR_CLASS.has(headWord) ? headWord : undefined);
  if (!head) return null;
  // Not a coreference when a name follows: "the University of Sfax" is a name (found by pass 1).
  const next = tokens[m + 1];
  if (next && (next.text === 'of' && isNameWord(tokens[m + 2]) || isNameWord(next) && !NON_NAME_CAPITALS.has(next.text) && !/^\p{Ll}/u.test(next.text) && next.kind === 'word' && !titleAt(tokens, m + 1))) return null;
  if (mods.some((x) => NON_NAME_CAPITALS.has(x))) return null;
  // An exact head word wins ("the University" -> "University of Sfax" rather than "Université Laval").
  const word = headTok.text[0]!.toUpperCase() + headTok.text.slice(1);
  const exact = [...recent].reverse().find((e) => e.name.split(/\s+/).includes(word));
  // A lower-case description ("the network") may also match a body described that way ("the global association of ...").
  const described = /^\p{Ll}/u.test(headTok.text) && DESCRIPTOR_CLASS.has(headWord)
    ? [...reg.entities].reverse().find((x) => x.type === 'Organization' && sameClass(String(x.properties._descriptor ?? ''), headWord))
    : undefined;
  const e = exact ?? lastByHead.get(head) ?? described ?? reg.entities.find((x) => x.head === head);
  if (!e) return null;
  return { entity: e, end: m + 1 };
}

/**
 * "the regional office" after "the UNESCO Regional Office for Eastern Africa": two or three lower-case words,
 * the last an organisation head, that appear capitalised in exactly one recent organisation's name.
 */
function describedName(tokens: Token[], k: number, recent: Entity[]): { entity: Entity; end: number } | null {
  for (const len of [3, 2]) {
    const words = tokens.slice(k, k + len);
    if (words.length < len || !words.every((t) => t.kind === 'word' && /^\p{Ll}[\p{Ll}-]*$/u.test(t.text))) continue;
    if (!CAP_COREF_HEADS.has(words[len - 1]!.text)) continue;
    const next = tokens[k + len];
    if (next && (next.text === 'of' || isNameWord(next))) continue;
    const phrase = ` ${words.map((t) => t.text[0]!.toUpperCase() + t.text.slice(1)).join(' ')} `;
    const owners = [...new Set(recent)].filter((e) => e.type === 'Organization' && ` ${e.name} `.includes(phrase));
    if (owners.length === 1) {
      owners[0]!.rules.add('org.described-coreference');
      return { entity: owners[0]!, end: k + len };
    }
  }
  return null;
}

function distinctiveOwner(tokens: Token[], k: number, ownersByWord: Map<string, Set<Entity>>): Entity | undefined {
  const t = tokens[k]!;
  if (!isNameWord(t) || NON_NAME_CAPITALS.has(t.text) || titleAt(tokens, k, { capitalisedOnly: true })) return undefined;
  if (GENERIC_NAME_WORDS.has(t.text.toLowerCase()) || t.text.length < 3) return undefined;
  const prev = tokens[k - 1]?.text.toLowerCase() ?? '';
  if (['in', 'at', 'from', 'to', 'near'].includes(prev)) return undefined; // a place, not the institution
  // "Agriculture and Livestock,": the end of a remit; "and Makerere's Vice Chancellor" is the institution.
  if (prev === 'and' && !titleAt(tokens, k + 1, { capitalisedOnly: true }) && !/^['’]s$/.test(tokens[k + 1]?.text ?? '')) return undefined;
  if (isNameWord(tokens[k + 1]) && !titleAt(tokens, k + 1)) return undefined;
  const owners = [...(ownersByWord.get(t.text) ?? [])].filter((e) => e.type === 'Organization');
  if (owners.length === 1) return owners[0];
  // "Makerere" after "Makerere University" and "the College of Computing at Makerere University": the body whose
  // name every other owner's name contains (its units name it), not one of its units.
  const parent = owners.find((e) => owners.every((x) => x === e || ` ${x.name} `.includes(` ${e.name} `)));
  if (!parent || !ruleOn('org.distinctive-parent')) return undefined;
  parent.rules.add('org.distinctive-parent');
  return parent;
}

function mergePeople(reg: Registry): void {
  const people = reg.ofType('Person').sort((a, b) => personKeyTokens(a.name).length - personKeyTokens(b.name).length);
  // Shortest names first: each is folded into a longer name holding all its tokens.
  for (const small of people) {
    const t = personKeyTokens(small.name);
    if (!t.length) continue;
    let target: Entity | undefined;
    for (const big of reg.personsWithAll(t)) {
      if (big === small || !reg.entities.includes(big)) continue;
      const u = personKeyTokens(big.name);
      if (u.length <= t.length) continue;
      if (u[u.length - 1] === t[t.length - 1] || t.every((w, k) => u[k] === w)) {
        if (!target || personKeyTokens(target.name).length < u.length) target = big;
      }
    }
    if (!target) continue;
    reg.addAlias(target, small.name);
    for (const a of small.aliases) reg.addAlias(target, a);
    target.first = Math.min(target.first, small.first);
    reg.remove(small);
  }
}

/**
 * "Mr. X, Minister of Science and Higher Education of the Republic of Kazakhstan ... the Ministry":
 * a ministry the text refers to but names only through its minister's title.
 */
function addImpliedMinistries(sentences: Sentence[], registry: Registry, peopleBySentence: PersonSpan[][]): void {
  const refersToMinistry = sentences.some((s) => s.tokens.some((t, k) => t.text === 'Ministry' && !isNameWord(s.tokens[k + 1]) && s.tokens[k + 1]?.text !== 'of'));
  if (!refersToMinistry) return;
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k]!.text !== 'Minister' || !/^(of|for)$/.test(tokens[k + 1]?.text ?? '')) continue;
      let e = k + 2;
      // The remit ends where a person's name starts: "Minister of Youth and Sports Hesham El-Gendy and ...".
      const personAt = (q: number) => (peopleBySentence[s.index] ?? []).some((p) => p.i === q || p.ni === q);
      while (e < tokens.length && !personAt(e) && (isNameWord(tokens[e]) || /^(and|of|the|&)$/.test(tokens[e]!.text) || tokens[e]!.text === ',' && isNameWord(tokens[e + 1]) && tokens.slice(e + 1, e + 6).some((x) => x.text === 'and'))) e++;
      while (e > k + 2 && /^(and|of|the|&|,)$/.test(tokens[e - 1]!.text)) e--;
      if (e <= k + 2) continue;
      const remit = textOf(tokens, k + 2, e);
      const remitNoCountry = remit.replace(/\s+of\s+(the\s+)?(Republic|Kingdom|State|Sultanate)\s+of\s+.*$/, '');
      const key = orgKeyTokens(remitNoCountry.replace(/\s+of\s+\S+$/, (m) => (countryAt(tokenizeWords(m.trim().split(/\s+/).pop() ?? ''), 0) ? '' : m)));
      const exists = registry.entities.some((x) => x.type === 'Organization' && x.head === 'Ministry' && key.every((w) => orgKeyTokens(x.name).includes(w)));
      if (!exists) registry.create('Organization', `Ministry of ${remit}`, tokens[k]!.start, 'Ministry');
    }
  }
}

function tokenizeWords(word: string): Token[] {
  return [{ text: word, start: 0, end: word.length, kind: 'word' }];
}

/**
 * "Microsoft and the University of Tokyo signed ...": a capitalised name coordinated with an
 * organisation at the start of a cooperation sentence is an organisation, even without a head noun.
 */
function companiesBesideOrganisations(tokens: Token[], ms: Mention[], registry: Registry, sentence: number): Mention[] {
  const covered = (k: number) => ms.some((m) => m.ti <= k && k < m.tj);
  const isFree = (k: number) =>
    isNameWord(tokens[k]) && !covered(k) && !NON_NAME_CAPITALS.has(tokens[k]!.text) && !titleAt(tokens, k, { capitalisedOnly: true })
    && !DEMONYMS.has(tokens[k]!.text) && !/^\d/.test(tokens[k]!.text);
  const out: Mention[] = [];
  const make = (i: number, j: number) => {
    const name = textOf(tokens, i, j);
    const entity = registry.findByName(name, ['Organization']) ?? registry.create('Organization', name, tokens[i]!.start);
    out.push({ entity, start: tokens[i]!.start, end: tokens[j - 1]!.end, sentence, ti: i, tj: j, via: 'name' });
  };
  const orgs = ms.filter((m) => m.entity.type === 'Organization');
  const first = orgs[0];
  if (!first) return out;
  // Before: "[The] X and [the] <org> <verb>" at the start of the sentence.
  let a = first.ti - 1;
  if (tokens[a]?.text.toLowerCase() === 'the') a--;
  if (tokens[a]?.text.toLowerCase() === 'and') {
    let i = a;
    while (i > 0 && a - i < 3 && isFree(i - 1)) i--;
    const start = tokens[i - 1]?.text === 'The' ? i - 1 : i;
    if (i < a && (start === 0 || tokens[start - 1]?.kind === 'punct')) make(i, a);
  }
  // After: "<org> [(ACR)] and X <verb>", the last organisation of the subject.
  let b = first.tj;
  if (tokens[b]?.text === '(' && tokens[b + 2]?.text === ')') b += 3;
  const firstAtStart = first.ti <= 1 || tokens[first.ti - 1]?.kind === 'punct';
  if (firstAtStart && tokens[b]?.text.toLowerCase() === 'and') {
    let j = b + 1;
    while (j < tokens.length && j - b <= 3 && isFree(j)) j++;
    const next = tokens[j];
    if (j > b + 1 && next && next.kind === 'word' && /^\p{Ll}/u.test(next.text)) make(b + 1, j);
  }
  return out;
}
