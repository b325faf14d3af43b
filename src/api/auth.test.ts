import { describe, expect, it } from 'vitest';
import { authError, checkBearer } from './auth.ts';

const TOKEN = 'a-token-of-sixteen-chars';

describe('bearer check', () => {
  it.each([
    [`Bearer ${TOKEN}`, { ok: true }],
    [`bearer   ${TOKEN}`, { ok: true }],
    [undefined, { ok: false, reason: 'missing' }],
    [TOKEN, { ok: false, reason: 'missing' }],
    ['Basic dXNlcjpwYXNz', { ok: false, reason: 'missing' }],
    [`Bearer ${TOKEN}x`, { ok: false, reason: 'invalid' }],
    ['Bearer short', { ok: false, reason: 'invalid' }],
  ])('%s gives %o', (header, expected) => {
    expect(checkBearer(header, TOKEN)).toEqual(expected);
  });

  it('refuses everything when no token is configured, and says how to enable mutations', () => {
    const state = checkBearer(`Bearer ${TOKEN}`, null);
    expect(state).toEqual({ ok: false, reason: 'disabled' });
    const error = authError(state);
    expect(error?.message).toMatch(/set API_TOKEN/);
    expect(error?.extensions).toEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });
});
