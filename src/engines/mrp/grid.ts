/**
 * The classic MRP record of one item, bucket by bucket, derived from the plan:
 *
 *   gross requirements      GR(t)
 *   scheduled receipts      SR(t)
 *   projected on hand       POH(t) = POH(t-1) + SR(t) + PORc(t) − GR(t),  POH(-1) = on hand − allocated
 *   net requirements        NR(t)  = max(0, safety stock − (POH(t-1) + SR(t) − GR(t)))
 *   planned order receipts  PORc(t)
 *   planned order releases  PORl(t)
 *
 * A phantom has only gross requirements, passed on as they come (shown as releases).
 */
import { Dec } from '../../domain/decimal.js';
import { dependentDemands } from './derive.js';
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
  const zeros = () => new Array<Dec>(T).fill(Dec.ZERO);
  const gross = zeros();
  const receipts = zeros();
  const plannedReceipts = zeros();
  const plannedReleases = zeros();
  for (const di of plan.demandsByItem.get(item) ?? []) {
    const d = plan.demands[di]!;
    if (d.kind !== 'allocation' && d.kind !== 'safety') gross[d.bucket] = gross[d.bucket]!.add(d.qty);
  }
  for (const d of dependentDemands(plan, item)) gross[d.bucket] = gross[d.bucket]!.add(d.qty);
  for (const s of rec.receipts) {
    const sup = plan.supplies[s]!;
    receipts[sup.bucket] = receipts[sup.bucket]!.add(sup.qty);
  }
  const [a, b] = plan.orders.range(item);
  for (let i = a; i < b; i++) {
    const o = plan.orders.at(i);
    plannedReceipts[o.dueBucket] = plannedReceipts[o.dueBucket]!.add(o.qty);
    plannedReleases[o.releaseBucket] = plannedReleases[o.releaseBucket]!.add(o.qty);
  }
  if (rec.phantom) return { record: rec, start: Dec.ZERO, gross, receipts, projected: zeros(), net: gross, plannedReceipts, plannedReleases: gross };
  const projected: Dec[] = [];
  const net: Dec[] = [];
  const start = rec.onHand.sub(rec.allocated);
  let poh = start;
  for (let t = 0; t < T; t++) {
    const avail = poh.add(receipts[t]!).sub(gross[t]!);
    net.push(avail.lt(rec.safetyStock) ? rec.safetyStock.sub(avail) : Dec.ZERO);
    poh = avail.add(plannedReceipts[t]!);
    projected.push(poh);
  }
  return { record: rec, start, gross, receipts, projected, net, plannedReceipts, plannedReleases };
}
