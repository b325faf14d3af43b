import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function basedIn(text: string): string[] {
  const r = extract(text);
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name;
  return r.relations.filter((x) => x.type === 'BASED_IN').map((x) => `${name(x.source)} @ ${name(x.target)}`);
}

describe('BASED_IN', () => {
  it.each([
    ['a possessive country', "The Humboldt Foundation and South Africa's Council for Scientific and Industrial Research (CSIR) signed an agreement.", ['Council for Scientific and Industrial Research @ South Africa']],
    ['"in City, Country"', 'The new members are Aga Khan University (AKU) in Karachi, Pakistan.', ['Aga Khan University @ Pakistan', 'Aga Khan University @ Karachi']],
    ['"of Country" after the acronym', 'Nelson Mandela University and Universidade Eduardo Mondlane (UEM) of Mozambique signed an MoU.', ['Universidade Eduardo Mondlane @ Mozambique']],
    ['a ministry of a state', 'The Ministry of Science and Higher Education of the Republic of Kazakhstan signed it.', ['Ministry of Science and Higher Education of the Republic of Kazakhstan @ Kazakhstan']],
    ['a city-based organisation', 'Prof. Castellví said the European University Association (EUA) met. The Brussels-based EUA was keen.', ['European University Association @ Brussels']],
  ])('reads %s', (_pattern, text, expected) => {
    expect(basedIn(text)).toEqual(expected);
  });

  it('does not place an organisation in a country named inside its proper name', () => {
    expect(basedIn('Qatar National Library and the Bibliotheca Alexandrina will co-host a week.')).toEqual([]);
  });
});
