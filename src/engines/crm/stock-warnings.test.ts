/**
 * Stock warnings computed by hand on a small daily plan. As-of Monday 2026-03-02, daily
 * buckets (each bucket is one day; the first also holds everything dated before it).
 *
 * END (make, lot for lot, lead time 0, BOM: 2 × PART): on hand 10; WO-1 brings 20 on Thu 03-05;
 * SO-1 wants 15 (due Fri 02-27, past due → 03-02) and SO-2 12 on Mon 03-09.
 *   PA(END): 03-02 10 − 15 = −5 · 03-05 −5 + 20 = 15 · 03-09 15 − 12 = 3
 * PART (buy): on hand 50, 40 allocated to WO-1; END's planned order of 5 on 03-02 (to cover −5)
 * needs 2 × 5 = 10 PART on 03-02.
 *   PA(PART): 03-02 50 − 40 − 10 = 0, and stays 0
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { availableOn, projectedAvailability } from '../mrp/availability.js';
import { runMrp } from '../mrp/plan.js';
import { plant } from '../mrp/testkit.js';
import { campaignPushes, campaignWindow, checkPush, dealPushes, dealWindow, stockWarnings, type Push } from './stock-warnings.js';

const ASOF = '2026-03-02' as IsoDate;
const plan = runMrp(
  plant({
    asOf: ASOF,
    bucket: 'day',
    buckets: 14,
    items: [{ id: 'END', type: 'make', bom: [{ c: 'PART', qty: '2' }] }, { id: 'PART' }],
    onHand: { END: '10', PART: '50' },
    sales: [
      { ref: 'SO-1/1', item: 'END', due: '2026-02-27', qty: '15' },
      { ref: 'SO-2/1', item: 'END', due: '2026-03-09', qty: '12' },
    ],
    receipts: [{ ref: 'WO-1', kind: 'wo', item: 'END', due: '2026-03-05', qty: '20', start: '2026-03-02' }],
    allocations: [{ ref: 'WO-1', item: 'PART', qty: '40', date: '2026-03-02' }],
  }),
);
const end = projectedAvailability(plan, 'END')!;
const part = projectedAvailability(plan, 'PART')!;
const push = (item: string, qty: string, from: string, to: string, kind: Push['kind'] = 'deal'): Push => ({ kind, ref: 'X', item, demand: Dec.of(qty), from: from as IsoDate, to: to as IsoDate });
const brief = (w: ReturnType<typeof checkPush>) => (w ? `short by ${w.shortfall.toString()} from ${w.short_from}; min ${w.min_available.toString()} on ${w.min_date}` : 'covered');

describe('projected availability (no new planned orders)', () => {
  it('on hand − allocated + receipts − demand, day by day', () => {
    const on = (a: typeof end, d: string) => availableOn(a, d as IsoDate).toString();
    expect(end.start.toString()).toBe('10');
    expect(['03-02', '03-04', '03-05', '03-08', '03-09', '03-15'].map((d) => on(end, `2026-${d}`))).toEqual(['-5', '-5', '15', '15', '3', '3']);
    // PART: 50 on hand − 40 allocated − 10 for END's planned order on 03-02
    expect(part.start.toString()).toBe('10');
    expect(on(part, '2026-03-02')).toBe('0');
    expect(on(part, '2026-03-13')).toBe('0');
  });
});

describe('checkPush', () => {
  it('flags the first day availability is below the demand, and the largest gap', () => {
    // 8 wanted 03-02…03-06: −5, −5, −5, 15, 15 → short from 03-02; 8 − (−5) = 13
    expect(brief(checkPush(push('END', '8', '2026-03-02', '2026-03-06'), end))).toBe('short by 13 from 2026-03-02; min -5 on 2026-03-02');
    // 5 wanted 03-05…03-10: 15 until 03-08, then 3 on 03-09 → short from 03-09 by 5 − 3 = 2
    expect(brief(checkPush(push('END', '5', '2026-03-05', '2026-03-10'), end))).toBe('short by 2 from 2026-03-09; min 3 on 2026-03-09');
    // 3 wanted 03-05…03-08: 15 every day → covered; exactly the availability is covered too (3 on 03-09)
    expect(brief(checkPush(push('END', '3', '2026-03-05', '2026-03-08'), end))).toBe('covered');
    expect(brief(checkPush(push('END', '3', '2026-03-09', '2026-03-13'), end))).toBe('covered');
    // no demand given: flagged only when the plan itself is short
    expect(brief(checkPush(push('END', '0', '2026-03-02', '2026-03-02'), end))).toBe('short by 5 from 2026-03-02; min -5 on 2026-03-02');
    // the component: its allocation and its parent's planned order leave nothing
    expect(brief(checkPush(push('PART', '1', '2026-03-02', '2026-03-04'), part))).toBe('short by 1 from 2026-03-02; min 0 on 2026-03-02');
    // an item the plan does not know is not judged
    expect(checkPush(push('NOPE', '1', '2026-03-02', '2026-03-04'), projectedAvailability(plan, 'NOPE'))).toBeNull();
  });

  it('stockWarnings keeps only the short pushes, in order', () => {
    const ws = stockWarnings([push('END', '3', '2026-03-05', '2026-03-08'), push('PART', '1', '2026-03-02', '2026-03-02'), push('END', '1', '2026-03-02', '2026-03-02')], (i) => projectedAvailability(plan, i));
    expect(ws.map((w) => `${w.item} ${w.shortfall.toString()}`)).toEqual(['PART 1', 'END 6']);
  });
});

describe('windows', () => {
  it('campaign: max(start, as-of) … end; none once ended; the start day alone without an end', () => {
    expect(campaignWindow({ start: '2026-02-01' as IsoDate, end: '2026-03-10' as IsoDate }, ASOF)).toEqual({ from: ASOF, to: '2026-03-10' });
    expect(campaignWindow({ start: '2026-03-05' as IsoDate, end: '2026-03-10' as IsoDate }, ASOF)).toEqual({ from: '2026-03-05', to: '2026-03-10' });
    expect(campaignWindow({ start: '2026-02-01' as IsoDate, end: '2026-03-01' as IsoDate }, ASOF)).toBeNull();
    expect(campaignWindow({ start: '2026-02-01' as IsoDate }, ASOF)).toEqual({ from: ASOF, to: ASOF });
    // one push per item (listed twice: once), each with the campaign's expected demand
    expect(campaignPushes({ id: 'C', start: '2026-02-01' as IsoDate, items: ['A', 'B', 'A'], expected_demand: Dec.of('80') }, ASOF).map((p) => `${p.item} ${p.demand.toString()}`)).toEqual(['A 80', 'B 80']);
  });
  it('deal: as-of … requested date, else expected close; past or missing dates leave the as-of date', () => {
    expect(dealWindow({ requested_date: '2026-04-01' as IsoDate, expected_close: '2026-03-10' as IsoDate }, ASOF)).toEqual({ from: ASOF, to: '2026-04-01' });
    expect(dealWindow({ expected_close: '2026-03-10' as IsoDate }, ASOF)).toEqual({ from: ASOF, to: '2026-03-10' });
    expect(dealWindow({ expected_close: '2026-02-10' as IsoDate }, ASOF)).toEqual({ from: ASOF, to: ASOF });
    expect(dealWindow({}, ASOF)).toEqual({ from: ASOF, to: ASOF });
    // lines of the same item are added up: 2 + 3 = 5
    expect(dealPushes({ id: 'D', lines: [{ item: 'A', qty: Dec.of('2') }, { item: 'B', qty: Dec.of('1') }, { item: 'A', qty: Dec.of('3') }] }, ASOF).map((p) => `${p.item} ${p.demand.toString()}`)).toEqual(['A 5', 'B 1']);
  });
});
