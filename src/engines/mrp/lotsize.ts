/**
 * Lot sizing. A planned order is sized in three steps:
 *
 *   1. the rule, from the net requirement of its bucket:
 *        lfl       the net requirement
 *        fixed     lot_qty; when the net requirement is larger, several orders of lot_qty
 *        min       max(net requirement, lot_qty)
 *        multiple  the net requirement rounded up to a multiple of lot_qty
 *        poq       what keeps projected on hand at or above safety stock through the next
 *                  poq_periods buckets (this one included)
 *        ww        like poq, but each order covers the buckets Wagner–Whitin groups together
 *   2. rounded up to a whole unit;
 *   3. raised to moq, then rounded up to a multiple of order_multiple.
 */
import { Dec } from '../../domain/decimal.js';
import { ceilMultiple, ceilWhole } from '../inventory/qty.js';
import type { PlanItem } from './types.js';

/** Steps 2 and 3. */
export function modify(q: Dec, item: Pick<PlanItem, 'moq' | 'order_multiple'>): Dec {
  let x = ceilWhole(q);
  if (item.moq && x.lt(item.moq)) x = item.moq;
  return ceilMultiple(x, item.order_multiple);
}

/**
 * Wagner–Whitin: the cheapest way to cover the net requirements r[0..T-1]
 * with orders costing S each and holding h per unit per bucket (a quantity
 * received in bucket i and used in bucket k is held k − i buckets).
 * Returns, for every bucket, the last bucket of the order that covers it
 * (-1 where nothing is needed before the first order). Ties go to the later
 * order (less stock).
 *
 *   f(-1) = 0
 *   f(j)  = f(j-1)                                           if r[j] = 0
 *         = min over i ≤ j with r[i] > 0 of
 *             f(i-1) + S + h · Σ_{k=i..j} (k − i) · r[k]      otherwise
 */
export function wagnerWhitin(r: readonly Dec[], S: Dec, h: Dec): Int32Array {
  const T = r.length;
  const f: Dec[] = new Array(T);
  const choice = new Int32Array(T).fill(-1);
  for (let j = 0; j < T; j++) {
    const prev = j > 0 ? f[j - 1]! : Dec.ZERO;
    if (r[j]!.sign() <= 0) {
      f[j] = prev;
      choice[j] = -1;
      continue;
    }
    let best: Dec | null = null;
    let bestI = j;
    // Moving the order from i+1 to i holds everything needed in i+1..j one bucket longer.
    let hold = Dec.ZERO;
    let later = Dec.ZERO; // Σ r[i+1..j]
    for (let i = j; i >= 0; i--) {
      if (i < j) {
        later = later.add(r[i + 1]!);
        hold = hold.add(h.mul(later));
      }
      if (r[i]!.sign() <= 0) continue;
      const cost = (i > 0 ? f[i - 1]! : Dec.ZERO).add(S).add(hold);
      if (best === null || cost.lt(best)) {
        best = cost;
        bestI = i;
      }
    }
    f[j] = best!;
    choice[j] = bestI;
  }
  const end = new Int32Array(T).fill(-1);
  let j = T - 1;
  while (j >= 0) {
    if (choice[j] === -1) {
      j--;
      continue;
    }
    const i = choice[j]!;
    for (let k = i; k <= j; k++) end[k] = j;
    j = i - 1;
  }
  // Buckets with no need after an order, inside no segment, belong to the previous segment.
  for (let k = 1; k < T; k++) if (end[k] === -1 && end[k - 1]! >= 0) end[k] = end[k - 1]!;
  return end;
}
