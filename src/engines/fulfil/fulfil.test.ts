/**
 * Fulfilment on small plants, every date and quantity worked out by hand.
 * Unless said otherwise: as-of Monday 2026-03-02, weekly buckets (b0 = 03-02…03-08,
 * b1 = 03-09, …), Monday–Friday calendar without holidays.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../domain/dates.js';
import { PegGraph } from '../mrp/pegging.js';
import { runMrp } from '../mrp/plan.js';
import { calendar, d, plant, type TPlant } from '../mrp/testkit.js';
import { ExpectedDates } from './expected.js';
import { Fulfilment, lineStatus, type OrderInput } from './lines.js';
import { atpRows, promise } from './promise.js';

const ASOF = '2026-03-02';

function setup(p: TPlant) {
  const inp = plant(p);
  const plan = runMrp(inp);
  const pegs = new PegGraph(plan);
  const dates = new ExpectedDates(plan, pegs, inp.calendar);
  return { plan, pegs, dates, f: new Fulfilment(plan, pegs, dates), cal: inp.calendar };
}

const order = (id: string, lines: { line: number; item: string; qty: string; due: string; shipped?: string }[], status: OrderInput['status'] = 'open'): OrderInput => ({
  id,
  status,
  lines: lines.map((l) => ({ line: l.line, item: l.item, qty: d(l.qty), due: l.due as IsoDate, shipped: d(l.shipped ?? '0') })),
});

describe('line status', () => {
  it('follows the order, then the shipped quantity', () => {
    expect(lineStatus('open', d('10'), d('0'))).toBe('open');
    expect(lineStatus('open', d('10'), d('4'))).toBe('partly shipped');
    expect(lineStatus('open', d('10'), d('10'))).toBe('shipped');
    expect(lineStatus('closed', d('10'), d('10'))).toBe('shipped');
    expect(lineStatus('closed', d('10'), d('7'))).toBe('closed');
    expect(lineStatus('cancelled', d('10'), d('0'))).toBe('cancelled');
    expect(lineStatus('draft', d('10'), d('0'))).toBe('draft');
  });
});

describe('a line covered from stock', () => {
  // A (buy, LT 5): 11 on hand. SO-1/1: 10 ordered, 4 shipped, 6 open, due Wed 03-11 (b1).
  // SO-2/1: 5 due Fri 02-27 (past due: b0), all in stock but not shipped.
  // MRP: GR b0 5, b1 6; POH 11 − 5 = 6, 6 − 6 = 0: no planned order.
  // Pegs first in, first out by bucket: on hand 11 → SO-2/1 5 (b0), SO-1/1 6 (b1).
  const { f } = setup({
    asOf: ASOF,
    buckets: 4,
    items: [{ id: 'A', lead_time: 5 }],
    onHand: { A: '11' },
    sales: [
      { ref: 'SO-1/1', item: 'A', due: '2026-03-11', qty: '10', open: '6' },
      { ref: 'SO-2/1', item: 'A', due: '2026-02-27', qty: '5' },
    ],
  });
  it('is not late: on hand covers it today, before its due date', () => {
    // 11 on hand: 5 to SO-2/1 (b0), then 6 to SO-1/1 (b1); covered = expected = the as-of date.
    const t = f.trace(order('SO-1', [{ line: 1, item: 'A', qty: '10', due: '2026-03-11', shipped: '4' }]), { line: 1, item: 'A', qty: d('10'), due: '2026-03-11' as IsoDate, shipped: d('4') });
    expect([t.status, t.open.toString(), t.allocated.toString(), t.covered, t.expected, t.late, t.cause]).toEqual(['partly shipped', '6', '6', ASOF, ASOF, false, null]);
    expect(t.supplies.map((s) => `${s.supply.ref} ${s.qty.toString()}`)).toEqual(['on hand 6']);
  });
  it('an overdue line that is all in stock only needs shipping', () => {
    const o = order('SO-2', [{ line: 1, item: 'A', qty: '5', due: '2026-02-27' }]);
    const t = f.trace(o, o.lines[0]!);
    // overdue 03-02 − 02-27 = 3 days; stock is there today, so expected = 03-02 (after the due date: said)
    expect([t.late, t.overdueDays, t.daysLate, t.cause!.kind]).toEqual([true, 3, 3, 'in-stock']);
    expect(t.cause!.sentence).toBe('5 × A due 02-27, 3 days overdue, expected 03-02: all of it is in stock (5 allocated), only the shipment is missing.');
  });
  it('a line MRP does not plan is late only once its due date has passed', () => {
    // SVC is not an item: MRP leaves it out. A due date after the 4 weeks (to 03-29) is beyond the horizon.
    const o = order('SO-5', [
      { line: 1, item: 'SVC', qty: '1', due: '2026-03-06' },
      { line: 2, item: 'SVC', qty: '1', due: '2026-02-27' },
      { line: 3, item: 'A', qty: '2', due: '2026-04-15' },
    ]);
    const [a, b, c] = o.lines.map((l) => f.trace(o, l));
    expect([a!.unplannedWhy, a!.unplanned.toString(), a!.late, a!.expected]).toEqual(['not-planned', '1', false, null]);
    expect([b!.late, b!.daysLate, b!.cause!.sentence]).toEqual([true, null, '1 × SVC due 02-27, 3 days overdue: nothing is planned for 1 of it (MRP plans only items of inventory/items).']);
    expect([c!.unplannedWhy, c!.late]).toEqual(['beyond-horizon', false]);
  });
  it('shipped and cancelled lines have nothing open and are never late', () => {
    const shipped = order('SO-3', [{ line: 1, item: 'A', qty: '5', due: '2026-02-20', shipped: '5' }], 'closed');
    const cancelled = order('SO-4', [{ line: 1, item: 'A', qty: '5', due: '2026-02-20' }], 'cancelled');
    for (const o of [shipped, cancelled]) {
      const t = f.trace(o, o.lines[0]!);
      expect([t.open.toString(), t.late, t.supplies.length]).toEqual(['0', false, 0]);
    }
  });
});

describe('a line late because of a late purchase order two levels down', () => {
  // END (make, LT 2) ← 1 SUB (make, LT 3) ← 2 RAW (buy, LT 10). Nothing on hand.
  // WO-E: 5 END, released, start Wed 02-25, due Wed 03-04 (needs 5 SUB, allocated).
  // WO-S: 5 SUB, released, start Fri 02-20, due Fri 02-27 — overdue (needs 10 RAW, allocated).
  // PO-R/1: 10 RAW due Thu 02-26 — overdue, supplier 4 days late (03-02 − 02-26).
  // SO-1/1: 5 END due Fri 03-06 (b0). SO-3/1: 4 END due 03-06 too.
  //
  // MRP, all in b0:  END  0 + 5 (WO-E) − 9 = −4 → PL-END-2026-03-02 4, release 03-02 − 2 wd = 02-26: past due
  //                  SUB −5 (allocated) + 5 (WO-S) − 4 (PL-END) = −4 → PL-SUB 4, release 03-02 − 3 wd = 02-25
  //                  RAW −10 + 10 (PO-R) − 8 (PL-SUB × 2) = −8 → PL-RAW 8, release 03-02 − 10 wd = 02-16
  // Pegs: SO-1/1 ← WO-E 5 (first by id on the same date); SO-3/1 ← PL-END 4;
  //       WO-E's SUB ← WO-S (allocations first); WO-S's RAW ← PO-R/1.
  const { f, dates, pegs, plan } = setup({
    asOf: ASOF,
    buckets: 4,
    items: [
      { id: 'END', lead_time: 2, bom: [{ c: 'SUB', qty: '1' }] },
      { id: 'SUB', lead_time: 3, bom: [{ c: 'RAW', qty: '2' }] },
      { id: 'RAW', lead_time: 10 },
    ],
    sales: [
      { ref: 'SO-1/1', item: 'END', due: '2026-03-06', qty: '5' },
      { ref: 'SO-3/1', item: 'END', due: '2026-03-06', qty: '4' },
    ],
    receipts: [
      { ref: 'WO-E', kind: 'wo', item: 'END', due: '2026-03-04', qty: '5', start: '2026-02-25' },
      { ref: 'WO-S', kind: 'wo', item: 'SUB', due: '2026-02-27', qty: '5', start: '2026-02-20' },
      { ref: 'PO-R/1', item: 'RAW', due: '2026-02-26', qty: '10' },
    ],
    allocations: [
      { ref: 'WO-E', item: 'SUB', qty: '5', date: '2026-02-25' },
      { ref: 'WO-S', item: 'RAW', qty: '10', date: '2026-02-20' },
    ],
  });
  const sup = (ref: string) => [...plan.supplies, ...plan.orders.all().map((o) => pegs.supply(o.supply))].find((s) => s.ref === ref)!;
  it('expected dates pass the lateness up the BOM', () => {
    // PO-R/1: overdue → today, 03-02.
    // WO-S: started 02-20, its RAW comes 03-02 → starts again 03-02, + 3 wd = 03-05.
    // WO-E: started 02-25, its SUB comes 03-05 → + 2 wd = Fri 03-06, Mon 03-09 → 03-09.
    expect(['PO-R/1', 'WO-S', 'WO-E'].map((r) => [r, dates.of(sup(r)).date, dates.of(sup(r)).why])).toEqual([
      ['PO-R/1', '2026-03-02', 'overdue'],
      ['WO-S', '2026-03-05', 'components'],
      ['WO-E', '2026-03-09', 'components'],
    ]);
    // Planned orders whose release has passed are released today:
    // PL-RAW 03-02 + 10 wd = 03-16; PL-SUB waits for it: 03-16 + 3 = 03-19; PL-END: 03-19 + 2 = 03-23.
    expect(['PL-RAW-2026-03-02', 'PL-SUB-2026-03-02', 'PL-END-2026-03-02'].map((r) => [dates.of(sup(r)).date, dates.of(sup(r)).why])).toEqual([
      ['2026-03-16', 'not-released'],
      ['2026-03-19', 'components'],
      ['2026-03-23', 'components'],
    ]);
  });
  it('the line is late and the sentence names the late purchase order', () => {
    const o = order('SO-1', [{ line: 1, item: 'END', qty: '5', due: '2026-03-06' }]);
    const t = f.trace(o, o.lines[0]!);
    // not overdue yet (due 03-06 > 03-02), but covered by WO-E, expected 03-09: 3 days late.
    // The plan itself has WO-E on its due date 03-04 (covered), before the line's due date.
    expect([t.late, t.overdueDays, t.covered, t.expected, t.daysLate]).toEqual([true, 0, '2026-03-04', '2026-03-09', 3]);
    expect(t.cause!.sentence).toBe('5 × END due 03-06, expected 03-09: WO-E waits for 5 × SUB from WO-S, which waits for 10 × RAW from PO-R, due 02-26, supplier 4 days late.');
    expect(t.cause!.chains[0]!.links.map((l) => l.ref)).toEqual(['WO-E', 'WO-S', 'PO-R/1']);
    expect(f.tree('SO-1', 1).map((n) => `${n.level} ${n.supply.ref} ${n.qty.toString()} ${n.expected} +${n.lateDays}`)).toEqual([
      // WO-E due 03-04 expected 03-09: 5 days late; WO-S due 02-27 → 03-05: 6; PO-R due 02-26 → 03-02: 4
      '1 WO-E 5 2026-03-09 +5',
      '2 WO-S 5 2026-03-05 +6',
      '3 PO-R/1 10 2026-03-02 +4',
    ]);
  });
  it('a line on planned orders not released in time names the deepest one', () => {
    const o = order('SO-3', [{ line: 1, item: 'END', qty: '4', due: '2026-03-06' }]);
    const t = f.trace(o, o.lines[0]!);
    // 03-23 − 03-06 = 17 days late
    expect([t.late, t.expected, t.daysLate]).toEqual([true, '2026-03-23', 17]);
    expect(t.cause!.sentence).toBe(
      '4 × END due 03-06, expected 03-23: planned order PL-END-2026-03-02 waits for 4 × SUB from planned order PL-SUB-2026-03-02, which waits for 8 × RAW from planned order PL-RAW-2026-03-02, not released (release was due 02-16; released today it arrives 03-16).',
    );
  });
});

describe('available-to-promise with earlier commitments', () => {
  // P (buy, LT 8): 10 on hand; SO-1/1 8 due Wed 03-04; PO-1/1 20 due Mon 03-09; SO-2/1 15 due Wed 03-11.
  // A March forecast of 100 makes planned orders: neither counts for ATP.
  //   date   supply  committed  balance  ATP = min(balance from here on)
  //   03-02   10       0         10       2
  //   03-04    0       8          2       2
  //   03-09   20       0         22       7
  //   03-11    0      15          7       7
  const { plan, pegs, cal } = setup({
    asOf: ASOF,
    buckets: 6,
    items: [{ id: 'P', lead_time: 8 }],
    onHand: { P: '10' },
    sales: [
      { ref: 'SO-1/1', item: 'P', due: '2026-03-04', qty: '8' },
      { ref: 'SO-2/1', item: 'P', due: '2026-03-11', qty: '15' },
    ],
    forecast: [{ item: 'P', period: '2026-03', qty: '100' }],
    receipts: [{ ref: 'PO-1/1', item: 'P', due: '2026-03-09', qty: '20' }],
  });
  const inp = { plan, pegs, calendar: cal };
  it('schedules cumulative ATP by date', () => {
    expect(plan.orders.length).toBeGreaterThan(0); // the forecast is planned …
    expect(atpRows(plan, pegs, 'P').map((r) => [r.date, r.supply.toString(), r.committed.toString(), r.balance.toString(), r.atp.toString()])).toEqual([
      ['2026-03-02', '10', '0', '10', '2'],
      ['2026-03-04', '0', '8', '2', '2'],
      ['2026-03-09', '20', '0', '22', '7'],
      ['2026-03-11', '0', '15', '7', '7'],
    ]); // … but ATP counts neither it nor the planned orders
  });
  it('promises without taking from earlier commitments', () => {
    // 5: 10 on hand, but 8 are SO-1's on 03-04 → 2 until PO-1 arrives; from 03-09 7 are free (15 go to SO-2).
    const p5 = promise(inp, 'P', d('5'), ASOF as IsoDate);
    expect([p5.rule, p5.promise, p5.atpAtFrom.toString()]).toEqual(['atp', '2026-03-09', '2']);
    expect(promise(inp, 'P', d('2'), ASOF as IsoDate).promise).toBe(ASOF);
    // asked for Tue 03-10: ATP then (the 03-09 row) is 7
    expect(promise(inp, 'P', d('7'), '2026-03-10' as IsoDate).promise).toBe('2026-03-10');
  });
  it('beyond ATP: capable-to-promise with a new order of the shortfall', () => {
    // 10 > 7 (all ATP ever reaches): 7 on 03-09, a new order of 3 released today arrives 03-02 + 8 wd = Thu 03-12.
    const p = promise(inp, 'P', d('10'), ASOF as IsoDate);
    expect([p.rule, p.atpDate, p.atpMax.toString(), p.ctp!.shortfall.toString(), p.promise]).toEqual(['ctp', null, '7', '3', '2026-03-12']);
    expect(p.ctp!.steps.map((s) => [s.item, s.fromStock.toString(), s.stockDate, s.order.toString(), s.release, s.ready])).toEqual([['P', '7', '2026-03-09', '3', ASOF, '2026-03-12']]);
  });
});

describe('capable-to-promise across a holiday', () => {
  // K (make, LT 2) ← 2 C (buy, LT 3, none anywhere) + 1 D (buy, LT 1, 50 on hand). Wed 03-04 is a holiday.
  // 4 K: no ATP → a new order of 4. C: 8 needed, nothing free → new order released 03-02:
  //   03-03 (1), 03-04 holiday, 03-05 (2), 03-06 (3) → 03-06 (without the holiday: 03-05).
  // D: 4 of 50 free today. K starts 03-06: Mon 03-09 (1), Tue 03-10 (2) → 03-10.
  const { plan, pegs, cal } = setup({
    asOf: ASOF,
    buckets: 6,
    cal: calendar(['2026-03-04']),
    items: [
      { id: 'K', lead_time: 2, bom: [{ c: 'C', qty: '2' }, { c: 'D', qty: '1' }] },
      { id: 'C', lead_time: 3 },
      { id: 'D', lead_time: 1 },
    ],
    onHand: { D: '50' },
  });
  it('counts lead times on the working calendar, components short at their own lead time', () => {
    const p = promise({ plan, pegs, calendar: cal }, 'K', d('4'), ASOF as IsoDate);
    expect([p.rule, p.promise]).toEqual(['ctp', '2026-03-10']);
    expect(p.ctp!.steps.map((s) => `${s.level} ${s.item} need ${s.need.toString()} stock ${s.fromStock.toString()} order ${s.order.toString()} release ${s.release} ready ${s.ready}`)).toEqual([
      '0 K need 4 stock 0 order 4 release 2026-03-06 ready 2026-03-10',
      '1 C need 8 stock 0 order 8 release 2026-03-02 ready 2026-03-06',
      '1 D need 4 stock 4 order 0 release null ready 2026-03-02',
    ]);
  });
  it('a requested date after the CTP date is kept', () => {
    expect(promise({ plan, pegs, calendar: cal }, 'K', d('4'), '2026-03-20' as IsoDate).promise).toBe('2026-03-20');
  });
});

describe('free stock for components leaves out past-due planned orders', () => {
  // K (make, LT 1) ← 1 C (buy, LT 5). SO-9/1 needs 3 C today: C has nothing → PL-C-2026-03-02 3,
  // release 03-02 − 5 wd = 02-23: past due. Its 3 are not free stock: a new K needs a new C order.
  // 2 K: C need 2 → ordered today, 03-02 + 5 wd = 03-09; K + 1 wd = 03-10.
  const { plan, pegs, cal } = setup({
    asOf: ASOF,
    buckets: 4,
    items: [
      { id: 'K', lead_time: 1, bom: [{ c: 'C', qty: '1' }] },
      { id: 'C', lead_time: 5, lot_size: 'fixed', lot_qty: '10' },
    ],
    sales: [{ ref: 'SO-9/1', item: 'C', due: '2026-03-02', qty: '3' }],
  });
  it('orders the component anew', () => {
    // the fixed lot of 10 leaves 7 projected in b0 — but that lot is past due, so nothing is free
    expect(plan.orders.ofItem('C').map((o) => `${o.qty.toString()} ${o.release}`)).toEqual(['10 2026-02-23']);
    const p = promise({ plan, pegs, calendar: cal }, 'K', d('2'), ASOF as IsoDate);
    expect([p.promise, p.ctp!.steps[1]!.order.toString(), p.ctp!.steps[1]!.ready]).toEqual(['2026-03-10', '2', '2026-03-09']);
  });
});
