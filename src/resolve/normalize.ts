/**
 * Name normalisation shared by cross-document identity (ingestion) and name
 * lookup (API): case-, accent- and punctuation-insensitive keys.
 */
import type { EntityType } from '../extract/types.ts';

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
