/**
 * Parsing the formats exports really use, into bizctl's canonical text:
 * dates like 2026-10-03, 2026/10/3, 2026.10.3, 2026年10月3日, 10/03/2026
 * (with an explicit day/month order), 20261003; numbers like 1,234.50,
 * ¥1,234.50, "1 234,50" (with decimal ","), (123.45) for negatives, 12%.
 */
import { daysInMonth, parseDate, ymd } from '../domain/dates.js';
import { parseDec } from '../domain/decimal.js';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export function importDate(text: string, order: DateOrder = 'ymd'): string | null {
  const t = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (!t) return null;
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return parseDate(ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    if (order === 'ymd') return null; // ambiguous without an explicit order
    const [d, mo] = order === 'dmy' ? [m[1], m[2]] : [m[2], m[1]];
    return parseDate(`${m[3]}-${mo}-${d}`);
  }
  return null;
}

/** A numeric date read as year, month and day: one reading for year-first texts, a day-first and a month-first one for 03/10/2026. */
function readings(text: string): { order: DateOrder; y: number; m: number; d: number }[] {
  const t = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return [{ order: 'ymd', y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }];
  const x = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!x) return [];
  const [a, b, y] = [Number(x[1]), Number(x[2]), Number(x[3])];
  return [
    { order: 'dmy', y, m: b, d: a },
    { order: 'mdy', y, m: a, d: b },
  ];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const exists = (r: { y: number; m: number; d: number }) => r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= daysInMonth(r.y, r.m);

/**
 * The hint for a date `importDate` could not read with `order`. The order setting is suggested only
 * when another order reads the text (13/10/2026 with ymd or mdy: dmy); a text no order reads as a real
 * day (2026-11-31, 31/11/2026) is a date that does not exist. `where` names the file holding the
 * setting ("the map", "the rules").
 */
export function importDateHint(text: string, order: DateOrder, where: string): string {
  const rs = readings(text);
  const fits = rs.filter((r) => r.order !== order && r.order !== 'ymd' && exists(r));
  const name = (r: { y: number; m: number; d: number }) => `${r.d} ${MONTHS[r.m - 1]} ${r.y}`;
  if (fits.length === 2) return `day and month could be either way round: set dates: { order: dmy } in ${where} to read it as ${name(fits[0]!)}, or { order: mdy } for ${name(fits[1]!)} (docs/import.md)`;
  if (fits.length === 1) return `set dates: { order: ${fits[0]!.order} } in ${where} to read it as ${name(fits[0]!)} (docs/import.md)`;
  if (rs.length) {
    // Shaped like a date, but no order gives a real day: say why, in the order in force where it has a month.
    const own = rs.find((r) => r.order === order || r.order === 'ymd') ?? rs[0]!;
    const r = [own, ...rs].find((x) => x.m >= 1 && x.m <= 12);
    return r ? `this date does not exist: ${MONTHS[r.m - 1]} ${r.y} has ${daysInMonth(r.y, r.m)} days; check the file` : `this date does not exist: there is no month ${own.m}; check the file`;
  }
  return `write dates as YYYY-MM-DD (2026/10/3, 2026年10月3日 and 20261003 are read too; 03/10/2026 with dates: { order: dmy } or mdy in ${where}, docs/import.md)`;
}

export interface NumberFormat {
  /** Decimal mark: "." (default) or ",". */
  readonly decimal: '.' | ',';
}

/** A number as exported (thousands separators, currency signs, parentheses) → plain decimal text. */
export function importNumber(text: string, fmt: NumberFormat = { decimal: '.' }): string | null {
  let t = text.trim();
  if (!t) return null;
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1).trim();
  }
  t = t.replace(/^[¥￥$€£]|^(CNY|RMB|USD|EUR)\s*/i, '').replace(/\s*(元|CNY|RMB)$/i, '').trim();
  if (t.startsWith('-')) {
    neg = !neg;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  t = t.replace(/^[¥￥$€£]/, '');
  // Thousands separators must group by three, or "1,5" would silently become 15.
  const sep = fmt.decimal === '.' ? "[,\\s'’]" : "[.\\s'’]";
  const dec = fmt.decimal === '.' ? '\\.' : ',';
  if (new RegExp(`${sep}`).test(t) && !new RegExp(`^\\d{1,3}(${sep}\\d{3})+(${dec}\\d+)?$`).test(t)) return null;
  t = t.replace(new RegExp(sep, 'g'), '');
  if (fmt.decimal === ',') t = t.replace(',', '.');
  const d = parseDec(t);
  if (!d) return null;
  return (neg ? d.neg() : d).toString();
}
