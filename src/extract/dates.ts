/**
 * Date expressions: absolute ("22 January 2021", "March 7, 2023", "14.06.2023"),
 * partial ("January 21", "on 20 June") and relative ("yesterday", "last Tuesday",
 * "this morning"), resolved against the publication date.
 */
import { MONTHS, WEEKDAYS } from './gazetteers.ts';

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD when resolvable, else null (a bare month, a year). */
  iso: string | null;
  /** 'absolute' | 'partial' | 'relative' */
  kind: 'absolute' | 'partial' | 'relative';
}

const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const DAY_ALT = WEEKDAYS.join('|');

interface DateRule {
  re: RegExp;
  reason: string;
  /** Example the rule exists for. */
  example: string;
  parse: (m: RegExpExecArray, ref: string | null) => string | null;
  kind: DateMention['kind'];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds YYYY-MM-DD, or null when the parts do not form a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

const month = (name: string | undefined) => MONTHS.get((name ?? '').toLowerCase().replace(/\.$/, '')) ?? 0;

/** Year for a day and month given without one: the publication year. */
function withRefYear(monthNo: number, day: number, ref: string | null): string | null {
  if (!ref) return null;
  return isoDate(Number(ref.slice(0, 4)), monthNo, day);
}

/** Most recent `weekday` on or before the reference date ("last" forces strictly before). */
function previousWeekday(ref: string, weekday: number, strict: boolean): string {
  const diff = (weekdayOf(ref) - weekday + 7) % 7;
  return addDays(ref, diff === 0 && strict ? -7 : -diff);
}

export const DATE_RULES: readonly DateRule[] = [
  {
    reason: 'iso-date',
    example: '2023-09-19',
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    kind: 'absolute',
    parse: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    reason: 'numeric-day-first',
    example: '14.06.2023 or 16/02/2024',
    re: /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g,
    kind: 'absolute',
    parse: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // Day first unless the second number cannot be a month.
      return b > 12 ? isoDate(Number(m[3]), a, b) : isoDate(Number(m[3]), b, a);
    },
  },
  {
    reason: 'day-range-month-year',
    example: 'from 22 to 28 April 2024 (the start date)',
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to)\\s*\\d{1,2}(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    kind: 'absolute',
    parse: (m) => isoDate(Number(m[3]), month(m[2]), Number(m[1])),
  },
  {
    reason: 'day-month-year',
    example: '22 January 2021, 24th May 2024, 9 Nov. 2023',
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    kind: 'absolute',
    parse: (m) => isoDate(Number(m[3]), month(m[2]), Number(m[1])),
  },
  {
    reason: 'month-day-year',
    example: 'March 7, 2023 or Jun 22, 2023',
    re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    kind: 'absolute',
    parse: (m) => isoDate(Number(m[3]), month(m[1]), Number(m[2])),
  },
  {
    reason: 'day-month',
    example: 'on 20 June',
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\b(?!\\.?,?\\s+\\d{4})`, 'gi'),
    kind: 'partial',
    parse: (m, ref) => withRefYear(month(m[2]), Number(m[1]), ref),
  },
  {
    reason: 'month-day',
    example: 'yesterday, January 21',
    re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4})(?!\\d)`, 'gi'),
    kind: 'partial',
    parse: (m, ref) => withRefYear(month(m[1]), Number(m[2]), ref),
  },
  {
    reason: 'yesterday',
    example: 'held yesterday a virtual working session',
    re: /\byesterday\b/gi,
    kind: 'relative',
    parse: (_m, ref) => (ref ? addDays(ref, -1) : null),
  },
  {
    reason: 'today',
    example: 'signed today / this morning at ICESCO headquarters',
    re: /\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b/gi,
    kind: 'relative',
    parse: (_m, ref) => ref,
  },
  {
    reason: 'last-weekday',
    example: 'signed a partnership agreement last Tuesday',
    re: new RegExp(`\\blast\\s+(${DAY_ALT})\\b`, 'gi'),
    kind: 'relative',
    parse: (m, ref) => (ref ? previousWeekday(ref, WEEKDAYS.indexOf((m[1] ?? '').toLowerCase()), true) : null),
  },
  {
    reason: 'on-weekday',
    example: 'was signed on Monday in Sfax',
    re: new RegExp(`\\b(?:on|this|from)\\s+(${DAY_ALT})\\b(?!\\s*\\(?\\s*(?:\\d|${MONTH_ALT}))`, 'gi'),
    kind: 'relative',
    parse: (m, ref) => (ref ? previousWeekday(ref, WEEKDAYS.indexOf((m[1] ?? '').toLowerCase()), false) : null),
  },
];

/** All date mentions in text[from, to), earliest first, overlapping matches dropped. */
export function findDates(text: string, ref: string | null, from = 0, to = text.length): DateMention[] {
  const slice = text.slice(from, to);
  const found: DateMention[] = [];
  for (const rule of DATE_RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(slice)) !== null) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end, iso: rule.parse(m, ref), kind: rule.kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A line that is only a date with a place or label around it ("Rabat, 2 November 2022"). */
export function dateLine(text: string, start: number, end: number): string | null {
  if (end - start > 80) return null;
  const dates = findDates(text, null, start, end).filter((d) => d.kind === 'absolute' && d.iso);
  const first = dates[0];
  if (!first) return null;
  const rest = (text.slice(start, first.start) + text.slice(first.end, end)).replace(/[^\p{L}]+/gu, ' ').trim();
  return rest.split(' ').filter(Boolean).length <= 5 ? first.iso : null;
}
