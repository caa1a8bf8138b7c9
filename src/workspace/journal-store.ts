/**
 * The journal as columns. Every entry and posting of the journal files is
 * kept here: CSV entries as positions and typed arrays (journal-csv.ts reads
 * them without an object per row), YAML entries and CSV entries that needed
 * the generic converter as their records, with their postings copied into the
 * same columns. Checks and the ledger read the columns; records
 * (`ws.data.journal`) are rebuilt from the rows only when a command asks.
 *
 *   entry e    ids[e], date[e] → dates, postings [postStart[e], postStart[e + 1])
 *   posting p  account[p] → accounts, commodity[p] → commodities (an amount
 *              written without one is in the base currency, commodity 0),
 *              amount = mant[p] / 10^scale[p] (or big.get(p)),
 *              flags[p]: NO_AMOUNT | BIG | COST | BALANCE
 */
import { Dec } from '../domain/decimal.js';
import type { IsoDate } from '../domain/dates.js';
import type { Amount } from '../schema/fields.js';
import type { Locator } from '../schema/record.js';
import { hashString } from '../util/text-index.js';
import type { AnyRecord } from './parse-entity.js';

/** The posting has no amount: it takes what balances the entry. */
export const NO_AMOUNT = 1;
/** The mantissa is not a safe integer: it is in `big`. */
export const BIG = 2;
/** The posting has a cost (in `costs`). */
export const COST = 4;
/** The posting has a balance assertion (in `balances`). */
export const BALANCE = 8;

/** A CSV file whose entries are kept as row positions. */
export interface CsvSource {
  readonly file: string;
  readonly text: string;
  /** The file has a tags column (its entries have no tags otherwise). */
  readonly hasTags: boolean;
  /** The locator of the record whose row starts at `offset` on `line`. */
  locator(line: number, offset: number): Locator;
  /** The record of the entry whose first row starts there, converted as on loading. */
  read(line: number, offset: number, rows: number): AnyRecord | null;
}

type Typed = Int32Array | Float64Array | Uint8Array;

