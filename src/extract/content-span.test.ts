import { describe, expect, it } from 'vitest';
import { findContent, isChromeLine } from './content-span.ts';

describe('isChromeLine', () => {
  it.each([
    'Disclaimer: You are using Google Translate. The ICESCO is not responsible for the accuracy of the information in the translated language .',
    'Overall, how satisfied are you about the website?',
    'Extremely dissatisfied Extremely satisfied',
    'This website uses cookies to improve your browsing experience. By continuing, you accept our cookie policy.',
    'Skip to main content',
    'Home › Media Centre › News',
    'Share: Facebook | X | LinkedIn | WhatsApp',
    '© 2023 All rights reserved.',
    'Menu   |   About   |   Programmes   |   Fellowships   |   Newsroom   |   Contact',
    'EN | DE',
    'A-  A  A+',
    'Also read: University of Lagos and UCL open a joint laboratory',
  ])('treats "%s" as chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'The Max Planck Society (MPG) and the Indian Institute of Science (IISc) have launched a partner group.',
    'Press contact: Lena Fischer, Head of Corporate Communications, Helios Grid Systems GmbH, presse@heliosgrid.example',
    'Related research on coastal erosion will continue in 2025.',
  ])('keeps the content line "%s"', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

const PAGE = [
  'Disclaimer: You are using Google Translate.',
  '',
  'User Feedback',
  '',
  '    ICESCO and the Leibniz Association Discuss Cooperation',
  '',
  '    22 January 2021',
  '',
  '    The two organisations met yesterday.',
  '',
  '    Latest articles',
  '',
  '    ICESCO and the World Bank Sign an Agreement',
].join('\n');

describe('findContent', () => {
  it('finds the headline above the date line and the publication date', () => {
    const c = findContent(PAGE);
    expect(c.headline && PAGE.slice(c.headline.start, c.headline.end)).toBe('ICESCO and the Leibniz Association Discuss Cooperation');
    expect(c.publishedAt).toBe('2021-01-22');
  });

  it('ends the article at a "Latest articles" list, so the list names nothing', () => {
    const c = findContent(PAGE);
    const kept = c.lines.map((l) => PAGE.slice(l.start, l.end));
    expect(kept).toEqual(['ICESCO and the Leibniz Association Discuss Cooperation', 'The two organisations met yesterday.']);
  });

  it('keeps offsets into the original text', () => {
    const c = findContent(PAGE);
    expect(PAGE.slice(c.start, c.start + 6)).toBe('ICESCO');
  });

  it('does not call a lone sentence a headline', () => {
    expect(findContent('The University of Ghana signed an agreement with the World Bank.').headline).toBeNull();
  });
});
