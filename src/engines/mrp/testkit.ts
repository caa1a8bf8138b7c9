/** Builders for MRP tests: small plants written inline (not used by the CLI). */
import { WorkCalendar } from '../../domain/calendar.js';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { BomIndex, type BomItem } from '../inventory/bom.js';
import { makeBuckets } from './buckets.js';
import { itemGrid } from './grid.js';
import type { Allocation, BucketKind, ForecastLine, MrpInput, Plan, PlanItem, SalesLine, ScheduledReceipt } from './types.js';

export const d = (s: string): Dec => Dec.of(s);

/** Monday–Friday, with the given holidays and worked weekend days. */
export function calendar(holidays: string[] = [], extra: string[] = []): WorkCalendar {
  return new WorkCalendar({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: new Set(holidays), extra_workdays: new Set(extra), day_start: 540, day_end: 1080 });
}

export type TItem = Partial<Omit<PlanItem, 'safety_stock' | 'lot_qty' | 'moq' | 'order_multiple' | 'order_cost' | 'holding_cost'>> & {
  id: string;
  ss?: string;
  lot_qty?: string;
  moq?: string;
  multiple?: string;
  order_cost?: string;
  holding_cost?: string;
  scrap?: string;
  bom?: { c: string; qty: string; scrap?: string }[];
  output?: string;
};

export interface TPlant {
  asOf: string;
  bucket?: BucketKind;
  buckets: number;
  cal?: WorkCalendar;
  items: TItem[];
  onHand?: Record<string, string>;
  sales?: { ref: string; item: string; due: string; qty: string; open?: string }[];
  forecast?: { item: string; period: string; qty: string }[];
  receipts?: { ref: string; kind?: ScheduledReceipt['kind']; item: string; due: string; qty: string; start?: string }[];
  allocations?: { ref: string; item: string; qty: string; date: string }[];
  ww?: boolean;
}

export function plant(p: TPlant): MrpInput {
  const items = new Map<string, PlanItem>();
  const bomItems: BomItem[] = [];
  const boms = [];
  for (const t of p.items) {
    const it: PlanItem = {
      id: t.id,
      type: t.type ?? (t.bom ? 'make' : 'buy'),
      phantom: t.phantom ?? false,
      lead_time: t.lead_time ?? 0,
      safety_stock: d(t.ss ?? '0'),
      lot_size: t.lot_size ?? 'lfl',
      ...(t.lot_qty ? { lot_qty: d(t.lot_qty) } : {}),
      ...(t.poq_periods ? { poq_periods: t.poq_periods } : {}),
      ...(t.moq ? { moq: d(t.moq) } : {}),
      ...(t.multiple ? { order_multiple: d(t.multiple) } : {}),
      ...(t.order_cost ? { order_cost: d(t.order_cost) } : {}),
      ...(t.holding_cost ? { holding_cost: d(t.holding_cost) } : {}),
      ...(t.supplier ? { supplier: t.supplier } : {}),
    };
    items.set(t.id, it);
    bomItems.push({ id: t.id, type: it.type, phantom: it.phantom, ...(t.scrap ? { scrap: d(t.scrap) } : {}) });
    if (t.bom) boms.push({ item: t.id, output_qty: d(t.output ?? '1'), components: t.bom.map((c) => ({ component: c.c, qty: d(c.qty), ...(c.scrap ? { scrap: d(c.scrap) } : {}) })) });
  }
  const sales: SalesLine[] = (p.sales ?? []).map((s) => {
    const [order, line] = s.ref.split('/');
    return { order: order!, line: Number(line ?? 1), item: s.item, due: s.due as IsoDate, qty: d(s.qty), open: d(s.open ?? s.qty) };
  });
  const forecast: ForecastLine[] = (p.forecast ?? []).map((f) => ({ item: f.item, period: f.period, qty: d(f.qty) }));
  const receipts: ScheduledReceipt[] = (p.receipts ?? []).map((r) => ({ ref: r.ref, kind: r.kind ?? 'po', item: r.item, due: r.due as IsoDate, qty: d(r.qty), ...(r.start ? { start: r.start as IsoDate } : {}) }));
  const allocations: Allocation[] = (p.allocations ?? []).map((a) => ({ ref: a.ref, item: a.item, qty: d(a.qty), date: a.date as IsoDate }));
  const kind = p.bucket ?? 'week';
  return {
    asOf: p.asOf as IsoDate,
    bucketKind: kind,
    buckets: makeBuckets(kind, p.asOf as IsoDate, { n: p.buckets, unit: 'b' }),
    calendar: p.cal ?? calendar(),
    items,
    bom: new BomIndex(bomItems, boms),
    onHand: new Map(Object.entries(p.onHand ?? {}).map(([k, v]) => [k, d(v)])),
    sales,
    forecast,
    receipts,
    allocations,
    options: { ww: p.ww ?? false },
  };
}

/** Supply id of an order (PO-…/1, WO-…, PL-…) or of on hand ('on hand' + item). */
export function supplyId(plan: Plan, ref: string, item?: string): number {
  const s = plan.supplies.find((x) => x.ref === ref && (item === undefined || x.item === item));
  if (s) return s.id;
  const all = plan.orders.all();
  const i = all.findIndex((o) => o.id === ref);
  if (i < 0) throw new Error(`no supply ${ref}`);
  return all[i]!.supply;
}

/** The grid of an item as strings, one array per row. */
export function grid(plan: Plan, item: string) {
  const g = itemGrid(plan, item)!;
  const s = (xs: readonly Dec[]) => xs.map((x) => x.toString());
  return { gross: s(g.gross), receipts: s(g.receipts), poh: s(g.projected), net: s(g.net), porc: s(g.plannedReceipts), porl: s(g.plannedReleases) };
}

/** Planned orders of an item as "qty@due←release" strings. */
export function orders(plan: Plan, item: string): string[] {
  return plan.orders.ofItem(item).map((o) => `${o.qty.toString()}@${o.due}←${o.release}`);
}