function grow<T extends Typed>(a: T, need: number): T {
  if (need <= a.length) return a;
  const n = Math.max(need, a.length * 2);
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class JournalStore {
  readonly accounts: string[] = [];
  private readonly accountIds = new Map<string, number>();
  readonly commodities: string[] = [];
  private readonly commodityIds = new Map<string, number>();
  readonly dates: IsoDate[] = [];
  private readonly dateIds = new Map<string, number>();

  /** Number of entries. */
  size = 0;
  readonly ids: string[] = [];
  /** hashString of each id (for the duplicate check). */
  idHash = new Int32Array(1024);
  date = new Int32Array(1024);
  postStart = new Int32Array(1025);
  /** Index in `sources`, or −1 for an entry kept as a record. */
  entrySource = new Int32Array(1024);
  entryLine = new Int32Array(1024);
  entryOffset = new Int32Array(1024);
  private readonly recs = new Map<number, AnyRecord>();
  readonly sources: CsvSource[] = [];

  /** Number of postings. */
  postings = 0;
  account = new Int32Array(4096);
  commodity = new Int32Array(4096);
  mant = new Float64Array(4096);
  scale = new Uint8Array(4096);
  flags = new Uint8Array(4096);
  /** Entries kept as positions: offset of the posting's row. */
  rowOffset = new Int32Array(4096);
  readonly big = new Map<number, bigint>();
  readonly costs = new Map<number, Amount>();
  readonly balances = new Map<number, Amount>();

  private all: AnyRecord[] | null = null;

  constructor(readonly base: string) {
    this.commodityId(base);
  }

  accountId(name: string): number {
    let id = this.accountIds.get(name);
    if (id === undefined) {
      id = this.accounts.length;
      this.accounts.push(name);
      this.accountIds.set(name, id);
    }
    return id;
  }
  /** The index of an account name already seen, or undefined. */
  knownAccount(name: string): number | undefined {
    return this.accountIds.get(name);
  }
  commodityId(name: string): number {
    let id = this.commodityIds.get(name);
    if (id === undefined) {
      id = this.commodities.length;
      this.commodities.push(name);
      this.commodityIds.set(name, id);
    }
    return id;
  }
  dateId(d: IsoDate): number {
    let id = this.dateIds.get(d);
    if (id === undefined) {
      id = this.dates.length;
      this.dates.push(d);
      this.dateIds.set(d, id);
    }
    return id;
  }

  addSource(s: CsvSource): number {
    this.sources.push(s);
    return this.sources.length - 1;
  }

  /** Make room for this many more entries and postings (an estimate: spares copying while reading a big file). */
  reserve(entries: number, postings: number): void {
    const e = this.size + entries;
    if (e > this.date.length) {
      this.idHash = grow(this.idHash, e);
      this.date = grow(this.date, e);
      this.entrySource = grow(this.entrySource, e);
      this.entryLine = grow(this.entryLine, e);
      this.entryOffset = grow(this.entryOffset, e);
      this.postStart = grow(this.postStart, e + 1);
    }
    const p = this.postings + postings;
    if (p > this.account.length) {
      this.account = grow(this.account, p);
      this.commodity = grow(this.commodity, p);
      this.mant = grow(this.mant, p);
      this.scale = grow(this.scale, p);
      this.flags = grow(this.flags, p);
      this.rowOffset = grow(this.rowOffset, p);
    }
  }

  /** Append a posting of the entry being read; returns its index. */
  addPosting(account: number, commodity: number, mant: number, scale: number, flags: number, rowOffset: number): number {
    const p = this.postings;
    if (p === this.account.length) {
      const n = p + 1;
      this.account = grow(this.account, n);
      this.commodity = grow(this.commodity, n);
      this.mant = grow(this.mant, n);
      this.scale = grow(this.scale, n);
      this.flags = grow(this.flags, n);
      this.rowOffset = grow(this.rowOffset, n);
    }
    if (scale > 255) throw new RangeError(`journal amount with ${scale} decimals`);
    this.account[p] = account;
    this.commodity[p] = commodity;
    this.mant[p] = mant;
    this.scale[p] = scale;
    this.flags[p] = flags;
    this.rowOffset[p] = rowOffset;
    this.postings = p + 1;
    return p;
  }

  /** Drop the postings from index `n` on (an entry that turned out to need the generic converter). */
  truncate(n: number): void {
    this.postings = n;
  }

  private addEntry(id: string, idHash: number, date: number, source: number, line: number, offset: number): number {
    const e = this.size;
    if (e === this.date.length) {
      const n = e + 1;
      this.idHash = grow(this.idHash, n);
      this.date = grow(this.date, n);
      this.entrySource = grow(this.entrySource, n);
      this.entryLine = grow(this.entryLine, n);
      this.entryOffset = grow(this.entryOffset, n);
    }
    if (e + 1 === this.postStart.length) this.postStart = grow(this.postStart, e + 2);
    this.ids.push(id);
    this.idHash[e] = idHash;
    this.date[e] = date;
    this.entrySource[e] = source;
    this.entryLine[e] = line;
    this.entryOffset[e] = offset;
    this.postStart[e + 1] = this.postings;
    this.size = e + 1;
    this.all = null;
    return e;
  }

  /** Close the entry whose postings were just added, kept as the position of its rows (idHash: hashString(id)). */
  addCsvEntry(id: string, idHash: number, date: number, source: number, line: number, offset: number): void {
    this.addEntry(id, idHash, date, source, line, offset);
  }

  /** Add a converted record (YAML, or CSV rows that needed the generic converter). */
  addRecord(rec: AnyRecord): void {
    for (const p of rec.postings as AnyRecord[]) {
      const amt = p.amount as Amount | undefined;
      const cost = p.cost as Amount | undefined;
      const bal = p.balance as Amount | undefined;
      let flags = (cost ? COST : 0) | (bal ? BALANCE : 0);
      let mant = 0;
      let scale = 0;
      let commodity = 0;
      if (!amt) flags |= NO_AMOUNT;
      else {
        const m = amt.qty.raw;
        if (typeof m === 'bigint') flags |= BIG;
        else mant = m;
        scale = amt.qty.s;
        commodity = this.commodityId(amt.commodity ?? this.base);
      }
      const i = this.addPosting(this.accountId(p.account as string), commodity, mant, scale, flags, 0);
      if (flags & BIG) this.big.set(i, amt!.qty.raw as bigint);
      if (cost) this.costs.set(i, cost);
      if (bal) this.balances.set(i, bal);
    }
    const id = rec.id as string;
    const e = this.addEntry(id, hashString(id), this.dateId(rec.date as IsoDate), -1, 0, 0);
    this.recs.set(e, rec);
  }

  /** The amount of posting p (undefined when it has none); its commodity is the base currency when none was written. */
  amount(p: number): Amount | undefined {
    const f = this.flags[p]!;
    if (f & NO_AMOUNT) return undefined;
    return { qty: this.dec(p), commodity: this.commodities[this.commodity[p]!]! };
  }

  /** The quantity of posting p as a Dec (zero when it has no amount). */
  dec(p: number): Dec {
    const f = this.flags[p]!;
    return new Dec(f & BIG ? this.big.get(p)! : this.mant[p]!, this.scale[p]!);
  }

  /** Entry whose postings include p (binary search). */
  entryOf(p: number): number {
    let lo = 0;
    let hi = this.size - 1;
    const ps = this.postStart;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  entrySrc(e: number): Locator {
    const s = this.entrySource[e]!;
    if (s < 0) return this.recs.get(e)!.src;
    return this.sources[s]!.locator(this.entryLine[e]!, this.entryOffset[e]!);
  }

  /** Where posting p of entry e is written. */
  postingSrc(e: number, p: number): Locator {
    const s = this.entrySource[e]!;
    if (s < 0) return ((this.recs.get(e)!.postings as AnyRecord[])[p - this.postStart[e]!]!).src;
    const src = this.sources[s]!;
    const t = src.text;
    const to = this.rowOffset[p]!;
    let line = this.entryLine[e]!;
    for (let i = this.entryOffset[e]!; ; ) {
      const j = t.indexOf('\n', i);
      if (j < 0 || j >= to) break;
      line++;
      i = j + 1;
    }
    return src.locator(line, to);
  }

  /** The record of entry e, as converting it generically gives it. */
  record(e: number): AnyRecord {
    if (this.all) return this.all[e]!;
    const s = this.entrySource[e]!;
    if (s < 0) return this.recs.get(e)!;
    const rec = this.sources[s]!.read(this.entryLine[e]!, this.entryOffset[e]!, this.postStart[e + 1]! - this.postStart[e]!);
    if (!rec) throw new Error(`journal entry ${this.ids[e]!} could not be read again`);
    return rec;
  }

  /** Every entry as a record, in file order (built on first use). */
  records(): AnyRecord[] {
    if (!this.all) {
      const out: AnyRecord[] = new Array<AnyRecord>(this.size);
      for (let e = 0; e < this.size; e++) out[e] = this.record(e);
      this.all = out;
    }
    return this.all;
  }

  /** Tags of entry e (without building its record when its file has no tags column). */
  tags(e: number): readonly string[] {
    const s = this.entrySource[e]!;
    if (s >= 0 && !this.sources[s]!.hasTags) return [];
    return (this.record(e).tags as string[] | undefined) ?? [];
  }
}
