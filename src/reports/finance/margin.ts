/**
 * `bizctl report margin`: gross margin by product, customer or month from
 * invoice and credit-note lines and the BOM cost roll-up (engines/finance/margin.ts).
 *
 * Inputs: invoices and credit notes dated in [begin, end) (end exclusive, like the
 * ledger reports; default: up to the as-of date). A document in another currency is
 * converted line by line at the latest rate on or before its own date (finance/prices),
 * rounded to the base currency's minor unit.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { lineAmounts } from '../../domain/documents.js';
import { costRollup } from '../../engines/inventory/bom.js';
import { margin, type MarginBy, type MarginRow, type SaleLine, type UnitCost, type UnknownLine } from '../../engines/finance/margin.js';
import type { Cell, Column, Lang, TableModel } from '../../render/model.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { bomIndex, itemNames } from '../inventory/common.js';

export interface MarginSpec {
  readonly asOf: IsoDate;
  readonly by: MarginBy;
  readonly begin: IsoDate | null;
  /** Exclusive. */
  readonly end: IsoDate;
  readonly lang: Lang;
}

export interface MarginReportRow {
  readonly key: string | null;
  readonly name: string;
  readonly qty: Dec | null;
  readonly unit_cost: Dec | null;
  readonly revenue: Dec;
  readonly cost: Dec | null;
  readonly margin: Dec | null;
  readonly margin_pct: Dec | null;
  readonly cost_unknown: Dec;
}

export interface MarginReport {
  readonly as_of: IsoDate;
  readonly by: MarginBy;
  readonly begin: IsoDate | null;
  readonly end: IsoDate;
  readonly currency: string;
  readonly rows: readonly MarginReportRow[];
  readonly total: MarginReportRow;
  readonly cost_unknown: readonly UnknownLine[];
}

export interface MissingRate {
  readonly currency: string;
  readonly what: string;
  readonly date: IsoDate;
}

