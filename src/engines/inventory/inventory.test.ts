import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { calendar, d } from '../mrp/testkit.js';
import { BomCycleError, BomIndex, costRollup, explode, whereUsed, type BomDoc, type BomItem } from './bom.js';
import { onHandAsOf, stockPosition, type MoveLine, type PoDoc, type PositionInput, type SoDoc, type StockLine, type WoDoc } from './position.js';
import { overdueLines, supplierMetrics } from './purchasing.js';
import { effectiveLeadTime } from './leadtime.js';
import { componentQty } from './qty.js';
import { firstBelow, reorderAlerts, suggestQty, type ReorderItem } from './reorder.js';

const D = (s: string) => s as IsoDate;

// DESK (make) ← FRAME ×1 (make, output 2: one BOM makes 2 frames from 5 m of TUBE, 8% scrap) ← TUBE (buy 10.00/m)
//              ← KIT ×1 (phantom) ← SCREW ×4 (buy 0.25)
//              ← SCREW ×2
const items: BomItem[] = [
  { id: 'DESK', type: 'make', labour_cost: d('20'), overhead_cost: d('5') },
  { id: 'FRAME', type: 'make', labour_cost: d('3.50') },
  { id: 'KIT', type: 'make', phantom: true },
  { id: 'TUBE', type: 'buy', cost: d('10.00'), scrap: d('0.08') },
  { id: 'SCREW', type: 'buy', cost: d('0.25') },
  { id: 'GLUE', type: 'buy' },
];
const boms: BomDoc[] = [
  { item: 'DESK', output_qty: d('1'), components: [{ component: 'FRAME', qty: d('1') }, { component: 'KIT', qty: d('1') }, { component: 'SCREW', qty: d('2') }] },
  { item: 'FRAME', output_qty: d('2'), components: [{ component: 'TUBE', qty: d('5') }, { component: 'GLUE', qty: d('0.1'), scrap: d('0') }] },
  { item: 'KIT', output_qty: d('1'), components: [{ component: 'SCREW', qty: d('4') }] },
];
const idx = new BomIndex(items, boms);

describe('component quantity', () => {
  it('is parent × per ÷ output ÷ (1 − scrap), rounded up to 4 decimals only when divided', () => {
    expect(componentQty(d('10'), d('2.4'), d('1'), undefined).toString()).toBe('24');
    // 10 × 5 ÷ 2 ÷ 0.92 = 27.1739130… → 27.174 (ceiling at 4 decimals = 27.1740, trailing zero dropped)
    expect(componentQty(d('10'), d('5'), d('2'), d('0.08')).toString()).toBe('27.174');
    // 3 × 1 ÷ 0.97 = 3.0927835… → 3.0928
    expect(componentQty(d('3'), d('1'), d('1'), d('0.03')).toString()).toBe('3.0928');
  });
});

