/**
 * Country names (not nationality adjectives): "Kazakhstan", "the Republic of
 * Kazakhstan" -> Kazakhstan, "Jordan's", "the UAE's". Geography ("Lake Chad")
 * is not a country.
 */
import { COUNTRIES, GEO_FEATURE_WORDS, STATE_PREFIXES } from './gazetteers.ts';
import { tokenize } from './text.ts';
import type { Token } from './text.ts';

interface CountryForm {
  words: string[];
  canonical: string;
}

const FORMS: CountryForm[] = COUNTRIES.flatMap(([canonical, ...variants]) =>
  [canonical, ...variants].map((v) => ({ words: tokenize(v).map((t) => t.text), canonical })),
).sort((a, b) => b.words.length - a.words.length);

const PREFIX_FORMS: string[][] = STATE_PREFIXES.map((p) => tokenize(p).map((t) => t.text)).sort((a, b) => b.length - a.length);

export interface CountrySpan {
  i: number;
  j: number;
  canonical: string;
}

function matchWords(tokens: Token[], k: number, words: string[]): boolean {
  if (k + words.length > tokens.length) return false;
  return words.every((w, d) => tokens[k + d]!.text === w);
}

/** The country name starting at token k ("Republic of Kazakhstan" included), if any. */
export function countryAt(tokens: Token[], k: number): CountrySpan | null {
  let s = k;
  for (const p of PREFIX_FORMS) {
    if (matchWords(tokens, k, p)) {
      s = k + p.length;
      if (tokens[s]?.text === 'the') s++;
      break;
    }
  }
  for (const f of FORMS) {
    if (!matchWords(tokens, s, f.words)) continue;
    // "Lake Chad", "Niger Basin", "Congo River": geography, not the state.
    const before = tokens[k - 1]?.text ?? '';
    const after = tokens[s + f.words.length]?.text ?? '';
    if (GEO_FEATURE_WORDS.has(before) || GEO_FEATURE_WORDS.has(after)) return null;
    // "US$25 million": a currency, not the country.
    if (after === '$' && tokens[s + f.words.length]?.start === tokens[s + f.words.length - 1]?.end) return null;
    // Part of a hyphenated compound ("US-UK" is a single token and never matches).
    return { i: k, j: s + f.words.length, canonical: f.canonical };
  }
  return null;
}
