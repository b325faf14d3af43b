/**
 * `stats`: dashboard figures in one statement; only the sections the request
 * selects are computed.
 */
import type { CypherQuery } from '../executor.ts';
import { ENTITY_LABELS, notRejected, orgMap, statementTopics } from './common.ts';

/** Partnerships per pair of countries, for the partnerships the first clause binds to r (x and y its ends). */
function countryPairs(partnerships: string): string {
  return `CALL () {
  ${partnerships}
  WITH x, r, y WHERE ${notRejected('r.key')}
  MATCH (x)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(cx:Country)
  MATCH (y)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(cy:Country)
  WITH DISTINCT r, CASE WHEN cx.name <= cy.name THEN [cx.name, cy.name] ELSE [cy.name, cx.name] END AS pair
  WITH pair, count(r) AS count ORDER BY count DESC, pair[0] ASC, pair[1] ASC LIMIT toInteger($top)
  RETURN collect({a: pair[0], b: pair[1], count: count}) AS partnershipsPerCountryPair
}`;
}

export const STATS_SECTIONS = [
  'labels',
  'topOrganizations',
  'partnershipsPerYear',
  'partnershipsPerCountryPair',
  'partnershipsPerArea',
  'agreementsByStatus',
  'organizationsPerCountry',
] as const;
export type StatsSection = (typeof STATS_SECTIONS)[number];

const COUNTED_LABELS = [...ENTITY_LABELS, 'Document', 'Statement'];

const SECTIONS: Record<StatsSection, string> = {
  // Count-store lookups: constant time whatever the size of the graph.
  labels: `CALL () {
  RETURN [
    ${COUNTED_LABELS.map((l) => `{label: '${l}', count: COUNT { MATCH (n:${l}) }}`).join(',\n    ')}
  ] AS labels
}`,
  topOrganizations: `CALL () {
  MATCH (o:Organization)
  WITH o, COUNT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE p <> o AND ${notRejected('r.key')} RETURN DISTINCT p } AS partnerCount
  WHERE partnerCount > 0
  WITH o, partnerCount ORDER BY partnerCount DESC, o.name ASC LIMIT toInteger($top)
  RETURN collect({organization: ${orgMap('o')}, partnerCount: partnerCount}) AS topOrganizations
}`,
  partnershipsPerYear: `CALL () {
  MATCH (:Organization)-[r:PARTNERS_WITH]->(:Organization) WHERE ${notRejected('r.key')}
  WITH toInteger(substring(r.firstSeen, 0, 4)) AS year WHERE year IS NOT NULL
  WITH year, count(*) AS count ORDER BY year ASC
  RETURN collect({year: year, count: count}) AS partnershipsPerYear
}`,
  partnershipsPerCountryPair: countryPairs('MATCH (x:Organization)-[r:PARTNERS_WITH]->(y:Organization)'),
  partnershipsPerArea: `CALL () {
  MATCH (:Organization)-[r:PARTNERS_WITH]->(:Organization) WHERE ${notRejected('r.key')}
  ${statementTopics('r.key', 't', '  ')}
  WITH t.name AS area, count(DISTINCT r) AS count ORDER BY count DESC, area ASC LIMIT toInteger($top)
  RETURN collect({area: area, count: count}) AS partnershipsPerArea
}`,
  agreementsByStatus: `CALL () {
  MATCH (a:Agreement) WHERE a.status IN ['proposed', 'drafted', 'signed', 'ended']
  WITH a.status AS status, count(*) AS count ORDER BY status ASC
  RETURN collect({status: status, count: count}) AS agreementsByStatus
}`,
  // Every country with organisations based in it: the choices of the dashboard's country filter.
  organizationsPerCountry: `CALL () {
  MATCH (o:Organization)-[:BASED_IN]->(:Country|Place)-[:LOCATED_IN*0..1]->(c:Country)
  WITH c.name AS country, count(DISTINCT o) AS count ORDER BY country ASC
  RETURN collect({country: country, count: count}) AS organizationsPerCountry
}`,
};

/** Sections computed over a filtered view: the partnerships `$keys`, the organisations `$ids`. */
export const VIEW_SECTIONS = ['partnershipsPerCountryPair', 'partnershipsPerArea', 'agreementsByStatus'] as const satisfies readonly StatsSection[];
export type ViewSection = (typeof VIEW_SECTIONS)[number];

const VIEW_SECTION_CYPHER: Record<ViewSection, string> = {
  partnershipsPerCountryPair: countryPairs('UNWIND $keys AS key\n  MATCH (x:Organization)-[r:PARTNERS_WITH {key: key}]->(y:Organization)'),
  partnershipsPerArea: `CALL () {
  UNWIND $keys AS key
  ${statementTopics('key', 't', '  ')}
  WITH t.name AS area, count(DISTINCT key) AS count ORDER BY count DESC, area ASC LIMIT toInteger($top)
  RETURN collect({area: area, count: count}) AS partnershipsPerArea
}`,
  // Agreements to which an organisation of the view is a party.
  agreementsByStatus: `CALL () {
  UNWIND $ids AS id
  MATCH (:Organization {id: id})-[:PARTY_TO]->(a:Agreement) WHERE a.status IN ['proposed', 'drafted', 'signed', 'ended']
  WITH DISTINCT a
  WITH a.status AS status, count(*) AS count ORDER BY status ASC
  RETURN collect({status: status, count: count}) AS agreementsByStatus
}`,
};

/** The view sections for the partnerships `keys` and organisations `ids` of a filtered network, in one statement. */
export function viewStatsQuery(sections: readonly ViewSection[], top: number, view: { keys: readonly string[]; ids: readonly string[] }): CypherQuery {
  const wanted = VIEW_SECTIONS.filter((s) => sections.includes(s));
  if (wanted.length === 0) return { cypher: 'RETURN 1 AS nothing', params: {} };
  return {
    cypher: `${wanted.map((s) => VIEW_SECTION_CYPHER[s]).join('\n')}
RETURN ${wanted.join(', ')}`,
    params: { top, keys: [...view.keys], ids: [...view.ids] },
  };
}

/** One row with one column per selected section. */
export function statsQuery(sections: readonly StatsSection[], top: number): CypherQuery {
  const wanted = STATS_SECTIONS.filter((s) => sections.includes(s));
  if (wanted.length === 0) return { cypher: 'RETURN 1 AS nothing', params: {} };
  return {
    cypher: `${wanted.map((s) => SECTIONS[s]).join('\n')}
RETURN ${wanted.join(', ')}`,
    params: {
      ...(wanted.some((s) => s === 'topOrganizations' || s === 'partnershipsPerCountryPair' || s === 'partnershipsPerArea') ? { top } : {}),
    },
  };
}
