import { describe, expect, it } from 'vitest';
import { distinctiveWords, stripHonorifics } from './names.ts';

describe('stripHonorifics', () => {
  it.each([
    ['Dr. Salim M. Al Malik', 'Salim M. Al Malik'],
    ['H.E. Dr. Salim M. AlMalik', 'Salim M. AlMalik'],
    ['prof matthias kleiner', 'matthias kleiner'],
    ['His Excellency Sayasat Nurbek', 'Sayasat Nurbek'],
    ['Pieter van der Merwe, PhD', 'Pieter van der Merwe'],
    ['Leibniz Association', 'Leibniz Association'],
    ['Dr.', 'Dr.'],
  ])('stripHonorifics(%j) is %j', (name, expected) => {
    expect(stripHonorifics(name)).toBe(expected);
  });
});

describe('distinctiveWords', () => {
  it.each([
    ['Leibniz Association', ['leibniz']],
    ['University of Porto', ['porto']],
    ['Leibniz Institute for Catalysis', ['leibniz', 'catalysis']],
    ['Islamic World Educational, Scientific, and Cultural Organization', []],
    ['Léibniz', ['leibniz']],
  ])('distinctiveWords(%j) is %j', (name, expected) => {
    expect(distinctiveWords(name)).toEqual(expected);
  });
});
