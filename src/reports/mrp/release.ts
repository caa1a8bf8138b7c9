/**
 * `bizctl mrp release`: planned orders of a plan → new purchase and work
 * orders (engines/mrp/release.ts does the selecting and grouping). Here: the
 * workspace facts it needs (prices, id patterns, pegging), the records and the
 * file changes that append them, the report value and its table. Pure: texts
 * in, texts out; the command validates and writes.
 *
 *   price     buy items bought in the base currency: the item's `cost` (its
 *             purchase price); otherwise, or for a supplier with another
 *             currency, the price on the latest purchase order to that supplier
 *             for the item in that currency
 *   recorded  `notes` of each new document: the planned order(s) it comes from,
 *             whether they were past due, and the demands they serve
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { appendRecordsChange } from '../../edit/append.js';
import type { PlannedChange } from '../../edit/apply.js';
import { idAllocator } from '../../edit/ids.js';
import type { PlainRecord } from '../../edit/records.js';
import type { TopRefs } from '../../engines/mrp/pegging.js';
import { releaseOrders, selectPlanned, type Release, type ReleaseProblem, type Selection, type Terms, type UnknownId } from '../../engines/mrp/release.js';
import type { PlannedOrder } from '../../engines/mrp/types.js';
import type { Lang, TableModel } from '../../render/model.js';
import { tr } from '../crm/inputs.js';
import { naturalCompare } from '../../util/natural.js';
import type { Workspace } from '../../workspace/workspace.js';
import { FOR_CAP, forText, type PlanContext } from './mrp.js';
import { actionText, forListText } from './words.js';

export interface ReleaseSpec {
  readonly selection: Selection;
  /** Work orders as firm planned orders (status planned) instead of released. */
  readonly firm: boolean;
}

export type ReleaseOutcome = { readonly ok: true; readonly release: Release } | { readonly ok: false; readonly unknown: readonly UnknownId[] } | { readonly ok: false; readonly problems: readonly ReleaseProblem[] };

export function planRelease(ws: Workspace, pc: PlanContext, spec: ReleaseSpec): ReleaseOutcome {
  const asOf = pc.spec.asOf;
  const sel = selectPlanned(pc.plan.orders.all(), spec.selection);
  if (!sel.ok) return sel;
  return releaseOrders({
    asOf,
    orders: sel.orders,
    terms: termsOf(ws),
    nextPo: idAllocator(
      ws.data['purchase-orders'].map((o) => o.id),
      `PO-${asOf.slice(0, 4)}-0001`,
    ),
    nextWo: idAllocator(
      ws.data['work-orders'].map((o) => o.id),
      'WO-0001',
    ),
    woStatus: spec.firm ? 'planned' : 'released',
    demands: (o) => pc.pegs.topRefs(o.supply, FOR_CAP),
  });
}

/** Price, currency and tax rate of an item from a supplier (see the header). */
function termsOf(ws: Workspace): (item: string, supplier: string) => Terms {
  const base = ws.config.base_currency;
  const suppliers = new Map(ws.data.suppliers.map((s) => [s.id, s]));
  const items = new Map(ws.data.items.map((i) => [i.id, i]));
  const key = (s: string, i: string, c: string) => `${s}\u0000${i}\u0000${c}`;
  const last = new Map<string, { price: Dec; taxRate: Dec | null; po: string; date: IsoDate }>();
  for (const po of ws.data['purchase-orders']) {
    if (po.status === 'cancelled') continue;
    for (const l of po.lines) {
      const k = key(po.supplier, l.item, po.currency ?? base);
      const seen = last.get(k);
      if (!seen || po.date >= seen.date) last.set(k, { price: l.price, taxRate: l.tax_rate ?? null, po: po.id, date: po.date });
    }
  }
  return (item, supplier) => {
    const s = suppliers.get(supplier);
    const currency = s?.currency && s.currency !== base ? s.currency : null;
    if (!s) return { ok: false, code: 'unknown-supplier', currency: base };
    const it = items.get(item);
    if (currency === null && it?.cost !== undefined) return { ok: true, price: it.cost, currency, taxRate: it.tax_rate ?? null, priceFrom: 'cost' };
    const l = last.get(key(supplier, item, currency ?? base));
    if (l) return { ok: true, price: l.price, currency, taxRate: l.taxRate ?? it?.tax_rate ?? null, priceFrom: l.po };
    return { ok: false, code: 'no-price', currency: currency ?? base };
  };
}

