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
import type { Demand, Plan, Supply } from './types.js';

export function isTopLevel(d: Demand): boolean {
  return d.kind === 'sales' || d.kind === 'forecast' || d.kind === 'safety';
}

/** Compressed adjacency lists (CSR) over the plan's pegs. */
export class PegGraph {
  private readonly bySupplyStart: Int32Array;
  private readonly bySupply: Int32Array;
  private readonly byDemandStart: Int32Array;
  private readonly byDemand: Int32Array;
  private readonly childStart: Int32Array;
  private readonly child: Int32Array;

  constructor(readonly plan: Plan) {
    const { pegs, supplies, demands } = plan;
    const csr = (n: number, keyOf: (i: number) => number, count: number): [Int32Array, Int32Array] => {
      const start = new Int32Array(n + 1);
      for (let i = 0; i < count; i++) {
        const k = keyOf(i);
        if (k >= 0) start[k + 1]!++;
      }
      for (let k = 0; k < n; k++) start[k + 1]! += start[k]!;
      const fill = start.slice(0, n);
      const out = new Int32Array(start[n]!);
      for (let i = 0; i < count; i++) {
        const k = keyOf(i);
        if (k >= 0) out[fill[k]!++] = i;
      }
      return [start, out];
    };
    [this.bySupplyStart, this.bySupply] = csr(supplies.length, (i) => pegs.supply[i]!, pegs.length);
    [this.byDemandStart, this.byDemand] = csr(demands.length, (i) => pegs.demand[i]!, pegs.length);
    [this.childStart, this.child] = csr(supplies.length, (i) => demands[i]!.parent, demands.length);
  }

  /** Pegs of a supply: the demands it covers. */
  demandsOf(supply: number): { demand: Demand; qty: Dec }[] {
    const out: { demand: Demand; qty: Dec }[] = [];
    for (let k = this.bySupplyStart[supply]!; k < this.bySupplyStart[supply + 1]!; k++) {
      const p = this.bySupply[k]!;
      out.push({ demand: this.plan.demands[this.plan.pegs.demand[p]!]!, qty: this.plan.pegs.qty[p]! });
    }
    return out;
  }

  /** Pegs of a demand: the supplies that cover it. */
  suppliesOf(demand: number): { supply: Supply; qty: Dec }[] {
    const out: { supply: Supply; qty: Dec }[] = [];
    for (let k = this.byDemandStart[demand]!; k < this.byDemandStart[demand + 1]!; k++) {
      const p = this.byDemand[k]!;
      out.push({ supply: this.plan.supplies[this.plan.pegs.supply[p]!]!, qty: this.plan.pegs.qty[p]! });
    }
    return out;
  }

  /** Component demands a supply causes (allocations of a work order, dependent demand of a planned order). */
  childrenOf(supply: number): Demand[] {
    const out: Demand[] = [];
    for (let k = this.childStart[supply]!; k < this.childStart[supply + 1]!; k++) out.push(this.plan.demands[this.child[k]!]!);
    return out;
  }

  /** Quantity of a supply not pegged to any demand (excess). */
  unpegged(supply: number): Dec {
    let q = this.plan.supplies[supply]!.qty;
    for (const p of this.demandsOf(supply)) q = q.sub(p.qty);
    return q;
  }

  /**
   * Top-level demands a supply serves (through any number of levels), in
   * first-reached order, at most `cap` (more: `more` is true).
   */
  topDemands(supply: number, cap = Infinity): { demands: Demand[]; more: boolean } {
    const found = new Map<number, Demand>();
    const seen = new Set<number>();
    let more = false;
    const walkSupply = (s: number): void => {
      if (seen.has(s)) return;
      seen.add(s);
      for (const { demand } of this.demandsOf(s)) {
        if (found.size >= cap) {
          if (!found.has(demand.id)) more = true;
          return;
        }
        if (isTopLevel(demand)) found.set(demand.id, demand);
        else if (demand.parent >= 0) walkSupply(demand.parent);
      }
    };
    walkSupply(supply);
    return { demands: [...found.values()], more };
  }
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

export interface TopRefs {
  /** Distinct refs of the top-level demands served, first reached first (sales line, "forecast 2026-12", "safety stock"). */
  readonly refs: readonly string[];
  /** More than `cap` were found. */
  readonly more: boolean;
}

/**
 * Top-level demand refs of every supply, capped at `cap` each. Computed once
 * per supply in planning order (a supply's demands belong to parents planned
 * earlier), so the whole plan costs O(pegs × cap).
 */
export function topDemandRefs(g: PegGraph, cap: number): TopRefs[] {
  const { plan } = g;
  const out: (TopRefs | undefined)[] = new Array(plan.supplies.length);
  const byItem = new Map<string, number[]>();
  for (const s of plan.supplies) {
    let l = byItem.get(s.item);
    if (!l) byItem.set(s.item, (l = []));
    l.push(s.id);
  }
  const EMPTY: TopRefs = { refs: [], more: false };
  for (const item of plan.records.keys()) {
    for (const sid of byItem.get(item) ?? []) {
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
      for (const { demand } of g.demandsOf(sid)) {
        if (isTopLevel(demand)) add(demand.ref);
        else if (demand.parent >= 0) {
          const up = out[demand.parent] ?? EMPTY;
          for (const r of up.refs) add(r);
          if (up.more) more = true;
        }
      }
      out[sid] = { refs, more };
    }
  }
  return out.map((x) => x ?? EMPTY);
}
