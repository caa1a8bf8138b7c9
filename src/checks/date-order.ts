import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';
import { label } from './walk.js';

/** Pairs of (earlier, later) fields that must not be reversed. */
const PAIRS: [EntityKey, string, string][] = [
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
      const def = ENTITIES[key] as unknown as EntityDef;
      for (const r of ws.data[key] as unknown as AnyRecord[]) {
        const x = r[a] as string | number | undefined;
        const y = r[b] as string | number | undefined;
        if (x === undefined || y === undefined) continue;
        if (y < x) d.push('date-order', r.src.at(b), `${b} of ${label(def, r)} is before its ${a}`, `${b} must be on or after ${a}; check both dates`);
      }
    }
  },
};
