/**
 * The graph as of a day: what the documents published up to that day say.
 * Nothing is stored twice: each answer is read off the statements of those
 * documents (every statement knows its document, every document its
 * publication date), aggregated as ingestion aggregates all of them.
 * Documents without a publication date are never counted.
 */
import type { EntityType } from '../../model/types.ts';
import type { CypherQuery } from '../executor.ts';
import { asOfEdge, documentMap, entityMap, KIND_ORDER, notRejected, orgMap, partnershipMap, resolveByAlias, statedByAsOf } from './common.ts';
import { neighboursBy } from './entities.ts';

/** The organisation an alias key names, when a document published up to `asOf` mentions it; no row otherwise. */
export function organizationAsOfQuery(key: string, asOf: string): CypherQuery {
  return {
    cypher: `${resolveByAlias('n', 'Organization', '$key')}
WHERE EXISTS { MATCH (d:Document)-[:MENTIONS]->(n) WHERE d.publishedAt <= $asOf }
RETURN ${entityMap('n')} AS entity`,
    params: { key, asOf },
  };
}

/** The first `first` partnerships of each organisation as of `asOf`, most recent first, without evidence. */
export function organizationPartnersAsOfQuery(ids: readonly string[], first: number, asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[edge:PARTNERS_WITH]-(p:Organization)
  ${asOfEdge('edge', 'r', '  ')}
  WITH r, p WHERE r IS NOT NULL
  WITH r, p ORDER BY coalesce(r.lastSeen, '') DESC, p.name ASC, r.key ASC
  LIMIT toInteger($first)
  RETURN collect(${partnershipMap('o', 'o', 'r', 'p', 'null')}) AS items
}
RETURN id, items`,
    params: { ids: [...ids], first, asOf, kindOrder: KIND_ORDER },
  };
}

/** Distinct partners (any status) per organisation as of `asOf`. */
export function partnerCountAsOfQuery(ids: readonly string[], asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COUNT {
  MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
  WHERE p <> o AND EXISTS { MATCH (:Statement {factKey: r.key})-[:STATED_IN]->(d:Document) WHERE d.publishedAt <= $asOf }
  RETURN DISTINCT p
} AS count`,
    params: { ids: [...ids], asOf },
  };
}

/**
 * Agreements each organisation is a party to as of `asOf` (a document by then
 * states its part), with the status the latest of those documents gives the
 * agreement, as ingestion gives it from all of them (src/resolve/profile.ts:
 * the status of the mention in the document published last, then by id): an
 * agreement proposed then and signed later is proposed. Sorted by name.
 */
export function agreementsAsOfQuery(ids: readonly string[], asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[r:PARTY_TO]->(x:Agreement)
  WHERE ${statedByAsOf('r.key')}
  CALL (x) {
    MATCH (d:Document)-[m:MENTIONS]->(x)
    WHERE d.publishedAt <= $asOf AND m.status IS NOT NULL
    WITH m, d ORDER BY d.publishedAt DESC, d.id DESC
    RETURN head(collect(m.status)) AS status
  }
  WITH x, status ORDER BY x.name ASC
  RETURN collect(x {.id, .name, aliases: coalesce(x.aliases, []), .date, label: 'Agreement', status: status, asOf: $asOf}) AS items
}
RETURN id, items`,
    params: { ids: [...ids], asOf },
  };
}

/** Documents published up to `asOf` that mention each organisation, newest first. */
export function mentioningDocumentsAsOfQuery(ids: readonly string[], asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (d:Document)-[:MENTIONS]->(n:Organization {id: id})
WHERE d.publishedAt <= $asOf
WITH id, d ORDER BY d.publishedAt DESC, d.id ASC
RETURN id, collect(${documentMap('d')}) AS items`,
    params: { ids: [...ids], asOf },
  };
}

/**
 * Neighbour lists of `organization(asOf:)` and of its agreements, through
 * edges that a document published up to `$asOf` states: the country it is
 * based in (and the place's country), its parent and units (PART_OF), an
 * agreement's parties.
 */
export const NEIGHBOURS_AS_OF = {
  'Organization.country': {
    label: 'Organization',
    pattern: `(n)-[based:BASED_IN]->(:Country|Place)-[located:LOCATED_IN*0..1]->(x:Country)
WHERE ${statedByAsOf('based.key')} AND all(link IN located WHERE ${statedByAsOf('link.key')})`,
  },
  'Organization.parent': { label: 'Organization', pattern: `(n)-[po:PART_OF]->(x:Organization) WHERE ${notRejected('po.key')} AND ${statedByAsOf('po.key')}` },
  'Organization.units': { label: 'Organization', pattern: `(x:Organization)-[po:PART_OF]->(n) WHERE ${notRejected('po.key')} AND ${statedByAsOf('po.key')}` },
  'Agreement.parties': { label: 'Agreement', pattern: `(x:Organization)-[party:PARTY_TO]->(n) WHERE ${statedByAsOf('party.key')}` },
} as const satisfies Record<string, { label: EntityType; pattern: string }>;

export type NeighbourAsOfField = keyof typeof NEIGHBOURS_AS_OF;

/** The entities under `field` for each id as of `asOf`, sorted by name. */
export function neighboursAsOfQuery(field: NeighbourAsOfField, ids: readonly string[], asOf: string): CypherQuery {
  const { label, pattern } = NEIGHBOURS_AS_OF[field];
  return neighboursBy(label, pattern, ids, { asOf });
}

/**
 * The people in roles at each organisation as the documents published up to
 * `asOf` state them, first and last seen read off those documents' statements
 * (the sentence's date, else the document's), most recently seen first.
 */
export function rolesAsOfQuery(ids: readonly string[], asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (person:Person)-[r:HOLDS_ROLE]->(organization:Organization {id: id})
WHERE ${notRejected('r.key')}
CALL (r) {
  MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
  WHERE d.publishedAt <= $asOf
  WITH coalesce(s.date, d.publishedAt) AS day
  RETURN count(day) AS statements, min(day) AS firstSeen, max(day) AS lastSeen
}
WITH id, r, person, organization, firstSeen, lastSeen WHERE statements > 0
ORDER BY coalesce(lastSeen, '') DESC, person.name ASC, organization.name ASC
RETURN id, collect({key: r.key, title: r.title, firstSeen: firstSeen, lastSeen: lastSeen, person: ${entityMap('person')}, organization: ${orgMap('organization')}, asOf: $asOf}) AS items`,
    params: { ids: [...ids], asOf },
  };
}