describe('BOM tools', () => {
  it('explodes with scrap, indented depth first in BOM order', () => {
    // 4 desks: FRAME 4; TUBE 4·5/2/0.92 = 10.869565… → 10.8696; GLUE 4·0.1/2 = 0.2 (line scrap 0 overrides);
    // KIT 4 → SCREW 16; SCREW 8 directly.
    expect(explode(idx, 'DESK', d('4')).map((r) => `${'  '.repeat(r.level)}${r.item} ${r.qty.toString()} ${r.kind}`)).toEqual([
      'DESK 4 make',
      '  FRAME 4 make',
      '    TUBE 10.8696 buy',
      '    GLUE 0.2 buy',
      '  KIT 4 phantom',
      '    SCREW 16 buy',
      '  SCREW 8 buy',
    ]);
  });
  it('finds every parent at every level', () => {
    expect(whereUsed(idx, 'SCREW').map((r) => `${r.level} ${r.item} ${r.per.toString()}`)).toEqual(['1 DESK 2', '1 KIT 4', '2 DESK 1']);
    expect(whereUsed(idx, 'TUBE').map((r) => `${r.level} ${r.item}`)).toEqual(['1 FRAME', '2 DESK']);
  });
  it('rolls up cost: materials with scrap plus labour and overhead per level', () => {
    // FRAME (per frame): TUBE 5/2/0.92 = 2.7174 m × 10.00 = 27.174; GLUE 0.05 × 0 (no cost: missing); + labour 3.50 → 30.674
    // KIT: 4 × 0.25 = 1.00
    // DESK: FRAME 30.674 + KIT 1 + SCREW 2 × 0.25 = 0.5 + labour 20 + overhead 5 → 57.174
    const c = costRollup(idx, 'DESK', d('10'));
    expect(c.unitCost.toString()).toBe('57.174');
    expect(c.total.toString()).toBe('571.74');
    expect(c.missing).toEqual(['GLUE']);
    expect(c.rows.map((r) => `${r.item} ${r.qty.toString()} × ${r.unitCost.toString()} = ${r.extended.toString()}`)).toEqual([
      'DESK 10 × 57.174 = 571.74',
      'FRAME 10 × 30.674 = 306.74',
      'TUBE 27.174 × 10.00 = 271.74',
      'GLUE 0.5 × 0 = 0',
      'KIT 10 × 1 = 10',
      'SCREW 40 × 0.25 = 10',
      'SCREW 20 × 0.25 = 5',
    ]);
  });
  it('low-level codes put an item below its deepest parent', () => {
    const llc = idx.lowLevelCodes();
    expect(['DESK', 'FRAME', 'KIT', 'TUBE', 'SCREW'].map((i) => llc.get(i))).toEqual([0, 1, 1, 2, 2]);
  });
  it('reports a cycle with its path', () => {
    const cyc = new BomIndex(
      [{ id: 'A', type: 'make' }, { id: 'B', type: 'make' }, { id: 'C', type: 'make' }],
      [
        { item: 'A', output_qty: d('1'), components: [{ component: 'B', qty: d('1') }] },
        { item: 'B', output_qty: d('1'), components: [{ component: 'C', qty: d('1') }] },
        { item: 'C', output_qty: d('1'), components: [{ component: 'A', qty: d('1') }] },
      ],
    );
    expect(() => cyc.lowLevelCodes()).toThrow(new BomCycleError(['A', 'B', 'C', 'A']));
    expect(() => explode(cyc, 'B', d('1'))).toThrow('BOM cycle: B → C → A → B');
  });
  it('blows phantoms through for work-order needs', () => {
    expect(idx.flatComponents('DESK', d('3')).map((c) => `${c.component} ${c.qty.toString()} via ${c.via.join('/')}`)).toEqual(['FRAME 3 via ', 'SCREW 12 via KIT', 'SCREW 6 via ']);
  });
});

// ---------------- stock position ----------------

const stock: StockLine[] = [
  { date: D('2026-11-01'), item: 'SCREW', location: 'WH', qty: d('100') },
  { date: D('2026-11-01'), item: 'SCREW', location: 'SHOW', qty: d('5') },
  { date: D('2026-10-01'), item: 'SCREW', location: 'WH', qty: d('999') }, // older count: ignored
  { date: D('2026-11-10'), item: 'TUBE', location: 'WH', qty: d('50') }, // counted again later
  { date: D('2026-11-01'), item: 'TUBE', location: 'WH', qty: d('80') },
];
const moves: MoveLine[] = [
  { date: D('2026-11-01'), item: 'SCREW', qty: d('7'), to: 'WH', kind: 'receipt' }, // on the count date: already counted
  { date: D('2026-11-03'), item: 'SCREW', qty: d('40'), to: 'WH', kind: 'receipt' },
  { date: D('2026-11-04'), item: 'SCREW', qty: d('12'), from: 'WH', kind: 'consumption' },
  { date: D('2026-11-05'), item: 'SCREW', qty: d('10'), from: 'WH', to: 'SHOW', kind: 'transfer' },
  { date: D('2026-11-06'), item: 'SCREW', qty: d('3'), kind: 'adjustment' }, // no location: written off the default location
  { date: D('2026-11-20'), item: 'SCREW', qty: d('1000'), to: 'WH', kind: 'receipt' }, // after as-of
  { date: D('2026-11-05'), item: 'TUBE', qty: d('30'), from: 'WH', kind: 'consumption' }, // before TUBE's latest count
  { date: D('2026-11-12'), item: 'TUBE', qty: d('4'), from: 'WH', kind: 'consumption' },
  { date: D('2026-11-02'), item: 'GLUE', qty: d('2.5'), to: 'WH', kind: 'receipt' }, // never counted: moves from zero
];

