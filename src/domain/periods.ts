/**
 * Reporting periods: a day, ISO week, month, quarter or year, written
 * "2026-11-16", "2026-W47", "2026-11", "2026-Q4", "2026". Each is a closed
 * date range [start, end].
 */
import { addDays, daysInMonth, dayNumber, fromDayNumber, weekday, ymd, type IsoDate } from './dates.js';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  /** Canonical name, e.g. "2026-Q4". */
  readonly name: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return yearOf(Number(m[1]));
  if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(t))) return quarterOf(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthOf(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-?W(\d{2})$/.exec(t))) return isoWeek(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) return null;
    return { kind: 'day', name: d, start: d, end: d };
  }
  return null;
}

export function yearOf(y: number): Period {
  return { kind: 'year', name: String(y), start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
}

export function quarterOf(y: number, q: number): Period {
  const m0 = (q - 1) * 3 + 1;
  return { kind: 'quarter', name: `${y}-Q${q}`, start: ymd(y, m0, 1), end: ymd(y, m0 + 2, daysInMonth(y, m0 + 2)) };
}

export function monthOf(y: number, m: number): Period {
  return { kind: 'month', name: `${y}-${String(m).padStart(2, '0')}`, start: ymd(y, m, 1), end: ymd(y, m, daysInMonth(y, m)) };
}

/** ISO week: weeks start Monday; week 1 contains the year's first Thursday. */
export function isoWeek(y: number, w: number): Period | null {
  const jan4 = ymd(y, 1, 4);
  const week1Monday = dayNumber(jan4) - weekday(jan4);
  const start = fromDayNumber(week1Monday + (w - 1) * 7);
  // reject week 53 in years that have only 52
  if (w === 53 && isoWeekOf(start).name !== `${y}-W53`) return null;
  if (w < 1 || w > 53) return null;
  return { kind: 'week', name: `${y}-W${String(w).padStart(2, '0')}`, start, end: addDays(start, 6) };
}

/** The ISO week containing a date. */
export function isoWeekOf(d: IsoDate): Period {
  const thursday = fromDayNumber(dayNumber(d) - weekday(d) + 3);
  const y = Number(thursday.slice(0, 4));
  const jan4 = ymd(y, 1, 4);
  const w = Math.floor((dayNumber(d) - weekday(d) - (dayNumber(jan4) - weekday(jan4))) / 7) + 1;
  const start = fromDayNumber(dayNumber(d) - weekday(d));
  return { kind: 'week', name: `${y}-W${String(w).padStart(2, '0')}`, start, end: addDays(start, 6) };
}

/** The period of a kind that contains a date. */
export function periodOf(kind: PeriodKind, d: IsoDate): Period {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  switch (kind) {
    case 'day':
      return { kind, name: d, start: d, end: d };
    case 'week':
      return isoWeekOf(d);
    case 'month':
      return monthOf(y, m);
    case 'quarter':
      return quarterOf(y, Math.floor((m - 1) / 3) + 1);
    case 'year':
      return yearOf(y);
  }
}

/** The period right after p, of the same kind. */
export function nextPeriod(p: Period): Period {
  return periodOf(p.kind, addDays(p.end, 1));
}

/** The period right before p, of the same kind. */
export function previousPeriod(p: Period): Period {
  return periodOf(p.kind, addDays(p.start, -1));
}

/** Consecutive periods of a kind covering [from, to]. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(kind, from); p.start <= to; p = nextPeriod(p)) out.push(p);
  return out;
}
