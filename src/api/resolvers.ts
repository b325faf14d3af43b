/**
 * Resolvers: validate arguments, run one query builder per top-level field,
 * and serve nested fields from what that query prefetched or from the
 * per-request DataLoaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { AppError, invariant } from '../errors.ts';
import { RULES } from '../extract/index.ts';
import { partnershipKindOfEnum } from '../model/types.ts';
import type { EntityType } from '../model/types.ts';
import { agreementsQuery } from '../graph/queries/agreements.ts';
import type { DocumentRow, EntityRow, EvidenceRow, PartnershipRow } from '../graph/queries/common.ts';
import { connectionQuery, MAX_HOPS } from '../graph/queries/connection.ts';
import type { ConnectionRow, PathStepRow } from '../graph/queries/connection.ts';
import { documentsQuery } from '../graph/queries/documents.ts';
import { documentPartnershipsQuery } from '../graph/queries/entities.ts';
import type { StatusChangeRow } from '../graph/queries/entities.ts';
import { daysBefore, monthsBefore, partnershipActivityQuery } from '../graph/queries/activity.ts';
import type { Activity } from '../graph/queries/activity.ts';
import { organizationAsOfQuery } from '../graph/queries/as-of.ts';
import { partnershipQuery, partnersQuery } from '../graph/queries/partners.ts';
import type { PartnersRow } from '../graph/queries/partners.ts';
import { searchQuery } from '../graph/queries/search.ts';
import { STATS_SECTIONS, statsQuery } from '../graph/queries/stats.ts';
import type { StatsSection } from '../graph/queries/stats.ts';
import { documentFieldProblem } from '../ingest/limits.ts';
import { authError } from './auth.ts';
import { changeFields, kindsFilter, organizationIdOf, resolveChanges } from './changes.ts';
import type { ChangesArgs } from './changes.ts';
import { connectionOf, decodeCursor, intArg, nameArg, nameKeyArg, textArg } from './args.ts';
import type { ApiContext } from './context.ts';
import { judgementFields, judgementMutations, judgementQueries } from './judgements.ts';
import { resolveName } from './names.ts';
import type { NamedLabel } from './names.ts';
import type { RoleRow } from './loaders.ts';
import { cachedNetworkView, isEmptyFilter, parseNetworkFilter, perYear, resolveNetwork, toKindEnum, topOrganizationsOf } from './network.ts';
import type { NetworkFilter, NetworkFilterArgs, PartnershipKindEnum } from './network.ts';
import { VIEW_SECTIONS, viewStatsQuery } from '../graph/queries/stats.ts';
import type { ViewSection } from '../graph/queries/stats.ts';
import { ENTITY_TYPES } from '../model/types.ts';
import type { IngestResult } from '../pipeline/index.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';
import { largestFirst, selectedFieldNames, selectedFields } from './selection.ts';

export const MAX_PAGE = 100;
export const MAX_EVIDENCE = 50;
export const MAX_SEARCH = 50;
export const MAX_PATHS = 10;

type Args = Record<string, unknown>;
/** A partnership as resolvers see it: the row plus how many evidence sentences were prefetched. */
type PartnershipValue = PartnershipRow & { prefetched: number };
type IngestValue = IngestResult;

const STATUSES = { ACTIVE: 'active', ENDED: 'ended', DECLINED: 'declined' } as const;

function kindToStored(kind: unknown): string | null {
  if (kind === null || kind === undefined) return null;
  return partnershipKindOfEnum(String(kind));
}

function requireAuth(ctx: ApiContext): void {
  const error = authError(ctx.auth);
  if (error !== null) throw error;
}

function evidenceFirst(args: Args): number {
  return intArg('first', args.first as number | undefined, 5, 0, MAX_EVIDENCE);
}

const RULE_REASONS: ReadonlyMap<string, string> = new Map(RULES.map((r) => [r.id, r.reason]));

/** A stored rule id with its reason from the current catalogue; ids an older extractor stored may be gone from it. */
export function ruleOf(id: string): { id: string; reason: string } {
  return { id, reason: RULE_REASONS.get(id) ?? 'unknown rule' };
}

