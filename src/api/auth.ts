/**
 * Bearer-token check for mutations, in constant time. No token configured
 * means every mutation is refused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

export type AuthState = { ok: true } | { ok: false; reason: 'disabled' | 'missing' | 'invalid' };

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares the request's `Authorization` header with the configured token. */
export function checkBearer(header: string | undefined, token: string | null): AuthState {
  if (token === null) return { ok: false, reason: 'disabled' };
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null || match[1] === undefined) return { ok: false, reason: 'missing' };
  // Hashing first gives equal lengths, so timingSafeEqual leaks neither content nor length.
  return timingSafeEqual(digest(match[1]), digest(token)) ? { ok: true } : { ok: false, reason: 'invalid' };
}

const MESSAGES: Record<Exclude<AuthState, { ok: true }>['reason'], string> = {
  disabled: 'Mutations are disabled on this server: set API_TOKEN to enable mutations.',
  missing: 'Mutations need the header Authorization: Bearer <API_TOKEN>.',
  invalid: 'The bearer token is not valid.',
};

/** The error a refused mutation gets (HTTP 401, code UNAUTHENTICATED). */
export function authError(state: AuthState): GraphQLError | null {
  if (state.ok) return null;
  return new GraphQLError(MESSAGES[state.reason], { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Refuses mutation operations before any resolver runs. */
export function mutationAuthPlugin<C extends { auth: AuthState }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const error = authError(contextValue.auth);
          if (error !== null) throw error;
        },
      };
    },
  };
}
