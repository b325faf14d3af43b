import { describe, expect, it } from 'vitest';
import { abbreviates } from './analyze.ts';

describe('abbreviates', () => {
  it('reads initials, mixed-case syllables and capitalised word beginnings', () => {
    expect(abbreviates('AU', 'African Union')).toBe(true);
    expect(abbreviates('KazNU', 'Kazakh National University')).toBe(true);
    expect(abbreviates('UNIBEN', 'University of Benin')).toBe(true);
    expect(abbreviates('UNILAG', 'University of Lagos')).toBe(true);
  });

  it('needs every word and every letter', () => {
    expect(abbreviates('UNIBEN', 'University of Lagos')).toBe(false);
    expect(abbreviates('UNIBENX', 'University of Benin')).toBe(false);
    expect(abbreviates('UNIB', 'University of Benin City')).toBe(false);
  });
});
