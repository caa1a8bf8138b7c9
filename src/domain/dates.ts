/**
 * Calendar dates as ISO strings "YYYY-MM-DD" (they sort as text) and as
 * day numbers (days since 1970-01-01) for arithmetic. No time zones, no
 * clock: "today" is always passed in.
 */

declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
}

/** Parse strict "YYYY-MM-DD" (also "YYYY/MM/DD", "YYYY-M-D"); null if not a real date. */
export function parseDate(text: string): IsoDate | null {
  // Fast path: already canonical YYYY-MM-DD.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = num(text, 0, 4);
    const mo = num(text, 5, 7);
    const d = num(text, 8, 10);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return text as IsoDate;
    if (y >= 0 && mo >= 0 && d >= 0) return null;
  }
  const t = text.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return ymd(y, mo, d);
}

/** Digits text[a..b) as a number, or -1 if any is not a digit. */
function num(text: string, a: number, b: number): number {
  let v = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** True when text is already in canonical form. */
export function isCanonicalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) === text;
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDate;
}

/** Days since 1970-01-01 (proleptic Gregorian), without Date objects. */
export function dayNumber(date: IsoDate | string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z0: number): IsoDate {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return ymd(y, m, d);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** b − a in days. */
export function diffDays(b: IsoDate | string, a: IsoDate | string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday (ISO). */
export function weekday(date: IsoDate | string): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export function addMonths(date: IsoDate, n: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** "YYYY-MM" of a date. */
export function monthOf(date: IsoDate | string): string {
  return date.slice(0, 7);
}

/** A date-time "YYYY-MM-DD HH:MM" (or with "T") as minutes since the epoch; null if invalid. */
export function parseDateTime(text: string): { date: IsoDate; minutes: number } | null {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const date = parseDate(m[1]!);
  if (!date) return null;
  const hh = m[2] === undefined ? 0 : Number(m[2]);
  const mm = m[3] === undefined ? 0 : Number(m[3]);
  if (hh > 23 || mm > 59 || (m[4] !== undefined && Number(m[4]) > 59)) return null;
  return { date, minutes: dayNumber(date) * 1440 + hh * 60 + mm };
}

export function formatDateTime(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const hh = Math.floor(rest / 60);
  const mm = rest % 60;
  return `${fromDayNumber(day)} ${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}
