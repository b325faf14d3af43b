import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function organisations(text: string): string[] {
  return extract(text).entities.filter((e) => e.type === 'Organization').map((e) => e.name);
}

describe('name variants of one organisation', () => {
  it.each([
    ['an acronym before the rest of the name', 'The National Academy of Sciences of Belarus hosted the talks. The Institute of Botany of the NAS of Belarus will lead the work.',
      ['National Academy of Sciences of Belarus', 'Institute of Botany of the NAS of Belarus']],
    ['a group named by the acronym of its bank', 'The Sahel Development Bank (SDB) and the University of Niamey signed an agreement. The SDB Group has financed schools since 2001.',
      ['Sahel Development Bank', 'University of Niamey']],
    ['a unit named with its parent before and after it', 'The University of Lisbon (ULisboa) and the Karolinska Institutet signed an agreement. The Faculty of Medicine of the University of Lisbon will host the students; the ULisboa Faculty of Medicine opened a new wing in 2020.',
      ['University of Lisbon', 'Karolinska Institutet', 'Faculty of Medicine of the University of Lisbon']],
    ['a country company without its middle word', 'Zentara Technologies Kenya and the University of Nairobi signed an agreement. Zentara Kenya will train 500 students.',
      ['Zentara Technologies Kenya', 'University of Nairobi']],
    ['an acronym without its city', 'The University of Ghana signed an agreement with ETH Zurich. ETH will send two professors to Accra.',
      ['University of Ghana', 'ETH Zurich']],
    ['a bare head noun after a title', 'The Academy of Sciences of Mongolia received a delegation of the Siberian Branch. The previous agreement was signed in 2016 by the then President of the Academy Batbold Dorj, who retired in 2019.',
      ['Academy of Sciences of Mongolia', 'Siberian Branch']],
  ])('merges %s', (_pattern, text, expected) => {
    expect(organisations(text)).toEqual(expected);
  });

  it.each([
    ['a country office', 'UNICEF Nigeria and the Federal Ministry of Education signed an agreement. UNICEF has worked in the country since 1952.',
      ['UNICEF Nigeria', 'Federal Ministry of Education', 'UNICEF']],
    ['a regional campus', 'Aston University Asia, the Singapore campus of Birmingham-based Aston University, joined the network.',
      ['Aston University Asia', 'Aston University']],
    ['a brand and its foundation', 'Telecom operator Zentara and the University of Nairobi signed an agreement. The Zentara Foundation will fund 200 scholarships.',
      ['Zentara', 'University of Nairobi', 'Zentara Foundation']],
  ])('keeps %s apart from its parent', (_pattern, text, expected) => {
    expect(organisations(text)).toEqual(expected);
  });
});