describe('on hand as of a date', () => {
  it('takes each item’s latest count and the moves after it', () => {
    const m = onHandAsOf(stock, moves, D('2026-11-16'), 'WH');
    // SCREW: WH 100 + 40 − 12 − 10 − 3 = 115, SHOW 5 + 10 = 15
    expect(Object.fromEntries([...m.get('SCREW')!].map(([k, v]) => [k, v.toString()]))).toEqual({ WH: '115', SHOW: '15' });
    // TUBE: count of 11-10 (50) − 4 = 46
    expect(m.get('TUBE')!.get('WH')!.toString()).toBe('46');
    expect(m.get('GLUE')!.get('WH')!.toString()).toBe('2.5');
  });
  it('a past as-of uses the count valid then', () => {
    const m = onHandAsOf(stock, moves, D('2026-11-04'), 'WH');
    // SCREW 100 + 40 − 12 = 128; TUBE count of 11-01 (80), consumption of 11-05 not yet
    expect(m.get('SCREW')!.get('WH')!.toString()).toBe('128');
    expect(m.get('TUBE')!.get('WH')!.toString()).toBe('80');
  });
});

const po = (id: string, status: PoDoc['status'], lines: Partial<PoDoc['lines'][number]>[], extra: Partial<PoDoc> = {}): PoDoc => ({
  id,
  supplier: 'S1',
  date: D('2026-10-01'),
  status,
  lines: lines.map((l, i) => ({ line: i + 1, item: 'SCREW', qty: d('100'), price: d('1'), due: D('2026-11-10'), received: Dec.ZERO, ...l })),
  ...extra,
});

