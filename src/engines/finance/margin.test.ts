import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { margin, marginPct, type SaleLine, type UnitCost } from './margin.js';

const line = (doc: string, item: string | null, qty: string, revenue: string, o: Partial<SaleLine> = {}): SaleLine => ({
  doc,
  kind: 'invoice',
  line: 1,
  date: '2026-11-02' as IsoDate,
  customer: 'C1',
  item,
  description: null,
  qty: Dec.of(qty),
  revenue: Dec.of(revenue),
  ...o,
});
const costs: Record<string, UnitCost> = { A: { known: true, cost: Dec.of('3.3333') }, B: { known: false, reason: 'no cost for B' } };
const opts = { minor: 2, rounding: 'half-up' as const, unitCost: (i: string) => costs[i] ?? { known: false as const, reason: `${i} is not in inventory/items` } };

describe('margin', () => {
  it('margin % is half-up to 2 decimals', () => {
    expect(marginPct(Dec.of('1.00'), Dec.of('800.00'))!.toString()).toBe('0.13'); // 0.125% → 0.13 (half-even would give 0.12)
    expect(marginPct(Dec.of('-1.00'), Dec.of('800.00'))!.toString()).toBe('-0.13'); // half away from zero
    expect(marginPct(Dec.of('1.00'), Dec.ZERO)).toBeNull();
    expect(marginPct(Dec.of('-50.00'), Dec.of('-50.00'))).toBeNull(); // a row of credits only
  });

  it('costs are summed exactly and rounded once per row; credit notes lower revenue only', () => {
    // three lines of 1 × 3.3333: summed exactly 9.9999, rounded once → 10.00 (rounding each line first would give 3 × 3.33 = 9.99)
    const r = margin([line('I1', 'A', '1', '5.00'), line('I2', 'A', '1', '5.00'), line('I3', 'A', '1', '5.00'), line('C1', 'A', '1', '-1.50', { kind: 'credit-note' })], { ...opts, by: 'product' });
    // revenue 15.00 − 1.50 = 13.50; cost 3 × 3.3333 = 9.9999 → 10.00 (the credit note costs nothing); margin 3.50; 3.50 / 13.50 = 25.925… → 25.93%
    expect(r.rows).toHaveLength(1);
    const a = r.rows[0]!;
    expect([a.key, a.qty!.toString(), a.unit_cost!.toString(), a.revenue.toString(), a.cost!.toString(), a.margin!.toString(), a.margin_pct!.toString(), a.cost_unknown.toString()]).toEqual(['A', '3', '3.3333', '13.50', '10.00', '3.50', '25.93', '0.00']);
  });

  it('lines without an item or a cost are cost unknown: no cost, margin or % of their own, and out of the others', () => {
    const r = margin([line('I1', 'A', '3', '30.00'), line('I1', 'B', '2', '8.00', { line: 2 }), line('I2', null, '1', '12.00', { description: 'installation', customer: 'C2', date: '2026-12-01' as IsoDate })], { ...opts, by: 'product' });
    const show = (x: (typeof r.rows)[number]) => [x.key, x.revenue.toString(), x.cost?.toString() ?? null, x.margin?.toString() ?? null, x.margin_pct?.toString() ?? null, x.cost_unknown.toString()];
    // A: 30.00 − 3 × 3.3333 (9.9999 → 10.00) = 20.00, 66.67%; B and the line without item: unknown
    expect(r.rows.map(show)).toEqual([
      ['A', '30.00', '10.00', '20.00', '66.67', '0.00'],
      ['B', '8.00', null, null, null, '8.00'],
      [null, '12.00', null, null, null, '12.00'],
    ]);
    // total: revenue 50.00, of which 20.00 cost unknown; margin = 50 − 20 − 10 = 20.00 over 30.00 → 66.67%
    expect(show(r.total)).toEqual([null, '50.00', '10.00', '20.00', '66.67', '20.00']);
    expect(r.unknown.map((u) => `${u.doc}/${u.line} ${u.reason}`)).toEqual(['I1/2 no cost for B', 'I2/1 no item']);
    // by month and customer the same lines group differently
    expect(margin([line('I1', 'A', '3', '30.00'), line('I2', null, '1', '12.00', { customer: 'C2', date: '2026-12-01' as IsoDate })], { ...opts, by: 'month' }).rows.map((x) => x.key)).toEqual(['2026-11', '2026-12']);
  });
});
