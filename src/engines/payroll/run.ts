/**
 * A payroll run: every employee employed in the month, with the year to date
 * of the tax year (calendar year) carried from the opening balance
 * (hr/payroll-ytd) and the earlier payroll months of the year, recomputed from
 * their attendance. A payroll month is a month that has attendance lines.
 * Pure: the clock, files and terminal are never touched.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { daysInMonth, ymd, type IsoDate } from '../../domain/dates.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { naturalCompare } from '../../util/natural.js';
import { commissionOf, dealSales, invoiceSales, type MonthSales, type SalesSource } from './commission.js';
import { computeMonth, PayrollError, type AttendanceLike, type EmployeeLike, type MonthResult } from './compute.js';
import type { CommissionPlan, CompiledRules, RuleVersion } from './rules.js';

export interface Employee extends EmployeeLike {
  readonly name: string;
  readonly hired: IsoDate;
  readonly left?: IsoDate;
  readonly commission_plan?: string;
}

export interface AttendanceLine extends AttendanceLike {
  readonly employee: string;
  readonly month: string;
}

export interface PayItem {
  readonly employee: string;
  readonly month: string;
  readonly code: string;
  readonly amount: Dec;
}

export interface YtdOpening {
  readonly employee: string;
  readonly year: number;
  readonly through: string;
  readonly months: number;
  readonly income: Dec;
  readonly basic_deduction: Dec;
  readonly special_deductions: Dec;
  readonly additional_deductions: Dec;
  readonly other_deductions: Dec;
  readonly tax: Dec;
  readonly src?: { readonly loc: import('../../diagnostics/types.js').SourceLoc };
}

export interface PayrollData {
  readonly employees: readonly Employee[];
  readonly attendance: readonly AttendanceLine[];
  readonly payItems: readonly PayItem[];
  readonly openings: readonly YtdOpening[];
  readonly sales: SalesSource;
  readonly calendar: WorkCalendar;
  readonly minor: number;
  readonly rounding: RoundingMode;
  readonly sourceOf: (file: string) => string | undefined;
}

export interface EmployeePay {
  readonly employee: Employee;
  readonly month: string;
  readonly version: RuleVersion;
  readonly attendance: AttendanceLike | undefined;
  readonly plan: CommissionPlan | undefined;
  readonly sales: Dec;
  readonly commission: Dec;
  readonly inputs: ReadonlyMap<string, Dec>;
  /** Year to date before this month, by accumulator name, and the months it counts. */
  readonly ytd: ReadonlyMap<string, Dec>;
  readonly ytdMonths: number;
  readonly result: MonthResult;
}

export interface PayrollRun {
  readonly month: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly version: RuleVersion;
  readonly pays: readonly EmployeePay[];
  readonly notes: readonly string[];
}

/** An input problem that stops the run (no attendance, no rule version in force). */
export class PayrollInputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function monthRange(month: string): { y: number; m: number; start: IsoDate; end: IsoDate } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { y, m, start: ymd(y, m, 1), end: ymd(y, m, daysInMonth(y, m)) };
}

/** The version in force for a month: the latest effective on or before its last day. */
export function versionFor(rules: CompiledRules, month: string): RuleVersion {
  const { end } = monthRange(month);
  let v: RuleVersion | undefined;
  for (const x of rules.versions) if (x.effective <= end) v = x;
  if (!v) {
    const first = rules.versions[0];
    throw new PayrollInputError(`no payroll rule version is in force in ${month}`, first ? `the first version of hr/payroll.yaml takes effect on ${first.effective}; add an earlier version for ${month}` : 'add a version to hr/payroll.yaml');
  }
  return v;
}

/** Shared per-month facts (workdays, indexes), built once per month. */
class MonthIndex {
  readonly attendance = new Map<string, AttendanceLine>();
  readonly items = new Map<string, Map<string, Dec>>();
  workdays = 0;
  private sales = new Map<string, MonthSales>();
  constructor(
    readonly month: string,
    private readonly data: PayrollData,
  ) {
    const { start, end } = monthRange(month);
    this.workdays = countWorkdays(data.calendar, start, end);
  }
  salesBy(basis: 'invoices' | 'deals'): MonthSales {
    let s = this.sales.get(basis);
    if (!s) this.sales.set(basis, (s = basis === 'invoices' ? invoiceSales(this.data.sales, this.month) : dealSales(this.data.sales, this.month)));
    return s;
  }
}

function countWorkdays(cal: WorkCalendar, start: IsoDate, end: IsoDate): number {
  let n = 0;
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const d0 = Number(start.slice(8, 10));
  const d1 = Number(end.slice(8, 10));
  for (let d = d0; d <= d1; d++) if (cal.isWorkday(ymd(y, m, d))) n++;
  return n;
}

function employedIn(e: Employee, start: IsoDate, end: IsoDate): boolean {
  return e.hired <= end && (e.left === undefined || e.left >= start);
}

const ACC_COLUMNS = ['income', 'basic_deduction', 'special_deductions', 'additional_deductions', 'other_deductions', 'tax'] as const;

/**
 * Compute the payroll of `month` ("YYYY-MM"). `months`: also return the
 * results of every earlier payroll month of the year (for a year view).
 */
export function runPayroll(rules: CompiledRules, data: PayrollData, month: string): PayrollRun {
  return runPayrollMonths(rules, data, [month])[0]!;
}

/**
 * Compute several months of one tax year in one pass (each month's year to
 * date comes from the months before it). Months must be of one year.
 */
