/**
 * `bizctl ledger balance`: balances per account, as a tree with subtotals
 * (each account shows itself plus its subaccounts) or as a flat list
 * (each account only its own postings), optionally clipped to a depth and
 * split into month/quarter/year columns (each column = change in that period).
 */
import { addDays, type IsoDate } from '../../domain/dates.js';
import { periodsBetween, type Period, type PeriodKind } from '../../domain/periods.js';
import { clip, compareAccounts, depthOf, withAncestors } from '../../engines/ledger/accounts.js';
import { AccountSums, addAll, isZeroAmounts, type Amounts } from '../../engines/ledger/balances.js';
import { postingMatches, txnMatches, type Query } from '../../engines/ledger/query.js';
import type { Ledger } from '../../engines/ledger/types.js';
import type { PriceDb } from '../../engines/ledger/prices.js';
import type { RoundingMode } from '../../domain/decimal.js';

export interface BalanceSpec extends Query {
  readonly flat: boolean;
  readonly depth?: number;
  readonly interval?: PeriodKind;
  /** Show accounts whose balance is zero. */
  readonly empty: boolean;
}

export interface BalanceRow {
  readonly account: string;
  /** 0 for top-level accounts in tree mode; always 0 in flat mode. */
  readonly indent: number;
  readonly amounts: Amounts;
  /** Per period, when the report has columns. */
  readonly columns?: readonly Amounts[];
}

export interface BalanceReport {
  readonly periods: readonly Period[] | null;
  readonly rows: readonly BalanceRow[];
  readonly total: Amounts;
  readonly totalColumns?: readonly Amounts[];
}

export function balanceReport(ledger: Ledger, spec: BalanceSpec): BalanceReport {
  const periods = spec.interval ? columnsFor(ledger, spec, spec.interval) : null;
  const overall = new AccountSums();
  const perCol = periods ? periods.map(() => new AccountSums()) : null;
  let col = 0;
  for (const t of ledger.txns) {
    if (!txnMatches(t, spec)) continue;
    if (periods) {
      while (col < periods.length && t.date > periods[col]!.end) col++;
      if (col >= periods.length || t.date < periods[0]!.start) continue;
    }
    for (const p of t.postings) {
      if (!postingMatches(p, spec)) continue;
      const acc = spec.depth ? clip(p.account, spec.depth) : p.account;
      overall.add(acc, p.commodity, p.amount);
      if (perCol) perCol[col]!.add(acc, p.commodity, p.amount);
    }
  }
  const leaves = [...overall.accounts()];
  const rows: BalanceRow[] = [];
  const total: Amounts = new Map();
  const totalColumns: Amounts[] | undefined = perCol ? perCol.map(() => new Map()) : undefined;
  for (const a of leaves) {
    addAll(total, overall.get(a));
    perCol?.forEach((s, i) => addAll(totalColumns![i]!, s.get(a)));
  }
  if (spec.flat) {
    for (const a of leaves.sort(compareAccounts)) {
      const amounts = overall.get(a);
      const columns = perCol?.map((s) => s.get(a));
      if (!spec.empty && isZeroAmounts(amounts) && (!columns || columns.every(isZeroAmounts))) continue;
      rows.push(columns ? { account: a, indent: 0, amounts, columns } : { account: a, indent: 0, amounts });
    }
  } else {
    const incl = new Map<string, { amounts: Amounts; columns?: Amounts[] }>();
    for (const a of leaves) {
      const own = overall.get(a);
      const ownCols = perCol?.map((s) => s.get(a));
      for (const anc of withAncestors(a)) {
        let e = incl.get(anc);
        if (!e) incl.set(anc, (e = ownCols ? { amounts: new Map(), columns: ownCols.map(() => new Map()) } : { amounts: new Map() }));
        addAll(e.amounts, own);
        ownCols?.forEach((c, i) => addAll(e!.columns![i]!, c));
      }
    }
    for (const a of [...incl.keys()].sort(compareAccounts)) {
      const e = incl.get(a)!;
      if (!spec.empty && isZeroAmounts(e.amounts) && (!e.columns || e.columns.every(isZeroAmounts))) continue;
      rows.push(e.columns ? { account: a, indent: depthOf(a) - 1, amounts: e.amounts, columns: e.columns } : { account: a, indent: depthOf(a) - 1, amounts: e.amounts });
    }
  }
  return totalColumns ? { periods, rows, total, totalColumns } : { periods, rows, total };
}

/** Period columns from the query's begin (or the first matching transaction) to its end (exclusive). */
function columnsFor(ledger: Ledger, q: Query, kind: PeriodKind): Period[] {
  let first: IsoDate | undefined = q.begin;
  let last: IsoDate | undefined = q.end ? addDays(q.end, -1) : undefined;
  if (!first || !last) {
    for (const t of ledger.txns) {
      if (!txnMatches(t, q) || !t.postings.some((p) => postingMatches(p, q))) continue;
      if (!first || t.date < first) first = t.date;
      if (!last || t.date > last) last = t.date;
    }
  }
  if (!first || !last || last < first) return [];
  return periodsBetween(kind, first, last);
}

/** The report with every amount valued in `target` (period columns at their own end dates). */
export function valued(r: BalanceReport, db: PriceDb, target: string, date: IsoDate, minor: number, mode: RoundingMode): BalanceReport {
  const v = (a: Amounts, d: IsoDate) => db.value(a, target, d, minor, mode);
  const colDate = (i: number) => (r.periods?.[i]?.end && r.periods[i]!.end < date ? r.periods[i]!.end : date);
  const rows = r.rows.map((row) => (row.columns ? { ...row, amounts: v(row.amounts, date), columns: row.columns.map((c, i) => v(c, colDate(i))) } : { ...row, amounts: v(row.amounts, date) }));
  return { periods: r.periods, rows, total: v(r.total, date), ...(r.totalColumns ? { totalColumns: r.totalColumns.map((c, i) => v(c, colDate(i))) } : {}) };
}
