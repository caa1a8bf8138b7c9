/**
 * Ticket SLA clocks (pure).
 *
 * Each ticket has two targets from sla.priorities (its priority): first response and resolution.
 * Elapsed time runs from `opened` to `first_response` (a resolved ticket without a first response
 * counts its resolution as the response) and to `resolved`; while a ticket is open or pending and
 * the event has not happened, the clock runs to "now" (the end of the as-of day unless a time is
 * given). Pending tickets keep their clock running.
 * - calendar clock: minutes between the two instants;
 * - business clock: only working days of the workspace calendar between day_start and day_end
 *   (WorkCalendar.businessMinutes); the due instant is addBusinessMinutes(opened, target).
 * State of each clock: met (done within target), breached (done late), running (not done, within
 * target), overdue (not done, past target), n/a (closed without that time).
 * A ticket is overdue when a clock of it is overdue; it breached when a clock is breached or overdue.
 */
import type { Dec } from '../../domain/decimal.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { naturalCompare } from '../../util/natural.js';
import type { SlaTarget } from '../../workspace/config.js';

export type ClockMode = 'calendar' | 'business';
export type ClockState = 'met' | 'breached' | 'running' | 'overdue' | 'n/a';

export interface TicketIn {
  readonly id: string;
  readonly customer: string;
  readonly subject: string;
  readonly category?: string;
  readonly priority: string;
  readonly status: 'open' | 'pending' | 'resolved' | 'closed';
  /** Minutes since the epoch. */
  readonly opened: number;
  readonly first_response?: number;
  readonly resolved?: number;
  readonly owner?: string;
  readonly sales_order?: string;
}

export interface Clock {
  readonly target: number;
  /** Elapsed minutes (to the event, or to now while it has not happened); null for n/a. */
  readonly elapsed: number | null;
  /** Instant the target falls due. */
  readonly due: number;
  readonly state: ClockState;
}

export interface TicketSla {
  readonly id: string;
  readonly customer: string;
  readonly subject: string;
  readonly category: string | null;
  readonly priority: string;
  readonly status: TicketIn['status'];
  readonly owner: string | null;
  readonly opened: number;
  readonly sales_order: string | null;
  readonly first_response: Clock;
  readonly resolution: Clock;
  /** Open (or pending) at "now". */
  readonly open: boolean;
  readonly overdue: boolean;
  readonly breached: boolean;
}

export interface TicketSpec {
  /** "Now" in minutes since the epoch. */
  readonly now: number;
  readonly clock: ClockMode;
  readonly calendar: WorkCalendar;
  readonly targets: ReadonlyMap<string, SlaTarget>;
}

export function isOpen(t: { status: TicketIn['status'] }): boolean {
  return t.status === 'open' || t.status === 'pending';
}

export function ticketSla(t: TicketIn, spec: TicketSpec): TicketSla {
  const target = spec.targets.get(t.priority) ?? { first_response: Infinity, resolution: Infinity };
  // Events after "now" have not happened yet (a past as-of date sees a later-resolved ticket open).
  const resolved = t.resolved !== undefined && t.resolved <= spec.now ? t.resolved : undefined;
  const responded = t.first_response !== undefined && t.first_response <= spec.now ? t.first_response : resolved;
  const open = isOpen(t) || (t.resolved !== undefined && resolved === undefined);
  const span = (a: number, b: number) => (spec.clock === 'business' ? spec.calendar.businessMinutes(a, b) : Math.max(0, b - a));
  const due = (m: number) => (!Number.isFinite(m) ? Infinity : spec.clock === 'business' ? spec.calendar.addBusinessMinutes(t.opened, m) : t.opened + m);
  const clock = (targetMin: number, at: number | undefined): Clock => {
    if (at !== undefined) {
      const e = span(t.opened, at);
      return { target: targetMin, elapsed: e, due: due(targetMin), state: e <= targetMin ? 'met' : 'breached' };
    }
    if (!open) return { target: targetMin, elapsed: null, due: due(targetMin), state: 'n/a' };
    const e = span(t.opened, spec.now);
    return { target: targetMin, elapsed: e, due: due(targetMin), state: e <= targetMin ? 'running' : 'overdue' };
  };
  const fr = clock(target.first_response, responded);
  const res = clock(target.resolution, resolved);
  const overdue = fr.state === 'overdue' || res.state === 'overdue';
  return {
    id: t.id,
    customer: t.customer,
    subject: t.subject,
    category: t.category ?? null,
    priority: t.priority,
    status: t.status,
    owner: t.owner ?? null,
    opened: t.opened,
    sales_order: t.sales_order ?? null,
    first_response: fr,
    resolution: res,
    open,
    overdue,
    breached: overdue || fr.state === 'breached' || res.state === 'breached',
  };
}

export interface TicketGroup {
  readonly key: string | null;
  readonly tickets: number;
  readonly open: number;
  readonly overdue: number;
  readonly breached_first_response: number;
  readonly breached_resolution: number;
  /** Average minutes to first response over tickets that had one (rounded half-up to a minute). */
  readonly avg_first_response_min: number | null;
  readonly avg_resolution_min: number | null;
}

/** Group summaries; keys sorted with null ("none") last, or in the given order. */
export function groupTickets(rows: readonly TicketSla[], keyOf: (t: TicketSla) => string | null, order?: readonly string[]): TicketGroup[] {
  const groups = new Map<string | null, TicketSla[]>();
  for (const k of order ?? []) groups.set(k, []);
  for (const t of rows) {
    const k = keyOf(t);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(t);
  }
  const keys = [...groups.keys()];
  if (!order) keys.sort((a, b) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : naturalCompare(a, b)));
  return keys.map((k) => summarise(k, groups.get(k)!));
}

function avg(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = xs.reduce((a, b) => a + b, 0);
  return Math.floor((2 * s + xs.length) / (2 * xs.length)); // half-up of s / n for s, n ≥ 0
}

export function summarise(key: string | null, ts: readonly TicketSla[]): TicketGroup {
  const done = (c: Clock) => c.state === 'met' || c.state === 'breached';
  return {
    key,
    tickets: ts.length,
    open: ts.filter((t) => t.open).length,
    overdue: ts.filter((t) => t.overdue).length,
    breached_first_response: ts.filter((t) => t.first_response.state === 'breached' || t.first_response.state === 'overdue').length,
    breached_resolution: ts.filter((t) => t.resolution.state === 'breached' || t.resolution.state === 'overdue').length,
    avg_first_response_min: avg(ts.filter((t) => done(t.first_response)).map((t) => t.first_response.elapsed!)),
    avg_resolution_min: avg(ts.filter((t) => done(t.resolution)).map((t) => t.resolution.elapsed!)),
  };
}

/** Durations in hours and minutes: 85 → "1h25m", 3250 → "54h10m", 45 → "0h45m". */
export function formatMinutes(m: number | null): string {
  if (m === null || !Number.isFinite(m)) return '';
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Status of a sales order for a ticket: draft, cancelled, closed, open, partly shipped or shipped. */
export function orderStatus(so: { status: string; lines: readonly { qty: Dec; shipped: Dec }[] }): string {
  if (so.status !== 'open') return so.status;
  const any = so.lines.some((l) => l.shipped.sign() > 0);
  const all = so.lines.every((l) => l.shipped.cmp(l.qty) >= 0);
  return all ? 'shipped' : any ? 'partly shipped' : 'open';
}
