import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { PurchaseTotals } from './purchases.js';
import { abc, dormant, quintileCuts, rfm, rfmSegment } from './segments.js';

const d = (s: string) => s as IsoDate;
const D = (s: string) => Dec.of(s);
const AS_OF = d('2026-11-16');

describe('RFM', () => {
  // Ten buyers; cut ranks ⌈k·10/5⌉ = 2, 4, 6, 8.
  //          id    days  count value
  const spec: [string, number, number, string][] = [
    ['K01', 0, 1, '100.00'],
    ['K02', 5, 1, '200.00'],
    ['K03', 5, 2, '300.00'],
    ['K04', 10, 2, '400.00'],
    ['K05', 30, 2, '500.00'],
    ['K06', 30, 3, '600.00'],
    ['K07', 30, 4, '700.00'],
    ['K08', 60, 5, '800.00'],
    ['K09', 90, 8, '900.00'],
    ['K10', 365, 10, '1000.00'],
  ];
  const t = new PurchaseTotals(AS_OF);
  for (const [id, days, n, v] of spec) {
    // n purchases, the last `days` before the as-of date; the value on the last one
    for (let i = n - 1; i >= 0; i--) t.addFor(id, addDays(AS_OF, -days - i * 3), i === 0 ? D(v) : Dec.ZERO);
  }
  t.addFor('K01', d('2026-11-17'), D('99999.00')); // after the analysis date: ignored
  const r = rfm(t.buyers(), AS_OF);

  it('cut points by nearest rank', () => {
    // recency sorted: 0 5 5 10 30 30 30 60 90 365 → ranks 2,4,6,8 → 5, 10, 30, 60
    // frequency sorted: 1 1 2 2 2 3 4 5 8 10 → 1, 2, 3, 5
    // monetary: 100 … 1000 → 200, 400, 600, 800
    expect(r.cuts.recency_days).toEqual([5, 10, 30, 60]);
    expect(r.cuts.frequency).toEqual([1, 2, 3, 5]);
    expect(r.cuts.monetary.map(String)).toEqual(['200.00', '400.00', '600.00', '800.00']);
  });

  it('ties at a cut point share a bin; R is reversed; score = R×100 + F×10 + M', () => {
    // score(v) = 1 + #cuts below v.
    // R = 6 − score(days): 0 → 5, 5 → 5 (5 is not > 5), 10 → 4, 30 → 3 (all three), 60 → 2, 90 → 1, 365 → 1
    // F: 1 → 1, 2 → 2 (K03, K04, K05: ranks 3–5 straddle the rank-4 cut, same score), 3 → 3, 4 → 4, 5 → 4, 8 → 5, 10 → 5
    // M: 100 → 1, 200 → 1, 300 → 2, 400 → 2, 500 → 3, 600 → 3, 700 → 4, 800 → 4, 900 → 5, 1000 → 5
    const got = Object.fromEntries(r.rows.map((x) => [x.customer, [x.recency_days, x.r, x.f, x.m, x.score, x.segment]]));
    expect(got).toEqual({
      K01: [0, 5, 1, 1, 511, 'new'],
      K02: [5, 5, 1, 1, 511, 'new'],
      K03: [5, 5, 2, 2, 522, 'potential loyalist'],
      K04: [10, 4, 2, 2, 422, 'potential loyalist'],
      K05: [30, 3, 2, 3, 323, 'about to sleep'],
      K06: [30, 3, 3, 3, 333, 'need attention'],
      K07: [30, 3, 4, 4, 344, 'loyal'],
      K08: [60, 2, 4, 4, 244, 'at risk'],
      K09: [90, 1, 5, 5, 155, "can't lose"],
      K10: [365, 1, 5, 5, 155, "can't lose"],
    });
    // highest score first, ties by id
    expect(r.rows.map((x) => x.customer)).toEqual(['K03', 'K01', 'K02', 'K04', 'K07', 'K06', 'K05', 'K08', 'K09', 'K10']);
  });

  it('a single buyer and the segment grid corners', () => {
    expect(quintileCuts([7])).toEqual([7, 7, 7, 7]);
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(1, 1)).toBe('lost');
    expect(rfmSegment(2, 2)).toBe('hibernating');
    expect(rfmSegment(4, 1)).toBe('promising');
    expect(rfmSegment(2, 5)).toBe("can't lose");
  });

  it('credit notes lower the value but are not purchases', () => {
    const p = new PurchaseTotals(AS_OF);
    p.addFor('K1', d('2026-10-01'), D('1000.00'));
    p.addFor('K1', d('2026-11-01'), D('-200.00'), false);
    p.addFor('K2', d('2026-11-01'), D('-50.00'), false); // only a credit: not a buyer
    expect(p.buyers().map((c) => [c.customer, c.count, c.last, c.value.toString()])).toEqual([['K1', 1, '2026-10-01', '800.00']]);
  });
});

describe('ABC', () => {
  it('the customer that crosses a cut takes the class above it', () => {
    // total 1000; cumulative 50%, 80%, 90%, 96%, 100%, 100%
    // K2 reaches exactly 80% → A (share before it 50% < 80%); K3 starts at 80% → B;
    // K4 crosses 95% (90% → 96%) → B; K5 starts at 96% → C; zero revenue → C
    const r = abc([
      { customer: 'K5', value: D('40') },
      { customer: 'K1', value: D('500') },
      { customer: 'K3', value: D('100') },
      { customer: 'K2', value: D('300') },
      { customer: 'K6', value: D('0') },
      { customer: 'K4', value: D('60') },
    ]);
    expect(r.rows.map((x) => [x.rank, x.customer, x.cumulative_pct?.toString(), x.class])).toEqual([
      [1, 'K1', '50.00', 'A'],
      [2, 'K2', '80.00', 'A'],
      [3, 'K3', '90.00', 'B'],
      [4, 'K4', '96.00', 'B'],
      [5, 'K5', '100.00', 'C'],
      [6, 'K6', '100.00', 'C'],
    ]);
    expect(r.classes.map((c) => [c.class, c.customers, c.revenue.toString(), c.share_pct?.toString()])).toEqual([
      ['A', 2, '800', '80.00'],
      ['B', 2, '160', '16.00'],
      ['C', 2, '40', '4.00'],
    ]);
  });
});

describe('win-back', () => {
  it('bought before, not within N days: days since the last purchase ≥ N', () => {
    const p = new PurchaseTotals(AS_OF);
    p.addFor('K1', d('2025-11-16'), D('100.00')); // 365 days → dormant at N = 365
    p.addFor('K2', d('2025-11-17'), D('900.00')); // 364 days → not
    p.addFor('K3', d('2024-01-01'), D('50.00'));
    p.addFor('K3', d('2025-06-01'), D('60.00')); // 533 days, lifetime 110.00
    expect(dormant(p.buyers(), AS_OF, 365).map((r) => [r.customer, r.days_since, r.purchases, r.lifetime_value.toString()])).toEqual([
      ['K3', 533, 2, '110.00'], // highest lifetime value first
      ['K1', 365, 1, '100.00'],
    ]);
  });
});
