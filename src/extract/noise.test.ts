import { describe, expect, it } from 'vitest';
import { isNonOrgAcronym } from './noise.ts';
import { tokenize } from './text.ts';

/** Is the acronym `word` in `sentence` set aside as no organisation? */
function nonOrg(sentence: string, word: string): boolean {
  const tokens = tokenize(sentence);
  return isNonOrgAcronym(tokens, tokens.findIndex((t) => t.text === word));
}

describe('acronyms that name no organisation', () => {
  it('sets aside news agency tags after a date, after a sentence and at the end of a line', () => {
    expect(nonOrg('Pune [India], May 3 (PTI): Two universities signed an agreement.', 'PTI')).toBe(true);
    expect(nonOrg('The labs open in June. (PTI)', 'PTI')).toBe(true);
    expect(nonOrg('The agreement runs for five years. — PTI', 'PTI')).toBe(true);
  });

  it('sets aside rankings and tests', () => {
    expect(nonOrg('The university rose in the QS rankings this year.', 'QS')).toBe(true);
    expect(nonOrg('Candidates sit the TOEFL test in May.', 'TOEFL')).toBe(true);
  });

  it('keeps an organisation in brackets or before other nouns', () => {
    expect(nonOrg('The agreement with the Kenya Institute (KICD) was signed.', 'KICD')).toBe(false);
    expect(nonOrg('Courses follow the AICTE model curriculum.', 'AICTE')).toBe(false);
    expect(nonOrg('The agreement was signed by UNICEF and the ministry.', 'UNICEF')).toBe(false);
  });
});
