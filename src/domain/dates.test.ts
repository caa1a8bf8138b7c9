import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, diffDays, fromDayNumber, parseDate, parseDateTime, weekday, type IsoDate } from './dates.js';

describe('dates', () => {
  it('parses strict calendar dates', () => {
    expect(parseDate('2026-10-03')).toBe('2026-10-03');
    expect(parseDate('2026/1/3')).toBe('2026-01-03');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2026-02-29')).toBeNull(); // 2026 is not a leap year
    expect(parseDate('1900-02-29')).toBeNull(); // divisible by 100, not by 400
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-04-31')).toBeNull();
    expect(parseDate('03.10.2026')).toBeNull();
  });
  it('day numbers match the Unix epoch', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 2000-03-01: 30 years (7 leap days 1972..1996, +1 for 2000-02-29) → 10957 + 31 + 29 = 11017
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
  });
  it('round-trips every day over several years', () => {
    let d = '2023-12-25' as IsoDate;
    for (let i = 0; i < 1200; i++) {
      const n = addDays(d, 1);
      expect(dayNumber(n) - dayNumber(d)).toBe(1);
      expect(fromDayNumber(dayNumber(n))).toBe(n);
      d = n;
    }
  });
  it('weekday is ISO (Mon = 0)', () => {
    expect(weekday('2026-11-16')).toBe(0); // a Monday
    expect(weekday('2026-11-22')).toBe(6); // a Sunday
    expect(weekday('1970-01-01')).toBe(3); // a Thursday
  });
  it('differences and months', () => {
    expect(diffDays('2026-11-16', '2026-10-17')).toBe(30);
    expect(addMonths('2026-01-31' as IsoDate, 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15' as IsoDate, -12)).toBe('2025-11-15');
  });
  it('date-times', () => {
    expect(parseDateTime('2026-11-16 09:30')!.minutes - dayNumber('2026-11-16') * 1440).toBe(570);
    expect(parseDateTime('2026-11-16 24:00')).toBeNull();
    expect(parseDateTime('2026-11-16')!.minutes).toBe(dayNumber('2026-11-16') * 1440);
  });
});
