/**
 * `changes(since:, kinds:, of:, first:, after:)`: the change feed with keyset
 * cursors (a change's sequence number), and the `Change` type's fields.
 */
import { AppError } from '../errors.ts';
import { changeRowOf, changesQuery } from '../graph/changes.ts';
import type { ChangeRow } from '../graph/changes.ts';
import type { EntityRow, EvidenceRow } from '../graph/queries/common.ts';
import { entityByAliasQuery } from '../graph/queries/entities.ts';
import { CHANGE_KINDS } from '../model/changes.ts';
import { intArg, nameKeyArg } from './args.ts';
import type { RowReader } from './network.ts';
import { toKindEnum } from './network.ts';
import type { PartnershipKindEnum } from './network.ts';

export const MAX_CHANGES_PAGE = 100;

function bad(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${argument}: ${message}`, { details: { argument } });
}

/** A change's cursor: its sequence number, opaque. */
export function changeCursor(seq: number): string {
  return Buffer.from(`c:${seq}`, 'utf8').toString('base64url');
}

/** The sequence number a cursor stands for (0 without one). */
export function decodeChangeCursor(argument: string, cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^c:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) throw bad(argument, 'is not a cursor returned by changes');
  return Number(match[1]);
}

export interface ChangesArgs {
  since?: string | null;
  kinds?: readonly string[] | null;
  of?: string | null;
  first?: number | null;
  after?: string | null;
  newestFirst?: boolean | null;
}

/** The id of the organisation `of` names, or null without `of`; NOT_FOUND when no organisation has that name. */
export async function organizationIdOf(reader: RowReader, argument: string, of: string | null | undefined): Promise<string | null> {
  if (of === null || of === undefined) return null;
  const rows = await reader.rows<{ entity: EntityRow }>(entityByAliasQuery('Organization', nameKeyArg(argument, 'Organization', of)), 'changes-of');
  const entity = rows[0]?.entity;
  if (entity === undefined) throw new AppError('NOT_FOUND', `${argument}: no organisation is known by the name "${of}".`, { details: { argument } });
  return entity.id;
}

/** Change kinds to match, or null for all (validated by GraphQL; checked again for other callers). */
export function kindsFilter(argument: string, kinds: readonly string[] | null | undefined): string[] | null {
  if (kinds === null || kinds === undefined || kinds.length === 0) return null;
  for (const k of kinds) if (!(CHANGE_KINDS as readonly string[]).includes(k)) throw bad(argument, `unknown change kind ${k}`);
  return [...new Set(kinds)].sort();
}

/** Reads changes after sequence number `after` (at most `limit`), oldest first; or, `newestFirst`, before it, newest first. */
export async function readChanges(
  reader: RowReader,
  input: { after: number; since: string | null; kinds: string[] | null; organizationId: string | null; limit: number; newestFirst?: boolean },
): Promise<ChangeRow[]> {
  const rows = await reader.rows<{ seq: number; at: string; kind: string; json: string }>(changesQuery(input), 'changes');
  return rows.map(changeRowOf);
}

/** `Query.changes`. */
export async function resolveChanges(reader: RowReader, args: ChangesArgs) {
  const first = intArg('first', args.first ?? undefined, 20, 0, MAX_CHANGES_PAGE);
  const after = decodeChangeCursor('after', args.after);
  const since = args.since === null || args.since === undefined ? null : new Date(args.since).toISOString();
  const kinds = kindsFilter('kinds', args.kinds);
  const organizationId = await organizationIdOf(reader, 'of', args.of);
  const rows = first === 0 ? [] : await readChanges(reader, { after, since, kinds, organizationId, limit: first + 1, newestFirst: args.newestFirst === true });
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({ cursor: changeCursor(node.seq), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length === 0 ? (args.after ?? null) : changeCursor(page[page.length - 1]!.seq) },
  };
}

function entity(e: { id: string; name: string; label: string } | null) {
  return e === null ? null : { id: e.id, name: e.name, type: e.label.toUpperCase() };
}

/** Field resolvers of `Change`. */
export const changeFields = {
  cursor: (c: ChangeRow) => changeCursor(c.seq),
  subject: (c: ChangeRow) => entity(c.subject),
  object: (c: ChangeRow) => entity(c.object),
  parties: (c: ChangeRow) => c.parties.map(entity),
  kinds: (c: ChangeRow) => c.kinds.map(toKindEnum).filter((k): k is PartnershipKindEnum => k !== null),
  from: (c: ChangeRow) => c.from?.toUpperCase() ?? null,
  to: (c: ChangeRow) => c.to?.toUpperCase() ?? null,
  document: (c: ChangeRow) => (c.document === null ? null : { ...c.document, ingestedAt: null }),
  evidence: (c: ChangeRow): EvidenceRow | null =>
    c.evidence === null || c.document === null ? null : { ...c.evidence, kinds: [], document: { ...c.document, ingestedAt: null } },
};
