/**
 * Name concepts that extraction and resolution share: acronyms, folding and
 * keys, person-name particles, generic words. One home each, so that the
 * extractor and cross-document identity cannot drift apart silently.
 */
import type { EntityType } from './types.ts';

// ---------------------------------------------------------------- acronyms

/**
 * "ICESCO", "LIKAT", "AArU", "UM6P", "IsDB", "AUDA-NEPAD": a short form written mostly
 * in capitals (digits count against it, spaces rule it out). The extractor had its own
 * rule (letters only, capital first); both give the same extractions on the dev and
 * dev-b evaluation sets, and this one keeps the graph's identity keys unchanged.
 */
export function isAcronym(name: string): boolean {
  const compact = name.replace(/[\s.&-]/g, '');
  if (compact.length < 2 || compact.length > 12 || /\s/.test(name.trim())) return false;
  const upper = compact.replace(/[^\p{Lu}]/gu, '').length;
  return upper >= 2 && upper / compact.length >= 0.5;
}

// ---------------------------------------------------------------- folding and keys

/** Case- and accent-insensitive form of a word, apostrophes dropped: how the extractor compares names. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’'`´]/g, '').toLowerCase();
}

/**
 * "Islamic World Educational, Scientific, and Cultural Organization" and
 * "islamic world educational scientific and cultural organisation" give one key;
 * "Al-Malik", "AlMalik" and "Al Malik" give "al malik"... see tests.
 */
export function normalizeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]s\b/g, '')
    .replace(/&/g, ' and ')
    .replace(/\borganisation\b/g, 'organization')
    .replace(/\bprogramme\b/g, 'program')
    .replace(/\bcentre\b/g, 'center')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key of an (:Alias) node: one namespace per label so a person and an organisation never collide. */
export function aliasKey(type: EntityType, name: string): string {
  return `${type}|${normalizeKey(name)}`;
}

// ---------------------------------------------------------------- person names

/** Honorifics that precede a person's name; stripped from the entity name. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'Dr.', 'Dr', 'Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Miss', 'Prof.', 'Prof', 'Professor', 'H.E.', 'H.E',
  'Eng.', 'Eng', 'Dr.-Ing.', 'Sir', 'Dame', 'Sheikh', 'Shaikh', 'Sheikha', 'Shaikha', 'Dr', 'Pr', 'Amb.', 'Ambassador', 'Hon.', 'Rev.', 'Mme', 'Mme.',
  'Pr.', 'Engr.', 'Dipl.-Ing.', 'Capt.', 'Capt', 'Captain', 'Hon', 'Ir.', 'Sen.', 'Rep.',
  // Styles of address in Malaysia, Pakistan, Nigeria and of royalty and academies.
  'Datuk', 'Dato', "Dato'", 'Dato’', 'Datin', 'Sardar', 'Alhaji', 'Hajia', 'HRH', 'Academician', 'academician', 'Assoc.', 'Madam', 'Lord', 'Baroness',
]);

/** Post-nominal letters written after a name ("Pieter van der Merwe, PhD"). */
export const POST_NOMINALS: ReadonlySet<string> = new Set([
  'PhD', 'Ph.D.', 'Ph.D', 'FRSE', 'FRS', 'FREng', 'OBE', 'CBE', 'MBE', 'MD', 'DPhil', 'Jr.', 'Jr', 'Sr.', 'FRSA', 'FAAS',
]);

/** Styles of several words: "Tan Sri", "His Excellency", "Her Royal Highness", "Rt Hon". */
export const HONORIFIC_PHRASES: readonly string[][] = [
  ['tan', 'sri'], ['datuk', 'seri'], ['dato', 'seri'], ['dato’', 'seri'], ["dato'", 'seri'], ['his', 'excellency'], ['her', 'excellency'],
  ['his', 'majesty'], ['her', 'majesty'], ['his', 'royal', 'highness'], ['her', 'royal', 'highness'], ['his', 'highness'], ['her', 'highness'],
  ['rt', 'hon'], ['rt.', 'hon.'], ['right', 'honourable'], ['the', 'honourable'], ['the', 'hon.'], ['assoc.', 'prof.'], ['assoc', 'prof'],
];


