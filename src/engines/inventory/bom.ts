/**
 * Bills of materials as a graph: explosion (indented, multi-level, with
 * scrap), where-used (all levels), cost roll-up and low-level codes.
 *
 * Only make items explode: a buy item is a leaf even if a BOM names it as
 * parent. Scrap of a component line is the line's `scrap`, else the
 * component item's `scrap`. Phantoms explode like any make item here; MRP
 * and allocations blow through them (`flatComponents`).
 */
import { Dec } from '../../domain/decimal.js';
import { naturalCompare } from '../../util/natural.js';
import { componentQty } from './qty.js';

export interface BomItem {
  readonly id: string;
  readonly name?: string;
  readonly type: 'make' | 'buy';
  readonly phantom?: boolean;
  readonly unit?: string;
  readonly scrap?: Dec;
  readonly cost?: Dec;
  readonly labour_cost?: Dec;
  readonly overhead_cost?: Dec;
}

export interface BomDoc {
  readonly item: string;
  readonly output_qty: Dec;
  readonly components: readonly { readonly component: string; readonly qty: Dec; readonly scrap?: Dec }[];
}

/** A component line with its effective scrap and the parent's output quantity. */
export interface BomLine {
  readonly component: string;
  readonly qty: Dec;
  readonly scrap: Dec | null;
  readonly output: Dec;
}

/** Thrown when the graph has a cycle (the bom-cycle check normally stops the workspace first). */
export class BomCycleError extends Error {
  constructor(readonly path: readonly string[]) {
    super(`BOM cycle: ${path.join(' → ')}`);
  }
}

export class BomIndex {
  readonly items: ReadonlyMap<string, BomItem>;
  private readonly lines = new Map<string, BomLine[]>();
  private readonly parents = new Map<string, { parent: string; line: BomLine }[]>();

  constructor(items: Iterable<BomItem>, boms: Iterable<BomDoc>) {
    const m = new Map<string, BomItem>();
    for (const it of items) m.set(it.id, it);
    this.items = m;
    for (const b of boms) {
      if (this.lines.has(b.item)) continue; // duplicates are reported by the check
      const parent = m.get(b.item);
      if (!parent || parent.type !== 'make') continue;
      const ls: BomLine[] = b.components.map((c) => ({
        component: c.component,
        qty: c.qty,
        scrap: c.scrap ?? m.get(c.component)?.scrap ?? null,
        output: b.output_qty,
      }));
      this.lines.set(b.item, ls);
      for (const l of ls) {
        let ps = this.parents.get(l.component);
        if (!ps) this.parents.set(l.component, (ps = []));
        ps.push({ parent: b.item, line: l });
      }
    }
  }

  /** Components of a make item (none for buy items and make items without a BOM). */
  linesOf(id: string): readonly BomLine[] {
    return this.lines.get(id) ?? [];
  }

  /** True when the item is made from a BOM. */
  explodes(id: string): boolean {
    return this.lines.has(id);
  }

  isPhantom(id: string): boolean {
    const it = this.items.get(id);
    return it !== undefined && it.type === 'make' && it.phantom === true;
  }

  /** Direct parents (BOMs that use the item), in BOM order. */
  usedIn(id: string): readonly { parent: string; line: BomLine }[] {
    return this.parents.get(id) ?? [];
  }

