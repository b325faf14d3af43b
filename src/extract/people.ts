/**
 * Person names: after honorifics ("Prof. Dr. Nor Aini binti Hassan"), after a
 * capitalised title ("IFLA President Amara Nwosu", "Minister Abdikarimov"),
 * before a title in apposition ("Maria Delgado-Wright, Executive Director of
 * the Commission") and historical names with a lower-case article ("al-Farabi").
 */
import { HONORIFIC_PHRASES } from '../model/names.ts';
import { HONORIFICS, NAME_PARTICLES, NON_NAME_CAPITALS, POST_NOMINALS } from './gazetteers.ts';
import { headOf, isNameWord, trailingPersonName } from './org-names.ts';
import { isAcronym } from './text.ts';
import { hasPersonWord, isPlaceName } from './nlp.ts';
import { isCommonWord } from './words.ts';
import type { Token } from './text.ts';
import { textOf, titleAt, titleBefore } from './titles.ts';

export interface PersonSpan {
  /** Token range of the whole mention, honorifics included. */
  i: number;
  j: number;
  /** Token range of the name alone. */
  ni: number;
  nj: number;
  name: string;
  reason: 'honorific' | 'title-before' | 'title-after' | 'historical' | 'contact';
}

/** Words that complete a title rather than start a name ("Vice-Principal International"). */
const TITLE_COMPLEMENTS: ReadonlySet<string> = new Set(['International', 'Emeritus', 'Emerita', 'Elect', 'Designate', 'General', 'Affairs', 'Research', 'Academic']);

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

