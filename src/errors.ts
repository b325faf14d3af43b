/**
 * One place for the service's error codes. User errors carry a code that the
 * CLI prints and the GraphQL API puts in `extensions.code`; bugs are raised
 * with `invariant` and never reach users with their stack.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT' // invalid argument or document
  | 'EMPTY_DOCUMENT'
  | 'NOT_TEXT' // binary or not UTF-8
  | 'DOCUMENT_TOO_LARGE'
  | 'UNREADABLE' // file cannot be read
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE' // Neo4j unreachable
  | 'DATABASE_ERROR'
  | 'CONFIG_ERROR'
  | 'LOCAL_NEO4J_ERROR' // the local launcher could not start or reach Neo4j
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  /** Fields a client may act on, sent as they are in the GraphQL error's extensions (e.g. `suggestions`). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown>; extensions?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
    this.extensions = Object.freeze({ ...(options.extensions ?? {}) });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Throws when a condition the code relies on does not hold: a bug, not a user error. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Invariant violation: ${message}`);
  }
}

/** Put at the end of an exhaustive switch: the compiler proves it unreachable. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}

/** One line for a terminal: code and message, no stack. */
export function formatErrorLine(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `INTERNAL_SERVER_ERROR: ${error.message}`;
  return `INTERNAL_SERVER_ERROR: ${String(error)}`;
}
