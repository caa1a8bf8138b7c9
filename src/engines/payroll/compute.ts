/**
 * One employee, one month: fill the slots with the employee's, attendance,
 * period, sales and year-to-date figures, then evaluate the components in
 * order. Pure; the rules were compiled (and checked) before.
 */
import { Dec } from '../../domain/decimal.js';
import type { SourceLoc } from '../../diagnostics/types.js';
import { FormulaRuntimeError, type Val } from './compile.js';
import { formulaLoc } from './locate.js';
import { B, type CFormula, type Component, type RuleVersion } from './rules.js';

export interface EmployeeLike {
  readonly id: string;
  readonly base_salary: Dec;
  readonly social_base?: Dec;
  readonly housing_fund_rate?: Dec;
  readonly deductions?: Readonly<Record<string, Dec>>;
}

export interface AttendanceLike {
  readonly days_worked: Dec;
  readonly absence_days: Dec;
  readonly leave_days: Dec;
  readonly sick_days: Dec;
  readonly overtime_weekday: Dec;
  readonly overtime_restday: Dec;
  readonly overtime_holiday: Dec;
}

/** Everything one employee-month computation reads besides the rules. */
export interface MonthFacts {
  readonly employee: EmployeeLike;
  /** undefined: no attendance line; the month counts as fully worked with no absence or overtime. */
  readonly attendance: AttendanceLike | undefined;
  readonly year: number;
  readonly month: number;
  readonly workdays: number;
  readonly employedWorkdays: number;
  readonly joined: boolean;
  readonly leaving: boolean;
  readonly sales: Dec;
  readonly commission: Dec;
  /** input.CODE values (pay items). */
  readonly inputs: ReadonlyMap<string, Dec> | undefined;
  /** ytd.NAME values: sums over the earlier months of the tax year. */
  readonly ytd: ReadonlyMap<string, Dec>;
  readonly ytdMonths: number;
}

export interface MonthResult {
  /**
   * Per component of the version, in order: the value (a contribution's employee part; 0 when the
   * condition is false), the employer part and the clamped base (contributions; null otherwise),
   * and whether the condition held. Parallel arrays, not an object per line: a year of 10,000
   * employees makes millions of lines.
   */
  readonly amounts: readonly Dec[];
  readonly employer: readonly (Dec | null)[];
  readonly bases: readonly (Dec | null)[];
  readonly active: readonly boolean[];
  readonly gross: Dec;
  readonly taxableGross: Dec;
  readonly contributions: Dec;
  readonly contributionsEmployer: Dec;
  /** Sum of the deduction components (tax and others; not contributions). */
  readonly deductions: Dec;
  /** Sum of the employer components (not contributions). */
  readonly employerOther: Dec;
  /** gross − contributions − deductions. */
  readonly net: Dec;
  /** gross + employer contributions + employer components. */
  readonly employerCost: Dec;
  /** This month's value of each accumulator, in the version's order. */
  readonly accum: readonly Dec[];
}

