/**
 * Stock warnings in `crm campaigns` and `crm pipeline`: a small fixture computed by hand,
 * the example company's campaign CMP-2026-03, and a CRM-only workspace (no stock, no warnings).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../src/domain/dates.js';
import { availabilityFor } from '../src/reports/crm/stock.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { REPO, run, workspace } from './helpers.js';

const bz = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-11-16', ...args]);
const json = async (ws: string, ...args: string[]) => {
  const r = await bz(ws, '--format', 'json', ...args);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

// WIDGET: 100 counted on 11-01; SO-1 ships 70 on Fri 11-20; PO-1 brings 40 on Wed 11-25.
//   PA: 11-16 … 11-19 = 100 · 11-20 … 11-24 = 100 − 70 = 30 · from 11-25 = 30 + 40 = 70
const FIXTURE = {
  'bizctl.yaml': 'base_currency: CNY\n',
  'crm/customers.yaml': '- id: C1\n  name: 甲公司\n',
  'crm/campaigns.yaml': `- id: CMP-1
  name: Autumn
  start: 2026-11-10
  end: 2026-11-30
  items: [WIDGET]
  expected_demand: 50

- id: CMP-2
  name: Over
  start: 2026-10-01
  end: 2026-10-31
  items: [WIDGET]
  expected_demand: 500

- id: CMP-3
  name: December
  start: 2026-12-01
  end: 2026-12-31
  items: [WIDGET]
  expected_demand: 70
`,
  'crm/deals.yaml': `- id: D1
  title: Wants 100 by the 18th
  customer: C1
  stage: proposal
  created: 2026-11-01
  requested_date: 2026-11-18
  lines:
  - item: WIDGET
    qty: 100
    price: 10.00

- id: D2
  title: Wants 40 by the 22nd
  customer: C1
  stage: lead
  created: 2026-11-01
  expected_close: 2026-11-22
  lines:
  - item: WIDGET
    qty: 25
    price: 10.00
  - item: WIDGET
    qty: 15
    price: 10.00

- id: D3
  title: Lost
  customer: C1
  stage: lost
  created: 2026-11-01
  closed: 2026-11-02
  lines:
  - item: WIDGET
    qty: 1000
    price: 10.00
`,
  'inventory/items.yaml': '- id: WIDGET\n  name: Widget\n  type: buy\n',
  'inventory/stock.csv': 'date,item,location,qty\n2026-11-01,WIDGET,WH,100\n',
  'sales/sales-orders.yaml': '- id: SO-1\n  customer: C1\n  date: 2026-11-02\n  lines:\n  - line: 1\n    item: WIDGET\n    qty: 70\n    price: 10.00\n    due: 2026-11-20\n',
  'purchasing/suppliers.yaml': '- id: S1\n  name: 乙\n',
  'purchasing/purchase-orders.yaml': '- id: PO-1\n  supplier: S1\n  date: 2026-11-02\n  lines:\n  - line: 1\n    item: WIDGET\n    qty: 40\n    price: 5.00\n    due: 2026-11-25\n',
};

describe('stock warnings on a small fixture', () => {
  it('campaigns: flagged from the first day availability falls below the expected demand', async () => {
    const ws = workspace(FIXTURE);
    const r = await json(ws, 'crm', 'campaigns');
    // CMP-1: 50 wanted 11-16 (as-of, after its start) … 11-30: 100 until 11-19, 30 on 11-20 → short from 11-20 by 50 − 30 = 20.
    // CMP-2 ended before the as-of date. CMP-3 (upcoming, 12-01…12-31): 70 every day ≥ 70 → covered.
    expect(r.stock_warnings).toEqual([
      { kind: 'campaign', ref: 'CMP-1', item: 'WIDGET', demand: '50', from: '2026-11-16', to: '2026-11-30', short_from: '2026-11-20', min_available: '30', min_date: '2026-11-20', shortfall: '20', message: "don't promote this: WIDGET short by 20 from 2026-11-20" },
    ]);
    const t = await bz(ws, 'crm', 'campaigns');
    expect(t.stdout).toMatch(/CMP-1 .* don't promote this: WIDGET short by 20 from 2026-11-20\n/);
    expect(t.stdout).toContain('CMP-1: don\'t promote this: WIDGET short by 20 from 2026-11-20 (50 wanted 2026-11-16…2026-11-30; projected availability 30 on 2026-11-20)');
    // CSV: one more column, at the end
    const csv = await bz(ws, '--format', 'csv', 'crm', 'campaigns');
    expect(csv.stdout.split('\n')[0]).toBe('campaign,name,channel,start,cost,leads,deals,won,new_customers,revenue,cost_per_lead,cac,roi,stock');
  });

  it('pipeline: open deals over as-of … requested date or expected close', async () => {
    const ws = workspace(FIXTURE);
    const r = await json(ws, 'crm', 'pipeline');
    // D1: 100 over 11-16…11-18: 100 each day → covered (exactly).
    // D2: 25 + 15 = 40 over 11-16…11-22: 30 from 11-20 → short by 10 from 11-20. D3 is lost.
    expect(r.stock_warnings).toEqual([
      { kind: 'deal', ref: 'D2', item: 'WIDGET', demand: '40', from: '2026-11-16', to: '2026-11-22', short_from: '2026-11-20', min_available: '30', min_date: '2026-11-20', shortfall: '10', message: 'WIDGET short by 10 from 2026-11-20' },
    ]);
    const closing = await bz(ws, 'crm', 'pipeline', '--view', 'closing');
    expect(closing.stdout).toMatch(/D2 .* WIDGET short by 10 from 2026-11-20\n/);
    const stages = await bz(ws, 'crm', 'pipeline');
    expect(stages.stdout).toContain('D2: WIDGET short by 10 from 2026-11-20 (40 wanted 2026-11-16…2026-11-22; projected availability 30 on 2026-11-20)');
  });

  it('a CRM-only workspace has no stock and no warnings', async () => {
    const { 'inventory/items.yaml': _i, 'inventory/stock.csv': _s, 'sales/sales-orders.yaml': _o, 'purchasing/suppliers.yaml': _p, 'purchasing/purchase-orders.yaml': _q, ...crm } = FIXTURE;
    const ws = workspace(crm);
    expect((await json(ws, 'crm', 'campaigns')).stock_warnings).toEqual([]);
    expect((await json(ws, 'crm', 'pipeline')).stock_warnings).toEqual([]);
    expect((await bz(ws, 'crm', 'campaigns')).stdout).not.toContain('short by');
  });
});

describe('stock warnings on the example company', () => {
  it('flags CMP-2026-03: the promoted sit-stand desk is short', async () => {
    // DESK-LIFT-1600 on 2026-11-16: 2 on hand, nothing allocated; WO-0042 brings 30 (overdue → today);
    // SO-2026-0041 still wants 40 (overdue → today), SO-2026-0043 30 on 11-30 (SO-2026-0044's 25 on 12-04 is after the window).
    //   PA: 11-16 … 11-29 = 2 + 30 − 40 = −8 · 11-30 = −8 − 30 = −38
    // CMP-2026-03 expects 80 over 10-20…11-30, i.e. 11-16…11-30: short from 11-16 by 80 − (−38) = 118.
    const r = await json(join(REPO, 'data-examples/furniture'), 'crm', 'campaigns');
    expect(r.stock_warnings).toEqual([
      { kind: 'campaign', ref: 'CMP-2026-03', item: 'DESK-LIFT-1600', demand: '80', from: '2026-11-16', to: '2026-11-30', short_from: '2026-11-16', min_available: '-38', min_date: '2026-11-30', shortfall: '118', message: "don't promote this: DESK-LIFT-1600 short by 118 from 2026-11-16" },
    ]);
  });

  it('flags open deals for the desk, and a deal won with its order lowers what is left for the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bizctl-example-'));
    cpSync(join(REPO, 'data-examples/furniture'), dir, { recursive: true });
    const desk = (r: { stock_warnings: { ref: string; item: string; shortfall: string; short_from: string }[] }, deal: string) => r.stock_warnings.find((w) => w.ref === deal && w.item === 'DESK-LIFT-1600');
    const before = await json(dir, 'crm', 'pipeline');
    // D-2026-0020: 1 desk over 11-16…11-20: −8 → short by 1 − (−8) = 9 from 11-16
    expect(desk(before, 'D-2026-0020')).toMatchObject({ shortfall: '9', short_from: '2026-11-16' });
    // D-2026-0017: 30 over 11-16…12-15: −8, −38 (11-30), −63 (12-04, SO-2026-0044's 25) → 30 + 63 = 93
    expect(desk(before, 'D-2026-0017')).toMatchObject({ shortfall: '93', short_from: '2026-11-16' });
    expect(desk(before, 'D-2026-0022')).toMatchObject({ shortfall: '83' }); // 20 over 11-16…12-10: 20 + 63

    expect((await bz(dir, 'crm', 'deal', 'won', 'D-2026-0022', '--order')).code).toBe(0);
    const after = await json(dir, 'crm', 'pipeline');
    // D-2026-0022 is won (no longer pushed); its 20 desks due 11-20 are now demand: −63 − 20 = −83 → D-2026-0017 short by 113
    expect(desk(after, 'D-2026-0022')).toBeUndefined();
    expect(desk(after, 'D-2026-0017')).toMatchObject({ shortfall: '113', short_from: '2026-11-16' });
    // D-2026-0020 (to 11-20): −8 − 20 = −28 on 11-20 → 1 + 28 = 29
    expect(desk(after, 'D-2026-0020')).toMatchObject({ shortfall: '29', short_from: '2026-11-16' });
  });
});

describe('planning only the pushed items and their ancestors', () => {
  it('gives every item of the example the same projected availability as the whole plan', () => {
    const { ws } = loadWorkspace(join(REPO, 'data-examples/furniture'));
    const [asOf, last] = ['2026-11-16' as IsoDate, '2026-12-31' as IsoDate];
    const full = availabilityFor(ws, asOf, last, null);
    const text = (a: ReturnType<typeof full>) => (a ? `${a.start.toString()} ${a.points.map((p) => p.available.toString()).join(' ')}` : 'none');
    const differ: string[] = [];
    for (const it of ws.data.items) if (text(availabilityFor(ws, asOf, last, new Set([it.id]))(it.id)) !== text(full(it.id))) differ.push(it.id);
    expect(differ).toEqual([]);
    // and the components do get demand from their parents: LIFT-COL starts at 16 − 56 allocated to WO-0043 (docs/mrp.md)
    expect(full('LIFT-COL')!.start.toString()).toBe('-40');
  });
});
