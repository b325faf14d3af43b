import { describe, expect, it } from 'vitest';
import { cleanPersonName, findPersonSpans } from './people.ts';
import { tokenize } from './text.ts';

function people(sentence: string): string[] {
  return findPersonSpans(tokenize(sentence), () => false).map((p) => `${p.reason}:${cleanPersonName(p.name)}`);
}

describe('findPersonSpans', () => {
  it.each([
    ['Dr. Salim M. AlMalik, ICESCO Director-General (DG), presided.', ['honorific:Salim M. AlMalik']],
    ['led by Prof. Dr. Nor Aini binti Hassan, Vice-Chancellor of USM', ['honorific:Nor Aini binti Hassan']],
    ['signed by H.E. Mr. Karim Benjelloun, Minister of National Education', ['honorific:Karim Benjelloun']],
    ['signed by Dr.-Ing. Stefan Krämer, Chief Technology Officer of Helios', ['honorific:Stefan Krämer']],
    ['in the presence of Eng. Reem Al-Harbi, Dean of the Faculty', ['honorific:Reem Al-Harbi']],
    ['said Dr. van Leeuwen', ['honorific:van Leeuwen']],
    ['He thanked IFLA President Amara Nwosu, who first proposed it.', ['title-before:Amara Nwosu']],
    ['said Minister Abdikarimov.', ['title-before:Abdikarimov']],
    ['Federal Minister for Housing and Telecommunication Rashid Mehmood Baloch witnessed the signing.', ['title-before:Rashid Mehmood Baloch']],
    ['said Maria Delgado-Wright, Executive Director of the Commission.', ['title-after:Maria Delgado-Wright']],
    ['coordinated by Pieter van der Merwe, PhD, Director of the Institute', ['title-after:Pieter van der Merwe']],
    ['Press contact: Lena Fischer, Head of Corporate Communications, Helios Grid Systems GmbH', ['title-after:Lena Fischer']],
    ['an international conference on al-Farabi, who is one of the major figures', ['historical:al-Farabi']],
  ])('finds the person in "%s"', (sentence, expected) => {
    expect(people(sentence)).toEqual(expected);
  });

  it.each([
    ['the University\'s Vice-Principal International, said the award'],
    ['ICESCO Director-General invited the Minister of Science'],
  ])('finds no person in "%s"', (sentence) => {
    expect(people(sentence)).toEqual([]);
  });

  it('strips post-nominal letters from a name', () => {
    expect(cleanPersonName('Andrew Kincaid FRSE')).toBe('Andrew Kincaid');
  });
});
