/**
 * Entity lookups and the batched queries behind nested fields: each takes a
 * list of ids or keys (one DataLoader batch) and answers them in one round
 * trip, so nested fields cost a constant number of queries per request.
 */
import type { EntityType } from '../../model/types.ts';
import type { CypherQuery } from '../executor.ts';
import type { EvidenceRow } from './common.ts';
import { documentMap, entityMap, evidenceSentences, evidenceSubquery, notRejected, orgMap, partnershipMap, PUBLISHED_BY_AS_OF, resolveByAlias, statementTopics } from './common.ts';

/** One entity of `label` by alias key (`aliasKey(label, name)`); no row when unknown. */
export function entityByAliasQuery(label: EntityType, key: string): CypherQuery {
  return {
    cypher: `${resolveByAlias('n', label, '$key')}
RETURN ${entityMap('n')} AS entity`,
    params: { key },
  };
}

/** Entities of `label` by id, in no particular order. */
export function entitiesByIdsQuery(label: EntityType, ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN id, ${entityMap('n')} AS entity`,
    params: { ids: [...ids] },
  };
}

/**
 * Neighbour lists behind nested fields: a closed set of patterns from an
 * `n` of a known label to the entities `x` listed under it.
 */
export const NEIGHBOURS = {
  'Organization.country': { label: 'Organization', pattern: '(n)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(x:Country)' },
  'Organization.parent': { label: 'Organization', pattern: `(n)-[po:PART_OF]->(x:Organization) WHERE ${notRejected('po.key')}` },
  'Organization.units': { label: 'Organization', pattern: `(x:Organization)-[po:PART_OF]->(n) WHERE ${notRejected('po.key')}` },
  'Organization.agreements': { label: 'Organization', pattern: '(n)-[:PARTY_TO]->(x:Agreement)' },
  'Organization.programmes': { label: 'Organization', pattern: '(n)-[:PARTY_TO]->(x:Programme)' },
  'Organization.events': { label: 'Organization', pattern: '(n)-[:PARTICIPATED_IN]->(x:Event)' },
  'Country.organizations': { label: 'Country', pattern: '(x:Organization)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(n)' },
  // As in cypher/queries/06: an organisation based nowhere, named after the country ("... of the Republic of Kazakhstan").
  'Country.namedOrganizations': {
    label: 'Country',
    pattern: '(x:Organization) WHERE NOT EXISTS { (x)-[:BASED_IN]->() } AND any(name IN [x.name] + coalesce(x.aliases, []) WHERE name ENDS WITH n.name)',
  },
  'Place.country': { label: 'Place', pattern: '(n)-[:LOCATED_IN]->(x:Country)' },
  'Agreement.parties': { label: 'Agreement', pattern: '(x:Organization)-[:PARTY_TO]->(n)' },
  'Agreement.areas': { label: 'Agreement', pattern: '(n)-[:CONCERNS]->(x:Topic)' },
  'Programme.parties': { label: 'Programme', pattern: '(x:Organization)-[:PARTY_TO]->(n)' },
  'Programme.areas': { label: 'Programme', pattern: '(n)-[:CONCERNS]->(x:Topic)' },
  'Event.participants': { label: 'Event', pattern: '(x)-[:PARTICIPATED_IN]->(n)' },
} as const satisfies Record<string, { label: EntityType; pattern: string }>;

export type NeighbourField = keyof typeof NEIGHBOURS;

/** The entities `x` that `pattern` reaches from each `n:label` of `ids`, sorted by name (extra params for the pattern). */
export function neighboursBy(label: string, pattern: string, ids: readonly string[], params: Record<string, unknown> = {}): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
MATCH ${pattern}
WITH id, x ORDER BY x.name ASC
RETURN id, collect(DISTINCT ${entityMap('x')}) AS items`,
    params: { ...params, ids: [...ids] },
  };
}

/** The entities under `field` for each id, sorted by name. */
export function neighboursQuery(field: NeighbourField, ids: readonly string[]): CypherQuery {
  const { label, pattern } = NEIGHBOURS[field];
  return neighboursBy(label, pattern, ids);
}

