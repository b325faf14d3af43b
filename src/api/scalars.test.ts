import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, isCalendarDate } from './scalars.ts';

describe('Date scalar', () => {
  it.each([
    ['2021-01-22', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2021-13-01', false],
    ['2021-1-22', false],
    ['22 January 2021', false],
    ['2021-01-22T00:00:00Z', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('refuses a bad value with BAD_USER_INPUT, from variables and literals', () => {
    expect(() => DateScalar.parseValue('2021-02-30')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '2021' })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2021-01-22' })).toBe('2021-01-22');
  });
});
