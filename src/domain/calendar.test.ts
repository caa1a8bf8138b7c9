import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.js';
import { dayNumber, type IsoDate } from './dates.js';
import { isoWeek, isoWeekOf, parsePeriod, periodsBetween } from './periods.js';

// China 2026 National Day: holidays 10-01..10-07 (Thu..Wed), worked Sunday 2026-09-27 and Saturday 2026-10-10.
const cal = new WorkCalendar({
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  extra_workdays: new Set(['2026-09-27', '2026-10-10']),
  day_start: 9 * 60,
  day_end: 18 * 60,
});
const D = (s: string) => s as IsoDate;
const at = (d: string, hh: number, mm = 0) => dayNumber(d) * 1440 + hh * 60 + mm;

describe('working calendar', () => {
  it('knows workdays, holidays and adjusted weekends', () => {
    expect(cal.isWorkday('2026-11-16')).toBe(true); // Monday
    expect(cal.isWorkday('2026-11-21')).toBe(false); // Saturday
    expect(cal.isWorkday('2026-10-01')).toBe(false); // holiday
    expect(cal.isWorkday('2026-09-27')).toBe(true); // worked Sunday
  });
  it('adds working days forwards and backwards across a holiday', () => {
    expect(cal.addWorkdays(D('2026-11-13'), 1)).toBe('2026-11-16'); // Fri + 1 = Mon
    // Back 3 working days from Fri 2026-10-09: Thu 10-08, (10-07..10-03 off), Wed 09-30, Tue 09-29
    expect(cal.addWorkdays(D('2026-10-09'), -3)).toBe('2026-09-29');
    // Forward 2 from Wed 2026-09-30: (10-01..10-07 off; 10-03/04 weekend), Thu 10-08, Fri 10-09
    expect(cal.addWorkdays(D('2026-09-30'), 2)).toBe('2026-10-09');
    // Sat 10-10 is worked: 3 working days after Wed 09-30 is Sat 10-10
    expect(cal.addWorkdays(D('2026-09-30'), 3)).toBe('2026-10-10');
    expect(cal.addWorkdays(D('2026-11-21'), 0)).toBe('2026-11-20'); // Saturday → Friday before
    expect(cal.workdaysBetween(D('2026-11-13'), D('2026-11-20'))).toBe(5);
  });
  it('counts business minutes across a weekend', () => {
    // Fri 17:00 → Mon 10:30 = 60 min Friday + 90 min Monday
    expect(cal.businessMinutes(at('2026-11-13', 17), at('2026-11-16', 10, 30))).toBe(150);
    // before opening and after closing on one day = the whole day (540 min)
    expect(cal.businessMinutes(at('2026-11-16', 7), at('2026-11-16', 20))).toBe(540);
    // 4 business hours from Fri 16:00 → Mon 11:00
    expect(cal.addBusinessMinutes(at('2026-11-13', 16), 240)).toBe(at('2026-11-16', 11));
  });
});

describe('periods', () => {
  it('parses every kind', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', name: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', name: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', name: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-13')).toBeNull();
  });
  it('ISO weeks', () => {
    // 2026-01-01 is a Thursday, so week 1 starts Monday 2025-12-29
    expect(isoWeek(2026, 1)!.start).toBe('2025-12-29');
    expect(isoWeekOf(D('2026-11-16')).name).toBe('2026-W47');
    expect(isoWeekOf(D('2027-01-01')).name).toBe('2026-W53'); // 2026 has 53 weeks (starts on Thursday)
    expect(isoWeek(2025, 53)).toBeNull(); // 2025 has 52
  });
  it('periodsBetween covers the range', () => {
    expect(periodsBetween('quarter', D('2026-02-10'), D('2026-08-01')).map((p) => p.name)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
});
