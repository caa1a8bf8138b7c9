/**
 * Pegging: which demand each supply serves, at every level.
 *
 * The plan holds single-level pegs (supply → demand of the same item, first
 * in first out). A demand that is not top-level (an allocation or dependent
 * demand) belongs to the parent order that causes it, whose own pegs lead
 * further up. Top-level demands are sales-order lines, forecast and safety
 * stock.
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { componentQty } from '../inventory/qty.js';
import { supplyOf, suppliesOfItem } from './derive.js';
import { DecColumn, IntColumn, PLANNED_BASE } from './store.js';
import type { Demand, Plan, Supply } from './types.js';

export function isTopLevel(d: Demand): boolean {
  return d.kind === 'sales' || d.kind === 'forecast' || d.kind === 'safety';
}

/**
 * Navigation over a plan: demands and supplies of an item, pegs, the
 * component demand an order causes, the top-level demands a supply serves.
 * Everything is computed per item the first time it is needed and kept, in
 * typed-array columns (a whole plan of 50,000 items has millions of pegs).
 *
 * Pegs are first in, first out per item: supplies in the plan's order (on
 * hand, then receipts and planned orders by bucket) against demands sorted by
 * bucket — in a bucket allocations first, then requirements by date, safety
 * stock last in the first bucket. Both sides advance monotonically, so the
 * pegs of one supply (or one demand) are consecutive.
 *
 * Regenerated dependent demand has ids from `plan.demands.length` up.
 */
export class PegGraph {
  private readonly base: number;
  // regenerated dependent demand, by id − base
  private nDep = 0;
  private readonly depItem: string[] = [];
  private readonly depBucket = new IntColumn();
  private readonly depDate: IsoDate[] = [];
  private readonly depQty = new DecColumn();
  private readonly depParent = new IntColumn();
  private readonly depVia = new Map<number, readonly string[]>();
  private readonly itemDemands = new Map<string, number[]>();
  // pegs
  private nPeg = 0;
  private readonly pegSupply = new IntColumn();
  private readonly pegDemand = new IntColumn();
  private readonly pegQty = new DecColumn();
  private readonly pegged = new Set<string>();
  /** [first, end) peg index per demand id, per stored supply, per planned order index. */
  private readonly demandFirst = new IntColumn(1024, -1);
  private readonly demandEnd = new IntColumn(1024, -1);
  private readonly storedFirst = new IntColumn(1024, -1);
  private readonly storedEnd = new IntColumn(1024, -1);
  private readonly plannedFirst = new IntColumn(1024, -1);
  private readonly plannedEnd = new IntColumn(1024, -1);
  // top-level demand refs, interned
  private readonly tops: TopRefs[] = [];
  private readonly topKey = new Map<string, number>();
  private readonly storedTop = new IntColumn(1024, -1);
  private readonly plannedTop = new IntColumn(1024, -1);

  constructor(readonly plan: Plan) {
    this.base = plan.demands.length;
  }

  demand(id: number): Demand {
    if (id < this.base) return this.plan.demands[id]!;
    const r = id - this.base;
    const parent = this.depParent.get(r);
    const via = this.depVia.get(r);
    const d = { id, item: this.depItem[r]!, kind: 'dependent' as const, bucket: this.depBucket.get(r), date: this.depDate[r]!, qty: this.depQty.get(r), ref: supplyOf(this.plan, parent).ref, parent };
    return via ? { ...d, via } : d;
  }

  supply(id: number): Supply {
    return supplyOf(this.plan, id);
  }

  private addDep(item: string, bucket: number, date: IsoDate, qty: Dec, parent: number, via: readonly string[] | undefined): number {
    const r = this.nDep++;
    this.depItem.push(item);
    this.depBucket.set(r, bucket);
    this.depDate.push(date);
    this.depQty.set(r, qty);
    this.depParent.set(r, parent);
    if (via) this.depVia.set(r, via);
    return this.base + r;
  }

  /** Demand ids of an item: stored (top-level, allocations) and regenerated dependent demand. */
  demandsOfItem(item: string): readonly number[] {
    const hit = this.itemDemands.get(item);
    if (hit) return hit;
    const { bom, orders } = this.plan;
    const out = [...(this.plan.demandsByItem.get(item) ?? [])];
    for (const { parent, line } of bom.usedIn(item)) {
      if (bom.isPhantom(parent) && bom.explodes(parent)) {
        // blown through: what the phantom's parents need of it, times this line
        for (const id of this.demandsOfItem(parent)) {
          if (id < this.base) continue; // its top-level demand was passed on by the run
          const r = id - this.base;
          const via = this.depVia.get(r);
          out.push(this.addDep(item, this.depBucket.get(r), this.depDate[r]!, componentQty(this.depQty.get(r), line.qty, line.output, line.scrap), this.depParent.get(r), via ? [...via, parent] : [parent]));
        }
        continue;
      }
      const [a, b] = orders.range(parent);
      for (let i = a; i < b; i++) out.push(this.addDep(item, orders.releaseBucket(i), orders.release(i), componentQty(orders.qty(i), line.qty, line.output, line.scrap), PLANNED_BASE + i, undefined));
      for (const sid of this.plan.records.get(parent)?.receipts ?? []) {
        const sup = this.plan.supplies[sid]!;
        if (sup.kind === 'firm') out.push(this.addDep(item, this.plan.bucketIndex.of(sup.release!), sup.release!, componentQty(sup.qty, line.qty, line.output, line.scrap), sid, undefined));
      }
    }
    this.itemDemands.set(item, out);
    return out;
  }