// ---------------- records, report value, file changes

export interface ReleasedRow {
  readonly order: string;
  readonly type: 'PO' | 'WO';
  readonly line: number | null;
  readonly supplier: string | null;
  readonly item: string;
  readonly qty: Dec;
  readonly price: Dec | null;
  /** 'cost' or the purchase order the price was taken from. */
  readonly price_from: string | null;
  /** Purchase order: order date; work order: start. */
  readonly start: IsoDate;
  readonly due: IsoDate;
  readonly status: string;
  readonly planned: string;
  /** The planned order's action message. */
  readonly action: 'past-due' | 'release-now' | null;
  readonly for: readonly string[];
  readonly for_more: boolean;
  readonly file: string;
}

export interface ReleaseReport {
  readonly as_of: IsoDate;
  readonly purchase_orders: number;
  readonly work_orders: number;
  /** One row per purchase-order line and per work order, in file order. */
  readonly rows: readonly ReleasedRow[];
  readonly files: readonly string[];
  /** CSV columns that had to be added, per file. */
  readonly added_columns: readonly { file: string; columns: readonly string[] }[];
}

/** Top-level demands in natural order, as `mrp run --for` lists them. */
const refsOf = (t: TopRefs) => [...t.refs].sort(naturalCompare);
const forList = (t: TopRefs) => (t.refs.length ? ` for ${refsOf(t).join(', ')}${t.more ? ' and more' : ''}` : '');
const pastDue = (o: PlannedOrder) => (o.message === 'past-due' ? ' (past due)' : '');
const pct = (x: Dec) => `${x.mul(Dec.int(100)).normalize().toString()}%`;

