/**
 * The graph as of a day: what the documents published up to that day say.
 * Nothing is stored twice: each answer is read off the statements of those
 * documents (every statement knows its document, every document its
 * publication date), aggregated as ingestion aggregates all of them.
 * Documents without a publication date are never counted.
 */
import type { CypherQuery } from '../executor.ts';
import { asOfEdge, documentMap, entityMap, KIND_ORDER, partnershipMap, resolveByAlias } from './common.ts';

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
 * Agreements each organisation is a party to as of `asOf`, with the status
 * the latest of those documents gives (an agreement proposed then and signed
 * later is proposed), sorted by name.
 */
export function agreementsAsOfQuery(ids: readonly string[], asOf: string): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[r:PARTY_TO]->(x:Agreement)
  CALL (r) {
    MATCH (s:Statement {factKey: r.key})-[:STATED_IN]->(d:Document)
    WHERE d.publishedAt <= $asOf
    WITH s, d, coalesce(s.date, d.publishedAt) AS day ORDER BY day ASC, d.id ASC, s.id ASC
    RETURN count(s) AS statements, collect(s.status) AS statuses
  }
  WITH x, statements, statuses WHERE statements > 0
  WITH x, last(statuses) AS status ORDER BY x.name ASC
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
