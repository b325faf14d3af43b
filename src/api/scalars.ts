/**
 * Date (YYYY-MM-DD, a real calendar day) and DateTime (ISO 8601) scalars.
 * A bad value is a user error: BAD_USER_INPUT, also inside literals.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD string naming a day that exists (no 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw badInput(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    // Stored dates are strings; a malformed one is a data bug, not the client's.
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError(`Stored date is not YYYY-MM-DD: ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw badInput('Date must be a string written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(`DateTime must be ISO 8601, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601.',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError(`Stored instant is not a string: ${JSON.stringify(value)}`);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});
