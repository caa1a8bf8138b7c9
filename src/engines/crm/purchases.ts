/**
 * Purchases per customer, the input of RFM, ABC, win-back and campaign attribution (pure).
 *
 * Source (`--source`, default: invoices when the workspace has finance/invoices, else sales
 * orders when it has sales/sales-orders, else won deals):
 * - invoices: one purchase per invoice on its date, value = its net amount (Σ lines
 *   round(qty × price × (1 − discount)), before VAT); credit notes lower the value on their date
 *   but are not purchases (they change neither frequency nor recency);
 * - orders: one purchase per sales order that is open or closed (not draft or cancelled) on its
 *   date, value = its net amount;
 * - deals: one purchase per won deal on its close date, value = the deal amount.
 * Values are in the base currency. Only dates on or before the as-of date count.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { DocLineLike } from '../../domain/documents.js';

export type PurchaseSource = 'invoices' | 'orders' | 'deals';
export const PURCHASE_SOURCES: readonly PurchaseSource[] = ['invoices', 'orders', 'deals'];

export interface CustomerPurchases {
  readonly customer: string;
  first: IsoDate;
  last: IsoDate;
  /** Number of purchases. */
  count: number;
  /** Σ values (credit notes deducted). */
  value: Dec;
}

/**
 * Where purchases go. A reader first asks a handle for each customer (once per customer, not per
 * purchase), then adds values as a Dec, or as a mantissa and scale (value = units / 10^scale, units a
 * safe integer: no Dec per purchase).
 */
export interface PurchaseSink {
  customer(id: string): number;
  add(customer: number, date: IsoDate, value: Dec, counts: boolean): void;
  addUnits(customer: number, date: IsoDate, units: number, scale: number, counts: boolean): void;
}

/** One customer's running totals: the value as a mantissa while it stays a safe integer at one scale, else a Dec. */
interface Running {
  readonly customer: string;
  /** Whether a purchase or credit in the period was added (the customer is then listed). */
  seen: boolean;
  first: IsoDate;
  last: IsoDate;
  count: number;
  units: number;
  scale: number;
  dec: Dec | null;
}

/** Adds up purchases per customer in [from, asOf]. */
export class PurchaseTotals implements PurchaseSink {
  private readonly handles = new Map<string, number>();
  private readonly runs: Running[] = [];
  /** Handles in the order of each customer's first purchase or credit in the period. */
  private readonly order: number[] = [];
  constructor(
    readonly asOf: IsoDate,
    readonly from: IsoDate | null = null,
  ) {}

  customer(id: string): number {
    let h = this.handles.get(id);
    if (h === undefined) {
      h = this.runs.length;
      // The value starts as Dec.ZERO (scale 0): adding keeps the larger scale.
      this.runs.push({ customer: id, seen: false, first: '' as IsoDate, last: '' as IsoDate, count: 0, units: 0, scale: 0, dec: null });
      this.handles.set(id, h);
    }
    return h;
  }

  /** The customer's totals when the date is in the period, else null. */
  private running(h: number, date: IsoDate): Running | null {
    if (date > this.asOf || (this.from !== null && date < this.from)) return null;
    const c = this.runs[h]!;
    if (!c.seen) {
      c.seen = true;
      this.order.push(h);
    }
    return c;
  }

  private counted(c: Running, date: IsoDate, counts: boolean): void {
    if (!counts) return;
    if (c.count === 0) {
      c.first = date;
      c.last = date;
    } else {
      if (date < c.first) c.first = date;
      if (date > c.last) c.last = date;
    }
    c.count++;
  }

  /** A purchase (counts = true) or a credit (counts = false, negative value) of the customer with handle h. */
  add(h: number, date: IsoDate, value: Dec, counts = true): void {
    const c = this.running(h, date);
    if (!c) return;
    c.dec = (c.dec ?? new Dec(c.units, c.scale)).add(value);
    this.counted(c, date, counts);
  }

  /** The same with the value as units / 10^scale (no Dec while the sum stays a safe integer at one scale). */
  addUnits(h: number, date: IsoDate, units: number, scale: number, counts = true): void {
    const c = this.running(h, date);
    if (!c) return;
    if (c.dec === null && (c.scale === scale || c.units === 0) && scale >= c.scale) {
      const sum = c.units + units;
      if (Number.isSafeInteger(sum)) {
        c.units = sum;
        c.scale = scale;
        this.counted(c, date, counts);
        return;
      }
    }
    c.dec = (c.dec ?? new Dec(c.units, c.scale)).add(new Dec(units, scale));
    this.counted(c, date, counts);
  }

  /** A purchase or credit by customer id. */
  addFor(customer: string, date: IsoDate, value: Dec, counts = true): void {
    this.add(this.customer(customer), date, value, counts);
  }

  /** Customers with at least one purchase, in the order of their first purchase or credit. */
  buyers(): CustomerPurchases[] {
    const out: CustomerPurchases[] = [];
    for (const h of this.order) {
      const c = this.runs[h]!;
      if (c.count > 0) out.push({ customer: c.customer, first: c.first, last: c.last, count: c.count, value: c.dec ?? new Dec(c.units, c.scale) });
    }
    return out;
  }
}

/** Net of a document's lines before tax: Σ round(qty × price × (1 − discount), minor). */
export function netAmount(lines: readonly DocLineLike[], minor: number, mode: RoundingMode): Dec {
  let net: Dec | null = null;
  for (const l of lines) {
    let x = l.qty.mul(l.price);
    if (l.discount && !l.discount.isZero()) x = x.mul(Dec.ONE.sub(l.discount));
    x = x.round(minor, mode);
    net = net === null ? x : net.add(x);
  }
  return net ?? Dec.ZERO.withScale(minor);
}