describe('stock position', () => {
  const so: SoDoc[] = [
    { id: 'SO-1', customer: 'C1', status: 'open', lines: [{ line: 1, item: 'DESK', qty: d('10'), due: D('2026-11-20'), shipped: d('4') }] },
    { id: 'SO-2', customer: 'C1', status: 'draft', lines: [{ line: 1, item: 'DESK', qty: d('50'), due: D('2026-11-20'), shipped: Dec.ZERO }] },
  ];
  const wo: WoDoc[] = [
    { id: 'WO-1', item: 'DESK', qty: d('10'), start: D('2026-11-14'), due: D('2026-11-18'), status: 'in-progress', completed: d('7'), location: 'WH' },
    { id: 'WO-2', item: 'DESK', qty: d('20'), start: D('2026-11-20'), due: D('2026-11-25'), status: 'planned', completed: Dec.ZERO },
  ];
  const inp: PositionInput = {
    asOf: D('2026-11-16'),
    stock,
    moves,
    purchaseOrders: [po('PO-1', 'open', [{ qty: d('100'), received: d('30') }]), po('PO-2', 'cancelled', [{}]), po('PO-3', 'draft', [{}])],
    salesOrders: so,
    workOrders: wo,
    locations: [
      { id: 'WH', nettable: true },
      { id: 'SHOW', nettable: false },
    ],
    bom: idx,
    defaultLocation: 'WH',
  };
  it('on order, allocated and available', () => {
    const p = stockPosition(inp);
    const s = p.get('SCREW')!;
    // SCREW WH: on hand 115; on order PO-1 100 − 30 = 70; allocated by WO-1 (3 desks to go): KIT 3×4 = 12 + 2×3 = 6 → 18
    // available (nettable WH only) = 115 + 70 − 18 = 167; SHOW's 15 is listed but not counted
    expect([s.onHand, s.onOrder, s.allocated, s.available].map(String)).toEqual(['115', '70', '18', '167']);
    expect(s.locations.map((l) => `${l.location} ${l.onHand} ${l.nettable}`)).toEqual(['SHOW 15 false', 'WH 115 true']);
    // DESK: on order WO-1 3 (WO-2 is planned: not on order); allocated SO-1 6 (SO-2 is a draft)
    const k = p.get('DESK')!;
    expect([k.onHand, k.onOrder, k.allocated, k.available].map(String)).toEqual(['0', '3', '6', '-3']);
  });

  it('reorder: alerts at or below the reorder point with the suggested quantity and dates', () => {
    const ri = (id: string, o: Partial<ReorderItem>): ReorderItem => ({ id, type: 'buy', active: true, lead_time: 5, safety_stock: Dec.ZERO, ...o });
    const cal = calendar();
    const alerts = reorderAlerts(
      inp,
      [
        ri('SCREW', { reorder_point: d('167'), reorder_qty: d('250'), moq: d('300'), order_multiple: d('40'), safety_stock: d('150'), supplier: 'S1' }),
        ri('TUBE', { reorder_point: d('45.99') }),
        ri('GLUE', { reorder_point: d('10'), max_qty: d('40'), order_multiple: d('6'), lead_time: 0 }),
        ri('DESK', { reorder_point: d('0'), active: false }),
      ],
      cal,
    );
    expect(alerts.map((a) => a.item)).toEqual(['GLUE', 'SCREW']); // SCREW exactly at 167; TUBE 46 > 45.99; DESK inactive
    const screw = alerts.find((a) => a.item === 'SCREW')!;
    // reorder_qty 250 → moq 300 → multiple of 40 → 320
    expect(screw.qty.toString()).toBe('320');
    // Projection from on hand 115 (< safety stock 150) on as-of: PO-1's 70 is due 11-10, overdue → counts on as-of:
    // 115 + 70 = 185, then WO-1's 18 needed on its start (11-14, before as-of → as-of): 167 ≥ 150. Never below.
    // → needed = as-of + 5 working days = Mon 11-23; order by = as-of.
    expect([screw.needed, screw.orderBy, screw.late]).toEqual(['2026-11-23', '2026-11-16', false]);
    // GLUE: available 2.5; max 40 − 2.5 = 37.5 → whole 38 → multiple of 6 → 42
    expect(alerts[0]!.qty.toString()).toBe('42');
  });
});

describe('lead times', () => {
  it('make: its own; buy: its own, or its supplier’s when it is 0', () => {
    const sup = (id: string) => (id === 'S1' ? 12 : undefined);
    expect(effectiveLeadTime({ type: 'make', lead_time: 3, supplier: 'S1' }, sup)).toBe(3);
    expect(effectiveLeadTime({ type: 'make', lead_time: 0 }, sup)).toBe(0);
    expect(effectiveLeadTime({ type: 'buy', lead_time: 5, supplier: 'S1' }, sup)).toBe(5);
    expect(effectiveLeadTime({ type: 'buy', lead_time: 0, supplier: 'S1' }, sup)).toBe(12);
    expect(effectiveLeadTime({ type: 'buy', lead_time: 0, supplier: 'S2' }, sup)).toBe(0);
    expect(effectiveLeadTime({ type: 'buy', lead_time: 0 }, sup)).toBe(0);
  });
});

