import { describe, expect, it } from 'vitest';
import { changeCursor, decodeChangeCursor, kindsFilter } from './changes.ts';

describe('change feed arguments', () => {
  it('round-trips a cursor to its sequence number, and reads none as the start', () => {
    expect(decodeChangeCursor('after', changeCursor(1234567))).toBe(1234567);
    expect(decodeChangeCursor('after', null)).toBe(0);
  });

  it.each([['bm9wZQ'], [Buffer.from('o:5').toString('base64url')], ['']])('refuses %j as a cursor with BAD_USER_INPUT naming the argument', (cursor) => {
    expect(() => decodeChangeCursor('after', cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^after: /) }));
  });

  it('takes kinds as a sorted set, all when none is given, and refuses an unknown one', () => {
    expect(kindsFilter('kinds', ['NEW_KIND', 'AGREEMENT_STATUS', 'NEW_KIND'])).toEqual(['AGREEMENT_STATUS', 'NEW_KIND']);
    expect(kindsFilter('kinds', [])).toBeNull();
    expect(kindsFilter('kinds', null)).toBeNull();
    expect(() => kindsFilter('kinds', ['SOMETHING'])).toThrow(/kinds: unknown change kind/);
  });
});
