/**
 * Organisations whose names have no head noun ("Safaricom", "Airtel Africa",
 * "Dubai Cares", "Coursera"), found from the contexts that only organisations
 * take:
 *  - boilerplate lines: "About Airtel Africa", "SOURCE Wadhwani AI"
 *  - an apposition that describes a company: "Airtel Africa, a leading provider of ...",
 *    "Infosys Foundation, the CSR arm of Infosys"
 *  - a company noun before the name: "telecom operator Zain", "tech giant Google"
 *  - a possessive before a title: "Coursera's regional director", "Safaricom's chief executive"
 *  - an organisation name followed by a country: "UNICEF Nigeria", "Microsoft Kenya" (a country office)
 * The names are registered after the head-noun names, so that a short form of a known name
 * ("Deakin" of "Deakin University") never becomes a second organisation.
 */
import { countryAt } from './countries.ts';
import { DEMONYMS, HONORIFICS, MONTHS, NON_NAME_CAPITALS, WEEKDAYS } from './gazetteers.ts';
import { headOf, isNameWord } from './org-names.ts';
import type { NameSpan } from './org-names.ts';
import { fold, orgKeyTokens } from './registry.ts';
import type { Registry } from './registry.ts';
import { isAcronym } from './text.ts';
import type { Sentence, Token } from './text.ts';
import { textOf, titleAt } from './titles.ts';
import { isDemonym, isPlaceName } from './nlp.ts';
import { isCommonWord } from './words.ts';
import { ruleOn } from './rules.ts';
import { COOPERATION_CUE } from './cues.ts';

/** Nouns that describe a company or a non-profit in apposition or before its name. */
const COMPANY_NOUNS =
  /^(company|companies|firm|provider|operator|bank|lender|insurer|group|startup|start-up|platform|carrier|manufacturer|developer|retailer|charity|nonprofit|non-profit|foundation|conglomerate|subsidiary|arm|giant|maker|producer|supplier|utility|investor|publisher|broadcaster|telco|airline|philanthropy|enterprise|corporation|multinational|fintech|edtech|organi[sz]ation|ngo|network|coalition|alliance|consortium|agency|initiative|programme|program)$/i;
/**
 * "the Honduran non-governmental organisation", "technology company": a description that tokens i..j-1 give
 * of the name at j (an optional nationality, lower-case words, a company or non-profit noun).
 */
export function isDescriptionOfNext(tokens: Token[], i: number, j: number): boolean {
  if (j - i < 1 || j - i > 5 || !COMPANY_NOUNS.test(tokens[j - 1]?.text ?? '') || !/^\p{Ll}/u.test(tokens[j - 1]!.text)) return false;
  return tokens.slice(i, j - 1).every((t, d) => t.kind === 'word' && (/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) || d === 0 && (DEMONYMS.has(t.text) || isDemonym(t.text))));
}

/** Nouns that may precede a company's name ("telecom operator Zain"); people's descriptions are not among them. */
const COMPANY_BEFORE = /^(company|firm|provider|operator|lender|insurer|startup|start-up|platform|carrier|manufacturer|conglomerate|giant|maker|telco|fintech|edtech|multinational|operators|giants|group|companies|firms|providers)$/i;
/** A unit a company owns, after the company's possessive and an adjective: "Safaricom's philanthropic arm". */
const OWNED_UNIT = /^(arm|subsidiary|subsidiaries|affiliate|foundation|unit)$/i;

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

/** A word that can be part of a company name: capitalised or an all-lower brand after a company noun. */
function brandWord(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  if (HONORIFICS.has(t.text) || MONTHS.has(t.text.toLowerCase()) || WEEKDAYS.includes(t.text.toLowerCase())) return false;
  if (/-based$/i.test(t.text)) return false;
  return isNameWord(t) || /^[\p{Lu}\d][\p{L}\d.&'-]*$/u.test(t.text);
}

/** The capitalised run that ends at token j (exclusive), at most four words. */
function runEndingAt(tokens: Token[], j: number): number {
  let i = j;
  while (i > 0 && j - i < 4 && brandWord(tokens[i - 1]) && !NON_NAME_CAPITALS.has(tokens[i - 1]!.text)) i--;
  return i;
}

/** The capitalised run that starts at token i, at most four words ("Airtel Africa", "Golden Spoon Catering"). */
function runStartingAt(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length && j - i < 4 && brandWord(tokens[j]) && !(j > i && titleAt(tokens, j, { capitalisedOnly: true }))) j++;
  return j;
}

