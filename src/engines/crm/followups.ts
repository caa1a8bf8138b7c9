/**
 * Follow-ups due (pure): activities not done, created on or before the as-of date, whose due date
 * (their `due`, else their `date`) is on or before the as-of date, and the next steps of open deals
 * whose `next_step_date` is on or before it. Ordered by owner (no owner last), then due date, then id.
 */
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { DealFacts } from './deals.js';

export interface FollowupActivityIn {
  readonly id: string;
  readonly date: IsoDate;
  readonly kind: string;
  readonly customer?: string;
  readonly deal?: string;
  readonly owner?: string;
  readonly subject: string;
  readonly due?: IsoDate;
  readonly done: boolean;
}

export interface Followup {
  readonly owner: string | null;
  readonly due: IsoDate;
  readonly days_overdue: number;
  /** Activity kind, or "next-step" for a deal's next step. */
  readonly kind: string;
  /** Activity id, or the deal id for a next step. */
  readonly id: string;
  readonly customer: string | null;
  readonly deal: string | null;
  readonly subject: string;
}

export function followups(activities: readonly FollowupActivityIn[], deals: readonly DealFacts[], asOf: IsoDate): Followup[] {
  const dealCustomer = new Map(deals.map((d) => [d.id, d.customer]));
  const out: Followup[] = [];
  for (const a of activities) {
    if (a.done || a.date > asOf) continue;
    const due = a.due ?? a.date;
    if (due > asOf) continue;
    out.push({ owner: a.owner ?? null, due, days_overdue: diffDays(asOf, due), kind: a.kind, id: a.id, customer: a.customer ?? (a.deal ? (dealCustomer.get(a.deal) ?? null) : null), deal: a.deal ?? null, subject: a.subject });
  }
  for (const d of deals) {
    if (d.kind !== 'open' || d.nextStepDate === null || d.nextStepDate > asOf) continue;
    out.push({ owner: d.owner, due: d.nextStepDate, days_overdue: diffDays(asOf, d.nextStepDate), kind: 'next-step', id: d.id, customer: d.customer, deal: d.id, subject: d.nextStep ?? d.title });
  }
  return out.sort(
    (a, b) =>
      (a.owner === null ? (b.owner === null ? 0 : 1) : b.owner === null ? -1 : naturalCompare(a.owner, b.owner)) ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      naturalCompare(a.id, b.id) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}
