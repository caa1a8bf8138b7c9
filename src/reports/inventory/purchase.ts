/** `bizctl purchase overdue` and `bizctl purchase suppliers`. */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { overdueLines, supplierMetrics } from '../../engines/inventory/purchasing.js';
import type { Cell, Lang, TableModel } from '../../render/model.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { tr } from '../crm/inputs.js';
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

/** An overdue purchase-order line (JSON: the CSV column names). */
export interface OverdueRow {
  readonly po: string;
  readonly line: number;
  readonly supplier: string;
  readonly item: string;
  readonly ordered: Dec;
  readonly received: Dec;
  readonly open: Dec;
  readonly due: IsoDate;
  readonly days_late: number;
  readonly last_receipt: IsoDate | null;
  readonly partial: boolean;
  readonly price: Dec;
  readonly currency: string | null;
  readonly item_name: string;
  readonly supplier_name: string;
  readonly contact: string;
  readonly phone: string;
  readonly email: string;
}

export interface OverdueReport {
  readonly as_of: IsoDate;
  readonly lines: readonly OverdueRow[];
}

export function overdueReport(ws: Workspace, spec: PurchaseSpec): OverdueReport {
  const sup = suppliersOf(ws, spec.lang);
  const name = itemNames(ws, spec.lang);
  const lines = overdueLines(ws.data['purchase-orders'], spec.asOf)
    .filter((l) => spec.supplier === undefined || l.supplier === spec.supplier)
    .map((l): OverdueRow => {
      const s = sup.get(l.supplier);
      return {
        po: l.po,
        line: l.line,
        supplier: l.supplier,
        item: l.item,
        ordered: l.ordered,
        received: l.received,
        open: l.open,
        due: l.due,
        days_late: l.daysLate,
        last_receipt: l.lastReceipt,
        partial: l.partial,
        price: l.price,
        currency: l.currency,
        item_name: name(l.item),
        supplier_name: s?.name ?? '',
        contact: s?.contact ?? '',
        phone: s?.phone ?? '',
        email: s?.email ?? '',
      };
    });
  return { as_of: spec.asOf, lines };
}

export function overdueTable(r: OverdueReport, lang: Lang = 'en'): TableModel {
  const n = r.lines.length;
  return {
    title: n ? tr(lang, `${n} purchase-order line${n === 1 ? '' : 's'} overdue on ${r.as_of}`, `截至 ${r.as_of} 逾期未到货的采购单行：${n} 行`) : undefined,
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
    rows: r.lines.map((l) => [l.po, l.line, l.supplier, l.supplier_name, l.item, l.ordered, l.received, l.open, l.due, l.days_late, l.last_receipt ?? '', l.contact, l.phone]),
    notes: [
      tr(lang, 'Open lines of open purchase orders whose due date is before the as-of date; days late = as-of − due (calendar days).', '未结采购单中交期早于截至日的未结行；逾期天数 = 截至日 − 交期（日历天）。'),
      tr(lang, 'A receipt dated after the as-of date had not happened yet on that date.', '日期晚于截至日的收货在截至日尚未发生，不计入。'),
    ],
  };
}

/** A supplier's delivery record and open orders (JSON: the CSV column names). */
export interface SupplierRow {
  readonly supplier: string;
  readonly judged: number;
  readonly on_time: number;
  /** on time ÷ judged × 100, 1 decimal; null when nothing was judged. */
  readonly on_time_rate: Dec | null;
  readonly late_receipts: number;
  readonly avg_delay_days: Dec | null;
  readonly open_lines: number;
  readonly overdue_lines: number;
  readonly open_value: readonly { readonly currency: string; readonly amount: Dec }[];
  readonly name: string;
}

export interface SuppliersReport {
  readonly as_of: IsoDate;
  /** Base currency and its zero (for suppliers with nothing open). */
  readonly currency: string;
  readonly zero: Dec;
  readonly suppliers: readonly SupplierRow[];
}

export function suppliersReport(ws: Workspace, spec: PurchaseSpec): SuppliersReport {
  const sup = suppliersOf(ws, spec.lang);
  const base = ws.config.base_currency;
  const ids = ws.data.suppliers.map((s) => s.id);
  const suppliers = supplierMetrics(ws.data['purchase-orders'], ids, spec.asOf)
    .filter((m) => spec.supplier === undefined || m.supplier === spec.supplier)
    .map(
      (m): SupplierRow => ({
        supplier: m.supplier,
        judged: m.judged,
        on_time: m.onTime,
        on_time_rate: m.rate,
        late_receipts: m.lateReceipts,
        avg_delay_days: m.avgDelay,
        open_lines: m.openLines,
        overdue_lines: m.overdueLines,
        // summed exactly, rounded once to the currency's minor unit
        open_value: [...m.openValue]
          .map(([c, v]) => ({ currency: c ?? base, amount: v.round(minorUnit(ws.config, c ?? base), ws.config.rounding) }))
          .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
        name: sup.get(m.supplier)?.name ?? '',
      }),
    );
  return { as_of: spec.asOf, currency: base, zero: Dec.ZERO.withScale(minorUnit(ws.config, base)), suppliers };
}

export function suppliersTable(r: SuppliersReport, lang: Lang = 'en'): TableModel {
  const rows: Cell[][] = [];
  for (const s of r.suppliers) {
    const values = s.open_value.length ? s.open_value : [null];
    values.forEach((v, i) => {
      const head =
        i === 0
          ? [s.supplier, s.name, s.judged, s.on_time, s.on_time_rate === null ? '' : `${s.on_time_rate.toString()}%`, s.late_receipts, s.avg_delay_days ?? '', s.open_lines, s.overdue_lines]
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
      tr(lang, `As of ${r.as_of}. lines due: lines due before that date, plus lines fully received by then (an early delivery counts).`, `截至 ${r.as_of}。应交行数：交期早于该日的行，加上到该日已全部收货的行（提前交货也计入）。`),
      tr(lang, 'on-time rate = lines fully received on or before their due date ÷ lines due. avg delay = mean (received date − due date) of lines received late.', '准时率 = 在交期当日或之前全部收货的行数 ÷ 应交行数；平均延迟天数 = 迟交行的（收货日 − 交期）平均值。'),
      tr(lang, 'open value = Σ open qty × price (before tax) of open purchase orders, rounded to the currency’s minor unit.', '未交金额 = Σ 未结采购单的未交数量 × 单价（不含税），按币种最小单位四舍五入。'),
    ],
  };
}
