import { describe, expect, it } from 'vitest';
import { isAcronym, linesOf, splitSentences, tokenize } from './text.ts';

function sentences(text: string): string[] {
  return splitSentences(text, linesOf(text), null).map((s) => s.text);
}

describe('splitSentences', () => {
  it.each([
    ['Dr. Salim M. AlMalik met Prof. Kleiner. They agreed.', ['Dr. Salim M. AlMalik met Prof. Kleiner.', 'They agreed.']],
    ['H.E. Mr. Karim Benjelloun signed. The Ministry agreed.', ['H.E. Mr. Karim Benjelloun signed.', 'The Ministry agreed.']],
    ['"We agree," he said. "So do we."', ['"We agree," he said.', '"So do we."']],
    ['It ended its deal with Northwind Analytics Ltd. The company regretted it.', ['It ended its deal with Northwind Analytics Ltd.', 'The company regretted it.']],
    ['First paragraph\nSecond paragraph.', ['First paragraph', 'Second paragraph.']],
    ['The joint Ph.D. program between ICESCO and LIKAT was discussed.', ['The joint Ph.D. program between ICESCO and LIKAT was discussed.']],
  ])('splits %j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('keeps offsets into the text', () => {
    const text = '  Intro line.\n\n   Second line here.';
    for (const s of splitSentences(text, linesOf(text), null)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts run-on text into bounded pieces', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSentences(text, linesOf(text), null);
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((s) => s.tokens.length))).toBeLessThanOrEqual(300);
  });
});

describe('tokenize', () => {
  it.each([
    ['ICESCO’s team', ['ICESCO', '’s', 'team']],
    ['Dr.-Ing. Stefan Krämer', ['Dr.-Ing.', 'Stefan', 'Krämer']],
    ['the Helios–TUM Storage Lab', ['the', 'Helios–TUM', 'Storage', 'Lab']],
    ['AMMAN — Jordan', ['AMMAN', '—', 'Jordan']],
  ])('tokenizes %j', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });
});

describe('isAcronym', () => {
  it.each([['ICESCO', true], ['IsDB', true], ['AArU', true], ['IISc', true], ['AUDA-NEPAD', true], ['Leibniz', false], ['McDonald', false], ['I', false]])(
    'says %s is an acronym: %s',
    (word, expected) => {
      expect(isAcronym(word)).toBe(expected);
    },
  );
});
