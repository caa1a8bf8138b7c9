/**
 * End-to-end: order trace, sales at-risk and sales promise on a small plant
 * (every date worked out in the comments) and on the example company.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, workspace } from './helpers.js';

// TABLE (make, LT 2) ← 1 TOP (make, LT 1) + 4 LEG (buy, LT 5); TOP ← 1 BOARD (buy, LT 3).
// As of Mon 2026-03-02; Wed 03-04 is a holiday.
// WO-1: 10 TABLE, released, start 02-25, due 03-03 (needs 10 TOP, 40 LEG).
// WO-2: 10 TOP, in progress, start 02-20, due 02-24 (needs 10 BOARD). PO-1/1: 10 BOARD due Mon 02-23, none received.
// Stock: 48 LEG (counted 03-01); 2 TABLE counted 02-01, shipped on 02-27 for SO-1.
// SO-1: line 1 12 TABLE, 2 shipped, due Thu 03-05; line 2 8 LEG due Fri 03-06.
//
// Plan (weekly, all in b0): TABLE 0 + 10 (WO-1) − 10 (SO-1/1) = 0; TOP −10 + 10 = 0; BOARD −10 + 10 = 0;
// LEG 48 − 40 (WO-1) − 8 (SO-1/2) = 0. No planned orders.
// Expected: PO-1 overdue → today 03-02 (7 days late: 02-23 → 03-02, February has 28 days);
// WO-2 waits for it: 03-02 + 1 wd = 03-03; WO-1 waits for WO-2: 03-03 + 2 wd = (03-04 holiday) 03-05, 03-06.
// SO-1/1 due 03-05, expected 03-06: 1 day late. SO-1/2: 8 of the 48 LEG on hand (after WO-1's 40), not late.
const PLANT = {
  'bizctl.yaml': 'base_currency: CNY\ncalendar:\n  workdays: [mon, tue, wed, thu, fri]\n  holidays: [2026-03-04]\ninventory:\n  default_location: WH\n',
  'crm/customers.yaml': '- id: C1\n  name: 客户一\n',
  'crm/tickets.yaml':
    '- id: T-1\n  customer: C1\n  subject: 桌子还没到\n  priority: urgent\n  opened: 2026-03-02 09:30\n  sales_order: SO-1\n' +
    '- id: T-2\n  customer: C1\n  subject: 发票抬头\n  opened: 2026-03-02 10:00\n',
  'purchasing/suppliers.yaml': '- id: S1\n  name: 供应商一\n',
  'inventory/locations.yaml': '- id: WH\n  name: 仓库\n',
  'inventory/items.yaml': [
    '- id: TABLE\n  name: 桌子\n  type: make\n  lead_time: 2\n',
    '- id: TOP\n  name: 桌面\n  type: make\n  lead_time: 1\n',
    '- id: BOARD\n  name: 板材\n  type: buy\n  lead_time: 3\n  supplier: S1\n',
    '- id: LEG\n  name: 桌腿\n  type: buy\n  lead_time: 5\n  supplier: S1\n',
  ].join(''),
  'inventory/boms.yaml': '- item: TABLE\n  components:\n  - component: TOP\n    qty: 1\n  - component: LEG\n    qty: 4\n- item: TOP\n  components:\n  - component: BOARD\n    qty: 1\n',
  'inventory/stock.csv': 'date,item,location,qty\n2026-02-01,TABLE,WH,2\n2026-03-01,LEG,WH,48\n',
  'inventory/moves.csv': 'id,date,item,qty,from,to,kind,document\nMV-1,2026-02-27,TABLE,2,WH,,shipment,SO-1\n',
  'production/work-orders.yaml':
    '- id: WO-1\n  item: TABLE\n  qty: 10\n  start: 2026-02-25\n  due: 2026-03-03\n  status: released\n  sales_order: SO-1\n' +
    '- id: WO-2\n  item: TOP\n  qty: 10\n  start: 2026-02-20\n  due: 2026-02-24\n  status: in-progress\n',
  'purchasing/purchase-orders.yaml': '- id: PO-1\n  supplier: S1\n  date: 2026-02-10\n  lines:\n  - line: 1\n    item: BOARD\n    qty: 10\n    price: 30\n    due: 2026-02-23\n',
  'sales/sales-orders.yaml':
    '- id: SO-1\n  customer: C1\n  date: 2026-02-10\n  lines:\n' +
    '  - line: 1\n    item: TABLE\n    qty: 12\n    price: 500\n    tax_rate: 13%\n    due: 2026-03-05\n    shipped: 2\n    shipped_date: 2026-02-27\n' +
    '  - line: 2\n    item: LEG\n    qty: 8\n    price: 20\n    due: 2026-03-06\n',
  // 2 × 500.00 = 1000.00 + 13% = 1130.00; 500.00 paid → 630.00 open
  'finance/invoices.yaml': '- id: INV-1\n  customer: C1\n  date: 2026-02-27\n  due: 2026-03-29\n  sales_order: SO-1\n  lines:\n  - item: TABLE\n    qty: 2\n    price: 500.00\n    tax_rate: 13%\n',
  'finance/payments.yaml': '- id: PAY-1\n  date: 2026-02-28\n  direction: in\n  customer: C1\n  amount: 500.00\n  allocations:\n  - document: INV-1\n    amount: 500.00\n',
};
const bz = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-03-02', ...args]);
const json = async (ws: string, ...args: string[]) => {
  const r = await bz(ws, ...args, '--format', 'json');
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout);
};

describe('order trace on a small plant', () => {
  const ws = workspace(PLANT);
  it('a partly shipped line, late because of a late purchase order two levels down', async () => {
    const r = await json(ws, 'order', 'trace', 'SO-1');
    const [l1, l2] = r.lines;
    expect([l1.status, l1.ordered, l1.shipped, l1.open, l1.allocated, l1.covered, l1.expected, l1.late, l1.overdue_days, l1.days_late]).toEqual(['partly shipped', '12', '2', '10', '0', '2026-03-03', '2026-03-06', true, 0, 1]);
    expect(l1.why).toBe('10 × TABLE due 03-05, expected 03-06: WO-1 waits for 10 × TOP from WO-2, which waits for 10 × BOARD from PO-1, due 02-23, supplier 7 days late.');
    // the tree: components from stock (LEG for WO-1) are left out below the first level
    expect(l1.supply.map((s: Record<string, unknown>) => `${s.level} ${s.type} ${s.ref} ${s.qty} due ${s.due} expected ${s.expected} late ${s.late_days} overdue ${s.overdue_days}`)).toEqual([
      '1 WO WO-1 10 due 2026-03-03 expected 2026-03-06 late 3 overdue 0',
      '2 WO WO-2 10 due 2026-02-24 expected 2026-03-03 late 7 overdue 6',
      '3 PO PO-1/1 10 due 2026-02-23 expected 2026-03-02 late 7 overdue 7',
    ]);
    expect([l2.status, l2.allocated, l2.covered, l2.expected, l2.late, l2.why]).toEqual(['open', '8', '2026-03-02', '2026-03-02', false, null]);
    expect(r.moves).toEqual([{ id: 'MV-1', date: '2026-02-27', kind: 'shipment', item: 'TABLE', qty: '2', from: 'WH', to: null }]);
    expect(r.invoices).toEqual([{ id: 'INV-1', date: '2026-02-27', due: '2026-03-29', currency: 'CNY', total: '1130.00', open: '630.00' }]);
    expect(r.settlements).toEqual([{ kind: 'payment', id: 'PAY-1', date: '2026-02-28', invoice: 'INV-1', amount: '500.00' }]);
    expect(r.late_lines).toBe(1);
  });
  it('the table: one row per line, supply, shipment, document, and the sentence', async () => {
    const t = await bz(ws, 'order', 'trace', 'SO-1', '--format', 'csv');
    expect(t.stdout.split('\n').map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'line,level,what,ref',
      '1,0,line,SO-1/1',
      '1,1,WO,WO-1',
      '1,2,WO,WO-2',
      '1,3,PO,PO-1/1',
      '1,,shipment,MV-1',
      '1,,why,',
      '2,0,line,SO-1/2',
      '2,1,stock,',
      ',,invoice,INV-1',
      ',,payment,PAY-1',
      '',
    ]);
  });
  it('a ticket gives the trace of its order, headed by the ticket', async () => {
    const byOrder = await json(ws, 'order', 'trace', 'SO-1');
    const byTicket = await json(ws, 'order', 'trace', 'T-1');
    expect(byTicket.ticket).toEqual({ id: 'T-1', subject: '桌子还没到', customer: 'C1', category: null, priority: 'urgent', status: 'open', opened: '2026-03-02 09:30', owner: null });
    expect({ ...byTicket, ticket: null }).toEqual(byOrder);
    const table = await bz(ws, 'order', 'trace', 'T-1');
    expect(table.stdout.split('\n')[0]).toBe('T-1 (urgent, open, opened 2026-03-02 09:30): 桌子还没到');
  });
  it('refuses what it cannot trace', async () => {
    const none = await bz(ws, 'order', 'trace', 'SO-404');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([1, 'bizctl: no sales order or ticket "SO-404"']);
    const unlinked = await bz(ws, 'order', 'trace', 'T-2');
    expect([unlinked.code, unlinked.stderr.split('\n')[0]]).toEqual([1, 'bizctl: ticket T-2 is not linked to a sales order']);
  });
});

describe('sales at-risk and promise on a small plant', () => {
  const ws = workspace(PLANT);
  it('at-risk lists the late line and exits 3 with --exit-code', async () => {
    const r = await json(ws, 'sales', 'at-risk');
    expect(r.open_lines).toBe(2);
    expect(r.lines.map((l: Record<string, unknown>) => [l.order, l.line, l.open, l.due, l.covered, l.expected, l.days_late])).toEqual([['SO-1', 1, '10', '2026-03-05', '2026-03-03', '2026-03-06', 1]]);
    expect(r.lines[0].cause).toContain('from PO-1, due 02-23, supplier 7 days late');
    expect((await bz(ws, 'sales', 'at-risk', '--exit-code')).code).toBe(3);
  });
  it('at-risk is quiet when the plan is on time', async () => {
    // The same plant rescheduled: PO-1 due today 03-02 (not overdue: expected 03-02); WO-2 starts 03-02, due 03-03
    // (its BOARD is there on its start: expected on its due date); WO-1 starts 03-03, due 03-05 (TOP there on 03-03).
    // SO-1/1 due 03-05, expected 03-05: on time.
    const onTime = workspace({
      ...PLANT,
      'purchasing/purchase-orders.yaml': PLANT['purchasing/purchase-orders.yaml'].replace('due: 2026-02-23', 'due: 2026-03-02'),
      'production/work-orders.yaml': PLANT['production/work-orders.yaml']
        .replace('start: 2026-02-25\n  due: 2026-03-03', 'start: 2026-03-03\n  due: 2026-03-05')
        .replace('start: 2026-02-20\n  due: 2026-02-24', 'start: 2026-03-02\n  due: 2026-03-03'),
    });
    const r = await bz(onTime, 'sales', 'at-risk', '--exit-code', '--format', 'json');
    expect([r.code, JSON.parse(r.stdout).lines]).toEqual([0, []]);
    const t = await json(onTime, 'order', 'trace', 'SO-1');
    expect(t.lines.map((l: Record<string, unknown>) => [l.covered, l.expected, l.late])).toEqual([
      ['2026-03-05', '2026-03-05', false],
      ['2026-03-02', '2026-03-02', false],
    ]);
  });
  it('promise from ATP, and capable-to-promise across the holiday', async () => {
    // LEG: 48 on hand − 40 for WO-1 (today) = 8, − 8 for SO-1/2 on 03-06 = 0: ATP 0.
    // 20 LEG: a new order released 03-02, 5 working days: 03-03, (03-04 holiday), 03-05, 03-06, 03-09, 03-10.
    const leg = await json(ws, 'sales', 'promise', 'LEG', '--qty', '20');
    expect(leg.rows.map((x: Record<string, string>) => [x.date, x.balance, x.atp])).toEqual([
      ['2026-03-02', '8', '0'],
      ['2026-03-06', '0', '0'],
    ]);
    expect([leg.rule, leg.promise, leg.ctp.shortfall]).toEqual(['ctp', '2026-03-10', '20']);
    // 3 TABLE: no ATP (WO-1's 10 go to SO-1/1). New order: TOP (nothing free) ← BOARD ordered today, 3 wd → 03-06,
    // TOP + 1 → 03-09; LEG (nothing free) → 03-10; TABLE starts 03-10, + 2 → 03-12.
    const table = await json(ws, 'sales', 'promise', 'TABLE', '--qty', '3');
    expect([table.rule, table.promise]).toEqual(['ctp', '2026-03-12']);
    expect(table.ctp.steps.map((s: Record<string, unknown>) => `${s.level} ${s.item} ${s.ready}`)).toEqual(['0 TABLE 2026-03-12', '1 LEG 2026-03-10', '1 TOP 2026-03-09', '2 BOARD 2026-03-06']);
    // the default horizon of 26 weeks from 03-02 ends on Sunday 2026-08-30
    const t = await bz(ws, 'sales', 'promise', 'LEG', '--qty', '20');
    expect(t.stdout.split('\n')[0]).toBe('20 × LEG can be promised on 2026-03-10 by capable-to-promise: ATP reaches only 0 by 2026-08-30, a new order of 20 released today arrives 2026-03-10');
  });
  it('checks its arguments', async () => {
    expect((await bz(ws, 'sales', 'promise', 'LEG', '--qty', '0')).code).toBe(2);
    expect((await bz(ws, 'sales', 'promise', 'LEG', '--qty', 'ten')).code).toBe(2);
    expect((await bz(ws, 'sales', 'promise', 'LEG', '--qty', '1', '--date', '2026-03-01')).code).toBe(2);
    expect((await bz(ws, 'sales', 'promise', 'NOPE', '--qty', '1')).code).toBe(1);
    expect((await bz(ws, 'sales', 'promise', 'LEG')).code).toBe(2);
  });
});

const EX = join(REPO, 'data-examples', 'furniture');
const ex = (...args: string[]) => run(['-C', EX, '--as-of', '2026-11-16', ...args]);
const exJson = async (...args: string[]) => {
  const r = await ex(...args, '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the example company on 2026-11-16', () => {
  it('order trace SO-2026-0041 explains the late desks through PO-2026-0188', async () => {
    const r = await exJson('order', 'trace', 'SO-2026-0041');
    const [desks, chairs] = r.lines;
    // 60 ordered, 20 shipped on 11-10 → 40 open, due 11-13: 3 days overdue. 2 on hand are allocated to it.
    expect([desks.status, desks.open, desks.allocated, desks.late, desks.overdue_days]).toEqual(['partly shipped', '40', '2', true, 3]);
    // WO-0043 has 40 − 12 = 28 frames still to make; PO-2026-0188 line 1 has all 200 columns open, due 11-06: 10 days late.
    expect(desks.why).toContain('WO-0042 waits for 28 × FRAME-LIFT from WO-0043, which waits for 200 × LIFT-COL from PO-2026-0188, due 11-06, supplier 10 days late');
    expect(desks.cause.chains[0].links.map((l: { ref: string }) => l.ref)).toEqual(['WO-0042', 'WO-0043', 'PO-2026-0188/1']);
    // Expected dates: the columns today (11-16); WO-0043 (lift frames, lead time 3) 11-17, 11-18, 11-19;
    // WO-0042 (desks, lead time 4) 11-20, 11-23, 11-24, 11-25.
    const exp = (ref: string) => desks.supply.find((s: { ref: string }) => s.ref === ref).expected;
    expect([exp('PO-2026-0188/1'), exp('WO-0043'), exp('WO-0042')]).toEqual(['2026-11-16', '2026-11-19', '2026-11-25']);
    expect([chairs.status, chairs.late]).toEqual(['shipped', false]);
    // shipments and the transfer made for the order; invoices 60 × 1,350.00 × 1.13 = 91,530.00 and 20 × 2,580.00 × 1.13 = 58,308.00, unpaid
    expect(r.moves.map((m: Record<string, string>) => `${m.id} ${m.kind} ${m.item} ${m.qty}`)).toEqual(['MV-2026-1206 shipment CHAIR-ERG 60', 'MV-2026-1216 transfer DESK-LIFT-1600 4', 'MV-2026-1225 shipment DESK-LIFT-1600 20']);
    expect(r.invoices.map((i: Record<string, string>) => `${i.id} ${i.total} ${i.open}`)).toEqual(['INV-2026-0104 91530.00 91530.00', 'INV-2026-0105 58308.00 58308.00']);
  });
  it('order trace T-2026-0048 gives the same trace, headed by the ticket', async () => {
    const byOrder = await exJson('order', 'trace', 'SO-2026-0041');
    const byTicket = await exJson('order', 'trace', 'T-2026-0048');
    expect([byTicket.ticket.id, byTicket.ticket.priority, byTicket.ticket.status]).toEqual(['T-2026-0048', 'urgent', 'open']);
    expect({ ...byTicket, ticket: null }).toEqual(byOrder);
  });
  it('sales at-risk lists SO-2026-0041', async () => {
    const r = await exJson('sales', 'at-risk');
    const l = r.lines.find((x: { order: string; line: number }) => x.order === 'SO-2026-0041' && x.line === 1);
    // covered by the plan on 11-16: 2 on hand today, WO-0042 overdue (today), the planned desks due 11-16
    expect([l.open, l.due, l.covered, l.overdue_days]).toEqual(['40', '2026-11-13', '2026-11-16', 3]);
    expect(l.cause).toContain('PO-2026-0188');
    expect(r.lines[0].order).toBe('SO-2026-0041'); // the earliest due date comes first
    expect((await ex('sales', 'at-risk', '--exit-code')).code).toBe(3);
  });
  it('sales promise DESK-1600: 20 are free', async () => {
    // 60 on hand; SO-2026-0040 line 1 still needs 40 on 11-26 → ATP 20 from today.
    const r = await exJson('sales', 'promise', 'DESK-1600', '--qty', '20');
    expect([r.rule, r.promise, r.atp_at_from]).toEqual(['atp', '2026-11-16', '20']);
    const more = await exJson('sales', 'promise', 'DESK-1600', '--qty', '21');
    expect([more.rule, more.ctp.shortfall]).toEqual(['ctp', '1']);
  });
});