/** A partnership value for field resolvers: how much evidence came with it, and the day it was read as of (null: today). */
function withPrefetch(row: PartnershipRow, prefetched: number, asOf: string | null = null): PartnershipValue {
  return { ...row, prefetched, asOf: asOf ?? row.asOf ?? null };
}

/** Evidence of an edge: from the prefetched sentences when they suffice, else batched by key. */
async function partnershipEvidence(p: PartnershipValue, args: Args, ctx: ApiContext): Promise<EvidenceRow[]> {
  const first = evidenceFirst(args);
  const offset = intArg('offset', args.offset as number | undefined, 0, 0, 1_000_000);
  if (offset === 0 && p.evidence !== null && (p.evidence.length >= first || p.evidence.length < p.prefetched)) return p.evidence.slice(0, first);
  return ctx.loaders.evidence(first, offset, p.asOf ?? null).load(p.key);
}

/** EntityType enum value → label, from the closed list of labels. */
const LABEL_OF_TYPE: ReadonlyMap<string, EntityType> = new Map(ENTITY_TYPES.map((label) => [label.toUpperCase(), label]));

function edgeEvidence(key: string | null, args: Args, ctx: ApiContext, asOf: string | null = null): Promise<EvidenceRow[]> | EvidenceRow[] {
  if (key === null) return [];
  return ctx.loaders.evidence(evidenceFirst(args), 0, asOf).load(key);
}

function agreementStatus(row: EntityRow): string | null {
  const status = row.status?.toUpperCase();
  return status === 'PROPOSED' || status === 'DRAFTED' || status === 'SIGNED' || status === 'ENDED' ? status : null;
}

/** Country, parent and units of an organisation: today's, or as of the day it was read at. */
function organizationNeighbours(o: EntityRow, field: 'Organization.country' | 'Organization.parent' | 'Organization.units', ctx: ApiContext) {
  return o.asOf ? ctx.loaders.neighboursAsOf(field, o.asOf) : ctx.loaders.neighbours(field);
}

