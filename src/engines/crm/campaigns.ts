/**
 * Campaign ROI (pure). For each campaign (its cost counts once, however many deals it has):
 * - leads: distinct customers brought by the campaign (customer `source`) or having a deal
 *   with the campaign (deal `campaign`);
 * - deals: deals with the campaign (created on or before the as-of date); won: those won by then;
 * - new customers: customers whose `source` is the campaign and who have bought — a won deal
 *   or a purchase (see purchases.ts) on or before the as-of date;
 * - revenue, by attribution:
 *     deals    (default) Σ amounts of the campaign's won deals;
 *     invoices Σ purchase values (invoice net, credit notes deducted) of the customers whose
 *              source is the campaign, dated from the campaign start to the as-of date;
 * - cost per lead = cost / leads; CAC = cost / new customers (both rounded to the minor unit);
 * - ROI = (revenue − cost) / cost, as a percentage rounded half-up to 2 decimals.
 * Undefined ratios (division by 0) are null.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { DealFacts } from './deals.js';
import { pct, quotient } from './ratio.js';

export type Attribution = 'deals' | 'invoices';

export interface CampaignIn {
  readonly id: string;
  readonly name: string;
  readonly channel?: string;
  readonly start: IsoDate;
  readonly end?: IsoDate;
  /** In the base currency. */
  readonly cost: Dec;
}

export interface CampaignRow {
  readonly campaign: string;
  readonly name: string;
  readonly channel: string | null;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly cost: Dec;
  readonly leads: number;
  readonly deals: number;
  readonly won: number;
  readonly new_customers: number;
  readonly revenue: Dec;
  readonly cost_per_lead: Dec | null;
  readonly cac: Dec | null;
  readonly roi_pct: Dec | null;
}

export interface CampaignSpec {
  readonly asOf: IsoDate;
  readonly attribution: Attribution;
  readonly minor: number;
  readonly rounding: RoundingMode;
}

export interface CampaignInputs {
  readonly campaigns: readonly CampaignIn[];
  readonly customers: readonly { id: string; source?: string }[];
  readonly deals: readonly DealFacts[];
  /** Purchase dates and values per customer (for "has bought" and invoice attribution). */
  readonly purchases: readonly { customer: string; date: IsoDate; value: Dec; counts: boolean }[];
}

export function campaignRoi(inp: CampaignInputs, spec: CampaignSpec): { rows: CampaignRow[]; total: CampaignRow | null } {
  const { minor, rounding } = spec;
  const bySource = new Map<string, string[]>();
  for (const c of inp.customers) if (c.source) (bySource.get(c.source) ?? bySource.set(c.source, []).get(c.source)!).push(c.id);
  const dealsOf = new Map<string, DealFacts[]>();
  const wonCustomers = new Set<string>();
  for (const d of inp.deals) {
    if (d.kind === 'won') wonCustomers.add(d.customer);
    if (d.campaign) (dealsOf.get(d.campaign) ?? dealsOf.set(d.campaign, []).get(d.campaign)!).push(d);
  }
  const bought = new Set<string>();
  const purchasesOf = new Map<string, { date: IsoDate; value: Dec }[]>();
  for (const p of inp.purchases) {
    if (p.date > spec.asOf) continue;
    if (p.counts) bought.add(p.customer);
    (purchasesOf.get(p.customer) ?? purchasesOf.set(p.customer, []).get(p.customer)!).push(p);
  }
  const rows: CampaignRow[] = [...inp.campaigns]
    .filter((c) => c.start <= spec.asOf)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : naturalCompare(a.id, b.id)))
    .map((c) => {
      const brought = bySource.get(c.id) ?? [];
      const deals = dealsOf.get(c.id) ?? [];
      const leads = new Set([...brought, ...deals.map((d) => d.customer)]);
      const won = deals.filter((d) => d.kind === 'won');
      const newCustomers = brought.filter((id) => wonCustomers.has(id) || bought.has(id));
      let revenue = Dec.ZERO.withScale(minor);
      if (spec.attribution === 'deals') for (const d of won) revenue = revenue.add(d.amount);
      else for (const id of brought) for (const p of purchasesOf.get(id) ?? []) if (p.date >= c.start) revenue = revenue.add(p.value);
      return row(c, leads.size, deals.length, won.length, newCustomers.length, revenue, minor, rounding);
    });
  if (!rows.length) return { rows, total: null };
  // Totals: every campaign's cost once; leads and new customers as distinct customers across campaigns.
  const allLeads = new Set<string>();
  const allNew = new Set<string>();
  for (const c of rows) {
    for (const id of bySource.get(c.campaign) ?? []) {
      allLeads.add(id);
      if (wonCustomers.has(id) || bought.has(id)) allNew.add(id);
    }
    for (const d of dealsOf.get(c.campaign) ?? []) allLeads.add(d.customer);
  }
  let cost = Dec.ZERO.withScale(minor);
  let revenue = Dec.ZERO.withScale(minor);
  let deals = 0;
  let won = 0;
  for (const r of rows) {
    cost = cost.add(r.cost);
    revenue = revenue.add(r.revenue);
    deals += r.deals;
    won += r.won;
  }
  const total = row({ id: '', name: '', start: rows[0]!.start, cost }, allLeads.size, deals, won, allNew.size, revenue, minor, rounding);
  return { rows, total };
}

function row(c: CampaignIn, leads: number, deals: number, won: number, newCustomers: number, revenue: Dec, minor: number, mode: RoundingMode): CampaignRow {
  return {
    campaign: c.id,
    name: c.name,
    channel: c.channel ?? null,
    start: c.start,
    end: c.end ?? null,
    cost: c.cost,
    leads,
    deals,
    won,
    new_customers: newCustomers,
    revenue,
    cost_per_lead: quotient(c.cost, leads, minor, mode),
    cac: quotient(c.cost, newCustomers, minor, mode),
    roi_pct: pct(revenue.sub(c.cost), c.cost),
  };
}
