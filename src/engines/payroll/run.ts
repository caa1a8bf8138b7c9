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
  /** Year to date before this month of an accumulator (0 when none), and the months it counts. */
  ytdOf(name: string): Dec;
  readonly ytdMonths: number;
  readonly result: MonthResult;
}

export interface PayrollRun {
  readonly month: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly version: RuleVersion;
  readonly pays: readonly EmployeePay[];
  readonly notes: readonly RunNote[];
}

/** Something a reader of the register should know (rendered in English or Chinese by the report). */
export type RunNote =
  | { readonly kind: 'stale-rules'; readonly effective: string; readonly until: string }
  | { readonly kind: 'no-attendance'; readonly employees: readonly string[] }
  | { readonly kind: 'other-currency'; readonly currency: string; readonly documents: readonly string[] };

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

const NO_INPUTS: ReadonlyMap<string, Dec> = new Map();
const ACC_COLUMNS = ['income', 'basic_deduction', 'special_deductions', 'additional_deductions', 'other_deductions', 'tax'] as const;

/** Compute the payroll of one month ("YYYY-MM"). */
export function runPayroll(rules: CompiledRules, data: PayrollData, month: string): PayrollRun {
  return runPayrollMonths(rules, data, [month])[0]!;
}

/** Compute several months of one tax year; each month's year to date comes from the months before it. */
export function runPayrollMonths(rules: CompiledRules, data: PayrollData, wanted: readonly string[]): PayrollRun[] {
  const out: PayrollRun[] = [];
  let pays: EmployeePay[] = [];
  forEachPayrollMonth(rules, data, wanted, {
    pay: (p) => pays.push(p),
    month: (m) => {
      out.push({ ...m, pays });
      pays = [];
    },
  });
  return out;
}

/** Receives a run as it is computed: each employee's pay, then the month's summary. */
export interface PayrollSink {
  pay(p: EmployeePay): void;
  month(run: Omit<PayrollRun, 'pays'>): void;
}

interface YtdState {
  readonly ytd: Map<string, Dec>;
  months: number;
  /** Months up to this one are in the opening balance. */
  readonly through: string;
}

/**
 * Compute the payroll months of one tax year in order up to the last wanted
 * month, handing each wanted employee-month to the sink as soon as it is done
 * (a year of 10,000 employees is never held in memory at once).
 */
export function forEachPayrollMonth(rules: CompiledRules, data: PayrollData, wanted: readonly string[], sink: PayrollSink): void {
  const sorted = [...new Set(wanted)].sort();
  const year = sorted[0]!.slice(0, 4);
  if (sorted.some((m) => m.slice(0, 4) !== year)) throw new PayrollInputError('a payroll run covers months of one tax year', 'run each year separately');
  const last = sorted[sorted.length - 1]!;

  // Payroll months of the year up to the last wanted month: months with attendance.
  const indexes = new Map<string, MonthIndex>();
  const first = `${year}-01`;
  let cur: MonthIndex | undefined;
  for (const a of data.attendance) {
    const am = a.month;
    if (am < first || am > last) continue;
    if (cur === undefined || cur.month !== am) {
      cur = indexes.get(am);
      if (!cur) indexes.set(am, (cur = new MonthIndex(am, data)));
    }
    cur.attendance.set(a.employee, a);
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

  // Year to date per employee, opened from hr/payroll-ytd.
  const state = new Map<string, YtdState>();
  for (const o of data.openings) {
    if (String(o.year) !== year) continue;
    const m = sorted.find((x) => x <= o.through);
    if (m) throw new PayrollInputError(`the opening balance of ${o.employee} for ${year} already covers ${m} (through ${o.through})`, `months up to ${o.through} are paid in hr/payroll-ytd; run a later month, or move "through" back`);
    const ytd = new Map<string, Dec>();
    for (const k of ACC_COLUMNS) ytd.set(k, o[k]);
    state.set(o.employee, { ytd, months: o.months, through: o.through });
  }

  const employees = [...data.employees].sort((a, b) => naturalCompare(a.id, b.id));
  const wantedSet = new Set(sorted);
  for (const m of months) {
    const ix = indexes.get(m)!;
    const { y, m: mm, start, end } = monthRange(m);
    const v = versions.get(m)!;
    const accs = v.accumulators;
    const wantedMonth = wantedSet.has(m);
    const missing: string[] = [];
    let planBases = 0; // 1: invoices, 2: deals
    for (const e of employees) {
      if (!employedIn(e, start, end)) continue;
      let st = state.get(e.id);
      if (!st) state.set(e.id, (st = { ytd: new Map(), months: 0, through: '' }));
      if (m <= st.through) continue;
      const joined = e.hired > start;
      const leaving = e.left !== undefined && e.left < end;
      const employedWorkdays = joined || leaving ? countWorkdays(data.calendar, joined ? e.hired : start, leaving ? e.left! : end) : ix.workdays;
      const plan = e.commission_plan ? v.plans.get(e.commission_plan) : undefined;
      if (e.commission_plan && !plan) throw new PayrollInputError(`commission plan ${e.commission_plan} of ${e.id} is not in the rules in force in ${m} (version ${v.effective})`, 'add the plan to that version of hr/payroll.yaml, or fix the employee');
      if (plan) planBases |= plan.basis === 'invoices' ? 1 : 2;
      const sales = ix.salesBy(plan?.basis ?? 'invoices').byOwner.get(e.id) ?? Dec.ZERO;
      const commission = plan ? commissionOf(plan, sales) : Dec.ZERO;
      const inputs = ix.items.get(e.id) ?? NO_INPUTS;
      const attendance = ix.attendance.get(e.id);
      const ytd = st.ytd;
      const ytdMonths = st.months;
      const result = computeMonth(v, { employee: e, attendance, year: y, month: mm, workdays: ix.workdays, employedWorkdays, joined, leaving, sales, commission, inputs, ytd, ytdMonths }, data.minor, e.id, m, data.sourceOf);
      // the year to date before this month, for the report: only the accumulators' values
      const before = wantedMonth ? accs.map((a) => ytd.get(a.name)) : null;
      for (let i = 0; i < accs.length; i++) {
        const name = accs[i]!.name;
        const prev = ytd.get(name);
        ytd.set(name, prev === undefined ? result.accum[i]! : prev.add(result.accum[i]!));
      }
      st.months++;
      if (!before) continue;
      if (!attendance) missing.push(e.id);
      sink.pay({
        employee: e,
        month: m,
        version: v,
        attendance,
        plan,
        sales,
        commission,
        inputs,
        ytdOf: (name) => before[accs.findIndex((a) => a.name === name)] ?? Dec.ZERO,
        ytdMonths,
        result,
      });
    }
    if (!wantedMonth) continue;
    const notes: RunNote[] = [];
    if (v.until && v.until < start) notes.push({ kind: 'stale-rules', effective: v.effective, until: v.until });
    if (missing.length) notes.push({ kind: 'no-attendance', employees: missing });
    const skipped = new Set<string>();
    if (planBases & 1) for (const x of ix.salesBy('invoices').skipped) skipped.add(x);
    if (planBases & 2) for (const x of ix.salesBy('deals').skipped) skipped.add(x);
    if (skipped.size) notes.push({ kind: 'other-currency', currency: data.sales.baseCurrency, documents: [...skipped] });
    sink.month({ month: m, start, end, version: v, notes });
    indexes.delete(m);
  }
}

export { PayrollError };
