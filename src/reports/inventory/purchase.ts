/** `bizctl purchase overdue` and `bizctl purchase suppliers`. */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { overdueLines, supplierMetrics, type OverdueLine, type SupplierMetrics } from '../../engines/inventory/purchasing.js';
import type { Cell, Lang, TableModel } from '../../render/model.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { itemNames } from './common.js';

export interface PurchaseSpec {
  readonly asOf: IsoDate;
  readonly supplier?: string;
  readonly lang: Lang;
}

interface SupplierInfo {
  readonly name: string;
  readonly contact: string;
  readonly phone: string;
  readonly email: string;
}

function suppliersOf(ws: Workspace, lang: Lang): Map<string, SupplierInfo> {
  return new Map(ws.data.suppliers.map((s) => [s.id, { name: lang === 'en' && s.name_en ? s.name_en : s.name, contact: s.contact ?? '', phone: s.phone ?? '', email: s.email ?? '' }]));
}

export interface OverdueReport {
  readonly asOf: IsoDate;
  readonly lines: readonly (OverdueLine & { itemName: string; supplierName: string; contact: string; phone: string; email: string })[];
}

export function overdueReport(ws: Workspace, spec: PurchaseSpec): OverdueReport {
  const sup = suppliersOf(ws, spec.lang);
  const name = itemNames(ws, spec.lang);
  const lines = overdueLines(ws.data['purchase-orders'], spec.asOf)
    .filter((l) => spec.supplier === undefined || l.supplier === spec.supplier)
    .map((l) => {
      const s = sup.get(l.supplier);
      return { ...l, itemName: name(l.item), supplierName: s?.name ?? '', contact: s?.contact ?? '', phone: s?.phone ?? '', email: s?.email ?? '' };
    });
  return { asOf: spec.asOf, lines };
}

export function overdueTable(r: OverdueReport): TableModel {
  return {
    title: r.lines.length ? `${r.lines.length} purchase-order line${r.lines.length === 1 ? '' : 's'} overdue on ${r.asOf}` : undefined,
    columns: [
      { key: 'po', en: 'PO', zh: '采购单' },
      { key: 'line', en: 'line', zh: '行' },
      { key: 'supplier', en: 'supplier', zh: '供应商' },
      { key: 'supplier_name', en: 'supplier name', zh: '供应商名称' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'ordered', en: 'ordered', zh: '订购' },
      { key: 'received', en: 'received', zh: '已收' },
      { key: 'open', en: 'open', zh: '未交' },
      { key: 'due', en: 'due', zh: '交期' },
      { key: 'days_late', en: 'days late', zh: '逾期天数' },
      { key: 'last_receipt', en: 'last receipt', zh: '最近收货' },
      { key: 'contact', en: 'contact', zh: '联系人' },
      { key: 'phone', en: 'phone', zh: '电话' },
    ],
    rows: r.lines.map((l) => [l.po, l.line, l.supplier, l.supplierName, l.item, l.ordered, l.received, l.open, l.due, l.daysLate, l.lastReceipt ?? '', l.contact, l.phone]),
    notes: [
      'Open lines of open purchase orders whose due date is before the as-of date; days late = as-of − due (calendar days).',
      'A receipt dated after the as-of date had not happened yet on that date.',
    ],
  };
}

export interface SuppliersReport {
  readonly asOf: IsoDate;
  /** Base currency and its zero (for suppliers with nothing open). */
  readonly currency: string;
  readonly zero: Dec;
  readonly suppliers: readonly (Omit<SupplierMetrics, 'openValue'> & { name: string; openValue: { currency: string; amount: Dec }[] })[];
}

export function suppliersReport(ws: Workspace, spec: PurchaseSpec): SuppliersReport {
  const sup = suppliersOf(ws, spec.lang);
  const base = ws.config.base_currency;
  const ids = ws.data.suppliers.map((s) => s.id);
  const suppliers = supplierMetrics(ws.data['purchase-orders'], ids, spec.asOf)
    .filter((m) => spec.supplier === undefined || m.supplier === spec.supplier)
    .map((m) => ({
      ...m,
      name: sup.get(m.supplier)?.name ?? '',
      // summed exactly, rounded once to the currency's minor unit
      openValue: [...m.openValue]
        .map(([c, v]) => ({ currency: c ?? base, amount: v.round(minorUnit(ws.config, c ?? base), ws.config.rounding) }))
        .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
    }));
  return { asOf: spec.asOf, currency: base, zero: Dec.ZERO.withScale(minorUnit(ws.config, base)), suppliers };
}

export function suppliersTable(r: SuppliersReport): TableModel {
  const rows: Cell[][] = [];
  for (const s of r.suppliers) {
    const values = s.openValue.length ? s.openValue : [null];
    values.forEach((v, i) => {
      const head =
        i === 0
          ? [s.supplier, s.name, s.judged, s.onTime, s.rate === null ? '' : `${s.rate.toString()}%`, s.lateReceipts, s.avgDelay ?? '', s.openLines, s.overdueLines]
          : [s.supplier, s.name, '', '', '', '', '', '', ''];
      rows.push([...head, v ? v.amount : r.zero, v ? v.currency : r.currency]);
    });
  }
  return {
    columns: [
      { key: 'supplier', en: 'supplier', zh: '供应商' },
      { key: 'name', en: 'name', zh: '名称' },
      { key: 'judged', en: 'lines due', zh: '应交行数' },
      { key: 'on_time', en: 'on time', zh: '准时' },
      { key: 'on_time_rate', en: 'on-time rate', zh: '准时率', align: 'right' as const },
      { key: 'late_receipts', en: 'late receipts', zh: '迟交行数' },
      { key: 'avg_delay_days', en: 'avg delay (days)', zh: '平均延迟天数' },
      { key: 'open_lines', en: 'open lines', zh: '未结行数' },
      { key: 'overdue_lines', en: 'overdue lines', zh: '逾期行数' },
      { key: 'open_value', en: 'open value', zh: '未交金额' },
      { key: 'currency', en: 'currency', zh: '币种' },
    ],
    rows,
    notes: [
      `As of ${r.asOf}. lines due: lines due before that date, plus lines fully received by then (an early delivery counts).`,
      'on-time rate = lines fully received on or before their due date ÷ lines due. avg delay = mean (received date − due date) of lines received late.',
      'open value = Σ open qty × price (before tax) of open purchase orders, rounded to the currency’s minor unit.',
    ],
  };
}
