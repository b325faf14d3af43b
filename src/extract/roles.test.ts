import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

/** "person | title | organisation" for every HOLDS_ROLE in the text. */
function roles(text: string): string[] {
  const r = extract(text);
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name;
  return r.relations.filter((x) => x.type === 'HOLDS_ROLE').map((x) => `${name(x.source)} | ${x.properties.title} | ${name(x.target)}`);
}

describe('HOLDS_ROLE', () => {
  it.each([
    ['person, title of org', 'The talks were led by Dr. Salim M. Al Malik, Director-General of the Islamic World Educational, Scientific and Cultural Organization (ICESCO).',
      ['Salim M. Al Malik | Director-General | Islamic World Educational, Scientific and Cultural Organization']],
    ['person, org title', 'The African Academy of Sciences (AAS) hosted the meeting. Dr. Samuel Otieno, AAS Treasurer, opened it.',
      ['Samuel Otieno | Treasurer | African Academy of Sciences']],
    ['org title person', 'The King Abdulaziz University (KAU) team was led by KAU President Prof. Talal Hamza Al-Qahtani.',
      ['Talal Hamza Al-Qahtani | President | King Abdulaziz University']],
    ["org's title, person", "The Arab League Educational, Cultural and Scientific Organization (ALECSO) met. ALECSO's Director-General, Prof. Hisham Bennani, spoke.",
      ['Hisham Bennani | Director-General | Arab League Educational, Cultural and Scientific Organization']],
    ['title of org, person', 'He met the Rector of Baku State University, Prof. Farid Mammadli.',
      ['Farid Mammadli | Rector | Baku State University']],
    ['two roles joined by "and"', 'Prof. Matthias Beller, Vice President of the Leibniz Association and Executive Director of the Leibniz Institute for Catalysis (LIKAT), spoke.',
      ['Matthias Beller | Vice President | Leibniz Association', 'Matthias Beller | Executive Director | Leibniz Institute for Catalysis']],
    ['a relative clause adds a second role', 'Prof. Nor Aini binti Hassan, Vice-Chancellor of Universiti Sains Malaysia (USM), who also chairs the Association of Southeast Asian Institutions of Higher Learning (ASAIHL), spoke.',
      ['Nor Aini binti Hassan | Vice-Chancellor | Universiti Sains Malaysia', 'Nor Aini binti Hassan | Chair | Association of Southeast Asian Institutions of Higher Learning']],
    ['a minister belongs to the ministry of his remit', 'The Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan signed. H.E. Bekzod Tursunov, Minister of Higher Education, Science and Innovation of Uzbekistan, spoke.',
      ['Bekzod Tursunov | Minister of Higher Education, Science and Innovation | Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan']],
    ['a place-based qualifier before the organisation', 'Grace Atieno, founder of Kisumu-based Lakeside Fish Processors Ltd, said the loan would help.',
      ['Grace Atieno | founder | Lakeside Fish Processors Ltd']],
    ['a remit word that also names another body stays the remit', 'The project will be implemented by the Ministry of Fisheries, Maritime Affairs and Ports of Estonia. H.E. Mr. Jaan Tamm, Minister of Fisheries, Maritime Affairs and Ports, said the Ministry would act. It is run with the Baltic Fisheries Commission (BFC).',
      ['Jaan Tamm | Minister of Fisheries, Maritime Affairs and Ports | Ministry of Fisheries, Maritime Affairs and Ports of Estonia']],
    ['a lower-case description of one organisation', 'The camps have support from the UNESCO Regional Office for Southern Africa. The director of the regional office, Amadou Ba Sy, said the camps would be evaluated.',
      ['Amadou Ba Sy | director | UNESCO Regional Office for Southern Africa']],
    ['a posting\'s place between title and name', 'The letter was signed by UNDP Resident Representative in Peru Karin Solberg-Haddad. The UNDP office is in Lima.',
      ['Karin Solberg-Haddad | Resident Representative in Peru | UNDP']],
    ['a title right before the organisation, no "of"', 'Lakeside Bank Kenya lends to farmers. "Women own a third of firms," said the Chief Executive Lakeside Bank Kenya, Agnes Wanjiru.',
      ['Agnes Wanjiru | Chief Executive | Lakeside Bank']],
    ['a portfolio in brackets after the title', 'Deputy Vice-Chancellor (Academics and Research) of the University of Ibadan Professor Bolanle Adeyemi said the partnership would help.',
      ['Bolanle Adeyemi | Deputy Vice-Chancellor (Academics and Research) | University of Ibadan']],
    ['a minister heads the department of the remit', 'Tata Trusts signed an MoU with the Department of School Education and Sports. It was exchanged in the presence of Minister for School Education and Sports K. Ravi Hegde at the secretariat.',
      ['K. Ravi Hegde | Minister for School Education and Sports | Department of School Education and Sports']],
    ['an organisation named only in the role', 'Mr. Tariq Nasser, Chief Executive Officer of Levant Telecom, called for more training.',
      ['Tariq Nasser | Chief Executive Officer | Levant Telecom']],
    ['a title before the next person is not the previous person\'s', 'It was signed by IsDB President H.E. Dr. Faisal Al-Qurashi, ICESCO\'s Director-General Dr. Salim Al-Malik, and others. The Islamic Development Bank (IsDB) hosted it.',
      ['Faisal Al-Qurashi | President | Islamic Development Bank', "Salim Al-Malik | Director-General | ICESCO"]],
    ['a title after a person is not the next person\'s', "It was signed by Dr. Adoum Saleh, Executive Secretary of the Lake Chad Basin Commission, Prof. Hawa Abakar, Rector of the University of Maiduguri, and others.",
      ['Adoum Saleh | Executive Secretary | Lake Chad Basin Commission', 'Hawa Abakar | Rector | University of Maiduguri']],
    ['an acting title', 'Dr. Jane Roe, Acting Director of the Tokyo Institute of Technology, welcomed it.', ['Jane Roe | Acting Director | Tokyo Institute of Technology']],
  ])('reads %s', (_pattern, text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it('gives no role for a title without an organisation', () => {
    expect(roles('Prof. Ama Mensah, a chemist, said the results were promising.')).toEqual([]);
  });
});
