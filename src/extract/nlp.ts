/**
 * The compromise library's lexicon and tagger, applied to short spans only
 * (a candidate name, a cooperation-area phrase), never to a whole document:
 * our own tokenizer keeps exact offsets and speed, compromise answers
 * "is this a person / a place / a noun phrase?". Results are cached per span.
 */
import { createRequire } from 'node:module';
import type nlpTwo from 'compromise/two';

// Only the tagger's lexicon and tags are used here, which compromise's "two"
// build has (the default "three" adds chunking, people(), topics...; the
// extraction results are the same over the fixtures and both dev sets). Its
// single-file CommonJS build loads in about half the time of the default ESM
// entry's hundreds of modules, which counts for a one-document
// `npm run extract` (`npm run bench:cli` measures both).
const nlp = createRequire(import.meta.url)('compromise/two') as typeof nlpTwo;

interface Term {
  text: string;
  tags: ReadonlySet<string>;
}

const cache = new Map<string, Term[]>();
const MAX_CACHE = 5000;

/** Compromise's terms and tags for a short span (cached). */
export function termsOf(span: string): Term[] {
  let terms = cache.get(span);
  if (terms) return terms;
  const json = nlp(span).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>;
  terms = json.flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: new Set(t.tags) })));
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(span, terms);
  return terms;
}

const PLACE_TAGS = ['City', 'Place', 'Country', 'Region'];
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];

/** "Hanoi", "São Paulo", "Kampala": compromise's gazetteer knows the span as a place, not a person. */
export function isPlaceName(span: string): boolean {
  const terms = termsOf(span);
  return terms.length > 0 && terms.every((t) => PLACE_TAGS.some((g) => t.tags.has(g)) && !t.tags.has('FirstName'));
}

/** A nationality adjective compromise knows ("Guatemalan", "Kenyan"): a description, never a name by itself. */
export function isDemonym(word: string): boolean {
  // Nationality adjectives end so ("-an", "-ese", "-ish", "-i", "-ic"); other words skip the tagger.
  if (!/(an|ese|ish|i|ic)$/.test(word)) return false;
  const terms = termsOf(word);
  return terms.length === 1 && terms[0]!.tags.has('Demonym');
}

/** Any word of the span is a known first name, last name or honorific ("Eleanor", "Capt"). */
export function hasPersonWord(span: string): boolean {
  return termsOf(span).some((t) => PERSON_TAGS.some((g) => t.tags.has(g)));
}

/**
 * A cooperation area cleaned to a noun phrase: leading verbs and gerunds ("preparing for ..."),
 * determiners and stray punctuation (curly quotes) go; a phrase with no noun is no area.
 */
export function nounPhrase(item: string): string | null {
  const clean = item.replace(/[“”"‘’«»()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const terms = termsOf(clean);
  let i = 0;
  while (i < terms.length && (terms[i]!.tags.has('Verb') || terms[i]!.tags.has('Gerund') || terms[i]!.tags.has('Determiner') || terms[i]!.tags.has('Preposition'))) i++;
  // A finite verb ("benefited") or a preposition other than "of" ends the phrase.
  let j = i;
  for (; j < terms.length; j++) {
    const t = terms[j]!;
    if (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Noun')) break;
    if (t.tags.has('Preposition') && t.text.toLowerCase() !== 'of') break;
  }
  const kept = terms.slice(i, j);
  if (!kept.some((t) => t.tags.has('Noun')) || i > 0 && terms[0]!.tags.has('Gerund')) return null;
  const out = kept.map((t) => t.text).join(' ').replace(/[,;:.]+$/, '').trim();
  return out || null;
}
