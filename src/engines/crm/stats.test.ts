import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { parsePeriod } from '../../domain/periods.js';
import { facts } from './fixtures.test-util.js';
import { salesStats } from './stats.js';

const d = (s: string) => s as IsoDate;
const D = (s: string) => Dec.of(s);
const base = { title: '', customer: 'K1' };

describe('sales stats', () => {
  const deals = facts([
    { ...base, id: 'A', owner: 'E1', stage: 'won', amount: D('10000.00'), created: d('2026-06-01'), closed: d('2026-07-15') }, // in Q3, 44 days
    { ...base, id: 'B', owner: 'E2', stage: 'won', amount: D('25000.50'), created: d('2026-08-01'), closed: d('2026-09-30') }, // last day of Q3, 60 days
    { ...base, id: 'C', owner: 'E1', stage: 'lost', amount: D('5000.00'), created: d('2026-07-01'), closed: d('2026-08-20'), lost_reason: 'price' },
    { ...base, id: 'G', owner: 'E2', stage: 'lost', amount: D('1000.00'), created: d('2026-06-10'), closed: d('2026-07-01'), lost_reason: 'price' }, // first day of Q3
    { ...base, id: 'H', owner: 'E2', stage: 'lost', amount: D('800.00'), created: d('2026-06-10'), closed: d('2026-09-02') }, // no reason
    { ...base, id: 'X', stage: 'lost', amount: D('9000.00'), created: d('2026-08-01'), closed: d('2026-10-01'), lost_reason: 'price' }, // Q4: outside
    { ...base, id: 'Y', stage: 'won', amount: D('9000.00'), created: d('2026-05-01'), closed: d('2026-06-30') }, // Q2: outside
    { ...base, id: 'O1', stage: 'lead', amount: D('1.00'), created: d('2026-10-01') },
    { ...base, id: 'O2', stage: 'proposal', amount: D('1.00'), created: d('2026-10-01') },
    { ...base, id: 'O3', stage: 'negotiation', amount: D('1.00'), created: d('2026-10-01') },
  ]);
  const r = salesStats(deals, { period: parsePeriod('2026-Q3')!, asOf: d('2026-11-16'), minor: 2, rounding: 'half-up' });

  it('win rate, average won size, cycle and velocity for deals closed in the period', () => {
    // won A, B; lost C, G, H → win rate 2 / 5 = 40.00%
    expect([r.won, r.lost, r.win_rate_pct?.toString()]).toEqual([2, 3, '40.00']);
    // Σ won = 10000 + 25000.50 = 35000.50; average 17500.25
    expect([r.won_amount.toString(), r.avg_won_size?.toString()]).toEqual(['35000.50', '17500.25']);
    // cycles: A 06-01 → 07-15 = 30 + 14 = 44; B 08-01 → 09-30 = 31 + 29 = 60; Σ 104, average 52.0
    expect([r.cycle_days_total, r.avg_cycle_days?.toString()]).toEqual([104, '52.0']);
    // velocity = 3 open × 17500.25 × 40% ÷ 52 = 21000.30 / 52 = 403.8519… → 403.85
    //          = 3 × 35000.50 × 2 ÷ (5 × 104) = 210003 / 520 exactly = 403.851923…
    expect([r.open_deals, r.velocity_per_day?.toString()]).toEqual([3, '403.85']);
    expect(r.deals.map((x) => x.id)).toEqual(['G', 'A', 'C', 'H', 'B']); // by close date
  });

  it('lost reasons with counts, most frequent first, no reason last', () => {
    expect(r.lost_reasons.map((x) => [x.reason, x.count, x.amount.toString()])).toEqual([
      ['price', 2, '6000.00'], // C 5000 + G 1000 (X is in Q4)
      [null, 1, '800.00'],
    ]);
  });

  it('per owner', () => {
    // E1: won A, lost C → 50%; E2: won B, lost G and H → 33.33%
    expect(r.owners.map((o) => [o.owner, o.won, o.lost, o.win_rate_pct?.toString(), o.avg_cycle_days?.toString()])).toEqual([
      ['E1', 1, 1, '50.00', '44.0'],
      ['E2', 1, 2, '33.33', '60.0'],
    ]);
  });

  it('velocity is undefined when nothing was won', () => {
    const q4 = salesStats(deals, { period: parsePeriod('2026-Q4')!, asOf: d('2026-11-16'), minor: 2, rounding: 'half-up' });
    expect([q4.won, q4.lost, q4.win_rate_pct?.toString(), q4.avg_won_size, q4.velocity_per_day]).toEqual([0, 1, '0.00', null, null]);
  });
});
