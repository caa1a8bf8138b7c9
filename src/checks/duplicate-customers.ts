import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/**
 * Phone numbers compare by digits only. A +86 / 0086 country code is dropped,
 * and a landline written internationally gets its trunk 0 back, so
 * "+86 21 6000 1234" = "021-6000 1234" and "+86 138 0000 0000" = "13800000000".
 */
export function normalisePhone(p: string): string {
  let d = p.replace(/\D/g, '');
  const intl = p.trim().startsWith('+86') || d.startsWith('0086');
  if (intl) {
    d = d.startsWith('0086') ? d.slice(4) : d.slice(2);
    if (!d.startsWith('1') && !d.startsWith('0')) d = '0' + d;
  } else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
  return d;
}

export function normaliseEmail(e: string): string {
  return e.trim().toLowerCase();
}

/** Names compare without spaces, punctuation, case, and common company suffixes. */
const IGNORED = new Set(Array.from(' \t.,()（）·-_\'"'));
const SUFFIXES = ['有限责任公司', '股份有限公司', '有限公司', '公司', 'coltd', 'company', 'limited', 'ltd', 'inc', 'llc', 'gmbh'];

export function normaliseName(n: string): string {
  let out = '';
  for (const ch of n.toLowerCase()) if (!IGNORED.has(ch)) out += ch;
  for (const suf of SUFFIXES) if (out.endsWith(suf) && out.length > suf.length) return out.slice(0, -suf.length);
  return out;
}

/** Warn about customers that look like the same party (same phone, email or normalised name). */
export const duplicateCustomers: Check = {
  name: 'duplicate-customers',
  run(ws, d) {
    const seen = new Map<string, AnyRecord>();
    for (const c of ws.data.customers as unknown as AnyRecord[]) {
      const keys: [string, string, string][] = [];
      if (typeof c.phone === 'string' && normalisePhone(c.phone).length >= 7) keys.push(['phone', 'phone:' + normalisePhone(c.phone), c.phone]);
      if (typeof c.email === 'string' && c.email.includes('@')) keys.push(['email', 'email:' + normaliseEmail(c.email), c.email]);
      const nn = normaliseName(c.name as string);
      if (nn.length >= 2) keys.push(['name', 'name:' + nn, c.name as string]);
      for (const [field, k, shown] of keys) {
        const first = seen.get(k);
        if (!first) {
          seen.set(k, c);
          continue;
        }
        if (first === c) continue;
        d.push('duplicate-customer', c.src.at(field), `customer ${c.id as string} has the same ${field} as ${first.id as string} (${shown})`, `if they are one customer, merge them; if not, this warning is harmless`, [{ loc: first.src.at(field), message: `customer ${first.id as string}` }]);
        break;
      }
    }
  },
};
