/**
 * Organisation, programme and event names built around a head noun:
 * left over capitalised modifiers ("King Abdulaziz University"), right over
 * complements ("University of Petroleum and Minerals"), coordinations inside a
 * name ("Educational, Scientific and Cultural Organization") and Romance
 * names ("Agence universitaire de la Francophonie").
 */
import {
  COMPANY_SUFFIXES, EVENT_HEADS, HONORIFICS, MONTHS, NON_NAME_CAPITALS, ORG_HEADS, POSSESSIVE_NAME_WORDS, PROGRAMME_HEADS, WEEKDAYS,
} from './gazetteers.ts';
import { countryAt } from './countries.ts';
import { isAcronym, isCapitalized } from './text.ts';
import type { Token } from './text.ts';
import { textOf, titleAt, titleBefore } from './titles.ts';
import { hasPersonWord, isPlaceName } from './nlp.ts';
import { isCommonWord } from './words.ts';

export type NameKind = 'Organization' | 'Programme' | 'Event';

export interface NameSpan {
  /** Token range [i, j). */
  i: number;
  j: number;
  kind: NameKind;
  /** Normalised head noun ("University" for "Université"). */
  head: string;
  /** Acronym given in parentheses right after the name: "(ICESCO)". */
  acronym?: string;
  /** Token index just after the acronym's closing parenthesis. */
  after: number;
}

/** Heads of French, Portuguese, Spanish and Malay names, which put modifiers after the head. */
const ROMANCE_HEADS: ReadonlySet<string> = new Set([
  'Université', 'Universiti', 'Universidade', 'Universidad', 'Università', 'Agence', 'Institut', 'Instituto', 'Istituto',
  'Fondation', 'Fundação', 'Fundación', 'Conseil', 'Ministère', 'Bibliothèque', 'Académie', 'Biblioteca', 'Bibliotheca',
]);
const ROMANCE_PREPS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'do', 'da', 'dos', 'das', 'del', 'di', 'et', 'e', 'y']);
/** Lower-case particles of personal names inside organisation names. */
const NAME_PARTICLES_IN_ORGS: ReadonlySet<string> = new Set(['von', 'van', 'der', 'den', 'de', 'bin', 'ibn', 'al']);
/** German compound heads written with a hyphen: "Fraunhofer-Gesellschaft", "Max-Planck-Institut". */
const COMPOUND_HEADS: ReadonlySet<string> = new Set(['Gesellschaft', 'Stiftung', 'Institut', 'Zentrum', 'Verband', 'Akademie', 'Universität', 'Hochschule', 'Verein']);
const COMPLEMENT_PREPS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'in']);
/** Modifiers that make a "Group" a programme rather than a company. */
const GROUP_PROGRAMME_MODIFIERS: ReadonlySet<string> = new Set(['Partner', 'Working', 'Research', 'Study', 'Expert', 'Advisory', 'Contact', 'Steering', 'Task', 'Reference', 'Focus']);
/** Words that turn a head-noun name into a programme ("Summer School", "Field School"). */
const PROGRAMME_MODIFIERS: ReadonlySet<string> = new Set(['Summer', 'Winter', 'Spring', 'Field', 'Doctoral', 'Graduate']);

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

function isMonthOrDay(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return (MONTHS.has(w) && w.length > 3) || WEEKDAYS.includes(w);
}

export function headOf(word: string): { kind: NameKind; head: string } | null {
  const org = ORG_HEADS.get(word);
  if (org) return { kind: 'Organization', head: org };
  if (PROGRAMME_HEADS.has(word)) return { kind: 'Programme', head: word };
  if (EVENT_HEADS.has(word)) return { kind: 'Event', head: word };
  if (COMPANY_SUFFIXES.has(word)) return { kind: 'Organization', head: 'Company' };
  return null;
}

