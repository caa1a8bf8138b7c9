/**
 * Planned orders in columns (typed arrays): a plan of 50,000 items × 52
 * weekly buckets has about two million of them, and an object per order
 * would cost ~300 bytes. A PlannedOrder object is made only when one is read.
 * Orders are stored item by item, each item's in bucket order.
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { PlannedOrder } from './types.js';

/** Supply ids of planned orders start here (scheduled receipts and on hand are numbered from 0). */
export const PLANNED_BASE = 1 << 30;

const MSG = [null, 'past-due', 'release-now'] as const;

export class PlannedOrders {
  private n = 0;
  private cap = 1024;
  private itemIx = new Int32Array(this.cap);
  private dueB = new Int16Array(this.cap);
  private relB = new Int16Array(this.cap);
  private rel = new Int32Array(this.cap); // index into dates
  private lot = new Uint16Array(this.cap);
  private msg = new Uint8Array(this.cap);
  private qm = new Float64Array(this.cap); // mantissa when it is a safe integer
  private qs = new Int8Array(this.cap); // scale
  private readonly bigQty = new Map<number, Dec>();
  private readonly itemIds: string[] = [];
  private readonly itemTypes: ('make' | 'buy')[] = [];
  private readonly itemSuppliers: (string | null)[] = [];
  private readonly ranges = new Map<string, [number, number]>();
  private readonly dates: IsoDate[] = [];
  private readonly dateIx = new Map<string, number>();

  constructor(private readonly dueOf: (bucket: number) => IsoDate) {}

  get length(): number {
    return this.n;
  }

  /** Start the orders of an item (items are added one after the other). */
  beginItem(id: string, type: 'make' | 'buy', supplier: string | null): number {
    this.itemIds.push(id);
    this.itemTypes.push(type);
    this.itemSuppliers.push(supplier);
    this.ranges.set(id, [this.n, this.n]);
    return this.itemIds.length - 1;
  }

  add(item: number, dueBucket: number, releaseBucket: number, release: IsoDate, lot: number, message: PlannedOrder['message'], qty: Dec): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.itemIx[i] = item;
    this.dueB[i] = dueBucket;
    this.relB[i] = releaseBucket;
    let d = this.dateIx.get(release);
    if (d === undefined) {
      d = this.dates.length;
      this.dates.push(release);
      this.dateIx.set(release, d);
    }
    this.rel[i] = d;
    this.lot[i] = lot;
    this.msg[i] = message === null ? 0 : MSG.indexOf(message);
    const m = qty.mantissa;
    if (typeof m === 'number' && qty.s < 128) {
      this.qm[i] = m;
      this.qs[i] = qty.s;
    } else this.bigQty.set(i, qty);
    this.ranges.get(this.itemIds[item]!)![1] = this.n;
    return i;
  }

  itemOf(i: number): string {
    return this.itemIds[this.itemIx[i]!]!;
  }
  dueBucket(i: number): number {
    return this.dueB[i]!;
  }
  releaseBucket(i: number): number {
    return this.relB[i]!;
  }
  release(i: number): IsoDate {
    return this.dates[this.rel[i]!]!;
  }

  qty(i: number): Dec {
    return this.bigQty.get(i) ?? new Dec(this.qm[i]!, this.qs[i]!);
  }

  at(i: number): PlannedOrder {
    const item = this.itemIx[i]!;
    const id = this.itemIds[item]!;
    const due = this.dueOf(this.dueB[i]!);
    const lot = this.lot[i]!;
    return {
      id: lot <= 1 ? `PL-${id}-${due}` : `PL-${id}-${due}-${lot}`,
      item: id,
      type: this.itemTypes[item]!,
      qty: this.qty(i),
      release: this.dates[this.rel[i]!]!,
      due,
      releaseBucket: this.relB[i]!,
      dueBucket: this.dueB[i]!,
      supplier: this.itemSuppliers[item]!,
      message: MSG[this.msg[i]!]!,
      supply: PLANNED_BASE + i,
    };
  }

  /** Indexes [from, to) of an item's orders. */
  range(item: string): readonly [number, number] {
    return this.ranges.get(item) ?? [0, 0];
  }

  ofItem(item: string): PlannedOrder[] {
    const [a, b] = this.range(item);
    const out: PlannedOrder[] = [];
    for (let i = a; i < b; i++) out.push(this.at(i));
    return out;
  }

  all(): PlannedOrder[] {
    const out: PlannedOrder[] = new Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.at(i);
    return out;
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Int16Array | Uint16Array | Uint8Array | Float64Array | Int8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.itemIx = g(this.itemIx);
    this.dueB = g(this.dueB);
    this.relB = g(this.relB);
    this.rel = g(this.rel);
    this.lot = g(this.lot);
    this.msg = g(this.msg);
    this.qm = g(this.qm);
    this.qs = g(this.qs);
  }
}

/** A growable column of exact decimals: mantissa in a Float64Array when it is a safe integer, else kept aside. */
export class DecColumn {
  private m = new Float64Array(1024);
  private s = new Int8Array(1024);
  private readonly big = new Map<number, Dec>();
  set(i: number, q: Dec): void {
    if (i >= this.m.length) {
      let n = this.m.length;
      while (n <= i) n *= 2;
      const m = new Float64Array(n);
      m.set(this.m);
      const s = new Int8Array(n);
      s.set(this.s);
      this.m = m;
      this.s = s;
    }
    const x = q.mantissa;
    if (typeof x === 'number' && q.s < 128) {
      this.m[i] = x;
      this.s[i] = q.s;
      this.big.delete(i);
    } else this.big.set(i, q);
  }
  get(i: number): Dec {
    return this.big.get(i) ?? new Dec(this.m[i]!, this.s[i]!);
  }
}

/** A growable Int32 column. */
export class IntColumn {
  private a: Int32Array;
  constructor(n = 1024, readonly fill = 0) {
    this.a = new Int32Array(Math.max(1, n)).fill(fill);
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length;
      while (n <= i) n *= 2;
      const b = new Int32Array(n).fill(this.fill);
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
  get(i: number): number {
    return i < this.a.length ? this.a[i]! : this.fill;
  }
}