/** Participles whose "by" names an organisation that funds, backs or leads (not a person's "said by"). */
const AGENT_BEFORE_BY = /\b(funded|co-funded|financed|backed|sponsored|supported|endorsed|granted)$/i;
/** Verbs of which two organisations are the subject at the start of a sentence. */
const SIGNING_VERB = /^(signed|sign|signs|launched|launch|launches|agreed|partnered|partner|partners|inked|unveiled|announced|joined|join|joins|teamed)$/i;

/** A capitalised run that could be a name: not a country, a month, a title or a person's honorific. */
function candidateRun(tokens: Token[], i: number): number {
  if (!brandWord(tokens[i]) || NON_NAME_CAPITALS.has(tokens[i]!.text) || titleAt(tokens, i, { capitalisedOnly: true })) return i;
  if (countryAt(tokens, i)) return i;
  // "the Guatemalan non-governmental organisation X": a nationality describes the item, it is not one.
  if (DEMONYMS.has(tokens[i]!.text) || isDemonym(tokens[i]!.text)) return i;
  return runStartingAt(tokens, i);
}

/**
 * "A, B, C and D" where some items are organisations: the others are organisations too.
 * Items are separated by ",", "and", "the"; every item must be a name or an organisation.
 */
function coordinatedWithOrganisations(s: Sentence, add: (i: number, j: number) => void, orgAt: (k: number) => number): void {
  const tokens = s.tokens;
  let k = 0;
  while (k < tokens.length) {
    const items: Array<{ i: number; j: number; org: boolean }> = [];
    let q = k;
    for (;;) {
      if (lower(tokens[q]) === 'the') q++;
      const o = orgAt(q);
      const end = o > q ? o : candidateRun(tokens, q);
      if (end <= q) break;
      items.push({ i: q, j: end, org: o > q });
      q = end;
      // An acronym in brackets belongs to the item: "Aspire to Innovate (a2i)".
      if (tokens[q]?.text === '(' && tokens[q + 2]?.text === ')') q += 3;
      if (tokens[q]?.text === ',' && lower(tokens[q + 1]) === 'and') q += 2;
      else if (tokens[q]?.text === ',' || lower(tokens[q]) === 'and' || tokens[q]?.text === '&') q++;
      else break;
    }
    const orgs = items.filter((x) => x.org).length;
    // "in partnership with the Ministry of Education and Camara Education Tanzania": the other party of a cooperation.
    const partyOf = items.length === 2 && orgs === 1 && /^(with|between)$/i.test(lower(tokens[items[0]!.i - (lower(tokens[items[0]!.i - 1]) === 'the' ? 2 : 1)]))
      && COOPERATION_CUE.test(tokens.slice(Math.max(0, items[0]!.i - 6), items[0]!.i).map((t) => t.text).join(' ')) && !items.some((x) => !x.org && (x.j - x.i < 2 || tokens.slice(x.i, x.j).some((t) => headOf(t.text)) || tokens.slice(x.i, x.j).every((t) => isCommonWord(t.text))));
    if (items.length >= 3 && orgs >= 2 || items.length === 2 && orgs === 1 && (coordinationIsSubject(tokens, items) || partyOf)) {
      for (const x of items) if (!x.org) add(x.i, x.j);
    }
    k = Math.max(k + 1, q);
  }
}

/** "Careem and Dubai Cares [, part of X,] today signed": two names as the subject of a cooperation verb. */
function coordinationIsSubject(tokens: Token[], items: Array<{ i: number; j: number }>): boolean {
  const first = items[0]!;
  const before = tokens[first.i - (lower(tokens[first.i - 1]) === 'the' ? 2 : 1)];
  if (before && !(before.kind === 'punct' || /^(and|that|while)$/i.test(before.text))) return false;
  let e = items[items.length - 1]!.j;
  if (tokens[e]?.text === '(' && tokens[e + 2]?.text === ')') e += 3;
  if (tokens[e]?.text === ',') {
    const close = tokens.findIndex((x, i) => i > e + 1 && i <= e + 14 && x.text === ',');
    if (close > 0) e = close + 1;
  }
  while (tokens[e] && /^(on|today|yesterday|have|has|will|jointly|also|\p{Lu}\p{Ll}+day)$/iu.test(tokens[e]!.text) && e < items[items.length - 1]!.j + 20) e++;
  return SIGNING_VERB.test(tokens[e]?.text ?? '');
}