/** A formula failed for one employee: where, what, and for whom. */
export class PayrollError extends Error {
  constructor(
    readonly loc: SourceLoc | null,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const ZERO = Dec.ZERO;

/** Whose computation failed (built into a message only on failure). */
interface Who {
  readonly employee: string;
  readonly month: string;
}

function evalF(f: CFormula, env: Val[], who: Who, sourceOf: (file: string) => string | undefined): Val {
  try {
    return f.fn(env);
  } catch (e) {
    if (e instanceof FormulaRuntimeError) {
      const loc = formulaLoc(f.formula.text, f.formula.loc, e.offset, sourceOf(f.formula.loc.file));
      throw new PayrollError(loc, `${who.employee} in ${who.month}: ${e.message} in formula "${f.formula.text.trim()}"`, e.hint);
    }
    throw e;
  }
}

/** Round a component's result and show it with at least the currency's decimals. */
function rounded(x: Dec, c: Component, minor: number): Dec {
  const r = x.round(c.round.places, c.round.mode);
  return c.round.places < minor ? r.withScale(minor) : r;
}

/** Compute one employee-month with one rule version. */
export function computeMonth(v: RuleVersion, f: MonthFacts, minor: number, employee: string, month: string, sourceOf: (file: string) => string | undefined): MonthResult {
  const who: Who = { employee, month };
  const L = v.layout;
  const env: Val[] = L.template.slice();
  const e = f.employee;
  const a = f.attendance;
  env[B.base_salary] = e.base_salary;
  env[B.social_base] = e.social_base ?? e.base_salary;
  env[B.housing_fund_rate] = e.housing_fund_rate ?? null;
  let dt = ZERO;
  if (e.deductions) for (const k in e.deductions) dt = dt.add(e.deductions[k]!);
  env[B.deductions_total] = dt;
  const ds = L.deductionSlots;
  for (let i = 0; i < ds.length; i++) env[ds[i]![1]] = e.deductions?.[ds[i]![0]] ?? ZERO;
  env[B.days_worked] = a ? a.days_worked : Dec.int(f.employedWorkdays);
  env[B.absence_days] = a ? a.absence_days : ZERO;
  env[B.leave_days] = a ? a.leave_days : ZERO;
  env[B.sick_days] = a ? a.sick_days : ZERO;
  env[B.overtime_weekday] = a ? a.overtime_weekday : ZERO;
  env[B.overtime_restday] = a ? a.overtime_restday : ZERO;
  env[B.overtime_holiday] = a ? a.overtime_holiday : ZERO;
  env[B.has_attendance] = a !== undefined;
  env[B.year] = Dec.int(f.year);
  env[B.month] = Dec.int(f.month);
  env[B.workdays] = Dec.int(f.workdays);
  env[B.employed_workdays] = Dec.int(f.employedWorkdays);
  env[B.joined] = f.joined;
  env[B.leaving] = f.leaving;
  env[B.sales] = f.sales;
  env[B['sales.commission']] = f.commission;
  env[B['ytd.months']] = Dec.int(f.ytdMonths);
  const is = L.inputSlots;
  for (let i = 0; i < is.length; i++) env[is[i]![1]] = f.inputs?.get(is[i]![0]) ?? ZERO;
  const ys = L.ytdSlots;
  for (let i = 0; i < ys.length; i++) env[ys[i]![1]] = f.ytd.get(ys[i]![0]) ?? ZERO;

  let gross = ZERO;
  let taxableGross = ZERO;
  let contributions = ZERO;
  let contributionsEmployer = ZERO;
  let deductions = ZERO;
  let employerOther = ZERO;
  const comps = v.components;
  const n = comps.length;
  const amounts: Dec[] = new Array<Dec>(n);
  const employer: (Dec | null)[] = new Array<Dec | null>(n);
  const bases: (Dec | null)[] = new Array<Dec | null>(n);
  const actives: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const c = comps[i]!;
    const active = c.when === null || (evalF(c.when, env, who, sourceOf) as boolean);
    if (c.contribution) {
      let ee = ZERO;
      let er = ZERO;
      let base = ZERO;
      if (active) {
        const p = c.contribution;
        base = evalF(p.base, env, who, sourceOf) as Dec;
        if (p.floor) base = base.max(evalF(p.floor, env, who, sourceOf) as Dec);
        if (p.ceiling) base = base.min(evalF(p.ceiling, env, who, sourceOf) as Dec);
        if (p.employeeRate) ee = base.mul(evalF(p.employeeRate, env, who, sourceOf) as Dec);
        if (p.employeeFixed) ee = ee.add(evalF(p.employeeFixed, env, who, sourceOf) as Dec);
        if (p.employerRate) er = base.mul(evalF(p.employerRate, env, who, sourceOf) as Dec);
        if (p.employerFixed) er = er.add(evalF(p.employerFixed, env, who, sourceOf) as Dec);
      }
      ee = rounded(ee, c, minor);
      er = rounded(er, c, minor);
      env[c.slot] = ee;
      env[c.employerSlot] = er;
      env[c.baseSlot] = base;
      contributions = contributions.add(ee);
      contributionsEmployer = contributionsEmployer.add(er);
      env[L.contributions] = contributions;
      env[L.contributionsEmployer] = contributionsEmployer;
      amounts[i] = ee;
      employer[i] = er;
      bases[i] = base;
      actives[i] = active;
      continue;
    }
    const x = active ? rounded(evalF(c.amount!, env, who, sourceOf) as Dec, c, minor) : rounded(ZERO, c, minor);
    env[c.slot] = x;
    switch (c.kind) {
      case 'earning':
        gross = gross.add(x);
        if (c.taxable) taxableGross = taxableGross.add(x);
        env[L.gross] = gross;
        env[L.taxableGross] = taxableGross;
        break;
      case 'deduction':
        deductions = deductions.add(x);
        break;
      case 'employer':
        employerOther = employerOther.add(x);
        break;
      case 'info':
        break;
      case 'contribution':
        throw new Error('unreachable: contributions are handled above');
      default: {
        const never: never = c.kind;
        throw new Error(`unknown kind ${String(never)}`);
      }
    }
    amounts[i] = x;
    employer[i] = null;
    bases[i] = null;
    actives[i] = active;
  }
  const accs = v.accumulators;
  const accum: Dec[] = new Array<Dec>(accs.length);
  for (let i = 0; i < accs.length; i++) accum[i] = evalF(accs[i]!.of, env, who, sourceOf) as Dec;
  const net = gross.sub(contributions).sub(deductions);
  return { amounts, employer, bases, active: actives, gross, taxableGross, contributions, contributionsEmployer, deductions, employerOther, net, employerCost: gross.add(contributionsEmployer).add(employerOther), accum };
}
