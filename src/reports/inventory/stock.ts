/** `bizctl stock` and `bizctl stock reorder`: report values and row models. */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { NO_LOCATION, stockPosition } from '../../engines/inventory/position.js';
import { effectiveLeadTime } from '../../engines/inventory/leadtime.js';
import { reorderAlerts } from '../../engines/inventory/reorder.js';
import type { Cell, Lang, TableModel } from '../../render/model.js';
import type { Workspace } from '../../workspace/workspace.js';
import { tr } from '../crm/inputs.js';
import { calendarOf, itemNames, positionInput } from './common.js';

export interface StockSpec {
  readonly asOf: IsoDate;
  readonly items?: readonly string[];
  readonly location?: string;
  /** location: a row per item and location (default); item: a row per item (nettable locations). */
  readonly by: 'location' | 'item';
  readonly lang: Lang;
}

/** A location's figures of one item (JSON: snake_case keys, as the CSV columns). */
export interface StockLocationRow {
  readonly item: string;
  readonly location: string;
  readonly nettable: boolean;
  readonly on_hand: Dec;
  readonly on_order: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
}

/** An item's totals over nettable locations and its locations. */
export interface StockItemRow {
  readonly item: string;
  readonly on_hand: Dec;
  readonly on_order: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
  readonly locations: readonly StockLocationRow[];
  readonly name: string;
  readonly unit: string;
}

export interface StockReport {
  readonly as_of: IsoDate;
  readonly items: readonly StockItemRow[];
}

export function stockReport(ws: Workspace, spec: StockSpec): StockReport {
  const name = itemNames(ws, spec.lang);
  const unit = new Map(ws.data.items.map((i) => [i.id, i.unit]));
  const want = spec.items?.length ? new Set(spec.items) : null;
  const out: StockItemRow[] = [];
  for (const p of stockPosition(positionInput(ws, spec.asOf)).values()) {
    if (want && !want.has(p.item)) continue;
    const locations = p.locations.filter((l) => (spec.location === undefined || l.location === spec.location) && !(l.onHand.isZero() && l.onOrder.isZero() && l.allocated.isZero()));
    if (!locations.length) continue;
    out.push({
      item: p.item,
      on_hand: p.onHand,
      on_order: p.onOrder,
      allocated: p.allocated,
      available: p.available,
      locations: locations.map((l) => ({ item: l.item, location: l.location, nettable: l.nettable, on_hand: l.onHand, on_order: l.onOrder, allocated: l.allocated, available: l.available })),
      name: name(p.item),
      unit: unit.get(p.item) ?? '',
    });
  }
  return { as_of: spec.asOf, items: out };
}

const n = (x: Dec) => x.normalize();

export function stockTable(r: StockReport, spec: StockSpec): TableModel {
  const L = (en: string, zh: string) => tr(spec.lang, en, zh);
  const cols = [
    { key: 'item', en: 'item', zh: '物料' },
    { key: 'name', en: 'name', zh: '名称' },
    ...(spec.by === 'location' ? [{ key: 'location', en: 'location', zh: '库位' }] : []),
    { key: 'on_hand', en: 'on hand', zh: '在库' },
    { key: 'on_order', en: 'on order', zh: '在途' },
    { key: 'allocated', en: 'allocated', zh: '已分配' },
    { key: 'available', en: 'available', zh: '可用' },
    { key: 'unit', en: 'unit', zh: '单位' },
    { key: 'status', en: 'status', zh: '状态' },
  ];
  const rows: Cell[][] = [];
  for (const it of r.items) {
    if (spec.by === 'item' && spec.location === undefined) {
      rows.push([it.item, it.name, n(it.on_hand), n(it.on_order), n(it.allocated), n(it.available), it.unit, it.available.sign() < 0 ? L('short', '短缺') : '']);
      continue;
    }
    const locs = it.locations;
    if (spec.by === 'item') {
      const sum = (f: (l: (typeof locs)[number]) => Dec) => locs.reduce((a, l) => a.add(f(l)), Dec.ZERO);
      const av = sum((l) => l.available);
      rows.push([it.item, it.name, n(sum((l) => l.on_hand)), n(sum((l) => l.on_order)), n(sum((l) => l.allocated)), n(av), it.unit, av.sign() < 0 ? L('short', '短缺') : '']);
      continue;
    }
    for (const l of locs) {
      const status = l.available.sign() < 0 ? L('short', '短缺') : l.nettable ? '' : L('not nettable', '不参与净需求');
      rows.push([it.item, it.name, l.location === NO_LOCATION ? '-' : l.location, n(l.on_hand), n(l.on_order), n(l.allocated), n(l.available), it.unit, status]);
    }
  }
  return {
    columns: cols,
    rows,
    notes: [
      L(`As of ${r.as_of}. available = on hand + on order − allocated.`, `截至 ${r.as_of}。可用 = 在库 + 在途 − 已分配。`),
      L(
        'on hand: latest stock count on or before that date + moves after it. on order: open purchase-order lines (qty − received) and released or in-progress work orders (qty − completed).',
        '在库：该日或之前最近一次盘点 + 其后的出入库。在途：未结采购单行（数量 − 已收）和已下达或生产中的工单（数量 − 已完工）。',
      ),
      L(
        'allocated: open sales-order lines (qty − shipped) and components still needed by released or in-progress work orders (scrap included, phantoms blown through).',
        '已分配：未结销售订单行（数量 − 已发）和已下达或生产中的工单仍需的组件（含损耗，虚拟件展开到其组件）。',
      ),
      ...(spec.by === 'item' && spec.location === undefined ? [L('Totals count nettable locations only.', '合计只计参与净需求的库位。')] : []),
    ],
  };
}

