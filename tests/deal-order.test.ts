/**
 * `crm deal won DEAL --order`: the sales order from the deal's lines, linked both ways,
 * only the intended lines changing; and on the example company, MRP plans for it.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

const CONFIG = `# test workspace
base_currency: CNY
`;
const CUSTOMERS = `- id: C1
  name: 甲公司
  owner: E1
`;
const SUPPLIERS = `- id: S1
  name: 乙五金
  lead_time: 5
`;
const ITEMS = `- id: DESK
  name: Desk
  type: make
  lead_time: 3
  price: 1180.00
  tax_rate: 13%

- id: CHAIR
  name: Chair
  type: buy
  supplier: S1
  price: 1380.00

- id: LAMP
  name: Lamp
  type: buy
`;
const DEALS = `# Deals. A header comment.
#
- id: D-2026-0001
  title: Forty desks   # inline comment
  customer: C1
  owner: E1
  stage: proposal
  created: 2026-10-01
  expected_close: 2026-12-01
  lines:
  - item: DESK
    qty: 40
    price: 1150.00
  - item: CHAIR
    qty: 40
    discount: 5%
  history:
  - stage: lead
    date: 2026-10-01
  - stage: proposal
    date: 2026-10-10

- id: D-2026-0002
  title: Requested date
  customer: C1
  stage: negotiation
  created: 2026-11-01
  requested_date: 2026-12-18
  lines:
  - item: DESK
    qty: 2
  notes: keep me

- id: D-2026-0003
  title: No lines
  customer: C1
  stage: lead
  amount: 500.00
  created: 2026-11-01

- id: D-2026-0004
  title: Lamp without a price
  customer: C1
  stage: lead
  created: 2026-11-01
  lines:
  - item: LAMP
    qty: 3

- id: D-2026-0005
  title: Won before
  customer: C1
  stage: won
  created: 2026-10-01
  closed: 2026-11-02
  lines:
  - item: DESK
    qty: 1
    price: 1200.00
`;
const ORDERS = `# Sales orders. A comment that must stay.
- id: SO-2026-0007
  customer: C1
  date: 2026-11-02
  lines:
  - line: 1
    item: DESK
    qty: 5
    price: 1150.00
    due: 2026-11-20   # promised by phone
`;

const files = () => ({ 'bizctl.yaml': CONFIG, 'crm/customers.yaml': CUSTOMERS, 'crm/deals.yaml': DEALS, 'purchasing/suppliers.yaml': SUPPLIERS, 'inventory/items.yaml': ITEMS, 'sales/sales-orders.yaml': ORDERS });
const read = (ws: string, p: string) => readFileSync(join(ws, p), 'utf8');
const bz = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-11-16', ...args]);

describe('crm deal won --order', () => {
  it('appends the order (next id, lines from the deal) and links the deal; nothing else changes', async () => {
    const ws = workspace(files());
    const r = await bz(ws, '--format', 'json', 'crm', 'deal', 'won', 'D-2026-0001', '--order');
    expect(r.code).toBe(0);
    // the order starts on line 11, right after the 10 lines of ORDERS (one record: no blank-line habit to follow)
    expect(JSON.parse(r.stdout)).toEqual({ action: 'won', entity: 'deal', id: 'D-2026-0001', file: 'crm/deals.yaml', line: 3, sales_order: { action: 'added', entity: 'sales order', id: 'SO-2026-0008', file: 'sales/sales-orders.yaml', line: 11, lines: 2 } });
    // Due dates: no requested_date, so order date 2026-11-16 (Monday) + lead time in working days:
    // DESK (make) 3 → Thu 11-19; CHAIR (buy, lead_time 0) takes S1's 5 → Mon 11-23.
    // CHAIR has no deal price → its list price 1380.00; its 5% discount is kept; DESK's tax rate 13% from the item.
    expect(read(ws, 'sales/sales-orders.yaml')).toBe(
      ORDERS +
        `- id: SO-2026-0008
  customer: C1
  date: 2026-11-16
  status: open
  deal: D-2026-0001
  owner: E1
  lines:
  - line: 1
    item: DESK
    qty: 40
    price: 1150.00
    tax_rate: 13%
    due: 2026-11-19
  - line: 2
    item: CHAIR
    qty: 40
    price: 1380.00
    discount: 5%
    due: 2026-11-23
`,
    );
    expect(r.stderr).toContain('note: line 1 (DESK) is due 2026-11-19');
    expect(r.stderr).toContain("note: line 2 (CHAIR) takes the item's list price 1380.00");
    // the deal: stage, closed and sales_order (in schema order, after expected_close), a history entry
    expect(read(ws, 'crm/deals.yaml')).toBe(
      DEALS.replace('  stage: proposal\n  created: 2026-10-01\n  expected_close: 2026-12-01\n', '  stage: won\n  created: 2026-10-01\n  expected_close: 2026-12-01\n  closed: 2026-11-16\n  sales_order: SO-2026-0008\n').replace(
        '  - stage: proposal\n    date: 2026-10-10\n',
        '  - stage: proposal\n    date: 2026-10-10\n  - stage: won\n    date: 2026-11-16\n',
      ),
    );
    const check = await run(['-C', ws, 'check']);
    expect(check.code).toBe(0);
  });

  it('due = requested_date when the deal has one; --due overrides both', async () => {
    const ws = workspace(files());
    expect((await bz(ws, 'crm', 'deal', 'won', 'D-2026-0002', '--order', '--date', '2026-11-15')).code).toBe(0);
    const text = read(ws, 'sales/sales-orders.yaml');
    // no owner on the deal → none on the order; DESK's list price 1180.00; due = requested_date
    expect(text).toBe(ORDERS + '- id: SO-2026-0008\n  customer: C1\n  date: 2026-11-15\n  status: open\n  deal: D-2026-0002\n  lines:\n  - line: 1\n    item: DESK\n    qty: 2\n    price: 1180.00\n    tax_rate: 13%\n    due: 2026-12-18\n');
    expect(read(ws, 'crm/deals.yaml')).toContain('  stage: won\n  created: 2026-11-01\n  closed: 2026-11-15\n  requested_date: 2026-12-18\n  sales_order: SO-2026-0008\n  lines:\n');

    const ws2 = workspace(files());
    expect((await bz(ws2, 'crm', 'deal', 'won', 'D-2026-0002', '--order', '--due', '2027-01-08')).code).toBe(0);
    expect(read(ws2, 'sales/sales-orders.yaml')).toContain('    due: 2027-01-08\n');
  });

  it('a deal won before gets only its order and the link', async () => {
    const ws = workspace(files());
    const r = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0005', '--order');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('was won already (closed 2026-11-02)');
    // the order is dated on the day the deal was won; DESK due 3 working days later (Thu 11-05)
    expect(read(ws, 'sales/sales-orders.yaml')).toContain('- id: SO-2026-0008\n  customer: C1\n  date: 2026-11-02\n  status: open\n  deal: D-2026-0005\n');
    expect(read(ws, 'sales/sales-orders.yaml')).toContain('    due: 2026-11-05\n');
    expect(read(ws, 'crm/deals.yaml')).toBe(DEALS.replace('  closed: 2026-11-02\n', '  closed: 2026-11-02\n  sales_order: SO-2026-0008\n'));
  });

  it('refuses, writing nothing: no lines, no price, an order already made, --due without --order', async () => {
    const ws = workspace(files());
    const before = snapshotDir(ws);
    const none = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0003', '--order');
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('deal D-2026-0003 has no lines, so there is nothing to order')]);
    const price = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0004', '--order');
    expect([price.code, price.stderr]).toEqual([1, expect.stringContaining('line 1 of deal D-2026-0004 (LAMP) has no price, and item LAMP has no list price')]);
    const due = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0001', '--due', '2026-12-01');
    expect(due.code).toBe(2);
    expect(snapshotDir(ws)).toEqual(before);

    expect((await bz(ws, 'crm', 'deal', 'won', 'D-2026-0001', '--order')).code).toBe(0);
    const after = snapshotDir(ws);
    const twice = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0001', '--order');
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining('deal D-2026-0001 already has sales order SO-2026-0008')]);
    expect(snapshotDir(ws)).toEqual(after);

    // an order that names the deal, while the deal does not name it
    const linked = workspace({ ...files(), 'sales/sales-orders.yaml': ORDERS.replace('  date: 2026-11-02\n', '  date: 2026-11-02\n  deal: D-2026-0002\n') });
    const l = await bz(linked, 'crm', 'deal', 'won', 'D-2026-0002', '--order');
    expect([l.code, l.stderr]).toEqual([1, expect.stringContaining('sales order SO-2026-0007 (sales/sales-orders.yaml:2) is already for deal D-2026-0002')]);
  });

  it('the next id skips ids taken in other files; the order goes to the last sales-orders file', async () => {
    const ws = workspace({ ...files(), 'sales/sales-orders/2026-12.yaml': '- id: SO-2026-0008\n  customer: C1\n  date: 2026-12-01\n  lines:\n  - line: 1\n    item: DESK\n    qty: 1\n    price: 1.00\n    due: 2026-12-02\n' });
    const r = await bz(ws, '--format', 'json', 'crm', 'deal', 'won', 'D-2026-0002', '--order');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sales_order).toMatchObject({ id: 'SO-2026-0009', file: 'sales/sales-orders/2026-12.yaml' });
  });

  it('a CSV sales-orders file gets one row per line (header fields on the first row only)', async () => {
    const csv = 'id,customer,date,status,deal,owner,line,item,qty,price,discount,tax_rate,due\nSO-1,C1,2026-11-01,open,,,1,DESK,1,1180.00,,,2026-11-20\n';
    const { 'sales/sales-orders.yaml': _, ...rest } = files();
    const ws = workspace({ ...rest, 'sales/sales-orders.csv': csv });
    const r = await bz(ws, 'crm', 'deal', 'won', 'D-2026-0001', '--order');
    expect([r.code, r.stdout.includes('SO-2')]).toEqual([0, true]);
    expect(read(ws, 'sales/sales-orders.csv')).toBe(csv + 'SO-2,C1,2026-11-16,open,D-2026-0001,E1,1,DESK,40,1150.00,,13%,2026-11-19\nSO-2,,,,,,2,CHAIR,40,1380.00,5%,,2026-11-23\n');
    expect(read(ws, 'crm/deals.yaml')).toContain('  sales_order: SO-2\n');

    // a file without a deal column cannot hold the link: refused, and the deal is not touched either
    const narrow = workspace({ ...rest, 'sales/sales-orders.csv': 'id,customer,date,line,item,qty,price,due\nSO-1,C1,2026-11-01,1,DESK,1,1180.00,2026-11-20\n' });
    const before = snapshotDir(narrow);
    const n = await bz(narrow, 'crm', 'deal', 'won', 'D-2026-0001', '--order');
    expect([n.code, n.stderr]).toEqual([1, expect.stringContaining('cannot add to sales/sales-orders.csv: the file has no column for')]);
    expect(snapshotDir(narrow)).toEqual(before);
  });
});

describe('won deal → sales order → MRP on the example company', () => {
  it('the new order is demand in mrp run and mrp pegging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bizctl-example-'));
    cpSync(join(REPO, 'data-examples/furniture'), dir, { recursive: true });
    const mrpBefore = JSON.parse((await bz(dir, '--format', 'json', 'mrp', 'run', '--for')).stdout);
    const desk = (r: { rows: { item: string; order: string; qty: string; for: string[] }[] }) => r.rows.find((x) => x.order === 'PL-DESK-LIFT-1600-2026-11-16')!;
    // before: 40 left on SO-2026-0041 (past due) − 2 on hand − 30 from WO-0042 + safety stock 10 = 18
    expect(desk(mrpBefore).qty).toBe('18');

    // D-2026-0022 (proposal): 20 DESK-LIFT-1600 at 2680.00 and 20 CHAIR-ERG at 1380.00, no requested_date
    const won = await bz(dir, '--format', 'json', 'crm', 'deal', 'won', 'D-2026-0022', '--order');
    expect(won.code).toBe(0);
    expect(JSON.parse(won.stdout).sales_order).toMatchObject({ id: 'SO-2026-0047', file: 'sales/sales-orders.yaml', lines: 2 });
    // DESK-LIFT-1600 is made in 4 working days: Mon 11-16 + 4 = Fri 11-20; CHAIR-ERG in 3: Thu 11-19
    const so = read(dir, 'sales/sales-orders.yaml');
    expect(so).toContain('- id: SO-2026-0047\n  customer: C0028\n  date: 2026-11-16\n  status: open\n  deal: D-2026-0022\n  owner: E005\n');
    expect(so).toContain('    item: DESK-LIFT-1600\n    qty: 20\n    price: 2680.00\n    tax_rate: 13%\n    due: 2026-11-20\n');

    const after = JSON.parse((await bz(dir, '--format', 'json', 'mrp', 'run', '--for')).stdout);
    // the 20 desks due 11-20 fall in the first weekly bucket (11-16 … 11-22): 18 + 20 = 38
    expect(desk(after).qty).toBe('38');
    expect(desk(after).for).toEqual(['SO-2026-0041/1', 'SO-2026-0047/1', 'safety stock']);
    const peg = JSON.parse((await bz(dir, '--format', 'json', 'mrp', 'pegging', 'SO-2026-0047')).stdout);
    expect(JSON.stringify(peg)).toContain('SO-2026-0047/1');
    expect(JSON.stringify(peg)).toContain('SO-2026-0047/2');
  });
});
