import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createFormatError } from './format-error.ts';

const prod = createFormatError({ development: false });
const dev = createFormatError({ development: true });

function wrap(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original });
}

describe('formatError', () => {
  it('passes an AppError code through', () => {
    const error = wrap(new AppError('SERVICE_UNAVAILABLE', 'The graph database is not reachable'));
    expect(prod({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toMatchObject({
      message: 'The graph database is not reachable',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('hides stack traces and the message of a bug by default', () => {
    const error = wrap(new TypeError('cannot read x of undefined'));
    const formatted = prod({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: ...'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps stack traces in extensions in development', () => {
    const error = wrap(new TypeError('cannot read x of undefined'));
    const formatted = dev({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: ...'] } }, error);
    expect(formatted.extensions?.stacktrace).toEqual(['TypeError: ...']);
    expect(formatted.message).toBe('cannot read x of undefined');
  });

  it('gives a code to an error that has none', () => {
    const error = new GraphQLError('odd');
    expect(prod({ message: 'odd' }, error).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reports a scalar rejected during validation as BAD_USER_INPUT', () => {
    const scalar = new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    const validation = new GraphQLError('Expected value of type "Date"; Date must be YYYY-MM-DD', { originalError: scalar });
    const apollo = new GraphQLError(validation.message, { originalError: validation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(prod({ message: apollo.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, apollo).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
