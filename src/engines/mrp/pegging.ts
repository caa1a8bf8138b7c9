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
import { dependentDemands, supplyOf, suppliesOfItem, type NewDemand } from './derive.js';
import { PLANNED_BASE } from './store.js';
import type { Demand, Plan, Supply } from './types.js';

export function isTopLevel(d: Demand): boolean {
  return d.kind === 'sales' || d.kind === 'forecast' || d.kind === 'safety';
}

interface Peg {
  readonly supply: number;
  readonly demand: number;
  readonly qty: Dec;
}

/**
 * Navigation over a plan: demands and supplies of an item, pegs, the
 * component demand an order causes, the top-level demands a supply serves.
 * Everything is computed per item the first time it is needed and kept.
 *
 * Pegs are first in, first out per item: supplies in the plan's order (on
 * hand, then receipts and planned orders by bucket) against demands sorted by
 * bucket — in a bucket allocations first, then requirements by date, safety
 * stock last in the first bucket.
 */
export class PegGraph {
  private readonly bySupply = new Map<number, Peg[]>();
  private readonly byDemand = new Map<number, Peg[]>();
  private readonly pegged = new Set<string>();
  private readonly top = new Map<number, TopRefs>();
  private readonly itemDemands = new Map<string, number[]>();
  private readonly extra = new Map<number, Demand>();
  private readonly children = new Map<number, number[]>();
  private readonly memo = new Map<string, NewDemand[]>();
  private nextId: number;
  private storedChildren = false;

  constructor(readonly plan: Plan) {
    this.nextId = plan.demands.length;
  }

  demand(id: number): Demand {
    return id < this.plan.demands.length ? this.plan.demands[id]! : this.extra.get(id)!;
  }

  supply(id: number): Supply {
    return supplyOf(this.plan, id);
  }

  /** Demand ids of an item: stored (top-level, allocations) and regenerated dependent demand. */
  demandsOfItem(item: string): readonly number[] {
    let l = this.itemDemands.get(item);
    if (l) return l;
    l = [...(this.plan.demandsByItem.get(item) ?? [])];
    for (const d of dependentDemands(this.plan, item, this.memo)) {
      const id = this.nextId++;
      this.extra.set(id, { id, ...d });
      l.push(id);
      push(this.children, d.parent, id);
    }
    this.itemDemands.set(item, l);
    return l;
  }

  private ensure(item: string): void {
    if (this.pegged.has(item)) return;
    this.pegged.add(item);
    if (this.plan.records.get(item)?.phantom) return; // a phantom's demand is passed on, never covered
    const sup = suppliesOfItem(this.plan, item);
    const cls = (d: Demand) => (d.kind === 'allocation' ? 0 : d.kind === 'safety' ? 2 : 1);
    const dem = [...this.demandsOfItem(item)].sort((a, b) => {
      const x = this.demand(a);
      const y = this.demand(b);
      return x.bucket - y.bucket || cls(x) - cls(y) || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || a - b;
    });
    const qtyOf = (sid: number) => (sid >= PLANNED_BASE ? this.plan.orders.qty(sid - PLANNED_BASE) : this.plan.supplies[sid]!.qty);
    let si = 0;
    let di = 0;
    let sLeft = sup.length ? qtyOf(sup[0]!) : Dec.ZERO;
    let dLeft = dem.length ? this.demand(dem[0]!).qty : Dec.ZERO;
    while (si < sup.length && di < dem.length) {
      const q = sLeft.min(dLeft);
      if (q.sign() > 0) {
        const p: Peg = { supply: sup[si]!, demand: dem[di]!, qty: q };
        push(this.bySupply, p.supply, p);
        push(this.byDemand, p.demand, p);
      }
      sLeft = sLeft.sub(q);
      dLeft = dLeft.sub(q);
      if (sLeft.sign() <= 0 && ++si < sup.length) sLeft = qtyOf(sup[si]!);
      if (dLeft.sign() <= 0 && ++di < dem.length) dLeft = this.demand(dem[di]!).qty;
    }
  }

  /** Pegs of a supply: the demands it covers. */
  demandsOf(supply: number): { demand: Demand; qty: Dec }[] {
    this.ensure(this.supply(supply).item);
    return (this.bySupply.get(supply) ?? []).map((p) => ({ demand: this.demand(p.demand), qty: p.qty }));
  }

  /** Pegs of a demand: the supplies that cover it. */
  suppliesOf(demand: number): { supply: Supply; qty: Dec }[] {
    this.ensure(this.demand(demand).item);
    return (this.byDemand.get(demand) ?? []).map((p) => ({ supply: this.supply(p.supply), qty: p.qty }));
  }

  /** Component demands a supply causes (allocations of a work order, dependent demand of an order). */
  childrenOf(supply: number): Demand[] {
    if (!this.storedChildren) {
      this.storedChildren = true;
      for (const d of this.plan.demands) if (d.parent >= 0) push(this.children, d.parent, d.id);
    }
    const item = this.supply(supply).item;
    for (const c of new Set(this.plan.bom.flatComponents(item, Dec.ONE).map((x) => x.component))) this.demandsOfItem(c);
    return (this.children.get(supply) ?? []).map((id) => this.demand(id));
  }

  /** Quantity of a supply not pegged to any demand (excess). */
  unpegged(supply: number): Dec {
    let q = this.supply(supply).qty;
    for (const p of this.demandsOf(supply)) q = q.sub(p.qty);
    return q;
  }

  /**
   * Distinct refs of the top-level demands a supply serves, through any number
   * of levels, first reached first, at most `cap` (memoised per supply, so a
   * whole plan costs O(pegs × cap)).
   */
  topRefs(supply: number, cap: number): TopRefs {
    const hit = this.top.get(supply);
    if (hit) return hit;
    const refs: string[] = [];
    const seen = new Set<string>();
    let more = false;
    const add = (r: string) => {
      if (seen.has(r)) return;
      if (refs.length >= cap) more = true;
      else {
        seen.add(r);
        refs.push(r);
      }
    };
    for (const { demand } of this.demandsOf(supply)) {
      if (isTopLevel(demand)) add(demand.ref);
      else if (demand.parent >= 0) {
        const up = this.topRefs(demand.parent, cap);
        for (const r of up.refs) add(r);
        if (up.more) more = true;
      }
    }
    const out = { refs, more };
    this.top.set(supply, out);
    return out;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
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
