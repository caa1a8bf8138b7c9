/**
 * Views derived from a plan: an item's dependent demand (regenerated from its
 * parents' planned orders and firm planned work orders, phantoms passed
 * through, with the same arithmetic as the run) and its supplies.
 */
import { componentQty } from '../inventory/qty.js';
import { PLANNED_BASE } from './store.js';
import type { Demand, Plan, Supply } from './types.js';

export type NewDemand = Omit<Demand, 'id'>;

/** What the parents' orders need of `item`, in BOM order of the parents, orders by bucket. */
export function dependentDemands(plan: Plan, item: string, memo = new Map<string, NewDemand[]>()): NewDemand[] {
  const hit = memo.get(item);
  if (hit) return hit;
  const out: NewDemand[] = [];
  const { bom, orders } = plan;
  for (const { parent, line } of bom.usedIn(item)) {
    if (bom.isPhantom(parent) && bom.explodes(parent)) {
      for (const v of dependentDemands(plan, parent, memo)) {
        out.push({ item, kind: 'dependent', bucket: v.bucket, date: v.date, qty: componentQty(v.qty, line.qty, line.output, line.scrap), ref: v.ref, parent: v.parent, via: [...(v.via ?? []), parent] });
      }
      continue;
    }
    const [a, b] = orders.range(parent);
    for (let i = a; i < b; i++) {
      const o = orders.at(i);
      out.push({ item, kind: 'dependent', bucket: o.releaseBucket, date: o.release, qty: componentQty(o.qty, line.qty, line.output, line.scrap), ref: o.id, parent: PLANNED_BASE + i });
    }
    for (const s of plan.records.get(parent)?.receipts ?? []) {
      const sup = plan.supplies[s]!;
      if (sup.kind !== 'firm') continue;
      out.push({ item, kind: 'dependent', bucket: plan.bucketIndex.of(sup.release!), date: sup.release!, qty: componentQty(sup.qty, line.qty, line.output, line.scrap), ref: sup.ref, parent: sup.id });
    }
  }
  memo.set(item, out);
  return out;
}

/** A supply by id: a scheduled receipt or on-hand stock, or a planned order. */
export function supplyOf(plan: Plan, id: number): Supply {
  if (id < PLANNED_BASE) return plan.supplies[id]!;
  const o = plan.orders.at(id - PLANNED_BASE);
  return { id, item: o.item, kind: 'planned', ref: o.id, qty: o.qty, bucket: o.dueBucket, due: o.due, release: o.release };
}

/** An item's supplies in pegging order: on hand, then scheduled receipts and planned orders by bucket (receipts first). */
export function suppliesOfItem(plan: Plan, item: string): number[] {
  const rec = plan.records.get(item);
  if (!rec) return [];
  const out: number[] = rec.onHandSupply >= 0 ? [rec.onHandSupply] : [];
  const [a, b] = plan.orders.range(item);
  const planned: number[] = [];
  for (let i = a; i < b; i++) planned.push(PLANNED_BASE + i);
  const bucket = (id: number) => (id >= PLANNED_BASE ? plan.orders.dueBucket(id - PLANNED_BASE) : plan.supplies[id]!.bucket);
  let i = 0;
  let j = 0;
  const sr = rec.receipts;
  while (i < sr.length || j < planned.length) {
    if (j >= planned.length || (i < sr.length && bucket(sr[i]!) <= bucket(planned[j]!))) out.push(sr[i++]!);
    else out.push(planned[j++]!);
  }
  return out;
}
