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
