/**
 * MRP grids computed by hand. Unless said otherwise: as-of Monday 2026-03-02,
 * weekly buckets b0 = 03-02…03-08, b1 = 03-09, b2 = 03-16, b3 = 03-23,
 * b4 = 03-30, b5 = 04-06 (each starts on a Monday); a planned receipt in bucket
 * t is due on the bucket's first day (b0: the as-of date); a lead time of 5
 * working days is exactly one week (no holidays in March 2026), so with LT 5
 * the release falls one bucket earlier.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import { PegGraph, pegTree } from './pegging.js';
import { runMrp, spreadForecast } from './plan.js';
import { calendar, d, grid, orders, plant, supplyId } from './testkit.js';
import type { Plan } from './types.js';

const ASOF = '2026-03-02';
const msgs = (p: Plan) => p.messages.map((m) => `${m.kind} ${m.ref}${m.newDate ? ` → ${m.newDate}` : ''}`);

describe('single-level netting', () => {
  // A: on hand 50, lfl, LT 5, SS 0; a PO of 30 due Wed 03-18 (b2).
  //        b0   b1   b2   b3   b4   b5
  // GR     20   40   10   30    0   25
  // SR      0    0   30    0    0    0
  // POH    30    0   20    0    0    0     b0: 50−20=30; b1: 30−40=−10 → NR 10; b2: 0+30−10=20; b3: 20−30=−10 → NR 10; b5: −25 → NR 25
  // NR      0   10    0   10    0   25
  // PORc    0   10    0   10    0   25
  // PORl   10    0   10    0   25    0     one week earlier
  const inp = plant({
    asOf: ASOF,
    buckets: 6,
    items: [{ id: 'A', lead_time: 5 }],
    onHand: { A: '50' },
    sales: [
      { ref: 'SO-1/1', item: 'A', due: '2026-03-04', qty: '20' },
      { ref: 'SO-2/1', item: 'A', due: '2026-03-10', qty: '40' },
      { ref: 'SO-3/1', item: 'A', due: '2026-03-16', qty: '10' },
      { ref: 'SO-4/1', item: 'A', due: '2026-03-27', qty: '30' },
      { ref: 'SO-5/1', item: 'A', due: '2026-04-08', qty: '25' },
    ],
    receipts: [{ ref: 'PO-9/1', item: 'A', due: '2026-03-18', qty: '30' }],
  });
  const plan = runMrp(inp);
  it('computes the classic grid', () => {
    expect(grid(plan, 'A')).toEqual({
      gross: ['20', '40', '10', '30', '0', '25'],
      receipts: ['0', '0', '30', '0', '0', '0'],
      poh: ['30', '0', '20', '0', '0', '0'],
      net: ['0', '10', '0', '10', '0', '25'],
      porc: ['0', '10', '0', '10', '0', '25'],
      porl: ['10', '0', '10', '0', '25', '0'],
    });
    // due = bucket start; release = due − 5 working days (04-06 is a Monday; 04-03…03-30 are the 5 days before it)
    expect(orders(plan, 'A')).toEqual(['10@2026-03-09←2026-03-02', '10@2026-03-23←2026-03-16', '25@2026-04-06←2026-03-30']);
  });
  it('issues release now for a release in the first bucket and expedite for a receipt due after it is needed', () => {
    // Without receipts or planned orders the balance is 30 in b0 and −10 in b1: the PO (b2) is needed in b1.
    expect(msgs(plan)).toEqual(['release-now PL-A-2026-03-09', 'expedite PO-9/1 → 2026-03-09']);
  });
  it('pegs supply to demand first in, first out', () => {
    const g = new PegGraph(plan);
    const by = (ref: string) => supplyId(plan, ref);
    const pegged = (ref: string) => g.demandsOf(by(ref)).map((p) => `${p.demand.ref}:${p.qty.toString()}`);
    // on hand 50 → SO-1 20, SO-2 30; planned b1 10 → SO-2 10; PO 30 → SO-3 10, SO-4 20; planned b3 10 → SO-4 10
    expect(pegged('on hand')).toEqual(['SO-1/1:20', 'SO-2/1:30']);
    expect(pegged('PL-A-2026-03-09')).toEqual(['SO-2/1:10']);
    expect(pegged('PO-9/1')).toEqual(['SO-3/1:10', 'SO-4/1:20']);
    expect(pegged('PL-A-2026-03-23')).toEqual(['SO-4/1:10']);
    expect(pegged('PL-A-2026-04-06')).toEqual(['SO-5/1:25']);
  });
});

describe('three-level chain', () => {
  // END (LT 5) ← 2 SUB (LT 5) ← 3 RAW (buy, LT 10); 10 END due Wed 03-25 (b3); nothing on hand.
  // END: GR b3 10 → PORc b3 10 (due 03-23) → PORl 03-16 (b2)
  // SUB: GR b2 10×2 = 20 → PORc b2 20 (due 03-16) → PORl 03-09 (b1)
  // RAW: GR b1 20×3 = 60 → PORc b1 60 (due 03-09) → PORl 03-09 − 10 wd = 02-23, before as-of → past due, in b0
  const plan = runMrp(
    plant({
      asOf: ASOF,
      buckets: 5,
      items: [
        { id: 'END', lead_time: 5, bom: [{ c: 'SUB', qty: '2' }] },
        { id: 'SUB', lead_time: 5, bom: [{ c: 'RAW', qty: '3' }] },
        { id: 'RAW', lead_time: 10, supplier: 'S1' },
      ],
      sales: [{ ref: 'SO-1/1', item: 'END', due: '2026-03-25', qty: '10' }],
    }),
  );
  it('offsets each level by its lead time and explodes the releases', () => {
    expect(grid(plan, 'END').porl).toEqual(['0', '0', '10', '0', '0']);
    expect(grid(plan, 'SUB')).toMatchObject({ gross: ['0', '0', '20', '0', '0'], porc: ['0', '0', '20', '0', '0'], porl: ['0', '20', '0', '0', '0'] });
    expect(grid(plan, 'RAW')).toMatchObject({ gross: ['0', '60', '0', '0', '0'], porc: ['0', '60', '0', '0', '0'], porl: ['60', '0', '0', '0', '0'] });
    expect(orders(plan, 'RAW')).toEqual(['60@2026-03-09←2026-02-23']);
    expect(plan.orders.ofItem('RAW')[0]!.supplier).toBe('S1');
  });
  it('flags the raw material release as past due', () => {
    expect(msgs(plan)).toEqual(['past-due PL-RAW-2026-03-09']);
  });
  it('pegs the raw material order to the sales order through every level', () => {
    const g = new PegGraph(plan);
    const raw = plan.orders.ofItem('RAW')[0]!;
    expect(g.topRefs(raw.supply, 10).refs).toEqual(['SO-1/1']);
    const so = plan.demands.find((x) => x.ref === 'SO-1/1')!;
    expect(pegTree(g, so).map((n) => `${' '.repeat(n.depth)}${n.demand ? n.demand.item : n.supply!.ref} ${n.qty.toString()}`)).toEqual([
      'END 10',
      ' PL-END-2026-03-23 10',
      '  SUB 20',
      '   PL-SUB-2026-03-16 20',
      '    RAW 60',
      '     PL-RAW-2026-03-09 60',
    ]);
  });
});

describe('a component used at two levels (low-level codes)', () => {
  // END uses SUB ×1 and C ×1; SUB uses C ×2. Codes: END 0, SUB 1, C 2, so C is planned once, after both parents.
  // 10 END due 03-25 (b3). All LT 5. C on hand 5.
  // END: PORc b3 10, PORl b2 10 → SUB GR b2 10, C GR b2 10
  // SUB: PORc b2 10, PORl b1 10 → C GR b1 20
  // C:        b0  b1  b2  b3
  //   GR       0  20  10   0
  //   POH      5   0   0   0      b1: 5−20 = −15 → NR 15; b2: 0−10 → NR 10
  //   PORc     0  15  10   0
  //   PORl    15  10   0   0
  const plan = runMrp(
    plant({
      asOf: ASOF,
      buckets: 4,
      items: [
        { id: 'END', lead_time: 5, bom: [{ c: 'SUB', qty: '1' }, { c: 'C', qty: '1' }] },
        { id: 'SUB', lead_time: 5, bom: [{ c: 'C', qty: '2' }] },
        { id: 'C', lead_time: 5 },
      ],
      onHand: { C: '5' },
      sales: [{ ref: 'SO-1/1', item: 'END', due: '2026-03-25', qty: '10' }],
    }),
  );
  it('plans the shared component once with the demand of both levels', () => {
    expect(plan.records.get('C')!.llc).toBe(2);
    expect(grid(plan, 'C')).toEqual({
      gross: ['0', '20', '10', '0'],
      receipts: ['0', '0', '0', '0'],
      poh: ['5', '0', '0', '0'],
      net: ['0', '15', '10', '0'],
      porc: ['0', '15', '10', '0'],
      porl: ['15', '10', '0', '0'],
    });
    expect(orders(plan, 'C')).toEqual(['15@2026-03-09←2026-03-02', '10@2026-03-16←2026-03-09']);
    expect([...plan.records.keys()]).toEqual(['END', 'SUB', 'C']);
  });
});

describe('lot sizing', () => {
  // One item, on hand 20, SS 0, LT 0 (release = due), GR over b0…b5 = 0, 30, 10, 0, 45, 20.
  const gr = ['0', '30', '10', '0', '45', '20'];
  const dues = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'];
  const run = (it: Parameters<typeof plant>[0]['items'][number], ww = false) =>
    runMrp(
      plant({
        asOf: ASOF,
        buckets: 6,
        items: [it],
        onHand: { [it.id]: '20' },
        sales: gr.flatMap((q, t) => (q === '0' ? [] : [{ ref: `SO-${t}/1`, item: it.id, due: dues[t]!, qty: q }])),
        ww,
      }),
    );
  it('lot for lot: each net requirement', () => {
    // b1: 20−30 = −10 → 10; b2: 0−10 → 10; b4: −45 → 45; b5: −20 → 20
    const g = grid(run({ id: 'X' }), 'X');
    expect(g.porc).toEqual(['0', '10', '10', '0', '45', '20']);
    expect(g.poh).toEqual(['20', '0', '0', '0', '0', '0']);
  });
  it('fixed 25: whole lots of 25, several on one date when needed', () => {
    // b1: −10 → 1 lot → POH 15; b2: 15−10 = 5; b4: 5−45 = −40 → ceil(40/25) = 2 lots → POH 10; b5: 10−20 = −10 → 1 lot → 15
    const p = run({ id: 'X', lot_size: 'fixed', lot_qty: '25' });
    expect(grid(p, 'X')).toMatchObject({ porc: ['0', '25', '0', '0', '50', '25'], poh: ['20', '15', '5', '5', '10', '15'], net: ['0', '10', '0', '0', '40', '10'] });
    expect(orders(p, 'X')).toEqual(['25@2026-03-09←2026-03-09', '25@2026-03-30←2026-03-30', '25@2026-03-30←2026-03-30', '25@2026-04-06←2026-04-06']);
    expect(p.orders.all().map((o) => o.id).slice(1, 3)).toEqual(['PL-X-2026-03-30', 'PL-X-2026-03-30-2']);
  });
  it('min 25: at least 25', () => {
    // b1: 10 → 25 → 15; b2: 15−10 = 5; b4: 5−45 = −40 → 40 → 0; b5: −20 → 25 → 5
    expect(grid(run({ id: 'X', lot_size: 'min', lot_qty: '25' }), 'X')).toMatchObject({ porc: ['0', '25', '0', '0', '40', '25'], poh: ['20', '15', '5', '5', '0', '5'] });
  });
  it('multiple 15: rounded up to a multiple of 15', () => {
    // b1: 10 → 15 → 5; b2: 5−10 = −5 → 15 → 10; b4: 10−45 = −35 → 45 → 10; b5: 10−20 = −10 → 15 → 5
    expect(grid(run({ id: 'X', lot_size: 'multiple', lot_qty: '15' }), 'X')).toMatchObject({ porc: ['0', '15', '15', '0', '45', '15'], poh: ['20', '5', '10', '10', '10', '5'] });
  });
  it('poq 2: one order covers its bucket and the next', () => {
    // b1: −10, b2: −10 more → 20 (POH b1 10, b2 0); b4: −45, b5: −20 more → 65 (POH b4 20, b5 0)
    expect(grid(run({ id: 'X', lot_size: 'poq', poq_periods: 2 }), 'X')).toMatchObject({ porc: ['0', '20', '0', '0', '65', '0'], poh: ['20', '10', '0', '0', '20', '0'], net: ['0', '10', '0', '0', '45', '0'] });
  });
  it('Wagner–Whitin: the cheapest grouping', () => {
    // Net requirements (lfl) r = 0, 10, 10, 0, 45, 20; S = 15 per order, h = 1 per unit per bucket.
    // f(1) = 15 (order in 1)
    // f(2) = min(order in 2: 15+15 = 30, order in 1: 0+15+1·10 = 25) = 25 → [1,2]
    // f(3) = f(2) = 25 (nothing needed)
    // f(4) = min(in 4: 25+15 = 40, in 2: 15+15+(0·1 + 45·2) = 120, in 1: 15+(10 + 0 + 45·3) = 160) = 40 → [4]
    // f(5) = min(in 5: 40+15 = 55, in 4: 25+15+20·1 = 60, in 2: 30+(0+90+60) = 180, in 1: 15+(10+0+135+80) = 240) = 55 → [5]
    // Orders: b1 20 (covers 1–2), b4 45, b5 20 — unlike poq 2, which groups 4 and 5.
    const p = run({ id: 'X', lot_size: 'ww', order_cost: '15', holding_cost: '1' });
    expect(grid(p, 'X').porc).toEqual(['0', '20', '0', '0', '45', '20']);
    // With S = 100 grouping 4–5 is cheaper: f(5) = min(in 5: 210+100, in 4: 110+100+20 = 230, …) → b4 65.
    expect(grid(run({ id: 'X', lot_size: 'ww', order_cost: '100', holding_cost: '1' }), 'X').porc).toEqual(['0', '20', '0', '0', '65', '0']);
  });
  it('--ww applies Wagner–Whitin to items with both costs, whatever their rule', () => {
    expect(grid(run({ id: 'X', lot_size: 'fixed', lot_qty: '25', order_cost: '15', holding_cost: '1' }, true), 'X').porc).toEqual(['0', '20', '0', '0', '45', '20']);
  });
  it('moq and order multiple come after the rule', () => {
    // lfl, moq 30, multiple 7: b1 10 → 30 → 35 (POH 25); b2 25−10 = 15; b4 15−45 = −30 → 30 → 35 (POH 5); b5 5−20 = −15 → 30 → 35 (POH 20)
    expect(grid(run({ id: 'X', moq: '30', multiple: '7' }), 'X')).toMatchObject({ porc: ['0', '35', '0', '0', '35', '35'], poh: ['20', '25', '15', '15', '5', '20'] });
  });
  it('falls back to lot for lot with a warning when a parameter is missing', () => {
    const p = run({ id: 'X', lot_size: 'fixed' });
    expect(grid(p, 'X').porc).toEqual(['0', '10', '10', '0', '45', '20']);
    expect(p.warnings).toEqual(['X: lot_size fixed needs lot_qty > 0; planned lot-for-lot']);
  });
});

describe('lead time across a holiday', () => {
  // Daily buckets from Mon 2026-09-28 with the 2026 National Day holiday (10-01…10-07) and Saturday 10-10 worked.
  // LT 3 working days.
  // Due Thu 10-08: back 3 working days = 09-30, 09-29, 09-28 → release 09-28 (= as-of: release now).
  //   Without the holiday it would be Mon 10-05.
  // Due Mon 10-12: back 3 working days = Sat 10-10 (worked), Fri 10-09, Thu 10-08 → release 10-08.
  const holidays = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
  const mk = (cal = calendar(holidays, ['2026-10-10'])) =>
    runMrp(
      plant({
        asOf: '2026-09-28',
        bucket: 'day',
        buckets: 15,
        cal,
        items: [{ id: 'A', lead_time: 3 }],
        sales: [
          { ref: 'SO-1/1', item: 'A', due: '2026-10-08', qty: '10' },
          { ref: 'SO-2/1', item: 'A', due: '2026-10-12', qty: '4' },
        ],
      }),
    );
  it('counts only working days', () => {
    const p = mk();
    expect(orders(p, 'A')).toEqual(['10@2026-10-08←2026-09-28', '4@2026-10-12←2026-10-08']);
    expect(msgs(p)).toEqual(['release-now PL-A-2026-10-08']);
  });
  it('without the holidays the same order is released later', () => {
    expect(orders(mk(calendar()), 'A')).toEqual(['10@2026-10-08←2026-10-05', '4@2026-10-12←2026-10-07']);
  });
});

describe('safety stock', () => {
  // On hand 30, SS 20, lfl, LT 0. GR b0 5, b1 10, b2 10.
  // b0: 30−5 = 25 ≥ 20; b1: 25−10 = 15 < 20 → NR 5 → POH 20; b2: 20−10 = 10 → NR 10 → POH 20
  it('keeps projected on hand at safety stock', () => {
    const p = runMrp(
      plant({
        asOf: ASOF,
        buckets: 3,
        items: [{ id: 'A', ss: '20' }],
        onHand: { A: '30' },
        sales: [
          { ref: 'SO-1/1', item: 'A', due: '2026-03-02', qty: '5' },
          { ref: 'SO-2/1', item: 'A', due: '2026-03-09', qty: '10' },
          { ref: 'SO-3/1', item: 'A', due: '2026-03-16', qty: '10' },
        ],
      }),
    );
    expect(grid(p, 'A')).toMatchObject({ poh: ['25', '20', '20'], net: ['0', '5', '10'], porc: ['0', '5', '10'] });
    // Pegging: on hand 30 → SO-1 5, then safety stock 20 (after b0's demand), then SO-2 5; b1 order 5 → SO-2; b2 order 10 → SO-3
    const g = new PegGraph(p);
    expect(g.demandsOf(p.supplies.find((s) => s.kind === 'onhand')!.id).map((x) => `${x.demand.ref}:${x.qty.toString()}`)).toEqual(['SO-1/1:5', 'safety stock:20', 'SO-2/1:5']);
  });
  it('restores safety stock in the first bucket when on hand is below it', () => {
    // On hand 10, SS 20, no demand: b0 10 < 20 → NR 10.
    const p = runMrp(plant({ asOf: ASOF, buckets: 2, items: [{ id: 'A', ss: '20' }], onHand: { A: '10' } }));
    expect(grid(p, 'A')).toMatchObject({ net: ['10', '0'], porc: ['10', '0'], poh: ['20', '20'] });
  });
});

describe('scrap and output quantity', () => {
  it('component demand = parent release × qty per ÷ output ÷ (1 − scrap), rounded up to 4 decimals', () => {
    // END: 100 due 03-09 (b1), LT 5 → release b0. C: 2 per, line scrap 5% → 100·2/0.95 = 210.526315… → 210.5264.
    // D: 3 per 4 made (output 4), item scrap 20% → 100·3/4/0.8 = 93.75 (exact).
    // Planned orders are whole units: C 211, D 94.
    const p = runMrp(
      plant({
        asOf: ASOF,
        buckets: 3,
        items: [
          { id: 'END', lead_time: 5, output: '4', bom: [{ c: 'C', qty: '8', scrap: '0.05' }, { c: 'D', qty: '3' }] },
          { id: 'C' },
          { id: 'D', scrap: '0.2' },
        ],
        sales: [{ ref: 'SO-1/1', item: 'END', due: '2026-03-09', qty: '100' }],
      }),
    );
    // C: 8 per output 4 = 2 per unit → 100·8/4/0.95 = 210.5263157… → 210.5264
    expect(grid(p, 'C')).toMatchObject({ gross: ['210.5264', '0', '0'], porc: ['211', '0', '0'], poh: ['0.4736', '0.4736', '0.4736'] });
    expect(grid(p, 'D')).toMatchObject({ gross: ['93.75', '0', '0'], porc: ['94', '0', '0'] });
  });
});

describe('phantoms', () => {
  // END (LT 5) uses KIT ×1 (phantom) and A ×1; KIT makes nothing to stock: B ×2, C ×1. KIT has 100 on hand (ignored).
  // 10 END due 03-09 (b1) → END release b0 → KIT GR b0 10 → blown through: B GR b0 20, C GR b0 10; no KIT orders.
  const p = runMrp(
    plant({
      asOf: ASOF,
      buckets: 3,
      items: [
        { id: 'END', lead_time: 5, bom: [{ c: 'KIT', qty: '1' }, { c: 'A', qty: '1' }] },
        { id: 'KIT', type: 'make', phantom: true, bom: [{ c: 'B', qty: '2' }, { c: 'C', qty: '1' }] },
        { id: 'A' },
        { id: 'B' },
        { id: 'C' },
      ],
      onHand: { KIT: '100', C: '4' },
      sales: [{ ref: 'SO-1/1', item: 'END', due: '2026-03-09', qty: '10' }],
    }),
  );
  it('passes demand to the components and never plans the phantom', () => {
    expect(orders(p, 'KIT')).toEqual([]);
    expect(grid(p, 'KIT').gross).toEqual(['10', '0', '0']);
    expect(grid(p, 'B')).toMatchObject({ gross: ['20', '0', '0'], porc: ['20', '0', '0'] });
    expect(grid(p, 'C')).toMatchObject({ gross: ['10', '0', '0'], porc: ['6', '0', '0'] }); // 4 on hand
    expect(p.warnings).toEqual(['KIT is a phantom: its stock of 100 is not used by MRP']);
  });
  it('pegs the components through the phantom to the parent order', () => {
    const g = new PegGraph(p);
    const b = p.orders.ofItem('B')[0]!;
    const dem = g.demandsOf(b.supply)[0]!.demand;
    expect([dem.kind, dem.ref, dem.via]).toEqual(['dependent', 'PL-END-2026-03-09', ['KIT']]);
    expect(g.topRefs(b.supply, 10).refs).toEqual(['SO-1/1']);
  });
});

describe('action messages on scheduled receipts', () => {
  // X: nothing on hand, lfl, LT 0, GR 50 in b3 only. Receipts, in due order:
  //   PO-2/1 10 due 02-20 (overdue, in b0), PO-1/1 40 due 03-04 (b0), PO-3/1 30 due 03-10 (b1).
  // Balance without receipts: b0 0, b1 0, b2 0, b3 −50.
  //   PO-2: first bucket with balance + 0 < 0 is b3; it is in b0 < b3 − 1 → defer to 03-23
  //   PO-1: balance + 10 < 0 first in b3 (−40) → defer to 03-23
  //   PO-3: balance + 50 never < 0 → cancel
  // Y: GR 10 due 03-02 (b0); PO-4/1 10 due 02-25 (overdue) → needed in b0 → expedite (overdue, needed now)
  // Z: GR 10 due 03-10 (b1); PO-5/1 10 due 03-25 (b3) → needed in b1 → expedite to 03-09, and a planned order in b1
  //    (LT 0: release 03-09, after b0: no release-now message)
  const p = runMrp(
    plant({
      asOf: ASOF,
      buckets: 5,
      items: [{ id: 'X' }, { id: 'Y' }, { id: 'Z' }],
      sales: [
        { ref: 'SO-1/1', item: 'X', due: '2026-03-25', qty: '50' },
        { ref: 'SO-2/1', item: 'Y', due: '2026-03-02', qty: '10' },
        { ref: 'SO-3/1', item: 'Z', due: '2026-03-10', qty: '10' },
      ],
      receipts: [
        { ref: 'PO-1/1', item: 'X', due: '2026-03-04', qty: '40' },
        { ref: 'PO-2/1', item: 'X', due: '2026-02-20', qty: '10' },
        { ref: 'PO-3/1', item: 'X', due: '2026-03-10', qty: '30' },
        { ref: 'PO-4/1', item: 'Y', due: '2026-02-25', qty: '10' },
        { ref: 'PO-5/1', item: 'Z', due: '2026-03-25', qty: '10' },
      ],
    }),
  );
  it('expedite, defer and cancel', () => {
    expect(msgs(p)).toEqual(['expedite PO-4/1 → 2026-03-02', 'expedite PO-5/1 → 2026-03-09', 'defer PO-2/1 → 2026-03-23', 'defer PO-1/1 → 2026-03-23', 'cancel PO-3/1']);
    expect(p.messages.find((m) => m.ref === 'PO-4/1')!.reason).toBe('overdue since 2026-02-25, needed now');
  });
  it('nets receipts where they are scheduled (classic MRP)', () => {
    // X: b0 0+50 = 50, b1 +30 = 80, b3 80−50 = 30; no planned orders
    expect(grid(p, 'X')).toMatchObject({ receipts: ['50', '30', '0', '0', '0'], poh: ['50', '80', '80', '30', '30'] });
    expect(orders(p, 'X')).toEqual([]);
    expect(orders(p, 'Z')).toEqual(['10@2026-03-09←2026-03-09']);
  });
});

describe('allocations and firm planned work orders', () => {
  // P (make, LT 5) uses C ×2. A released work order WO-1 for P still needs 5 P → allocation 10 C.
  // A firm planned work order WO-2 (10 P, start 03-09, due 03-16) puts 20 C into b1.
  // C: on hand 25, lfl, LT 0. POH(−1) = 25 − 10 = 15; b1: 15 − 20 = −5 → NR 5.
  it('reduce projected on hand and add dependent demand at the start date', () => {
    const p = runMrp(
      plant({
        asOf: ASOF,
        buckets: 3,
        items: [{ id: 'P', lead_time: 5, bom: [{ c: 'C', qty: '2' }] }, { id: 'C' }],
        onHand: { C: '25' },
        receipts: [
          { ref: 'WO-1', kind: 'wo', item: 'P', due: '2026-03-04', qty: '5', start: '2026-02-27' },
          { ref: 'WO-2', kind: 'firm', item: 'P', due: '2026-03-16', qty: '10', start: '2026-03-09' },
        ],
        allocations: [{ ref: 'WO-1', item: 'C', qty: '10', date: '2026-02-27' }],
      }),
    );
    expect(grid(p, 'C')).toMatchObject({ gross: ['0', '20', '0'], poh: ['15', '0', '0'], net: ['0', '5', '0'], porc: ['0', '5', '0'] });
    expect(p.records.get('C')!.allocated.toString()).toBe('10');
    // P has no demand: both work orders are surplus → cancel
    expect(msgs(p)).toEqual(['cancel WO-1', 'cancel WO-2']);
    // Pegs: C on hand 25 → WO-1's allocation 10, WO-2's dependent demand 15; the b1 order 5 → WO-2's
    const g = new PegGraph(p);
    const onhand = p.supplies.find((s) => s.item === 'C' && s.kind === 'onhand')!;
    expect(g.demandsOf(onhand.id).map((x) => `${x.demand.kind} ${x.demand.ref}:${x.qty.toString()}`)).toEqual(['allocation WO-1:10', 'dependent WO-2:15']);
  });
});

describe('forecast', () => {
  it('spreads over working days by cumulative rounding', () => {
    // 30 over the 22 working days of March 2026: cumulative round(30k/22) at k = 5, 10, 15, 20, 22 = 7, 14, 20, 27, 30
    const parts = spreadForecast(d('30'), '2026-03-01' as never, '2026-03-31' as never, calendar());
    expect(parts.reduce((a, x) => a.add(x.qty), Dec.ZERO).toString()).toBe('30');
    const upTo = (day: string) => parts.filter((x) => x.date <= day).reduce((a, x) => a.add(x.qty), Dec.ZERO).toString();
    expect([upTo('2026-03-06'), upTo('2026-03-13'), upTo('2026-03-20'), upTo('2026-03-27')]).toEqual(['7', '14', '20', '27']);
  });
  it('is consumed by the orders of its period: demand = max(forecast, orders)', () => {
    // March forecast 100; March orders: SO-1 30 open (due 03-11) + SO-2 40 already shipped (closed) = 70 → 30 left,
    // spread as above: b0 7, b1 7, b2 6, b3 7, b4 3 (03-30, 03-31). GR b1 = 7 + SO-1 30 = 37.
    // April forecast 10 is beyond the 5-bucket horizon except 04-01…04-05 (b4): April has 21 working days
    // (04-06 is a holiday in this test) → round(10·3/21) = 1 for 04-01…04-03.
    const p = runMrp(
      plant({
        asOf: ASOF,
        buckets: 5,
        cal: calendar(['2026-04-06']),
        items: [{ id: 'F' }],
        sales: [
          { ref: 'SO-1/1', item: 'F', due: '2026-03-11', qty: '30' },
          { ref: 'SO-2/1', item: 'F', due: '2026-03-05', qty: '40', open: '0' },
        ],
        forecast: [
          { item: 'F', period: '2026-03', qty: '100' },
          { item: 'F', period: '2026-04', qty: '10' },
        ],
      }),
    );
    expect(grid(p, 'F').gross).toEqual(['7', '37', '6', '7', '4']);
    expect(p.records.get('F')!.beyond.toString()).toBe('9');
  });
});

describe('invariants on random plants', () => {
  // Grids and pegging regenerate dependent demand from the parents' planned orders instead of reading
  // what the run accumulated; on random plants (several levels, shared components, phantoms, every lot
  // rule, scrap, receipts, firm and released work orders) they must agree with the run.
  const lcg = (seed: number) => () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}`, () => {
      const rnd = lcg(seed);
      const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
      const levels = [4, 5, 6, 8].map((n, l) => Array.from({ length: n }, (_, i) => `L${l}-${i}`));
      const rules = ['lfl', 'fixed', 'min', 'multiple', 'poq', 'ww'] as const;
      const items: Parameters<typeof plant>[0]['items'] = [];
      for (let l = 0; l < levels.length; l++) {
        for (const id of levels[l]!) {
          const rule = rules[int(0, 5)]!;
          const make = l < levels.length - 1;
          const bom = make ? [...new Set(Array.from({ length: int(2, 3) }, () => levels[int(l + 1, levels.length - 1)]![int(0, levels[l + 1]!.length - 1)]!))].map((c) => ({ c, qty: String(int(1, 3)), ...(rnd() < 0.3 ? { scrap: '0.05' } : {}) })) : undefined;
          items.push({
            id,
            ...(bom ? { bom, type: 'make' as const, phantom: l === 1 && rnd() < 0.4 } : {}),
            lead_time: int(0, 8),
            ss: String(int(0, 2) * 5),
            lot_size: rule,
            lot_qty: String(int(2, 6) * 5),
            poq_periods: int(1, 3),
            order_cost: '20',
            holding_cost: '0.5',
            moq: rnd() < 0.3 ? '10' : undefined,
            multiple: rnd() < 0.3 ? '4' : undefined,
          } as Parameters<typeof plant>[0]['items'][number]);
        }
      }
      const all = levels.flat();
      const inp = plant({
        asOf: ASOF,
        buckets: 10,
        items,
        onHand: Object.fromEntries(all.map((id) => [id, String(int(0, 40))])),
        sales: levels[0]!.flatMap((id, i) => Array.from({ length: 4 }, (_, k) => ({ ref: `SO-${i}${k}/1`, item: id, due: `2026-0${int(2, 4)}-${String(int(1, 28)).padStart(2, '0')}`, qty: String(int(1, 30)) }))),
        receipts: [
          ...levels[3]!.slice(0, 4).map((id, i) => ({ ref: `PO-${i}/1`, item: id, due: `2026-03-${String(int(1, 28)).padStart(2, '0')}`, qty: String(int(5, 60)) })),
          { ref: 'WO-1', kind: 'wo' as const, item: levels[2]![0]!, due: '2026-03-10', qty: '7', start: '2026-03-03' },
          { ref: 'WO-2', kind: 'firm' as const, item: levels[2]![1]!, due: '2026-03-20', qty: '9', start: '2026-03-12' },
        ],
        allocations: [{ ref: 'WO-1', item: levels[3]![0]!, qty: '7', date: '2026-03-03' }],
      });
      const p = runMrp(inp);
      const g = new PegGraph(p);
      expect(p.orders.length).toBeGreaterThan(30); // not a vacuous plan
      let pegChecks = 0;
      for (const [id, rec] of p.records) {
        const gr = grid(p, id);
        if (rec.phantom) {
          expect(p.orders.ofItem(id)).toEqual([]);
          continue;
        }
        gr.net.forEach((n, t) => {
          expect(d(gr.poh[t]!).gte(rec.safetyStock), `${id} POH(${t}) ≥ SS`).toBe(true);
          expect(d(n).sign() > 0, `${id} bucket ${t}: net requirement ⇔ planned receipt`).toBe(d(gr.porc[t]!).sign() > 0);
        });
        if (rec.onHand.sign() < 0) continue;
        for (const did of g.demandsOfItem(id)) {
          const dem = g.demand(did);
          const pegged = g.suppliesOf(did).reduce((a, x) => a.add(x.qty), Dec.ZERO);
          expect(pegged.eq(dem.qty), `${id} ${dem.kind} ${dem.ref} fully pegged: ${pegged} of ${dem.qty}`).toBe(true);
          pegChecks++;
        }
      }
      expect(pegChecks).toBeGreaterThan(50);
    });
  }
});