/** Topics an organisation works on: those of its agreements, programmes and events, and the areas its partnerships' statements name. */
export function organizationAreasQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[:PARTY_TO|PARTICIPATED_IN]->()-[:CONCERNS]->(t:Topic)
  RETURN t
  UNION
  MATCH (o)-[r:PARTNERS_WITH]-(:Organization) WHERE ${notRejected('r.key')}
  ${statementTopics('r.key', 't', '  ')}
  RETURN t
}
WITH id, t ORDER BY t.name ASC
RETURN id, collect(DISTINCT ${entityMap('t')}) AS items`,
    params: { ids: [...ids] },
  };
}

/** Number of distinct partners (any status) per organisation. */
export function partnerCountQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COUNT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE p <> o AND ${notRejected('r.key')} RETURN DISTINCT p } AS count`,
    params: { ids: [...ids] },
  };
}

/** The first `first` partnerships (any status) of each organisation, most recent first, without evidence. */
export function organizationPartnersQuery(ids: readonly string[], first: number): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE ${notRejected('r.key')}
  WITH r, p ORDER BY coalesce(r.lastSeen, '') DESC, p.name ASC, r.key ASC
  LIMIT toInteger($first)
  RETURN collect(${partnershipMap('o', 'o', 'r', 'p', 'null')}) AS items
}
RETURN id, items`,
    params: { ids: [...ids], first },
  };
}

/** Roles (HOLDS_ROLE) held in the given organisations, or by the given people. */
export function rolesQuery(side: 'Organization' | 'Person', ids: readonly string[]): CypherQuery {
  const match = side === 'Organization' ? '(p:Person)-[r:HOLDS_ROLE]->(n:Organization {id: id})' : '(n:Person {id: id})-[r:HOLDS_ROLE]->(p:Organization)';
  const [person, organization] = side === 'Organization' ? ['p', 'n'] : ['n', 'p'];
  return {
    cypher: `UNWIND $ids AS id
MATCH ${match}
WHERE ${notRejected('r.key')}
WITH id, r, ${person} AS person, ${organization} AS organization
ORDER BY coalesce(r.lastSeen, '') DESC, person.name ASC, organization.name ASC
RETURN id, collect({key: r.key, title: r.title, firstSeen: r.firstSeen, lastSeen: r.lastSeen, person: ${entityMap('person')}, organization: ${orgMap('organization')}}) AS items`,
    params: { ids: [...ids] },
  };
}

/** Documents that mention each entity, newest first. */
export function mentioningDocumentsQuery(label: EntityType, ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (d:Document)-[:MENTIONS]->(n:${label} {id: id})
WITH id, d ORDER BY d.publishedAt DESC, d.id ASC
RETURN id, collect(${documentMap('d')}) AS items`,
    params: { ids: [...ids] },
  };
}

/** Evidence of aggregated edges by their key (= Statement.factKey), at most `limit` sentences each from the `offset`-th. */
export function evidenceByKeysQuery(keys: readonly string[], limit: number, offset = 0, asOf: string | null = null): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
${evidenceSubquery('key', 'key', '$limit', offset > 0 ? '$offset' : null, asOf !== null)}
RETURN key, evidence`,
    params: { keys: [...keys], limit, ...(offset > 0 ? { offset } : {}), ...(asOf !== null ? { asOf } : {}) },
  };
}

/** Number of distinct evidence sentences of aggregated edges by their key. */
export function evidenceCountQuery(keys: readonly string[], asOf: string | null = null): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
CALL (key) {
  MATCH (s:Statement {factKey: key})-[:STATED_IN]->(d:Document)${asOf !== null ? `\n  ${PUBLISHED_BY_AS_OF}` : ''}
  WITH DISTINCT d, s.start AS start, s.end AS end
  RETURN count(*) AS count
}
RETURN key, count`,
    params: asOf !== null ? { keys: [...keys], asOf } : { keys: [...keys] },
  };
}

