/**
 * `bizctl report margin` on a fixture with a two-level BOM, computed by hand.
 *
 * Unit costs (bom cost roll-up, 4 decimals per level):
 *   BOARD (buy) 40.00 per m2 · LEG (buy) 12.35 · SCREW (buy) 0.1234 · CHAIR (buy, resold) 80.00 · LAMP (buy) no cost
 *   TOP (make)   = 1.2 m2 BOARD ÷ (1 − 4% scrap) = 1.25 × 40.00 = 50.00 + labour 5.00 + overhead 2.50          = 57.50
 *   TABLE (make) = 1 TOP 57.50 + 4 LEG 49.40 + 16 SCREW 1.9744 + labour 20.00 + overhead 10.00            = 138.8744
 *
 * Sales up to 2026-11-16 (net before VAT):
 *   INV-1 C1 10-05  TABLE 10 × 250.00 = 2500.00   CHAIR 10 × 120.00 = 1200.00
 *   INV-2 C2 10-20  TABLE  3 × 240.00 =  720.00   installation (no item) 1 × 150.00 = 150.00
 *   INV-3 C1 11-03  LAMP   5 ×  60.00 =  300.00   CHAIR 2 × 125.50 = 251.00
 *   CN-1  C1 11-10  TABLE  1 ×  50.00 =  −50.00 (an allowance: revenue only)
 *   INV-4 C2 11-20  CHAIR  1 × 130.00 =  130.00 (after the as-of date)
 */
import { describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.js';

const FILES = {
  'bizctl.yaml': 'base_currency: CNY\n',
  'crm/customers.yaml': '- id: C1\n  name: 甲公司\n\n- id: C2\n  name: 乙公司\n',
  'inventory/items.yaml': `- { id: TABLE, name: Table, type: make, labour_cost: 20.00, overhead_cost: 10.00 }
- { id: TOP, name: Table top, type: make, labour_cost: 5.00, overhead_cost: 2.50 }
- { id: BOARD, name: Board, type: buy, unit: m2, cost: 40.00 }
- { id: LEG, name: Leg, type: buy, cost: 12.35 }
- { id: SCREW, name: Screw, type: buy, cost: 0.1234 }
- { id: CHAIR, name: Chair, type: buy, cost: 80.00 }
- { id: LAMP, name: Lamp, type: buy }
`,
  'inventory/boms.yaml': `- item: TABLE
  components:
  - { component: TOP, qty: 1 }
  - { component: LEG, qty: 4 }
  - { component: SCREW, qty: 16 }
- item: TOP
  components:
  - { component: BOARD, qty: 1.2, scrap: 4% }
`,
  'finance/invoices.yaml': `- id: INV-1
  customer: C1
  date: 2026-10-05
  lines:
  - { item: TABLE, qty: 10, price: 250.00, tax_rate: 13% }
  - { item: CHAIR, qty: 10, price: 120.00, tax_rate: 13% }
- id: INV-2
  customer: C2
  date: 2026-10-20
  lines:
  - { item: TABLE, qty: 3, price: 240.00, tax_rate: 13% }
  - { description: installation, qty: 1, price: 150.00, tax_rate: 6% }
- id: INV-3
  customer: C1
  date: 2026-11-03
  lines:
  - { item: LAMP, qty: 5, price: 60.00 }
  - { item: CHAIR, qty: 2, price: 125.50 }
- id: INV-4
  customer: C2
  date: 2026-11-20
  lines:
  - { item: CHAIR, qty: 1, price: 130.00 }
`,
  'finance/credit-notes.yaml': `- id: CN-1
  customer: C1
  date: 2026-11-10
  invoice: INV-1
  lines:
  - { item: TABLE, description: allowance, qty: 1, price: 50.00 }
`,
};

type Row = { key: string | null; qty: string | null; unit_cost: string | null; revenue: string; cost: string | null; margin: string | null; margin_pct: string | null; cost_unknown: string };
const margin = async (...args: string[]) => {
  const r = await run(['-C', workspace(FILES), '--as-of', '2026-11-16', '--format', 'json', 'report', 'margin', ...args]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as { rows: Row[]; total: Row; cost_unknown: { doc: string; line: number; item: string | null; reason: string }[] };
};
const brief = (x: Row) => [x.key, x.revenue, x.cost, x.margin, x.margin_pct, x.cost_unknown];

describe('report margin', () => {
  it('the roll-up agrees with bom cost', async () => {
    const r = await run(['-C', workspace(FILES), '--format', 'json', 'bom', 'cost', 'TABLE']);
    expect(JSON.parse(r.stdout).unit_cost).toBe('138.8744');
  });

  it('by product', async () => {
    const r = await margin();
    // TABLE: 13 invoiced; 2500 + 720 − 50 = 3170.00; cost 13 × 138.8744 = 1805.3672 → 1805.37; margin 1364.63; 1364.63 / 3170 = 43.048… → 43.05%
    // CHAIR: 12; 1200 + 251 = 1451.00; 12 × 80 = 960.00; 491.00; 491 / 1451 = 33.838… → 33.84%
    // LAMP: no cost → 300.00 cost unknown; the installation line (no item) → 150.00 cost unknown, last
    expect(r.rows.map((x) => [x.key, x.qty, x.unit_cost])).toEqual([
      ['CHAIR', '12', '80.00'],
      ['LAMP', '5', null],
      ['TABLE', '13', '138.8744'],
      [null, '1', null],
    ]);
    expect(r.rows.map(brief)).toEqual([
      ['CHAIR', '1451.00', '960.00', '491.00', '33.84', '0.00'],
      ['LAMP', '300.00', null, null, null, '300.00'],
      ['TABLE', '3170.00', '1805.37', '1364.63', '43.05', '0.00'],
      [null, '150.00', null, null, null, '150.00'],
    ]);
    // total: 5071.00, of which 450.00 cost unknown; cost 1805.3672 + 960 = 2765.3672 → 2765.37;
    // margin 5071 − 450 − 2765.37 = 1855.63; 1855.63 / 4621 = 40.156… → 40.16%
    expect(brief(r.total)).toEqual([null, '5071.00', '2765.37', '1855.63', '40.16', '450.00']);
    expect(r.cost_unknown.map((u) => `${u.doc}/${u.line} ${u.reason}`)).toEqual(['INV-2/2 no item', 'INV-3/1 no cost for LAMP']);
  });

  it('by customer', async () => {
    const r = await margin('--by', 'customer');
    // C1: 3700 + 551 − 50 = 4201.00, 300.00 unknown; cost 1388.744 + 800 + 160 = 2348.744 → 2348.74;
    //     margin 4201 − 300 − 2348.74 = 1552.26; 1552.26 / 3901 = 39.791… → 39.79%
    // C2: 720 + 150 = 870.00, 150.00 unknown; cost 416.6232 → 416.62; margin 870 − 150 − 416.62 = 303.38; 303.38 / 720 = 42.136… → 42.14%
    expect(r.rows.map(brief)).toEqual([
      ['C1', '4201.00', '2348.74', '1552.26', '39.79', '300.00'],
      ['C2', '870.00', '416.62', '303.38', '42.14', '150.00'],
    ]);
    // the total is computed from unrounded costs: 1855.63, a cent less than 1552.26 + 303.38
    expect(brief(r.total)).toEqual([null, '5071.00', '2765.37', '1855.63', '40.16', '450.00']);
  });

  it('by month', async () => {
    const r = await margin('--by', 'month');
    // 2026-10: 3700 + 870 = 4570.00, 150.00 unknown; cost 1388.744 + 800 + 416.6232 = 2605.3672 → 2605.37;
    //          margin 4570 − 150 − 2605.37 = 1814.63; 1814.63 / 4420 = 41.054… → 41.05%
    // 2026-11: 551 − 50 = 501.00, 300.00 unknown; cost 160.00; margin 41.00; 41 / 201 = 20.398… → 20.40%
    expect(r.rows.map(brief)).toEqual([
      ['2026-10', '4570.00', '2605.37', '1814.63', '41.05', '150.00'],
      ['2026-11', '501.00', '160.00', '41.00', '20.40', '300.00'],
    ]);
  });

  it('--begin and --end (exclusive) choose the documents', async () => {
    const r = await margin('--by', 'product', '--begin', '2026-11-01', '--end', '2026-12-01');
    // INV-3, CN-1 and INV-4: CHAIR 251 + 130 = 381.00, 3 × 80 = 240.00, 141.00, 141 / 381 = 37.007… → 37.01%;
    // TABLE: only the credit note: −50.00, no quantity and no cost → margin −50.00; no margin % of a negative revenue
    expect(r.rows.map(brief)).toEqual([
      ['CHAIR', '381.00', '240.00', '141.00', '37.01', '0.00'],
      ['LAMP', '300.00', null, null, null, '300.00'],
      ['TABLE', '-50.00', '0.00', '-50.00', null, '0.00'],
    ]);
    const ws = workspace(FILES);
    const bad = await run(['-C', ws, 'report', 'margin', '--begin', '2026-11-01', '--end', '2026-11-01']);
    expect(bad.code).toBe(2);
  });

  it('the table says what cost unknown means and lists the lines', async () => {
    const r = await run(['-C', workspace(FILES), '--as-of', '2026-11-16', 'report', 'margin']);
    expect(r.stdout).toContain('Gross margin by product, to 2026-11-16');
    expect(r.stdout).toMatch(/LAMP\s+Lamp\s+5\s+unknown\s+300\.00\s+300\.00\n/);
    expect(r.stdout).toContain('cost unknown (left out of cost and margin, never counted as 0): 2 lines');
    expect(r.stdout).toContain('INV-3 line 1: LAMP 300.00 — no cost for LAMP');
    expect(r.stdout).toContain('rounded half-up to 2 decimals');
  });

  it('a document in another currency is converted at the rate of its own date', async () => {
    const usd = { ...FILES, 'finance/invoices/usd.yaml': '- id: INV-5\n  customer: C2\n  date: 2026-10-25\n  currency: USD\n  lines:\n  - { item: TABLE, qty: 1, price: 40.00 }\n' };
    const prices = '- { date: 2026-10-01, commodity: USD, price: 7.10 CNY }\n- { date: 2026-11-01, commodity: USD, price: 7.20 CNY }\n';
    const r = await run(['-C', workspace({ ...usd, 'finance/prices.yaml': prices }), '--as-of', '2026-11-16', '--format', 'json', 'report', 'margin', '--begin', '2026-10-21', '--end', '2026-10-31']);
    // 40.00 USD × 7.10 (the rate of 10-01, not the later 7.20) = 284.00; cost 138.8744 → 138.87; 145.13 / 284 = 51.102… → 51.10%
    expect(brief(JSON.parse(r.stdout).rows[0])).toEqual(['TABLE', '284.00', '138.87', '145.13', '51.10', '0.00']);
    const none = await run(['-C', workspace(usd), '--as-of', '2026-11-16', 'report', 'margin']);
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('invoice INV-5 is in USD, and there is no USD rate on or before 2026-10-25 to convert it to CNY')]);
  });
});
