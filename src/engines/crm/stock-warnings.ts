/**
 * Stock warnings for sales: campaigns and open deals that push a product whose
 * projected availability (engines/mrp/availability.ts) over their window cannot
 * cover the demand they expect.
 *
 * - A **campaign** pushes each of its `items` with its `expected_demand` (the same quantity
 *   for each item; 0 when not given) over its window max(start, as-of) … end. A campaign
 *   that ended before the as-of date has no window; one without an end date is checked on
 *   max(start, as-of) alone.
 * - An **open deal** without a sales order pushes each item of its lines with the sum of
 *   its line quantities over as-of … its requested_date, else its expected_close (a date
 *   before the as-of date, or none, leaves the as-of date alone).
 * - The push is **short** when on some day d of the window PA(d) < demand. Then
 *   `short_from` = the first such day, `min_available` = the lowest PA in the window
 *   (on `min_date`, its first day), and `shortfall` = demand − min_available.
 *
 * Each push is checked against the plan on its own: two campaigns for one product are
 * not added up (each would be told about the demand already in the plan, not the other).
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { availableOn, type Availability } from '../mrp/availability.js';

export type PushKind = 'campaign' | 'deal';

export interface Window {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Push extends Window {
  readonly kind: PushKind;
  /** Campaign or deal id. */
  readonly ref: string;
  readonly item: string;
  /** Demand expected over the window. */
  readonly demand: Dec;
}

export interface StockWarning extends Push {
  readonly short_from: IsoDate;
  readonly min_available: Dec;
  readonly min_date: IsoDate;
  readonly shortfall: Dec;
}

export function campaignWindow(c: { readonly start: IsoDate; readonly end?: IsoDate }, asOf: IsoDate): Window | null {
  if (c.end !== undefined && c.end < asOf) return null;
  const from = c.start > asOf ? c.start : asOf;
  return { from, to: c.end ?? from };
}

export function dealWindow(d: { readonly requested_date?: IsoDate | null; readonly expected_close?: IsoDate | null }, asOf: IsoDate): Window {
  const end = d.requested_date ?? d.expected_close ?? asOf;
  return { from: asOf, to: end < asOf ? asOf : end };
}

/** The pushes of a campaign: one per item, each with the campaign's expected demand. */
export function campaignPushes(c: { readonly id: string; readonly start: IsoDate; readonly end?: IsoDate; readonly items?: readonly string[]; readonly expected_demand?: Dec }, asOf: IsoDate): Push[] {
  const w = campaignWindow(c, asOf);
  if (!w) return [];
  return [...new Set(c.items ?? [])].map((item) => ({ kind: 'campaign', ref: c.id, item, demand: c.expected_demand ?? Dec.ZERO, ...w }));
}

/** The pushes of an open deal: one per item of its lines, quantities of the same item added. */
export function dealPushes(d: { readonly id: string; readonly requested_date?: IsoDate | null; readonly expected_close?: IsoDate | null; readonly lines?: readonly { readonly item: string; readonly qty: Dec }[] }, asOf: IsoDate): Push[] {
  const qty = new Map<string, Dec>();
  for (const l of d.lines ?? []) qty.set(l.item, (qty.get(l.item) ?? Dec.ZERO).add(l.qty));
  const w = dealWindow(d, asOf);
  return [...qty].map(([item, demand]) => ({ kind: 'deal', ref: d.id, item, demand, ...w }));
}

/** Check one push against the item's projected availability; null when it is covered (or the item is not planned). */
export function checkPush(p: Push, a: Availability | null): StockWarning | null {
  if (!a) return null;
  let shortFrom: IsoDate | null = null;
  let min = availableOn(a, p.from);
  let minDate = p.from;
  const visit = (date: IsoDate, v: Dec) => {
    if (shortFrom === null && v.lt(p.demand)) shortFrom = date;
    if (v.lt(min)) [min, minDate] = [v, date];
  };
  visit(p.from, min);
  for (const pt of a.points) if (pt.date > p.from && pt.date <= p.to) visit(pt.date, pt.available);
  if (shortFrom === null) return null;
  return { ...p, short_from: shortFrom, min_available: min, min_date: minDate, shortfall: p.demand.sub(min) };
}

export function stockWarnings(pushes: readonly Push[], availability: (item: string) => Availability | null): StockWarning[] {
  const out: StockWarning[] = [];
  for (const p of pushes) {
    const w = checkPush(p, availability(p.item));
    if (w) out.push(w);
  }
  return out;
}
