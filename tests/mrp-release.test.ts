/**
 * `bizctl mrp release` end to end: the plant of src/engines/mrp/release.test.ts
 * as a workspace (every planned order worked out there), then the example company.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

// As of Mon 2026-03-02, weekly buckets, no holidays, nothing on hand.
// DESK (make, LT 3) = 4 LEG (buy, LT 5, S1, cost 2.50) + 1 TOP (buy, LT 10, S2, cost 80.00, VAT 13%).
// SO-0: 2 DESK due 03-03; SO-1: 10 DESK due 03-09; SO-2: 5 DESK due 03-25. Planned orders:
//   PL-DESK-2026-03-02  2  release 02-25  past due       PL-LEG-2026-03-02  48  release 02-23  past due
//   PL-DESK-2026-03-09 10  release 03-04  release now    PL-LEG-2026-03-16  20  release 03-09
//   PL-DESK-2026-03-23  5  release 03-18                 PL-TOP-2026-03-02  12  release 02-16  past due
//                                                        PL-TOP-2026-03-16   5  release 03-02  release now
const so = (id: string, due: string, qty: number) => `- id: ${id}\n  customer: C1\n  date: 2026-02-20\n  lines:\n  - line: 1\n    item: DESK\n    qty: ${qty}\n    price: 900\n    due: ${due}\n`;
const PO_FILE = [
  '# Purchase orders: one per supplier and date.',
  '- id: PO-2026-0006',
  '  supplier: S2',
  '  date: 2026-01-20',
  '  status: closed',
  '  lines:',
  '  - line: 1',
  '    item: TOP',
  '    qty: 4',
  '    price: 78.00',
  '    due: 2026-02-02',
  '    received: 4',
  '',
  '- id: PO-2026-0007   # the last one',
  '  supplier: S1',
  '  date: 2026-02-01',
  '  status: closed',
  '  lines:',
  '  - line: 1',
  '    item: LEG',
  '    qty: 8',
  '    price: 2.40',
  '    due: 2026-02-10',
  '    received: 8',
  '',
].join('\n');
const WO_FILE = '# Work orders\n- id: WO-0041\n  item: DESK\n  qty: 1\n  start: 2026-02-02\n  due: 2026-02-05\n  status: done\n  completed: 1\n';
const PLANT = {
  'bizctl.yaml': 'base_currency: CNY\ncalendar:\n  workdays: [mon, tue, wed, thu, fri]\ninventory:\n  default_location: WH\n',
  'crm/customers.yaml': '- id: C1\n  name: 客户一\n',
  'purchasing/suppliers.yaml': '- id: S1\n  name: 供应商一\n- id: S2\n  name: 供应商二\n',
  'inventory/locations.yaml': '- id: WH\n  name: 仓库\n',
  'inventory/items.yaml': [
    '- id: DESK\n  name: 桌子\n  type: make\n  lead_time: 3\n',
    '- id: LEG\n  name: 桌腿\n  type: buy\n  lead_time: 5\n  supplier: S1\n  cost: 2.50\n',
    '- id: TOP\n  name: 桌面\n  type: buy\n  lead_time: 10\n  supplier: S2\n  cost: 80.00\n  tax_rate: 13%\n',
  ].join(''),
  'inventory/boms.yaml': '- item: DESK\n  components:\n  - component: LEG\n    qty: 4\n  - component: TOP\n    qty: 1\n',
  'sales/sales-orders.yaml': so('SO-0', '2026-03-03', 2) + so('SO-1', '2026-03-09', 10) + so('SO-2', '2026-03-25', 5),
  'purchasing/purchase-orders.yaml': PO_FILE,
  'production/work-orders.yaml': WO_FILE,
};
const bz = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-03-02', ...args]);
const read = (ws: string, p: string) => readFileSync(join(ws, p), 'utf8');

const NEW_POS = `
- id: PO-2026-0008
  supplier: S1
  date: 2026-03-02
  status: open
  location: WH
  lines:
  - line: 1
    item: LEG
    qty: 48
    price: 2.50
    due: 2026-03-02
  notes: mrp release 2026-03-02; line 1 PL-LEG-2026-03-02 (past due) for SO-0/1, SO-1/1

- id: PO-2026-0009
  supplier: S2
  date: 2026-03-02
  status: open
  location: WH
  lines:
  - line: 1
    item: TOP
    qty: 12
    price: 80.00
    tax_rate: 13%
    due: 2026-03-02
  - line: 2
    item: TOP
    qty: 5
    price: 80.00
    tax_rate: 13%
    due: 2026-03-16
  notes: mrp release 2026-03-02; line 1 PL-TOP-2026-03-02 (past due) for SO-0/1, SO-1/1; line 2 PL-TOP-2026-03-16 for SO-2/1
`;
const NEW_WOS = `- id: WO-0042
  item: DESK
  qty: 2
  start: 2026-03-02
  due: 2026-03-02
  status: released
  location: WH
  notes: mrp release 2026-03-02; PL-DESK-2026-03-02 (past due) for SO-0/1
- id: WO-0043
  item: DESK
  qty: 10
  start: 2026-03-04
  due: 2026-03-09
  status: released
  location: WH
  notes: mrp release 2026-03-02; PL-DESK-2026-03-09 for SO-1/1
`;

describe('mrp release on a small plant', () => {
  it('--dry-run prints what would be created and writes nothing', async () => {
    const ws = workspace(PLANT);
    const before = snapshotDir(ws);
    const r = await bz(ws, 'mrp', 'release', '--all-due', '--dry-run');
    expect([r.code, r.stderr]).toEqual([0, 'dry run: would create 2 purchase orders, 2 work orders; nothing was written\n']);
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      'MRP release on 2026-03-02: 2 purchase orders (3 lines), 2 work orders',
      '',
      'order         line  supplier  item  qty  price  start       due         planned order       was          for',
      '------------  ----  --------  ----  ---  -----  ----------  ----------  ------------------  -----------  --------------',
      'PO-2026-0008     1  S1        LEG    48   2.50  2026-03-02  2026-03-02  PL-LEG-2026-03-02   past due     SO-0/1, SO-1/1',
      'PO-2026-0009     1  S2        TOP    12  80.00  2026-03-02  2026-03-02  PL-TOP-2026-03-02   past due     SO-0/1, SO-1/1',
      'PO-2026-0009     2  S2        TOP     5  80.00  2026-03-02  2026-03-16  PL-TOP-2026-03-16   release now  SO-2/1',
      'WO-0042                       DESK    2         2026-03-02  2026-03-02  PL-DESK-2026-03-02  past due     SO-0/1',
      'WO-0043                       DESK   10         2026-03-04  2026-03-09  PL-DESK-2026-03-09  release now  SO-1/1',
    ]);
    const csv = await bz(ws, 'mrp', 'release', '--all-due', '--dry-run', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('order,line,supplier,item,qty,price,start,due,planned,action,for');
    const json = JSON.parse((await bz(ws, 'mrp', 'release', '--all-due', '--dry-run', '--format', 'json')).stdout);
    expect([json.purchase_orders, json.work_orders, json.files]).toEqual([2, 2, ['purchasing/purchase-orders.yaml', 'production/work-orders.yaml']]);
    expect(json.rows[2]).toEqual({ order: 'PO-2026-0009', type: 'PO', line: 2, supplier: 'S2', item: 'TOP', qty: '5', price: '80.00', price_from: 'cost', start: '2026-03-02', due: '2026-03-16', status: 'open', planned: 'PL-TOP-2026-03-16', action: 'release-now', for: ['SO-2/1'], for_more: false, file: 'purchasing/purchase-orders.yaml' });
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('appends the orders (comments and every existing byte kept); the next run sees them as scheduled receipts', async () => {
    const ws = workspace(PLANT);
    const plannedBefore = JSON.parse((await bz(ws, 'mrp', 'run', '--all', '--format', 'json')).stdout).rows.map((x: { order: string }) => x.order);
    expect(plannedBefore).toHaveLength(7);
    const r = await bz(ws, 'mrp', 'release', '--all-due');
    expect([r.code, r.stderr]).toEqual([0, 'created 2 purchase orders, 2 work orders (purchasing/purchase-orders.yaml, production/work-orders.yaml)\n']);
    expect(read(ws, 'purchasing/purchase-orders.yaml')).toBe(PO_FILE + NEW_POS);
    expect(read(ws, 'production/work-orders.yaml')).toBe(WO_FILE + NEW_WOS);
    expect((await bz(ws, 'check')).stderr).toMatch(/^ok: /);
    expect((await bz(ws, 'fmt', '--check')).code).toBe(0);
    // The released planned orders are gone, the others are unchanged, and the new orders need no action.
    const after = JSON.parse((await bz(ws, 'mrp', 'run', '--all', '--format', 'json')).stdout);
    expect(after.rows.map((x: { action: string; order: string; qty: string; release: string }) => `${x.action} ${x.order} ${x.qty} ${x.release}`)).toEqual(['planned PL-LEG-2026-03-16 20 2026-03-09', 'planned PL-DESK-2026-03-23 5 2026-03-18']);
    expect((await bz(ws, 'mrp', 'run', '--exit-code')).code).toBe(0);
    // LEG: 48 of PO-2026-0008 cover the 48 allocated to WO-0042 and WO-0043
    const leg = JSON.parse((await bz(ws, 'mrp', 'explain', 'LEG', '--format', 'json')).stdout);
    expect([leg.allocated, leg.rows.receipts[0], leg.rows.projected[0]]).toEqual(['48', '48', '0']);
    const again = await bz(ws, 'mrp', 'release', '--all-due');
    expect([again.code, again.stderr]).toEqual([0, 'nothing to release\n']);
  });

  it('is deterministic: the same workspace and as-of date give the same bytes', async () => {
    const a = workspace(PLANT);
    const b = workspace(PLANT);
    await bz(a, 'mrp', 'release', '--due-by', '2026-03-09');
    await bz(b, 'mrp', 'release', '--due-by', '2026-03-09');
    expect(snapshotDir(a)).toEqual(snapshotDir(b));
    // --due-by 03-09 also takes PL-LEG-2026-03-16 (released 03-09): a second LEG line on S1's order
    expect(read(a, 'purchasing/purchase-orders.yaml')).toContain('  - line: 2\n    item: LEG\n    qty: 20\n    price: 2.50\n    due: 2026-03-16\n');
  });

  it('ids, --firm and filters', async () => {
    const ws = workspace(PLANT);
    await bz(ws, 'mrp', 'run', '--write');
    const r = await bz(ws, 'mrp', 'release', 'PL-DESK-2026-03-23', '--firm');
    expect([r.code, r.stderr]).toEqual([0, 'created 1 work order (production/work-orders.yaml)\nnote: production/planned-orders.csv still lists the released orders; `bizctl mrp run --write` brings it up to date\n']);
    expect(read(ws, 'production/work-orders.yaml')).toBe(WO_FILE + '- id: WO-0042\n  item: DESK\n  qty: 5\n  start: 2026-03-18\n  due: 2026-03-23\n  status: planned\n  location: WH\n  notes: mrp release 2026-03-02; PL-DESK-2026-03-23 for SO-2/1\n');
    // a firm planned work order is a scheduled receipt too
    const plan = JSON.parse((await bz(ws, 'mrp', 'run', '--all', '--format', 'json')).stdout);
    expect(plan.rows.map((x: { order: string }) => x.order)).not.toContain('PL-DESK-2026-03-23');
    const s2 = JSON.parse((await bz(ws, 'mrp', 'release', '--all-due', '--supplier', 'S2', '--dry-run', '--format', 'json')).stdout);
    expect(s2.rows.map((x: { planned: string }) => x.planned)).toEqual(['PL-TOP-2026-03-02', 'PL-TOP-2026-03-16']);
    const make = JSON.parse((await bz(ws, 'mrp', 'release', '--all-due', '--type', 'make', '--item', 'DESK', 'LEG', '--dry-run', '--format', 'json')).stdout);
    expect(make.rows.map((x: { planned: string }) => x.planned)).toEqual(['PL-DESK-2026-03-02', 'PL-DESK-2026-03-09']);
  });

  it('CSV files get one row per line, header cells repeated; a missing column is added to the header', async () => {
    const { 'purchasing/purchase-orders.yaml': _po, 'production/work-orders.yaml': _wo, ...rest } = PLANT;
    const ws = workspace({
      ...rest,
      'purchasing/purchase-orders.csv': 'id,supplier,date,status,location,notes,line,item,qty,price,tax_rate,due,received\nPO-2026-0007,S1,2026-02-01,closed,WH,,1,LEG,8,2.40,,2026-02-10,8\n',
      'production/work-orders.csv': 'id,item,qty,start,due,status,completed\nWO-0041,DESK,1,2026-02-02,2026-02-05,done,1\n',
    });
    const r = await bz(ws, 'mrp', 'release', '--all-due', '--supplier', 'S2');
    expect(r.code).toBe(0);
    expect(read(ws, 'purchasing/purchase-orders.csv').split('\n').slice(2)).toEqual([
      'PO-2026-0008,S2,2026-03-02,open,WH,"mrp release 2026-03-02; line 1 PL-TOP-2026-03-02 (past due) for SO-0/1, SO-1/1; line 2 PL-TOP-2026-03-16 for SO-2/1",1,TOP,12,80.00,13%,2026-03-02,',
      'PO-2026-0008,S2,2026-03-02,open,WH,"mrp release 2026-03-02; line 1 PL-TOP-2026-03-02 (past due) for SO-0/1, SO-1/1; line 2 PL-TOP-2026-03-16 for SO-2/1",2,TOP,5,80.00,13%,2026-03-16,',
      '',
    ]);
    const w = await bz(ws, 'mrp', 'release', 'PL-DESK-2026-03-09');
    expect(w.stderr).toBe('created 1 work order (production/work-orders.csv)\nnote: added columns location, notes to production/work-orders.csv\n');
    expect(read(ws, 'production/work-orders.csv')).toBe('id,item,qty,start,due,status,completed,location,notes\nWO-0041,DESK,1,2026-02-02,2026-02-05,done,1,,\nWO-0042,DESK,10,2026-03-04,2026-03-09,released,,WH,mrp release 2026-03-02; PL-DESK-2026-03-09 for SO-1/1\n');
    expect((await bz(ws, 'check')).stderr).toMatch(/^ok: /);
  });
});

describe('mrp release errors: nothing is written', () => {
  it('unknown planned ids are listed, each with the nearest id of the plan', async () => {
    const ws = workspace(PLANT);
    const before = snapshotDir(ws);
    const r = await bz(ws, 'mrp', 'release', 'PL-LEG-2026-03-17', 'PL-DESK-2026-03-02', 'PL-NOPE');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'bizctl: not a planned order of this plan: PL-LEG-2026-03-17 (did you mean PL-LEG-2026-03-16?), PL-NOPE\n' +
        '  hint: `bizctl mrp run --all` lists the planned orders (run it with the same --horizon and --bucket); an order released already is no longer planned\n',
    );
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('a buy item without a supplier is named, with the fix', async () => {
    const ws = workspace({ ...PLANT, 'inventory/items.yaml': PLANT['inventory/items.yaml'].replace('  supplier: S1\n', '') });
    const before = snapshotDir(ws);
    const r = await bz(ws, 'mrp', 'release', '--all-due');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'bizctl: PL-LEG-2026-03-02: buy item LEG has no supplier (inventory/items.yaml:5); nothing was written\n' + '  hint: set `supplier` on the item (the supplier its purchase orders go to)\n',
    );
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('every order that cannot be placed is listed at once', async () => {
    // TOP has no cost, and nothing was ever bought from S2 (PO-2026-0006 left out)
    const items = PLANT['inventory/items.yaml'].replace('  supplier: S1\n', '').replace('  cost: 80.00\n', '');
    const ws = workspace({ ...PLANT, 'inventory/items.yaml': items, 'purchasing/purchase-orders.yaml': PO_FILE.replace(/- id: PO-2026-0006[^]*?\n\n/, '') });
    const before = snapshotDir(ws);
    const r = await bz(ws, 'mrp', 'release', '--all-due');
    expect([r.code, r.stderr]).toEqual([
      1,
      'bizctl: 3 planned orders cannot be released; nothing was written\n' +
        '  PL-LEG-2026-03-02: buy item LEG has no supplier (inventory/items.yaml:5)\n' +
        '  PL-TOP-2026-03-02: no purchase price for TOP from S2 in CNY (inventory/items.yaml:10)\n' +
        '  PL-TOP-2026-03-16: no purchase price for TOP from S2 in CNY (inventory/items.yaml:10)\n' +
        '  hint: set `supplier` on the item (the supplier its purchase orders go to); set `cost` on the item (its purchase price), or for a supplier in another currency record a purchase order with its price\n',
    ]);
    expect(snapshotDir(ws)).toEqual(before);
    // without a cost, the last price paid to the supplier (PO-2026-0006) is used
    const ok = workspace({ ...PLANT, 'inventory/items.yaml': PLANT['inventory/items.yaml'].replace('  cost: 80.00\n', '') });
    const j = JSON.parse((await bz(ok, 'mrp', 'release', '--all-due', '--supplier', 'S2', '--dry-run', '--format', 'json')).stdout);
    expect(j.rows.map((x: { price: string; price_from: string }) => `${x.price} ${x.price_from}`)).toEqual(['78.00 PO-2026-0006', '78.00 PO-2026-0006']);
  });

  it('a supplier that is not in purchasing/suppliers (a workspace without purchasing files)', async () => {
    // With a suppliers file, `check` already refuses an item whose supplier is not in it.
    const { 'purchasing/suppliers.yaml': _s, 'purchasing/purchase-orders.yaml': _po, ...rest } = PLANT;
    const ws = workspace(rest);
    const before = snapshotDir(ws);
    const r = await bz(ws, 'mrp', 'release', 'PL-LEG-2026-03-02');
    expect([r.code, r.stderr.split('\n').slice(-3)]).toEqual([1, ['bizctl: PL-LEG-2026-03-02: supplier S1 of item LEG is not in purchasing/suppliers; nothing was written', '  hint: add the supplier to purchasing/suppliers or correct `supplier` on the item', '']]);
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('usage errors (exit 2), and an unknown --item (exit 1)', async () => {
    const ws = workspace(PLANT);
    const err = async (...args: string[]) => {
      const r = await bz(ws, 'mrp', 'release', ...args);
      return [r.code, r.stderr.split('\n')[0]];
    };
    expect(await err()).toEqual([2, 'bizctl: which planned orders? give their ids, --all-due or --due-by DATE']);
    expect(await err('PL-DESK-2026-03-02', '--all-due')).toEqual([2, 'bizctl: give planned-order ids or --all-due / --due-by, not both']);
    expect(await err('--all-due', '--due-by', '2026-03-09')).toEqual([2, 'bizctl: give --all-due or --due-by, not both']);
    expect(await err('--due-by', 'friday')).toEqual([2, 'bizctl: --due-by "friday" is not a date']);
    expect(await err('--all-due', '--item', 'DESC')).toEqual([1, 'bizctl: --item: unknown item "DESC"']); // an id not in the data: exit 1
    expect(await err('PL-DESK-2026-03-02', '--type', 'make')).toEqual([2, 'bizctl: --item, --supplier and --type narrow --all-due or --due-by']);
    expect(await err('--all-due', '--type', 'rent')).toEqual([2, expect.stringContaining("'rent' is invalid")]);
  });
});

describe('mrp release on the example company (2026-11-16)', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bizctl-release-'));
    cpSync(join(REPO, 'data-examples', 'furniture'), dir, { recursive: true });
    return dir;
  };
  const ex = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-11-16', ...args]);

  it('--all-due --dry-run writes nothing; the release passes check and leaves nothing past due or to release now', async () => {
    const ws = copy();
    const before = snapshotDir(ws);
    const plan = JSON.parse((await ex(ws, 'mrp', 'run', '--format', 'json')).stdout);
    const due = plan.rows.filter((x: { action: string }) => x.action === 'past-due' || x.action === 'release-now').map((x: { order: string }) => x.order);
    expect(due).toHaveLength(35); // 21 past due + 14 release now (docs/mrp.md)
    const dry = await ex(ws, 'mrp', 'release', '--all-due', '--dry-run', '--format', 'json');
    expect([dry.code, dry.stderr]).toEqual([0, 'dry run: would create 5 purchase orders, 20 work orders; nothing was written\n']);
    expect(snapshotDir(ws)).toEqual(before);
    const rows = JSON.parse(dry.stdout).rows;
    expect(rows.map((x: { planned: string }) => x.planned).sort()).toEqual([...due].sort());
    // one purchase order per supplier: S001, S003, S004, S005, S006, numbered on from PO-2026-0191
    expect([...new Set(rows.filter((x: { type: string }) => x.type === 'PO').map((x: { order: string; supplier: string }) => `${x.order} ${x.supplier}`))]).toEqual(['PO-2026-0192 S001', 'PO-2026-0193 S003', 'PO-2026-0194 S004', 'PO-2026-0195 S005', 'PO-2026-0196 S006']);

    const r = await ex(ws, 'mrp', 'release', '--all-due');
    expect([r.code, r.stderr]).toEqual([0, 'created 5 purchase orders, 20 work orders (purchasing/purchase-orders.yaml, production/work-orders.yaml)\n']);
    expect(r.stdout).toBe((await ex(copy(), 'mrp', 'release', '--all-due', '--dry-run')).stdout);
    const check = await ex(ws, 'check');
    expect([check.code, check.stderr]).toEqual([0, expect.stringMatching(/^ok: .* 0 errors, 0 warnings\n$/)]);
    // only appended lines: the old files are a prefix of the new ones, every other file is untouched
    const after = snapshotDir(ws);
    for (const f of Object.keys(before)) {
      if (f === 'purchasing/purchase-orders.yaml' || f === 'production/work-orders.yaml') expect(after[f]!.startsWith(before[f]!)).toBe(true);
      else expect(after[f]).toBe(before[f]);
    }
    expect(after['purchasing/purchase-orders.yaml']!.slice(before['purchasing/purchase-orders.yaml']!.length).split('\n').filter((l) => l.startsWith('- id: '))).toEqual(['- id: PO-2026-0192', '- id: PO-2026-0193', '- id: PO-2026-0194', '- id: PO-2026-0195', '- id: PO-2026-0196']);
    // the next run counts them as scheduled receipts: none of the released orders is planned any more, the rest of the plan is as it was
    const next = JSON.parse((await ex(ws, 'mrp', 'run', '--all', '--format', 'json')).stdout);
    expect([next.counts.past_due, next.counts.release_now, next.planned_orders]).toEqual([0, 0, 627 - 35]);
    const planned = (p: { rows: { action: string; order: string; qty: string; release: string }[] }) => p.rows.filter((x) => x.action !== 'expedite' && x.action !== 'defer' && x.action !== 'cancel').map((x) => `${x.order} ${x.qty} ${x.release}`);
    const all = JSON.parse((await ex(copy(), 'mrp', 'run', '--all', '--format', 'json')).stdout);
    expect(planned(next).sort()).toEqual(planned(all).filter((x) => !due.includes(x.split(' ')[0])).sort());
  });
});

describe('docs/mrp.md shows the real output of the example company', () => {
  const doc = readFileSync(join(REPO, 'docs', 'mrp.md'), 'utf8');
  /** The first fenced block after `marker` in the doc. */
  const blockAfter = (marker: string) => {
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    const fence = doc.indexOf('```', at);
    const start = doc.indexOf('\n', fence) + 1;
    return doc.slice(start, doc.indexOf('```', start));
  };
  const out = async (...args: string[]) => (await run(['-C', join(REPO, 'data-examples', 'furniture'), '--as-of', '2026-11-16', 'mrp', 'release', ...args])).stdout;
  it('releasing the sit-stand desks and their frames', async () => {
    expect(blockAfter('PL-FRAME-LIFT-2026-11-23 --dry-run`')).toBe(await out('PL-DESK-LIFT-1600-2026-11-16', 'PL-FRAME-LIFT-2026-11-16', 'PL-FRAME-LIFT-2026-11-23', '--dry-run'));
  });
  it("the purchase orders of today's actions", async () => {
    const table = (await out('--all-due', '--type', 'buy', '--dry-run')).split('\n\n').slice(0, 2).join('\n\n') + '\n';
    expect(blockAfter('`mrp release --all-due --type buy --dry-run`')).toBe(table);
  });
  it('the orders --all-due appends', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'bizctl-release-doc-'));
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    expect((await run(['-C', ws, '--as-of', '2026-11-16', 'mrp', 'release', '--all-due'])).code).toBe(0);
    expect(read(ws, 'purchasing/purchase-orders.yaml')).toContain('\n' + blockAfter('The last order appended to purchasing/purchase-orders.yaml'));
    expect(read(ws, 'production/work-orders.yaml')).toContain('\n' + blockAfter('and one of its 20 work orders'));
  });
});
