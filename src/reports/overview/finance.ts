/**
 * Finance headlines and charts of the overview, each defined through the
 * same engines as its dedicated report.
 */
import { addDays, type IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { monthOf, periodsBetween } from '../../domain/periods.js';
import { ageItems, agingSummary, bucketLabels } from '../../engines/finance/aging.js';
import { openItems } from '../../engines/finance/open-items.js';
import { buildLedger } from '../../engines/ledger/build.js';
import { accountPattern } from '../../engines/ledger/query.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { balanceReport } from '../ledger/balance.js';
import { incomeStatement } from '../ledger/statements.js';
import type { ChartDef, MetricDef } from './types.js';

const zero = (ws: Workspace) => Dec.ZERO.withScale(minorUnit(ws.config, ws.config.base_currency));
export { zero as moneyZero };
const hasLedger = (ws: Workspace) => ['journal', 'invoices', 'bills', 'payments', 'credit-notes'].some((k) => ws.present.has(k as 'journal'));

/** The accounts that hold money: under the parent of finance.bank (e.g. assets:bank) and assets:cash. */
export function cashPatterns(ws: Workspace): string[] {
  const bank = ws.config.finance.bank;
  const parent = bank.includes(':') && bank.split(':').length > 2 ? bank.slice(0, bank.lastIndexOf(':')) : bank;
  return [`^${parent}(:|$)`, '^assets:cash(:|$)'];
}

function cashAt(ws: Workspace, date: IsoDate): Dec {
  const l = buildLedger(ws);
  const r = balanceReport(l, { end: addDays(date, 1), accounts: cashPatterns(ws).map(accountPattern), flat: true, empty: false });
  return r.total.get(ws.config.base_currency) ?? zero(ws);
}

function sumOpen(ws: Workspace, side: 'ar' | 'ap', date: IsoDate, keep: (due: IsoDate, kind: string) => boolean): Dec {
  let s = zero(ws);
  for (const i of openItems(ws.data, ws.config, side, date)) if (i.currency === ws.config.base_currency && keep(i.due, i.kind)) s = s.add(i.open);
  return s;
}

export const FINANCE_METRICS: readonly MetricDef[] = [
  {
    key: 'cash',
    en: 'Cash and bank',
    zh: '现金及银行存款',
    unit: 'money',
    source: 'bizctl ledger balance --flat ^assets:bank ^assets:cash',
    good: 'up',
    present: hasLedger,
    value: cashAt,
  },
  {
    key: 'receivables',
    en: 'Receivables',
    zh: '应收账款',
    unit: 'money',
    source: 'bizctl ar aging (total)',
    good: 'down',
    present: (ws) => ws.present.has('invoices'),
    value: (ws, d) => sumOpen(ws, 'ar', d, () => true),
  },
  {
    key: 'receivables_overdue',
    en: 'Receivables overdue',
    zh: '逾期应收',
    unit: 'money',
    source: 'bizctl ar aging --detail (invoices past due)',
    good: 'down',
    present: (ws) => ws.present.has('invoices'),
    value: (ws, d) => sumOpen(ws, 'ar', d, (due, kind) => kind === 'invoice' && due < d),
  },
  {
    key: 'payables_due_14d',
    en: 'Payables due within 14 days',
    zh: '14天内到期应付',
    unit: 'money',
    source: 'bizctl ap aging --detail (bills due by as-of + 14 days)',
    good: 'down',
    present: (ws) => ws.present.has('bills'),
    value: (ws, d) => sumOpen(ws, 'ap', d, (due, kind) => kind === 'bill' && due <= addDays(d, 14)),
  },
];

export const FINANCE_CHARTS: readonly ChartDef[] = [
  {
    key: 'revenue_cash',
    present: hasLedger,
    build(ws, asOf) {
      const months = periodsBetween('month', addDays(monthOf(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))).start, -150), asOf).slice(-6);
      const l = buildLedger(ws);
      const revenue = months.map((m) => {
        const is = incomeStatement(l, { begin: m.start, end: addDays(m.end < asOf ? m.end : asOf, 1), flat: true, empty: false });
        return is.sections[0]!.report.total.get(ws.config.base_currency) ?? zero(ws);
      });
      const cash = months.map((m) => cashAt(ws, m.end < asOf ? m.end : asOf));
      return { key: 'revenue_cash', en: 'Revenue and cash by month', zh: '每月收入与现金', kind: 'bars', labels: months.map((m) => m.name), series: [{ name: 'revenue', values: revenue }, { name: 'cash', values: cash }] };
    },
  },
  {
    key: 'aging',
    present: (ws) => ws.present.has('invoices'),
    build(ws, asOf) {
      const bounds = ws.config.aging.buckets;
      const rows = agingSummary(ageItems(openItems(ws.data, ws.config, 'ar', asOf), asOf, ws.config.aging.basis, bounds), bounds, () => zero(ws));
      const labels = bucketLabels(bounds);
      const values = labels.map((_, i) => rows.filter((r) => r.currency === ws.config.base_currency).reduce((s, r) => s.add(r.columns[i]!), zero(ws)));
      return { key: 'aging', en: 'Receivables by age', zh: '应收账龄', kind: 'bars', labels, series: [{ name: 'open', values }] };
    },
  },
];
