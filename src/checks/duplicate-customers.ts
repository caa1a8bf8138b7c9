import { tableOf } from '../workspace/index.js';
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
    const t = tableOf(ws, 'customers');
    const ids = t.col('id')!;
    const cols = { phone: t.col('phone')!, email: t.col('email')!, name: t.col('name')! };
    const seen = { phone: new Map<string, number>(), email: new Map<string, number>(), name: new Map<string, number>() };
    for (let i = 0; i < t.size; i++) {
      const check = (field: 'phone' | 'email' | 'name', key: string, shown: string): boolean => {
        const map = seen[field];
        const first = map.get(key);
        if (first === undefined) {
          map.set(key, i);
          return false;
        }
        const id = ids.get(i) as string;
        const firstId = ids.get(first) as string;
        d.push('duplicate-customer', t.src(i).at(field), `customer ${id} has the same ${field} as ${firstId} (${shown})`, `if they are one customer, merge them; if not, this warning is harmless`, [{ loc: t.src(first).at(field), message: `customer ${firstId}` }]);
        return true;
      };
      const phone = cols.phone.get(i);
      if (typeof phone === 'string') {
        const p = normalisePhone(phone);
        if (p.length >= 7 && check('phone', p, phone)) continue;
      }
      const email = cols.email.get(i);
      if (typeof email === 'string' && email.includes('@') && check('email', normaliseEmail(email), email)) continue;
      const name = cols.name.get(i) as string;
      const nn = normaliseName(name);
      if (nn.length >= 2) check('name', nn, name);
    }
  },
};
