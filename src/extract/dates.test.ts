import { describe, expect, it } from 'vitest';
import { dateLine, findDates } from './dates.ts';

const PUBLISHED = '2021-01-22'; // a Friday

describe('findDates', () => {
  it.each([
    ['the session held yesterday, January 21, was virtual', '2021-01-21'],
    ['signed on 22 January 2021 in Rabat', '2021-01-22'],
    ['signed on March 7, 2023 in Sfax', '2023-03-07'],
    ['Published: 16/02/2024', '2024-02-16'],
    ['14.06.2023', '2023-06-14'],
    ['2023-09-19', '2023-09-19'],
    ['24th May 2024', '2024-05-24'],
    ['9 Nov. 2023', '2023-11-09'],
    ['to be held from 22 to 28 April 2024', '2024-04-22'],
    ['an online meeting on 20 June between the two', '2021-06-20'],
    ['the two parties met yesterday', '2021-01-21'],
    ['signed this morning at the headquarters', '2021-01-22'],
    ['they met today', '2021-01-22'],
    ['signed a partnership agreement last Tuesday', '2021-01-19'],
    ['was signed on Monday in Sfax', '2021-01-18'],
    ['held on Tuesday (September 13, 2022), at the Ministry', '2022-09-13'],
  ])('resolves "%s" to %s', (sentence, iso) => {
    expect(findDates(sentence, PUBLISHED)[0]?.iso).toBe(iso);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(findDates('they met yesterday', null)[0]?.iso).toBeNull();
  });

  it('takes "last Friday" on a Friday to be a week earlier', () => {
    expect(findDates('they met last Friday', PUBLISHED)[0]?.iso).toBe('2021-01-15');
  });

  it('resolves a weekday named on the publication day to that day', () => {
    expect(findDates('signed on Friday', PUBLISHED)[0]?.iso).toBe('2021-01-22');
  });
});

describe('dateLine', () => {
  it.each([
    ['22 January 2021', '2021-01-22'],
    ['Rabat, 2 November 2022', '2022-11-02'],
    ['JEDDAH, 9 May 2022 —', '2022-05-09'],
    ['July 5, 2023 | Press release', '2023-07-05'],
    ['Dhahran, Sunday 14 January 2024', '2024-01-14'],
    ['Updated 02 Feb 2024', '2024-02-02'],
  ])('reads the date line "%s" as %s', (line, iso) => {
    expect(dateLine(line, 0, line.length)).toBe(iso);
  });

  it('does not take a sentence that contains a date for a date line', () => {
    const s = 'The agreement that both parties signed in Jeddah on 2 March 2021 is still in force today.';
    expect(dateLine(s, 0, s.length)).toBeNull();
  });
});
