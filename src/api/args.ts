/**
 * Argument checks shared by resolvers: every bad argument is a
 * BAD_USER_INPUT naming the argument, before any query runs.
 */
import { AppError } from '../errors.ts';
import type { EntityType } from '../model/types.ts';
import { aliasKey, normalizeKey } from '../resolve/normalize.ts';

export const MAX_NAME_LENGTH = 300;

function bad(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${argument}: ${message}`, { details: { argument } });
}

/** A whole number within [min, max]; `null`/absent gives the fallback. */
export function intArg(argument: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw bad(argument, `must be a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

/** A name that can be looked up: non-blank, not too long, with at least one letter or digit. */
export function nameArg(argument: string, value: string): string {
  const name = value.trim();
  if (name === '') throw bad(argument, 'must not be empty');
  if (name.length > MAX_NAME_LENGTH) throw bad(argument, `must be at most ${MAX_NAME_LENGTH} characters`);
  if (normalizeKey(name) === '') throw bad(argument, 'must contain a letter or a digit');
  return name;
}

/** The alias key of a name argument. */
export function nameKeyArg(argument: string, type: EntityType, value: string): string {
  return aliasKey(type, nameArg(argument, value));
}

/** Optional free text (e.g. `area`): trimmed, lower-cased, null when blank. */
export function textArg(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (text.length > MAX_NAME_LENGTH) throw bad(argument, `must be at most ${MAX_NAME_LENGTH} characters`);
  return text === '' ? null : text;
}

/** Opaque cursors are base64url offsets: "after" the item at offset n-1, the page starts at n. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(argument: string, cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null || match[1] === undefined) throw bad(argument, 'is not a cursor returned by this API');
  return Number(match[1]);
}

/** Relay-style page from rows fetched with `skip`. */
export function connectionOf<T>(items: readonly T[], skip: number, totalCount: number) {
  return {
    edges: items.map((node, i) => ({ cursor: encodeCursor(skip + i + 1), node })),
    pageInfo: { hasNextPage: skip + items.length < totalCount, endCursor: items.length === 0 ? null : encodeCursor(skip + items.length) },
    totalCount,
  };
}
