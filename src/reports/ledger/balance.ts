/**
 * `bizctl ledger balance`: balances per account, as a tree with subtotals
 * (each account shows itself plus its subaccounts) or as a flat list
 * (each account only its own postings), optionally clipped to a depth and
 * split into month/quarter/year columns (each column = change in that period).
 */
import { addDays, type IsoDate } from '../../domain/dates.js';
import { periodsBetween, type Period, type PeriodKind } from '../../domain/periods.js';
import { clip, compareAccounts, depthOf, withAncestors } from '../../engines/ledger/accounts.js';
import { addAll, isZeroAmounts, SlotSums, type Amounts } from '../../engines/ledger/balances.js';
import { accountsMatching, tagsMatch, type Query } from '../../engines/ledger/query.js';
import { dateIndex, type PostingTable } from '../../engines/ledger/table.js';
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
  const T = ledger.table;
  const periods = spec.interval ? columnsFor(ledger, spec, spec.interval) : null;
  // Per ledger account: the report account its postings add to (clipped to --depth), or −1 when the query leaves it out.
  const names: string[] = [];
  const nameIdx = new Map<string, number>();
  const matching = accountsMatching(T.accountNames, spec);
  const target = Int32Array.from(T.accountNames, (a, i) => {
    if (!matching[i]) return -1;
    const name = spec.depth ? clip(a, spec.depth) : a;
    let k = nameIdx.get(name);
    if (k === undefined) {
      k = names.length;
      names.push(name);
      nameIdx.set(name, k);
    }
    return k;
  });
  const nc = T.commodityNames.length;
  const [lo, hi] = dateBounds(T, spec);
  const colOf = periods ? columnOfDate(T.dates, periods) : null;
  const overall = new SlotSums(names.length * nc);
  const perCol = periods ? periods.map(() => new SlotSums(names.length * nc)) : null;
  const tags = spec.tags && spec.tags.length ? spec.tags : null;
  const { start, date, account, commodity, mant, scale } = T;
  for (let t = 0; t < T.txnCount; t++) {
    const di = date[t]!;
    if (di < lo || di >= hi) continue;
    if (tags && !tagsMatch(T.tags(t), tags)) continue;
    let col = -1;
    if (colOf) {
      col = colOf[di]!;
      if (col < 0) continue;
    }
    const cols = perCol ? perCol[col]! : null;
    for (let p = start[t]!, p1 = start[t + 1]!; p < p1; p++) {
      const a = target[account[p]!]!;
      if (a < 0) continue;
      const slot = a * nc + commodity[p]!;
      const m = mant[p]!;
      if (m === m) {
        overall.add(slot, m, scale[p]!);
        cols?.add(slot, m, scale[p]!);
      } else {
        const d = T.amount(p);
        overall.addDec(slot, d);
        cols?.addDec(slot, d);
      }
    }
  }
  const sums = overall.toMaps(names, T.commodityNames);
  const colSums = perCol?.map((c) => c.toMaps(names, T.commodityNames));
  const get = (m: Map<string, Amounts>, a: string): Amounts => new Map(m.get(a) ?? []);
  const leaves = [...sums.keys()];
  const rows: BalanceRow[] = [];
  const total: Amounts = new Map();
  const totalColumns: Amounts[] | undefined = colSums ? colSums.map(() => new Map()) : undefined;
  for (const a of leaves) {
    addAll(total, get(sums, a));
    colSums?.forEach((s, i) => addAll(totalColumns![i]!, get(s, a)));
  }
  if (spec.flat) {
    for (const a of leaves.sort(compareAccounts)) {
      const amounts = get(sums, a);
      const columns = colSums?.map((s) => get(s, a));
      if (!spec.empty && isZeroAmounts(amounts) && (!columns || columns.every(isZeroAmounts))) continue;
      rows.push(columns ? { account: a, indent: 0, amounts, columns } : { account: a, indent: 0, amounts });
    }
  } else {
    const incl = new Map<string, { amounts: Amounts; columns?: Amounts[] }>();
    for (const a of leaves) {
      const own = get(sums, a);
      const ownCols = colSums?.map((s) => get(s, a));
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

/** The query's date range [begin, end) as date indexes of the table. */
function dateBounds(T: PostingTable, q: Query): [number, number] {
  return [q.begin ? dateIndex(T.dates, q.begin) : 0, q.end ? dateIndex(T.dates, q.end) : T.dates.length];
}

/** The period column of each table date (−1: before the first period or after the last), walking dates in order as a date-ordered scan does. */
function columnOfDate(dates: readonly IsoDate[], periods: readonly Period[]): Int32Array {
  const out = new Int32Array(dates.length);
  let col = 0;
  dates.forEach((d, i) => {
    while (col < periods.length && d > periods[col]!.end) col++;
    out[i] = col >= periods.length || d < periods[0]!.start ? -1 : col;
  });
  return out;
}

/** Period columns from the query's begin (or the first matching transaction) to its end (exclusive). */
function columnsFor(ledger: Ledger, q: Query, kind: PeriodKind): Period[] {
  let first: IsoDate | undefined = q.begin;
  let last: IsoDate | undefined = q.end ? addDays(q.end, -1) : undefined;
  if (!first || !last) {
    const T = ledger.table;
    const matching = accountsMatching(T.accountNames, q);
    const [lo, hi] = dateBounds(T, q);
    const tags = q.tags && q.tags.length ? q.tags : null;
    for (let t = 0; t < T.txnCount; t++) {
      const di = T.date[t]!;
      if (di < lo || di >= hi) continue;
      if (tags && !tagsMatch(T.tags(t), tags)) continue;
      let any = false;
      for (let p = T.start[t]!; p < T.start[t + 1]! && !any; p++) any = matching[T.account[p]!] === 1;
      if (!any) continue;
      const d = T.dates[di]!;
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
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
