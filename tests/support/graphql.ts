/**
 * GraphQL documents in tests are written with graphql-tag's `gql`, so a typo
 * fails when the file loads, not deep inside a request. This sends them as
 * written: the text graphql-tag keeps, so error locations match the source.
 */
import type { DocumentNode } from 'graphql';

/** The text of a `gql` document exactly as written. */
export function documentText(document: DocumentNode): string {
  const body = document.loc?.source.body;
  if (body === undefined) throw new Error('a GraphQL document without its source text: write it with gql`...`');
  return body;
}

export interface GraphqlBody {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; suggestions?: string[]; details?: { argument?: string } } }>;
}

/** POSTs a query to `<url>/graphql`, with the bearer token unless it is null; the parsed body. */
export async function postGraphql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlBody> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlBody;
}
