import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { campaignRoi } from './campaigns.js';
import { facts } from './fixtures.test-util.js';

const d = (s: string) => s as IsoDate;
const D = (s: string) => Dec.of(s);
const base = { title: '', created: d('2026-06-10'), closed: d('2026-07-01') };

describe('campaign ROI', () => {
  const campaigns = [
    { id: 'X', name: 'expo', start: d('2026-06-01'), cost: D('10000.00') },
    { id: 'Y', name: 'free', start: d('2026-06-01'), cost: D('0.00') },
    { id: 'Z', name: 'future', start: d('2026-12-01'), cost: D('500.00') }, // starts after the as-of date
  ];
  const customers = [{ id: 'K1', source: 'X' }, { id: 'K2', source: 'X' }, { id: 'K3' }, { id: 'K4', source: 'Y' }];
  const deals = facts([
    { ...base, id: 'd1', customer: 'K1', stage: 'won', amount: D('20000.00'), campaign: 'X' },
    { ...base, id: 'd2', customer: 'K3', stage: 'won', amount: D('15000.00'), campaign: 'X' },
    { ...base, id: 'd3', customer: 'K3', stage: 'won', amount: D('5000.00'), campaign: 'X' },
    { ...base, id: 'd4', customer: 'K4', stage: 'lost', amount: D('8000.00'), campaign: 'X' },
    { ...base, id: 'd5', customer: 'K2', stage: 'proposal', amount: D('3000.00'), campaign: 'X' },
  ]);
  const purchases = [
    { customer: 'K1', date: d('2026-05-01'), value: D('1000.00'), counts: true }, // before X started
    { customer: 'K1', date: d('2026-07-01'), value: D('12000.00'), counts: true },
    { customer: 'K2', date: d('2026-08-01'), value: D('3000.00'), counts: true },
    { customer: 'K2', date: d('2026-08-05'), value: D('-500.00'), counts: false }, // credit note
  ];
  const spec = { asOf: d('2026-11-16'), minor: 2, rounding: 'half-up' as const };

  it('several won deals: the cost counts once', () => {
    const { rows } = campaignRoi({ campaigns, customers, deals, purchases: [] }, { ...spec, attribution: 'deals' });
    const x = rows[0]!;
    // leads: sources {K1, K2} ∪ deal customers {K1, K3, K4, K2} = 4 distinct
    // new customers: source X and bought: K1 (won d1); K2 has no won deal and no purchase → 1
    // revenue = 20000 + 15000 + 5000 = 40000 (won deals only); cost 10000 once
    // cost per lead = 10000 / 4 = 2500.00; CAC = 10000 / 1; ROI = (40000 − 10000) / 10000 = 300%
    expect([x.campaign, x.cost.toString(), x.leads, x.deals, x.won, x.new_customers, x.revenue.toString(), x.cost_per_lead?.toString(), x.cac?.toString(), x.roi_pct?.toString()]).toEqual(
      ['X', '10000.00', 4, 5, 3, 1, '40000.00', '2500.00', '10000.00', '300.00'],
    );
    // Y: no deals, one lead (K4), cost 0 → ROI undefined; Z has not started
    expect(rows.map((r) => r.campaign)).toEqual(['X', 'Y']);
    expect([rows[1]!.leads, rows[1]!.roi_pct, rows[1]!.cost_per_lead?.toString()]).toEqual([1, null, '0.00']);
  });

  it('invoice attribution: purchases of the customers the campaign brought, from its start', () => {
    const { rows, total } = campaignRoi({ campaigns, customers, deals, purchases }, { ...spec, attribution: 'invoices' });
    const x = rows[0]!;
    // revenue: K1 12000 (the 05-01 invoice predates the campaign) + K2 3000 − 500 = 14500
    // new customers: K1 and K2 (K2 bought on 08-01) = 2 → CAC 5000.00; ROI = (14500 − 10000) / 10000 = 45%
    expect([x.revenue.toString(), x.new_customers, x.cac?.toString(), x.roi_pct?.toString()]).toEqual(['14500.00', 2, '5000.00', '45.00']);
    // totals: cost 10000 + 0; leads K1 K2 K3 K4 = 4 distinct
    expect([total!.cost.toString(), total!.leads, total!.revenue.toString()]).toEqual(['10000.00', 4, '14500.00']);
  });
});
