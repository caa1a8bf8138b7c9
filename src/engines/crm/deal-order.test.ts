import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { calendar } from '../mrp/testkit.js';
import { orderFromDeal, type ItemFacts } from './deal-order.js';

const cal = calendar(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], ['2026-10-10']);
const items: Record<string, ItemFacts> = { DESK: { price: Dec.of('1180.00'), tax_rate: Dec.of('0.13'), leadTime: 3 }, CHAIR: { leadTime: 0 } };
const opts = { id: 'SO-9', date: '2026-09-30' as IsoDate, item: (i: string) => items[i], addWorkdays: (d: IsoDate, n: number) => cal.addWorkdays(d, n) };
const deal = { id: 'D1', customer: 'C1', owner: 'E1', lines: [{ item: 'DESK', qty: Dec.of('4') }, { item: 'CHAIR', qty: Dec.of('2'), price: Dec.of('300.00'), discount: Dec.of('0.05') }] };

describe('orderFromDeal', () => {
  it('lines from the deal; due = order date + lead time in working days on the calendar', () => {
    const r = orderFromDeal(deal, opts);
    if (!r.ok) throw new Error(r.message);
    // Wed 09-30 + 3 working days: 10-01…10-07 are holidays, Thu 10-08, Fri 10-09, Sat 10-10 (worked) → 10-10;
    // CHAIR has lead time 0 → the order date
    expect(r.order.lines.map((l) => [l.line, l.item, l.qty.toString(), l.price.toString(), l.priceFrom, l.discount?.toString() ?? null, l.tax_rate?.toString() ?? null, l.due, l.dueFrom])).toEqual([
      [1, 'DESK', '4', '1180.00', 'item', null, '0.13', '2026-10-10', 'lead_time'],
      [2, 'CHAIR', '2', '300.00', 'deal', '0.05', null, '2026-09-30', 'lead_time'],
    ]);
    expect([r.order.id, r.order.customer, r.order.date, r.order.deal, r.order.owner]).toEqual(['SO-9', 'C1', '2026-09-30', 'D1', 'E1']);
  });
  it('requested_date, then --due, take precedence', () => {
    const a = orderFromDeal({ ...deal, requested_date: '2026-11-02' as IsoDate }, opts);
    const b = orderFromDeal({ ...deal, requested_date: '2026-11-02' as IsoDate }, { ...opts, due: '2026-12-01' as IsoDate });
    expect(a.ok && a.order.lines.map((l) => `${l.due} ${l.dueFrom}`)).toEqual(['2026-11-02 requested_date', '2026-11-02 requested_date']);
    expect(b.ok && b.order.lines.map((l) => `${l.due} ${l.dueFrom}`)).toEqual(['2026-12-01 flag', '2026-12-01 flag']);
  });
  it('refuses a deal without lines, and a line without any price', () => {
    const none = orderFromDeal({ id: 'D2', customer: 'C1' }, opts);
    expect(none.ok ? '' : none.message).toBe('deal D2 has no lines, so there is nothing to order');
    const noPrice = orderFromDeal({ id: 'D3', customer: 'C1', lines: [{ item: 'CHAIR', qty: Dec.ONE }, { item: 'LAMP', qty: Dec.ONE, price: Dec.ONE }] }, opts);
    expect(noPrice.ok ? '' : noPrice.message).toBe('line 1 of deal D3 (CHAIR) has no price, and item CHAIR has no list price');
    const unknown = orderFromDeal({ id: 'D4', customer: 'C1', lines: [{ item: 'LAMP', qty: Dec.ONE }] }, opts);
    expect(unknown.ok ? '' : unknown.message).toBe('line 1 of deal D4 (LAMP) has no price, and LAMP is not in inventory/items');
  });
});
