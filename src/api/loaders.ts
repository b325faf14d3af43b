/**
 * Per-request DataLoaders: nested fields ask for one item, the loader
 * answers a whole batch in one query, so round trips do not grow with the
 * number of items returned.
 */
import DataLoader from 'dataloader';
import type { CypherQuery } from '../graph/executor.ts';
import type { EntityType } from '../model/types.ts';
import type { DocumentRow, EntityRow, EvidenceRow, PartnershipRow } from '../graph/queries/common.ts';
import {
  documentsByIdsQuery,
  documentTextsQuery,
  entitiesByIdsQuery,
  entityEvidenceQuery,
  evidenceByKeysQuery,
  evidenceCountQuery,
  mentioningDocumentsQuery,
  neighboursQuery,
  organizationAreasQuery,
  organizationPartnersQuery,
  partnerCountQuery,
  partnershipAreasQuery,
  rolesQuery,
  statusHistoryQuery,
} from '../graph/queries/entities.ts';
import type { NeighbourField, StatusChangeRow } from '../graph/queries/entities.ts';
import { judgedEntitiesQuery, judgedFactsQuery } from '../graph/judgements.ts';
import {
  agreementsAsOfQuery,
  mentioningDocumentsAsOfQuery,
  neighboursAsOfQuery,
  organizationPartnersAsOfQuery,
  partnerCountAsOfQuery,
  rolesAsOfQuery,
} from '../graph/queries/as-of.ts';
import type { NeighbourAsOfField } from '../graph/queries/as-of.ts';
import { readVersionQuery } from '../graph/version.ts';
import type { NetworkView } from './network.ts';
import type { ApiReader } from './reader.ts';

export interface RoleRow {
  key: string | null;
  title: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  person: EntityRow;
  organization: EntityRow;
  /** Set when read under `organization(asOf:)`: its evidence is that of documents published up to that day. */
  asOf?: string | null;
}

export class Loaders {
  private readonly cache = new Map<string, DataLoader<string, unknown>>();
  /** Filtered network views of this request, by filter: `network` and `stats` share one reading. */
  readonly networkViews = new Map<string, Promise<NetworkView>>();
  private version: Promise<string | null> | undefined;

  constructor(private readonly reader: ApiReader) {}

  /** The graph's version (src/graph/version.ts), read once per request; null when the graph has none. */
  graphVersion(): Promise<string | null> {
    this.version ??= this.reader.rows<{ version: string | null }>(readVersionQuery(), 'graph-version').then((rows) => rows[0]?.version ?? null);
    return this.version;
  }