/** Patronymic particles ("bin", "ibn"): dropped from the tokens the extractor matches person names by. */
export const PATRONYMIC_PARTICLES: ReadonlySet<string> = new Set(['bin', 'binti', 'bint', 'ibn']);

/** Particles dropped from cross-document person identity: the patronymic ones, "ben" and "abu". */
export const PERSON_IDENTITY_PARTICLES: ReadonlySet<string> = new Set([...PATRONYMIC_PARTICLES, 'ben', 'abu']);

// ---------------------------------------------------------------- generic words

/**
 * Descriptions that are coreference, never names: "the Ministry", "the University".
 * Example: "ICESCO and the Ministry agreed ..." must not make "Ministry" an alias.
 */
export const GENERIC_ORG_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'university', 'organization', 'association', 'foundation', 'commission', 'society', 'library', 'institute',
  'institution', 'agency', 'council', 'center', 'centre', 'school', 'college', 'academy', 'company', 'bank', 'fund', 'network',
  'government', 'authority', 'department', 'office', 'secretariat', 'union', 'federation', 'committee', 'board', 'group',
  'program', 'programme', 'consortium', 'alliance', 'partner', 'partners', 'party', 'parties', 'side', 'sides', 'entity', 'entities',
  'delegation', 'team', 'firm', 'corporation', 'observatory', 'museum', 'forum', 'agreement', 'memorandum',
]);
export const GENERIC_LEADS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'both', 'our', 'its', 'their', 'two', 'german', 'national']);

/** True for "the Ministry", "Ministry", "the German Association", "both parties": descriptions, not names. */
export function isGenericDescription(name: string): boolean {
  const words = normalizeKey(name).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const content = words.filter((w) => !GENERIC_LEADS.has(w));
  return content.length === 0 || content.every((w) => GENERIC_ORG_WORDS.has(w));
}

/** Words too common to identify an organisation on their own ("National", "Islamic"). */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  'national', 'international', 'islamic', 'world', 'arab', 'african', 'african', 'european', 'global', 'regional', 'state', 'states',
  'technical', 'research', 'science', 'sciences', 'scientific', 'education', 'educational', 'cultural', 'culture', 'development',
  'higher', 'new', 'royal', 'federal', 'public', 'united', 'nations', 'republic', 'kingdom', 'south', 'north', 'east', 'west',
  'central', 'american', 'british', 'saudi', 'indian', 'german', 'french', 'health', 'technology', 'technologies', 'systems',
  'energy', 'data', 'digital', 'library', 'agriculture', 'food', 'water', 'environment', 'economy', 'affairs', 'polytechnic',
  'king', 'queen', 'prince', 'sultan', 'sheikh', 'general', 'executive',
  'institute', 'university', 'ministry', 'association', 'foundation', 'society', 'commission', 'council', 'agency', 'fund', 'bank',
  'network', 'alliance', 'academy', 'company', 'union', 'centre', 'center', 'school', 'college', 'assurance', 'quality',
]);

/** Words that say what kind of thing an agreement/programme/event is, not which one. */
export const GENERIC_THING_WORDS: ReadonlySet<string> = new Set([
  'memorandum', 'understanding', 'mou', 'agreement', 'agreements', 'cooperation', 'co', 'operation', 'collaboration', 'partnership',
  'protocol', 'program', 'programs', 'executive', 'joint', 'framework', 'letter', 'intent', 'accord', 'contract', 'treaty',
  'declaration', 'scholarship', 'scholarships', 'fellowship', 'fellowships', 'research', 'exchange', 'project', 'initiative',
  'center', 'meeting', 'session', 'working', 'virtual', 'visit', 'talks', 'conference', 'forum', 'workshop', 'seminar', 'summit',
  'ceremony', 'signing', 'event', 'webinar', 'roundtable', 'symposium', 'international', 'annual', 'first', 'second', 'new',
  'phd', 'ph', 'd', 'doctoral', 'between', 'and', 'the', 'of', 'a', 'an', 'on', 'for', 'in', 'to', 'with', 'two', 'parties',
  'both', 'sides', 'training', 'mobility', 'student', 'students', 'staff', 'academic', 'scientific', 'cultural', 'educational',
  'strategic', 'bilateral', 'tripartite', 'trilateral', 'group', 'partner', 'consortium', 'plan', 'action', 'draft', 'mutual',
  'dialogue', 'session', 'large', 'upcoming', 'proposed', 'grant', 'funding', 'financing', 'network',
]);

