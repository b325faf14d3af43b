/**
 * The schema declares every limit the resolvers enforce, so that schema-driven
 * clients and fuzzers know them: each bounded argument's description states
 * the same range as the code.
 */
import { buildSchema } from 'graphql';
import type { GraphQLArgument, GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../src/api/args.ts';
import { loadTypeDefs } from '../../src/api/server.ts';
import { MAX_NETWORK_LIMIT } from '../../src/api/network.ts';
import { MAX_EVIDENCE, MAX_PAGE, MAX_SEARCH } from '../../src/api/resolvers.ts';
import { ROOT_DIR } from '../../src/config.ts';
import { MAX_HOPS } from '../../src/graph/queries/connection.ts';
import { DOCUMENT_LIMITS } from '../../src/ingest/limits.ts';

const schema = buildSchema(loadTypeDefs(ROOT_DIR));

function argument(type: string, field: string, name: string): GraphQLArgument {
  const found = (schema.getType(type) as { getFields(): Record<string, { args: readonly GraphQLArgument[] }> }).getFields()[field]?.args.find((a) => a.name === name);
  if (found === undefined) throw new Error(`${type}.${field}(${name}) is not in the schema`);
  return found;
}

describe('limits stated in schema.graphql', () => {
  it.each([
    ['Query', 'partners', 'first', `0-${MAX_PAGE}`],
    ['Query', 'agreements', 'first', `0-${MAX_PAGE}`],
    ['Query', 'documents', 'first', `0-${MAX_PAGE}`],
    ['Organization', 'partners', 'first', `0-${MAX_PAGE}`],
    ['Query', 'connection', 'maxHops', `1-${MAX_HOPS}`],
    ['Query', 'search', 'first', `1-${MAX_SEARCH}`],
    ['Query', 'stats', 'top', `1-${MAX_PAGE}`],
    ['Query', 'network', 'limit', `1-${MAX_NETWORK_LIMIT}`],
    ['Partnership', 'evidence', 'first', `0-${MAX_EVIDENCE}`],
    ['Query', 'partners', 'of', `1-${MAX_NAME_LENGTH} characters`],
    ['Query', 'organization', 'name', `1-${MAX_NAME_LENGTH} characters`],
    ['Query', 'connection', 'from', `1-${MAX_NAME_LENGTH} characters`],
    ['Query', 'search', 'text', `1-${MAX_NAME_LENGTH} characters`],
    ['Mutation', 'deleteDocument', 'id', `1-${DOCUMENT_LIMITS.idLength} characters`],
  ])('%s.%s(%s) states %s', (type, field, name, range) => {
    expect(argument(type, field, name).description).toContain(range);
  });

  it('states the limits of every ingestDocument input field', () => {
    const input = schema.getType('IngestDocumentInput') as GraphQLInputObjectType;
    const fields = input.getFields();
    expect(fields.id?.description).toContain(`1-${DOCUMENT_LIMITS.idLength} characters`);
    expect(fields.title?.description).toContain(`${DOCUMENT_LIMITS.titleLength.toLocaleString('en-US')} characters`);
    expect(fields.url?.description).toContain(`${DOCUMENT_LIMITS.urlLength.toLocaleString('en-US')} characters`);
    expect(fields.text?.description).toContain('MAX_DOCUMENT_BYTES');
  });

  it('describes every Int and String argument of the root fields', () => {
    const undocumented: string[] = [];
    for (const root of ['Query', 'Mutation']) {
      const fields = (schema.getType(root) as { getFields(): Record<string, { args: readonly GraphQLArgument[] }> }).getFields();
      for (const [field, { args }] of Object.entries(fields)) {
        for (const arg of args) {
          const named = arg.type.toString().replace(/[[\]!]/g, '');
          if ((named === 'Int' || named === 'String' || named === 'ID') && arg.name !== 'after' && !arg.description) undocumented.push(`${root}.${field}(${arg.name})`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