/** A capitalised word that can be part of a name. */
export function isNameWord(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  if (!isCapitalized(t.text) && !/^\d+(st|nd|rd|th)?$/.test(t.text)) return false;
  if (/^\d/.test(t.text) && !/^\d+(st|nd|rd|th)$/.test(t.text) && !/^\d{4}$/.test(t.text)) return false;
  if (HONORIFICS.has(t.text) || isMonthOrDay(t.text)) return false;
  if (/-based$/i.test(t.text)) return false;
  return true;
}

/** Left modifiers: name words that are not sentence-initial function words or titles. */
function isLeftModifier(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!isNameWord(t) || !t) return false;
  if (NON_NAME_CAPITALS.has(t.text)) return false;
  if (/^\d/.test(t.text)) return /^\d+(st|nd|rd|th)$/.test(t.text);
  if (titleAt(tokens, k, { capitalisedOnly: true }) && !headOf(t.text)) return false;
  return true;
}

/** Name words in a run (for and-continuations); returns the end of the run. */
function runEnd(tokens: Token[], k: number): number {
  let e = k;
  while (e < tokens.length && (isNameWord(tokens[e]) || ((lower(tokens[e]) === 'of' || lower(tokens[e]) === 'for') && isNameWord(tokens[e + 1])))) e++;
  return e;
}

function runHasHead(tokens: Token[], from: number, to: number, kinds: NameKind[]): boolean {
  for (let k = from; k < to; k++) {
    const h = headOf(tokens[k]!.text);
    if (h && kinds.includes(h.kind)) return true;
  }
  return false;
}

/** Heads of units that can be named with their parent: "X Institute of/at Y University". */
export const NESTABLE_HEADS: ReadonlySet<string> = new Set([
  'Institute', 'Faculty', 'School', 'College', 'Centre', 'Laboratory', 'Department', 'Division', 'Office', 'Branch', 'Presidium',
  'Directorate', 'Service', 'Bureau', 'Museum', 'Library', 'Committee', 'Council', 'Commission', 'Secretariat', 'Agency',
]);

/** A capitalised run from k (after "the") that holds an organisation head: "Beni-Suef University", "the Russian Academy". */
function nameWithOrgHead(tokens: Token[], k: number): boolean {
  let q = k;
  if (lower(tokens[q]) === 'the') q++;
  const start = q;
  while (q < tokens.length && q - start < 6 && isNameWord(tokens[q])) {
    if (headOf(tokens[q]!.text)?.kind === 'Organization') return true;
    q++;
  }
  return false;
}

/**
 * The parent named inside a unit's name: "Institute of Physics of [the NAS of Ukraine]", "Siberian Branch of the
 * [Russian Academy of Sciences]", "Confucius Institute at [Beni-Suef University]". Returns the parent's token
 * range, or null. The part before must have a unit head and the rest must be a whole name of its own.
 */
export function nestedParent(tokens: Token[], span: { i: number; j: number }): { i: number; j: number } | null {
  let unit = false;
  for (let q = span.i; q < span.j; q++) {
    const t = tokens[q]!;
    if (NESTABLE_HEADS.has(ORG_HEADS.get(t.text) ?? '')) unit = true;
    if (!unit || !/^(of|at|under)$/.test(t.text)) continue;
    let r = q + 1;
    if (lower(tokens[r]) === 'the') r++;
    if (r >= span.j) return null;
    const rest = tokens.slice(r, span.j);
    if (isAcronym(rest[0]!.text) && rest[0]!.text.length >= 2) return { i: r, j: span.j };
    // "Presidium of the Academy", "Institute of Seismology of the Academy": "the" and a bare head noun refer to the
    // organisation the text named with that head.
    if (rest.length === 1 && r > q + 1 && headOf(rest[0]!.text)?.kind === 'Organization') return { i: r, j: span.j };
    // "of Igor Sikorsky KPI": a name that ends in an acronym.
    if (rest.length <= 4 && isAcronym(rest[rest.length - 1]!.text) && rest.every((x) => isNameWord(x) || isAcronym(x.text))) return { i: r, j: span.j };
    const inner = findNameSpans(rest)[0];
    // "Department of School Education": a head noun used as a modifier ("School Education") names no parent.
    const h = rest.findIndex((x) => headOf(x.text)?.kind === 'Organization');
    const modifier = h >= 0 && isNameWord(rest[h + 1]) && !headOf(rest[h + 1]!.text);
    if (inner && inner.i === 0 && inner.j === rest.length && inner.kind === 'Organization' && !modifier) return { i: r, j: span.j };
  }
  return null;
}

