/**
 * Every error leaves with an `extensions.code`: ours (AppError) passed
 * through, Apollo's kept, anything else an INTERNAL_SERVER_ERROR whose
 * message is hidden outside development. Stack traces only in development,
 * and then only in extensions.
 */
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.ts';

interface CodedError extends Error {
  extensions: Record<string, unknown>;
  originalError?: unknown;
}

/** Duck-typed: a second copy of graphql (ESM next to CJS) defeats instanceof. */
function isGraphQLError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as Partial<CodedError>).extensions === 'object' && 'originalError' in error;
}

/** The first AppError or coded GraphQLError thrown by our code, following originalError/cause. */
function findCause(error: unknown): AppError | CodedError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== null && current !== undefined; depth += 1) {
    if (current instanceof AppError) return current;
    if (isGraphQLError(current)) {
      const inner = current.originalError;
      // A scalar's BAD_USER_INPUT wrapped by validation ("Expected value of type Date ...").
      if (inner === undefined || inner === null) return typeof current.extensions.code === 'string' ? current : null;
      current = inner;
      continue;
    }
    current = current instanceof Error ? current.cause : null;
  }
  return null;
}

function isBug(error: unknown): boolean {
  let current: unknown = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current instanceof Error && !isGraphQLError(current) && !(current instanceof AppError);
}

/** The code a client sees for this error (the same rule formatError applies). */
export function errorCode(error: unknown): string {
  const cause = findCause(error);
  if (cause instanceof AppError) return cause.code;
  if (cause !== null && cause.extensions.code === 'BAD_USER_INPUT') return 'BAD_USER_INPUT';
  const own = isGraphQLError(error) ? error.extensions.code : undefined;
  return typeof own === 'string' ? own : 'INTERNAL_SERVER_ERROR';
}

/** True for a bug (an error our code did not mean to throw), whose message and stack stay private. */
export function isInternalError(error: unknown): boolean {
  return errorCode(error) === 'INTERNAL_SERVER_ERROR' && isBug(error);
}

/** Formats every error for clients; logging is the request-log plugin's job (one line per error). */
export function createFormatError(options: { development: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = findCause(error);
    const extensions: Record<string, unknown> = { ...(formatted.extensions ?? {}) };
    if (!options.development) delete extensions.stacktrace;
    let message = formatted.message;
    if (cause instanceof AppError) {
      Object.assign(extensions, cause.extensions);
      extensions.code = cause.code;
      if (Object.keys(cause.details).length > 0 && (cause.code === 'BAD_USER_INPUT' || cause.code === 'NOT_FOUND' || options.development)) {
        extensions.details = cause.details;
      }
      // Resolver errors keep their own message; wrapped ones (validation) keep the wrapper's context.
      if (!formatted.message.includes(cause.message)) message = cause.message;
    } else if (cause !== null && cause.extensions.code === 'BAD_USER_INPUT') {
      extensions.code = 'BAD_USER_INPUT';
      // graphql-armor words its limit errors as syntax errors; they are not.
      message = message.replace(/^Syntax Error: (?=.*limit of)/, '');
    } else if (typeof extensions.code !== 'string') {
      extensions.code = 'INTERNAL_SERVER_ERROR';
    }
    if (extensions.code === 'INTERNAL_SERVER_ERROR' && isBug(error) && !options.development) message = 'Internal server error.';
    return { ...formatted, message, extensions };
  };
}