  /**
   * Low-level code of every item: 0 for items no BOM uses, else one more than
   * the deepest parent. Planning items in ascending code order means every
   * parent is planned before its components, so an item used at several levels
   * is planned once, with all its demand.
   */
  lowLevelCodes(): Map<string, number> {
    const indeg = new Map<string, number>();
    for (const id of this.items.keys()) indeg.set(id, 0);
    for (const [, ls] of this.lines) for (const l of ls) indeg.set(l.component, (indeg.get(l.component) ?? 0) + 1);
    const llc = new Map<string, number>();
    const queue: string[] = [];
    for (const [id, d] of indeg) {
      llc.set(id, 0);
      if (d === 0) queue.push(id);
    }
    let done = 0;
    while (done < queue.length) {
      const p = queue[done++]!;
      const lp = llc.get(p)!;
      for (const l of this.lines.get(p) ?? []) {
        if (lp + 1 > llc.get(l.component)!) llc.set(l.component, lp + 1);
        const d = indeg.get(l.component)! - 1;
        indeg.set(l.component, d);
        if (d === 0) queue.push(l.component);
      }
    }
    if (done < indeg.size) throw new BomCycleError(this.findCycle([...indeg].filter(([, d]) => d > 0).map(([id]) => id)));
    return llc;
  }

  private findCycle(candidates: string[]): string[] {
    const start = candidates.sort(naturalCompare)[0]!;
    const path: string[] = [start];
    const seen = new Map<string, number>([[start, 0]]);
    let cur = start;
    for (;;) {
      const next = (this.lines.get(cur) ?? []).find((l) => candidates.includes(l.component));
      if (!next) return path;
      const at = seen.get(next.component);
      if (at !== undefined) return [...path.slice(at), next.component];
      seen.set(next.component, path.length);
      path.push(next.component);
      cur = next.component;
    }
  }

  /**
   * Components needed to make `qty` of `id`, with phantoms blown through
   * (their components take their place). `via` names the phantoms passed.
   */
  flatComponents(id: string, qty: Dec): { component: string; qty: Dec; via: string[] }[] {
    const out: { component: string; qty: Dec; via: string[] }[] = [];
    const walk = (parent: string, q: Dec, via: string[], depth: number) => {
      if (depth > 64) throw new BomCycleError([...via, parent]);
      for (const l of this.linesOf(parent)) {
        const cq = componentQty(q, l.qty, l.output, l.scrap);
        if (this.isPhantom(l.component) && this.explodes(l.component)) walk(l.component, cq, [...via, l.component], depth + 1);
        else out.push({ component: l.component, qty: cq, via });
      }
    };
    walk(id, qty, [], 0);
    return out;
  }
}

export interface ExplodeRow {
  readonly level: number;
  readonly item: string;
  /** Quantity per output_qty of the parent as written (null for the top row). */
  readonly per: Dec | null;
  readonly scrap: Dec | null;
  /** Quantity needed for the requested top quantity, scrap included. */
  readonly qty: Dec;
  readonly kind: 'make' | 'buy' | 'phantom';
  /** A make item without a BOM: cannot be exploded further. */
  readonly noBom: boolean;
}

function kindOf(idx: BomIndex, id: string): 'make' | 'buy' | 'phantom' {
  const it = idx.items.get(id);
  if (!it) return 'buy';
  if (it.type === 'buy') return 'buy';
  return it.phantom ? 'phantom' : 'make';
}

/** Indented multi-level explosion, depth first in BOM order. */
export function explode(idx: BomIndex, sku: string, qty: Dec): ExplodeRow[] {
  const rows: ExplodeRow[] = [];
  const walk = (id: string, q: Dec, level: number, per: Dec | null, scrap: Dec | null, path: string[]) => {
    if (path.includes(id)) throw new BomCycleError([...path, id]);
    const kind = kindOf(idx, id);
    rows.push({ level, item: id, per, scrap, qty: q, kind, noBom: kind !== 'buy' && !idx.explodes(id) });
    for (const l of idx.linesOf(id)) walk(l.component, componentQty(q, l.qty, l.output, l.scrap), level + 1, l.qty, l.scrap, [...path, id]);
  };
  walk(sku, qty, 0, null, null, []);
  return rows;
}

export interface WhereUsedRow {
  readonly level: number;
  /** The parent that uses the item on the row below it in the tree. */
  readonly item: string;
  /** Quantity of the child per output_qty of this parent. */
  readonly per: Dec;
  readonly child: string;
  readonly output: Dec;
  readonly kind: 'make' | 'buy' | 'phantom';
}