  private ensure(item: string): void {
    if (this.pegged.has(item)) return;
    this.pegged.add(item);
    if (this.plan.records.get(item)?.phantom) return; // a phantom's demand is passed on, never covered
    const sup = suppliesOfItem(this.plan, item);
    const base = this.base;
    const ds = this.plan.demands;
    const bucket = (id: number) => (id < base ? ds[id]!.bucket : this.depBucket.get(id - base));
    const cls = (id: number) => (id < base ? (ds[id]!.kind === 'allocation' ? 0 : ds[id]!.kind === 'safety' ? 2 : 1) : 1);
    const date = (id: number) => (id < base ? ds[id]!.date : this.depDate[id - base]!);
    const qtyD = (id: number) => (id < base ? ds[id]!.qty : this.depQty.get(id - base));
    const qtyS = (sid: number) => (sid >= PLANNED_BASE ? this.plan.orders.qty(sid - PLANNED_BASE) : this.plan.supplies[sid]!.qty);
    const dem = [...this.demandsOfItem(item)].sort((a, b) => {
      const x = bucket(a) - bucket(b) || cls(a) - cls(b);
      if (x) return x;
      const da = date(a);
      const db = date(b);
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    let si = 0;
    let di = 0;
    let sLeft = sup.length ? qtyS(sup[0]!) : Dec.ZERO;
    let dLeft = dem.length ? qtyD(dem[0]!) : Dec.ZERO;
    while (si < sup.length && di < dem.length) {
      const q = sLeft.min(dLeft);
      if (q.sign() > 0) {
        const p = this.nPeg++;
        const s = sup[si]!;
        const d = dem[di]!;
        this.pegSupply.set(p, s);
        this.pegDemand.set(p, d);
        this.pegQty.set(p, q);
        const [first, end] = s >= PLANNED_BASE ? [this.plannedFirst, this.plannedEnd] : [this.storedFirst, this.storedEnd];
        const k = s >= PLANNED_BASE ? s - PLANNED_BASE : s;
        if (first.get(k) < 0) first.set(k, p);
        end.set(k, p + 1);
        if (this.demandFirst.get(d) < 0) this.demandFirst.set(d, p);
        this.demandEnd.set(d, p + 1);
      }
      sLeft = sLeft.sub(q);
      dLeft = dLeft.sub(q);
      if (sLeft.sign() <= 0 && ++si < sup.length) sLeft = qtyS(sup[si]!);
      if (dLeft.sign() <= 0 && ++di < dem.length) dLeft = qtyD(dem[di]!);
    }
  }

  private supplyRange(supply: number): [number, number] {
    this.ensure(this.itemOfSupply(supply));
    const planned = supply >= PLANNED_BASE;
    const k = planned ? supply - PLANNED_BASE : supply;
    const a = (planned ? this.plannedFirst : this.storedFirst).get(k);
    return a < 0 ? [0, 0] : [a, (planned ? this.plannedEnd : this.storedEnd).get(k)];
  }

  private itemOfSupply(supply: number): string {
    return supply >= PLANNED_BASE ? this.plan.orders.itemOf(supply - PLANNED_BASE) : this.plan.supplies[supply]!.item;
  }

  /** Pegs of a supply: the demands it covers. */
  demandsOf(supply: number): { demand: Demand; qty: Dec }[] {
    const [a, b] = this.supplyRange(supply);
    const out: { demand: Demand; qty: Dec }[] = [];
    for (let p = a; p < b; p++) out.push({ demand: this.demand(this.pegDemand.get(p)), qty: this.pegQty.get(p) });
    return out;
  }

  /** Pegs of a demand: the supplies that cover it. */
  suppliesOf(demand: number): { supply: Supply; qty: Dec }[] {
    this.ensure(demand < this.base ? this.plan.demands[demand]!.item : this.depItem[demand - this.base]!);
    const a = this.demandFirst.get(demand);
    const out: { supply: Supply; qty: Dec }[] = [];
    if (a < 0) return out;
    for (let p = a; p < this.demandEnd.get(demand); p++) out.push({ supply: this.supply(this.pegSupply.get(p)), qty: this.pegQty.get(p) });
    return out;
  }

  /** Component demands a supply causes (allocations of a work order, dependent demand of an order). */
  childrenOf(supply: number): Demand[] {
    const item = this.itemOfSupply(supply);
    const out: Demand[] = [];
    const comps = new Set(this.plan.bom.flatComponents(item, Dec.ONE).map((x) => x.component));
    for (const c of comps) {
      for (const id of this.demandsOfItem(c)) {
        const parent = id < this.base ? this.plan.demands[id]!.parent : this.depParent.get(id - this.base);
        if (parent === supply) out.push(this.demand(id));
      }
    }
    return out.sort((x, y) => x.id - y.id);
  }

  /** Quantity of a supply not pegged to any demand (excess). */
  unpegged(supply: number): Dec {
    let q = this.supply(supply).qty;
    const [a, b] = this.supplyRange(supply);
    for (let p = a; p < b; p++) q = q.sub(this.pegQty.get(p));
    return q;
  }

  /**
   * Distinct refs of the top-level demands a supply serves, through any number
   * of levels, first reached first, at most `cap` (memoised per supply and
   * interned, so a whole plan costs O(pegs × cap)). Use one cap per graph.
   */
  topRefs(supply: number, cap: number): TopRefs {
    const planned = supply >= PLANNED_BASE;
    const k = planned ? supply - PLANNED_BASE : supply;
    const memo = planned ? this.plannedTop : this.storedTop;
    const hit = memo.get(k);
    if (hit >= 0) return this.tops[hit]!;
    // Sources: refs of top-level demands pegged directly, and the (interned) sets of parent supplies.
    const direct: string[] = [];
    const inherited: number[] = [];
    const [a, b] = this.supplyRange(supply);
    for (let p = a; p < b; p++) {
      const d = this.pegDemand.get(p);
      let parent = -1;
      if (d < this.base) {
        const dem = this.plan.demands[d]!;
        if (isTopLevel(dem)) direct.push(dem.ref);
        else parent = dem.parent;
      } else parent = this.depParent.get(d - this.base);
      if (parent >= 0) {
        this.topRefs(parent, cap);
        const ix = (parent >= PLANNED_BASE ? this.plannedTop : this.storedTop).get(parent >= PLANNED_BASE ? parent - PLANNED_BASE : parent);
        if (!inherited.includes(ix)) inherited.push(ix);
      }
    }
    let ix: number;
    if (direct.length === 0 && inherited.length === 1) ix = inherited[0]!; // the common case: the parent's set as is
    else {
      const refs: string[] = [];
      let more = false;
      const add = (r: string) => {
        if (refs.includes(r)) return;
        if (refs.length >= cap) more = true;
        else refs.push(r);
      };
      for (const r of direct) add(r);
      for (const i of inherited) {
        const up = this.tops[i]!;
        for (const r of up.refs) add(r);
        if (up.more) more = true;
      }
      const key = `${more ? 1 : 0}${refs.join('\u0000')}`;
      const found = this.topKey.get(key);
      if (found !== undefined) ix = found;
      else {
        ix = this.tops.length;
        this.tops.push({ refs, more });
        this.topKey.set(key, ix);
      }
    }
    memo.set(k, ix);
    return this.tops[ix]!;
  }
}


export interface TopRefs {
  /** Distinct refs of the top-level demands served, first reached first (sales line, "forecast 2026-12", "safety stock"). */
  readonly refs: readonly string[];
  /** More than `cap` were found. */
  readonly more: boolean;
}

export interface PegNode {
  readonly depth: number;
  /** A demand row (what is needed) or a supply row (what covers it). */
  readonly demand?: Demand;
  readonly supply?: Supply;
  /** Share of the root demand: quantity of this demand / supply that serves it. */
  readonly qty: Dec;
}

const SHARE_SCALE = 4;

/**
 * The chain below a top-level demand: the supplies that cover it, the
 * component demands those supplies cause, their supplies, and so on. A supply
 * that serves several demands is shown with the share serving this one
 * (pegged quantity ÷ supply quantity, applied down the chain, rounded
 * half-up to 4 decimals).
 */
export function pegTree(g: PegGraph, root: Demand): PegNode[] {
  const out: PegNode[] = [];
  const walkDemand = (d: Demand, share: { num: Dec; den: Dec }, depth: number, path: Set<number>) => {
    out.push({ depth, demand: d, qty: scale(d.qty, share) });
    for (const { supply, qty } of g.suppliesOf(d.id)) {
      const s = { num: share.num.mul(qty), den: share.den.mul(d.qty) };
      out.push({ depth: depth + 1, supply, qty: scale(d.qty, s) });
      if (path.has(supply.id)) continue;
      const kids = g.childrenOf(supply.id);
      if (!kids.length) continue;
      const inner = { num: s.num.mul(d.qty), den: s.den.mul(supply.qty) };
      const next = new Set(path).add(supply.id);
      for (const c of kids) walkDemand(c, inner, depth + 2, next);
    }
  };
  walkDemand(root, { num: Dec.ONE, den: Dec.ONE }, 0, new Set());
  return out;
}

function scale(q: Dec, s: { num: Dec; den: Dec }): Dec {
  if (s.num.eq(s.den)) return q;
  return q.mul(s.num).div(s.den, SHARE_SCALE, 'half-up').normalize();
}