export function runPayrollMonths(rules: CompiledRules, data: PayrollData, wanted: readonly string[]): PayrollRun[] {
  const sorted = [...new Set(wanted)].sort();
  const year = sorted[0]!.slice(0, 4);
  if (sorted.some((m) => m.slice(0, 4) !== year)) throw new PayrollInputError('a payroll run covers months of one tax year', 'run each year separately');
  const last = sorted[sorted.length - 1]!;

  // Payroll months of the year up to the last wanted month: months with attendance.
  const indexes = new Map<string, MonthIndex>();
  for (const a of data.attendance) {
    if (a.month.slice(0, 4) !== year || a.month > last) continue;
    let ix = indexes.get(a.month);
    if (!ix) indexes.set(a.month, (ix = new MonthIndex(a.month, data)));
    ix.attendance.set(a.employee, a);
  }
  for (const m of sorted) {
    if (!indexes.has(m)) throw new PayrollInputError(`there is no attendance for ${m}`, `payroll is computed from attendance: add hr/attendance/${m}.csv (one line per employee: employee, month, days_worked, …)`);
  }
  for (const it of data.payItems) {
    const ix = indexes.get(it.month);
    if (!ix) continue;
    let m = ix.items.get(it.employee);
    if (!m) ix.items.set(it.employee, (m = new Map()));
    m.set(it.code, (m.get(it.code) ?? Dec.ZERO).add(it.amount));
  }
  const months = [...indexes.keys()].sort();
  const versions = new Map(months.map((m) => [m, versionFor(rules, m)]));
  const openings = new Map<string, YtdOpening>();
  for (const o of data.openings) if (String(o.year) === year) openings.set(o.employee, o);

  const employees = [...data.employees].sort((a, b) => naturalCompare(a.id, b.id));
  const runs = new Map<string, EmployeePay[]>(sorted.map((m) => [m, []]));
  const wantedSet = new Set(sorted);
  for (const e of employees) {
    const open = openings.get(e.id);
    if (open && sorted.some((m) => m <= open.through)) {
      const m = sorted.find((x) => x <= open.through)!;
      throw new PayrollInputError(`the opening balance of ${e.id} for ${year} already covers ${m} (through ${open.through})`, `months up to ${open.through} are paid in hr/payroll-ytd; run a later month, or move "through" back`);
    }
    const ytd = new Map<string, Dec>();
    let ytdMonths = 0;
    if (open) {
      for (const k of ACC_COLUMNS) ytd.set(k, open[k]);
      ytdMonths = open.months;
    }
    for (const m of months) {
      if (open && m <= open.through) continue;
      const ix = indexes.get(m)!;
      const { y, m: mm, start, end } = monthRange(m);
      if (!employedIn(e, start, end)) continue;
      const v = versions.get(m)!;
      const joined = e.hired > start;
      const leaving = e.left !== undefined && e.left < end;
      const employedWorkdays = joined || leaving ? countWorkdays(data.calendar, joined ? e.hired : start, leaving ? e.left! : end) : ix.workdays;
      const plan = e.commission_plan ? v.plans.get(e.commission_plan) : undefined;
      if (e.commission_plan && !plan) throw new PayrollInputError(`commission plan ${e.commission_plan} of ${e.id} is not in the rules in force in ${m} (version ${v.effective})`, 'add the plan to that version of hr/payroll.yaml, or fix the employee');
      const sales = ix.salesBy(plan?.basis ?? 'invoices').byOwner.get(e.id) ?? Dec.ZERO;
      const commission = plan ? commissionOf(plan, sales) : Dec.ZERO;
      const inputs = ix.items.get(e.id) ?? new Map<string, Dec>();
      const attendance = ix.attendance.get(e.id);
      const ytdBefore = new Map(ytd);
      const result = computeMonth(
        v,
        { employee: e, attendance, year: y, month: mm, workdays: ix.workdays, employedWorkdays, joined, leaving, sales, commission, inputs, ytd: ytdBefore, ytdMonths },
        data.minor,
        `${e.id} in ${m}`,
        data.sourceOf,
      );
      v.accumulators.forEach((acc, i) => ytd.set(acc.name, (ytd.get(acc.name) ?? Dec.ZERO).add(result.accum[i]!)));
      ytdMonths++;
      if (wantedSet.has(m)) runs.get(m)!.push({ employee: e, month: m, version: v, attendance, plan, sales, commission, inputs, ytd: ytdBefore, ytdMonths: ytdMonths - 1, result });
    }
  }
  return sorted.map((m) => {
    const { start, end } = monthRange(m);
    const v = versions.get(m)!;
    const pays = runs.get(m)!;
    const ix = indexes.get(m)!;
    const notes: string[] = [];
    if (v.until && v.until < start) notes.push(`the rules in force (version ${v.effective}) are meant for dates up to ${v.until}; add a version with this year's figures to hr/payroll.yaml`);
    const missing = pays.filter((p) => !p.attendance).map((p) => p.employee.id);
    if (missing.length) notes.push(`no attendance line for ${missing.join(', ')}: paid as a full month without absence or overtime`);
    const skipped = new Set<string>();
    for (const b of ['invoices', 'deals'] as const) if (pays.some((p) => (p.plan?.basis ?? 'invoices') === b && p.plan)) for (const s of ix.salesBy(b).skipped) skipped.add(s);
    if (skipped.size) notes.push(`not in the commission basis (not in ${data.sales.baseCurrency}): ${[...skipped].join(', ')}`);
    return { month: m, start, end, version: v, pays, notes };
  });
}

export { PayrollError };
