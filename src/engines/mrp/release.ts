/**
 * Releasing planned orders (`bizctl mrp release`): which planned orders, and
 * the purchase and work orders they become. Pure: planned orders and a few
 * facts about items and suppliers in, documents out (no files, no clock).
 *
 *   select  the given ids (each must be in the plan), or a rule: every order with
 *           an action message (past due, release now), or every order released on
 *           or before a date; a rule can be narrowed by item, supplier and type
 *   group   buy  → one purchase order per supplier (suppliers in natural order),
 *                  one line per planned order, lines in planned-order order
 *           make → one work order per planned order
 *           orders are taken in the canonical planned-order order (item, due, id),
 *           so ids are handed out in that order
 *   dates   purchase order: order date = as-of; line due = the planned due date
 *           work order: start = the planned release date, or as-of when that has
 *           passed; due = the planned due date
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import { didYouMean } from '../../util/suggest.js';
import type { TopRefs } from './pegging.js';
import type { PlannedOrder } from './types.js';

export type OrderType = 'make' | 'buy';

/** Which planned orders to release. */
export type Selection =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  | {
      readonly kind: 'rule';
      /** null: the orders with an action message (past due, release now); a date: release ≤ date. */
      readonly releaseBy: IsoDate | null;
      readonly items?: readonly string[];
      /** Only buy orders from these suppliers. */
      readonly suppliers?: readonly string[];
      readonly type?: OrderType;
    };

export interface UnknownId {
  readonly id: string;
  readonly suggestion: string | null;
}

export type Selected = { readonly ok: true; readonly orders: readonly PlannedOrder[] } | { readonly ok: false; readonly unknown: readonly UnknownId[] };

/** Canonical planned-order order: item (natural), due date, id. */
export function comparePlanned(a: PlannedOrder, b: PlannedOrder): number {
  return naturalCompare(a.item, b.item) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || naturalCompare(a.id, b.id);
}

export function selectPlanned(all: readonly PlannedOrder[], sel: Selection): Selected {
  let out: PlannedOrder[];
  if (sel.kind === 'ids') {
    const byId = new Map(all.map((o) => [o.id, o]));
    const unknown: UnknownId[] = [];
    out = [];
    for (const id of new Set(sel.ids)) {
      const o = byId.get(id);
      if (o) out.push(o);
      else unknown.push({ id, suggestion: didYouMean(id, byId.keys()) ?? null });
    }
    if (unknown.length) return { ok: false, unknown };
  } else {
    const items = sel.items ? new Set(sel.items) : null;
    const suppliers = sel.suppliers ? new Set(sel.suppliers) : null;
    out = all.filter(
      (o) =>
        (sel.releaseBy === null ? o.message !== null : o.release <= sel.releaseBy) &&
        (!items || items.has(o.item)) &&
        (!suppliers || (o.supplier !== null && suppliers.has(o.supplier))) &&
        (!sel.type || o.type === sel.type),
    );
  }
  return { ok: true, orders: out.sort(comparePlanned) };
}

/** What a buy item costs from a supplier, or why that is not known. */
export type Terms =
  | { readonly ok: true; readonly price: Dec; readonly currency: string | null; readonly taxRate: Dec | null; /** 'cost' or the purchase order the price comes from. */ readonly priceFrom: string }
  | { readonly ok: false; readonly code: 'unknown-supplier' | 'no-price'; readonly currency: string };

export interface ReleaseInput {
  readonly asOf: IsoDate;
  /** The selected planned orders. */
  readonly orders: readonly PlannedOrder[];
  readonly terms: (item: string, supplier: string) => Terms;
  /** Ids of new purchase and work orders, in the existing pattern. */
  readonly nextPo: () => string;
  readonly nextWo: () => string;
  /** released, or planned (firm planned orders). */
  readonly woStatus: 'released' | 'planned';
  /** Top-level demands a planned order serves (recorded on the new documents). */
  readonly demands: (o: PlannedOrder) => TopRefs;
}

export interface ReleasedLine {
  readonly line: number;
  readonly item: string;
  readonly qty: Dec;
  readonly price: Dec;
  readonly priceFrom: string;
  readonly taxRate: Dec | null;
  readonly due: IsoDate;
  readonly from: PlannedOrder;
  readonly for: TopRefs;
}

export interface ReleasedPo {
  readonly id: string;
  readonly supplier: string;
  readonly date: IsoDate;
  readonly currency: string | null;
  readonly lines: readonly ReleasedLine[];
}

export interface ReleasedWo {
  readonly id: string;
  readonly item: string;
  readonly qty: Dec;
  readonly start: IsoDate;
  readonly due: IsoDate;
  readonly status: 'released' | 'planned';
  readonly from: PlannedOrder;
  readonly for: TopRefs;
}

export interface Release {
  readonly asOf: IsoDate;
  readonly purchaseOrders: readonly ReleasedPo[];
  readonly workOrders: readonly ReleasedWo[];
}

export type ReleaseProblem =
  | { readonly code: 'no-supplier'; readonly item: string; readonly order: string }
  | { readonly code: 'unknown-supplier'; readonly item: string; readonly order: string; readonly supplier: string }
  | { readonly code: 'no-price'; readonly item: string; readonly order: string; readonly supplier: string; readonly currency: string };

export type Released = { readonly ok: true; readonly release: Release } | { readonly ok: false; readonly problems: readonly ReleaseProblem[] };

export function releaseOrders(inp: ReleaseInput): Released {
  const orders = [...inp.orders].sort(comparePlanned);
  const problems: ReleaseProblem[] = [];
  const bySupplier = new Map<string, { o: PlannedOrder; t: Terms & { ok: true } }[]>();
  for (const o of orders) {
    if (o.type !== 'buy') continue;
    if (o.supplier === null) {
      problems.push({ code: 'no-supplier', item: o.item, order: o.id });
      continue;
    }
    const t = inp.terms(o.item, o.supplier);
    if (!t.ok) {
      problems.push(t.code === 'unknown-supplier' ? { code: t.code, item: o.item, order: o.id, supplier: o.supplier } : { code: t.code, item: o.item, order: o.id, supplier: o.supplier, currency: t.currency });
      continue;
    }
    const group = bySupplier.get(o.supplier) ?? [];
    group.push({ o, t });
    bySupplier.set(o.supplier, group);
  }
  if (problems.length) return { ok: false, problems };
  const purchaseOrders: ReleasedPo[] = [...bySupplier.keys()].sort(naturalCompare).map((supplier) => {
    const group = bySupplier.get(supplier)!;
    return {
      id: inp.nextPo(),
      supplier,
      date: inp.asOf,
      currency: group[0]!.t.currency,
      lines: group.map(({ o, t }, i) => ({ line: i + 1, item: o.item, qty: o.qty, price: t.price, priceFrom: t.priceFrom, taxRate: t.taxRate, due: o.due, from: o, for: inp.demands(o) })),
    };
  });
  const workOrders: ReleasedWo[] = orders
    .filter((o) => o.type === 'make')
    .map((o) => ({ id: inp.nextWo(), item: o.item, qty: o.qty, start: o.release < inp.asOf ? inp.asOf : o.release, due: o.due, status: inp.woStatus, from: o, for: inp.demands(o) }));
  return { ok: true, release: { asOf: inp.asOf, purchaseOrders, workOrders } };
}
