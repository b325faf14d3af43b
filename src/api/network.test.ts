import { describe, expect, it } from 'vitest';
import { mergeEdges, networkEdgesQuery, networkNodesQuery } from '../graph/queries/network.ts';
import { toKindEnum } from './network.ts';

describe('partnership network', () => {
  it('merges both directions of a pair into one edge, keeping every kind and the larger document count', () => {
    expect(
      mergeEdges([
        { source: 'b', target: 'a', kinds: ['mou'], documentCount: 3 },
        { source: 'a', target: 'b', kinds: ['meeting', 'mou'], documentCount: 1 },
        { source: 'a', target: 'c', kinds: [], documentCount: 0 },
      ]),
    ).toEqual([
      { source: 'a', target: 'b', kinds: ['mou', 'meeting'], documentCount: 3 },
      { source: 'a', target: 'c', kinds: [], documentCount: 0 },
    ]);
  });

  it.each([
    ['joint-event', 'JOINT_EVENT'],
    ['mou', 'MOU'],
    ['programme', 'PROGRAMME'],
    ['handshake', null],
  ])('maps the stored kind %s to %s', (stored, expected) => {
    expect(toKindEnum(stored)).toBe(expected);
  });

  it('passes the limit and the ids as parameters', () => {
    expect(networkNodesQuery(300).params).toEqual({ limit: 300 });
    expect(networkNodesQuery(300).cypher).toContain('ranked[..$limit]');
    expect(networkEdgesQuery(['a', 'b']).params).toEqual({ ids: ['a', 'b'] });
  });
});