  private loader<V>(name: string, build: (keys: readonly string[]) => CypherQuery, keyColumn: string, valueColumn: string, empty: V): DataLoader<string, V> {
    let loader = this.cache.get(name) as DataLoader<string, V> | undefined;
    if (loader === undefined) {
      loader = new DataLoader<string, V>(async (keys) => {
        const rows = await this.reader.rows<Record<string, unknown>>(build(keys), name.split('#')[0] ?? name);
        const byKey = new Map(rows.map((row) => [row[keyColumn] as string, row[valueColumn] as V]));
        return keys.map((key) => byKey.get(key) ?? empty);
      });
      this.cache.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  neighbours(field: NeighbourField): DataLoader<string, EntityRow[]> {
    return this.loader(field, (ids) => neighboursQuery(field, ids), 'id', 'items', []);
  }

  entity(label: EntityType): DataLoader<string, EntityRow | null> {
    return this.loader(`entity.${label}`, (ids) => entitiesByIdsQuery(label, ids), 'id', 'entity', null);
  }

  document(): DataLoader<string, DocumentRow | null> {
    return this.loader('document', documentsByIdsQuery, 'id', 'document', null);
  }

  documentText(): DataLoader<string, string | null> {
    return this.loader('Document.text', documentTextsQuery, 'id', 'text', null);
  }

  /** Statuses stated, oldest first; with `asOf`, only by documents published up to that day. */
  statusHistory(label: 'Agreement' | 'Programme', asOf: string | null = null): DataLoader<string, StatusChangeRow[]> {
    return this.loader(`statusHistory.${label}#${asOf ?? ''}`, (ids) => statusHistoryQuery(label, ids, asOf), 'id', 'items', []);
  }

  documentsMentioning(label: EntityType): DataLoader<string, DocumentRow[]> {
    return this.loader(`documents.${label}`, (ids) => mentioningDocumentsQuery(label, ids), 'id', 'items', []);
  }

  organizationAreas(): DataLoader<string, EntityRow[]> {
    return this.loader('Organization.areas', organizationAreasQuery, 'id', 'items', []);
  }

  partnerCount(): DataLoader<string, number> {
    return this.loader('Organization.partnerCount', partnerCountQuery, 'id', 'count', 0);
  }

  organizationPartners(first: number): DataLoader<string, PartnershipRow[]> {
    return this.loader(`Organization.partners#${first}`, (ids) => organizationPartnersQuery(ids, first), 'id', 'items', []);
  }

  roles(side: 'Organization' | 'Person'): DataLoader<string, RoleRow[]> {
    return this.loader(`roles.${side}`, (ids) => rolesQuery(side, ids), 'id', 'items', []);
  }

  /** Evidence sentences of edges by key; with `asOf`, only those of documents published up to that day. */
  evidence(limit: number, offset = 0, asOf: string | null = null): DataLoader<string, EvidenceRow[]> {
    return this.loader(`evidence#${limit}#${offset}#${asOf ?? ''}`, (keys) => evidenceByKeysQuery(keys, limit, offset, asOf), 'key', 'evidence', []);
  }

  /** Whether a judgement names the entity. */
  judgedEntity(label: EntityType): DataLoader<string, boolean> {
    return this.loader(`judged.${label}`, (ids) => judgedEntitiesQuery(label, ids), 'id', 'judged', false);
  }

  /** Whether a judgement touched the fact (edge key), and the reject or confirm in force. */
  judgedFact(): DataLoader<string, { judged: boolean; state: string | null }> {
    let loader = this.cache.get('judgedFact') as DataLoader<string, { judged: boolean; state: string | null }> | undefined;
    if (loader === undefined) {
      loader = new DataLoader(async (keys) => {
        const rows = await this.reader.rows<{ key: string; judged: boolean; state: string | null }>(judgedFactsQuery(keys), 'judged-facts');
        const byKey = new Map(rows.map((row) => [row.key, { judged: row.judged, state: row.state }]));
        return keys.map((key) => byKey.get(key) ?? { judged: false, state: null });
      });
      this.cache.set('judgedFact', loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  evidenceCount(asOf: string | null = null): DataLoader<string, number> {
    return this.loader(`evidenceCount#${asOf ?? ''}`, (keys) => evidenceCountQuery(keys, asOf), 'key', 'count', 0);
  }

  entityEvidence(label: 'Agreement' | 'Programme' | 'Event', limit: number, asOf: string | null = null): DataLoader<string, EvidenceRow[]> {
    return this.loader(`evidence.${label}#${limit}#${asOf ?? ''}`, (ids) => entityEvidenceQuery(label, ids, limit, asOf), 'id', 'evidence', []);
  }

  partnershipAreas(asOf: string | null = null): DataLoader<string, EntityRow[]> {
    return this.loader(`Partnership.areas#${asOf ?? ''}`, (keys) => partnershipAreasQuery(keys, asOf), 'key', 'items', []);
  }

  /** Neighbour lists through edges that documents published up to `asOf` state. */
  neighboursAsOf(field: NeighbourAsOfField, asOf: string): DataLoader<string, EntityRow[]> {
    return this.loader(`${field}.asOf#${asOf}`, (ids) => neighboursAsOfQuery(field, ids, asOf), 'id', 'items', []);
  }

  /** `Organization.people` as of a day. */
  rolesAsOf(asOf: string): DataLoader<string, RoleRow[]> {
    return this.loader(`roles.Organization.asOf#${asOf}`, (ids) => rolesAsOfQuery(ids, asOf), 'id', 'items', []);
  }

  /** Nested fields of `organization(asOf:)`: the graph as the documents published up to `asOf` describe it. */
  organizationAsOf(field: 'partners', asOf: string, first: number): DataLoader<string, PartnershipRow[]>;
  organizationAsOf(field: 'partnerCount', asOf: string): DataLoader<string, number>;
  organizationAsOf(field: 'agreements', asOf: string): DataLoader<string, EntityRow[]>;
  organizationAsOf(field: 'documents', asOf: string): DataLoader<string, DocumentRow[]>;
  organizationAsOf(field: 'partners' | 'partnerCount' | 'agreements' | 'documents', asOf: string, first = 0): DataLoader<string, unknown> {
    const name = `Organization.${field}.asOf#${asOf}#${first}`;
    switch (field) {
      case 'partners':
        return this.loader(name, (ids) => organizationPartnersAsOfQuery(ids, first, asOf), 'id', 'items', []);
      case 'partnerCount':
        return this.loader(name, (ids) => partnerCountAsOfQuery(ids, asOf), 'id', 'count', 0);
      case 'agreements':
        return this.loader(name, (ids) => agreementsAsOfQuery(ids, asOf), 'id', 'items', []);
      case 'documents':
        return this.loader(name, (ids) => mentioningDocumentsAsOfQuery(ids, asOf), 'id', 'items', []);
    }
  }
}
