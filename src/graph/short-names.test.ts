import { describe, expect, it } from 'vitest';
import { shortName } from '../model/names.ts';
import { organizationNamesQuery, setShortNamesQuery, staleShortNames } from './short-names.ts';

const ICESCO = 'Islamic World Educational, Scientific, and Cultural Organization';

describe('shortName', () => {
  it.each([
    ['a long name with an acronym gives the acronym', ICESCO, ['ICESCO', 'Islamic World Educational, Scientific and Cultural Organization'], 'ICESCO'],
    ['the shortest acronym wins, ties alphabetically', 'Leibniz Institute for Catalysis at the University of Rostock', ['LIKAT', 'LIC', 'LIB'], 'LIB'],
    ['a short name stays as it is', 'Leibniz Association', ['WGL'], 'Leibniz Association'],
    ['a long name without an acronym stays as it is', 'Ministry of Science and Higher Education of Kazakhstan', ['Ministry of Science'], 'Ministry of Science and Higher Education of Kazakhstan'],
    ['a one-capital or lower-case alias is no acronym', 'African Union Development Agency of the continent', ['Agency', 'auda'], 'African Union Development Agency of the continent'],
    ['mixed-case acronyms count', 'Association of Arab Universities in the Arab region', ['AArU'], 'AArU'],
  ])('%s', (_, name, aliases, expected) => {
    expect(shortName(name, aliases)).toBe(expected);
  });
});

describe('short name refresh', () => {
  it('writes only the short names that are missing or stale', () => {
    const rows = [
      { id: 'org-icesco', name: ICESCO, aliases: ['ICESCO'], shortName: null },
      { id: 'org-leibniz', name: 'Leibniz Association', aliases: [], shortName: 'Leibniz Association' },
      { id: 'org-renamed', name: ICESCO, aliases: ['ICESCO'], shortName: ICESCO },
    ];
    expect(staleShortNames(rows)).toEqual([
      { id: 'org-icesco', shortName: 'ICESCO' },
      { id: 'org-renamed', shortName: 'ICESCO' },
    ]);
  });

  it('reads all organisations, or the given ids as a parameter', () => {
    expect(organizationNamesQuery(null)).toEqual({ cypher: expect.not.stringContaining('$ids'), params: {} });
    expect(organizationNamesQuery(['org-a'])).toEqual({ cypher: expect.stringContaining('WHERE o.id IN $ids'), params: { ids: ['org-a'] } });
    expect(setShortNamesQuery([{ id: 'org-a', shortName: 'A' }]).params).toEqual({ rows: [{ id: 'org-a', shortName: 'A' }] });
  });
});