function signingSubject(s: Sentence, add: (i: number, j: number) => void, orgAt: (k: number) => number): void {
  const tokens = s.tokens;
  // After a dateline: "NAIROBI, March 14, 2024 – Microsoft on Wednesday signed".
  let k = 0;
  const dash = tokens.findIndex((t, i) => i < 20 && /^(–|—|--|-)$/.test(t.text));
  if (dash >= 0 && tokens.slice(0, dash).every((t) => t.kind === 'punct' || /^[\p{Lu}\d]/u.test(t.text))) k = dash + 1;
  while (/^-$/.test(tokens[k]?.text ?? '')) k++;
  if (orgAt(k) > k) return;
  const items: Array<{ i: number; j: number }> = [];
  let q = k;
  for (;;) {
    const o = orgAt(q);
    const end = o > q ? o : candidateRun(tokens, q);
    if (end <= q) break;
    if (o < 0) items.push({ i: q, j: end });
    q = end;
    if (lower(tokens[q]) === 'and') q++;
    else break;
  }
  if (items.length && coordinationIsSubject(tokens, [{ i: k, j: q }])) for (const x of items) add(x.i, x.j);
}

export interface BrandSpan {
  sentence: number;
  span: NameSpan;
  /** Why the text says it is an organisation (rules of the catalogue). */
  rules: string[];
}

/**
 * Company-like names in every sentence, outside the spans already taken by head-noun names and people.
 * `taken(sentence, i, j)` tells whether tokens [i, j) already belong to a name, a person or a country.
 */
