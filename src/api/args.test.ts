import { describe, expect, it } from 'vitest';
import { connectionOf, decodeCursor, encodeCursor, intArg, nameArg } from './args.ts';

describe('arguments', () => {
  it('refuses page sizes out of range with BAD_USER_INPUT naming the argument', () => {
    expect(intArg('first', undefined, 20, 0, 100)).toBe(20);
    expect(() => intArg('first', 10_000, 20, 0, 100)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^first:/) }));
    expect(() => intArg('first', -1, 20, 0, 100)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it.each(['', '   ', '!!!', 'x'.repeat(301)])('refuses the name %j', (name) => {
    expect(() => nameArg('of', name)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor('after', encodeCursor(40))).toBe(40);
    expect(decodeCursor('after', null)).toBe(0);
    expect(() => decodeCursor('after', 'bm9wZQ')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('builds a page whose cursors continue where it stops', () => {
    const page = connectionOf(['a', 'b'], 10, 13);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(12) });
    expect(decodeCursor('after', page.edges[0]!.cursor)).toBe(11);
    expect(connectionOf([], 13, 13).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
