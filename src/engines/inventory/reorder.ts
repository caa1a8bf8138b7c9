/**
 * Reorder alerts (order-point planning).
 *
 *   alert      when available ≤ reorder_point   (available = on hand + on order − allocated)
 *   order qty  max_qty − available if max_qty is set, else reorder_qty;
 *              then at least moq; then rounded UP to a whole unit and to a multiple of order_multiple
 *   needed     the first date on which projected stock (nettable on hand, plus open receipts on their
 *              due dates, minus open sales-order lines on their due dates and work-order components on
 *              the work order's start date; overdue dates count as as-of) falls below safety stock;
 *              if it never does, as-of + lead time
 *   order by   needed − lead time in working days (never later than needed; may be before as-of: late)
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { naturalCompare } from '../../util/natural.js';
import { ceilMultiple, ceilWhole, pos } from './qty.js';
import { isActiveWorkOrder, NO_LOCATION, stockPosition, workOrderNeeds, type PositionInput } from './position.js';

export interface ReorderItem {
  readonly id: string;
  readonly type: 'make' | 'buy';
  readonly active: boolean;
  readonly lead_time: number;
  readonly safety_stock: Dec;
  readonly reorder_point?: Dec;
  readonly reorder_qty?: Dec;
  readonly max_qty?: Dec;
  readonly moq?: Dec;
  readonly order_multiple?: Dec;
  readonly supplier?: string;
}

/** The order quantity rule, alone (see the module comment). */
export function suggestQty(item: Pick<ReorderItem, 'reorder_qty' | 'max_qty' | 'moq' | 'order_multiple'>, available: Dec): Dec {
  let q = item.max_qty !== undefined ? pos(item.max_qty.sub(available)) : (item.reorder_qty ?? Dec.ZERO);
  if (item.moq && q.lt(item.moq)) q = item.moq;
  return ceilMultiple(ceilWhole(q), item.order_multiple);
}

export interface StockEvent {
  readonly date: IsoDate;
  /** + receipt, − demand */
  readonly qty: Dec;
}

/**
 * First date projected stock falls below `floor`, starting from `start` on
 * as-of. The balance is checked after each date's receipts (which come first)
 * and after each demand. Null if it never falls below.
 */
export function firstBelow(start: Dec, events: readonly StockEvent[], floor: Dec, asOf: IsoDate): IsoDate | null {
  const evs = [{ date: asOf, qty: Dec.ZERO }, ...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (b.qty.sign() >= 0 ? 1 : 0) - (a.qty.sign() >= 0 ? 1 : 0)));
  let bal = start;
  for (let k = 0; k < evs.length; k++) {
    const e = evs[k]!;
    bal = bal.add(e.qty);
    const next = evs[k + 1];
    const checkpoint = e.qty.sign() < 0 || !next || next.date !== e.date || next.qty.sign() < 0;
    if (checkpoint && bal.lt(floor)) return e.date;
  }
  return null;
}

export interface ReorderAlert {
  readonly item: string;
  readonly onHand: Dec;
  readonly onOrder: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
  readonly reorderPoint: Dec;
  readonly safetyStock: Dec;
  readonly qty: Dec;
  readonly supplier: string | null;
  readonly leadTime: number;
  readonly needed: IsoDate;
  readonly orderBy: IsoDate;
  /** orderBy is before as-of: the order should already have been placed. */
  readonly late: boolean;
}

/** Items (active, with a reorder point) whose available quantity is at or below the reorder point. */
export function reorderAlerts(inp: PositionInput, items: readonly ReorderItem[], cal: WorkCalendar): ReorderAlert[] {
  const position = stockPosition(inp);
  const nettable = new Map(inp.locations.map((l) => [l.id, l.nettable]));
  const dflt = inp.defaultLocation ?? NO_LOCATION;
  const counts = (loc: string | undefined) => nettable.get(loc ?? dflt) ?? true;
  const at = (d: IsoDate) => (d < inp.asOf ? inp.asOf : d);
  const events = new Map<string, StockEvent[]>();
  const push = (item: string, date: IsoDate, qty: Dec) => {
    let l = events.get(item);
    if (!l) events.set(item, (l = []));
    l.push({ date: at(date), qty });
  };
  for (const po of inp.purchaseOrders) {
    if (po.status !== 'open' || !counts(po.location)) continue;
    for (const l of po.lines) if (l.qty.gt(l.received)) push(l.item, l.due, l.qty.sub(l.received));
  }
  for (const wo of inp.workOrders) {
    if (!isActiveWorkOrder(wo) || !counts(wo.location)) continue;
    push(wo.item, wo.due, wo.qty.sub(wo.completed));
    for (const n of workOrderNeeds(wo, inp.bom)) push(n.component, wo.start, n.qty.neg());
  }
  for (const so of inp.salesOrders) {
    if (so.status !== 'open' || !counts(so.location)) continue;
    for (const l of so.lines) if (l.qty.gt(l.shipped)) push(l.item, l.due, l.shipped.sub(l.qty));
  }
  const out: ReorderAlert[] = [];
  for (const it of [...items].sort((a, b) => naturalCompare(a.id, b.id))) {
    if (!it.active || it.reorder_point === undefined) continue;
    const p = position.get(it.id);
    const onHand = p?.onHand ?? Dec.ZERO;
    const available = p?.available ?? Dec.ZERO;
    if (available.gt(it.reorder_point)) continue;
    const below = firstBelow(onHand, events.get(it.id) ?? [], it.safety_stock, inp.asOf);
    let needed: IsoDate;
    let orderBy: IsoDate;
    if (below === null) {
      // Never below safety stock on known orders: the reorder point itself says "order now".
      needed = it.lead_time === 0 ? inp.asOf : cal.addWorkdays(inp.asOf, it.lead_time);
      orderBy = inp.asOf;
    } else {
      needed = below;
      orderBy = it.lead_time === 0 ? below : cal.addWorkdays(below, -it.lead_time);
    }
    out.push({
      item: it.id,
      onHand,
      onOrder: p?.onOrder ?? Dec.ZERO,
      allocated: p?.allocated ?? Dec.ZERO,
      available,
      reorderPoint: it.reorder_point,
      safetyStock: it.safety_stock,
      qty: suggestQty(it, available),
      supplier: it.supplier ?? null,
      leadTime: it.lead_time,
      needed,
      orderBy,
      late: orderBy < inp.asOf,
    });
  }
  return out;
}
