import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { DEFAULT_STAGES } from '../../workspace/config.js';
import type { DealIn } from './deals.js';
import { facts } from './fixtures.test-util.js';
import { funnel, pipeline, stageTime } from './pipeline.js';
import { Stages } from './stages.js';

const d = (s: string) => s as IsoDate;
const D = (s: string) => Dec.of(s);
const stages = new Stages(DEFAULT_STAGES); // lead 10%/14d, qualified 25%/14d, proposal 50%/10d, negotiation 75%/7d
const AS_OF = d('2026-11-16');


const base = { customer: 'K1', created: d('2026-10-01') };
const DEALS: DealIn[] = [
  { ...base, id: 'D1', title: 'one', owner: 'E1', stage: 'lead', amount: D('10000.00'), expected_close: d('2026-11-30'), history: [{ stage: 'lead', date: d('2026-11-01') }] },
  { ...base, id: 'D2', title: 'two', owner: 'E2', stage: 'proposal', amount: D('20000.00'), probability: D('0.8'), expected_close: d('2026-12-05'), history: [{ stage: 'proposal', date: d('2026-11-01') }] },
  { ...base, id: 'D3', title: 'three', owner: 'E1', stage: 'proposal', amount: D('3333.33'), expected_close: d('2026-11-10'), history: [{ stage: 'proposal', date: d('2026-11-10') }] },
  // amount from lines: 3 × 99.99 × (1 − 10%) = 269.973 → 269.97; probability overridden to 33.3%
  { ...base, id: 'D4', title: 'four', stage: 'negotiation', probability: D('0.333'), created: d('2026-11-09'), lines: [{ item: 'X', qty: D('3'), price: D('99.99'), discount: D('0.10') }] },
  { ...base, id: 'D5', title: 'won', owner: 'E1', stage: 'won', amount: D('50000.00'), closed: d('2026-11-02') },
  { ...base, id: 'D6', title: 'lost', owner: 'E2', stage: 'lost', amount: D('7000.00'), closed: d('2026-11-03') },
];
const ACTIVITIES = [
  { deal: 'D1', date: d('2026-11-10') },
  { deal: 'D2', date: d('2026-11-05') },
  { deal: 'D2', date: d('2026-11-20') }, // after the as-of date: ignored
  { date: d('2026-11-15') }, // not linked to a deal
];

describe('pipeline', () => {
  const r = pipeline(facts(DEALS), ACTIVITIES, stages, { asOf: AS_OF, closingDays: 30, minor: 2, rounding: 'half-up' });

  it('sums open deals per stage with overridden probabilities, rounding each sum once', () => {
    // lead: D1 10000 × 10% = 1000
    // proposal: D2 20000 × 80% (override) = 16000; D3 3333.33 × 50% = 1666.665 → Σ 17666.665 → 17666.67
    // negotiation: D4 269.97 × 33.3% = 89.90001 → 89.90
    expect(r.stages.map((s) => [s.stage, s.count, s.amount.toString(), s.weighted.toString()])).toEqual([
      ['lead', 1, '10000.00', '1000.00'],
      ['qualified', 0, '0.00', '0.00'],
      ['proposal', 2, '23333.33', '17666.67'],
      ['negotiation', 1, '269.97', '89.90'],
    ]);
    // total: 10000 + 23333.33 + 269.97 = 33603.30; weighted 1000 + 17666.665 + 89.90001 = 18756.56501 → 18756.57
    expect([r.total.count, r.total.amount.toString(), r.total.weighted.toString()]).toEqual([4, '33603.30', '18756.57']);
  });

  it('by owner, owners in natural order and no owner last', () => {
    // E1: D1 + D3 = 13333.33, weighted 1000 + 1666.665 = 2666.665 → 2666.67
    expect(r.owners.map((o) => [o.owner, o.count, o.amount.toString(), o.weighted.toString()])).toEqual([
      ['E1', 2, '13333.33', '2666.67'],
      ['E2', 1, '20000.00', '16000.00'],
      [null, 1, '269.97', '89.90'],
    ]);
  });

  it('forecast by expected-close month: overdue first, none last', () => {
    expect(r.forecast.map((f) => [f.month, f.count, f.weighted.toString()])).toEqual([
      ['overdue', 1, '1666.67'], // D3, expected 11-10
      ['2026-11', 1, '1000.00'], // D1
      ['2026-12', 1, '16000.00'], // D2
      ['none', 1, '89.90'], // D4
    ]);
  });

  it('closing in the next 30 days (11-16 … 12-16), soonest first', () => {
    expect(r.closing.map((c) => [c.id, c.days_left])).toEqual([
      ['D1', 14], // 11-30 − 11-16
      ['D2', 19], // 12-05 − 11-16
    ]);
  });

  it('at risk: past expected close or idle longer than the stage rot days', () => {
    // D1 lead: last activity 11-10 → idle 6 ≤ 14. D2 proposal: entered 11-01, last activity 11-05 (11-20 is
    // after the as-of date) → idle 11 > 10: rotting. D3: expected 11-10 < 11-16: past close by 6 days; entered
    // 11-10, idle 6 ≤ 10. D4 negotiation: created 11-09, no history, no activity → idle 7, not more than 7.
    expect(r.at_risk.map((a) => [a.id, a.reasons, a.last_activity, a.idle_days, a.days_past_close])).toEqual([
      ['D2', ['rotting'], '2026-11-05', 11, null],
      ['D3', ['past-close'], '2026-11-10', 6, 6],
    ]);
  });

  it('a past --as-of shows the stage of the history then', () => {
    const f = facts([{ ...base, id: 'D9', title: 'x', stage: 'won', amount: D('1.00'), closed: d('2026-11-05'), history: [
      { stage: 'lead', date: d('2026-10-01') }, { stage: 'proposal', date: d('2026-10-20') }, { stage: 'won', date: d('2026-11-05') },
    ] }], d('2026-10-25'));
    expect([f[0]!.stage, f[0]!.kind, f[0]!.entered, f[0]!.closed]).toEqual(['proposal', 'open', '2026-10-20', null]);
    expect(facts([{ ...base, id: 'D9', title: 'x', stage: 'lead', created: d('2026-12-01') }])).toEqual([]); // created later
  });
});

