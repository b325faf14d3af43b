/**
 * One log line per GraphQL error, naming the operation and the field that
 * failed (its response path) with the code the client saw. Bugs carry their
 * stack as a field of that one line; user errors are `info`, database trouble
 * `warn`, bugs `error`.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from '../log.ts';
import { errorCode, isInternalError } from './format-error.ts';

const DATABASE_CODES = new Set(['SERVICE_UNAVAILABLE', 'DATABASE_ERROR']);

/** The first line of the database error behind an AppError, if any (e.g. the Neo4j code's message). */
function databaseDetail(error: GraphQLError): string | undefined {
  let current: unknown = error.originalError;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.cause instanceof Error && current.cause.name === 'Neo4jError') return current.cause.message.split('\n')[0];
    current = current.cause;
  }
  return undefined;
}

export function requestLogPlugin<C extends BaseContext>(log: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ operationName, errors }) {
          for (const error of errors) {
            const code = errorCode(error);
            const fields: Record<string, unknown> = { event: 'graphql-error', operation: operationName ?? null, field: error.path?.join('.') ?? null, code };
            if (isInternalError(error)) {
              const original = error.originalError ?? error;
              log.error(error.message, { ...fields, stack: original.stack });
            } else if (DATABASE_CODES.has(code)) {
              const detail = databaseDetail(error);
              log.warn(error.message, detail === undefined ? fields : { ...fields, detail });
            } else {
              log.info(error.message, fields);
            }
          }
        },
      };
    },
  };
}
