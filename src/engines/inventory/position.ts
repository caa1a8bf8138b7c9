/**
 * Stock position as of a date, per item and location:
 *
 *   on hand   = the item's latest count (stock snapshot) on or before as-of,
 *               plus moves dated after that count up to as-of
 *   on order  = open purchase-order lines (qty − received) and work orders
 *               released or in progress (qty − completed)
 *   allocated = open sales-order lines (qty − shipped) and the components
 *               still needed by released / in-progress work orders
 *   available = on hand + on order − allocated
 *
 * Pure: records in, position out. Document quantities sit at the document's
 * location (purchase order: receiving, sales order: shipping, work order:
 * production), else the workspace's default location.
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { BomIndex } from './bom.js';
import { pos } from './qty.js';

export interface StockLine {
  readonly date: IsoDate;
  readonly item: string;
  readonly location: string;
  readonly qty: Dec;
}

export interface MoveLine {
  readonly date: IsoDate;
  readonly item: string;
  readonly qty: Dec;
  readonly from?: string;
  readonly to?: string;
  readonly kind: 'receipt' | 'shipment' | 'transfer' | 'production' | 'consumption' | 'adjustment';
}

export interface PoDoc {
  readonly id: string;
  readonly supplier: string;
  readonly date: IsoDate;
  readonly currency?: string;
  readonly status: 'draft' | 'open' | 'closed' | 'cancelled';
  readonly location?: string;
  readonly lines: readonly {
    readonly line: number;
    readonly item: string;
    readonly qty: Dec;
    readonly price: Dec;
    readonly due: IsoDate;
    readonly received: Dec;
    readonly received_date?: IsoDate;
  }[];
}

export interface SoDoc {
  readonly id: string;
  readonly customer: string;
  readonly status: 'draft' | 'open' | 'closed' | 'cancelled';
  readonly location?: string;
  readonly lines: readonly { readonly line: number; readonly item: string; readonly qty: Dec; readonly due: IsoDate; readonly shipped: Dec }[];
}

export interface WoDoc {
  readonly id: string;
  readonly item: string;
  readonly qty: Dec;
  readonly start: IsoDate;
  readonly due: IsoDate;
  readonly status: 'planned' | 'released' | 'in-progress' | 'done' | 'cancelled';
  readonly completed: Dec;
  readonly location?: string;
  readonly sales_order?: string;
}

export interface LocationInfo {
  readonly id: string;
  readonly nettable: boolean;
}

/** Location of a document or move without one and no default location configured. */
export const NO_LOCATION = '';

/**
 * Items counted only after `asOf` (none on or before it), with their first count: their on hand as of
 * that date is moves only, which usually means the stock history starts later, not that nothing was there.
 */
export function countedOnlyAfter(stock: readonly Pick<StockLine, 'item' | 'date'>[], asOf: IsoDate): { item: string; first: IsoDate }[] {
  const first = new Map<string, IsoDate>();
  const before = new Set<string>();
  for (const s of stock) {
    if (s.date <= asOf) before.add(s.item);
    else if (!first.has(s.item) || s.date < first.get(s.item)!) first.set(s.item, s.date);
  }
  return [...first].filter(([item]) => !before.has(item)).map(([item, d]) => ({ item, first: d })).sort((a, b) => naturalCompare(a.item, b.item));
}

/** On hand per item and location at the end of `asOf`. */
export function onHandAsOf(stock: readonly StockLine[], moves: readonly MoveLine[], asOf: IsoDate, defaultLocation: string | null): Map<string, Map<string, Dec>> {
  const countDate = new Map<string, IsoDate>();
  for (const s of stock) {
    if (s.date > asOf) continue;
    const c = countDate.get(s.item);
    if (c === undefined || s.date > c) countDate.set(s.item, s.date);
  }
  const out = new Map<string, Map<string, Dec>>();
  const add = (item: string, loc: string, q: Dec) => {
    let m = out.get(item);
    if (!m) out.set(item, (m = new Map()));
    m.set(loc, (m.get(loc) ?? Dec.ZERO).add(q));
  };
  for (const s of stock) if (countDate.get(s.item) === s.date) add(s.item, s.location, s.qty);
  const dflt = defaultLocation ?? NO_LOCATION;
  for (const mv of moves) {
    if (mv.date > asOf) continue;
    const c = countDate.get(mv.item);
    if (c !== undefined && mv.date <= c) continue;
    let from = mv.from;
    let to = mv.to;
    // A receipt or output without a destination lands in the default location; a shipment,
    // consumption or write-off without a source leaves it.
    if (!from && !to) {
      if (mv.kind === 'receipt' || mv.kind === 'production') to = dflt;
      else if (mv.kind === 'shipment' || mv.kind === 'consumption' || mv.kind === 'adjustment') from = dflt;
    }
    if (from !== undefined) add(mv.item, from, mv.qty.neg());
    if (to !== undefined) add(mv.item, to, mv.qty);
  }
  return out;
}

/** Work orders that hold stock and count as on order: released or in progress, with output still to come. */
export function isActiveWorkOrder(wo: WoDoc): boolean {
  return (wo.status === 'released' || wo.status === 'in-progress') && wo.qty.gt(wo.completed);
}