function isNameToken(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return false;
  if (/^\p{Lu}\.$/u.test(t.text)) return true; // initial
  if (POST_NOMINALS.has(t.text)) return false;
  // "van der Merwe": particles count when a capitalised name follows them.
  if (NAME_PARTICLES.has(t.text) && (isNameWord(tokens[k + 1]) || NAME_PARTICLES.has(tokens[k + 1]?.text ?? '') && isNameWord(tokens[k + 2]))) return true;
  if (!isNameWord(t) || headOf(t.text)) return false;
  // "King Mohammed VI": a regnal number after a name.
  if (/^(II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/.test(t.text)) return k > 0 && isNameWord(tokens[k - 1]) && !isAcronym(tokens[k - 1]!.text);
  if (isAcronym(t.text) && !/^(Al|El)/.test(t.text)) return false;
  return true;
}

/** Consumes name tokens from k; returns the end index. */
function nameRun(tokens: Token[], k: number, max = 6): number {
  let e = k;
  while (e < tokens.length && e - k < max && isNameToken(tokens, e)) e++;
  // A name does not end with a particle or an initial alone.
  while (e > k && NAME_PARTICLES.has(tokens[e - 1]!.text)) e--;
  return e;
}

/** Royal styles before a name; also the first words of names ("King Abdulaziz University"), so only before a person. */
const ROYAL: ReadonlySet<string> = new Set(['King', 'Queen', 'Prince', 'Princess', 'Emir', 'Sultan', 'Sheikh', 'Sheikha']);

/** Nouns for people by occupation or standing, which a name may follow directly ("economist Funmi Ojo-Bankole"). */
export const PERSON_NOUNS =
  /^(entrepreneurs?|investors?|engineer|economist|caterer|novelist|writer|author|poet|artist|scientist|physicist|chemist|biologist|researcher|journalist|activist|philanthropist|businessman|businesswoman|alumna|alumnus|student|farmer|teacher|doctor|physician|nurse|lawyer|analyst|consultant|expert|architect|historian|photographer|designer|developer|founder|co-founder|glaciologist|seismologist|epidemiologist|volcanologist|philologist|linguist)$/;

/** The end of the honorifics starting at k ("H.E. Dr.", "Tan Sri Dr.", "His Excellency"). */
export function honorificRun(tokens: Token[], k: number): number {
  let e = k;
  for (;;) {
    if (e < tokens.length && HONORIFICS.has(tokens[e]!.text)) {
      e++;
      continue;
    }
    // "Dato' Zulkifli": the apostrophe of a style.
    if (e > k && /^['’]$/.test(tokens[e]?.text ?? '') && tokens[e]!.start === tokens[e - 1]!.end) {
      e++;
      continue;
    }
    const phrase = HONORIFIC_PHRASES.find((p) => p.every((w, d) => tokens[e + d]?.text.toLowerCase() === w));
    if (!phrase) return e;
    e += phrase.length;
  }
}

/** All person mentions in a sentence's tokens. */
export function findPersonSpans(
  tokens: Token[], knownCountryOrOrg: (i: number, j: number) => boolean, names: ReadonlyArray<{ i: number; after: number }> = [],
): PersonSpan[] {
  const out: PersonSpan[] = [];
  const taken = (i: number, j: number) => out.some((s) => s.i < j && i < s.j);
  // "Chairman of the Committee for Environmental Protection Bahodur Sharifzoda said",
  // "Deputy CEO Huawei Technologies Pakistan Zhou Hengyu": a name right after "Title of Organisation".
  for (const n of names) {
    if (!titleBefore(tokens, n.i)) continue;
    const e = nameRun(tokens, n.after, 5);
    const next = tokens[e];
    if (e - n.after >= 2 && (!next || next.kind === 'punct' || /^\p{Ll}/u.test(next.text)) && !knownCountryOrOrg(n.after, e) && !placeNotPerson(textOf(tokens, n.after, e))) {
      out.push({ i: n.after, j: e, ni: n.after, nj: e, name: textOf(tokens, n.after, e), reason: 'title-before' });
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    // Royal styles: "King Mohammed VI", "Prince Faisal bin Turki" (not "King Abdulaziz University").
    if (ROYAL.has(tokens[k]!.text) && (k === 0 || !isNameWord(tokens[k - 1]) || HONORIFICS.has(tokens[k - 1]!.text))) {
      const e = nameRun(tokens, k + 1);
      if (e > k + 1 && !headOf(tokens[e]?.text ?? '') && !knownCountryOrOrg(k + 1, e)) {
        out.push({ i: k, j: e, ni: k + 1, nj: e, name: textOf(tokens, k + 1, e), reason: 'honorific' });
        k = e - 1;
        continue;
      }
    }
    // Honorific chain: "H.E. Dr. Salim M. AlMalik".
    const h = honorificRun(tokens, k);
    if (h > k) {
      // "Prof. ISHIHARA Naoko": a family name in capitals, then the given name.
      const caps = isAcronym(tokens[h]?.text ?? '') && /^\p{Lu}{3,}$/u.test(tokens[h]!.text) && isNameToken(tokens, h + 1) ? 1 : 0;
      const e = caps ? Math.max(h + 1, nameRun(tokens, h + 1)) : nameRun(tokens, h);
      if (e > h && !knownCountryOrOrg(h, e)) {
        out.push({ i: k, j: e, ni: h, nj: e, name: textOf(tokens, h, e), reason: 'honorific' });
        k = e - 1;
        continue;
      }
    }
    // Historical names with a lower-case article: "al-Farabi".
    const t = tokens[k]!;
    if (/^(al|el)-\p{Lu}/u.test(t.text) && !isNameWord(tokens[k + 1])) {
      out.push({ i: k, j: k + 1, ni: k, nj: k + 1, name: t.text, reason: 'historical' });
      continue;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    if (taken(k, k + 1)) continue;
    // Title before the name: "IFLA President Amara Nwosu", "Minister Abdikarimov", "MIT professor Angela Belcher".
    const afterAcronym = k > 0 && isAcronym(tokens[k - 1]!.text);
    const title = titleAt(tokens, k, { capitalisedOnly: !afterAcronym });
    if (title && !taken(title.end, title.end + 1)) {
      const s = title.end;
      const e = nameRun(tokens, s, 4);
      const next = tokens[e];
      const boundary = !next || next.kind === 'punct' || /^\p{Ll}/u.test(next.text);
      // "Resident Representative Nairobi", "Chair Hanoi": compromise knows a place, not a person.
      // "Director Education at X": a lone common word after a title is the title's remit, not a surname.
      const remitWord = e - s === 1 && isCommonWord(tokens[s]!.text) && !hasPersonWord(tokens[s]!.text);
      if (e > s && boundary && !remitWord && !NON_NAME_CAPITALS.has(tokens[s]!.text) && !TITLE_COMPLEMENTS.has(tokens[s]!.text) && !knownCountryOrOrg(s, e) && lower(tokens[s]) !== 'of'
        && !placeNotPerson(textOf(tokens, s, e))) {
        out.push({ i: s, j: e, ni: s, nj: e, name: textOf(tokens, s, e), reason: 'title-before' });
        k = e - 1;
        continue;
      }
      // "Minister of Environment, Water and Ecological Transition Gabriela Andrade Cevallos said": a remit, then the name.
      if (/^(of|for|to|in)$/.test(lower(tokens[s]))) {
        // The name ends where the remit's run ends or where "and"/"," follows a name ("Minister of Youth and
        // Sports Hesham El-Gendy and UNDP Resident Representative ..."): try each such end.
        let r = s + 1;
        let found = false;
        while (r <= tokens.length && r < s + 25) {
          const t = tokens[r];
          const end = !t || !(isNameWord(t) || /^(and|&|the|of|for|to)$/.test(lower(t)) && isNameWord(tokens[r + 1]) || t.text === ',' && isNameWord(tokens[r + 1]));
          if (end || /^(and|&)$/.test(lower(t)) || t.text === ',') {
            const p = trailingPersonName(tokens, s + 1, r);
            if (p > s + 1 && !knownCountryOrOrg(p, r) && !taken(p, r)) {
              out.push({ i: p, j: r, ni: p, nj: r, name: textOf(tokens, p, r), reason: 'title-before' });
              k = r - 1;
              found = true;
              break;
            }
          }
          if (end) break;
          r++;
        }
        if (found) continue;
      }
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    if (taken(k, k + 1)) continue;
    // Name then title in apposition: "Maria Delgado-Wright, Executive Director of the Commission".
    const prev = tokens[k - 1];
    // "in the presence of Tarek Mansour, Coursera's regional director": "of" only after such a noun ("of Dubai Cares" is a name).
    const okBefore = !prev || prev.kind === 'punct' || ['said', 'by', 'and', 'says', 'added', 'noted'].includes(lower(prev))
      || lower(prev) === 'of' && /^(presence|behalf|attendance)$/i.test(tokens[k - 2]?.text ?? '');
    if (!okBefore || NON_NAME_CAPITALS.has(tokens[k]!.text) || NAME_PARTICLES.has(tokens[k]!.text)) continue;
    const e = nameRun(tokens, k, 5);
    if (e - k < 2 || knownCountryOrOrg(k, e) || taken(k, e) || placeNotPerson(textOf(tokens, k, e))) continue;
    let m = e;
    // "Nino Gelashvili (vice-rector for research at TSU)", "Dr. X – director of the Institute".
    if (!/^[,(–—]$/.test(tokens[m]?.text ?? '')) continue;
    m++;
    if (POST_NOMINALS.has(tokens[m]?.text ?? '')) m += tokens[m + 1]?.text === ',' ? 2 : 1;
    if (['the', 'a', 'an'].includes(lower(tokens[m]))) m++;
    // "the University's Vice-Principal", "KFUPM's Vice President"
    let look = m;
    while (look < m + 6 && tokens[look] && !titleAt(tokens, look) && tokens[look]!.text !== ',') look++;
    if (titleAt(tokens, look)) {
      out.push({ i: k, j: e, ni: k, nj: e, name: textOf(tokens, k, e), reason: 'title-after' });
      k = e - 1;
    }
  }
  // "Rwandan tech entrepreneur and investor Clarisse Uwimana-Gatete", "Accra caterer Efua Mensah", "the novelist X".
  for (let k = 1; k < tokens.length; k++) {
    if (taken(k, k + 1) || !PERSON_NOUNS.test(tokens[k - 1]!.text)) continue;
    const e = nameRun(tokens, k, 4);
    const next = tokens[e];
    if (e - k < 2 || next && !(next.kind === 'punct' || /^\p{Ll}/u.test(next.text)) || knownCountryOrOrg(k, e) || placeNotPerson(textOf(tokens, k, e)) || !looksLikeName(tokens, k, e)) continue;
    out.push({ i: k, j: e, ni: k, nj: e, name: textOf(tokens, k, e), reason: 'title-before' });
    k = e - 1;
  }
  // Title then name in apposition: "UNICEF's representative in Pakistan, Greta Lindholm, said",
  // "The director of the regional office, Amadou Ba Sy, said".
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k - 1]!.text !== ',' || taken(k, k + 1)) continue;
    const h = honorificRun(tokens, k);
    if (NON_NAME_CAPITALS.has(tokens[h]?.text ?? '') || NAME_PARTICLES.has(tokens[h]?.text ?? '')) continue;
    const e = nameRun(tokens, h, 5);
    const next = tokens[e];
    // The name is followed by more of the clause ("Greta Lindholm, said"); "Head of Communications, Airtel Africa" ends the line with an organisation.
    const ends = !next || /^[.;]$/.test(next.text);
    // '..., said the company's chief executive, Amaka Obi.': a speaker named last after "said".
    const speaker = ends && tokens.slice(Math.max(0, k - 12), k).some((t) => /^(said|says|added|noted|explained)$/i.test(t.text));
    if (e - h < 2 || !(next && (next.text === ',' || next.kind === 'word' && /^\p{Ll}/u.test(next.text)) || ends && (speaker || hasPersonWord(textOf(tokens, h, e))))) continue;
    if (knownCountryOrOrg(h, e) || taken(h, e) || placeNotPerson(textOf(tokens, h, e)) || !looksLikeName(tokens, h, e)) continue;
    if (titleInClauseBefore(tokens, k - 1) < 0) continue;
    out.push({ i: k, j: e, ni: h, nj: e, name: textOf(tokens, h, e), reason: 'title-after' });
    k = e - 1;
  }
  return out.sort((a, b) => a.i - b.i);
}

/**
 * The start of a title in the clause that ends at token `end` (a comma): back to the previous comma,
 * the sentence start or a verb, at most ten tokens ("FAO's country representative", "its executive
 * secretary", "the director of the regional office"). -1 when there is none.
 */
export function titleInClauseBefore(tokens: Token[], end: number): number {
  for (let st = end - 1; st >= Math.max(0, end - 10); st--) {
    const t = tokens[st]!;
    if (t.text === ',' || t.text === '.' || t.text === ';' || t.text === '"' || t.text === '“' || t.text === '”') return -1;
    if (/^(said|says|and|by|with|while|when|who|which|that)$/i.test(t.text)) return -1;
    if (titleAt(tokens, st)) return st;
  }
  return -1;
}

/** The heading of a press release's contact block: "Media contact:", "Press contacts", "For more information, contact:". */
export const CONTACT_HEADING = /^(?:(?:media|press|news|for media)\s+)?(?:contacts?|enquiries|inquiries)\b(?:\s+for\s+[^:]{1,40})?\s*:?$/i;

/**
 * A line of a contact block that starts with a name ("Amaka Obi", "Amaka Obi, Head of Communications, X",
 * "Zentara Mobile: Amaka Obi, ..."): two to four name words alone on the line or before a comma.
 */
export function contactPerson(tokens: Token[], knownCountryOrOrg: (i: number, j: number) => boolean): PersonSpan | null {
  let s = 0;
  // "Zentara Mobile: Amaka Obi, ...": the organisation the contact speaks for.
  const colon = tokens.findIndex((t, i) => i < 7 && t.text === ':');
  if (colon > 0 && tokens.slice(0, colon).every((t) => isNameWord(t) || isAcronym(t.text))) s = colon + 1;
  let k = s;
  while (HONORIFICS.has(tokens[k]?.text ?? '')) k++;
  const e = nameRun(tokens, k, 4);
  const next = tokens[e];
  if (e - k < 2 || next && next.text !== ',') return null;
  if (knownCountryOrOrg(k, e) || titleAt(tokens, k, { capitalisedOnly: true }) || tokens.slice(k, e).some((t) => isAcronym(t.text))) return null;
  if (!looksLikeName(tokens, k, e) || placeNotPerson(textOf(tokens, k, e))) return null;
  return { i: s, j: e, ni: k, nj: e, name: textOf(tokens, k, e), reason: 'contact' };
}

/**
 * A span compromise knows as a place, and not a person's double-barrelled name: compromise reads
 * "Lucy Andersen-Park" as a park.
 */
function placeNotPerson(span: string): boolean {
  return isPlaceName(span) && !/\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(span);
}

/** A run that can be a person's name: not only common English words ("Maritime Infrastructure"), unless a first name. */
function looksLikeName(tokens: Token[], i: number, j: number): boolean {
  const span = textOf(tokens, i, j);
  return hasPersonWord(span) || tokens.slice(i, j).some((t) => !isCommonWord(t.text) && !/^\p{Lu}\.$/u.test(t.text));
}

/** Strips post-nominal letters and trailing punctuation from a person's name. */
export function cleanPersonName(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !POST_NOMINALS.has(w) && !HONORIFICS.has(w))
    .join(' ')
    .replace(/[,;.]$/, '');
}

