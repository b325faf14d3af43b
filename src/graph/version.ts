/**
 * The graph's version: one (:GraphVersion {id: 'graph', epoch, value}) node
 * whose `value` every write transaction increments before it commits
 * (`Graph.write` runs BUMP_VERSION_CYPHER in the transaction itself, so a
 * write that changes nothing still counts). Neo4j Community reports no last
 * transaction id; this is the cheap, reliable substitute the API keys its
 * caches on.
 *
 * The node is created by `applySchema` (service start, ingestion CLI) with a
 * random `epoch`. Writes only increment it and never create it: a graph
 * wiped of everything (node included) has no version, and nothing is cached
 * until the schema is applied again, under a new epoch, so that no answer
 * computed before the wipe can be served after it.
 */
/** As CypherQuery (executor.ts imports this module, so it is not imported from there). */
type CypherQuery = { cypher: string; params: Record<string, unknown> };

/** Run at the end of every write transaction (src/graph/executor.ts). */
export const BUMP_VERSION_CYPHER = "MATCH (v:GraphVersion {id: 'graph'}) SET v.value = v.value + 1";

/** Creates the version node when it is missing (idempotent; the constraint makes concurrent runs safe). */
export function ensureVersionQuery(): CypherQuery {
  return {
    cypher: "MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.value = 0, v.epoch = randomUUID()",
    params: {},
  };
}

/** The version as one row: `epoch:value`, or null when the node is missing. */
export function readVersionQuery(): CypherQuery {
  return {
    cypher: "OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN CASE WHEN v IS NULL THEN null ELSE v.epoch + ':' + toString(v.value) END AS version",
    params: {},
  };
}