// ---------------------------------------------------------------- loose name lookup

/** Honorifics compared without case or final dot: "dr", "prof", "h e". */
const HONORIFIC_KEYS: ReadonlySet<string> = new Set([...HONORIFICS].map((h) => normalizeKey(h)));
const HONORIFIC_PHRASE_KEYS: readonly string[] = HONORIFIC_PHRASES.map((p) => normalizeKey(p.join(' ')));
const POST_NOMINAL_KEYS: ReadonlySet<string> = new Set([...POST_NOMINALS].map((p) => normalizeKey(p)));

/**
 * A name as a reader may type it, without the styles around it:
 * "H.E. Dr. Salim M. Al Malik" -> "Salim M. Al Malik", "Pieter van der Merwe, PhD" -> "Pieter van der Merwe".
 * A name that is nothing but honorifics is returned unchanged.
 */
export function stripHonorifics(name: string): string {
  let words = name.trim().split(/\s+/).filter(Boolean);
  const key = (w: string) => normalizeKey(w);
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    const phrase = HONORIFIC_PHRASE_KEYS.find((p) => {
      const n = p.split(' ').length;
      return words.length > n && normalizeKey(words.slice(0, n).join(' ')) === p;
    });
    if (phrase !== undefined) {
      words = words.slice(phrase.split(' ').length);
      changed = true;
    } else if (HONORIFIC_KEYS.has(key(words[0]!))) {
      words = words.slice(1);
      changed = true;
    }
  }
  while (words.length > 1 && POST_NOMINAL_KEYS.has(key(words[words.length - 1]!))) words = words.slice(0, -1);
  return words.join(' ').replace(/[\s,]+$/, '');
}

/** Words that link the words of a name ("of", "for", "and"): never what distinguishes it. */
const LINK_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'for', 'and', 'in', 'on', 'at', 'de', 'du', 'des', 'la', 'le', 'da', 'do', 'dos', 'der', 'und', 'fur']);

/**
 * The words of a name that tell it from others of its kind, folded:
 * "Leibniz Association" -> ["leibniz"], "University of Porto" -> ["porto"],
 * "Leibniz Institute for Catalysis" -> ["leibniz", "catalysis"].
 */
export function distinctiveWords(name: string): string[] {
  return normalizeKey(name)
    .split(' ')
    .filter((w) => w.length > 0 && !LINK_WORDS.has(w) && !GENERIC_NAME_WORDS.has(w) && !GENERIC_ORG_WORDS.has(w) && !GENERIC_LEADS.has(w));
}

// ---------------------------------------------------------------- short names

/** Names longer than this are shown by an acronym when they have one. */
export const SHORT_NAME_MAX = 28;

/**
 * The name to show where space is short (Neo4j Browser captions, network
 * labels): the name itself when it is short, else its shortest acronym-like
 * alias ("ICESCO" for the Islamic World Educational, Scientific, and Cultural
 * Organization), else the name. The dashboard's `shortLabel` (dom.js) is the
 * same rule for the page; a unit test keeps the two in step.
 */
export function shortName(name: string, aliases: readonly string[]): string {
  if (name.length <= SHORT_NAME_MAX) return name;
  const acronym = aliases
    .filter((a) => /^[A-Z][A-Za-z0-9&.-]{1,11}$/.test(a) && /[A-Z].*[A-Z]/.test(a) && a !== name)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0];
  return acronym ?? name;
}
