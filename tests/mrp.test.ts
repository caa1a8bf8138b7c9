/**
 * End-to-end MRP: a small plant with a holiday (every number worked out in the
 * comments), `--write` output and its re-read, and the example company's story.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, workspace } from './helpers.js';

// TABLE (make, LT 5) ← 4 LEG (buy, LT 5, fixed lots of 10, supplier S1). 6 LEG on hand.
// SO-1: 3 TABLE due Wed 03-18. PO-1: 8 LEG due Wed 03-25. Wed 03-04 is a holiday.
// As of Mon 2026-03-02, weekly buckets, horizon 4w: b0 03-02…03-08, b1 03-09, b2 03-16, b3 03-23…03-29.
//
// TABLE: GR b2 3 → PORc b2 3, due 03-16; release 03-16 − 5 wd = 03-09 (b1)
// LEG:   GR b1 3 × 4 = 12. b1: 6 − 12 = −6 → NR 6 → one lot of 10 → POH 4; b3: +8 (PO-1) → 12.
//        due 03-09; release 03-09 − 5 wd = 03-06, 03-05, (03-04 holiday), 03-03, 03-02, 02-27 → 02-27: past due.
//        PO-1: balance without receipts b0 6, b1 −6 → needed in b1, due in b3 → expedite to 03-09.
const PLANT = {
  'bizctl.yaml': 'base_currency: CNY\ncalendar:\n  workdays: [mon, tue, wed, thu, fri]\n  holidays: [2026-03-04]\ninventory:\n  default_location: WH\n',
  'crm/customers.yaml': '- id: C1\n  name: 客户一\n',
  'purchasing/suppliers.yaml': '- id: S1\n  name: 供应商一\n  contact: 王工\n  phone: 021-0000 0000\n',
  'inventory/locations.yaml': '- id: WH\n  name: 仓库\n',
  'inventory/items.yaml': [
    '- id: TABLE\n  name: 桌子\n  type: make\n  lead_time: 5\n',
    '- id: LEG\n  name: 桌腿\n  type: buy\n  lead_time: 5\n  reorder_point: 20\n  reorder_qty: 25\n  order_multiple: 10\n  lot_size: fixed\n  lot_qty: 10\n  supplier: S1\n',
  ].join(''),
  'inventory/boms.yaml': '- item: TABLE\n  components:\n  - component: LEG\n    qty: 4\n',
  'inventory/stock.csv': 'date,item,location,qty\n2026-03-01,LEG,WH,6\n',
  'sales/sales-orders.yaml': '- id: SO-1\n  customer: C1\n  date: 2026-02-20\n  lines:\n  - line: 1\n    item: TABLE\n    qty: 3\n    price: 500\n    due: 2026-03-18\n',
  'purchasing/purchase-orders.yaml': '- id: PO-1\n  supplier: S1\n  date: 2026-02-20\n  lines:\n  - line: 1\n    item: LEG\n    qty: 8\n    price: 12.50\n    due: 2026-03-25\n',
};
const bz = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-03-02', ...args]);

describe('mrp on a small plant', () => {
  it('explain prints the hand-computed grid', async () => {
    const ws = workspace(PLANT);
    const r = JSON.parse((await bz(ws, 'mrp', 'explain', 'LEG', '--horizon', '4w', '--format', 'json')).stdout);
    expect(r.rows).toEqual({
      gross: ['0', '12', '0', '0'],
      receipts: ['0', '0', '0', '8'],
      projected: ['6', '4', '4', '12'],
      net: ['0', '6', '0', '0'],
      planned_receipts: ['0', '10', '0', '0'],
      planned_releases: ['10', '0', '0', '0'],
    });
    expect([r.start, r.llc, r.lot_rule]).toEqual(['6', 1, 'fixed']);
    const t = await bz(ws, 'mrp', 'explain', 'LEG', '--horizon', '4w');
    expect(t.stdout.split('\n').slice(0, 10).join('\n')).toBe(
      [
        'LEG 桌腿: buy, low-level code 1, fixed, lead time 5 working days, safety stock 0; on hand 6, allocated 0',
        '',
        '                        start  03-02  03-09  03-16  03-23',
        '----------------------  -----  -----  -----  -----  -----',
        'gross requirements                       12',
        'scheduled receipts                                      8',
        'projected on hand           6      6      4      4     12',
        'net requirements                          6',
        'planned order receipts                   10',
        'planned order releases            10',
      ].join('\n'),
    );
  });

  it('run lists the actions and exits 3 with --exit-code', async () => {
    const ws = workspace(PLANT);
    const r = await bz(ws, 'mrp', 'run', '--horizon', '4w', '--for', '--format', 'json');
    const rows = JSON.parse(r.stdout).rows.map((x: Record<string, unknown>) => [x.action, x.order, x.qty, x.release, x.due, x.new_date, x.for]);
    expect(rows).toEqual([
      ['past-due', 'PL-LEG-2026-03-09', '10', '2026-02-27', '2026-03-09', null, ['SO-1/1']],
      // PO-1 is needed in b1 but netted where it is due (b3), after the planned lot covered b1: it serves nothing yet
      ['expedite', 'PO-1/1', '8', null, '2026-03-25', '2026-03-09', []],
    ]);
    expect((await bz(ws, 'mrp', 'run', '--horizon', '4w', '--exit-code')).code).toBe(3);
    const all = JSON.parse((await bz(ws, 'mrp', 'run', '--horizon', '4w', '--all', '--format', 'json')).stdout);
    expect(all.rows.map((x: { order: string }) => x.order)).toEqual(['PL-LEG-2026-03-09', 'PO-1/1', 'PL-TABLE-2026-03-16']);
  });

  it('--write writes a canonical, sorted CSV that check and fmt accept, and leaves it alone when nothing changed', async () => {
    const ws = workspace(PLANT);
    const r = await bz(ws, 'mrp', 'run', '--horizon', '4w', '--write');
    expect(r.stderr).toBe('wrote production/planned-orders.csv (2 planned orders)\n');
    expect(readFileSync(join(ws, 'production', 'planned-orders.csv'), 'utf8')).toBe(
      [
        'id,item,type,qty,release,due,supplier,action,for',
        'PL-LEG-2026-03-09,LEG,buy,10,2026-02-27,2026-03-09,S1,past-due,SO-1/1',
        'PL-TABLE-2026-03-16,TABLE,make,3,2026-03-09,2026-03-16,,,SO-1/1',
        '',
      ].join('\n'),
    );
    expect((await bz(ws, 'check')).stderr).toMatch(/^ok: /);
    expect((await bz(ws, 'fmt', '--check')).code).toBe(0);
    expect(JSON.parse((await bz(ws, 'ls', 'planned-orders', '--format', 'json')).stdout)[0]).toEqual({
      id: 'PL-LEG-2026-03-09',
      item: 'LEG',
      type: 'buy',
      qty: '10',
      release: '2026-02-27',
      due: '2026-03-09',
      supplier: 'S1',
      action: 'past-due',
      for: ['SO-1/1'],
    });
    expect((await bz(ws, 'mrp', 'run', '--horizon', '4w', '--write')).stderr).toBe('unchanged: production/planned-orders.csv (2 planned orders)\n');
  });

  it('the written plan is derived data: only check, fmt, ls and show read it', async () => {
    const ws = workspace({ ...PLANT, 'production/planned-orders.csv': 'id,item,type,qty,release,due\nPL-X,NOPE,buy,1,2026-03-02,2026-03-02\n' });
    const check = await bz(ws, 'check');
    expect([check.code, check.stderr]).toEqual([1, expect.stringContaining('production/planned-orders.csv:2:')]);
    expect((await bz(ws, 'ls', 'planned-orders')).code).toBe(1);
    // planning commands never open it
    expect((await bz(ws, 'stock', '--format', 'json')).code).toBe(0);
    const run = await bz(ws, 'mrp', 'run', '--horizon', '4w', '--write');
    expect([run.code, run.stderr]).toEqual([0, 'wrote production/planned-orders.csv (2 planned orders)\n']);
    expect((await bz(ws, 'check')).code).toBe(0);
    // a second planned-orders file would be ambiguous: nothing is written
    const two = workspace({ ...PLANT, 'production/planned-orders.yaml': '[]\n' });
    const r2 = await bz(two, 'mrp', 'run', '--horizon', '4w', '--write');
    expect([r2.code, r2.stderr.split('\n').slice(-3, -1)]).toEqual([1, ['bizctl: planned orders are also in production/planned-orders.yaml; nothing was written', '  hint: keep them only in production/planned-orders.csv (bizctl writes that file)']]);
  });

  it('pegging follows the sales order down and an order up', async () => {
    const ws = workspace(PLANT);
    const down = JSON.parse((await bz(ws, 'mrp', 'pegging', 'SO-1', '--horizon', '4w', '--format', 'json')).stdout);
    // TABLE 3 ← planned TABLE 3 ← LEG 12 ← on hand 6 + planned lot 6 of its 10
    expect(down.rows.map((x: Record<string, unknown>) => `${x.depth} ${x.what} ${x.qty}`)).toEqual([
      '0 sales order SO-1/1 3',
      '1 PL-TABLE-2026-03-16 (planned make) 3',
      '2 component of PL-TABLE-2026-03-16 12',
      '3 on hand 6',
      '3 PL-LEG-2026-03-09 (planned buy) 6',
    ]);
    const up = JSON.parse((await bz(ws, 'mrp', 'pegging', 'PO-1', '--horizon', '4w', '--format', 'json')).stdout);
    expect(up.rows.map((x: Record<string, unknown>) => `${x.depth} ${x.what} ${x.qty}`)).toEqual(['0 PO-1/1 (PO) 8', '1 not needed (excess) 8']);
    const item = JSON.parse((await bz(ws, 'mrp', 'pegging', 'LEG', '--horizon', '4w', '--format', 'json')).stdout);
    expect(item.rows.filter((x: { depth: number }) => x.depth === 0).map((x: { what: string }) => x.what)).toEqual(['on hand', 'PL-LEG-2026-03-09 (planned buy)', 'PO-1/1 (PO)']);
    expect((await bz(ws, 'mrp', 'pegging', 'SO-404')).code).toBe(1);
  });

  it('monthly buckets and bad options', async () => {
    const ws = workspace(PLANT);
    // 2 months from 03-02 end on 05-01, so the buckets are March (from the as-of date), April and May.
    // March is one bucket: TABLE due 03-02 (bucket start = as-of), released 5 wd before (02-23) → past due.
    // LEG needs 12 in March, and PO-1 (due 03-25) is in the same bucket: 6 + 8 − 12 = 2 ≥ 0 → no LEG order.
    const r = JSON.parse((await bz(ws, 'mrp', 'run', '--bucket', 'month', '--horizon', '2m', '--all', '--format', 'json')).stdout);
    expect(r.buckets.map((b: { name: string }) => b.name)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(r.rows.map((x: { action: string; order: string }) => `${x.action} ${x.order}`)).toEqual(['past-due PL-TABLE-2026-03-02']);
    expect(r.rows[0].release).toBe('2026-02-23');
    expect((await bz(ws, 'mrp', 'run', '--horizon', 'soon')).code).toBe(2);
    expect((await bz(ws, 'mrp', 'run', '--bucket', 'year')).code).toBe(2);
  });
});

const EX = join(REPO, 'data-examples', 'furniture');
const ex = (...args: string[]) => run(['-C', EX, '--as-of', '2026-11-16', ...args]);

describe('mrp on the example company (2026-11-16, weekly buckets, 26 weeks)', () => {
  it('the late sit-stand desks: a multi-level shortage with expedite messages all the way down', async () => {
    const r = JSON.parse((await ex('mrp', 'run', '--for', '--format', 'json')).stdout);
    const find = (order: string) => r.rows.find((x: { order: string }) => x.order === order);
    // Open orders that are overdue and needed now: expedite.
    for (const o of ['WO-0042', 'WO-0043', 'PO-2026-0188/1', 'PO-2026-0185/1']) expect(find(o).action).toBe('expedite');
    // DESK-LIFT-1600: 2 on hand + WO-0042's 30 − 40 still owed on SO-2026-0041 = −8, plus safety stock 10 → 18,
    // due today, released 4 working days earlier (11-10): past due.
    expect([find('PL-DESK-LIFT-1600-2026-11-16').action, find('PL-DESK-LIFT-1600-2026-11-16').qty, find('PL-DESK-LIFT-1600-2026-11-16').release]).toEqual(['past-due', '18', '2026-11-10']);
    // FRAME-LIFT: 16 on hand − 30 for WO-0042 + 28 from WO-0043 − 18 for the planned desks = −4, + safety 5 → 9, LT 3 → 11-11
    expect([find('PL-FRAME-LIFT-2026-11-16').qty, find('PL-FRAME-LIFT-2026-11-16').release]).toEqual(['9', '2026-11-11']);
    // HANDSET: 28 − 28 for WO-0043 = 0; frames released this week need 9 + 63 = 72 → 72 + 20 safety = 92 → moq 50 ok → ×10 → 100
    expect([find('PL-HANDSET-2026-11-16').action, find('PL-HANDSET-2026-11-16').qty, find('PL-HANDSET-2026-11-16').supplier]).toEqual(['past-due', '100', 'S001']);
    expect(find('PL-LIFT-COL-2026-11-16').action).toBe('past-due');
    expect(find('PL-DESK-LIFT-1600-2026-11-16').for).toEqual(['SO-2026-0041/1', 'safety stock']);
  });
  it('explain LIFT-COL: the first bucket by hand', async () => {
    const r = JSON.parse((await ex('mrp', 'explain', 'LIFT-COL', '--format', 'json')).stdout);
    // start 16 − 56 = −40; GR = 2 × (9 + 63) frames released this week = 144; + PO-2026-0188 200 → 16 < 40 → NR 24 → fixed 200 → 216
    expect([r.start, r.rows.gross[0], r.rows.receipts[0], r.rows.net[0], r.rows.planned_receipts[0], r.rows.projected[0]]).toEqual(['-40', '144', '200', '24', '200', '216']);
  });
  it('pegging SO-2026-0041 shows WO-0042 ← WO-0043 ← PO-2026-0188', async () => {
    const r = JSON.parse((await ex('mrp', 'pegging', 'SO-2026-0041', '--format', 'json')).stdout);
    const chain = r.rows.filter((x: { node: string; action: string }) => x.node === 'supply' && x.action === 'expedite').map((x: { depth: number; what: string }) => `${x.depth} ${x.what}`);
    expect(chain.slice(0, 3)).toEqual(['1 WO-0042 (WO)', '3 WO-0043 (WO)', '5 PO-2026-0188/1 (PO)']);
    // the chairs of line 2 have shipped: only line 1 is pegged
    expect(r.rows.filter((x: { depth: number }) => x.depth === 0).map((x: { what: string }) => x.what)).toEqual(['sales order SO-2026-0041/1']);
  });
});
