import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/domain/decimal.js';
import { REPO, run } from './helpers.js';

const WS = join(REPO, 'data-examples', 'furniture');
const AS_OF = '2026-11-16';

async function json(...args: string[]) {
  const r = await run(['-C', WS, '--as-of', AS_OF, '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const sum = (xs: string[]) => xs.reduce((s, x) => s.add(Dec.of(x)), Dec.ZERO);

describe('overview: each headline equals its dedicated report', async () => {
  const o = await json('overview');
  const metric = (k: string) => o.metrics.find((m: { key: string }) => m.key === k);
  it('cash and bank = ledger balance of the bank and cash accounts', async () => {
    const bal = await json('ledger', 'balance', '--flat', '^assets:bank', '^assets:cash');
    expect(metric('cash').value).toBe(bal.total.CNY);
    // the story's figures: ICBC 238,269.91 + CMB 106,784.00 + cash 13,588.70
    expect(bal.total.CNY).toBe('358642.61');
  });
  it('receivables = the AR aging total; overdue = open invoices past due', async () => {
    const aging = await json('ar', 'aging');
    expect(metric('receivables').value).toBe(sum(aging.rows.map((r: { total: string }) => r.total)).toFixed(2));
    const detail = await json('ar', 'aging', '--detail');
    const overdue = detail.items.filter((i: { kind: string; age: number }) => i.kind === 'invoice' && i.age > 0).map((i: { open: string }) => i.open);
    expect(metric('receivables_overdue').value).toBe(sum(overdue).toFixed(2));
  });
  it('payables due within 14 days = open bills due by as-of + 14', async () => {
    const detail = await json('ap', 'aging', '--detail');
    const due = detail.items.filter((i: { kind: string; due: string }) => i.kind === 'bill' && i.due <= '2026-11-30').map((i: { open: string }) => i.open);
    expect(metric('payables_due_14d').value).toBe(sum(due).toFixed(2));
  });
  it('previous values are the same numbers a month earlier', async () => {
    const r = await run(['-C', WS, '--as-of', '2026-10-16', '--format', 'json', 'overview']);
    const before = JSON.parse(r.stdout);
    for (const m of o.metrics) {
      if (m.key === 'stock_below_reorder') continue;
      expect(`${m.key} ${m.previous}`).toBe(`${m.key} ${before.metrics.find((x: { key: string }) => x.key === m.key).value}`);
    }
  });
  it('no stock comparison before the stock history starts (the example counts all 62 stocked items on 2026-11-01)', () => {
    const m = o.metrics.find((x: { key: string }) => x.key === 'stock_below_reorder');
    expect([m.previous, m.change, m.no_comparison]).toEqual([null, null, '62 items first counted after 2026-10-16']);
  });
});

describe('overview: payroll headline', () => {
  it('last payroll cost = the employer cost total of payroll run for the last completed month', async () => {
    const o = await json('overview');
    const run10 = await json('payroll', 'run', '--period', '2026-10');
    expect(o.metrics.find((m: { key: string }) => m.key === 'payroll_cost').value).toBe(run10.totals.employer_cost);
    const run09 = await json('payroll', 'run', '--period', '2026-09');
    expect(o.metrics.find((m: { key: string }) => m.key === 'payroll_cost').previous).toBe(run09.totals.employer_cost);
  });
});

describe('overview: CRM headlines', () => {
  it('weighted pipeline, this month, tickets = crm pipeline and crm tickets', async () => {
    const o = await json('overview');
    const m = (k: string) => o.metrics.find((x: { key: string }) => x.key === k).value;
    const p = await json('crm', 'pipeline');
    expect(m('pipeline_weighted')).toBe(p.total.weighted);
    expect(m('forecast_month')).toBe(p.forecast.find((f: { month: string }) => f.month === '2026-11').weighted);
    const t = await json('crm', 'tickets');
    expect(m('tickets_open')).toBe(String(t.open));
    expect(m('tickets_breached')).toBe(String(t.overdue));
    // The example's README: open tickets past their SLA on 11-16 are T-2026-0048, T-2026-0049 and T-2026-0051.
    expect(m('tickets_breached')).toBe('3');
  });
  it('a CRM-only workspace shows only the CRM headlines', async () => {
    const r = await run(['-C', join(REPO, 'data-examples', 'crm-only'), '--as-of', AS_OF, '--format', 'json', 'overview']);
    expect(JSON.parse(r.stdout).metrics.map((x: { key: string }) => x.key)).toEqual(['pipeline_weighted', 'forecast_month', 'tickets_open', 'tickets_breached']);
  });
});

describe('overview: inventory and purchasing headlines', () => {
  it('stock below reorder point = stock reorder alerts; late deliveries = purchase overdue lines', async () => {
    const o = await json('overview');
    const m = (k: string) => o.metrics.find((x: { key: string }) => x.key === k).value;
    const reorder = await json('stock', 'reorder');
    const overdue = await json('purchase', 'overdue');
    expect(m('stock_below_reorder')).toBe(String(reorder.alerts.length));
    expect(m('late_deliveries')).toBe(String(overdue.lines.length));
    // the story: HANDSET, LIFT-COL, LOCK-3, MECH-TILT, PANEL-MFC-18 at or below their reorder points
    expect(m('stock_below_reorder')).toBe('5');
  });
});

describe('overview: fulfilment headline', () => {
  it('sales-order lines at risk = sales at-risk', async () => {
    const o = await json('overview');
    const r = await json('sales', 'at-risk');
    expect(o.metrics.find((x: { key: string }) => x.key === 'orders_at_risk').value).toBe(String(r.lines.length));
  });
});
