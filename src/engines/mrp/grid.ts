/**
 * The classic MRP record of one item, bucket by bucket, derived from the plan:
 *
 *   gross requirements      GR(t)
 *   scheduled receipts      SR(t)
 *   projected on hand       POH(t) = POH(t-1) + SR(t) + PORc(t) − GR(t),  POH(-1) = on hand − allocated
 *   net requirements        NR(t)  = max(0, safety stock − (POH(t-1) + SR(t) − GR(t)))
 *   planned order receipts  PORc(t)
 *   planned order releases  PORl(t)
 */
import { Dec } from '../../domain/decimal.js';
import type { ItemRecord, Plan } from './types.js';

export interface Grid {
  readonly record: ItemRecord;
  /** POH(-1): on hand − allocated. */
  readonly start: Dec;
  readonly gross: readonly Dec[];
  readonly receipts: readonly Dec[];
  readonly projected: readonly Dec[];
  readonly net: readonly Dec[];
  readonly plannedReceipts: readonly Dec[];
  readonly plannedReleases: readonly Dec[];
}

export function itemGrid(plan: Plan, item: string): Grid | null {
  const rec = plan.records.get(item);
  if (!rec) return null;
  const T = plan.buckets.length;
  const at = (m: ReadonlyMap<number, Dec>, t: number) => m.get(t) ?? Dec.ZERO;
  const gross: Dec[] = [];
  const receipts: Dec[] = [];
  const projected: Dec[] = [];
  const net: Dec[] = [];
  const plannedReceipts: Dec[] = [];
  const plannedReleases: Dec[] = [];
  const start = rec.phantom ? Dec.ZERO : rec.onHand.sub(rec.allocated);
  let poh = start;
  for (let t = 0; t < T; t++) {
    const g = at(rec.gross, t);
    const s = at(rec.receipts, t);
    const p = at(rec.plannedReceipts, t);
    gross.push(g);
    receipts.push(s);
    plannedReceipts.push(p);
    plannedReleases.push(at(rec.plannedReleases, t));
    if (rec.phantom) {
      projected.push(Dec.ZERO);
      net.push(g);
      continue;
    }
    const avail = poh.add(s).sub(g);
    net.push(avail.lt(rec.safetyStock) ? rec.safetyStock.sub(avail) : Dec.ZERO);
    poh = avail.add(p);
    projected.push(poh);
  }
  return { record: rec, start, gross, receipts, projected, net, plannedReceipts, plannedReleases };
}
