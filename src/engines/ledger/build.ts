/**
 * Workspace → Ledger: journal entries (amount-less postings inferred) plus
 * the transactions business documents post by themselves, in one stable
 * order: date, then journal before documents (invoice, credit note, bill,
 * payment), then file order.
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Amount } from '../../schema/fields.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import type { Workspace } from '../../workspace/workspace.js';
import { accountType } from '../../checks/accounts.js';
import { billTxn, creditNoteTxn, invoiceTxn, paymentTxn } from './documents.js';
import type { AccountInfo, AccountType, Ledger, Posting, Txn, TxnSource } from './types.js';
import { tableAmount, type PostingTable } from './table.js';
import { BALANCE, COST, NO_AMOUNT, type JournalStore } from '../../workspace/journal-store.js';
import type { Locator } from '../../schema/record.js';

const SOURCE_ORDER: Record<TxnSource, number> = { journal: 0, invoice: 1, 'credit-note': 2, bill: 3, payment: 4 };

const cache = new WeakMap<Workspace, Ledger>();

export function buildLedger(ws: Workspace): Ledger {
  const hit = cache.get(ws);
  if (hit) return hit;
  const cfg = ws.config;
  const base = cfg.base_currency;
  const docs: Txn[] = [];
  for (const d of ws.data.invoices as unknown as AnyRecord[]) docs.push(invoiceTxn(d, cfg));
  for (const d of ws.data['credit-notes'] as unknown as AnyRecord[]) docs.push(creditNoteTxn(d, cfg));
  for (const d of ws.data.bills as unknown as AnyRecord[]) docs.push(billTxn(d, cfg));
  for (const d of ws.data.payments as unknown as AnyRecord[]) docs.push(paymentTxn(d, cfg));
  const table = buildTable(ws.journal, docs, base);
  const ledger = new BuiltLedger(table, accountsOf(ws, table), base);
  cache.set(ws, ledger);
  return ledger;
}

class BuiltLedger implements Ledger {
  private all: Txn[] | null = null;
  constructor(
    readonly table: PostingTable,
    readonly accounts: ReadonlyMap<string, AccountInfo>,
    readonly baseCurrency: string,
  ) {}
  /** Every transaction as an object (built on first use: register, print, export). */
  get txns(): readonly Txn[] {
    if (!this.all) {
      const out = new Array<Txn>(this.table.txnCount);
      for (let t = 0; t < out.length; t++) out[t] = this.table.txn(t);
      this.all = out;
    }
    return this.all;
  }
}

/** Postings a journal entry gets for its amount-less posting: the negated sum of the others, one per commodity (as journalTxn). */
interface Inferred {
  readonly p: number;
  readonly commodity: string;
  readonly amount: Dec;
  readonly balance?: Dec;
}

function inferredPostings(j: JournalStore, e: number, base: string): Inferred[] {
  let empty = -1;
  const sums = new Map<string, Dec>();
  for (let p = j.postStart[e]!; p < j.postStart[e + 1]!; p++) {
    const amt = j.amount(p);
    if (!amt) {
      empty = p;
      continue;
    }
    const cost = j.flags[p]! & COST ? j.costs.get(p)! : undefined;
    const bc = cost ? (cost.commodity ?? base) : (amt.commodity ?? base);
    const bv = cost ? cost.qty : amt.qty;
    const prev = sums.get(bc);
    sums.set(bc, prev ? prev.add(bv) : bv);
  }
  const out: Inferred[] = [];
  const bal = j.flags[empty]! & BALANCE ? j.balances.get(empty)! : undefined;
  for (const [c, v] of sums) {
    if (v.isZero()) continue;
    out.push(bal && (bal.commodity ?? base) === c ? { p: empty, commodity: c, amount: v.neg(), balance: bal.qty } : { p: empty, commodity: c, amount: v.neg() });
  }
  return out;
}

/**
 * The posting table: journal entries (from the store's columns) and document
 * transactions, in ledger order — date, then journal before documents
 * (invoice, credit note, bill, payment), then file order — by a stable
 * counting sort on (date index, source).
 */
