import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/**
 * Phone numbers compare by digits only. A +86 / 0086 country code is dropped,
 * and a landline written internationally gets its trunk 0 back, so
 * "+86 21 6000 1234" = "021-6000 1234" and "+86 138 0000 0000" = "13800000000".
 */
export function normalisePhone(p: string): string {
  let d = '';
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 48 && c <= 57) d += p[i];
  }
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
const IGNORED = /[\s.,()（）·\-_'"]/g;
const SUFFIX = /(?:有限责任公司|股份有限公司|有限公司|公司|coltd|company|limited|ltd|inc|llc|gmbh)$/;

export function normaliseName(n: string): string {
  const out = n.toLowerCase().replace(IGNORED, '');
  const m = SUFFIX.exec(out);
  return m && m.index > 0 ? out.slice(0, m.index) : out;
}

/** Warn about customers that look like the same party (same phone, email or normalised name). */
export const duplicateCustomers: Check = {
  name: 'duplicate-customers',
  run(ws, d) {
    const phones = new Map<string, AnyRecord>();
    const emails = new Map<string, AnyRecord>();
    const names = new Map<string, AnyRecord>();
    for (const c of ws.data.customers as unknown as AnyRecord[]) {
      const check = (field: string, map: Map<string, AnyRecord>, key: string, shown: string): boolean => {
        const first = map.get(key);
        if (!first) {
          map.set(key, c);
          return false;
        }
        d.push('duplicate-customer', c.src.at(field), `customer ${c.id as string} has the same ${field} as ${first.id as string} (${shown})`, `if they are one customer, merge them; if not, this warning is harmless`, [{ loc: first.src.at(field), message: `customer ${first.id as string}` }]);
        return true;
      };
      if (typeof c.phone === 'string') {
        const p = normalisePhone(c.phone);
        if (p.length >= 7 && check('phone', phones, p, c.phone)) continue;
      }
      if (typeof c.email === 'string' && c.email.includes('@') && check('email', emails, normaliseEmail(c.email), c.email)) continue;
      const nn = normaliseName(c.name as string);
      if (nn.length >= 2) check('name', names, nn, c.name as string);
    }
  },
};