/** Extends a name to the right of its head over complements and coordinations. */
function extendRight(tokens: Token[], h: number): number {
  let j = h + 1;
  /** A comma list inside the name was seen, so its closing "and X" belongs to it. */
  let listed = false;
  let andAfterList = 0;
  const headWord = tokens[h]!.text;
  if (ROMANCE_HEADS.has(headWord)) {
    // "Agence universitaire de la Francophonie", "Agence nationale de l'hydrologie du Cameroun"
    let k = j;
    let sawPrep = false;
    while (k < tokens.length && tokens[k]!.kind === 'word') {
      const w = tokens[k]!.text;
      if (ROMANCE_PREPS.has(w) || /^[ld]['’]/i.test(w)) sawPrep = true;
      else if (!isCapitalized(w) && !(k + 2 < tokens.length && [1, 2].some((d) => ROMANCE_PREPS.has(lower(tokens[k + d])) || /^[ld]['’]/i.test(tokens[k + d]?.text ?? '')))) break;
      else if (isCapitalized(w) && !isNameWord(tokens[k])) break;
      k++;
    }
    while (k > j && (ROMANCE_PREPS.has(lower(tokens[k - 1])) || !isCapitalized(tokens[k - 1]!.text) && !/^[ld]['’]/i.test(tokens[k - 1]!.text) && !sawPrep)) k--;
    if (k > j) j = k;
  }
  for (;;) {
    const t = tokens[j];
    if (!t) break;
    const w = lower(t);
    if (t.kind === 'word' && (isNameWord(t) || isAcronym(t.text)) && !titleAt(tokens, j, { capitalisedOnly: true })) {
      j++;
      continue;
    }
    // National University "Kyiv-Mohyla Academy", Scientific-Production Association "Physics-Sun": a quoted proper name.
    if (/^["“]$/.test(t.text)) {
      const close = tokens.findIndex((x, q) => q > j && q <= j + 7 && /^["”]$/.test(x.text));
      if (close > j + 1 && tokens.slice(j + 1, close).every((x) => isNameWord(x) || isAcronym(x.text) || /^(of|and|the|de)$/.test(x.text))) {
        j = close + 1;
        continue;
      }
      break;
    }
    // "Confucius Institute at Beni-Suef University", "Faculty of Humanities at Leiden University": a unit at its parent.
    if (w === 'at' && NESTABLE_HEADS.has(ORG_HEADS.get(headWord) ?? '') && nameWithOrgHead(tokens, j + 1)) {
      j = j + 1 + (lower(tokens[j + 1]) === 'the' ? 1 : 0);
      continue;
    }
    if (COMPLEMENT_PREPS.has(w) || w === 'de' || w === 'named') {
      let k = j + 1;
      if (w === 'named' && lower(tokens[k]) === 'after') k++;
      else if (w === 'named') break;
      const hasThe = lower(tokens[k]) === 'the';
      if (hasThe) k++;
      // "in"/"on" take a place or a topic: only a longer name continues ("Forum on Quality Assurance",
      // "Assurance in Higher Education"), not "Institute of Arab Manuscripts in Cairo".
      // "the Rizal Library of Ateneo de Manila University in the Philippines": a country is a location, not part of the name.
      if (w === 'in' && countryAt(tokens, k)) break;
      if ((w === 'in' || w === 'on') && !hasThe) {
        const e = runEnd(tokens, k);
        if (e - k < 2 && lower(tokens[e]) !== 'and') break;
      }
      if (isNameWord(tokens[k]) && !NON_NAME_CAPITALS.has(tokens[k]!.text) && !titleAt(tokens, k, { capitalisedOnly: true })) {
        j = k;
        continue;
      }
      break;
    }
    if (w === 'and' || w === '&') {
      // "Ministry of Education, Science and Technology and Camara Education": the list's own "and" was the last.
      if (listed && andAfterList++ > 0) break;
      // "the World Health Organization and Gavi": right after the head, "and" joins a second name (a name's
      // own "and" sits in its complement: "Ministry of Science and Higher Education").
      if (j === h + 1 && !ROMANCE_HEADS.has(headWord) && !/^(and|&)$/.test(lower(tokens[h - 1]))) {
        const k0 = j + 1 + (lower(tokens[j + 1]) === 'the' ? 1 : 0);
        // ... unless the words after "and" end in a head of their own: "World Library and Information Congress".
        if (!runHasHead(tokens, k0, runEnd(tokens, k0), ['Organization', 'Programme', 'Event'])) break;
      }
      let k = j + 1;
      const hasThe = lower(tokens[k]) === 'the';
      if (hasThe) k++;
      if (!isNameWord(tokens[k]) || isAcronym(tokens[k]!.text) || titleAt(tokens, k, { capitalisedOnly: true })) break;
      const e = runEnd(tokens, k);
      // "... and Université Laval" starts another organisation; "... and Information Congress" completes an event.
      if (runHasHead(tokens, k, e, ['Organization'])) break;
      // "... Foundation and South Africa's Council": a possessive starts another phrase.
      if (/^['’]s?$/.test(tokens[e]?.text ?? '')) break;
      // "The University of Tokyo and Sony Group will ...": a verb after the run makes it a second subject.
      const after = tokens[e];
      const ownComplement = tokens.slice(k, e).some((x) => x.text === 'of' || x.text === 'for');
      // "University of Accra and the Ghana Chamber of Commerce": past the name's own complement, "and the"
      // followed by words with a complement of their own starts a second name.
      if (hasThe && j > h + 1 && !listed && ownComplement) break;
      // ... except in a ministry's remit of common nouns: "the Ministry of National Education and Literacy will ...".
      const remit = ORG_HEADS.get(headWord) === 'Ministry' && j > h + 1 && tokens.slice(k, e).every((x) => isCommonWord(x.text));
      if (!listed && !remit && !ownComplement && after && after.kind === 'word' && /^\p{Ll}/u.test(after.text) && !/^(of|for|in|on|at|to|from|with|by|and|named|together|which|who|whose|that|as|alongside|respectively)$/.test(after.text)) break;
      if (hasThe && runHasHead(tokens, k, e, ['Programme', 'Event'])) break;
      j = k;
      continue;
    }
    if (t.text === ',' && isNameWord(tokens[j + 1]) && !isAcronym(tokens[j + 1]!.text)) {
      // "Ministry of Higher Education, Science and Innovation", "... of Education, Culture, Research and Technology":
      // a list inside the name, ending in "and X", with no head noun in its items.
      let k = j + 1;
      let ok = false;
      for (let guard = 0; guard < 6; guard++) {
        const e = runEnd(tokens, k);
        if (e === k || runHasHead(tokens, k, e, ['Organization', 'Programme', 'Event'])) break;
        if (tokens[e]?.text === ',' && isNameWord(tokens[e + 1]) && !isAcronym(tokens[e + 1]!.text)) {
          k = e + 1;
          continue;
        }
        // "... Communications and the Digital Economy"
        const the = lower(tokens[e]) === 'and' && lower(tokens[e + 1]) === 'the' ? 1 : 0;
        if (lower(tokens[e]) === 'and' && isNameWord(tokens[e + 1 + the])) {
          const e2 = runEnd(tokens, e + 1 + the);
          ok = !runHasHead(tokens, e + 1 + the, e2, ['Organization']);
        }
        break;
      }
      if (ok) {
        listed = true;
        j += 1;
        continue;
      }
      break;
    }
    break;
  }
  while (j > h + 1 && !isNameWord(tokens[j - 1]) && !isAcronym(tokens[j - 1]!.text) && !/^[ld]['’]/i.test(tokens[j - 1]!.text) && tokens[j - 1]!.kind === 'word' && ['of', 'for', 'on', 'in', 'and', 'the', 'de', 'named', 'after', '&'].includes(lower(tokens[j - 1]))) j--;
  return j;
}

/** Extends a name to the left of its head over modifiers and an inner coordination. */
function extendLeft(tokens: Token[], h: number): number {
  let i = h;
  let beforeCoordination = -1;
  let crossedAnd = false;
  for (;;) {
    const k = i - 1;
    const t = tokens[k];
    if (!t) break;
    if (isLeftModifier(tokens, k)) {
      i = k;
      continue;
    }
    // "United Nations Children's Fund", "King's College": a possessive inside the name.
    if (/^['’]s$/.test(t.text) && POSSESSIVE_NAME_WORDS.has(tokens[k - 1]?.text ?? '') && t.start === tokens[k - 1]!.end) {
      i = k - 1;
      continue;
    }
    // "Alexander von Humboldt Foundation": a name particle between capitalised words.
    if (NAME_PARTICLES_IN_ORGS.has(t.text) && i < h + 1 && isLeftModifier(tokens, k - 1)) {
      i = k;
      continue;
    }
    if (t.kind === 'word' && isAcronym(t.text) && isNameWord(tokens[i]) && !headOf(tokens[i]!.text) && i < h) {
      // "UNESCO Regional Bureau": an acronym directly before the name words.
      i = k;
      break;
    }
    const isAnd = lower(t) === 'and' || t.text === '&';
    if ((isAnd || (t.text === ',' && crossedAnd)) && i < h) {
      // "Educational, Scientific and Cultural Organization", "Food and Agriculture Organization",
      // with an Oxford comma: "Educational, Scientific, and Cultural Organization".
      const oxford = isAnd && tokens[k - 1]?.text === ',';
      const prev = tokens[oxford ? k - 2 : k - 1];
      if (oxford) {
        if (!prev || !isLeftModifier(tokens, k - 2) || headOf(prev.text) || isAcronym(prev.text)) break;
        if (beforeCoordination < 0) beforeCoordination = i;
        crossedAnd = true;
        i = k - 2;
        continue;
      }
      if (!prev || !isLeftModifier(tokens, k - 1) || headOf(prev.text) || isAcronym(prev.text)) break;
      if (beforeCoordination < 0) beforeCoordination = i;
      if (isAnd) crossedAnd = true;
      i = k - 1;
      continue;
    }
    break;
  }
  if (beforeCoordination >= 0) {
    // The coordination belongs to the name only when nothing but "the" or punctuation precedes it.
    const before = tokens[i - 1];
    const good = !before || /^(the|The)$/.test(before.text) || (before.kind === 'punct' && before.text !== ',');
    if (!good) i = beforeCoordination;
  }
  return i;
}

/** "(ACR)" at token k. */
function acronymAfter(tokens: Token[], k: number): boolean {
  return tokens[k]?.text === '(' && tokens[k + 2]?.text === ')' && isAcronym(tokens[k + 1]!.text);
}

/** The acronym's letters are the initials of the name's capitalised words, in order (loosely: most of them). */
function abbreviatesName(acronym: string, name: string): boolean {
  const initials = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!.toUpperCase()).join('');
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let k = 0;
  for (const ch of initials) if (ch === letters[k]) k++;
  if (k === letters.length && letters.length >= 2) return true;
  // The acronym of the name in another language: the same initials in another order ("BADEA").
  const sorted = (x: string) => [...x].sort().join('');
  return letters.length >= 3 && sorted(letters) === sorted(initials);
}

/** Heads of internal units: a name only with an owner or an acronym. */
const UNIT_HEADS: ReadonlySet<string> = new Set(['Faculty', 'Department', 'Division', 'Office', 'Branch', 'Presidium', 'Directorate']);

/** All head-noun names in a sentence, longest first, non-overlapping. */
export function findNameSpans(tokens: Token[]): NameSpan[] {
  const spans: NameSpan[] = [];
  for (let h = 0; h < tokens.length; h++) {
    const t = tokens[h]!;
    if (t.kind !== 'word') continue;
    const lastPart = t.text.includes('-') ? t.text.split('-').pop() ?? '' : '';
    if (lastPart && COMPOUND_HEADS.has(lastPart) && /^\p{Lu}/u.test(t.text) && !spans.some((s) => s.i <= h && h < s.j)) {
      // "Fraunhofer-Gesellschaft", "Max-Planck-Gesellschaft": the head is inside the token.
      const j = extendRight(tokens, h);
      spans.push({ i: h, j, kind: 'Organization', head: ORG_HEADS.get(lastPart) ?? lastPart, after: j });
      h = j - 1;
      continue;
    }
    const head = headOf(t.text);
    if (!head) continue;
    if (spans.some((s) => s.i <= h && h < s.j)) continue;
    let i = extendLeft(tokens, h);
    // "the Chief Executive Stanbic Bank Uganda": a title that began before the name does not end inside it.
    for (const back of [1, 2]) {
      const tt = i - back >= 0 ? titleAt(tokens, i - back, { capitalisedOnly: true }) : null;
      if (tt && tt.end > i && tt.end <= h) {
        i = tt.end;
        break;
      }
    }
    // A company suffix needs a name before it.
    if (COMPANY_SUFFIXES.has(t.text) && i === h) continue;
    let j = extendRight(tokens, h);
    if (i === h && j === h + 1 && !ROMANCE_HEADS.has(t.text)) continue; // a bare head noun is coreference, not a name
    if (i === h && j === h + 1) continue;
    // The main head: the last head before the first complement preposition.
    let mainHead = head;
    for (let k = i; k < j; k++) {
      const w = tokens[k]!.text;
      if (k > i && (COMPLEMENT_PREPS.has(w) || w === 'de' || w === 'named')) break;
      const hk = headOf(w);
      // "African Development Bank Group": the group of a bank is that bank.
      if (hk && !(hk.head === 'Group' && k > i && headOf(tokens[k - 1]!.text)?.kind === 'Organization')) mainHead = hk;
    }
    let kind = mainHead.kind;
    // "the National Assembly": a legislature, not a meeting.
    if (mainHead.head === 'Assembly' && /^(National|Legislative|Constituent|Federal)$/.test(tokens[h - 1]?.text ?? '')) kind = 'Organization';
    if (kind === 'Organization' && PROGRAMME_MODIFIERS.has(tokens[h - 1]?.text ?? '')) kind = 'Programme';
    // "Sony Group" is a company; "Max Planck Partner Group" and "Working Group" are programmes.
    if (mainHead.head === 'Group' && !GROUP_PROGRAMME_MODIFIERS.has(tokens[h - 1]?.text ?? '')) kind = 'Organization';
    // "Arab Bank for Economic Development in Africa (BADEA)": the acronym's definition reaches over "in Africa".
    if (/^(in|for|of|on)$/.test(lower(tokens[j])) && !acronymAfter(tokens, j)) {
      let q = j + 1;
      if (lower(tokens[q]) === 'the') q++;
      const start = q;
      while (q < tokens.length && q - start < 3 && isNameWord(tokens[q])) q++;
      if (q > start && acronymAfter(tokens, q) && abbreviatesName(tokens[q + 1]!.text, textOf(tokens, i, q))) j = q;
    }
    let after = j;
    let acronym: string | undefined;
    if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')' && (isAcronym(tokens[j + 1]!.text) || isNameWord(tokens[j + 1]) && kind === 'Organization') && !countryAt(tokens, j + 1)) {
      acronym = tokens[j + 1]!.text;
      after = j + 3;
      // A programme-headed body with its own acronym is an agency ("World Food Programme (WFP)").
      if (kind === 'Programme' && ['Programme', 'Program'].includes(mainHead.head)) kind = 'Organization';
    } else if (tokens[j]?.text === '(' && isAcronym(tokens[j + 1]?.text ?? '') && lower(tokens[j + 2]) === 'of' && countryAt(tokens, j + 3)
      && tokens[countryAt(tokens, j + 3)!.j]?.text === ')') {
      // "National Academy of Sciences of Ukraine (NAS of Ukraine)": an acronym qualified by its country.
      const close = countryAt(tokens, j + 3)!.j;
      acronym = textOf(tokens, j + 1, close);
      after = close + 1;
    }
    while (i < h && NON_NAME_CAPITALS.has(tokens[i]!.text)) i++;
    // "Dean of the Faculty of Engineering": a unit named only by its subject is part of a title, not an organisation;
    // "the USP Faculty of Medicine", "Faculty of Medicine of the University of X (FMUSP)" are names.
    if (UNIT_HEADS.has(mainHead.head) && i === h && !acronym && !tokens.slice(h + 1, j).some((x) => headOf(x.text)?.kind === 'Organization')) {
      h = j - 1;
      continue;
    }
    // "Minister for School Education and Literacy": a minister's remit that starts with a head word is no name.
    if (i === h && !acronym && /^(of|for)$/i.test(tokens[i - 1]?.text ?? '') && /^Minister$/i.test(tokens[i - 2]?.text ?? '')) {
      h = j - 1;
      continue;
    }
    // "Chairman of the Committee for Environmental Protection Bahodur Sharifzoda said": the name ends before the person.
    if (!acronym && titleBefore(tokens, i)) {
      const p = trailingPersonName(tokens, h + 1, j);
      if (p >= h + 1) {
        j = p;
        after = p;
      }
    }
    spans.push({ i, j, kind, head: mainHead.head, acronym, after });
    h = j - 1;
  }
  return spans;
}

/**
 * "President of the Academy of Sciences of Uzbekistan Bakhodir Yuldashevich Tursunov said": a person's
 * name run onto the end of a name or remit after a title, with no comma. Returns the token index where
 * the person's name starts inside [i, j), or -1. The name is two to five capitalised words, none of
 * them a common English word (names are not), a head noun or a country, after a word that can end a
 * name (not "of", "and"), and a verb, comma or clause follows.
 */
export function trailingPersonName(tokens: Token[], i: number, j: number): number {
  const next = tokens[j];
  if (next && next.kind === 'word' && !/^\p{Ll}/u.test(next.text)) return -1;
  let s = j;
  while (s > i && j - s < 5) {
    const t = tokens[s - 1]!;
    if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text) || headOf(t.text) || isAcronym(t.text) || countryAt(tokens, s - 1)) break;
    if (isCommonWord(t.text) && !hasPersonWord(t.text)) break;
    s--;
  }
  // Particles inside the name: "Faisal bin Turki", "Elnur Rashid oglu Aliyev".
  if (j - s < 2 || s < i) return -1;
  // "for Information Technology and Telecommunication Asad Mehmood Kundi": a remit's last word, after "and",
  // is not the name's first; the name is the rest when two or more words remain.
  while (/^(of|and|for|the|de|&)$/i.test(tokens[s - 1]?.text ?? '') && j - s > 2 && s > i) s++;
  const before = tokens[s - 1]!;
  if (before.kind !== 'word' || /^(of|and|for|the|de|&)$/i.test(before.text)) return -1;
  if (countryAt(tokens, s) || isPlaceName(textOf(tokens, s, j))) return -1;
  return s;
}
