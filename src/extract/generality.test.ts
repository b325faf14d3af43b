/** Rules added for text unlike the dev set, each with the sentence it exists for. */
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { isPlaceName, nounPhrase } from './nlp.ts';
import { titleWithRemitEndingAt } from './roles.ts';
import { tokenize } from './text.ts';

const HEAD = 'Headline of the release\n12 March 2024\n\n';
function run(body: string) {
  const r = extract(HEAD + body, { id: 't', publishedAt: '2024-03-12' });
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name;
  const of = (type: string) => r.relations.filter((x) => x.type === type);
  return {
    r,
    orgs: r.entities.filter((e) => e.type === 'Organization').map((e) => e.name),
    people: r.entities.filter((e) => e.type === 'Person').map((e) => e.name),
    roles: of('HOLDS_ROLE').map((x) => `${name(x.source)} -> ${name(x.target)}`),
    pairs: of('PARTNERS_WITH').filter((x) => !x.properties.status).map((x) => [name(x.source), name(x.target)].sort().join(' + ')),
    ended: of('PARTNERS_WITH').filter((x) => x.properties.status === 'ended').map((x) => [name(x.source), name(x.target)].sort().join(' + ')),
  };
}

describe('roles', () => {
  it.each([
    ["Malawi's Minister of Health, Hon. Dr. Tiyamike Phiri-Mwale, met officials of the Ministry of Health of Malawi.", 'Tiyamike Phiri-Mwale -> Ministry of Health of Malawi'],
    ["Kenya's Cabinet Secretary for Health, Ms. Achieng Odhiambo, visited the Ministry of Health of Kenya.", 'Achieng Odhiambo -> Ministry of Health of Kenya'],
    ["The University of Ghana's Pro-Vice-Chancellor for Research, Prof. Efua M. Quaye, spoke.", 'Efua M. Quaye -> University of Ghana'],
    ['The ceremony was witnessed by Dr. Jean-Baptiste Kouassi, the World Health Organization (WHO) Representative in Malawi.', 'Jean-Baptiste Kouassi -> World Health Organization'],
    ['The keynote was given by Mr. Pieter-Jan de Wit, Head of Open Access at Springer Nature.', 'Pieter-Jan de Wit -> Springer Nature'],
  ])('%s', (body, role) => {
    expect(run(body).roles).toContain(role);
  });

  it.each([
    ['Minister of Health , Dr.', 0, 3, 'Minister of Health'],
    ['Cabinet Secretary for Health and Sanitation , Ms.', 0, 6, 'Cabinet Secretary for Health and Sanitation'],
    ['Director of the company', 0, 4, null],
  ])('titleWithRemitEndingAt(%s)', (text, st, b, want) => {
    expect(titleWithRemitEndingAt(tokenize(text), st, b)).toBe(want);
  });
});

describe('organisations', () => {
  it.each([
    ['Eng. Reem Al-Harbi, Dean of the Faculty of Engineering at King Abdulaziz University, spoke.', 'Faculty of Engineering', false],
    ['KI has worked with the Faculty of Medicine of the University of São Paulo (FMUSP) since 2018.', 'Faculty of Medicine of the University of São Paulo', true],
    ['The new members include the Rizal Library of Ateneo de Manila University in the Philippines.', 'Rizal Library of Ateneo de Manila University', true],
    ['The Baltic Maritime Academy signed an agreement with Nordlys Shipping AS on Friday.', 'Nordlys Shipping AS', true],
    ['Delegations from USP and Sweden’s Karolinska Institutet (KI) met on Tuesday.', 'Karolinska Institutet', true],
    // the boilerplate "About <organisation>" section heading names the organisation, not "About ..."
    ['Nova Labs Corporation signed an MoU with the University of Tartu.\n\nAbout Nova Labs Corporation\nNova Labs Corporation builds tools.', 'Nova Labs Corporation', true],
    ['Nova Labs Corporation signed an MoU with the University of Tartu.\n\nAbout Nova Labs Corporation\nNova Labs Corporation builds tools.', 'About Nova Labs Corporation', false],
  ])('%s', (body, org, present) => {
    expect(run(body).orgs.includes(org)).toBe(present);
  });
});

describe('partnerships', () => {
  it.each([
    // co-organisers of an event
    ['The Forum was co-organised by the University of Rwanda (UR) and the Network of African Science Academies (NASAC).',
      ['Network of African Science Academies + University of Rwanda'], []],
    // termination and a new agreement in one sentence
    ['The Baltic Maritime Academy (BMA) has terminated its 2019 training agreement with Nordlys Shipping AS, the Norwegian ship operator, and on Friday signed a memorandum of understanding with Gdańsk University of Technology (Gdańsk Tech) on research into autonomous vessels.',
      [], ['Baltic Maritime Academy + Nordlys Shipping AS']],
    // an invitation after the pair does not cancel it
    ['Prof. Ada Obi said the Obafemi Awolowo University (OAU) would explore a data-sharing agreement with the African Population and Health Research Center (APHRC), and invited other universities to join.',
      ['African Population and Health Research Center + Obafemi Awolowo University'], []],
    // a funder and its grantees: "awarded ... grant to A and B"
    ['The Wellcome Foundation has awarded a grant to the University of Ghana (UG) and the Kwame Nkrumah University of Science and Technology (KNUST) for joint research.',
      ['University of Ghana + Wellcome Foundation'], []],
  ])('%s', (body, pairs, ended) => {
    const got = run(body);
    for (const p of pairs) expect(got.pairs).toContain(p);
    for (const p of ended) {
      expect(got.ended).toContain(p);
      expect(got.pairs).not.toContain(p);
    }
  });
});

describe('compromise helpers', () => {
  it.each([
    ['preparing for a large international conference', null],
    ['”', null],
    ['water research', 'water research'],
    ['the exchange of experts', 'exchange of experts'],
  ])('nounPhrase(%s)', (item, want) => {
    expect(nounPhrase(item)).toBe(want);
  });
  it.each([
    ['Hanoi', true],
    ['Nairobi', true],
    ['Eleanor', false],
    ['Kwame Asante', false],
  ])('isPlaceName(%s)', (span, want) => {
    expect(isPlaceName(span)).toBe(want);
  });
});