describe('funnel and time in stage', () => {
  const h = (...xs: [string, string][]) => xs.map(([stage, date]) => ({ stage, date: d(date) }));
  const deals = facts([
    { ...base, id: 'W1', title: '', stage: 'won', history: h(['lead', '2026-01-01'], ['qualified', '2026-01-11'], ['proposal', '2026-01-21'], ['negotiation', '2026-02-10'], ['won', '2026-02-15']) },
    { ...base, id: 'W2', title: '', stage: 'won', history: h(['lead', '2026-03-01'], ['proposal', '2026-03-05'], ['won', '2026-03-25']) },
    { ...base, id: 'L1', title: '', stage: 'lost', history: h(['lead', '2026-04-01'], ['qualified', '2026-04-03'], ['proposal', '2026-04-10'], ['lost', '2026-04-30']) },
    { ...base, id: 'L2', title: '', stage: 'lost', history: h(['lead', '2026-05-01'], ['lost', '2026-05-31']) },
    { ...base, id: 'O1', title: '', stage: 'qualified', history: h(['lead', '2026-10-01'], ['qualified', '2026-11-06']) },
    // moved back from negotiation to proposal: it still reached negotiation
    { ...base, id: 'O2', title: '', stage: 'proposal', history: h(['lead', '2026-10-01'], ['negotiation', '2026-10-11'], ['proposal', '2026-11-01']) },
  ]);

  it('reached, advanced, conversion and drop-off', () => {
    // levels: L2 lead(0), O1 qualified(1), L1 proposal(2), O2 negotiation(3), W1 W2 won(4)
    // reached: lead 6, qualified 5, proposal 4, negotiation 3, won 2
    expect(funnel(deals, stages).map((f) => [f.stage, f.reached, f.advanced, f.conversion_pct?.toString() ?? null, f.drop_off, f.drop_off_pct?.toString() ?? null, f.lost_here, f.open_here])).toEqual([
      ['lead', 6, 5, '83.33', 1, '16.67', 1, 0], // 5/6 = 83.333…%
      ['qualified', 5, 4, '80.00', 1, '20.00', 0, 1],
      ['proposal', 4, 3, '75.00', 1, '25.00', 1, 0],
      ['negotiation', 3, 2, '66.67', 1, '33.33', 0, 1], // 2/3
      ['won', 2, null, null, null, null, 0, 0],
    ]);
  });

  it('average days per completed stay, and the age of open deals now', () => {
    // lead stays: W1 10 (01-01→01-11), W2 4 (03-01→03-05), L1 2, L2 30, O1 36 (10-01→11-06), O2 10 → 92 / 6 = 15.33… → 15.3
    // qualified: W1 10, L1 7 → 8.5; proposal: W1 20, W2 20, L1 20 → 20.0; negotiation: W1 5, O2 21 → 13.0
    // open now: O1 qualified since 11-06 → 10 days; O2 proposal since 11-01 → 15 days
    expect(stageTime(deals, stages, AS_OF).map((s) => [s.stage, s.stays, s.avg_days?.toString() ?? null, s.open_now, s.avg_age_now?.toString() ?? null])).toEqual([
      ['lead', 6, '15.3', 0, null],
      ['qualified', 2, '8.5', 1, '10.0'],
      ['proposal', 3, '20.0', 1, '15.0'],
      ['negotiation', 2, '13.0', 0, null],
    ]);
  });
});
