import { describe, expect, it } from 'vitest';
import { aliasKey, normalizeKey } from './normalize.ts';

describe('normalizeKey', () => {
  it.each([
    ['Islamic World Educational, Scientific, and Cultural Organization', 'islamic world educational scientific and cultural organization'],
    ['ICESCO', 'icesco'],
    ['Université de Sfax', 'universite de sfax'],
    ['Food & Agriculture Organisation', 'food and agriculture organization'],
    ['ICESCO’s', 'icesco'],
    ['  Joint   Ph.D. Programme ', 'joint ph d program'],
  ])('normalises %j to %j', (name, key) => {
    expect(normalizeKey(name)).toBe(key);
  });

  it('keeps different ministries apart', () => {
    expect(normalizeKey('Ministry of Education of Kazakhstan')).not.toBe(normalizeKey('Ministry of Education of Uzbekistan'));
  });
});

describe('aliasKey', () => {
  it('prefixes the label so a person and an organisation with one name never share a key', () => {
    expect(aliasKey('Organization', 'Leibniz')).toBe('Organization|leibniz');
    expect(aliasKey('Person', 'Leibniz')).not.toBe(aliasKey('Organization', 'Leibniz'));
  });
});
