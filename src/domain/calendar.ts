/**
 * The working calendar: which days are worked (weekdays minus holidays plus
 * adjusted working weekends), working-day arithmetic for lead times, and
 * business-minute arithmetic for SLA clocks. Pure; built from bizctl.yaml.
 */
import { addDays, dayNumber, fromDayNumber, weekday, type IsoDate } from './dates.js';

export interface CalendarSpec {
  /** 'mon' … 'sun' */
  readonly workdays: readonly string[];
  readonly holidays: ReadonlySet<string>;
  readonly extra_workdays: ReadonlySet<string>;
  /** Business hours, minutes after midnight. */
  readonly day_start: number;
  readonly day_end: number;
}

const NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export class WorkCalendar {
  private readonly weekMask: boolean[];
  constructor(readonly spec: CalendarSpec) {
    this.weekMask = NAMES.map((n) => spec.workdays.includes(n));
    if (!this.weekMask.some(Boolean) && spec.extra_workdays.size === 0) throw new RangeError('a calendar needs at least one working weekday');
  }

  isWorkday(d: IsoDate | string): boolean {
    if (this.spec.extra_workdays.has(d)) return true;
    if (this.spec.holidays.has(d)) return false;
    return this.weekMask[weekday(d)]!;
  }

  /**
   * Move n working days from d (n < 0: backwards). Counting starts at the
   * next (previous) working day, so addWorkdays(fri, 1) = mon. n = 0 returns
   * d itself if it is a working day, else the previous working day (a due date
   * that falls on a holiday is planned on the working day before).
   */
  addWorkdays(d: IsoDate, n: number): IsoDate {
    let day = dayNumber(d);
    if (n === 0) {
      while (!this.isWorkday(fromDayNumber(day))) day--;
      return fromDayNumber(day);
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkday(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days in (a, b]: how many working days after a up to and including b (negative if b < a). */
  workdaysBetween(a: IsoDate, b: IsoDate): number {
    if (b < a) return -this.workdaysBetween(b, a);
    let n = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }

  /**
   * Business minutes between two instants (minutes since the epoch), counting
   * only working days between day_start and day_end. 0 if to ≤ from.
   */
  businessMinutes(from: number, to: number): number {
    if (to <= from) return 0;
    const { day_start: s, day_end: e } = this.spec;
    let total = 0;
    const firstDay = Math.floor(from / 1440);
    const lastDay = Math.floor(to / 1440);
    for (let day = firstDay; day <= lastDay; day++) {
      if (!this.isWorkday(fromDayNumber(day))) continue;
      const open = day * 1440 + s;
      const close = day * 1440 + e;
      const a = Math.max(open, from);
      const b = Math.min(close, to);
      if (b > a) total += b - a;
    }
    return total;
  }

  /** The instant `minutes` business minutes after `from`. */
  addBusinessMinutes(from: number, minutes: number): number {
    const { day_start: s, day_end: e } = this.spec;
    let left = minutes;
    let day = Math.floor(from / 1440);
    let t = from;
    for (let guard = 0; guard < 100000; guard++, day++) {
      if (this.isWorkday(fromDayNumber(day))) {
        const open = day * 1440 + s;
        const close = day * 1440 + e;
        const a = Math.max(open, t);
        if (a < close) {
          if (a + left <= close) return a + left;
          left -= close - a;
        }
      }
      t = (day + 1) * 1440;
    }
    throw new RangeError('addBusinessMinutes did not finish');
  }
}
