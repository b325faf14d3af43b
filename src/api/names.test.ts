import { describe, expect, it } from 'vitest';
import type { EntityRow } from '../graph/queries/common.ts';
import { lookupKeys, lookupWord, pickByWord } from './names.ts';

const org = (id: string, name: string, aliases: string[] = []): EntityRow => ({ id, name, aliases, label: 'Organization' });
const person = (id: string, name: string, aliases: string[] = []): EntityRow => ({ id, name, aliases, label: 'Person' });

const LEIBNIZ = org('org-leibniz-association', 'Leibniz Association', ['Leibniz Association Germany']);
const LIKAT = org('org-likat', 'Leibniz Institute for Catalysis', ['LIKAT', 'Leibniz Institute']);

describe('lookup keys and word', () => {
  it('tries the name as written, then without honorifics, then a person\'s identity forms', () => {
    expect(lookupKeys(['Person'], 'Dr. Salim M. Al Malik')).toEqual(['Person|dr salim m al malik', 'Person|salim m al malik', 'Person|salim almalik']);
    expect(lookupKeys(['Organization', 'Person'], 'ICESCO')).toEqual(['Organization|icesco', 'Person|icesco']);
  });

  it('looks for one word only when the name has one distinctive word', () => {
    expect(lookupWord(['Organization'], 'leibniz')).toBe('leibniz');
    expect(lookupWord(['Organization'], 'Porto University')).toBe('porto');
    expect(lookupWord(['Organization'], 'Leibniz Institute for Catalysis')).toBeNull();
    expect(lookupWord(['Person'], 'Prof. Kleiner')).toBe('kleiner');
  });
});

describe('pickByWord', () => {
  it('prefers the entity whose name has the word as its only distinctive word', () => {
    expect(pickByWord({ wordMatches: [LIKAT, LEIBNIZ] }, 'leibniz', 'leibniz')).toEqual({ found: LEIBNIZ, ambiguous: [] });
  });

  it('falls back to the one entity that has the word at all', () => {
    expect(pickByWord({ wordMatches: [LIKAT] }, 'catalysis', 'catalysis').found).toBe(LIKAT);
  });

  it('needs every other word of the name in the candidate', () => {
    const porto = org('org-up', 'University of Porto', ['UP']);
    expect(pickByWord({ wordMatches: [porto] }, 'porto', 'Porto university').found).toBe(porto);
    expect(pickByWord({ wordMatches: [porto] }, 'porto', 'Porto ministry').found).toBeNull();
  });

  it('reports every candidate when several fit equally', () => {
    const a = person('person-matthias-kleiner', 'Matthias Kleiner');
    const b = person('person-matthias-beller', 'Matthias Beller');
    expect(pickByWord({ wordMatches: [a, b] }, 'matthias', 'Matthias')).toEqual({ found: null, ambiguous: [a, b] });
  });
});