function buildTable(j: JournalStore, docs: readonly Txn[], base: string): PostingTable {
  const E = j.size;
  const N = E + docs.length;
  const dateSet = new Set<IsoDate>(j.dates);
  for (const t of docs) dateSet.add(t.date);
  const dates = [...dateSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map<string, number>(dates.map((d, i) => [d, i]));
  const entryRank = Int32Array.from(j.dates, (d) => rank.get(d)!);
  const key = new Int32Array(N);
  for (let e = 0; e < E; e++) key[e] = entryRank[j.date[e]!]! * 5;
  for (let k = 0; k < docs.length; k++) key[E + k] = rank.get(docs[k]!.date)! * 5 + SOURCE_ORDER[docs[k]!.source];
  const at = new Int32Array(dates.length * 5 + 1);
  for (let i = 0; i < N; i++) at[key[i]! + 1]!++;
  for (let b = 0; b + 1 < at.length; b++) at[b + 1]! += at[b]!;
  const order = new Int32Array(N);
  for (let i = 0; i < N; i++) order[at[key[i]!]!++] = i;

  // Entries whose postings are not all plain (no amount, a bigint, a cost or an assertion): rare, posted one by one.
  const special = new Uint8Array(E);
  const inferred = new Map<number, Inferred[]>();
  let elided = 0;
  let extra = 0;
  for (let p = 0; p < j.postings; p++) {
    const f = j.flags[p]!;
    if (f === 0) continue;
    const e = j.entryOf(p);
    special[e] = 1;
    if (!(f & NO_AMOUNT)) continue;
    elided++;
    if (inferred.has(e)) continue;
    const inf = inferredPostings(j, e, base);
    inferred.set(e, inf);
    extra += inf.length;
  }
  let docPostings = 0;
  for (const t of docs) docPostings += t.postings.length;
  const P = j.postings - elided + extra + docPostings;

  const accountNames = [...j.accounts];
  const accountIds = new Map<string, number>(accountNames.map((a, i) => [a, i]));
  const accountId = (a: string) => {
    let id = accountIds.get(a);
    if (id === undefined) {
      id = accountNames.length;
      accountNames.push(a);
      accountIds.set(a, id);
    }
    return id;
  };
  // The store's commodities (the base currency first) keep their indexes.
  const commodityNames = [...j.commodities];
  const commodityIds = new Map<string, number>(commodityNames.map((c, i) => [c, i]));
  const commodityId = (c: string) => {
    let id = commodityIds.get(c);
    if (id === undefined) {
      id = commodityNames.length;
      commodityNames.push(c);
      commodityIds.set(c, id);
    }
    return id;
  };

  const t = new Table(j, docs, base, N, P, dates, accountNames, commodityNames);
  const { start, date, ref, account, commodity, mant, scale, wide, balance, srcOf, docPosting } = t;
  const put = (q: number, acc: number, com: number, d: Dec) => {
    account[q] = acc;
    commodity[q] = com;
    const m = d.raw;
    if (typeof m === 'number' && d.s <= 255) {
      mant[q] = m;
      scale[q] = d.s;
    } else {
      mant[q] = NaN;
      wide.set(q, d);
    }
  };
  // Plain journal entries that follow each other in the store and in ledger order are copied as one block.
  let runFrom = 0;
  let runTo = 0;
  let runAt = 0;
  const copyRun = () => {
    if (runTo > runFrom) {
      account.set(j.account.subarray(runFrom, runTo), runAt);
      commodity.set(j.commodity.subarray(runFrom, runTo), runAt);
      mant.set(j.mant.subarray(runFrom, runTo), runAt);
      scale.set(j.scale.subarray(runFrom, runTo), runAt);
    }
    runFrom = runTo = 0;
  };
  let q = 0;
  for (let i = 0; i < N; i++) {
    const x = order[i]!;
    start[i] = q;
    if (x < E) {
      date[i] = entryRank[j.date[x]!]!;
      ref[i] = x;
      const p0 = j.postStart[x]!;
      const p1 = j.postStart[x + 1]!;
      if (!special[x]) {
        if (p0 !== runTo || runTo === runFrom) {
          copyRun();
          runFrom = runTo = p0;
          runAt = q;
        }
        runTo = p1;
        q += p1 - p0;
        continue;
      }
      copyRun();
      for (let p = p0; p < p1; p++) {
        const f = j.flags[p]!;
        if (f & NO_AMOUNT) continue;
        put(q, j.account[p]!, j.commodity[p]!, j.dec(p));
        if (f & COST) {
          const cost = j.costs.get(p)!;
          t.cost.set(q, { amount: cost.qty, commodity: cost.commodity ?? base });
        }
        if (f & BALANCE) balance.set(q, j.balances.get(p)!.qty);
        srcOf.set(q++, p);
      }
      const inf = inferred.get(x);
      if (inf) {
        for (const ip of inf) {
          put(q, j.account[ip.p]!, commodityId(ip.commodity), ip.amount);
          if (ip.balance) balance.set(q, ip.balance);
          srcOf.set(q++, ip.p);
        }
      }
    } else {
      copyRun();
      const k = x - E;
      const d = docs[k]!;
      date[i] = rank.get(d.date)!;
      ref[i] = -(k + 1);
      for (const p of d.postings) {
        put(q, accountId(p.account), commodityId(p.commodity), p.amount);
        if (p.balance) balance.set(q, p.balance);
        if (p.cost) t.cost.set(q, p.cost);
        docPosting.push(p);
        srcOf.set(q++, -docPosting.length);
      }
    }
  }
  copyRun();
  start[N] = q;
  return t;
}

class Table implements PostingTable {
  readonly start: Int32Array;
  readonly date: Int32Array;
  /** Journal entry index, or −(k + 1) for document transaction k. */
  readonly ref: Int32Array;
  readonly account: Int32Array;
  readonly commodity: Int32Array;
  readonly mant: Float64Array;
  readonly scale: Uint8Array;
  /**
   * Where postings not copied with their entry come from: journal posting
   * index, or −(k + 1) for document posting k. A posting of a plain entry is
   * the entry's first store posting plus its offset in the transaction.
   */
  readonly srcOf = new Map<number, number>();
  readonly wide = new Map<number, Dec>();
  readonly balance = new Map<number, Dec>();
  readonly cost = new Map<number, { amount: Dec; commodity: string }>();
  readonly docPosting: Posting[] = [];
  constructor(
    private readonly j: JournalStore,
    private readonly docs: readonly Txn[],
    private readonly base: string,
    readonly txnCount: number,
    postings: number,
    readonly dates: readonly IsoDate[],
    readonly accountNames: readonly string[],
    readonly commodityNames: readonly string[],
  ) {
    this.start = new Int32Array(txnCount + 1);
    this.date = new Int32Array(txnCount);
    this.ref = new Int32Array(txnCount);
    this.account = new Int32Array(postings);
    this.commodity = new Int32Array(postings);
    this.mant = new Float64Array(postings);
    this.scale = new Uint8Array(postings);
  }
  amount(p: number): Dec {
    return tableAmount(this, p);
  }
  id(t: number): string {
    const r = this.ref[t]!;
    return r >= 0 ? this.j.ids[r]! : this.docs[-r - 1]!.id;
  }
  tags(t: number): readonly string[] {
    const r = this.ref[t]!;
    return r >= 0 ? this.j.tags(r) : this.docs[-r - 1]!.tags;
  }
  src(p: number): Locator {
    let r = this.srcOf.get(p);
    if (r === undefined) {
      const t = this.txnOf(p);
      r = this.j.postStart[this.ref[t]!]! + (p - this.start[t]!);
    }
    if (r < 0) return this.docPosting[-r - 1]!.src;
    return this.j.postingSrc(this.j.entryOf(r), r);
  }
  txn(t: number): Txn {
    const r = this.ref[t]!;
    return r >= 0 ? journalTxn(this.j.record(r), this.base) : this.docs[-r - 1]!;
  }
  /** The transaction whose postings include p (binary search). */
  private txnOf(p: number): number {
    let lo = 0;
    let hi = this.txnCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A journal entry as a transaction; an amount-less posting takes the negated sum of the others (one posting per commodity). */
export function journalTxn(e: AnyRecord, base: string): Txn {
  const raw = e.postings as AnyRecord[];
  const postings: Posting[] = [];
  let empty: AnyRecord | null = null;
  let sums: Map<string, Dec> | null = null;
  for (const p of raw) {
    const amt = p.amount as Amount | undefined;
    if (!amt) {
      empty = p;
      continue;
    }
    const commodity = amt.commodity ?? base;
    const cost = p.cost as Amount | undefined;
    const bal = p.balance as Amount | undefined;
    const posting: { -readonly [K in keyof Posting]: Posting[K] } = { account: p.account as string, amount: amt.qty, commodity, src: p.src };
    if (cost) posting.cost = { amount: cost.qty, commodity: cost.commodity ?? base };
    if (bal) posting.balance = bal.qty;
    if (p.memo !== undefined) posting.memo = p.memo as string;
    postings.push(posting);
    const bc = cost ? (cost.commodity ?? base) : commodity;
    const bv = cost ? cost.qty : amt.qty;
    if (!sums) sums = new Map();
    const prev = sums.get(bc);
    sums.set(bc, prev ? prev.add(bv) : bv);
  }
  if (empty) {
    const p = empty;
    const entries = sums ? [...sums].filter(([, v]) => !v.isZero()) : [];
    for (const [c, v] of entries) {
      const posting: { -readonly [K in keyof Posting]: Posting[K] } = { account: p.account as string, amount: v.neg(), commodity: c, src: p.src };
      if (p.memo !== undefined) posting.memo = p.memo as string;
      const bal = p.balance as Amount | undefined;
      if (bal && (bal.commodity ?? base) === c) posting.balance = bal.qty;
      postings.push(posting);
    }
  }
  const t: { -readonly [K in keyof Txn]: Txn[K] } = {
    id: e.id as string,
    date: e.date as IsoDate,
    description: e.description as string,
    tags: (e.tags as string[] | undefined) ?? [],
    source: 'journal',
    postings,
    src: e.src,
  };
  if (e.payee !== undefined) t.payee = e.payee as string;
  return t;
}

function accountsOf(ws: Workspace, t: PostingTable): Map<string, AccountInfo> {
  const out = new Map<string, AccountInfo>();
  for (const a of ws.data.accounts as unknown as AnyRecord[]) {
    const info: { -readonly [K in keyof AccountInfo]: AccountInfo[K] } = { id: a.id as string, type: (accountType(a.id as string, a.type as string | undefined) ?? 'asset') as AccountType };
    if (a.code !== undefined) info.code = a.code as string;
    if (a.name_zh !== undefined) info.name_zh = a.name_zh as string;
    out.set(info.id, info);
  }
  // Accounts used by postings, in ledger order.
  const seen = new Uint8Array(t.accountNames.length);
  const { account } = t;
  for (let p = 0; p < account.length; p++) {
    const a = account[p]!;
    if (seen[a]) continue;
    seen[a] = 1;
    const name = t.accountNames[a]!;
    if (!out.has(name)) out.set(name, { id: name, type: inferType(name, out) });
  }
  return out;
}

/** Type of an undeclared account: from a declared ancestor, else from its top segment, else asset. */
function inferType(id: string, known: Map<string, AccountInfo>): AccountType {
  const parts = id.split(':');
  for (let i = parts.length - 1; i > 0; i--) {
    const anc = known.get(parts.slice(0, i).join(':'));
    if (anc) return anc.type;
  }
  return (accountType(id) as AccountType | undefined) ?? 'asset';
}

export const ZERO = Dec.ZERO;
