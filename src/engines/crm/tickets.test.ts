import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar.js';
import { Dec } from '../../domain/decimal.js';
import { parseDateTime } from '../../domain/dates.js';
import { formatMinutes, groupTickets, orderStatus, ticketSla, type TicketIn } from './tickets.js';

const at = (s: string) => parseDateTime(s)!.minutes;
const calendar = new WorkCalendar({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: new Set(), extra_workdays: new Set(), day_start: 9 * 60, day_end: 18 * 60 });
const targets = new Map([['high', { first_response: 4 * 60, resolution: 16 * 60 }]]);
// 2026-11-13 is a Friday, 2026-11-16 a Monday.
const ticket: TicketIn = { id: 'T1', customer: 'K1', subject: 's', priority: 'high', status: 'open', opened: at('2026-11-13 16:00'), first_response: at('2026-11-16 10:30') };
const now = at('2026-11-17 00:00'); // end of the as-of day 2026-11-16

describe('SLA clocks', () => {
  it('business hours skip the weekend', () => {
    const t = ticketSla(ticket, { now, clock: 'business', calendar, targets });
    // first response: Fri 16:00–18:00 = 2h, Mon 09:00–10:30 = 1h30 → 3h30 = 210 min ≤ 240: met
    // due: 2h on Friday, 2h more from Monday 09:00 → Mon 11:00
    expect([t.first_response.elapsed, t.first_response.state, t.first_response.due]).toEqual([210, 'met', at('2026-11-16 11:00')]);
    // resolution: not resolved; Fri 2h + Mon 9h = 11h = 660 min ≤ 960: running, due Tue 16h − 11h = 5h after 09:00 = 14:00
    expect([t.resolution.elapsed, t.resolution.state, t.resolution.due]).toEqual([660, 'running', at('2026-11-17 14:00')]);
    expect([t.overdue, t.breached]).toEqual([false, false]);
  });

  it('calendar time counts the weekend', () => {
    const t = ticketSla(ticket, { now, clock: 'calendar', calendar, targets });
    // first response: Fri 16:00 → Mon 10:30 = 2 days 18h30 = 66h30 = 3990 min > 240: breached
    expect([t.first_response.elapsed, t.first_response.state]).toEqual([3990, 'breached']);
    // resolution: Fri 16:00 → Tue 00:00 = 80h = 4800 min > 960: overdue
    expect([t.resolution.elapsed, t.resolution.state, t.overdue, t.breached]).toEqual([4800, 'overdue', true, true]);
  });

  it('a holiday Monday is not counted in business hours', () => {
    const hol = new WorkCalendar({ ...calendar.spec, holidays: new Set(['2026-11-16']) });
    const t = ticketSla({ ...ticket, first_response: undefined }, { now, clock: 'business', calendar: hol, targets });
    // only Friday 16:00–18:00 = 120 min so far
    expect([t.first_response.elapsed, t.first_response.state]).toEqual([120, 'running']);
  });

  it('closed tickets: met, breached, or n/a without a time; summaries', () => {
    const spec = { now, clock: 'calendar' as const, calendar, targets };
    const a = ticketSla({ ...ticket, id: 'A', status: 'closed', first_response: at('2026-11-13 17:00'), resolved: at('2026-11-14 07:00') }, spec); // 60 min, 900 min
    const b = ticketSla({ ...ticket, id: 'B', status: 'resolved', first_response: undefined, resolved: at('2026-11-14 10:00') }, spec); // 1080 min both
    const c = ticketSla({ ...ticket, id: 'C', status: 'closed', first_response: undefined }, spec);
    expect([a.first_response.state, a.resolution.state, b.first_response.state, b.resolution.state, c.first_response.state, c.resolution.state]).toEqual(['met', 'met', 'breached', 'breached', 'n/a', 'n/a']);
    const [g] = groupTickets([a, b, c], (t) => t.priority);
    // average first response (60 + 1080) / 2 = 570; resolution (900 + 1080) / 2 = 990
    expect(g).toEqual({ key: 'high', tickets: 3, open: 0, overdue: 0, breached_first_response: 1, breached_resolution: 1, avg_first_response_min: 570, avg_resolution_min: 990 });
    expect(formatMinutes(85)).toBe('1h25m');
    expect(formatMinutes(3990)).toBe('66h30m');
  });

  it('a ticket resolved after "now" is still open then', () => {
    const t = ticketSla({ ...ticket, status: 'closed', first_response: at('2026-11-16 10:30'), resolved: at('2026-11-18 12:00') }, { now, clock: 'calendar', calendar, targets });
    // as of the end of 11-16 it was open: resolution Fri 16:00 → Tue 00:00 = 4800 min > 960, overdue
    expect([t.open, t.resolution.state, t.resolution.elapsed, t.first_response.state]).toEqual([true, 'overdue', 4800, 'breached']);
    const early = ticketSla({ ...ticket, first_response: at('2026-11-16 10:30') }, { now: at('2026-11-16 10:00'), clock: 'calendar', calendar, targets });
    // at 10:00 on Monday the 10:30 response has not happened: running since Fri 16:00 = 66h > 4h
    expect([early.first_response.state, early.first_response.elapsed]).toEqual(['overdue', 3960]);
  });

  it('sales order status', () => {
    const l = (qty: string, shipped: string) => ({ qty: Dec.of(qty), shipped: Dec.of(shipped) });
    expect(orderStatus({ status: 'open', lines: [l('60', '60'), l('60', '20')] })).toBe('partly shipped');
    expect(orderStatus({ status: 'open', lines: [l('60', '0')] })).toBe('open');
    expect(orderStatus({ status: 'open', lines: [l('60', '60')] })).toBe('shipped');
    expect(orderStatus({ status: 'closed', lines: [l('60', '60')] })).toBe('closed');
  });
});
