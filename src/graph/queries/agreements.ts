/** `agreements(party, status)`: agreements, newest first, one page. */
import type { CypherQuery } from '../executor.ts';
import { entityMap } from './common.ts';

export interface AgreementsInput {
  /** Id of the party organisation, or null for every agreement. */
  partyId: string | null;
  /** Stored status ('proposed', 'signed' ...) or null. */
  status: string | null;
  skip: number;
  limit: number;
}

export function agreementsQuery(input: AgreementsInput): CypherQuery {
  const match =
    input.partyId === null ? 'MATCH (a:Agreement)' : 'MATCH (:Organization {id: $partyId})-[:PARTY_TO]->(a:Agreement)';
  return {
    cypher: `CALL () {
  ${match.replace(/\n/g, '\n  ')}
  WHERE $status IS NULL OR a.status = $status
  WITH DISTINCT a ORDER BY coalesce(a.date, '') DESC, a.name ASC, a.id ASC
  RETURN collect(a) AS found
}
RETURN size(found) AS totalCount, [a IN found[toInteger($skip)..toInteger($skip + $limit)] | ${entityMap('a')}] AS items`,
    params: { partyId: input.partyId, status: input.status, skip: input.skip, limit: input.limit },
  };
}
