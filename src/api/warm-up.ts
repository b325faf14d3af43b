/**
 * Warms Neo4j's query plan cache: a fresh server (or one back from an outage)
 * plans each statement on first use, which cost seconds on a loaded machine
 * and made the first `partners(of: ...)` of a fresh start time out. Running
 * every top-level field once, with the nested fields the dashboard asks for,
 * makes the first user query as fast as the tenth. Values are real names from
 * the graph when it has any, so the nested (DataLoader) queries run too.
 */
import type { ApolloServer } from '@apollo/server';
import type { ApiContext } from './context.ts';

const OVERVIEW = `query WarmUpOverview {
  network(limit: 2) { nodes { id name aliases partnerCount } edges { source target kinds documentCount } totalOrganizations truncated }
  stats(top: 3) {
    labels { label count }
    topOrganizations { organization { id name aliases } partnerCount }
    partnershipsPerYear { year count }
    partnershipsPerCountryPair { a b count }
    partnershipsPerArea { area count }
    agreementsByStatus { status count }
  }
  agreements(first: 2) { totalCount edges { cursor node { id name status date parties { id name } areas { name } evidence(first: 1) { text } } } }
  documents(first: 2) { totalCount edges { cursor node { id title publishedAt url ingestedAt } } }
  search(text: "a", first: 2) { type score entity { id name } }
}`;

const ENTITY = `query WarmUpEntity($org: String!, $other: String!) {
  organization(name: $org) {
    id name aliases
    country { name } parent { name } units { name }
    people { person { id name roles { title organization { id name } evidence(first: 2) { text document { id title } } } } title firstSeen lastSeen }
    partners(first: 5) { partner { id name } kinds status firstSeen lastSeen documentCount areas { name } evidence(first: 3) { text document { id title publishedAt url } } }
    partnerCount agreements { id name } programmes { id name } events { id name participants { id name } } areas { name } documents { id title }
  }
  partners(of: $org, first: 5) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { kinds status firstSeen lastSeen documentCount partner { id name } viaUnit { id } areas { name } evidence(first: 3) { text start end document { id title publishedAt } } } }
  }
  partnership(a: $org, b: $other) { kinds status documentCount evidence(first: 3) { text } }
  connection(from: $org, to: $other, maxHops: 3) { length steps { relation label from { id name } to { id name } evidence(first: 1) { text } } }
  person(name: $org) { id name }
}`;

type Run = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null }>;

/** Runs the warm-up operations in-process; errors (an empty graph, a lost database) are not fatal. */
export async function warmUpQueries(apollo: ApolloServer<ApiContext>, context: () => ApiContext): Promise<{ ms: number; operations: number }> {
  const started = performance.now();
  const run: Run = async (query, variables = {}) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context() });
    return response.body.kind === 'single' ? (response.body.singleResult as { data?: Record<string, unknown> | null }) : {};
  };
  const overview = await run(OVERVIEW);
  const nodes = ((overview.data?.network as { nodes?: Array<{ name: string }> } | undefined)?.nodes ?? []).map((n) => n.name);
  await run(ENTITY, { org: nodes[0] ?? 'warm-up', other: nodes[1] ?? nodes[0] ?? 'warm-up' });
  return { ms: Math.round(performance.now() - started), operations: 2 };
}
