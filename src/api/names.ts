/**
 * Loose lookup of the names that arguments give (`organization(name:)`,
 * `partners(of:)`, `connection(from:, to:)` ...). In order:
 * 1. the name or an alias as written (case- and accent-insensitive);
 * 2. the same without honorifics and post-nominals, and for people their
 *    identity forms ("Dr. Salim M. Al Malik" -> "salim almalik");
 * 3. one distinctive word ("leibniz", "Porto university") when exactly one
 *    entity's name has it as its only one (else exactly one entity's alias,
 *    else exactly one entity has it at all); for people, a word of the name
 *    when exactly one person has it;
 * otherwise NOT_FOUND with up to five `suggestions`, best first.
 */
import { AppError } from '../errors.ts';
import type { EntityRow } from '../graph/queries/common.ts';
import { nameCandidatesQuery } from '../graph/queries/names.ts';
import type { NameCandidatesRow } from '../graph/queries/names.ts';
import { suggestionQuery } from '../graph/queries/search.ts';
import { PERSON_IDENTITY_PARTICLES, aliasKey, distinctiveWords, normalizeKey, stripHonorifics } from '../model/names.ts';
import { personIdentityForms, personTokens } from '../resolve/identity.ts';
import { nameArg } from './args.ts';
import type { ApiReader } from './reader.ts';

export type NamedLabel = 'Organization' | 'Person';

export const MAX_SUGGESTIONS = 5;
/** Candidates read for the one-word step: more than enough to tell one from several. */
const WORD_CANDIDATES = 25;

const WHAT: Record<string, string> = {
  Organization: 'organisation',
  Person: 'person',
  'Organization,Person': 'organisation or person',
};

/** Alias keys to try for a name, best first. */
export function lookupKeys(labels: readonly NamedLabel[], name: string): string[] {
  const stripped = stripHonorifics(name);
  const keys = labels.map((label) => aliasKey(label, name));
  for (const label of labels) {
    keys.push(aliasKey(label, stripped));
    if (label === 'Person') for (const form of personIdentityForms(stripped)) keys.push(`Person|${form}`);
  }
  return [...new Set(keys)];
}

function personWords(name: string): string[] {
  return personTokens(name).filter((t) => !PERSON_IDENTITY_PARTICLES.has(t));
}

/** The one word the one-word step looks for, or null when the name has more (or none). */
export function lookupWord(labels: readonly NamedLabel[], name: string): string | null {
  const stripped = stripHonorifics(name);
  for (const label of labels) {
    const words = label === 'Organization' ? distinctiveWords(stripped) : personWords(stripped);
    if (words.length === 1) return words[0]!;
  }
  return null;
}

/** Every word of the name the reader typed is a word of `candidate` (so "Porto university" never finds a Porto ministry). */
function holdsEveryWord(candidate: string, name: string): boolean {
  const words = new Set(normalizeKey(candidate).split(' '));
  return normalizeKey(stripHonorifics(name))
    .split(' ')
    .every((w) => words.has(w));
}

/** `candidate` (a name or alias) has `word` as its only distinctive word; for people, `word` is one of its words. */
function soleWord(label: string, candidate: string, word: string, name: string): boolean {
  if (label === 'Person') return personWords(candidate).includes(word);
  const distinctive = distinctiveWords(candidate);
  return distinctive.length === 1 && distinctive[0] === word && holdsEveryWord(candidate, name);
}

/** `candidate` has `word` among its words, with every word of the name. */
function anyWord(label: string, candidate: string, word: string, name: string): boolean {
  const words = label === 'Person' ? personWords(candidate) : normalizeKey(candidate).split(' ');
  return words.includes(word) && (label === 'Person' || holdsEveryWord(candidate, name));
}

/**
 * The entity the one-word step settles on. Tiers, first that has any candidate decides:
 * the word is the only distinctive word of the entity's name; of one of its aliases;
 * a word of its name or an alias. Exactly one candidate in that tier is the answer.
 */
export function pickByWord(row: Pick<NameCandidatesRow, 'wordMatches'>, word: string, name: string): { found: EntityRow | null; ambiguous: EntityRow[] } {
  const tiers = [
    row.wordMatches.filter((e) => soleWord(e.label, e.name, word, name)),
    row.wordMatches.filter((e) => e.aliases.some((a) => soleWord(e.label, a, word, name))),
    row.wordMatches.filter((e) => [e.name, ...e.aliases].some((a) => anyWord(e.label, a, word, name))),
  ];
  const decisive = tiers.find((tier) => tier.length > 0) ?? [];
  if (decisive.length === 1) return { found: decisive[0]!, ambiguous: [] };
  return { found: null, ambiguous: decisive };
}

/** Resolves a name argument to one entity of `labels`, or throws NOT_FOUND with suggestions. */
export async function resolveName(reader: Pick<ApiReader, 'rows'>, argument: string, labels: readonly NamedLabel[], value: string): Promise<EntityRow> {
  const name = nameArg(argument, value);
  const word = lookupWord(labels, name);
  const rows = await reader.rows<NameCandidatesRow>(
    nameCandidatesQuery({ keys: lookupKeys(labels, name), labels, word, suggest: suggestionQuery(stripHonorifics(name)), limit: WORD_CANDIDATES }),
    'resolve-name',
  );
  const row = rows[0] ?? { exact: null, wordMatches: [], suggestions: [] };
  if (row.exact !== null) return row.exact;
  const { found, ambiguous } = word === null ? { found: null, ambiguous: [] } : pickByWord(row, word, name);
  if (found !== null) return found;
  const suggestions: string[] = [];
  for (const e of [...ambiguous, ...row.suggestions]) {
    if (suggestions.length >= MAX_SUGGESTIONS) break;
    if (!suggestions.includes(e.name)) suggestions.push(e.name);
  }
  throw new AppError('NOT_FOUND', `No ${WHAT[labels.join(',')] ?? 'entity'} is known by the name "${name}".`, {
    details: { argument },
    extensions: { suggestions },
  });
}
