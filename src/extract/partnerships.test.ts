import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

/** Sorted "A + B" pairs of PARTNERS_WITH, with the status when there is one. */
function pairs(text: string, publishedAt = '2024-03-15'): string[] {
  const r = extract(text, { publishedAt });
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name ?? id;
  const out = new Set<string>();
  for (const x of r.relations.filter((y) => y.type === 'PARTNERS_WITH')) {
    const [a, b] = [name(x.source), name(x.target)].sort();
    out.add(`${a} + ${b}${x.properties.status ? ` (${x.properties.status})` : ''}`);
  }
  return [...out].sort();
}

const A = 'The University of Sfax';
const B = 'Université Laval';

describe('PARTNERS_WITH', () => {
  it('reads a headline\'s short name of a party as that party', () => {
    const text = 'Zentara, Kivu Water Trust sign deal on school water\n\nGOMA, May 2 (AFP) - Zentara Mobile Congo and the Kivu Water Trust on Tuesday signed an agreement under which the company will fund 40 wells. Zentara Mobile Congo is the local arm of telecoms group Zentara.';
    expect(pairs(text).filter((p) => !p.includes('Zentara Mobile Congo'))).toEqual([]);
    expect(pairs(text)).toContain('Kivu Water Trust + Zentara Mobile Congo');
  });

  it.each([
    ['a coordinated subject with a cooperation verb', `${A} and ${B} signed a memorandum of understanding on Monday.`,
      ['University of Sfax + Université Laval']],
    ['"between X and Y"', 'They discussed cooperation between the Leibniz Association and the Max Planck Society.',
      ['Leibniz Association + Max Planck Society']],
    ['"X ... with Y"', 'The Baltic Institute of Technology signed a memorandum of understanding with the Estonian Environment Agency.',
      ['Baltic Institute of Technology + Estonian Environment Agency']],
    ['signatories with their organisations', 'The agreement was signed by Prof. Lamia Chaari, President of the University of Sfax, and Prof. Denis Morin, Vice-Rector at Université Laval.',
      ['University of Sfax + Université Laval']],
    ['a three-party agreement as three pairs', 'The Islamic Development Bank (IsDB), the Qatar Fund for Development (QFFD) and the World Food Programme (WFP) today signed a tripartite agreement.',
      ['Islamic Development Bank + Qatar Fund for Development', 'Islamic Development Bank + World Food Programme', 'Qatar Fund for Development + World Food Programme']],
    ['a place\'s organisation after "with"', 'The Baltic Institute of Technology signed a memorandum of understanding with Tartu\'s Department of School Education on Tuesday.',
      ['Baltic Institute of Technology + Department of School Education']],
    ['signatories "on behalf of" the parties they sign for', 'The agreements were signed in Riga by the Bank\'s Vice-President, Dr. Hamid Rashidi, on behalf of the Islamic Development Bank, and by Mr. Ousmane Diop, on behalf of the Ministry of Economy and Planning.',
      ['Islamic Development Bank + Ministry of Economy and Planning']],
    ['a contributor in an absolute clause', 'Strathmore University and Moi University will each open a clinic where students help firms, with the Islamic Development Bank providing cloud credits.',
      ['Islamic Development Bank + Moi University', 'Islamic Development Bank + Strathmore University']],
    ['a nationality before a described party is no party', 'The United Nations Development Programme (UNDP), the International Organization for Migration (IOM) and the Honduran non-governmental organisation Fundación Raíz Viva last week launched a joint programme.',
      ['Fundación Raíz Viva + International Organization for Migration', 'Fundación Raíz Viva + United Nations Development Programme', 'International Organization for Migration + United Nations Development Programme']],
    ['an unnamed unit of an owner is no party', "Gulu University is in northern Uganda. Gulu's computing college partners with Carnegie Mellon University Africa on public health.",
      []],
    ['a person\'s membership is not their organisation\'s', 'The session heard Dr. Halyna Kovalchuk (corresponding member of the National Academy of Sciences of Ukraine, deputy director of the Kyiv Institute of Molecular Biology).',
      []],
    ['a signatory for the body they direct, not the academy they belong to', 'The agreement was signed by the rector of the Kyiv Polytechnic Institute, Anatolii Melnychenko, and by the director of the Glushkov Institute of Cybernetics, Vasyl Hrytsenko (academician of the National Academy of Sciences of Ukraine).',
      ['Glushkov Institute of Cybernetics + Kyiv Polytechnic Institute']],
    ['a counted group listed in the next sentence', 'Zentara Kenya will also work directly with three public universities. Strathmore University, Moi University and the University of Nairobi will each host a new cloud laboratory.',
      ['Moi University + Zentara Kenya', 'Strathmore University + Zentara Kenya', 'University of Nairobi + Zentara Kenya']],
    ['no counted group when the count does not match the list', 'Zentara Kenya will also work directly with four public universities. Strathmore University, Moi University and the University of Nairobi will each host a new cloud laboratory.',
      []],
    ['a company named with and without its legal words is one party', 'Zentara Technologies Kenya and the Higher Education Commission (HEC) signed an agreement on Monday. Zentara Kenya will also work with the University of Nairobi on a laboratory.',
      ['Higher Education Commission + Zentara Technologies Kenya', 'University of Nairobi + Zentara Technologies Kenya']],
    ['a described company after "with"', 'The Lagos State Government has extended its partnership with education technology company BrightPath to 300 schools.',
      ['BrightPath + Lagos State Government']],
    ['two agents of one participle, each after "by"', 'The work will be led by the Institute of Geophysics of the University of Chile and by Geosciences Lisbon (GEOLX), a research centre of the Portuguese Research Council.',
      ['GEOLX + Institute of Geophysics of the University of Chile']],
    ['an initiative with a partner', 'A year ago the Lakeside Bank unveiled a smaller digital labs initiative with the Kenya Private Sector Alliance (KEPSA), covering 45 schools.',
      ['Kenya Private Sector Alliance + Lakeside Bank']],
    ['a member of a corporate group named by its bank is no partner of the bank', 'The Arab Development Bank (ADB) approved a loan to the Ministry of Finance. The Arab Trade Finance Corporation (ATFC), another member of the ADB Group, will also lend to exporters.',
      []],
    ['membership of a network', 'Université Gaston Berger (UGB) has become a full member of the Agence universitaire de la Francophonie (AUF).',
      ['Agence universitaire de la Francophonie + Université Gaston Berger']],
    ['a joint name', 'The Technical University of Munich (TUM) and Helios Grid Systems GmbH will open the Helios–TUM Storage Lab in 2024.',
      ['Helios Grid Systems GmbH + Technical University of Munich']],
    ['group nouns standing for the parties', 'The Qatar National Library (QNL) and the Bibliotheca Alexandrina (BA) will co-host a week of events. The two institutions are also in talks with the Saudi Electricity Company (SEC).',
      ['Bibliotheca Alexandrina + Qatar National Library', 'Bibliotheca Alexandrina + Saudi Electricity Company', 'Qatar National Library + Saudi Electricity Company']],
    ['a company without a head noun beside an organisation', 'Microsoft and the University of Tokyo signed a memorandum of understanding.',
      ['Microsoft + University of Tokyo']],
    ['a second subject after "and" that is not part of the first name', 'The University of Tokyo and Sony Group will launch a joint laboratory.',
      ['Sony Group + University of Tokyo']],
    ['"between X and Y, as well as Z"', 'They discussed cooperation between ICESCO and the Indonesian National Commission for Education, as well as the Ministry of Education of Indonesia.',
      ['ICESCO + Indonesian National Commission for Education', 'ICESCO + Ministry of Education of Indonesia']],
    ['a termination, kept with status ended', 'The Baltic Institute of Technology (BIT) has terminated its research data agreement with Northwind Analytics Ltd.',
      ['Baltic Institute of Technology + Northwind Analytics Ltd (ended)']],
  ])('finds %s', (_pattern, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    ['an invitation is not a partnership', 'The University of Tartu invited the World Bank to discuss cooperation with the Ministry of Education of Azerbaijan.'],
    ['attending an event is not a partnership', 'Delegations from Qatar University, Sultan Qaboos University and Kuwait University took part in the workshops.'],
    ['organisations merely listed together are not partners', 'AKU and MakSPH bring teaching hospitals to the Global Alliance for Climate and Health Education (GACHE).'],
    ['a country is not a partner', 'ICESCO and Kazakhstan agreed on enhancing cooperation in science.'],
  ])('finds nothing when %s', (_why, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('dates a partnership by the relative date in its sentence', () => {
    const r = extract('The University of Sfax and Université Laval signed a memorandum of understanding on Monday.', { publishedAt: '2023-03-07' });
    const p = r.relations.find((x) => x.type === 'PARTNERS_WITH');
    expect(p?.properties).toMatchObject({ kind: 'mou', date: '2023-03-06' });
  });
});
