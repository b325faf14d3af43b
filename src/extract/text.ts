/**
 * Tokens and sentences with character offsets into the original text.
 * Our own splitter (instead of a full NLP parse) keeps offsets exact and is
 * fast; compromise is used only where a lexicon pays (see people.ts).
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** 'word' for letters/digits (with inner - ' . &), 'punct' for everything else. */
  kind: 'word' | 'punct';
}

export interface Sentence {
  /** Index in document order. */
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** The headline, which is title-cased and only resolves names found elsewhere. */
  isHeadline: boolean;
  /** Index of the paragraph (line block) the sentence belongs to. */
  paragraph: number;
}

/** Words whose trailing period belongs to them ("Dr.", "Prof.", "No."). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'Eng', 'Engr', 'St', 'No', 'Jr', 'Sr', 'Mt', 'Hon', 'Rev', 'Amb', 'Co', 'Corp', 'Inc', 'Ltd',
  'Mme', 'Pr', 'Assoc', 'vs', 'etc', 'approx', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'e.g', 'i.e',
]);

/** Longest "sentence" kept whole; real sentences are far shorter. */
const MAX_SENTENCE_TOKENS = 300;
const SOFT_SENTENCE_TOKENS = 150;

/** Abbreviations that may also end a sentence (unlike "Dr." or "Prof."). */
const SENTENCE_FINAL_ABBREVIATIONS = /^(Ltd|Inc|Co|Corp|etc|Jr|Sr)\.$/;

// Dotted abbreviations first ("H.E.", "Ph.D.", "Dr.-Ing.", "U.S."), then ordinary words with inner joiners.
const TOKEN_RE =
  /(?:\p{Lu}\p{Ll}?\.){2,}|Dr\.-Ing\.|Dipl\.-Ing\.|[\p{L}\p{N}]+(?:(?:[-‐'’&]|[–—](?=\p{Lu}))[\p{L}\p{N}]+)*|\S/gu;

/** Splits a span of `text` into tokens; offsets stay relative to `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  const slice = text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    let value = m[0];
    let start = m.index;
    const isWord = /[\p{L}\p{N}]/u.test(value[0] ?? '');
    if (!isWord) {
      out.push({ text: value, start, end: start + value.length, kind: 'punct' });
      continue;
    }
    // Possessive: split "ICESCO’s" into "ICESCO" + "’s".
    const poss = /^(.+?)(['’]s)$/u.exec(value);
    if (poss && poss[1] && poss[2]) {
      out.push({ text: poss[1], start, end: start + poss[1].length, kind: 'word' });
      out.push({ text: poss[2], start: start + poss[1].length, end: start + value.length, kind: 'punct' });
      continue;
    }
    let end = start + value.length;
    // Attach the period of an abbreviation or an initial ("M.").
    if (slice[end] === '.' && (ABBREVIATIONS.has(value) || /^\p{Lu}$/u.test(value))) {
      value += '.';
      end += 1;
      TOKEN_RE.lastIndex = end;
    }
    out.push({ text: value, start, end, kind: 'word' });
    start = end;
  }
  return out;
}

export { isAcronym } from '../model/names.ts';

/** True for a word starting with an upper-case letter or digit-free acronym. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}


export interface Line {
  start: number;
  end: number;
}

/** Non-empty lines of text[from, to) with their trimmed offsets. */
export function linesOf(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
    pos = nl + 1;
  }
  return out;
}

/**
 * Splits each line (a paragraph) into sentences at . ! ? followed by space
 * and an upper-case letter, digit or quote, unless the period ends an
 * abbreviation or initial.
 */
export function splitSentences(text: string, lines: readonly Line[], headline: Line | null): Sentence[] {
  const out: Sentence[] = [];
  lines.forEach((line, paragraph) => {
    const tokens = tokenize(text, line.start, line.end);
    let current: Token[] = [];
    const flush = () => {
      const first = current[0];
      const last = current[current.length - 1];
      if (first && last) {
        out.push({
          index: out.length,
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
          tokens: current,
          isHeadline: headline !== null && line.start === headline.start,
          paragraph,
        });
      }
      current = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      current.push(t);
      // Run-on text (lists, tables, text without punctuation) is cut into bounded pieces,
      // which keeps every per-sentence step linear in the document size.
      if (current.length >= MAX_SENTENCE_TOKENS || (current.length >= SOFT_SENTENCE_TOKENS && /^[;,]$/.test(t.text))) {
        flush();
        continue;
      }
      // "... Northwind Analytics Ltd. The company ...": an abbreviation can end a sentence too.
      if (t.kind === 'word' && SENTENCE_FINAL_ABBREVIATIONS.test(t.text)) {
        const next = tokens[i + 1];
        if (next && /^[\p{Lu}"“]/u.test(next.text) && next.start > t.end) flush();
        continue;
      }
      if (t.kind === 'punct' && /^[.!?]$/.test(t.text)) {
        // Closing quotes stay with the sentence.
        // Closing quotes touch the period; a straight quote after a space opens the next sentence.
        while (i + 1 < tokens.length && /^["”’)]$/.test(tokens[i + 1]!.text) && tokens[i + 1]!.start === tokens[i]!.end) current.push(tokens[++i]!);
        const next = tokens[i + 1];
        if (!next) continue;
        const gap = text.slice(t.end, next.start);
        if (/\s/.test(gap) || /^["“]/.test(next.text)) {
          if (/^[\p{Lu}\p{N}"“]/u.test(next.text)) flush();
        }
      }
    }
    flush();
  });
  return out;
}
