/** `documents`: ingested documents, newest first, one page. */
import type { CypherQuery } from '../executor.ts';
import { documentMap } from './common.ts';

export function documentsQuery(skip: number, limit: number): CypherQuery {
  return {
    cypher: `CALL () { MATCH (d:Document) RETURN count(d) AS totalCount }
CALL () {
  MATCH (d:Document)
  WITH d ORDER BY d.publishedAt DESC, d.id ASC SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN collect(${documentMap('d')}) AS items
}
RETURN totalCount, items`,
    params: { skip, limit },
  };
}
