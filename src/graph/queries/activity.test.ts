import { describe, expect, it } from 'vitest';
import { daysBefore, monthsBefore, partnershipActivityQuery } from './activity.ts';

describe('partnership activity', () => {
  it.each([
    ['2026-12-03', 30, '2026-11-03'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2024-03-01', 1, '2024-02-29'],
  ])('counts days back from %s: %i days before is %s', (today, days, expected) => {
    expect(daysBefore(new Date(`${today}T12:00:00Z`), days)).toBe(expected);
  });

  it.each([
    ['2026-12-03', 12, '2025-12-03'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-15', 13, '2024-12-15'],
  ])('counts months back from %s: %i months before is %s', (today, months, expected) => {
    expect(monthsBefore(new Date(`${today}T00:00:00Z`), months)).toBe(expected);
  });

  it('keeps only current partnerships as dormant, and any as new', () => {
    expect(partnershipActivityQuery('dormant', '2025-01-01', 5).cypher).toContain("coalesce(r.status, 'active') = 'active' AND r.lastSeen < $day");
    expect(partnershipActivityQuery('new', '2025-01-01', 5).cypher).toContain('r.firstSeen >= $day');
    expect(partnershipActivityQuery('new', '2025-01-01', 5).params).toEqual({ day: '2025-01-01', top: 5 });
  });
});