/** Evidence of agreements, programmes and events: the statements of the edges that touch them. */
export function entityEvidenceQuery(label: 'Agreement' | 'Programme' | 'Event', ids: readonly string[], limit: number, asOf: string | null = null): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
CALL (n) {
  MATCH (n)-[r:PARTY_TO|PARTICIPATED_IN|CONCERNS]-()
  WITH DISTINCT r.key AS key
  MATCH (s:Statement {factKey: key})-[:STATED_IN]->(d:Document)${asOf !== null ? `\n  ${PUBLISHED_BY_AS_OF}` : ''}
  ${evidenceSentences('$limit', '  ')}
}
RETURN id, evidence`,
    params: asOf !== null ? { ids: [...ids], limit, asOf } : { ids: [...ids], limit },
  };
}

/** Areas of partnerships by edge key: the Topics their statements name (each statement its own sentence's areas). */
export function partnershipAreasQuery(keys: readonly string[], asOf: string | null = null): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
CALL (key) {
  ${statementTopics('key', 't', '  ')}${asOf !== null ? `\n  WHERE EXISTS { MATCH (areaStatement)-[:STATED_IN]->(d:Document) ${PUBLISHED_BY_AS_OF} }` : ''}
  WITH DISTINCT t ORDER BY t.name ASC
  RETURN collect(${entityMap('t')}) AS items
}
RETURN key, items`,
    params: asOf !== null ? { keys: [...keys], asOf } : { keys: [...keys] },
  };
}

/** Documents by id. */
export function documentsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, ${documentMap('d')} AS document`,
    params: { ids: [...ids] },
  };
}

/** The full text of documents by id (read only when asked for: a text may be large). */
export function documentTextsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d.text AS text`,
    params: { ids: [...ids] },
  };
}

/** One stated status of an agreement or programme: the sentence and document that state it. */
export interface StatusChangeRow {
  status: string;
  /** The date the sentence gives, else its document's publication date; null when neither is known. */
  date: string | null;
  evidence: EvidenceRow;
}

/**
 * The statuses the documents state for agreements (or programmes) by id,
 * oldest first: one entry per status, sentence and document (the statements
 * of each party in one sentence count once).
 */
export function statusHistoryQuery(label: 'Agreement' | 'Programme', ids: readonly string[], asOf: string | null = null): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
CALL (n) {
  MATCH (n)<-[r:PARTY_TO]-()
  WITH DISTINCT r.key AS key
  MATCH (s:Statement {factKey: key})-[:STATED_IN]->(d:Document)
  WHERE s.status IS NOT NULL${asOf !== null ? ' AND d.publishedAt <= $asOf' : ''}
  WITH s.status AS status, d, s.start AS start, s.end AS end, s.text AS text, collect(s.rules) AS ruleLists, min(s.date) AS date
  WITH status, d, start, end, text, ruleLists, date, coalesce(date, d.publishedAt) AS seen
  ORDER BY seen IS NULL, seen ASC, d.id ASC, start ASC
  RETURN collect({status: status, date: seen, evidence: {text: text, start: start, end: end, rules: reduce(acc = [], l IN ruleLists | acc + [x IN l WHERE NOT x IN acc]), kinds: [], date: date, document: ${documentMap('d')}}}) AS items
}
RETURN id, items`,
    params: asOf !== null ? { ids: [...ids], asOf } : { ids: [...ids] },
  };
}

/** Partnerships that a document states: edges between organisations it mentions, with a statement in it. */
export function documentPartnershipsQuery(documentId: string): CypherQuery {
  return {
    cypher: `MATCH (d:Document {id: $id})-[:MENTIONS]->(a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WHERE EXISTS { (:Statement {factKey: r.key})-[:STATED_IN]->(d) }
WITH DISTINCT a, r, b ORDER BY a.name ASC, b.name ASC
RETURN ${partnershipMap('a', 'a', 'r', 'b', 'null')} AS partnership`,
    params: { id: documentId },
  };
}