export interface ReorderSpec {
  readonly asOf: IsoDate;
  readonly lang: Lang;
}

/** An item at or below its reorder point (JSON: the CSV column names). */
export interface ReorderRow {
  readonly item: string;
  readonly on_hand: Dec;
  readonly on_order: Dec;
  readonly allocated: Dec;
  readonly available: Dec;
  readonly reorder_point: Dec;
  readonly safety_stock: Dec;
  readonly order_qty: Dec;
  readonly supplier: string | null;
  readonly lead_time: number;
  readonly needed_by: IsoDate;
  readonly order_by: IsoDate;
  /** order_by is before as-of: the order should already have been placed. */
  readonly late: boolean;
  readonly name: string;
  readonly unit: string;
  readonly supplier_name: string;
}

export interface ReorderReport {
  readonly as_of: IsoDate;
  readonly alerts: readonly ReorderRow[];
}

export function reorderReport(ws: Workspace, spec: ReorderSpec): ReorderReport {
  const name = itemNames(ws, spec.lang);
  const unit = new Map(ws.data.items.map((i) => [i.id, i.unit]));
  const sup = new Map(ws.data.suppliers.map((s) => [s.id, spec.lang === 'en' && s.name_en ? s.name_en : s.name]));
  const supplierLt = new Map(ws.data.suppliers.map((s) => [s.id, s.lead_time]));
  const items = ws.data.items.map((it) => ({ ...it, lead_time: effectiveLeadTime(it, (s) => supplierLt.get(s)) }));
  const alerts = reorderAlerts(positionInput(ws, spec.asOf), items, calendarOf(ws)).map(
    (a): ReorderRow => ({
      item: a.item,
      on_hand: a.onHand,
      on_order: a.onOrder,
      allocated: a.allocated,
      available: a.available,
      reorder_point: a.reorderPoint,
      safety_stock: a.safetyStock,
      order_qty: a.qty,
      supplier: a.supplier,
      lead_time: a.leadTime,
      needed_by: a.needed,
      order_by: a.orderBy,
      late: a.late,
      name: name(a.item),
      unit: unit.get(a.item) ?? '',
      supplier_name: a.supplier ? (sup.get(a.supplier) ?? '') : '',
    }),
  );
  return { as_of: spec.asOf, alerts };
}

export const REORDER_RULE = [
  'Rule: an item is listed when available ≤ reorder point, where available = on hand + on order − allocated.',
  'Order qty: max_qty − available if max_qty is set, else reorder_qty; at least moq; rounded UP to a whole unit and to a multiple of order_multiple.',
  'Needed by: first day projected stock (receipts and demands on their dates) falls below safety stock, else as-of + lead time.',
  'Order by: needed by − lead time in working days (the working calendar of bizctl.yaml); "late" when that date has passed.',
];

export const REORDER_RULE_ZH = [
  '规则：可用量 ≤ 再订货点时列出，可用量 = 在库 + 在途 − 已分配。',
  '建议订量：设了 max_qty 时为 max_qty − 可用量，否则为 reorder_qty；不低于 moq；向上取整到整数单位和 order_multiple 的倍数。',
  '需求日：按日期推算库存（到货与需求按各自日期）首次低于安全库存的日期，否则为基准日 + 提前期。',
  '最迟下单：需求日 − 提前期（按 bizctl.yaml 的工作日历计工作日）；已过此日期标为"已逾期"。',
];

export function reorderTable(r: ReorderReport, lang: Lang = 'en'): TableModel {
  const zh = lang === 'zh-CN';
  const count = r.alerts.length;
  return {
    title: count ? (zh ? `${r.as_of}：${count} 个物料达到或低于再订货点` : `${count} item${count === 1 ? '' : 's'} at or below the reorder point on ${r.as_of}`) : undefined,
    columns: [
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'name', en: 'name', zh: '名称' },
      { key: 'available', en: 'available', zh: '可用' },
      { key: 'reorder_point', en: 'reorder point', zh: '再订货点' },
      { key: 'order_qty', en: 'order qty', zh: '建议订量' },
      { key: 'unit', en: 'unit', zh: '单位' },
      { key: 'supplier', en: 'supplier', zh: '供应商' },
      { key: 'supplier_name', en: 'supplier name', zh: '供应商名称' },
      { key: 'lead_time', en: 'lead time (wd)', zh: '提前期(工作日)' },
      { key: 'needed_by', en: 'needed by', zh: '需求日' },
      { key: 'order_by', en: 'order by', zh: '最迟下单' },
      { key: 'note', en: 'note', zh: '备注' },
    ],
    rows: r.alerts.map((a) => [
      a.item,
      a.name,
      n(a.available),
      n(a.reorder_point),
      a.order_qty,
      a.unit,
      a.supplier ?? '',
      a.supplier_name,
      a.lead_time,
      a.needed_by,
      a.order_by,
      a.late ? (zh ? '已逾期' : 'late') : a.order_by === r.as_of ? (zh ? '今天下单' : 'order today') : '',
    ]),
    notes: zh ? REORDER_RULE_ZH : REORDER_RULE,
  };
}
