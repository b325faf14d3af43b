import { describe, expect, it } from 'vitest';
import { countryAt } from './countries.ts';
import { tokenize } from './text.ts';

function countries(sentence: string): string[] {
  const tokens = tokenize(sentence);
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const c = countryAt(tokens, k);
    if (c) {
      out.push(c.canonical);
      k = c.j - 1;
    }
  }
  return out;
}

describe('countryAt', () => {
  it.each([
    ['the visit to the Republic of Kazakhstan', ['Kazakhstan']],
    ["Jordan's universities and employers", ['Jordan']],
    ["Director of the UAE's Commission for Academic Accreditation", ['United Arab Emirates']],
    ['in Amman, Jordan, on Tuesday', ['Jordan']],
    ['at KAU in the Kingdom of Saudi Arabia', ['Saudi Arabia']],
    ['Cameroon, Chad, Niger, Nigeria, Libya and the Central African Republic', ['Cameroon', 'Chad', 'Niger', 'Nigeria', 'Libya', 'Central African Republic']],
  ])('finds the countries in "%s"', (sentence, expected) => {
    expect(countries(sentence)).toEqual(expected);
  });

  it.each([
    ['gauging stations around Lake Chad'],
    ['German and Indian researchers will go on sharing samples'],
    ['the Bank will provide US$25 million in grants'],
    ['the US-UK Fulbright Commission'],
  ])('finds no country in "%s"', (sentence) => {
    expect(countries(sentence)).toEqual([]);
  });
});