const entityFields = {
  aliases: (e: EntityRow) => e.aliases ?? [],
};

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Query: {
    async organization(_: unknown, args: { name: string; asOf?: string | null }, ctx: ApiContext) {
      const found = await resolveName(ctx.reader, 'name', ['Organization'], args.name);
      if (args.asOf === null || args.asOf === undefined || found === null) return found;
      const rows = await ctx.reader.rows<{ entity: EntityRow }>(organizationAsOfQuery(nameKeyArg('name', 'Organization', found.name), args.asOf), 'organization-as-of');
      const entity = rows[0]?.entity;
      return entity === undefined ? null : { ...entity, asOf: args.asOf };
    },
    person: (_: unknown, args: { name: string }, ctx: ApiContext) => resolveName(ctx.reader, 'name', ['Person'], args.name),

    async partners(_: unknown, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) {
      nameArg('of', args.of as string);
      const since = (args.since as string | null | undefined) ?? null;
      const until = (args.until as string | null | undefined) ?? null;
      if (since !== null && until !== null && since > until) throw new AppError('BAD_USER_INPUT', 'since: must not be after until', { details: { argument: 'since' } });
      const first = intArg('first', args.first as number | undefined, 20, 0, MAX_PAGE);
      const skip = decodeCursor('after', args.after as string | undefined);
      // Evidence asked under edges.node is fetched in the same statement.
      const evidenceLimit = Math.min(MAX_EVIDENCE, largestFirst(info, selectedFields(info, ['edges', 'node', 'evidence']), 'Partnership', 'evidence'));
      const organization = await resolveName(ctx.reader, 'of', ['Organization'], args.of as string);
      const rows = await ctx.reader.rows<PartnersRow>(
        partnersQuery({
          id: organization.id,
          kind: kindToStored(args.kind),
          since,
          until,
          area: textArg('area', args.area as string | undefined),
          statuses: args.includeInactive === true ? Object.values(STATUSES) : [STATUSES.ACTIVE],
          includeUnits: args.includeUnits === true,
          includeRejected: args.includeRejected === true,
          skip,
          limit: first,
          evidenceLimit,
          asOf: (args.asOf as string | null | undefined) ?? null,
        }),
        'partners',
      );
      const row = rows[0];
      if (row === undefined) throw new AppError('NOT_FOUND', `The organisation "${organization.name}" is no longer in the graph.`, { details: { argument: 'of' } });
      return connectionOf(
        row.items.map((item) => withPrefetch(item, evidenceLimit, (args.asOf as string | null | undefined) ?? null)),
        skip,
        row.totalCount,
      );
    },

    async partnership(_: unknown, args: { a: string; b: string; asOf?: string | null }, ctx: ApiContext, info: GraphQLResolveInfo) {
      const evidenceLimit = Math.min(MAX_EVIDENCE, largestFirst(info, selectedFields(info, ['evidence']), 'Partnership', 'evidence'));
      nameArg('a', args.a);
      nameArg('b', args.b);
      const [a, b] = await Promise.all([resolveName(ctx.reader, 'a', ['Organization'], args.a), resolveName(ctx.reader, 'b', ['Organization'], args.b)]);
      const rows = await ctx.reader.rows<{ partnership: PartnershipRow }>(partnershipQuery({ idA: a.id, idB: b.id, evidenceLimit, asOf: args.asOf ?? null }), 'partnership');
      const row = rows[0];
      return row === undefined ? null : withPrefetch(row.partnership, evidenceLimit, args.asOf ?? null);
    },

    async connection(_: unknown, args: { from: string; to: string; maxHops?: number }, ctx: ApiContext) {
      nameArg('from', args.from);
      nameArg('to', args.to);
      const maxHops = intArg('maxHops', args.maxHops, 4, 1, MAX_HOPS);
      const people: NamedLabel[] = ['Organization', 'Person'];
      const [from, to] = await Promise.all([resolveName(ctx.reader, 'from', people, args.from), resolveName(ctx.reader, 'to', people, args.to)]);
      const end = (e: EntityRow) => ({ label: e.label === 'Person' ? ('Person' as const) : ('Organization' as const), id: e.id });
      const rows = await ctx.reader.rows<ConnectionRow>(connectionQuery({ from: end(from), to: end(to), maxHops, maxPaths: MAX_PATHS }), 'connection');
      return rows[0]?.paths ?? [];
    },

    async agreements(_: unknown, args: Args, ctx: ApiContext) {
      const first = intArg('first', args.first as number | undefined, 20, 0, MAX_PAGE);
      const skip = decodeCursor('after', args.after as string | undefined);
      const party = args.party === null || args.party === undefined ? null : await resolveName(ctx.reader, 'party', ['Organization'], args.party as string);
      const status = args.status === null || args.status === undefined ? null : String(args.status).toLowerCase();
      const rows = await ctx.reader.rows<{ totalCount: number; items: EntityRow[] }>(agreementsQuery({ partyId: party?.id ?? null, status, skip, limit: first }), 'agreements');
      const row = rows[0] ?? { totalCount: 0, items: [] };
      return connectionOf(row.items, skip, row.totalCount);
    },

    async documents(_: unknown, args: Args, ctx: ApiContext) {
      const first = intArg('first', args.first as number | undefined, 20, 0, MAX_PAGE);
      const skip = decodeCursor('after', args.after as string | undefined);
      const rows = await ctx.reader.rows<{ totalCount: number; items: DocumentRow[] }>(documentsQuery(skip, first), 'documents');
      const row = rows[0] ?? { totalCount: 0, items: [] };
      return connectionOf(row.items, skip, row.totalCount);
    },

    async search(_: unknown, args: { text: string; first?: number }, ctx: ApiContext) {
      const text = nameArg('text', args.text);
      const first = intArg('first', args.first, 10, 1, MAX_SEARCH);
      const rows = await ctx.reader.rows<{ entity: EntityRow; score: number }>(searchQuery(text, first), 'search');
      return rows.map((row) => ({ type: row.entity.label.toUpperCase(), entity: row.entity, score: row.score }));
    },

    async stats(_: unknown, args: { top?: number; filter?: NetworkFilterArgs | null }, ctx: ApiContext, info: GraphQLResolveInfo) {
      const top = intArg('top', args.top, 10, 1, MAX_PAGE);
      const filter = parseNetworkFilter(args.filter);
      const selected = selectedFieldNames(info);
      const sections = STATS_SECTIONS.filter((s) => selected.has(s));
      const withNetwork = operationSelects(info, 'network');
      return keptAnswer(ctx, ['stats', top, filter, sections, withNetwork], () => statsOf(ctx, top, filter, selected, sections, withNetwork));
    },

    network: (_: unknown, args: { limit?: number | null; filter?: NetworkFilterArgs | null; asOf?: string | null }, ctx: ApiContext) =>
      ctx.reader.run(() => {
        // `network(asOf:)` is `filter.asOf` spelled at the top; the key holds the validated filter.
        const filter = args.asOf === null || args.asOf === undefined ? args.filter : { ...args.filter, asOf: args.asOf };
        return keptAnswer(ctx, ['network', args.limit ?? null, parseNetworkFilter(filter)], () => resolveNetwork(ctx.reader, args, ctx.loaders.networkViews));
      }),

    async document(_: unknown, args: { id: string }, ctx: ApiContext) {
      const id = args.id.trim();
      if (id === '' || id.length > 256) throw new AppError('BAD_USER_INPUT', 'id: must be 1-256 characters', { details: { argument: 'id' } });
      return ctx.loaders.document().load(id);
    },

    async entity(_: unknown, args: { type: string; id: string }, ctx: ApiContext) {
      const label = LABEL_OF_TYPE.get(args.type);
      invariant(label !== undefined, `EntityType ${args.type} has a label`);
      const id = args.id.trim();
      if (id === '' || id.length > 256) throw new AppError('BAD_USER_INPUT', 'id: must be 1-256 characters', { details: { argument: 'id' } });
      return ctx.loaders.entity(label).load(id);
    },

    ...judgementQueries,
    changes: (_: unknown, args: ChangesArgs, ctx: ApiContext) => resolveChanges(ctx.reader, args),
  },

  Mutation: {
    async ingestDocument(_: unknown, args: { input: { text: string; title?: string | null; url?: string | null; publishedAt?: string | null; id?: string | null } }, ctx: ApiContext) {
      requireAuth(ctx);
      const { text, title, url, publishedAt, id } = args.input;
      // The pipeline checks the text itself (EMPTY_DOCUMENT, NOT_TEXT, DOCUMENT_TOO_LARGE).
      const problem = documentFieldProblem({ id, title, url, publishedAt });
      if (problem !== null) throw new AppError('BAD_USER_INPUT', `input.${problem.field}: ${problem.message}`, { details: { argument: `input.${problem.field}` } });
      return ctx.pipeline.ingestText(ctx.graph, { text, title: title ?? null, url: url ?? null, publishedAt: publishedAt ?? null, id: id?.trim() || null }, { maxBytes: ctx.config.maxDocumentBytes });
    },
    async deleteDocument(_: unknown, args: { id: string }, ctx: ApiContext) {
      requireAuth(ctx);
      const id = args.id.trim();
      if (id === '') throw new AppError('BAD_USER_INPUT', 'id: must not be empty', { details: { argument: 'id' } });
      const problem = documentFieldProblem({ id });
      if (problem !== null) throw new AppError('BAD_USER_INPUT', `id: ${problem.message}`, { details: { argument: 'id' } });
      return ctx.pipeline.deleteDocument(ctx.graph, id);
    },

    ...judgementMutations,
  },

  ...judgementFields,

  IngestResult: {
    async document(r: IngestValue, _: Args, ctx: ApiContext) {
      const document = await ctx.loaders.document().load(r.documentId);
      invariant(document !== null, `ingested document ${r.documentId} is in the graph`);
      return document;
    },
    outcome: (r: IngestValue) => r.outcome.toUpperCase(),
    organizations: async (r: IngestValue, _: Args, ctx: ApiContext) => (await ctx.loaders.entity('Organization').loadMany([...new Set(Object.values(r.entityIds))])).filter(isEntity),
    people: async (r: IngestValue, _: Args, ctx: ApiContext) => (await ctx.loaders.entity('Person').loadMany([...new Set(Object.values(r.entityIds))])).filter(isEntity),
    async partnerships(r: IngestValue, _: Args, ctx: ApiContext) {
      const rows = await ctx.reader.rows<{ partnership: PartnershipRow }>(documentPartnershipsQuery(r.documentId), 'document-partnerships');
      return rows.map((row) => withPrefetch(row.partnership, 0));
    },
    entityCount: (r: IngestValue) => r.extraction.entities.length,
    relationCount: (r: IngestValue) => r.extraction.relations.length,
  },

  Entity: {
    __resolveType: (e: EntityRow) => e.label,
  },

  Organization: {
    ...entityFields,
    country: async (o: EntityRow, _: Args, ctx: ApiContext) => (await organizationNeighbours(o, 'Organization.country', ctx).load(o.id))[0] ?? null,
    parent: async (o: EntityRow, _: Args, ctx: ApiContext) => (await organizationNeighbours(o, 'Organization.parent', ctx).load(o.id))[0] ?? null,
    units: (o: EntityRow, _: Args, ctx: ApiContext) => organizationNeighbours(o, 'Organization.units', ctx).load(o.id),
    people: (o: EntityRow, _: Args, ctx: ApiContext) => (o.asOf ? ctx.loaders.rolesAsOf(o.asOf) : ctx.loaders.roles('Organization')).load(o.id),
    async partners(o: EntityRow, args: { first?: number }, ctx: ApiContext) {
      const first = intArg('first', args.first, 20, 0, MAX_PAGE);
      const loader = o.asOf ? ctx.loaders.organizationAsOf('partners', o.asOf, first) : ctx.loaders.organizationPartners(first);
      return (await loader.load(o.id)).map((row) => withPrefetch(row, 0, o.asOf ?? null));
    },
    partnerCount: (o: EntityRow, _: Args, ctx: ApiContext) => (o.asOf ? ctx.loaders.organizationAsOf('partnerCount', o.asOf) : ctx.loaders.partnerCount()).load(o.id),
    agreements: (o: EntityRow, _: Args, ctx: ApiContext) =>
      (o.asOf ? ctx.loaders.organizationAsOf('agreements', o.asOf) : ctx.loaders.neighbours('Organization.agreements')).load(o.id),
    programmes: (o: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours('Organization.programmes').load(o.id),
    events: (o: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours('Organization.events').load(o.id),
    areas: (o: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.organizationAreas().load(o.id),
    documents: (o: EntityRow, _: Args, ctx: ApiContext) => (o.asOf ? ctx.loaders.organizationAsOf('documents', o.asOf) : ctx.loaders.documentsMentioning('Organization')).load(o.id),
    judged: (o: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.judgedEntity('Organization').load(o.id),
  },

  Person: {
    ...entityFields,
    roles: (p: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.roles('Person').load(p.id),
    documents: (p: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.documentsMentioning('Person').load(p.id),
    judged: (p: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.judgedEntity('Person').load(p.id),
  },

  Role: {
    evidence: (r: RoleRow, args: Args, ctx: ApiContext) => edgeEvidence(r.key, args, ctx, r.asOf ?? null),
    judged: async (r: RoleRow, _: Args, ctx: ApiContext) => r.key !== null && (await ctx.loaders.judgedFact().load(r.key)).judged,
    confirmed: async (r: RoleRow, _: Args, ctx: ApiContext) => r.key !== null && (await ctx.loaders.judgedFact().load(r.key)).state === 'confirm',
  },

  Country: {
    ...entityFields,
    organizations: (c: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours('Country.organizations').load(c.id),
    namedOrganizations: (c: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours('Country.namedOrganizations').load(c.id),
  },

  Place: {
    ...entityFields,
    country: async (p: EntityRow, _: Args, ctx: ApiContext) => (await ctx.loaders.neighbours('Place.country').load(p.id))[0] ?? null,
  },

  Topic: { ...entityFields },

  Agreement: partiedFields('Agreement'),

  Programme: partiedFields('Programme'),

  Event: {
    ...entityFields,
    participants: (e: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours('Event.participants').load(e.id),
    evidence: (e: EntityRow, args: Args, ctx: ApiContext) => ctx.loaders.entityEvidence('Event', evidenceFirst(args)).load(e.id),
  },

  Partnership: {
    kinds: (p: PartnershipValue) => p.kinds.map(toKindEnum).filter((k): k is PartnershipKindEnum => k !== null),
    status: (p: PartnershipValue) => p.status.toUpperCase(),
    areas: (p: PartnershipValue, _: Args, ctx: ApiContext) => ctx.loaders.partnershipAreas(p.asOf ?? null).load(p.key),
    evidence: partnershipEvidence,
    evidenceCount: (p: PartnershipValue, _: Args, ctx: ApiContext) => ctx.loaders.evidenceCount(p.asOf ?? null).load(p.key),
    judged: async (p: PartnershipValue, _: Args, ctx: ApiContext) => (await ctx.loaders.judgedFact().load(p.key)).judged,
    confirmed: async (p: PartnershipValue, _: Args, ctx: ApiContext) => (await ctx.loaders.judgedFact().load(p.key)).state === 'confirm',
    rejected: async (p: PartnershipValue, _: Args, ctx: ApiContext) => (await ctx.loaders.judgedFact().load(p.key)).state === 'reject',
  },

  Document: {
    text: (d: DocumentRow, _: Args, ctx: ApiContext) => ctx.loaders.documentText().load(d.id),
  },

  StatusChange: {
    status: (c: StatusChangeRow) => agreementStatus({ status: c.status } as EntityRow),
  },

  Change: changeFields,

  Subscription: {
    changed: {
      async subscribe(_: unknown, args: { of?: string | null; kinds?: readonly string[] | null }, ctx: ApiContext) {
        invariant(ctx.changes !== undefined, 'subscriptions are served with a change follower');
        const filter = { kinds: kindsFilter('kinds', args.kinds), organizationId: await organizationIdOf(ctx.reader, 'of', args.of) };
        return ctx.changes.follow(filter);
      },
      resolve: (change: unknown) => change,
    },
  },

  Evidence: {
    rules: (e: EvidenceRow) => (e.rules ?? []).map(ruleOf),
    kinds: (e: EvidenceRow) => (e.kinds ?? []).map(toKindEnum).filter((k): k is PartnershipKindEnum => k !== null),
    date: (e: EvidenceRow) => e.date ?? null,
  },

  PathStep: {
    label: (s: PathStepRow) => (s.relation === 'HOLDS_ROLE' ? s.title : s.relation === 'PARTNERS_WITH' ? (s.kinds ?? []).join(', ') : null),
    evidence: (s: PathStepRow, args: Args, ctx: ApiContext) => edgeEvidence(s.key, args, ctx),
  },

  Stats: {
    newPartnerships: (_: unknown, args: { days?: number; top?: number }, ctx: ApiContext) =>
      partnershipActivity(ctx, 'new', daysBefore(new Date(), intArg('days', args.days, 30, 1, 3650)), intArg('top', args.top, 10, 1, MAX_PAGE)),
    dormantPartnerships: (_: unknown, args: { months?: number; top?: number }, ctx: ApiContext) =>
      partnershipActivity(ctx, 'dormant', monthsBefore(new Date(), intArg('months', args.months, 12, 1, 240)), intArg('top', args.top, 10, 1, MAX_PAGE)),
  },

  StatusCount: {
    status: (s: { status: string }) => s.status.toUpperCase(),
  },
};

/** Agreements and programmes: a status, parties, areas and evidence. */
function partiedFields(label: 'Agreement' | 'Programme') {
  return {
    ...entityFields,
    status: agreementStatus,
    // An agreement read under `organization(asOf:)` answers as of that day too: parties, evidence and statuses stated by then.
    parties: (a: EntityRow, _: Args, ctx: ApiContext) =>
      (label === 'Agreement' && a.asOf ? ctx.loaders.neighboursAsOf('Agreement.parties', a.asOf) : ctx.loaders.neighbours(`${label}.parties`)).load(a.id),
    areas: (a: EntityRow, _: Args, ctx: ApiContext) => ctx.loaders.neighbours(`${label}.areas`).load(a.id),
    evidence: (a: EntityRow, args: Args, ctx: ApiContext) => ctx.loaders.entityEvidence(label, evidenceFirst(args), a.asOf ?? null).load(a.id),
    // Statuses outside the enum (none are written today) are left out rather than failing the list.
    statusHistory: async (a: EntityRow, _: Args, ctx: ApiContext) =>
      (await ctx.loaders.statusHistory(label, a.asOf ?? null).load(a.id)).filter((c) => agreementStatus({ status: c.status } as EntityRow) !== null),
  };
}

/** The figures of `stats` (computed when no kept answer serves; see `keptAnswer`). */
async function statsOf(ctx: ApiContext, top: number, filter: NetworkFilter, selected: ReadonlySet<string>, sections: readonly StatsSection[], withNetwork: boolean) {
  if (isEmptyFilter(filter) && !withNetwork) {
    const rows = await ctx.reader.rows<Partial<Record<StatsSection, unknown[]>>>(statsQuery(sections, top), 'stats');
    const row = rows[0] ?? {};
    return Object.fromEntries(STATS_SECTIONS.map((s) => [s, row[s] ?? []]));
  }
  if (isEmptyFilter(filter)) {
    // The dashboard's view: `network` reads every partnership anyway; the ranking and the years come from that
    // one reading (as under a filter) instead of two more passes over the graph.
    const view = await cachedNetworkView(ctx.loaders.networkViews, ctx.reader, filter);
    const rest = sections.filter((s) => s !== 'topOrganizations' && s !== 'partnershipsPerYear');
    const [rows, topOrganizations] = await Promise.all([
      rest.length === 0 ? [] : ctx.reader.rows<Partial<Record<StatsSection, unknown[]>>>(statsQuery(rest, top), 'stats'),
      selected.has('topOrganizations') ? topOrganizationsOf(ctx.reader, view, top) : [],
    ]);
    const row: Partial<Record<StatsSection, unknown[]>> = { ...rows[0], topOrganizations, partnershipsPerYear: perYear(view.edges) };
    return Object.fromEntries(STATS_SECTIONS.map((s) => [s, row[s] ?? []]));
  }
  // Filtered: partnership figures from the filtered view; whole-graph sections as usual.
  const view = await cachedNetworkView(ctx.loaders.networkViews, ctx.reader, filter);
  const viewSections = VIEW_SECTIONS.filter((s) => selected.has(s));
  const wholeSections = sections.filter((s) => s === 'labels' || s === 'organizationsPerCountry');
  const [whole, viewRows, topOrganizations] = await Promise.all([
    wholeSections.length === 0 ? [] : ctx.reader.rows<Partial<Record<StatsSection, unknown[]>>>(statsQuery(wholeSections, top), 'stats'),
    viewSections.length === 0
      ? []
      : ctx.reader.rows<Partial<Record<ViewSection, unknown[]>>>(viewStatsQuery(viewSections, top, { keys: view.edges.map((e) => e.key), ids: view.ranked }), 'stats-view'),
    selected.has('topOrganizations') ? topOrganizationsOf(ctx.reader, view, top) : [],
  ]);
  const row: Partial<Record<StatsSection, unknown[]>> = { ...whole[0], ...viewRows[0], topOrganizations, partnershipsPerYear: perYear(view.edges) };
  return Object.fromEntries(STATS_SECTIONS.map((s) => [s, row[s] ?? []]));
}

/**
 * The answer kept for `key` under the graph's current version, or `compute()`
 * (then kept): the cache of the server (src/api/view-cache.ts), for answers
 * that depend on the graph and the arguments only.
 */
async function keptAnswer<T>(ctx: ApiContext, key: unknown, compute: () => Promise<T>): Promise<T> {
  if (ctx.viewCache === undefined) return compute();
  return ctx.viewCache.through(await ctx.loaders.graphVersion(), JSON.stringify(key), compute);
}

/** Whether the operation also asks for the top-level field `name` (e.g. `network` beside `stats`). */
function operationSelects(info: GraphQLResolveInfo, name: string): boolean {
  return info.operation.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === name);
}

async function partnershipActivity(ctx: ApiContext, activity: Activity, day: string, top: number) {
  const [row] = await ctx.reader.rows<{ count: number; organizations: Array<{ organization: EntityRow; count: number }> }>(partnershipActivityQuery(activity, day, top), `stats-${activity}`);
  return { day, count: row?.count ?? 0, organizations: row?.organizations ?? [] };
}

function isEntity(value: EntityRow | null | Error): value is EntityRow {
  if (value instanceof Error) throw value;
  return value !== null;
}
