import { describe, expect, it } from 'vitest';
import { findNameSpans } from './org-names.ts';
import { tokenize } from './text.ts';
import { textOf } from './titles.ts';

function names(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return findNameSpans(tokens).map((s) => `${s.kind}:${textOf(tokens, s.i, s.j)}${s.acronym ? ` (${s.acronym})` : ''}`);
}

describe('findNameSpans', () => {
  it.each([
    ['The Islamic World Educational, Scientific and Cultural Organization (ICESCO) held a session.', ['Organization:Islamic World Educational, Scientific and Cultural Organization (ICESCO)']],
    ['The Islamic World Educational, Scientific, and Cultural Organization (ICESCO) met.', ['Organization:Islamic World Educational, Scientific, and Cultural Organization (ICESCO)']],
    ['The Food and Agriculture Organization of the United Nations (FAO) and UNICEF launched it.', ['Organization:Food and Agriculture Organization of the United Nations (FAO)']],
    ['the Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan signed', ['Organization:Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan']],
    ['ICESCO, the Ministry of National Education, Preschool and Sports of the Kingdom of Morocco and Mohammed VI Polytechnic University (UM6P) signed', ['Organization:Ministry of National Education, Preschool and Sports of the Kingdom of Morocco', 'Organization:Mohammed VI Polytechnic University (UM6P)']],
    ['The University of Sfax and Université Laval have turned contacts into a partnership.', ['Organization:University of Sfax', 'Organization:Université Laval']],
    ['Université Gaston Berger (UGB) has become a full member of the Agence universitaire de la Francophonie (AUF).', ['Organization:Université Gaston Berger (UGB)', 'Organization:Agence universitaire de la Francophonie (AUF)']],
    ['The Alexander von Humboldt Foundation and South Africa\'s Council for Scientific and Industrial Research (CSIR) signed.', ['Organization:Alexander von Humboldt Foundation', 'Organization:Council for Scientific and Industrial Research (CSIR)']],
    ['a memorandum between Al-Farabi Kazakh National University and the National University of Uzbekistan named after Mirzo Ulugbek, which', ['Organization:Al-Farabi Kazakh National University', 'Organization:National University of Uzbekistan named after Mirzo Ulugbek']],
    ['the Institute of Arab Manuscripts in Cairo will lead the work', ['Organization:Institute of Arab Manuscripts']],
    ['the Ashoka Trust for Research in Ecology and the Environment (ATREE) in Bengaluru', ['Organization:Ashoka Trust for Research in Ecology and the Environment (ATREE)']],
    ['Fraunhofer ISE is one of 76 institutes of the Fraunhofer-Gesellschaft, Europe\'s largest organisation', ['Organization:Fraunhofer-Gesellschaft']],
    ['Helios Grid Systems GmbH and the Technical University of Munich (TUM) signed', ['Organization:Helios Grid Systems GmbH', 'Organization:Technical University of Munich (TUM)']],
    ['the World Food Programme (WFP) and UNICEF', ['Organization:World Food Programme (WFP)']],
    ['through a new Silk Road Academic Mobility Programme, starting in 2023', ['Programme:Silk Road Academic Mobility Programme']],
    ['to participate in the 7th Congress on World and Traditional Religions, due to be held', ['Event:7th Congress on World and Traditional Religions']],
    ['the Oswaldo Cruz Foundation (Fiocruz) in Brazil', ['Organization:Oswaldo Cruz Foundation (Fiocruz)']],
    ['The Bill & Melinda Gates Foundation welcomed it.', ['Organization:Bill & Melinda Gates Foundation']],
    ["The United Nations Children's Fund (UNICEF) signed.", ["Organization:United Nations Children's Fund (UNICEF)"]],
    ['the Ministry of Education, Culture, Research and Technology of Indonesia', ['Organization:Ministry of Education, Culture, Research and Technology of Indonesia']],
    ['The University of Tokyo and Sony Group will launch a lab.', ['Organization:University of Tokyo', 'Organization:Sony Group']],
    ['the Max Planck Partner Group on quantum materials', ['Programme:Max Planck Partner Group']],
    // Past its complement, "and the" and words with a complement of their own start a second name (here one without a known head).
    ['The Polytechnic University of Accra and the Ghana Chamber of Mines signed.', ['Organization:Polytechnic University of Accra']],
    // Heads of public bodies: an institution, a guild, a court.
    ['The Polytechnic University of Accra and the Ghana Institution of Engineering signed an agreement.', ['Organization:Polytechnic University of Accra', 'Organization:Ghana Institution of Engineering']],
    ['the Smithsonian Institution and the Nairobi Guild of Architects', ['Organization:Smithsonian Institution', 'Organization:Nairobi Guild of Architects']],
    ['judges of the East African Court of Justice met the Arbitration Tribunal of Kigali', ['Organization:East African Court of Justice', 'Organization:Arbitration Tribunal of Kigali']],
  ])('finds the names in "%s"', (sentence, expected) => {
    expect(names(sentence)).toEqual(expected);
  });

  it('does not take a bare head noun for a name ("the Ministry" is coreference)', () => {
    expect(names('ICESCO and the Ministry agreed to strengthen the partnership.')).toEqual([]);
  });
});
