/** `bizctl sales at-risk`: open sales-order lines the current plan delivers late. */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Lang, TableModel } from '../../render/model.js';
import { naturalCompare } from '../../util/natural.js';
import type { Workspace } from '../../workspace/workspace.js';
import { itemNames } from '../inventory/common.js';
import { tr } from '../crm/inputs.js';
import { customerNames, orderInput, type FulfilContext } from './context.js';
import { causeZh } from './words-zh.js';

/** The Chinese cause of a line, for tables (the JSON `cause` stays English). */
const causeOfLine = new WeakMap<AtRiskLine, string>();

export interface AtRiskLine {
  readonly order: string;
  readonly line: number;
  readonly customer: string;
  readonly customer_name: string;
  readonly item: string;
  readonly item_name: string;
  readonly open: Dec;
  readonly due: IsoDate;
  /** When the plan covers it (supplies at their plan dates); null when part of it is not planned. */
  readonly covered: IsoDate | null;
  /** When it can all be there, late components included. */
  readonly expected: IsoDate | null;
  readonly overdue_days: number;
  /** expected − due (calendar days); null when not known. */
  readonly days_late: number | null;
  readonly cause: string;
}

export interface AtRiskReport {
  readonly as_of: IsoDate;
  /** Open lines looked at (open orders, quantity still to ship). */
  readonly open_lines: number;
  readonly lines: readonly AtRiskLine[];
}

/** Every late line of every open sales order, by due date, order and line. */
export function atRiskReport(ws: Workspace, fc: FulfilContext, lang: Lang): AtRiskReport {
  const cust = customerNames(ws, lang);
  const names = itemNames(ws, lang);
  const lines: AtRiskLine[] = [];
  let openLines = 0;
  for (const so of ws.data['sales-orders']) {
    if (so.status !== 'open') continue;
    const input = orderInput(so);
    for (const l of so.lines) {
      const t = fc.fulfil.trace(input, l);
      if (t.open.sign() <= 0) continue;
      openLines++;
      if (!t.late) continue;
      const row: AtRiskLine = { order: so.id, line: l.line, customer: so.customer, customer_name: cust(so.customer), item: l.item, item_name: names(l.item), open: t.open, due: t.due, covered: t.covered, expected: t.expected, overdue_days: t.overdueDays, days_late: t.daysLate, cause: t.cause!.sentence };
      if (lang === 'zh-CN') causeOfLine.set(row, causeZh(t, t.cause!, fc.plan.asOf));
      lines.push(row);
    }
  }
  lines.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : naturalCompare(a.order, b.order) || a.line - b.line));
  return { as_of: fc.plan.asOf, open_lines: openLines, lines };
}

export function atRiskTable(r: AtRiskReport, lang: Lang = 'en'): TableModel {
  const L = (en: string, zh: string) => tr(lang, en, zh);
  return {
    title: L(`${r.lines.length} of ${r.open_lines} open sales-order line${r.open_lines === 1 ? '' : 's'} late or at risk on ${r.as_of}`, `截至 ${r.as_of}，${r.open_lines} 个未结销售订单行中有 ${r.lines.length} 行延迟或有延迟风险`),
    columns: [
      { key: 'order', en: 'order', zh: '销售单' },
      { key: 'line', en: 'line', zh: '行' },
      { key: 'customer', en: 'customer', zh: '客户' },
      { key: 'customer_name', en: 'customer name', zh: '客户名称' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'open', en: 'open', zh: '未发' },
      { key: 'due', en: 'due', zh: '交期' },
      { key: 'covered', en: 'covered (plan)', zh: '计划满足日' },
      { key: 'expected', en: 'expected', zh: '预计' },
      { key: 'days_late', en: 'days late', zh: '延迟天数' },
      { key: 'cause', en: 'cause', zh: '原因' },
    ],
    rows: r.lines.map((l) => [l.order, l.line, l.customer, l.customer_name, l.item, l.open.normalize(), l.due, l.covered ?? '', l.expected ?? '', l.days_late ?? (l.overdue_days || ''), lang === 'zh-CN' ? (causeOfLine.get(l) ?? l.cause) : l.cause]),
    notes: [
      L(
        'covered (plan) = the latest date of the supplies MRP pegs to the line: stock today, open orders on their due date (today at the earliest), planned orders on their due date.',
        '计划满足日 = MRP 分配给该行的供给中最晚的日期：库存为今天，未结订单为其到期日（最早为今天），计划订单为其到期日。',
      ),
      L(
        'expected = the same with what is late below each order: an order starts only when its last component is there (then + lead time); a planned order whose release has passed is released today.',
        '预计 = 同上，但计入每个订单下游的延迟：订单要等最后一个组件到位才能开工（再加提前期）；已过下达日的计划订单按今天下达计算。',
      ),
      L(
        'A line is late when its due date has passed with quantity open or it is expected after its due date; days late = expected − due (calendar days). `bizctl order trace SO-…` shows the chain.',
        '订单行延迟：交期已过且仍有未发数量，或预计日期晚于交期；延迟天数 = 预计 − 交期（日历天）。`bizctl order trace SO-…` 显示完整链条。',
      ),
    ],
  };
}
