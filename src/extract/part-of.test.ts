import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function partOf(text: string): string[] {
  const r = extract(text);
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name;
  return r.relations.filter((x) => x.type === 'PART_OF').map((x) => `${name(x.source)} < ${name(x.target)}`);
}

describe('PART_OF', () => {
  it.each([
    ['a possessive', "The Arab League Educational, Cultural and Scientific Organization (ALECSO) agreed. ALECSO's Institute of Arab Manuscripts in Cairo will lead the work.",
      ['Institute of Arab Manuscripts < Arab League Educational, Cultural and Scientific Organization']],
    ['an apposition', 'The new members include Makerere University School of Public Health (MakSPH) in Kampala, Uganda, a constituent school of Makerere University.',
      ['Makerere University School of Public Health < Makerere University']],
    ['"the development agency of"', 'Mr. Kwame Asante-Darko, Chief Executive Officer of the African Union Development Agency (AUDA-NEPAD), the development agency of the African Union, spoke.',
      ['African Union Development Agency < African Union']],
    ['"is one of ... institutes of"', 'The Fraunhofer Institute for Solar Energy Systems ISE will test prototypes. Fraunhofer ISE is one of 76 institutes and research units of the Fraunhofer-Gesellschaft.',
      ['Fraunhofer Institute for Solar Energy Systems ISE < Fraunhofer-Gesellschaft']],
    ['an institute named after its research society', 'Prof. Matthias Beller, Vice President of the Leibniz Association and Executive Director of the Leibniz Institute for Catalysis (LIKAT), spoke.',
      ['Leibniz Institute for Catalysis < Leibniz Association']],
    ['an organ named with "the" and the bare head of its body', 'The Academy of Sciences of Mongolia hosted the talks. The Chinese Academy of Sciences sent a delegation. It was received by the Presidium of the Academy.',
      ['Presidium of the Academy < Academy of Sciences of Mongolia']],
    ['"its" unit when the sentence names no other organisation', 'The Helmholtz Centre for Ocean Research signed the agreement. Visiting scientists will sail on vessels run by its Marine Data Centre (MDC).',
      ['Marine Data Centre < Helmholtz Centre for Ocean Research']],
    ['a unit named with its university\'s acronym', 'Addis Ababa University (AAU) and the University of Bergen renewed their agreement. The AAU College of Health Sciences will host the first cohort.',
      ['AAU College of Health Sciences < Addis Ababa University']],
    ['a parent after a description of it', 'Tidewell Labs, the software arm of Danish shipping company Norvane, signed the lease.',
      ['Tidewell Labs < Norvane']],
    ['a regional campus apart from its university', 'Aston University Asia, the Singapore campus of Birmingham-based Aston University, joined the network.',
      ['Aston University Asia < Aston University']],
    ['an acronym in parentheses before the apposition', 'The study is led by Ocean Lisboa (OCLX), a research centre of the University of Lisbon.',
      ['OCLX < University of Lisbon']],
    ['a member of a group named by its bank\'s acronym', 'The Sahel Development Bank (SDB) approved the loan. The Sahel Trade Finance Corporation (STFC), another member of the SDB Group, will insure it.',
      ['Sahel Trade Finance Corporation < Sahel Development Bank']],
    ['a unit "at" its parent', 'The Swiss Seismological Service at ETH Zurich will share its data with the University of Tehran.',
      ['Swiss Seismological Service < ETH Zurich']],
    ['a unit "under" its parent', 'The laboratory will be based at the Institute of Chemistry under the Mongolian Academy of Sciences, with training in Seoul.',
      ['Institute of Chemistry < Mongolian Academy of Sciences']],
  ])('reads %s', (_pattern, text, expected) => {
    expect(partOf(text)).toEqual(expected);
  });

  it('does not make two universities parts of each other', () => {
    expect(partOf('The University of Sfax and Université Laval signed an MoU.')).toEqual([]);
  });
});
