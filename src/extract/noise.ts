/**
 * Text that looks like a name but names no organisation: datelines and agency
 * tags ("KIGALI, Rwanda, 26 June 2024 –", "RABAT, 10 February 2025 (MAP) –"),
 * credit lines ("(Photo/ANI)", "— VNS"), and acronyms that are not
 * organisations (plurals such as "HEIs", "COVID-19", currency codes before an
 * amount, capitalised common words such as "SOURCE" or "PHOTO").
 */
import { MONTHS, NON_ORG_ACRONYMS } from './gazetteers.ts';
import { isAcronym } from './text.ts';
import type { Token } from './text.ts';
import { isCommonWord } from './words.ts';

const DASH = /^(?:[-–—:]|--)$/;
const isAllCaps = (w: string) => /^\p{Lu}[\p{Lu}\d&.-]*$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w);
const isMonth = (w: string) => MONTHS.has(w.toLowerCase().replace(/\.$/, ''));

/** Tokens a dateline is made of: places in capitals or title case, dates, agency tags, punctuation. */
function datelineMaterial(t: Token): boolean {
  if (t.kind === 'punct') return /^[,()[\]/.|]$/.test(t.text) || DASH.test(t.text);
  return /^\p{Lu}/u.test(t.text) || /^\d/.test(t.text) || t.text === 'and';
}

/**
 * The end (exclusive token index) of a dateline at the start of a paragraph's first sentence, or 0.
 * A dateline is a run of places, a date and an agency tag closed by a dash or colon, and it must hold
 * a date, a place in capitals or a parenthesised tag to count.
 */
export function datelineEnd(tokens: Token[]): number {
  let end = 0;
  let evidence = false;
  for (let k = 0; k < Math.min(tokens.length, 30); k++) {
    const t = tokens[k]!;
    if (!datelineMaterial(t)) break;
    if (isMonth(t.text) || /^\d{4}$/.test(t.text) || (isAllCaps(t.text) && t.text.length >= 3) || t.text === '(' || t.text === '/') evidence = true;
    if (DASH.test(t.text) && k > 0) {
      // "--(BUSINESS WIRE)--Feb. 27, 2024--": later segments of tags and dates continue the dateline.
      let e = k;
      while (DASH.test(tokens[e + 1]?.text ?? '')) e++;
      end = e + 1;
      let q = end;
      while (q < tokens.length && !DASH.test(tokens[q]!.text) && (tokens[q]!.kind === 'punct' && /^[,()/.]$/.test(tokens[q]!.text) || isAllCaps(tokens[q]!.text) || isMonth(tokens[q]!.text) || /^\d/.test(tokens[q]!.text))) q++;
      if (q > end && DASH.test(tokens[q]?.text ?? '')) {
        k = q - 1;
        continue;
      }
      break;
    }
  }
  return evidence ? end : 0;
}

/** A short line that credits an agency or a photographer: "(MAP)", "GNA", "— VNS", "(Photo/ANI)". */
export function isCreditLine(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (!words.length || words.length > 3 || tokens.length > 8) return false;
  return words.every((w) => isAllCaps(w.text) || /^(photo|source|credit)$/i.test(w.text)) && words.some((w) => isAcronym(w.text));
}

/** Acronym-like tokens that never name an organisation, whatever the document. */
export function isNonOrgAcronym(tokens: Token[], k: number): boolean {
  const w = tokens[k]!.text;
  if (NON_ORG_ACRONYMS.has(w)) return true;
  // "HEIs", "KPIs", "SMEs": an organisation's acronym is not pluralised.
  if (/^[\p{Lu}\d&]{2,}s$/u.test(w)) return true;
  // "COVID-19", "H1N1-2009": diseases and models carry numbers.
  if (/-\d/.test(w) || /\d/.test(w) && !/^\p{Lu}+\d\p{Lu}*$/u.test(w)) return true;
  // "SOURCE", "PHOTO", "BUSINESS WIRE": common words set in capitals.
  if (w.length >= 4 && isAllCaps(w) && isCommonWord(w)) return true;
  // Currency before or after an amount: "UGX 115 billion", "AED 2 million", "CFA francs 30 million", "RO 400,000".
  const next = tokens[k + 1]?.text ?? '';
  const prev = tokens[k - 1]?.text ?? '';
  if (/^\d/.test(next) || /^francs?$/i.test(next) || /^\d[\d.,]*$/.test(prev) && /^(francs?|billion|million)$/i.test(next)) return true;
  // A news agency's tag: "November 21 (ANI):", "... in 2024. (ANI)", "(Photo/ANI)", "— VNS" at the end of a line.
  if (prev === '(' && next === ')' && (/^\d{1,4}$/.test(tokens[k - 2]?.text ?? '') || k === 1 && tokens.length <= 4 || /^[.!?]$/.test(tokens[k - 2]?.text ?? '') && k + 2 >= tokens.length)) return true;
  if (/^(\/|—|–|--)$/.test(prev) && tokens.slice(k + 1).every((t) => t.kind === 'punct')) return true;
  // "the NIRF rankings", "the TOEFL test": a ranking or a test, not a body.
  if (/^(rankings?|tests?|exams?|examinations?|scores?|index|indices|syllabus|certificates?|certification)$/.test(next)) return true;
  return false;
}
