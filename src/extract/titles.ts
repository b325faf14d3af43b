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

const LEXICON_KEYS: ReadonlySet<string> = new Set(TITLE_TOKENS.map((w) => w.join(' ')));

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
  const lexical = lexiconTitleAt(tokens, k);
  if (lexical) return lexical;
  return composedTitleAt(tokens, k, opts);
}

/** A title of the lexicon starting at token k. */
function lexiconTitleAt(tokens: Token[], k: number): TitleMatch | null {
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

/**
 * Position nouns that head a title built from parts: "Chief Learning Officer", "Deputy Head of Mission",
 * "Registrar General", "First Deputy Minister", "Honorary President", "managing director".
 */
const TITLE_HEAD_WORDS: ReadonlySet<string> = new Set([
  'director', 'director-general', 'president', 'vice-president', 'minister', 'secretary', 'secretary-general', 'chair', 'chairman',
  'chairwoman', 'chairperson', 'chancellor', 'vice-chancellor', 'pro-vice-chancellor', 'rector', 'vice-rector', 'pro-rector', 'dean',
  'head', 'manager', 'representative', 'coordinator', 'ambassador', 'governor', 'commissioner', 'founder', 'co-founder', 'professor',
  'lecturer', 'researcher', 'scientist', 'specialist', 'adviser', 'advisor', 'counsellor', 'counselor', 'librarian', 'registrar',
  'provost', 'principal', 'treasurer', 'spokesperson', 'spokesman', 'spokeswoman', 'trustee', 'officer', 'speaker', 'conservator',
  'academician', 'executive', 'partner', 'owner', 'envoy', 'attaché', 'consul', 'administrator', 'superintendent', 'curator', 'editor',
  'member',
]);
/** Words that qualify a position noun on its left. */
const TITLE_MODIFIER_WORDS: ReadonlySet<string> = new Set([
  'deputy', 'vice', 'assistant', 'associate', 'executive', 'senior', 'chief', 'managing', 'regional', 'country', 'general', 'first',
  'second', 'federal', 'permanent', 'acting', 'interim', 'founding', 'honorary', 'resident', 'programme', 'program', 'policy',
  'communications', 'press', 'state', 'cabinet', 'pro', 'co', 'lead', 'principal', 'national', 'technical', 'scientific', 'academic',
  'research', 'medical', 'financial', 'operating', 'information', 'digital', 'learning', 'technology', 'marketing', 'commercial',
  'former', 'then', 'outgoing', 'incoming', 'special', 'union', 'prime', 'high', 'under', 'joint', 'corresponding', 'full', 'visiting',
  'distinguished', 'group', 'global', 'division', 'department', 'programmes', 'programs', 'university', 'board', 'project',
]);
/** Single position nouns that are a title without a modifier (others, such as "partner", need one). */
const BARE_TITLE_WORDS: ReadonlySet<string> = new Set(['owner', 'speaker', 'conservator', 'academician', 'trustee', 'envoy', 'consul', 'administrator', 'superintendent', 'curator']);

/** A title assembled from modifiers and a position noun, when the lexicon has no such title. */
function composedTitleAt(tokens: Token[], k: number, opts: { capitalisedOnly?: boolean }): TitleMatch | null {
  const word = (q: number) => (tokens[q]?.kind === 'word' ? tokens[q]!.text.toLowerCase() : '');
  let q = k;
  const mods: string[] = [];
  while (q < tokens.length && q - k < 4 && TITLE_MODIFIER_WORDS.has(word(q))) mods.push(word(q++));
  // "Chief Learning Officer", "Chief Digital Transformation Officer".
  if (mods[0] === 'chief' && word(q) !== 'officer') {
    let r = q;
    while (r < q + 3 && tokens[r]?.kind === 'word' && /^\p{Lu}/u.test(tokens[r]!.text) && word(r) !== 'officer') r++;
    if (word(r) === 'officer') q = r;
  }
  let head = word(q);
  // "Communications Lead", "Programme Lead": "lead" closes a title after another modifier.
  if (!TITLE_HEAD_WORDS.has(head) && mods.length >= 2 && mods[mods.length - 1] === 'lead' && !lexiconTitleAt(tokens, q)) {
    q--;
    mods.pop();
    head = 'lead';
  } else if (!TITLE_HEAD_WORDS.has(head)) {
    // "Executive Vice President": the head may be a lexicon title ("Vice President").
    const inner = q > k ? lexiconTitleAt(tokens, q) : null;
    if (!inner) return null;
    q = inner.end - 1;
    head = inner.key;
  }
  if (!mods.length && !BARE_TITLE_WORDS.has(head)) return null;
  let end = q + 1;
  // "Registrar General", "Director Emeritus".
  if (/^(general|emeritus|emerita|designate|elect)$/.test(word(end))) end++;
  // All words of one case: "managing director" or "Managing Director", not "the Senior official".
  const words = tokens.slice(k, end);
  if (opts.capitalisedOnly && !words.every((t) => /^\p{Lu}/u.test(t.text) || t.text.includes('-'))) return null;
  return { end, text: textOf(tokens, k, end), key: words.map((t) => t.text.toLowerCase()).join(' ') };
}

/** Titles whose "of X" is a remit: the lexicon's, and composed titles headed by one of them. */
export function isRemitTitle(key: string): boolean {
  if (REMIT_TITLES.has(key) || LEXICON_KEYS.has(key)) return REMIT_TITLES.has(key);
  const head = key.split(' ').pop() ?? '';
  return REMIT_TITLES.has(head);
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
  if (/^(of|at|for)$/.test((tokens[k - 1]?.text.toLowerCase() ?? ''))) k--;
  for (let st = Math.max(0, k - 5); st < k; st++) if (titleAt(tokens, st)?.end === k) return true;
  return false;
}