/** The records of a release, the changes that append them, and the report of both. */
export function releaseDocuments(ws: Workspace, r: Release): { report: ReleaseReport; changes: PlannedChange[] } {
  const location = ws.config.inventory.default_location;
  const loc = location ? { location } : {};
  const pos: PlainRecord[] = r.purchaseOrders.map((po) => ({
    id: po.id,
    supplier: po.supplier,
    date: po.date,
    ...(po.currency ? { currency: po.currency } : {}),
    status: 'open',
    ...loc,
    lines: po.lines.map((l) => ({ line: String(l.line), item: l.item, qty: l.qty.normalize().toString(), price: l.price.toString(), ...(l.taxRate ? { tax_rate: pct(l.taxRate) } : {}), due: l.due })),
    notes: `mrp release ${r.asOf}; ${po.lines.map((l) => `line ${l.line} ${l.from.id}${pastDue(l.from)}${forList(l.for)}`).join('; ')}`,
  }));
  const wos: PlainRecord[] = r.workOrders.map((wo) => ({
    id: wo.id,
    item: wo.item,
    qty: wo.qty.normalize().toString(),
    start: wo.start,
    due: wo.due,
    status: wo.status,
    ...loc,
    notes: `mrp release ${r.asOf}; ${wo.from.id}${pastDue(wo.from)}${forList(wo.for)}`,
  }));
  const changes: PlannedChange[] = [];
  const addedColumns: { file: string; columns: readonly string[] }[] = [];
  const append = (entity: 'purchase-orders' | 'work-orders', recs: PlainRecord[]): string => {
    const a = appendRecordsChange(ws, entity, recs);
    if (recs.length) changes.push(a.change);
    if (recs.length && a.addedColumns.length) addedColumns.push({ file: a.change.path, columns: a.addedColumns });
    return a.change.path;
  };
  const poFile = append('purchase-orders', pos);
  const woFile = append('work-orders', wos);
  const rows: ReleasedRow[] = [
    ...r.purchaseOrders.flatMap((po) =>
      po.lines.map((l) => ({ order: po.id, type: 'PO' as const, line: l.line, supplier: po.supplier, item: l.item, qty: l.qty, price: l.price, price_from: l.priceFrom, start: po.date, due: l.due, status: 'open', planned: l.from.id, action: l.from.message, for: refsOf(l.for), for_more: l.for.more, file: poFile })),
    ),
    ...r.workOrders.map((wo) => ({ order: wo.id, type: 'WO' as const, line: null, supplier: null, item: wo.item, qty: wo.qty, price: null, price_from: null, start: wo.start, due: wo.due, status: wo.status, planned: wo.from.id, action: wo.from.message, for: refsOf(wo.for), for_more: wo.for.more, file: woFile })),
  ];
  return { report: { as_of: r.asOf, purchase_orders: pos.length, work_orders: wos.length, rows, files: changes.map((c) => c.path), added_columns: addedColumns }, changes };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 purchase orders, 3 work orders" (a kind with none is left out). */
export function releaseSummary(r: ReleaseReport, withLines = false, lang: Lang = 'en'): string {
  const lines = r.rows.filter((x) => x.type === 'PO').length;
  if (lang === 'zh-CN') {
    const zh = [...(r.purchase_orders ? [`采购单 ${r.purchase_orders} 张${withLines ? `（${lines} 行）` : ''}`] : []), ...(r.work_orders ? [`工单 ${r.work_orders} 张`] : [])];
    return zh.join('，') || '无';
  }
  const parts = [
    ...(r.purchase_orders ? [`${plural(r.purchase_orders, 'purchase order')}${withLines ? ` (${plural(lines, 'line')})` : ''}`] : []),
    ...(r.work_orders ? [plural(r.work_orders, 'work order')] : []),
  ];
  return parts.join(', ') || 'nothing';
}

const ACTION = { 'past-due': 'past due', 'release-now': 'release now' } as const;

export function releaseTable(r: ReleaseReport, lang: Lang = 'en'): TableModel {
  const L = (en: string, zh: string) => tr(lang, en, zh);
  const late = r.rows.filter((x) => x.action === 'past-due').length;
  const lastPrice = r.rows.filter((x) => x.price_from && x.price_from !== 'cost');
  const po = r.rows.find((x) => x.type === 'PO');
  const wo = r.rows.find((x) => x.type === 'WO');
  return {
    title: L(`MRP release on ${r.as_of}: ${r.rows.length ? releaseSummary(r, true) : 'nothing to release'}`, `MRP 下达（${r.as_of}）：${r.rows.length ? releaseSummary(r, true, lang) : '没有可下达的计划订单'}`),
    columns: [
      { key: 'order', en: 'order', zh: '订单' },
      { key: 'line', en: 'line', zh: '行' },
      { key: 'supplier', en: 'supplier', zh: '供应商' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'qty', en: 'qty', zh: '数量' },
      { key: 'price', en: 'price', zh: '单价' },
      { key: 'start', en: 'start', zh: '开始' },
      { key: 'due', en: 'due', zh: '到期日' },
      { key: 'planned', en: 'planned order', zh: '计划订单' },
      { key: 'action', en: 'was', zh: '原建议' },
      { key: 'for', en: 'for', zh: '需求来源' },
    ],
    rows: r.rows.map((x) => [x.order, x.line ?? '', x.supplier ?? '', x.item, x.qty.normalize(), x.price ?? '', x.start, x.due, x.planned, x.action ? actionText(lang, ACTION[x.action]) : '', forListText(lang, forText(x.for, x.for_more, 3))]),
    notes: r.rows.length
      ? [
          ...(po ? [L(`Purchase orders: one per supplier, status open, dated ${r.as_of}; a line per planned order, due on its due date; appended to ${po.file}.`, `采购单：每个供应商一张，状态 open，日期 ${r.as_of}；每个计划订单一行，交期为其到期日；追加到 ${po.file}。`)] : []),
          ...(wo ? [L(`Work orders: one per planned order, status ${wo.status}, from its release date (${r.as_of} when that has passed) to its due date; appended to ${wo.file}.`, `工单：每个计划订单一张，状态 ${wo.status}，从其下达日（已过则为 ${r.as_of}）到其到期日；追加到 ${wo.file}。`)] : []),
          ...(late ? [L(`${plural(late, 'order was', 'orders were')} past due: due in less than the lead time from now; confirm the date with the supplier or the shop floor.`, `${late} 个订单已过下达期：距到期日已不足提前期；请与供应商或车间确认日期。`)] : []),
          ...(lastPrice.length ? [L(`No cost on the item (or a supplier currency): price from the last purchase order for ${lastPrice.map((x) => `${x.item} (${x.price_from})`).join(', ')}.`, `物料没有成本（或供应商用其他币种）：单价取自最近一张采购单：${lastPrice.map((x) => `${x.item}（${x.price_from}）`).join('、')}。`)] : []),
          L('The notes of each new order name its planned order and the demands it serves; the next `bizctl mrp run` counts the orders as scheduled receipts.', '每张新订单的备注写明来源计划订单及其服务的需求；下次 `bizctl mrp run` 会把这些订单算作计划接收量。'),
        ]
      : [],
  };
}
