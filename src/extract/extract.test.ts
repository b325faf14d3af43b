import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import type { ExtractionResult } from './types.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/dev/docs');
const read = (id: string) => readFileSync(path.join(FIXTURES, `${id}.txt`), 'utf8');
const ALL = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));

function entity(r: ExtractionResult, type: string, name: string) {
  return r.entities.find((e) => e.type === type && (e.name === name || e.aliases.includes(name)));
}
function related(r: ExtractionResult, type: string, a: string, b: string) {
  return r.relations.filter((x) => x.type === type && x.source === a && x.target === b);
}

describe('extract on the ICESCO–Leibniz article', () => {
  const r = extract(read('icesco-leibniz-2021-01-22'), { id: 'icesco-leibniz-2021-01-22' });
  const icesco = entity(r, 'Organization', 'ICESCO');
  const leibniz = entity(r, 'Organization', 'Leibniz Association');
  const likat = entity(r, 'Organization', 'LIKAT');
  const almalik = entity(r, 'Person', 'Salim M. AlMalik');

  it('detects the title and the publication date under the headline', () => {
    expect(r.document).toEqual({ id: 'icesco-leibniz-2021-01-22', title: 'ICESCO and Leibniz Association Germany Discuss Cooperation Opportunities', publishedAt: '2021-01-22' });
  });

  it('finds ICESCO under its full name with the acronym as alias', () => {
    expect(icesco?.name).toBe('Islamic World Educational, Scientific, and Cultural Organization');
    expect(icesco?.aliases).toContain('ICESCO');
  });

  it('merges the variants of AlMalik and gives him the Director-General role at ICESCO', () => {
    expect(almalik?.aliases).toEqual(expect.arrayContaining(['Al-Malik']));
    expect(r.entities.filter((e) => e.type === 'Person' && /Malik/.test(e.name))).toHaveLength(1);
    expect(related(r, 'HOLDS_ROLE', almalik!.id, icesco!.id)[0]?.properties.title).toBe('Director-General');
  });

  it('makes LIKAT part of the Leibniz Association', () => {
    expect(related(r, 'PART_OF', likat!.id, leibniz!.id)).toHaveLength(1);
  });

  it('dates the ICESCO–Leibniz meeting to "yesterday, January 21"', () => {
    const p = r.relations.find((x) => x.type === 'PARTNERS_WITH' && [x.source, x.target].sort().join() === [icesco!.id, leibniz!.id].sort().join() && x.properties.kind === 'meeting');
    expect(p?.properties.date).toBe('2021-01-21');
  });

  it('takes nothing from the translation disclaimer and feedback widget', () => {
    const chromeEnd = read('icesco-leibniz-2021-01-22').indexOf('ICESCO and Leibniz Association Germany Discuss');
    for (const rel of r.relations) for (const ev of rel.evidence) expect(ev.start).toBeGreaterThanOrEqual(chromeEnd);
    expect(r.entities.map((e) => e.name)).not.toContain('Google Translate');
  });

  it('counts Germany, named as a qualifier of the Leibniz Association', () => {
    expect(entity(r, 'Country', 'Germany')).toBeDefined();
  });
});

describe('extract on web pages with traps in their lists', () => {
  it.each([
    ['dev08-audanepad-aas', 'ICESCO'],
    ['dev23-anqahe-forum', 'ENQA'],
  ])('ignores the organisations of the related-news list in %s', (id, trap) => {
    const r = extract(read(id));
    const text = read(id);
    const listStart = text.search(/Related news|Latest articles/);
    for (const rel of r.relations) for (const ev of rel.evidence) expect(ev.end).toBeLessThanOrEqual(listStart);
    if (trap === 'ICESCO') expect(entity(r, 'Organization', trap)).toBeUndefined();
    else expect(r.relations.filter((x) => x.type === 'PARTNERS_WITH' && x.properties.status === undefined)).toEqual([]);
  });
});

describe('extract on every fixture', () => {
  it.each(ALL)('keeps evidence offsets into the text as given (%s)', (id) => {
    const text = read(id);
    const r = extract(text, { id });
    for (const rel of r.relations) {
      expect(rel.evidence.length).toBeGreaterThan(0);
      for (const ev of rel.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });

  it.each(ALL)('is deterministic, with ids in order of first mention (%s)', (id) => {
    const text = read(id);
    const a = JSON.stringify(extract(text));
    expect(JSON.stringify(extract(text))).toBe(a);
    const r = extract(text);
    expect(r.entities.map((e) => e.id)).toEqual(r.entities.map((_, i) => `e${i + 1}`));
    const ids = new Set(r.entities.map((e) => e.id));
    for (const rel of r.relations) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
  });
});

describe('extract options and odd input', () => {
  it('uses the options over what it detects', () => {
    const r = extract(read('dev01-sfax-laval-mou'), { id: 'x', title: 'T', publishedAt: '2020-01-01', url: 'https://example.org/a' });
    expect(r.document).toEqual({ id: 'x', title: 'T', publishedAt: '2020-01-01', url: 'https://example.org/a' });
  });

  it('gives a short stable hash as id when none is given', () => {
    expect(extract('Some text.').document.id).toMatch(/^[0-9a-f]{16}$/);
    expect(extract('Some text.').document.id).toBe(extract('Some text.').document.id);
  });

  it.each([[''], ['   \n  '], ['no capital letters at all here'], ['(((( ]]] —— ""'], ['A'.repeat(5000)]])('returns an empty result for %j', (text) => {
    const r = extract(text);
    expect(r.relations).toEqual([]);
  });
});
