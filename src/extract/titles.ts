/**
 * Position titles ("Director-General", "Chief Executive Officer",
 * "Vice-Rector for International Affairs") found at a token position.
 */
import { TITLES } from './gazetteers.ts';
import { tokenize } from './text.ts';
import type { Token } from './text.ts';

const TITLE_TOKENS: readonly string[][] = TITLES.map((t) => tokenize(t).map((x) => x.text.toLowerCase())).sort(
  (a, b) => b.length - a.length,
);

/**
 * Titles whose "of X" complement is usually a remit, not an organisation
 * ("Director of Cooperation", "Head of Corporate Communications", "Minister of Education").
 */
export const REMIT_TITLES: ReadonlySet<string> = new Set([
  'director', 'deputy director', 'head', 'deputy head', 'dean', 'vice-dean', 'minister', 'deputy minister', 'coordinator',
  'officer', 'policy officer', 'senior policy officer', 'specialist', 'programme specialist', 'program specialist',
  'representative', 'professor', 'assistant professor', 'associate professor', 'manager', 'regional director',
  'country director', 'vice-president', 'vice president', 'senior vice president', 'senior vice-president',
  'vice-rector', 'vice rector', 'assistant vice-chancellor', 'deputy vice-chancellor', 'pro-vice-chancellor', 'advisor', 'adviser',
  'secretary', 'chair', 'member', 'researcher', 'lecturer', 'commissioner', 'ambassador', 'resident coordinator',
]);

const TEMPORARY_MODIFIERS: ReadonlySet<string> = new Set(['acting', 'interim', 'outgoing', 'incoming', 'founding', 'designated']);

export interface TitleMatch {
  /** Token index after the title words. */
  end: number;
  /** The title words as written. */
  text: string;
  /** Lower-cased gazetteer form. */
  key: string;
}

/** The longest title starting at token k, if any. */
export function titleAt(tokens: Token[], k: number, opts: { capitalisedOnly?: boolean } = {}): TitleMatch | null {
  const first = tokens[k];
  if (!first || first.kind !== 'word') return null;
  if (opts.capitalisedOnly && !/^\p{Lu}/u.test(first.text)) return null;
  // "Acting Director", "Interim President": the modifier is part of the title.
  if (TEMPORARY_MODIFIERS.has(first.text.toLowerCase())) {
    const rest = titleAt(tokens, k + 1, opts);
    return rest ? { end: rest.end, text: textOf(tokens, k, rest.end), key: rest.key } : null;
  }
  for (const words of TITLE_TOKENS) {
    if (k + words.length > tokens.length) continue;
    let ok = true;
    for (let d = 0; d < words.length; d++) {
      if (tokens[k + d]!.text.toLowerCase() !== words[d]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const end = k + words.length;
    return { end, text: textOf(tokens, k, end), key: words.join(' ') };
  }
  return null;
}

export function textOf(tokens: Token[], i: number, j: number): string {
  let out = '';
  for (let k = i; k < j; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    if (k > i && prev && t.start > prev.end) out += ' ';
    out += t.text;
  }
  return out;
}

/** Is token i preceded by a title and "of", "at" or nothing ("President of the X", "Deputy CEO X")? */
export function titleBefore(tokens: Token[], i: number): boolean {
  let k = i;
  if ((tokens[k - 1]?.text.toLowerCase() ?? '') === 'the') k--;
  if (/^(of|at)$/.test((tokens[k - 1]?.text.toLowerCase() ?? ''))) k--;
  for (let st = Math.max(0, k - 5); st < k; st++) if (titleAt(tokens, st)?.end === k) return true;
  return false;
}

