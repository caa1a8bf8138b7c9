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
import { dayNumber, fromDayNumber, type IsoDate } from '../../domain/dates.js';
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
 * purchase), then adds values on a day (days since 1970-01-01, `dayNumber`) as a Dec, or as a mantissa
 * and scale (value = units / 10^scale, units a safe integer: no Dec per purchase).
 */
export interface PurchaseSink {
  customer(id: string): number;
  add(customer: number, day: number, value: Dec, counts: boolean): void;
  addUnits(customer: number, day: number, units: number, scale: number, counts: boolean): void;
}

/**
 * Adds up purchases per customer in [from, asOf]. Per customer handle, in typed arrays: first and last
 * purchase day, count, and the value as a mantissa while it stays a safe integer at one scale (a Dec in
 * `decs` beyond that; the value starts as Dec.ZERO, scale 0, and adding keeps the larger scale).
 */
export class PurchaseTotals implements PurchaseSink {
  private readonly handles = new Map<string, number>();
  private readonly ids: string[] = [];
  private first = new Int32Array(64);
  private last = new Int32Array(64);
  private count = new Int32Array(64);
  private units = new Float64Array(64);
  private scale = new Int16Array(64);
  private seen = new Uint8Array(64);
  /** 1 when the customer's value is a Dec in `decs`. */
  private inDecs = new Uint8Array(64);
  private readonly decs = new Map<number, Dec>();
  /** Handles in the order of each customer's first purchase or credit in the period. */
  private readonly order: number[] = [];
  private readonly hi: number;
  private readonly lo: number;

  constructor(
    readonly asOf: IsoDate,
    readonly from: IsoDate | null = null,
  ) {
    this.hi = dayNumber(asOf);
    this.lo = from === null ? -Infinity : dayNumber(from);
  }

  customer(id: string): number {
    let h = this.handles.get(id);
    if (h === undefined) {
      h = this.ids.length;
      this.ids.push(id);
      this.handles.set(id, h);
      if (h === this.seen.length) this.grow(h * 2);
    }
    return h;
  }

  private grow(n: number): void {
    const g = <T extends Int32Array | Float64Array | Int16Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.first = g(this.first);
    this.last = g(this.last);
    this.count = g(this.count);
    this.units = g(this.units);
    this.scale = g(this.scale);
    this.seen = g(this.seen);
    this.inDecs = g(this.inDecs);
  }

  /** Whether the day is in the period (the customer is then listed, in order of first appearance). */
  private inPeriod(h: number, day: number): boolean {
    if (day > this.hi || day < this.lo) return false;
    if (this.seen[h] === 0) {
      this.seen[h] = 1;
      this.order.push(h);
    }
    return true;
  }

  private counted(h: number, day: number, counts: boolean): void {
    if (!counts) return;
    if (this.count[h] === 0) {
      this.first[h] = day;
      this.last[h] = day;
    } else {
      if (day < this.first[h]!) this.first[h] = day;
      if (day > this.last[h]!) this.last[h] = day;
    }
    this.count[h] = this.count[h]! + 1;
  }

  /** A purchase (counts = true) or a credit (counts = false, negative value) of the customer with handle h. */
  add(h: number, day: number, value: Dec, counts = true): void {
    if (!this.inPeriod(h, day)) return;
    this.addDec(h, value);
    this.counted(h, day, counts);
  }

  /** The same with the value as units / 10^scale (no Dec while the sum stays a safe integer at one scale). */
  addUnits(h: number, day: number, units: number, scale: number, counts = true): void {
    if (!this.inPeriod(h, day)) return;
    const u = this.units[h]!;
    const s = this.scale[h]!;
    if ((s === scale || (u === 0 && scale >= s)) && this.inDecs[h] === 0) {
      const sum = u + units;
      if (Number.isSafeInteger(sum)) {
        this.units[h] = sum;
        this.scale[h] = scale;
        this.counted(h, day, counts);
        return;
      }
    }
    this.addDec(h, new Dec(units, scale));
    this.counted(h, day, counts);
  }

  private addDec(h: number, value: Dec): void {
    const now = this.inDecs[h] ? this.decs.get(h)! : new Dec(this.units[h]!, this.scale[h]!);
    this.decs.set(h, now.add(value));
    this.inDecs[h] = 1;
  }

  /** A purchase or credit by customer id and date. */
  addFor(customer: string, date: IsoDate, value: Dec, counts = true): void {
    this.add(this.customer(customer), dayNumber(date), value, counts);
  }

  /** Customers with at least one purchase, in the order of their first purchase or credit. */
  buyers(): CustomerPurchases[] {
    const out: CustomerPurchases[] = [];
    for (const h of this.order) {
      if (this.count[h]! === 0) continue;
      const value = this.decs.get(h) ?? new Dec(this.units[h]!, this.scale[h]!);
      out.push({ customer: this.ids[h]!, first: fromDayNumber(this.first[h]!), last: fromDayNumber(this.last[h]!), count: this.count[h]!, value });
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
