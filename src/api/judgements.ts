/**
 * Curation over GraphQL: mutations that record judgements (merge, distinct,
 * rename, reject, confirm) and revert them, behind the bearer token, and the
 * audit log `judgements(entity:)` with keyset cursors. The effects of reject,
 * confirm and rename are read at query time (src/graph/judgements.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import {
  JUDGED_RELATIONS,
  contradictedJudgementQuery,
  createJudgementQuery,
  judgementsQuery,
  mentionsOfEntitiesQuery,
  nameSidesQuery,
  relationKeysQuery,
  revertJudgementQuery,
} from '../graph/judgements.ts';
import type { JudgedRelation, JudgementKind, JudgementRow, NewJudgement } from '../graph/judgements.ts';
import type { EntityRow } from '../graph/queries/common.ts';
import { aliasKey } from '../model/names.ts';
import type { EntityType } from '../model/types.ts';
import { distinctAnchors, distinctSides } from '../resolve/identity.ts';
import type { MentionOfEntity } from '../resolve/identity.ts';
import { authError } from './auth.ts';
import { intArg, nameArg } from './args.ts';
import type { ApiContext } from './context.ts';
import { resolveName } from './names.ts';
import type { NamedLabel } from './names.ts';

export const MAX_JUDGEMENT_PAGE = 100;
const MAX_REASON = 1_000;
const MAX_AUTHOR = 200;


/** Which end of a relationship is of which type. */
const RELATION_ENDS: Record<JudgedRelation, [NamedLabel, NamedLabel]> = {
  PARTNERS_WITH: ['Organization', 'Organization'],
  HOLDS_ROLE: ['Person', 'Organization'],
  PART_OF: ['Organization', 'Organization'],
};

