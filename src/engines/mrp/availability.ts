/**
 * Projected availability: the MRP plan's projected on hand *without new planned
 * orders* — what the item will have if nothing more is ordered or made than is
 * ordered or being made now:
 *
 *   PA(start)  = on hand − allocated                       (the grid's POH(−1))
 *   PA(t)      = PA(t−1) + scheduled receipts(t) − gross requirements(t)
 *
 * per bucket t, where scheduled receipts are open purchase-order lines and work
 * orders, and gross requirements are everything the plan nets: open sales-order
 * lines, forecast not consumed by orders, and dependent demand from the parents'
 * planned and firm orders. Everything dated before the as-of date is in the first
 * bucket. On a plan with daily buckets PA(t) is the availability at the end of day t.
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { itemGrid } from './grid.js';
import type { Plan } from './types.js';

export interface Availability {
  readonly item: string;
  /** On hand − allocated. */
  readonly start: Dec;
  /** PA(t) per bucket, with the first day of the bucket (the as-of date for the first). */
  readonly points: readonly { readonly date: IsoDate; readonly available: Dec }[];
}

/** Projected availability of an item, bucket by bucket; null when the item is not planned (unknown, or a phantom). */
export function projectedAvailability(plan: Plan, item: string): Availability | null {
  const g = itemGrid(plan, item);
  if (!g || g.record.phantom) return null;
  let pa = g.start;
  const points: { date: IsoDate; available: Dec }[] = [];
  for (let t = 0; t < plan.buckets.length; t++) {
    pa = pa.add(g.receipts[t]!).sub(g.gross[t]!);
    points.push({ date: plan.buckets[t]!.start, available: pa });
  }
  return { item, start: g.start, points };
}

/** PA on a date: the value of the last bucket starting on or before it (the start value before the first). */
export function availableOn(a: Availability, date: IsoDate): Dec {
  let v = a.start;
  for (const p of a.points) {
    if (p.date > date) break;
    v = p.available;
  }
  return v;
}
