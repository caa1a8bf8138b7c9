/**
 * Gross margin (pure): sales lines in, rows by product, customer or month out.
 *
 * - **Revenue** of a line = its net before VAT (round(qty × price) to the minor unit of its
 *   document's currency, in the base currency); credit-note lines count negative.
 * - **Cost** of an invoice line = qty × the item's unit cost (the BOM cost roll-up: material +
 *   labour + overhead per level, 4 decimals per level; a buy item's `cost`). A credit note lowers
 *   revenue only: its goods' cost stays (an allowance returns nothing; returned goods are not
 *   re-costed), so its cost is 0 — when the item's cost is known.
 * - A line whose item is missing, or whose item has no known unit cost, is **cost unknown**: its
 *   revenue is counted in revenue and in the "cost unknown" column, never with a cost of 0.
 * - Per row: cost = Σ exact line costs rounded once to the minor unit; margin = revenue − cost
 *   unknown − cost (the margin of the lines whose cost is known); margin % = margin ÷ (revenue −
 *   cost unknown) × 100, half-up to 2 decimals (empty when that revenue is 0 or less). A row none of
 *   whose lines has a known cost has no cost, margin or margin % at all (null, not 0).
 * - The total row is computed the same way over all lines, so it may differ by a cent from the
 *   sum of the rounded rows.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';

export const MARGIN_BY = ['product', 'customer', 'month'] as const;
export type MarginBy = (typeof MARGIN_BY)[number];

export interface SaleLine {
  /** Invoice or credit note id. */
  readonly doc: string;
  readonly kind: 'invoice' | 'credit-note';
  /** 1-based position in the document. */
  readonly line: number;
  readonly date: IsoDate;
  readonly customer: string;
  readonly item: string | null;
  readonly description: string | null;
  readonly qty: Dec;
  /** Net before VAT in the base currency, negative for credit notes. */
  readonly revenue: Dec;
}

/** A unit cost, or why there is none. */
export type UnitCost = { readonly known: true; readonly cost: Dec } | { readonly known: false; readonly reason: string };

export interface MarginRow {
  /** Item, customer or month; null for the lines without an item (by product). */
  readonly key: string | null;
  /** By product: Σ invoiced quantity (credit notes do not change it). */
  readonly qty: Dec | null;
  /** By product: the unit cost used, null when unknown. */
  readonly unit_cost: Dec | null;
  readonly revenue: Dec;
  /** Null when no line of the row has a known cost (all of it is in cost_unknown). */
  readonly cost: Dec | null;
  readonly margin: Dec | null;
  readonly margin_pct: Dec | null;
  /** Revenue of the lines whose cost is unknown. */
  readonly cost_unknown: Dec;
}

export interface UnknownLine {
  readonly doc: string;
  readonly line: number;
  readonly item: string | null;
  readonly description: string | null;
  readonly revenue: Dec;
  readonly reason: string;
}

export interface MarginResult {
  readonly rows: MarginRow[];
  readonly total: MarginRow;
  readonly unknown: UnknownLine[];
}

export interface MarginOptions {
  readonly by: MarginBy;
  readonly minor: number;
  readonly rounding: RoundingMode;
  readonly unitCost: (item: string) => UnitCost;
}

class Acc {
  revenue: Dec;
  unknown: Dec;
  cost = Dec.ZERO;
  qty = Dec.ZERO;
  /** Lines whose cost is known. */
  known = 0;
  constructor(minor: number) {
    this.revenue = Dec.ZERO.withScale(minor);
    this.unknown = Dec.ZERO.withScale(minor);
  }
}

/** margin ÷ base × 100, half-up to 2 decimals; null when base is 0 or negative (a share of nothing, or of credits only). */
export function marginPct(margin: Dec, base: Dec): Dec | null {
  return base.sign() <= 0 ? null : margin.mul(Dec.int(100)).div(base, 2, 'half-up');
}

export function margin(lines: readonly SaleLine[], o: MarginOptions): MarginResult {
  const groups = new Map<string, Acc>();
  const total = new Acc(o.minor);
  const unknown: UnknownLine[] = [];
  const NO_ITEM = '\u0000';
  const keyOf = (l: SaleLine): string => (o.by === 'product' ? (l.item ?? NO_ITEM) : o.by === 'customer' ? l.customer : l.date.slice(0, 7));
  for (const l of lines) {
    const k = keyOf(l);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = new Acc(o.minor)));
    const uc: UnitCost = l.item === null ? { known: false, reason: 'no item' } : o.unitCost(l.item);
    for (const a of [g, total]) {
      a.revenue = a.revenue.add(l.revenue);
      if (l.kind === 'invoice') a.qty = a.qty.add(l.qty);
      if (!uc.known) a.unknown = a.unknown.add(l.revenue);
      else {
        a.known++;
        if (l.kind === 'invoice') a.cost = a.cost.add(l.qty.mul(uc.cost));
      }
    }
    if (!uc.known) unknown.push({ doc: l.doc, line: l.line, item: l.item, description: l.description, revenue: l.revenue, reason: uc.reason });
  }
  const row = (key: string | null, a: Acc): MarginRow => {
    const cost = a.cost.round(o.minor, o.rounding).withScale(o.minor);
    const known = a.revenue.sub(a.unknown);
    const m = known.sub(cost);
    const uc = o.by === 'product' && key !== null ? o.unitCost(key) : null;
    const any = a.known > 0;
    return {
      key,
      qty: o.by === 'product' ? a.qty : null,
      unit_cost: uc?.known ? uc.cost : null,
      revenue: a.revenue,
      cost: any ? cost : null,
      margin: any ? m : null,
      margin_pct: any ? marginPct(m, known) : null,
      cost_unknown: a.unknown,
    };
  };
  const keys = [...groups.keys()].sort((a, b) => (a === NO_ITEM ? 1 : b === NO_ITEM ? -1 : o.by === 'month' ? (a < b ? -1 : a > b ? 1 : 0) : naturalCompare(a, b)));
  return {
    rows: keys.map((k) => row(k === NO_ITEM ? null : k, groups.get(k)!)),
    total: { ...row(null, total), qty: o.by === 'product' ? total.qty : null, unit_cost: null },
    unknown,
  };
}