describe('reorder rule pieces', () => {
  it('suggested quantity: up to max, else reorder qty; at least moq; rounded up to the multiple', () => {
    expect(suggestQty({ reorder_qty: d('200'), moq: d('100'), order_multiple: d('20') }, d('160')).toString()).toBe('200');
    expect(suggestQty({ reorder_qty: d('50'), moq: d('100'), order_multiple: d('30') }, d('0')).toString()).toBe('120');
    expect(suggestQty({ max_qty: d('250'), reorder_qty: d('999') }, d('37')).toString()).toBe('213');
    expect(suggestQty({ max_qty: d('250'), order_multiple: d('20') }, d('37')).toString()).toBe('220');
  });
  it('order by = needed − lead time on the working calendar; late when before as-of', () => {
    // start 30, SS 10: −25 on Wed 11-25 → 5 < 10 → needed 11-25; LT 5 → order by 11-18
    const ev = [
      { date: D('2026-11-25'), qty: d('-25') },
      { date: D('2026-11-20'), qty: d('-10') },
      { date: D('2026-11-20'), qty: d('10') },
    ];
    // on 11-20 the receipt comes first: 30 + 10 − 10 = 30; on 11-25: 5
    expect(firstBelow(d('30'), ev, d('10'), D('2026-11-16'))).toBe('2026-11-25');
    expect(calendar().addWorkdays(D('2026-11-25'), -5)).toBe('2026-11-18');
    // below already, but a receipt on as-of lifts it first: not below
    expect(firstBelow(d('5'), [{ date: D('2026-11-16'), qty: d('20') }], d('10'), D('2026-11-16'))).toBe(null);
    expect(firstBelow(d('5'), [{ date: D('2026-11-17'), qty: d('20') }], d('10'), D('2026-11-16'))).toBe('2026-11-16');
  });
});

describe('supplier follow-up', () => {
  const orders: PoDoc[] = [
    po('PO-1', 'closed', [
      { due: D('2026-10-10'), received: d('100'), received_date: D('2026-10-09') }, // on time
      { due: D('2026-10-10'), received: d('100'), received_date: D('2026-10-14') }, // 4 days late
    ]),
    po('PO-2', 'open', [
      { due: D('2026-11-01'), qty: d('400'), received: d('150'), received_date: D('2026-11-03'), price: d('2.50') }, // partial, overdue 15 days
      { due: D('2026-11-30'), qty: d('10'), price: d('3') }, // not due yet
      { due: D('2026-11-14'), received: d('100'), received_date: D('2026-11-20') }, // received after as-of: open and 2 days late at as-of
    ]),
    po('PO-3', 'cancelled', [{ due: D('2026-09-01') }]),
    po('PO-4', 'closed', [{ due: D('2026-12-20'), received: d('100'), received_date: D('2026-11-02') }], { supplier: 'S2', currency: 'USD' }), // early: on time
  ];
  it('lists open lines past due with days late and partial receipts', () => {
    expect(overdueLines(orders, D('2026-11-16')).map((l) => `${l.po}/${l.line} ${l.open} of ${l.ordered} ${l.daysLate}d ${l.partial ? 'partial ' + l.lastReceipt : ''}`)).toEqual([
      'PO-2/1 250 of 400 15d partial 2026-11-03',
      'PO-2/3 100 of 100 2d ',
    ]);
  });
  it('on-time rate, average delay and open value', () => {
    const [s1, s2] = supplierMetrics(orders, ['S1', 'S2', 'S3'], D('2026-11-16'));
    // S1 judged: PO-1/1 (on time), PO-1/2 (late 4), PO-2/1 (due passed, not full), PO-2/3 (due passed, not received by as-of) = 4; on time 1 → 25.0%
    expect([s1!.judged, s1!.onTime, s1!.rate!.toString(), s1!.lateReceipts, s1!.avgDelay!.toString(), s1!.openLines, s1!.overdueLines]).toEqual([4, 1, '25.0', 1, '4.0', 3, 2]);
    // open value: 250 × 2.50 + 10 × 3 + 100 × 1 = 625 + 30 + 100 = 755
    expect(s1!.openValue.get(null)!.toString()).toBe('755.00'); // exact; scale of 2.50 kept
    expect([s2!.judged, s2!.onTime, s2!.rate!.toString(), s2!.avgDelay]).toEqual([1, 1, '100.0', null]);
  });
});
