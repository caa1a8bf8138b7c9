/**
 * Workspace → MRP input:
 *   demand      open sales-order lines (status open; qty − shipped), with every open or closed
 *               line's ordered qty consuming the forecast of its period; draft and cancelled orders
 *               are ignored
 *   receipts    open purchase-order lines (qty − received), work orders released or in progress
 *               (qty − completed) and work orders with status planned (firm planned orders)
 *   allocations components still needed by released / in-progress work orders
 *   on hand     nettable locations, as of the as-of date
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { isActiveWorkOrder, nettableOnHand, workOrderNeeds } from '../../engines/inventory/position.js';
import { effectiveLeadTime } from '../../engines/inventory/leadtime.js';
import { pos } from '../../engines/inventory/qty.js';
import { makeBuckets, type Horizon } from '../../engines/mrp/buckets.js';
import type { Allocation, BucketKind, MrpInput, PlanItem, SalesLine, ScheduledReceipt } from '../../engines/mrp/types.js';
import type { Workspace } from '../../workspace/workspace.js';
import { bomIndex, calendarOf } from '../inventory/common.js';

export interface MrpSpec {
  readonly asOf: IsoDate;
  readonly bucket: BucketKind;
  readonly horizon: Horizon;
  readonly ww: boolean;
}

export function mrpInput(ws: Workspace, spec: MrpSpec): MrpInput {
  const bom = bomIndex(ws);
  const items = new Map<string, PlanItem>();
  const supplierLt = new Map(ws.data.suppliers.map((s) => [s.id, s.lead_time]));
  for (const it of ws.data.items) items.set(it.id, { ...it, lead_time: effectiveLeadTime(it, (s) => supplierLt.get(s)) });
  const sales: SalesLine[] = [];
  for (const so of ws.data['sales-orders']) {
    if (so.status !== 'open' && so.status !== 'closed') continue;
    for (const l of so.lines) sales.push({ order: so.id, line: l.line, item: l.item, due: l.due, qty: l.qty, open: so.status === 'open' ? pos(l.qty.sub(l.shipped)) : Dec.ZERO });
  }
  const receipts: ScheduledReceipt[] = [];
  for (const po of ws.data['purchase-orders']) {
    if (po.status !== 'open') continue;
    for (const l of po.lines) {
      const open = pos(l.qty.sub(l.received));
      if (open.sign() > 0) receipts.push({ ref: `${po.id}/${l.line}`, kind: 'po', item: l.item, due: l.due, qty: open, supplier: po.supplier });
    }
  }
  const allocations: Allocation[] = [];
  for (const wo of ws.data['work-orders']) {
    const open = pos(wo.qty.sub(wo.completed));
    if (open.sign() <= 0) continue;
    if (wo.status === 'planned') receipts.push({ ref: wo.id, kind: 'firm', item: wo.item, due: wo.due, qty: open, start: wo.start });
    else if (isActiveWorkOrder(wo)) {
      receipts.push({ ref: wo.id, kind: 'wo', item: wo.item, due: wo.due, qty: open, start: wo.start });
      for (const n of workOrderNeeds(wo, bom)) allocations.push({ ref: wo.id, item: n.component, qty: n.qty, date: wo.start, ...(n.via.length ? { via: n.via } : {}) });
    }
  }
  return {
    asOf: spec.asOf,
    bucketKind: spec.bucket,
    buckets: makeBuckets(spec.bucket, spec.asOf, spec.horizon),
    calendar: calendarOf(ws),
    items,
    bom,
    onHand: nettableOnHand({ stock: ws.data.stock, moves: ws.data.moves, asOf: spec.asOf, locations: ws.data.locations, defaultLocation: ws.config.inventory.default_location }),
    sales,
    forecast: ws.data.forecast,
    receipts,
    allocations,
    options: { ww: spec.ww },
  };
}