function bad(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${argument}: ${message}`, { details: { argument } });
}

function requireAuth(ctx: ApiContext): void {
  const error = authError(ctx.auth);
  if (error !== null) throw error;
}

function textField(argument: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw bad(argument, 'must not be empty');
  if (text.length > max) throw bad(argument, `must be at most ${max} characters`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw bad(argument, 'must not contain control characters');
  return text;
}

function namedLabel(argument: string, type: unknown): NamedLabel {
  if (type === undefined || type === null || type === 'ORGANIZATION') return 'Organization';
  if (type === 'PERSON') return 'Person';
  throw bad(argument, 'judgements name organisations or people: ORGANIZATION or PERSON');
}

function relationOf(value: unknown): JudgedRelation {
  const relation = JUDGED_RELATIONS.find((r) => r === value);
  if (relation === undefined) throw bad('input.relation', `must be one of ${JUDGED_RELATIONS.join(', ')}`);
  return relation;
}

const end = (e: EntityRow) => ({ label: e.label, id: e.id });

/** Common fields of every judgement: a fresh id, the author, now, the reason. */
function base(kind: JudgementKind, args: { author?: unknown; reason?: unknown }): Pick<NewJudgement, 'id' | 'kind' | 'author' | 'at' | 'reason'> {
  return {
    id: `judgement-${randomUUID()}`,
    kind,
    author: textField('author', args.author, MAX_AUTHOR),
    at: new Date().toISOString(),
    reason: textField('reason', args.reason, MAX_REASON),
  };
}

async function store(ctx: ApiContext, judgement: NewJudgement): Promise<JudgementRow> {
  const rows = await ctx.reader.run((graph) => graph.writeRows<{ judgement: JudgementRow }>(createJudgementQuery(judgement), { purpose: `api:judge-${judgement.kind}` }));
  const row = rows[0];
  if (row === undefined) throw new AppError('INTERNAL_SERVER_ERROR', 'the judgement was not stored');
  return row.judgement;
}

/** Reject or confirm: the relationship between two named entities (all its titles unless one is given). */
async function judgeRelation(kind: 'reject' | 'confirm', args: { input: Record<string, unknown>; author?: unknown; reason?: unknown }, ctx: ApiContext): Promise<JudgementRow> {
  requireAuth(ctx);
  const relation = relationOf(args.input.relation);
  const fields = base(kind, args);
  nameArg('input.from', String(args.input.from ?? ''));
  nameArg('input.to', String(args.input.to ?? ''));
  const title = args.input.title === null || args.input.title === undefined ? null : textField('input.title', args.input.title, 300);
  const [fromLabel, toLabel] = RELATION_ENDS[relation];
  const [from, to] = await Promise.all([
    resolveName(ctx.reader, 'input.from', [fromLabel], String(args.input.from)),
    resolveName(ctx.reader, 'input.to', [toLabel], String(args.input.to)),
  ]);
  const rows = await ctx.reader.rows<{ keys: string[] }>(relationKeysQuery({ relation, from: end(from), to: end(to), title }), 'judged-relation');
  const factKeys = rows[0]?.keys ?? [];
  if (factKeys.length === 0) {
    throw new AppError('NOT_FOUND', `No ${relation} relationship links "${from.name}" and "${to.name}"${title === null ? '' : ` with the title "${title}"`}.`, {
      details: { argument: 'input' },
    });
  }
  return store(ctx, { ...fields, entities: [end(from), end(to)], names: [String(args.input.from).trim(), String(args.input.to).trim()], relation, title, factKeys });
}

/** Throws when a judgement in force says the opposite (it must be reverted first). */
async function refuseContradiction(ctx: ApiContext, argument: string, input: Parameters<typeof contradictedJudgementQuery>[0], what: string): Promise<void> {
  const rows = await ctx.reader.rows<{ id: string }>(contradictedJudgementQuery(input), 'judgement-contradiction');
  const id = rows[0]?.id;
  if (id !== undefined) throw new AppError('BAD_USER_INPUT', `${argument}: judgement ${id} ${what}; revert it first.`, { details: { argument }, extensions: { judgement: id } });
}

function encodeJudgementCursor(row: JudgementRow): string {
  return Buffer.from(`j:${row.at}|${row.id}`, 'utf8').toString('base64url');
}

function decodeJudgementCursor(cursor: unknown): { at: string; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  const match = /^j:([^|]{1,40})\|(judgement-[0-9a-f-]{36})$/.exec(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  if (match === null) throw bad('after', 'is not a cursor returned by this API');
  return { at: match[1]!, id: match[2]! };
}

export const judgementQueries = {
  async judgements(_: unknown, args: { entity?: string | null; type?: string | null; first?: number; after?: string | null }, ctx: ApiContext) {
    const first = intArg('first', args.first, 20, 0, MAX_JUDGEMENT_PAGE);
    const after = decodeJudgementCursor(args.after);
    const entity = args.entity === null || args.entity === undefined ? null : await resolveName(ctx.reader, 'entity', args.type === null || args.type === undefined ? ['Organization', 'Person'] : [namedLabel('type', args.type)], args.entity);
    const rows = await ctx.reader.rows<{ judgement: JudgementRow }>(judgementsQuery({ entityId: entity?.id ?? null, after, limit: first + 1 }), 'judgements');
    const page = rows.slice(0, first).map((r) => r.judgement);
    const last = page[page.length - 1];
    return {
      edges: page.map((node) => ({ cursor: encodeJudgementCursor(node), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last === undefined ? null : encodeJudgementCursor(last) },
    };
  },
};

export const judgementMutations = {
  async mergeEntities(_: unknown, args: { names: string[]; type?: string | null; author?: unknown; reason?: unknown }, ctx: ApiContext) {
    requireAuth(ctx);
    const label = namedLabel('type', args.type);
    const fields = base('merge', args);
    if (!Array.isArray(args.names) || args.names.length < 2 || args.names.length > 20) throw bad('names', 'must name 2-20 entities');
    args.names.forEach((n, i) => nameArg(`names[${i}]`, n));
    const entities = await Promise.all(args.names.map((n, i) => resolveName(ctx.reader, `names[${i}]`, [label], n)));
    const ids = [...new Set(entities.map((e) => e.id))];
    if (ids.length < 2) throw bad('names', 'must name at least two different entities');
    await refuseContradiction(ctx, 'names', { merge: { label, ids } }, 'says two of them are distinct');
    const judgement = await store(ctx, { ...fields, entities: ids.map((id) => ({ label, id })), names: args.names.map((n) => n.trim()) });
    // Applied at once: the entities become one node, as every later ingest keeps them.
    await ctx.pipeline.applyJudgedKeys(ctx.graph, judgement.unites);
    return judgement;
  },

  async markDistinct(_: unknown, args: { a: string; b: string; type?: string | null; author?: unknown; reason?: unknown }, ctx: ApiContext) {
    requireAuth(ctx);
    const label = namedLabel('type', args.type);
    const fields = base('distinct', args);
    nameArg('a', args.a);
    nameArg('b', args.b);
    const [a, b] = await Promise.all([resolveName(ctx.reader, 'a', [label], args.a), resolveName(ctx.reader, 'b', [label], args.b)]);
    // Each side is what its mentions hold: each entity's, or, for a split (both names on one node), the mentions giving each name.
    const mentions = await ctx.reader.rows<MentionOfEntity & { entityName: string }>(mentionsOfEntitiesQuery(label, [...new Set([a.id, b.id])]), 'distinct-mentions');
    // A name a rename gave is in no document: it stands for the name the documents give the entity.
    const written = (typed: string, e: EntityRow) => {
      const stored = mentions.find((m) => m.entityId === e.id)?.entityName;
      return stored !== undefined && aliasKey(label, typed) === aliasKey(label, e.name) ? stored : typed;
    };
    const sides = distinctSides(label, { id: a.id, name: written(args.a.trim(), a) }, { id: b.id, name: written(args.b.trim(), b) }, mentions);
    if (sides.missing !== null) {
      const named = sides.missing === 'a' ? a : b;
      throw bad(sides.missing, `no document gives "${(sides.missing === 'a' ? args.a : args.b).trim()}" as a name of "${named.name}" without the other name: to split it, give two of its names that documents write apart (its names: ${[named.name, ...named.aliases].join(', ')})`);
    }
    const anchors = distinctAnchors(sides.a, sides.b);
    if (anchors.a.length === 0 || anchors.b.length === 0) {
      // Often a merge in force made one mention of both: say so first.
      const strongKeys = (side: string[][]) => distinctAnchors(side, []).a;
      await refuseContradiction(ctx, 'b', { distinct: { a: strongKeys(sides.a), b: strongKeys(sides.b) } }, 'merges them');
      throw bad(anchors.a.length === 0 ? 'a' : 'b', 'every name that gives this side is also given by the other: nothing tells the two apart');
    }
    await refuseContradiction(ctx, 'b', { distinct: anchors }, 'merges them');
    const judgement = await store(ctx, { ...fields, entities: a.id === b.id ? [end(a)] : [end(a), end(b)], names: [args.a.trim(), args.b.trim()], separates: anchors });
    // Applied at once: a split node is placed again as two, and every later ingest keeps them apart.
    await ctx.pipeline.applyJudgedKeys(ctx.graph, [...anchors.a, ...anchors.b]);
    if (a.id !== b.id) return judgement;
    const rows = await ctx.reader.run((graph) => graph.writeRows<{ judgement: JudgementRow }>(nameSidesQuery(judgement.id, label), { purpose: 'api:judge-distinct' }));
    return rows[0]?.judgement ?? judgement;
  },

  async renameEntity(_: unknown, args: { name: string; to: string; type?: string | null; author?: unknown; reason?: unknown }, ctx: ApiContext) {
    requireAuth(ctx);
    const label = namedLabel('type', args.type);
    const fields = base('rename', args);
    nameArg('name', args.name);
    const to = nameArg('to', args.to);
    const entity = await resolveName(ctx.reader, 'name', [label], args.name);
    return store(ctx, { ...fields, entities: [end(entity)], name: to, renameKey: aliasKey(label, to), names: [args.name.trim()] });
  },

  rejectRelation: (_: unknown, args: { input: Record<string, unknown>; author?: unknown; reason?: unknown }, ctx: ApiContext) => judgeRelation('reject', args, ctx),
  confirmRelation: (_: unknown, args: { input: Record<string, unknown>; author?: unknown; reason?: unknown }, ctx: ApiContext) => judgeRelation('confirm', args, ctx),

  async revertJudgement(_: unknown, args: { id: string; author?: unknown; reason?: unknown }, ctx: ApiContext) {
    requireAuth(ctx);
    const id = textField('id', args.id, 256);
    const by = textField('author', args.author, MAX_AUTHOR);
    const reason = args.reason === null || args.reason === undefined ? null : textField('reason', args.reason, MAX_REASON);
    const rows = await ctx.reader.run((graph) =>
      graph.writeRows<{ judgement: JudgementRow }>(revertJudgementQuery({ id, by, at: new Date().toISOString(), reason }), { purpose: 'api:revert-judgement' }),
    );
    const row = rows[0];
    if (row === undefined) throw new AppError('NOT_FOUND', `No judgement has the id "${id}".`, { details: { argument: 'id' } });
    // A merge or distinct taken back: the entities it held together or apart are placed again without it.
    if (row.judgement.kind === 'merge') await ctx.pipeline.applyJudgedKeys(ctx.graph, row.judgement.unites);
    if (row.judgement.kind === 'distinct') await ctx.pipeline.applyJudgedKeys(ctx.graph, [...row.judgement.separates.a, ...row.judgement.separates.b]);
    return row.judgement;
  },
};

export const judgementFields = {
  Judgement: {
    kind: (j: JudgementRow) => j.kind.toUpperCase(),
    reverted: (j: JudgementRow) => j.revertedAt !== null,
    // Every kind changes the graph or its answers until reverted: rename, reject and confirm when read; merge and distinct in ingestion.
    applied: (j: JudgementRow) => j.revertedAt === null,
    async entities(j: JudgementRow, _: unknown, ctx: ApiContext) {
      const found = await Promise.all(j.entityIds.map((id, i) => ctx.loaders.entity((j.entityLabels[i] ?? 'Organization') as EntityType).load(id)));
      return found.filter((e): e is EntityRow => e !== null);
    },
  },
};