/** Rates to the base currency: the latest on or before a date. */
class Rates {
  private readonly byCur = new Map<string, { date: IsoDate; rate: Dec }[]>();
  readonly missing: MissingRate[] = [];
  constructor(
    readonly base: string,
    prices: Workspace['data']['prices'],
  ) {
    for (const p of prices) {
      if (p.price.commodity !== null && p.price.commodity !== base) continue;
      let l = this.byCur.get(p.commodity);
      if (!l) this.byCur.set(p.commodity, (l = []));
      l.push({ date: p.date, rate: p.price.qty });
    }
    for (const l of this.byCur.values()) l.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  toBase(amount: Dec, currency: string | undefined, date: IsoDate, minor: number, mode: RoundingMode, what: string): Dec | null {
    if (!currency || currency === this.base) return amount;
    let rate: Dec | null = null;
    for (const r of this.byCur.get(currency) ?? []) if (r.date <= date) rate = r.rate;
    if (!rate) {
      if (!this.missing.some((m) => m.currency === currency)) this.missing.push({ currency, what, date });
      return null;
    }
    return amount.mul(rate).round(minor, mode);
  }
}

export function marginReport(ws: Workspace, spec: MarginSpec): { report: MarginReport; missingRates: readonly MissingRate[] } {
  const cfg = ws.config;
  const base = cfg.base_currency;
  const minor = minorUnit(cfg, base);
  const rates = new Rates(base, ws.data.prices);
  const inRange = (d: IsoDate) => (spec.begin === null || d >= spec.begin) && d < spec.end;
  const lines: SaleLine[] = [];
  const docs = [
    ...ws.data.invoices.map((d) => ({ d, kind: 'invoice' as const, sign: 1 })),
    ...ws.data['credit-notes'].map((d) => ({ d, kind: 'credit-note' as const, sign: -1 })),
  ];
  for (const { d, kind, sign } of docs) {
    if (!inRange(d.date)) continue;
    const m = minorUnit(cfg, d.currency ?? base);
    d.lines.forEach((l, i) => {
      const net = lineAmounts(l, m, cfg.rounding).net;
      const v = rates.toBase(net, d.currency, d.date, minor, cfg.rounding, `${kind} ${d.id}`);
      if (v === null) return;
      lines.push({ doc: d.id, kind, line: i + 1, date: d.date, customer: d.customer, item: l.item ?? null, description: l.description ?? null, qty: l.qty, revenue: sign === 1 ? v : v.neg() });
    });
  }

  const idx = bomIndex(ws);
  const costs = new Map<string, UnitCost>();
  const unitCost = (item: string): UnitCost => {
    let c = costs.get(item);
    if (!c) {
      if (!idx.items.has(item)) c = { known: false, reason: `${item} is not in inventory/items` };
      else {
        const r = costRollup(idx, item, Dec.ONE);
        c = r.missing.length ? { known: false, reason: `no cost for ${r.missing.join(', ')}` } : { known: true, cost: r.unitCost };
      }
      costs.set(item, c);
    }
    return c;
  };
  const res = margin(lines, { by: spec.by, minor, rounding: cfg.rounding, unitCost });
  const item = itemNames(ws, spec.lang);
  const customers = new Map(ws.data.customers.map((c) => [c.id, c.name]));
  const name = (k: string | null) => (k === null ? '' : spec.by === 'product' ? item(k) : spec.by === 'customer' ? (customers.get(k) ?? '') : '');
  const out = (r: MarginRow): MarginReportRow => ({ key: r.key, name: name(r.key), qty: r.qty, unit_cost: r.unit_cost, revenue: r.revenue, cost: r.cost, margin: r.margin, margin_pct: r.margin_pct, cost_unknown: r.cost_unknown });
  return {
    report: { as_of: spec.asOf, by: spec.by, begin: spec.begin, end: spec.end, currency: base, rows: res.rows.map(out), total: { ...out(res.total), name: '' }, cost_unknown: res.unknown },
    missingRates: rates.missing,
  };
}

const T = (lang: Lang, en: string, zh: string) => (lang === 'zh-CN' ? zh : en);

/** At most this many cost-unknown lines are listed under the table (JSON has them all). */
const UNKNOWN_CAP = 10;

export function marginTable(r: MarginReport, lang: Lang): TableModel {
  const L = (en: string, zh: string) => T(lang, en, zh);
  const R = 'right' as const;
  const keyCol: Record<MarginBy, Column[]> = {
    product: [
      { key: 'item', en: 'Item', zh: '物料' },
      { key: 'name', en: 'Name', zh: '名称' },
      { key: 'qty', en: 'Qty', zh: '数量' },
      { key: 'unit_cost', en: 'Unit cost', zh: '单位成本' },
    ],
    customer: [
      { key: 'customer', en: 'Customer', zh: '客户' },
      { key: 'name', en: 'Name', zh: '名称' },
    ],
    month: [{ key: 'month', en: 'Month', zh: '月份' }],
  };
  const cur = r.currency;
  const columns: Column[] = [
    ...keyCol[r.by],
    { key: 'revenue', en: `Revenue (${cur})`, zh: `收入（${cur}）` },
    { key: 'cost', en: `Cost (${cur})`, zh: `成本（${cur}）` },
    { key: 'margin', en: `Margin (${cur})`, zh: `毛利（${cur}）` },
    { key: 'margin_pct', en: 'Margin %', zh: '毛利率', align: R },
    { key: 'cost_unknown', en: 'Cost unknown', zh: '成本未知' },
  ];
  const pct = (p: Dec | null) => (p === null ? '' : `${p.toString()}%`);
  const unknown = (x: Dec) => (x.isZero() ? '' : x);
  const keyCells = (x: MarginReportRow, total: boolean): Cell[] => {
    const label = total ? L('Total', '合计') : (x.key ?? L('(no item)', '（无物料）'));
    if (r.by === 'product') return [label, x.name, x.qty ?? '', x.unit_cost ?? (total || x.key === null ? '' : L('unknown', '未知'))];
    if (r.by === 'customer') return [label, x.name];
    return [label];
  };
  const cells = (x: MarginReportRow, total = false): Cell[] => [...keyCells(x, total), x.revenue, x.cost ?? '', x.margin ?? '', pct(x.margin_pct), unknown(x.cost_unknown)];
  const last = addDays(r.end, -1);
  const range = r.begin ? `${r.begin} … ${last}` : L(`to ${last}`, `截至 ${last}`);
  const by = { product: L('product', '产品'), customer: L('customer', '客户'), month: L('month', '月份') }[r.by];
  const u = r.cost_unknown;
  return {
    title: L(`Gross margin by ${by}, ${range}`, `按${by}的毛利，${range}`),
    columns,
    rows: r.rows.map((x) => cells(x)),
    footer: [cells(r.total, true)],
    notes: [
      L(
        'revenue = invoice lines before VAT (round(qty × price)) minus credit notes; cost = invoiced qty × unit cost from the BOM roll-up (bom cost: material + labour + overhead per level; buy items: cost); credit notes lower revenue only; margin = revenue − cost unknown − cost; margin % = margin ÷ (revenue − cost unknown) × 100, rounded half-up to 2 decimals',
        '收入 = 发票明细不含税金额（round(数量 × 单价)）减红字发票；成本 = 开票数量 × BOM 卷算单位成本（bom cost：各层材料 + 人工 + 制造费用；外购件取 cost）；红字发票只冲减收入；毛利 = 收入 − 成本未知部分 − 成本；毛利率 = 毛利 ÷（收入 − 成本未知部分）× 100，四舍五入到 2 位小数',
      ),
      ...(u.length
        ? [
            L(`cost unknown (left out of cost and margin, never counted as 0): ${u.length} line${u.length === 1 ? '' : 's'}`, `成本未知（不计入成本和毛利，不按 0 计）：${u.length} 行`),
            ...u.slice(0, UNKNOWN_CAP).map((x) => `  ${x.doc} ${L('line', '第')} ${x.line}${L('', ' 行')}: ${x.item ?? x.description ?? ''} ${x.revenue.toString()} — ${x.item === null ? L('no item', '无物料') : x.reason}`),
            ...(u.length > UNKNOWN_CAP ? [L(`  … and ${u.length - UNKNOWN_CAP} more (--format json lists them all)`, `  … 另有 ${u.length - UNKNOWN_CAP} 行（--format json 列出全部）`)] : []),
          ]
        : []),
    ],
  };
}