/** Every parent at every level (upwards tree), parents in natural order. */
export function whereUsed(idx: BomIndex, sku: string): WhereUsedRow[] {
  const rows: WhereUsedRow[] = [];
  const walk = (id: string, level: number, path: string[]) => {
    if (path.includes(id)) throw new BomCycleError([...path, id].reverse());
    const ps = [...idx.usedIn(id)].sort((a, b) => naturalCompare(a.parent, b.parent));
    for (const p of ps) {
      rows.push({ level, item: p.parent, per: p.line.qty, child: id, output: p.line.output, kind: kindOf(idx, p.parent) });
      walk(p.parent, level + 1, [...path, id]);
    }
  };
  walk(sku, 1, []);
  return rows;
}

export const COST_SCALE = 4;

export interface CostRow {
  readonly level: number;
  readonly item: string;
  /** Quantity needed for the requested top quantity, scrap included. */
  readonly qty: Dec;
  /** Rolled-up cost of one unit (buy: item cost; make: materials + labour + overhead at its level). */
  readonly unitCost: Dec;
  readonly labour: Dec;
  readonly overhead: Dec;
  /** qty × unit cost. */
  readonly extended: Dec;
  readonly kind: 'make' | 'buy' | 'phantom';
}

export interface CostRollup {
  readonly rows: CostRow[];
  readonly unitCost: Dec;
  readonly total: Dec;
  /** Buy items without a cost (counted as 0). */
  readonly missing: string[];
}

/**
 * Cost roll-up: a buy item costs its `cost`; a make item costs the sum of its
 * components' quantity (scrap included) × their unit cost, plus its own
 * labour_cost and overhead_cost, rounded half-up to 4 decimals per level.
 */
export function costRollup(idx: BomIndex, sku: string, qty: Dec): CostRollup {
  const memo = new Map<string, Dec>();
  const missing = new Set<string>();
  const unit = (id: string, path: string[]): Dec => {
    const hit = memo.get(id);
    if (hit) return hit;
    if (path.includes(id)) throw new BomCycleError([...path, id]);
    const it = idx.items.get(id);
    let c: Dec;
    if (idx.explodes(id)) {
      c = (it?.labour_cost ?? Dec.ZERO).add(it?.overhead_cost ?? Dec.ZERO);
      for (const l of idx.linesOf(id)) c = c.add(componentQty(Dec.ONE, l.qty, l.output, l.scrap).mul(unit(l.component, [...path, id])));
      c = c.round(COST_SCALE, 'half-up').normalize();
    } else {
      // A buy item (or a make item without a BOM) costs its standard cost; without one, it counts as 0
      // (a make item without BOM and cost still adds its labour and overhead) and is listed as missing.
      if (it?.cost !== undefined) c = it.cost;
      else {
        missing.add(id);
        c = it?.type === 'make' ? (it.labour_cost ?? Dec.ZERO).add(it.overhead_cost ?? Dec.ZERO) : Dec.ZERO;
      }
    }
    memo.set(id, c);
    return c;
  };
  const rows: CostRow[] = [];
  for (const r of explode(idx, sku, qty)) {
    const it = idx.items.get(r.item);
    const u = unit(r.item, []);
    const makes = idx.explodes(r.item);
    rows.push({
      level: r.level,
      item: r.item,
      qty: r.qty,
      unitCost: u,
      labour: makes ? (it?.labour_cost ?? Dec.ZERO) : Dec.ZERO,
      overhead: makes ? (it?.overhead_cost ?? Dec.ZERO) : Dec.ZERO,
      extended: r.qty.mul(u).normalize(),
      kind: r.kind,
    });
  }
  const u = unit(sku, []);
  return { rows, unitCost: u, total: qty.mul(u).normalize(), missing: [...missing].sort(naturalCompare) };
}