/** Components a work order still needs: (qty − completed) exploded one level, phantoms blown through. */
export function workOrderNeeds(wo: WoDoc, bom: BomIndex): { component: string; qty: Dec; via: string[] }[] {
  return bom.flatComponents(wo.item, pos(wo.qty.sub(wo.completed)));
}

export interface LocPosition {
  readonly item: string;
  readonly location: string;
  readonly nettable: boolean;
  readonly onHand: Dec;
  readonly onOrder: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
}

export interface ItemPosition {
  readonly item: string;
  /** Totals over nettable locations. */
  readonly onHand: Dec;
  readonly onOrder: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
  readonly locations: readonly LocPosition[];
}

export interface PositionInput {
  readonly asOf: IsoDate;
  readonly stock: readonly StockLine[];
  readonly moves: readonly MoveLine[];
  readonly purchaseOrders: readonly PoDoc[];
  readonly salesOrders: readonly SoDoc[];
  readonly workOrders: readonly WoDoc[];
  readonly locations: readonly LocationInfo[];
  readonly bom: BomIndex;
  readonly defaultLocation: string | null;
}

/**
 * Stock position of every item that has stock, orders or allocations, in
 * natural item order, locations in natural order. Document quantities are
 * current (received, shipped, completed as written), so `asOf` moves the
 * on-hand figure only.
 */
export function stockPosition(inp: PositionInput): Map<string, ItemPosition> {
  const dflt = inp.defaultLocation ?? NO_LOCATION;
  const onHand = onHandAsOf(inp.stock, inp.moves, inp.asOf, inp.defaultLocation);
  type Acc = { onHand: Dec; onOrder: Dec; allocated: Dec };
  const acc = new Map<string, Map<string, Acc>>();
  const cell = (item: string, loc: string): Acc => {
    let m = acc.get(item);
    if (!m) acc.set(item, (m = new Map()));
    let a = m.get(loc);
    if (!a) m.set(loc, (a = { onHand: Dec.ZERO, onOrder: Dec.ZERO, allocated: Dec.ZERO }));
    return a;
  };
  for (const [item, m] of onHand) for (const [loc, q] of m) cell(item, loc).onHand = q;
  for (const po of inp.purchaseOrders) {
    if (po.status !== 'open') continue;
    for (const l of po.lines) {
      const open = pos(l.qty.sub(l.received));
      if (open.sign() > 0) {
        const c = cell(l.item, po.location ?? dflt);
        c.onOrder = c.onOrder.add(open);
      }
    }
  }
  for (const wo of inp.workOrders) {
    if (!isActiveWorkOrder(wo)) continue;
    const loc = wo.location ?? dflt;
    const c = cell(wo.item, loc);
    c.onOrder = c.onOrder.add(wo.qty.sub(wo.completed));
    for (const n of workOrderNeeds(wo, inp.bom)) {
      const cc = cell(n.component, loc);
      cc.allocated = cc.allocated.add(n.qty);
    }
  }
  for (const so of inp.salesOrders) {
    if (so.status !== 'open') continue;
    for (const l of so.lines) {
      const open = pos(l.qty.sub(l.shipped));
      if (open.sign() > 0) {
        const c = cell(l.item, so.location ?? dflt);
        c.allocated = c.allocated.add(open);
      }
    }
  }
  const nettable = new Map(inp.locations.map((l) => [l.id, l.nettable]));
  const out = new Map<string, ItemPosition>();
  for (const item of [...acc.keys()].sort(naturalCompare)) {
    const m = acc.get(item)!;
    const locs: LocPosition[] = [];
    let tOn = Dec.ZERO;
    let tOrd = Dec.ZERO;
    let tAl = Dec.ZERO;
    for (const loc of [...m.keys()].sort(naturalCompare)) {
      const a = m.get(loc)!;
      const net = nettable.get(loc) ?? true;
      locs.push({ item, location: loc, nettable: net, onHand: a.onHand, onOrder: a.onOrder, allocated: a.allocated, available: a.onHand.add(a.onOrder).sub(a.allocated) });
      if (net) {
        tOn = tOn.add(a.onHand);
        tOrd = tOrd.add(a.onOrder);
        tAl = tAl.add(a.allocated);
      }
    }
    out.set(item, { item, onHand: tOn, onOrder: tOrd, allocated: tAl, available: tOn.add(tOrd).sub(tAl), locations: locs });
  }
  return out;
}

/** Nettable on hand per item (for planning). */
export function nettableOnHand(inp: Pick<PositionInput, 'stock' | 'moves' | 'asOf' | 'locations' | 'defaultLocation'>): Map<string, Dec> {
  const nettable = new Map(inp.locations.map((l) => [l.id, l.nettable]));
  const out = new Map<string, Dec>();
  for (const [item, m] of onHandAsOf(inp.stock, inp.moves, inp.asOf, inp.defaultLocation)) {
    let t = Dec.ZERO;
    for (const [loc, q] of m) if (nettable.get(loc) ?? true) t = t.add(q);
    out.set(item, t);
  }
  return out;
}
