import { parseDec } from '../domain/decimal.js';
import type { Field } from '../schema/fields.js';
import { parseDate } from '../domain/dates.js';

/**
 * Canonical text of one scalar value: dates as YYYY-MM-DD, decimals without
 * "+" or superfluous zeros in front, money with at least its currency's
 * minor unit of decimals (never fewer digits than written), booleans as
 * true/false. Anything unrecognised is returned unchanged.
 */
export function canonicalValue(spec: Field, text: string, minor: number): string {
  const t = text.trim();
  switch (spec.kind) {
    case 'date':
      return parseDate(t) ?? text;
    case 'money': {
      const d = parseDec(t);
      if (!d) return text;
      return d.s >= minor ? d.toString() : d.withScale(minor).toString();
    }
    case 'qty':
    case 'price':
    case 'decimal': {
      const d = parseDec(t);
      return d ? d.toString() : text;
    }
    case 'rate': {
      if (t.endsWith('%')) {
        const d = parseDec(t.slice(0, -1).trim());
        return d ? `${d.toString()}%` : text;
      }
      const d = parseDec(t);
      return d ? d.toString() : text;
    }
    case 'int':
      return /^[-+]?\d+$/.test(t) ? String(Number(t)) : text;
    case 'bool':
      return spec.canon?.(t) ?? text;
    default:
      return text;
  }
}

/**
 * Whether two texts of a field mean the same value: 20 = 20.00 for decimals, 13% = 0.13 for
 * rates, 2026-1-5 = 2026-01-05 for dates; other kinds compare their canonical text. (An import
 * must not report "20.00 → 20" as a change.)
 */
export function sameValue(spec: Field, a: string, b: string): boolean {
  if (a === b) return true;
  const num = (t: string): ReturnType<typeof parseDec> => {
    const s = t.trim();
    if (spec.kind === 'rate' && s.endsWith('%')) {
      const d = parseDec(s.slice(0, -1).trim());
      return d ? d.div(parseDec('100')!, 12) : null;
    }
    return parseDec(s);
  };
  if (['money', 'qty', 'price', 'decimal', 'rate'].includes(spec.kind)) {
    const x = num(a);
    const y = num(b);
    if (x && y) return x.eq(y);
  }
  return canonicalValue(spec, a, 0) === canonicalValue(spec, b, 0);
}
