/**
 * Releasing planned orders, on a plant planned by hand. As of Monday 2026-03-02,
 * weekly buckets b0 = 03-02…03-08, b1 = 03-09, b2 = 03-16, b3 = 03-23, b4, b5;
 * no holidays, nothing on hand, lot for lot, no safety stock.
 *
 *   DESK (make, lead time 3) = 4 LEG (buy, LT 5, supplier S1) + 1 TOP (buy, LT 10, supplier S2)
 *   SO-0/1: 2 DESK due Tue 03-03 (b0); SO-1/1: 10 DESK due Mon 03-09 (b1); SO-2/1: 5 DESK due Wed 03-25 (b3)
 *
 * DESK  b0: 2, due 03-02 (as-of), release 3 wd before: 02-25 → past due
 *       b1: 10, due 03-09, release 03-04 (in b0) → release now
 *       b3: 5, due 03-23, release 03-18 (b2)
 * LEG   GR b0 = 4 × (2 + 10) = 48 (both DESK releases are in b0), GR b2 = 4 × 5 = 20
 *       b0: 48, due 03-02, release 02-23 → past due
 *       b2: 20, due 03-16, release 03-09 (b1)
 * TOP   GR b0 12, GR b2 5
 *       b0: 12, due 03-02, release 02-16 → past due
 *       b2: 5, due 03-16, release 10 wd before = 03-02 (the as-of date, b0) → release now
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { idAllocator } from '../../edit/ids.js';
import { PegGraph } from './pegging.js';
import { runMrp } from './plan.js';
import { releaseOrders, selectPlanned, type Selection, type Terms } from './release.js';
import { plant } from './testkit.js';
import type { PlannedOrder } from './types.js';

const plan = runMrp(
  plant({
    asOf: '2026-03-02',
    buckets: 6,
    items: [
      { id: 'DESK', lead_time: 3, bom: [{ c: 'LEG', qty: '4' }, { c: 'TOP', qty: '1' }] },
      { id: 'LEG', lead_time: 5, supplier: 'S1' },
      { id: 'TOP', lead_time: 10, supplier: 'S2' },
    ],
    sales: [
      { ref: 'SO-0/1', item: 'DESK', due: '2026-03-03', qty: '2' },
      { ref: 'SO-1/1', item: 'DESK', due: '2026-03-09', qty: '10' },
      { ref: 'SO-2/1', item: 'DESK', due: '2026-03-25', qty: '5' },
    ],
  }),
);
const pegs = new PegGraph(plan);
const ASOF = '2026-03-02' as IsoDate;

const PRICE: Record<string, string> = { LEG: '2.50', TOP: '80.00' };
const terms = (item: string): Terms => ({ ok: true, price: Dec.of(PRICE[item]!), currency: null, taxRate: item === 'TOP' ? Dec.of('0.13') : null, priceFrom: 'cost' });

function release(sel: Selection, over: Partial<Parameters<typeof releaseOrders>[0]> = {}) {
  const s = selectPlanned(plan.orders.all(), sel);
  if (!s.ok) throw new Error('unknown ids');
  return releaseOrders({
    asOf: ASOF,
    orders: s.orders,
    terms,
    nextPo: idAllocator(['PO-2026-0007'], 'PO-2026-0001'),
    nextWo: idAllocator(['WO-0041'], 'WO-0001'),
    woStatus: 'released',
    demands: (o) => pegs.topRefs(o.supply, 5),
    ...over,
  });
}
const ids = (sel: Selection) => {
  const s = selectPlanned(plan.orders.all(), sel);
  return s.ok ? s.orders.map((o) => o.id) : s.unknown;
};

describe('the plan these tests release from', () => {
  it('has the planned orders worked out by hand', () => {
    expect(plan.orders.all().map((o) => `${o.id} ${o.qty.toString()} ${o.release} ${o.message ?? ''}`.trim())).toEqual([
      'PL-DESK-2026-03-02 2 2026-02-25 past-due',
      'PL-DESK-2026-03-09 10 2026-03-04 release-now',
      'PL-DESK-2026-03-23 5 2026-03-18',
      'PL-LEG-2026-03-02 48 2026-02-23 past-due',
      'PL-LEG-2026-03-16 20 2026-03-09',
      'PL-TOP-2026-03-02 12 2026-02-16 past-due',
      'PL-TOP-2026-03-16 5 2026-03-02 release-now',
    ]);
  });
});

describe('selectPlanned', () => {
  it('--all-due takes the orders with an action message (past due, release now)', () => {
    expect(ids({ kind: 'rule', releaseBy: null })).toEqual(['PL-DESK-2026-03-02', 'PL-DESK-2026-03-09', 'PL-LEG-2026-03-02', 'PL-TOP-2026-03-02', 'PL-TOP-2026-03-16']);
  });
  it('--due-by takes the orders released on or before the date', () => {
    expect(ids({ kind: 'rule', releaseBy: '2026-03-01' as IsoDate })).toEqual(['PL-DESK-2026-03-02', 'PL-LEG-2026-03-02', 'PL-TOP-2026-03-02']);
    // 03-09 adds DESK 03-09 (03-04), LEG 03-16 (03-09, the date itself) and TOP 03-16 (03-02), not DESK 03-23 (03-18)
    expect(ids({ kind: 'rule', releaseBy: '2026-03-09' as IsoDate })).toEqual(['PL-DESK-2026-03-02', 'PL-DESK-2026-03-09', 'PL-LEG-2026-03-02', 'PL-LEG-2026-03-16', 'PL-TOP-2026-03-02', 'PL-TOP-2026-03-16']);
  });
  it('narrows a rule by item, supplier and type', () => {
    expect(ids({ kind: 'rule', releaseBy: null, items: ['DESK', 'LEG'] })).toEqual(['PL-DESK-2026-03-02', 'PL-DESK-2026-03-09', 'PL-LEG-2026-03-02']);
    expect(ids({ kind: 'rule', releaseBy: null, suppliers: ['S2'] })).toEqual(['PL-TOP-2026-03-02', 'PL-TOP-2026-03-16']);
    expect(ids({ kind: 'rule', releaseBy: null, type: 'make' })).toEqual(['PL-DESK-2026-03-02', 'PL-DESK-2026-03-09']);
  });
  it('takes ids in canonical order, once each, and names every unknown id with the nearest known one', () => {
    expect(ids({ kind: 'ids', ids: ['PL-TOP-2026-03-16', 'PL-DESK-2026-03-23', 'PL-TOP-2026-03-16'] })).toEqual(['PL-DESK-2026-03-23', 'PL-TOP-2026-03-16']);
    expect(ids({ kind: 'ids', ids: ['PL-LEG-2026-03-17', 'PL-DESK-2026-03-02', 'NOPE'] })).toEqual([
      { id: 'PL-LEG-2026-03-17', suggestion: 'PL-LEG-2026-03-16' },
      { id: 'NOPE', suggestion: null },
    ]);
  });
});

const line = (l: { line: number; item: string; qty: Dec; price: Dec; due: string; from: PlannedOrder; for: { refs: readonly string[] } }) => `${l.line} ${l.item} ${l.qty.toString()} × ${l.price.toString()} due ${l.due} ← ${l.from.id} for ${[...l.for.refs].sort().join(' ')}`;

describe('releaseOrders', () => {
  it('--all-due: one purchase order per supplier, one work order per planned make order', () => {
    const r = release({ kind: 'rule', releaseBy: null });
    if (!r.ok) throw new Error('problems');
    const { purchaseOrders: pos, workOrders: wos } = r.release;
    expect(pos.map((p) => [p.id, p.supplier, p.date, p.currency, p.lines.map(line)])).toEqual([
      ['PO-2026-0008', 'S1', '2026-03-02', null, ['1 LEG 48 × 2.50 due 2026-03-02 ← PL-LEG-2026-03-02 for SO-0/1 SO-1/1']],
      [
        'PO-2026-0009',
        'S2',
        '2026-03-02',
        null,
        ['1 TOP 12 × 80.00 due 2026-03-02 ← PL-TOP-2026-03-02 for SO-0/1 SO-1/1', '2 TOP 5 × 80.00 due 2026-03-16 ← PL-TOP-2026-03-16 for SO-2/1'],
      ],
    ]);
    expect(pos[1]!.lines[0]!.taxRate?.toString()).toBe('0.13');
    // start: the planned release date, or the as-of date once it has passed (DESK 03-02 was released 02-25)
    expect(wos.map((w) => `${w.id} ${w.item} ${w.qty.toString()} ${w.start}→${w.due} ${w.status} ← ${w.from.id} for ${w.for.refs.join(' ')}`)).toEqual([
      'WO-0042 DESK 2 2026-03-02→2026-03-02 released ← PL-DESK-2026-03-02 for SO-0/1',
      'WO-0043 DESK 10 2026-03-04→2026-03-09 released ← PL-DESK-2026-03-09 for SO-1/1',
    ]);
  });

  it('firm planned work orders, and ids that follow the existing pattern', () => {
    const r = release({ kind: 'ids', ids: ['PL-DESK-2026-03-23'] }, { woStatus: 'planned', nextWo: idAllocator([], 'WO-0001') });
    expect(r.ok && r.release.workOrders.map((w) => `${w.id} ${w.start}→${w.due} ${w.status}`)).toEqual(['WO-0001 2026-03-18→2026-03-23 planned']);
    expect(r.ok && r.release.purchaseOrders).toEqual([]);
  });

  it('reports every buy order it cannot place, and places none', () => {
    const noSupplier = runMrp(
      plant({
        asOf: '2026-03-02',
        buckets: 2,
        items: [{ id: 'BOLT' }, { id: 'NUT', supplier: 'S9' }, { id: 'WASHER', supplier: 'S1' }],
        sales: ['BOLT', 'NUT', 'WASHER'].map((item, i) => ({ ref: `SO-${i}/1`, item, due: '2026-03-02', qty: '1' })),
      }),
    );
    const r = releaseOrders({
      asOf: ASOF,
      orders: noSupplier.orders.all(),
      terms: (item, s) => (s === 'S9' ? { ok: false, code: 'unknown-supplier', currency: 'CNY' } : item === 'WASHER' ? { ok: false, code: 'no-price', currency: 'CNY' } : terms(item)),
      nextPo: () => 'PO-1',
      nextWo: () => 'WO-1',
      woStatus: 'released',
      demands: () => ({ refs: [], more: false }),
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        { code: 'no-supplier', item: 'BOLT', order: 'PL-BOLT-2026-03-02' },
        { code: 'unknown-supplier', item: 'NUT', order: 'PL-NUT-2026-03-02', supplier: 'S9' },
        { code: 'no-price', item: 'WASHER', order: 'PL-WASHER-2026-03-02', supplier: 'S1', currency: 'CNY' },
      ],
    });
  });
});
