/**
 * Commission from actual sales. The basis of a month is, per salesperson:
 *  - invoices: Σ net (before VAT) of the invoices dated in the month, credited
 *    to the invoice's owner, else the customer's owner; minus the net of the
 *    credit notes dated in the month, credited the same way through the
 *    invoice they apply to (else the customer's owner);
 *  - deals: Σ amount of the deals won (stage of kind won) with their close
 *    date in the month, credited to the deal's owner.
 * Documents in another currency than the base currency are left out (and
 * listed in the run's notes): commission is paid on base-currency sales.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { lineAmounts, type DocLineLike } from '../../domain/documents.js';
import type { CommissionPlan } from './rules.js';

/** The commission of a plan on a basis (unrounded; the component rounds). Never negative. */
export function commissionOf(plan: CommissionPlan, basis: Dec): Dec {
  if (basis.sign() <= 0) return Dec.ZERO;
  switch (plan.method) {
    case 'flat':
      return basis.mul(plan.rate);
    case 'whole': {
      // the whole basis at the rate of the tier it falls in (upper bounds inclusive)
      for (const t of plan.tiers) if (t.upto === null || basis.lte(t.upto)) return basis.mul(t.rate);
      return basis.mul(plan.tiers[plan.tiers.length - 1]!.rate);
    }
    case 'marginal': {
      // each slice (previous bound, upto] at its tier's rate, like a progressive tax
      let total = Dec.ZERO;
      let lower = Dec.ZERO;
      for (const t of plan.tiers) {
        const upper = t.upto === null ? basis : basis.min(t.upto);
        if (upper.gt(lower)) total = total.add(upper.sub(lower).mul(t.rate));
        if (t.upto === null || basis.lte(t.upto)) break;
        lower = t.upto;
      }
      return total;
    }
    default: {
      const never: never = plan.method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}

export interface SalesDocLike {
  readonly id: string;
  readonly date: string;
  readonly customer: string;
  readonly currency?: string;
  readonly lines: readonly DocLineLike[];
}

export interface InvoiceLike extends SalesDocLike {
  readonly owner?: string;
}

export interface CreditNoteLike extends SalesDocLike {
  readonly invoice?: string;
}

export interface DealLike {
  readonly id: string;
  readonly stage: string;
  readonly owner?: string;
  readonly closed?: string;
  readonly amount?: Dec;
  readonly currency?: string;
  readonly lines?: readonly { readonly item: string; readonly qty: Dec; readonly price?: Dec; readonly discount?: Dec }[];
}

export interface SalesSource {
  readonly invoices: readonly InvoiceLike[];
  readonly creditNotes: readonly CreditNoteLike[];
  readonly deals: readonly DealLike[];
  /** customer id → owner and currency */
  readonly customers: ReadonlyMap<string, { readonly owner?: string; readonly currency?: string }>;
  /** item id → list price (for deal lines without a price) */
  readonly itemPrices: ReadonlyMap<string, Dec>;
  readonly wonStages: ReadonlySet<string>;
  readonly baseCurrency: string;
  readonly minor: number;
  readonly rounding: RoundingMode;
}

export interface MonthSales {
  /** employee → basis */
  readonly byOwner: ReadonlyMap<string, Dec>;
  /** Documents left out, e.g. "INV-2026-0120 (USD)". */
  readonly skipped: readonly string[];
}

function docNet(lines: readonly DocLineLike[], minor: number, mode: RoundingMode): Dec {
  let net = Dec.ZERO.withScale(minor);
  for (const l of lines) net = net.add(lineAmounts(l, minor, mode).net);
  return net;
}

function addTo(m: Map<string, Dec>, k: string, x: Dec): void {
  m.set(k, (m.get(k) ?? Dec.ZERO).add(x));
}

interface Prepared {
  readonly ownerOfInvoice: ReadonlyMap<string, string | undefined>;
  readonly invoices: ReadonlyMap<string, InvoiceLike[]>;
  readonly creditNotes: ReadonlyMap<string, CreditNoteLike[]>;
}
const prepared = new WeakMap<SalesSource, Prepared>();

/** Owners and documents by month, built once per source (a year run asks for every month). */
function prepare(src: SalesSource): Prepared {
  let p = prepared.get(src);
  if (p) return p;
  const ownerOfInvoice = new Map<string, string | undefined>();
  const invoices = new Map<string, InvoiceLike[]>();
  const creditNotes = new Map<string, CreditNoteLike[]>();
  for (const inv of src.invoices) {
    ownerOfInvoice.set(inv.id, inv.owner ?? src.customers.get(inv.customer)?.owner);
    const m = inv.date.slice(0, 7);
    const list = invoices.get(m);
    if (list) list.push(inv);
    else invoices.set(m, [inv]);
  }
  for (const cn of src.creditNotes) {
    const m = cn.date.slice(0, 7);
    const list = creditNotes.get(m);
    if (list) list.push(cn);
    else creditNotes.set(m, [cn]);
  }
  prepared.set(src, (p = { ownerOfInvoice, invoices, creditNotes }));
  return p;
}

/** The invoice basis of month "YYYY-MM" per owner. */
export function invoiceSales(src: SalesSource, month: string): MonthSales {
  const byOwner = new Map<string, Dec>();
  const skipped: string[] = [];
  const { ownerOfInvoice, invoices, creditNotes } = prepare(src);
  const currencyOf = (d: SalesDocLike) => d.currency ?? src.customers.get(d.customer)?.currency ?? src.baseCurrency;
  for (const inv of invoices.get(month) ?? []) {
    const owner = ownerOfInvoice.get(inv.id);
    if (!owner) continue;
    const cur = currencyOf(inv);
    if (cur !== src.baseCurrency) {
      skipped.push(`${inv.id} (${cur})`);
      continue;
    }
    addTo(byOwner, owner, docNet(inv.lines, src.minor, src.rounding));
  }
  for (const cn of creditNotes.get(month) ?? []) {
    const owner = (cn.invoice ? ownerOfInvoice.get(cn.invoice) : undefined) ?? src.customers.get(cn.customer)?.owner;
    if (!owner) continue;
    const cur = currencyOf(cn);
    if (cur !== src.baseCurrency) {
      skipped.push(`${cn.id} (${cur})`);
      continue;
    }
    addTo(byOwner, owner, docNet(cn.lines, src.minor, src.rounding).neg());
  }
  return { byOwner, skipped };
}

/** The won-deal basis of month "YYYY-MM" per owner. */
export function dealSales(src: SalesSource, month: string): MonthSales {
  const byOwner = new Map<string, Dec>();
  const skipped: string[] = [];
  for (const d of src.deals) {
    if (!d.owner || !d.closed || d.closed.slice(0, 7) !== month || !src.wonStages.has(d.stage)) continue;
    const cur = d.currency ?? src.baseCurrency;
    if (cur !== src.baseCurrency) {
      skipped.push(`${d.id} (${cur})`);
      continue;
    }
    let amount = d.amount;
    if (amount === undefined) {
      amount = Dec.ZERO;
      for (const l of d.lines ?? []) {
        const price = l.price ?? src.itemPrices.get(l.item) ?? Dec.ZERO;
        let x = l.qty.mul(price);
        if (l.discount) x = x.mul(Dec.ONE.sub(l.discount));
        amount = amount.add(x.round(src.minor, src.rounding));
      }
    }
    addTo(byOwner, d.owner, amount);
  }
  return { byOwner, skipped };
}
