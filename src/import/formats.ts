/**
 * Parsing the formats exports really use, into bizctl's canonical text:
 * dates like 2026-10-03, 2026/10/3, 2026.10.3, 2026年10月3日, 10/03/2026
 * (with an explicit day/month order), 20261003; numbers like 1,234.50,
 * ¥1,234.50, "1 234,50" (with decimal ","), (123.45) for negatives, 12%.
 */
import { parseDate, ymd } from '../domain/dates.js';
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
