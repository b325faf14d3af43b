import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function agreements(text: string): string[] {
  const r = extract(text);
  return r.entities.filter((e) => e.type === 'Agreement').map((e) => `${e.name}: ${e.properties?.status}`);
}

describe('Agreement entities', () => {
  it.each([
    ['signed', 'The University of Sfax and Université Laval signed a memorandum of understanding (MoU).', ['memorandum of understanding: signed']],
    ['drafted', 'ALECSO and the International Federation of Library Associations (IFLA) have finalised the text of a draft cooperation agreement.', ['draft cooperation agreement: drafted']],
    ['proposed', 'At the close of the meeting, ICESCO and the Leibniz Association agreed to draft a cooperation agreement.', ['cooperation agreement: proposed']],
    ['left out when terminated', 'The Baltic Institute of Technology has terminated its research data agreement with Northwind Analytics Ltd.', []],
  ])('reads an agreement that is %s', (_status, text, expected) => {
    expect(agreements(text)).toEqual(expected);
  });

  it('links both parties to the agreement with its status', () => {
    const r = extract('The University of Sfax and Université Laval signed a memorandum of understanding.');
    const mou = r.entities.find((e) => e.type === 'Agreement');
    const parties = r.relations.filter((x) => x.type === 'PARTY_TO' && x.target === mou?.id).map((x) => r.entities.find((e) => e.id === x.source)?.name);
    expect(new Set(parties)).toEqual(new Set(['Université Laval', 'University of Sfax']));
  });

  it('finds the areas of cooperation as topics', () => {
    const r = extract('ICESCO and the Leibniz Association signed a cooperation agreement in the fields of smart agriculture, climate change research and heritage preservation.');
    expect(r.entities.filter((e) => e.type === 'Topic').map((e) => e.name)).toEqual(['smart agriculture', 'climate change research', 'heritage preservation']);
    expect(r.relations.filter((x) => x.type === 'CONCERNS')).toHaveLength(3);
  });
});