export function findBrandNames(
  sentences: Sentence[], registry: Registry, taken: (s: number, i: number, j: number) => boolean,
  orgAt: (s: number, k: number) => number,
): BrandSpan[] {
  const out: BrandSpan[] = [];
  const seen = new Map<string, BrandSpan>();
  const known = registry.entities.filter((e) => e.type === 'Organization' || e.type === 'Person');
  /** A short form of a name already known ("Deakin", "Leiden"), or a person's name. */
  const isKnownPart = (name: string) => {
    const words = orgKeyTokens(name);
    return known.some((e) => [e.name, ...e.aliases].some((n) => {
      const w = new Set(e.type === 'Person' ? fold(n).split(/[^a-z0-9]+/) : orgKeyTokens(n));
      return words.length > 0 && words.every((x) => w.has(x));
    }));
  };
  const add = (s: Sentence, i: number, j: number, rule: string, strong: boolean) => {
    const tokens = s.tokens;
    if (j <= i || taken(s.index, i, j)) return;
    // Trailing possessive or punctuation never belongs to the name.
    while (j > i && tokens[j - 1]!.kind !== 'word') j--;
    if (j <= i) return;
    const name = textOf(tokens, i, j);
    if (countryAt(tokens, i)?.j === j || DEMONYMS.has(name) || NON_NAME_CAPITALS.has(tokens[i]!.text)) return;
    if (titleAt(tokens, i, { capitalisedOnly: true })) return;
    if (!strong && (j - i === 1 && isCommonWord(name) || isPlaceName(name))) return;
    // "telecoms group Orange" beside the Orange Foundation: a foundation bears its founder's name.
    if (isKnownPart(name) && !(strong && known.some((e) => e.type === 'Organization' && e.name === `${name} Foundation`))) return;
    const key = `${s.index}:${i}`;
    const prev = seen.get(key);
    if (prev) {
      if (!prev.rules.includes(rule)) prev.rules.push(rule);
      return;
    }
    const found: BrandSpan = { sentence: s.index, span: { i, j, kind: 'Organization', head: '', after: j }, rules: [rule] };
    seen.set(key, found);
    out.push(found);
  };
  for (const s of sentences) {
    if (s.isHeadline) continue;
    const tokens = s.tokens;
    const first = lower(tokens[0]);
    // "About Airtel Africa" (a section heading), "SOURCE Wadhwani AI" (a newswire's last line).
    if ((first === 'about' && tokens.length <= 8 && !/[.!?]$/.test(s.text)) || tokens[0]?.text === 'SOURCE') {
      let i = 1;
      if (lower(tokens[i]) === 'the') i++;
      add(s, i, tokens.length, 'org.boilerplate', true);
      continue;
    }
    // "an alliance of MTN Group, the Mastercard Foundation, Smart Africa and AUDA-NEPAD": a name listed with organisations.
    coordinatedWithOrganisations(s, (i, j) => add(s, i, j, 'org.coordinated', false), (k) => orgAt(s.index, k));
    // "Careem and Dubai Cares today signed ...", "Microsoft on Wednesday signed ...": the subject of a signing.
    signingSubject(s, (i, j) => add(s, i, j, 'org.signing-subject', false), (k) => orgAt(s.index, k));
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      // "funded by Wellcome", "backed by the Orange Foundation": the agent of funding or support.
      if (lower(t) === 'by' && AGENT_BEFORE_BY.test(tokens.slice(Math.max(0, k - 3), k).map((x) => x.text).join(' ')) && brandWord(tokens[k + 1]) && orgAt(s.index, k + 1) < 0) {
        const j = runStartingAt(tokens, k + 1);
        const next = tokens[j];
        if (!next || /^[,.;]$/.test(next.text) || /^(and|to|for|in|on|with|which|who)$/i.test(next.text)) add(s, k + 1, j, 'org.agent', false);
      }
      // "UNICEF Nigeria", "Microsoft Kenya", "MTN Cote d'Ivoire": an organisation's office or subsidiary in a country.
      const c = countryAt(tokens, k);
      if (c && k > 0 && !/^(in|of|from|to|across|and|for)$/i.test(lower(tokens[k - 2])) ) {
        const i = runEndingAt(tokens, k);
        const owner = tokens.slice(i, k);
        const ownerName = textOf(tokens, i, k);
        const knownOwner = out.some((b) => textOf(sentences[b.sentence]!.tokens, b.span.i, b.span.j) === ownerName);
        if (i < k && k - i <= 2 && (knownOwner || owner.every((x) => isAcronym(x.text) || !isCommonWord(x.text) && !DEMONYMS.has(x.text))) && !titleAt(tokens, i)
          && !/^(in|of|from|across)$/i.test(lower(tokens[i - 1]))) add(s, i, c.j, 'org.country-office', true);
      }
      // "Airtel Africa, a leading provider of ...", "Infosys Foundation, the CSR arm of Infosys".
      if (t.text === ',' && /^(a|an|the|one|its|africa's)$/i.test(tokens[k + 1]?.text ?? '')) {
        let q = k + 2;
        while (q < Math.min(tokens.length, k + 8) && tokens[q]!.kind === 'word' && !COMPANY_NOUNS.test(tokens[q]!.text) && !/^(of|who|which|that|and)$/i.test(tokens[q]!.text)) q++;
        if (COMPANY_NOUNS.test(tokens[q]?.text ?? '') && !/^(of)$/i.test(tokens[q - 1]?.text ?? '')) {
          const i = runEndingAt(tokens, k);
          const before = tokens[i - 1];
          if (i < k && (!before || before.kind === 'punct' || /^(and|with|by|from|between|to|for|of|said)$/i.test(before.text))) add(s, i, k, 'org.apposition', false);
        }
      }
      // "telecom operator Zain", "tech giant Google".
      if (t.kind === 'word' && COMPANY_BEFORE.test(t.text) && /^\p{Ll}/u.test(t.text) && brandWord(tokens[k + 1])) {
        let e = runStartingAt(tokens, k + 1);
        add(s, k + 1, e, 'org.company-noun', true);
        // "rival operators Mobily and Zain KSA": the noun describes every name coordinated after it.
        while (/^(and|,)$/.test(tokens[e]?.text ?? '') && /s$/.test(t.text) && brandWord(tokens[e + 1]) && orgAt(s.index, e + 1) < 0) {
          const f = runStartingAt(tokens, e + 1);
          add(s, e + 1, f, 'org.company-noun', true);
          e = f;
        }
      }
      // "Coursera's regional director", "Safaricom's chief executive".
      if (/^['’]s$/.test(t.text)) {
        let q = k + 1;
        while (q < k + 4 && tokens[q]?.kind === 'word' && !titleAt(tokens, q) && /^\p{Ll}/u.test(tokens[q]!.text)) q++;
        if (titleAt(tokens, q)) {
          const i = runEndingAt(tokens, k);
          if (i < k) add(s, i, k, 'org.possessive-title', false);
        } else if (tokens.slice(k + 2, Math.min(q, k + 4)).some((x) => OWNED_UNIT.test(x.text)) && ruleOn('org.possessive-unit')) {
          // "Safaricom's philanthropic arm", "Orange's local subsidiary" (not "Kenya's largest bank").
          const i = runEndingAt(tokens, k);
          if (i < k) add(s, i, k, 'org.possessive-unit', false);
        }
      }
    }
  }
  return out;
}
