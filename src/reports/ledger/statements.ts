/**
 * Financial statements built from balance reports restricted by account type.
 *
 * Income statement (period): income shown positive (its credit balance
 * negated), expenses positive, net income = income − expenses.
 * Balance sheet (as of a date): assets; liabilities and equity shown positive;
 * plus the earnings not yet closed to equity, so that
 * assets = liabilities + equity + earnings holds to the cent:
 *   current-year earnings = net income from the start of the fiscal year,
 *   earlier earnings      = net income before it (unclosed).
 * Trial balance: every account's balance split into debit and credit columns.
 */
import { addDays, ymd, type IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import type { PeriodKind } from '../../domain/periods.js';
import { addAll, negate, type Amounts } from '../../engines/ledger/balances.js';
import type { Query } from '../../engines/ledger/query.js';
import type { AccountType, Ledger } from '../../engines/ledger/types.js';
import { balanceReport, type BalanceReport, type BalanceSpec } from './balance.js';

export interface Section {
  readonly name: 'income' | 'expenses' | 'assets' | 'liabilities' | 'equity';
  readonly report: BalanceReport;
}

export interface IncomeStatement {
  readonly sections: readonly Section[];
  readonly net: Amounts;
  readonly netColumns?: readonly Amounts[];
}

function typeIs(ledger: Ledger, types: readonly AccountType[]) {
  return (account: string) => {
    const info = ledger.accounts.get(account);
    return info !== undefined && types.includes(info.type);
  };
}

/** Flip the sign of every amount in a report (credit-normal sections shown positive). */
function flipped(r: BalanceReport): BalanceReport {
  const out: BalanceReport = {
    periods: r.periods,
    rows: r.rows.map((row) => (row.columns ? { ...row, amounts: negate(row.amounts), columns: row.columns.map(negate) } : { ...row, amounts: negate(row.amounts) })),
    total: negate(r.total),
    ...(r.totalColumns ? { totalColumns: r.totalColumns.map(negate) } : {}),
  };
  return out;
}

function section(ledger: Ledger, spec: BalanceSpec, types: AccountType[], flip: boolean): BalanceReport {
  const r = balanceReport(ledger, { ...spec, accept: typeIs(ledger, types) });
  return flip ? flipped(r) : r;
}

export function incomeStatement(ledger: Ledger, spec: BalanceSpec): IncomeStatement {
  const income = section(ledger, spec, ['income'], true);
  const expenses = section(ledger, spec, ['expense'], false);
  const net: Amounts = new Map();
  addAll(net, income.total);
  addAll(net, expenses.total, -1);
  let netColumns: Amounts[] | undefined;
  if (income.periods) {
    // Both sections share the period columns (same spec, same ledger).
    const cols = columnsLike(income, expenses);
    netColumns = cols.map(([i, e]) => {
      const n: Amounts = new Map();
      addAll(n, i);
      addAll(n, e, -1);
      return n;
    });
  }
  return { sections: [{ name: 'income', report: income }, { name: 'expenses', report: expenses }], net, ...(netColumns ? { netColumns } : {}) };
}

function columnsLike(a: BalanceReport, b: BalanceReport): [Amounts, Amounts][] {
  const n = Math.max(a.totalColumns?.length ?? 0, b.totalColumns?.length ?? 0);
  return Array.from({ length: n }, (_, i) => [a.totalColumns?.[i] ?? new Map(), b.totalColumns?.[i] ?? new Map()]);
}

export interface BalanceSheet {
  readonly date: IsoDate;
  readonly sections: readonly Section[];
  /** Net income since the start of the fiscal year that contains `date`, not closed to equity. */
  readonly currentEarnings: Amounts;
  /** Net income before that fiscal year that was never closed to equity. */
  readonly earlierEarnings: Amounts;
  readonly totalAssets: Amounts;
  readonly totalLiabilitiesAndEquity: Amounts;
  /** assets − (liabilities + equity + earnings): zero when the books balance. */
  readonly difference: Amounts;
  /** With -X: the difference valuation makes (unrealised gains and losses of commodities at market prices), shown with equity. */
  readonly revaluation?: Amounts;
}

/** Start of the fiscal year that contains `date` (fiscal_year_start = first month). */
export function fiscalYearStart(date: IsoDate, startMonth: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= startMonth ? ymd(y, startMonth, 1) : ymd(y - 1, startMonth, 1);
}

/** Balance sheet at the end of `end − 1 day` (end exclusive, like every query). */
export function balanceSheet(ledger: Ledger, spec: BalanceSpec & { end: IsoDate }, fyStartMonth: number): BalanceSheet {
  const asOf = addDays(spec.end, -1);
  const hist: BalanceSpec = { ...spec, begin: undefined, interval: undefined as unknown as PeriodKind };
  delete (hist as { interval?: PeriodKind }).interval;
  const assets = section(ledger, hist, ['asset'], false);
  const liabilities = section(ledger, hist, ['liability'], true);
  const equity = section(ledger, hist, ['equity'], true);
  const fy = fiscalYearStart(asOf, fyStartMonth);
  const q = (begin: IsoDate | undefined, end: IsoDate): Query => ({ ...(begin ? { begin } : {}), end, ...(spec.tags ? { tags: spec.tags } : {}) });
  const netOf = (query: Query): Amounts => {
    const inc = balanceReport(ledger, { ...query, flat: true, empty: false, accept: typeIs(ledger, ['income', 'expense']) });
    return negate(inc.total); // income is credit (negative): net income = −(income + expenses)
  };
  const currentEarnings = netOf(q(fy, spec.end));
  const earlierEarnings = netOf(q(undefined, fy));
  const totalAssets = assets.total;
  const le: Amounts = new Map();
  addAll(le, liabilities.total);
  addAll(le, equity.total);
  addAll(le, currentEarnings);
  addAll(le, earlierEarnings);
  const difference: Amounts = new Map();
  addAll(difference, totalAssets);
  addAll(difference, le, -1);
  for (const [c, v] of difference) if (v.isZero()) difference.set(c, Dec.ZERO.withScale(v.s));
  return {
    date: asOf,
    sections: [
      { name: 'assets', report: assets },
      { name: 'liabilities', report: liabilities },
      { name: 'equity', report: equity },
    ],
    currentEarnings,
    earlierEarnings,
    totalAssets,
    totalLiabilitiesAndEquity: le,
    difference,
  };
}

export interface TrialBalanceRow {
  readonly account: string;
  readonly commodity: string;
  readonly debit: Dec | null;
  readonly credit: Dec | null;
}

export function trialBalance(ledger: Ledger, spec: BalanceSpec): { rows: TrialBalanceRow[]; debit: Amounts; credit: Amounts } {
  const r = balanceReport(ledger, { ...spec, flat: true, empty: false });
  const rows: TrialBalanceRow[] = [];
  const debit: Amounts = new Map();
  const credit: Amounts = new Map();
  for (const row of r.rows) {
    for (const [c, v] of [...row.amounts].sort(([a], [b]) => (a === ledger.baseCurrency ? -1 : b === ledger.baseCurrency ? 1 : a < b ? -1 : 1))) {
      if (v.isZero()) continue;
      const isDebit = v.sign() > 0;
      rows.push({ account: row.account, commodity: c, debit: isDebit ? v : null, credit: isDebit ? null : v.neg() });
      const target = isDebit ? debit : credit;
      const prev = target.get(c);
      target.set(c, prev ? prev.add(isDebit ? v : v.neg()) : isDebit ? v : v.neg());
    }
  }
  for (const c of new Set([...debit.keys(), ...credit.keys()])) {
    if (!debit.has(c)) debit.set(c, Dec.ZERO);
    if (!credit.has(c)) credit.set(c, Dec.ZERO);
  }
  return { rows, debit, credit };
}

/** An income statement valued in one commodity (each period column at its own end). */
export function valuedIncomeStatement(is: IncomeStatement, value: (r: BalanceReport) => BalanceReport): IncomeStatement {
  const sections = is.sections.map((s) => ({ name: s.name, report: value(s.report) }));
  const [income, expenses] = [sections[0]!.report, sections[1]!.report];
  const net: Amounts = new Map();
  addAll(net, income.total);
  addAll(net, expenses.total, -1);
  const netColumns = income.totalColumns ? columnsLike(income, expenses).map(([i, e]) => {
    const n: Amounts = new Map();
    addAll(n, i);
    addAll(n, e, -1);
    return n;
  }) : undefined;
  return { sections, net, ...(netColumns ? { netColumns } : {}) };
}

/** A balance sheet valued in one commodity at its date; earnings valued at the same date. */
export function valuedBalanceSheet(bs: BalanceSheet, value: (r: BalanceReport) => BalanceReport, valueAmounts: (a: Amounts) => Amounts): BalanceSheet {
  const sections = bs.sections.map((s) => ({ name: s.name, report: value(s.report) }));
  const currentEarnings = valueAmounts(bs.currentEarnings);
  const earlierEarnings = valueAmounts(bs.earlierEarnings);
  const totalAssets = sections[0]!.report.total;
  const le: Amounts = new Map();
  addAll(le, sections[1]!.report.total);
  addAll(le, sections[2]!.report.total);
  addAll(le, currentEarnings);
  addAll(le, earlierEarnings);
  // Valued at market prices, assets no longer equal what was booked: the gap is the unrealised result.
  const revaluation: Amounts = new Map();
  addAll(revaluation, totalAssets);
  addAll(revaluation, le, -1);
  addAll(le, revaluation);
  const difference: Amounts = new Map();
  addAll(difference, totalAssets);
  addAll(difference, le, -1);
  for (const [c, v] of difference) if (v.isZero()) difference.set(c, Dec.ZERO.withScale(v.s));
  return { date: bs.date, sections, currentEarnings, earlierEarnings, totalAssets, totalLiabilitiesAndEquity: le, difference, revaluation };
}
