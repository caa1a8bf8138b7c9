import type { EntityKey } from '../domain/entities/index.js';
import { tableOf } from '../workspace/index.js';
import type { Check } from './check.js';

/** Pairs of (earlier, later) fields that must not be reversed. */
const PAIRS: [Exclude<EntityKey, 'journal'>, string, string][] = [
  ['campaigns', 'start', 'end'],
  ['work-orders', 'start', 'due'],
  ['invoices', 'date', 'due'],
  ['bills', 'date', 'due'],
  ['employees', 'hired', 'left'],
  ['deals', 'created', 'closed'],
  ['tickets', 'opened', 'first_response'],
  ['tickets', 'opened', 'resolved'],
];

export const dateOrder: Check = {
  name: 'date-order',
  run(ws, d) {
    for (const [key, a, b] of PAIRS) {
      const t = tableOf(ws, key);
      const ca = t.col(a)!;
      const cb = t.col(b)!;
      if (!ca.used || !cb.used) continue;
      for (let i = 0; i < t.size; i++) {
        const x = ca.get(i) as string | number | undefined;
        const y = cb.get(i) as string | number | undefined;
        if (x === undefined || y === undefined) continue;
        if (y < x) d.push('date-order', t.src(i).at(b), `${b} of ${t.label(i)} is before its ${a}`, `${b} must be on or after ${a}; check both dates`);
      }
    }
  },
};
