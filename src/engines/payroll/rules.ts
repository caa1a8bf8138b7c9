/**
 * hr/payroll.yaml as written → compiled rule versions. Each version carries
 * over every section the version before had and it leaves out (constants are
 * merged by name). Every formula is parsed, its names resolved to slots and
 * its types checked here, so a bad rule is a diagnostic at its exact
 * file:line:col in `bizctl check`, never a surprise during a payroll run.
 */
import { Dec, ROUNDING_MODES, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { ComponentKind, Constant, Formula, payrollRules } from '../../domain/entities/hr.js';
import type { RecordOf } from '../../domain/entity.js';
import type { Diagnostics, SourceLoc } from '../../diagnostics/types.js';
import { didYouMean } from '../../util/suggest.js';
import { compile, type Bracket, type CompileScope, type Fn, type NameRef, type Resolution, type Table, type Ty, type Val } from './compile.js';
import { parseFormula } from './expr.js';
import { formulaLoc } from './locate.js';

export type RulesRecord = RecordOf<typeof payrollRules>;
type VersionRec = RulesRecord['versions'][number];
type ComponentRec = NonNullable<VersionRec['components']>[number];
type TableRec = NonNullable<VersionRec['tables']>[number];
type PlanRec = NonNullable<VersionRec['commission_plans']>[number];

export interface RoundRule {
  readonly places: number;
  readonly mode: RoundingMode;
}

/** A compiled formula and where it is written (for run-time errors). */
export interface CFormula {
  readonly fn: Fn;
  readonly formula: Formula;
}

export interface ContributionParts {
  readonly base: CFormula;
  readonly floor: CFormula | null;
  readonly ceiling: CFormula | null;
  readonly employeeRate: CFormula | null;
  readonly employerRate: CFormula | null;
  readonly employeeFixed: CFormula | null;
  readonly employerFixed: CFormula | null;
}

export interface Component {
  readonly code: string;
  readonly kind: ComponentKind;
  readonly name: string;
  readonly name_zh: string;
  readonly loc: SourceLoc;
  readonly when: CFormula | null;
  readonly amount: CFormula | null;
  readonly contribution: ContributionParts | null;
  readonly round: RoundRule;
  readonly taxable: boolean;
  readonly show: boolean;
  readonly account: string | null;
  readonly expenseAccount: string | null;
  /** Slot of the value (the employee part of a contribution). */
  readonly slot: number;
  /** Contributions: slots of the employer part and of the clamped base. */
  readonly employerSlot: number;
  readonly baseSlot: number;
}

export interface Tier {
  readonly upto: Dec | null;
  readonly rate: Dec;
}

export interface CommissionPlan {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly basis: 'invoices' | 'deals';
  readonly method: 'flat' | 'marginal' | 'whole';
  readonly rate: Dec;
  readonly tiers: readonly Tier[];
  readonly loc: SourceLoc;
}

export interface Accumulator {
  readonly name: string;
  readonly name_zh: string;
  readonly of: CFormula;
}

export interface AdditionalDeduction {
  readonly name: string;
  readonly name_zh: string;
  readonly max: Dec | null;
  readonly loc: SourceLoc;
}

/** Names whose slots are the same in every version, filled from the employee, attendance and period. */
export const BUILTINS = [
  ['base_salary', 'num', 'employee: monthly base salary'],
  ['social_base', 'num', 'employee: social insurance base (base_salary when not given)'],
  ['housing_fund_rate', 'num', 'employee: housing fund rate (may be empty: use default(housing_fund_rate, 7%))'],
  ['deductions_total', 'num', 'employee: sum of the special additional deductions'],
  ['days_worked', 'num', 'attendance: days worked'],
  ['absence_days', 'num', 'attendance: unpaid absence days'],
  ['leave_days', 'num', 'attendance: paid leave days'],
  ['sick_days', 'num', 'attendance: sick days'],
  ['overtime_weekday', 'num', 'attendance: overtime hours on working days'],
  ['overtime_restday', 'num', 'attendance: overtime hours on rest days'],
  ['overtime_holiday', 'num', 'attendance: overtime hours on public holidays'],
  ['has_attendance', 'bool', 'attendance: the employee has a line for the month'],
  ['year', 'num', 'period: the year, e.g. 2026'],
  ['month', 'num', 'period: the month, 1–12'],
  ['workdays', 'num', 'period: working days of the month (bizctl.yaml calendar)'],
  ['employed_workdays', 'num', 'period: working days of the month from hire to leaving'],
  ['joined', 'bool', 'period: hired during the month (not on its first day)'],
  ['leaving', 'bool', 'period: leaves during the month (before its last day)'],
  ['sales', 'num', 'sales: the commission basis of the month (invoices net of VAT, or won deals)'],
  ['sales.commission', 'num', "sales: commission on sales by the employee's plan (0 without a plan)"],
  ['ytd.months', 'num', 'year to date: months of the tax year before this one'],
] as const;

export type BuiltinName = (typeof BUILTINS)[number][0];
export const B: Record<BuiltinName, number> = Object.fromEntries(BUILTINS.map(([n], i) => [n, i])) as Record<BuiltinName, number>;
const NULLABLE = new Set<string>(['housing_fund_rate']);

export const AGGREGATES = {
  gross: 'sum of all earnings',
  taxable_gross: 'sum of the taxable earnings',
  contributions: 'sum of the employee parts of all contributions',
  'contributions.employer': 'sum of the employer parts of all contributions',
} as const;

/** Slots of one version: builtins, constants, families (deductions.*, input.*, ytd.*), components, aggregates. */
export interface Layout {
  readonly size: number;
  /** Constants prefilled; everything else null. */
  readonly template: readonly Val[];
  readonly deductions: ReadonlyMap<string, number>;
  readonly inputs: ReadonlyMap<string, number>;
  readonly ytd: ReadonlyMap<string, number>;
  /** The same as [name, slot] arrays, for the hot loop. */
  readonly deductionSlots: readonly (readonly [string, number])[];
  readonly inputSlots: readonly (readonly [string, number])[];
  readonly ytdSlots: readonly (readonly [string, number])[];
  readonly gross: number;
  readonly taxableGross: number;
  readonly contributions: number;
  readonly contributionsEmployer: number;
}

export interface RuleVersion {
  readonly effective: IsoDate;
  readonly until: IsoDate | null;
  readonly note: string;
  readonly loc: SourceLoc;
  readonly constants: ReadonlyMap<string, Dec | boolean>;
  readonly tables: ReadonlyMap<string, Table>;
  /** null: the version lists none, so any name is accepted. */
  readonly additional: readonly AdditionalDeduction[] | null;
  readonly plans: ReadonlyMap<string, CommissionPlan>;
  readonly components: readonly Component[];
  readonly accumulators: readonly Accumulator[];
  readonly accounts: { readonly salaries: string; readonly payable: string; readonly deductions: string };
  readonly layout: Layout;
  /** The names input.CODE that formulas read. */
  readonly inputCodes: ReadonlySet<string>;
}

export interface CompiledRules {
  readonly preset: string;
  readonly versions: readonly RuleVersion[];
}

export interface CompileOptions {
  /** Minor unit of the base currency (default rounding of components). */
  readonly minor: number;
  readonly rounding: RoundingMode;
  readonly sourceOf: (file: string) => string | undefined;
}

const DEFAULT_ACCOUNTS = { salaries: 'expenses:salaries', payable: 'liabilities:payroll', deductions: 'liabilities:other-payable' };
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', 'ytd', 'input', 'deductions', 'sales', ...Object.keys(AGGREGATES)]);

/** "2", "0 half-up", "1 up" → places and mode. */
export function parseRound(text: string): RoundRule | null {
  const m = /^\s*(\d{1,2})\s*(?:\s([a-z-]+))?\s*$/.exec(text);
  if (!m) return null;
  const places = Number(m[1]);
  const mode = (m[2] ?? 'half-up') as RoundingMode;
  if (places > 12 || !ROUNDING_MODES.includes(mode)) return null;
  return { places, mode };
}

/**
 * Compile the rules. Problems go to `diags` (deduplicated across versions that
 * share a section); returns null when there is any error.
 */
export function compileRules(rec: RulesRecord, opts: CompileOptions, diags: Diagnostics): CompiledRules | null {
  const seen = new Set<string>();
  let errors = 0;
  const push = (code: Parameters<Diagnostics['push']>[0], loc: SourceLoc, message: string, hint?: string) => {
    const key = `${code}|${loc.file}:${loc.line}:${loc.col}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors++;
    diags.push(code, loc, message, hint);
  };
  const versions: RuleVersion[] = [];
  let prev: VersionRec | null = null;
  let prevConstants = new Map<string, Constant>();
  const carried: Partial<Record<keyof VersionRec, unknown>> = {};
  rec.versions.forEach((v, i) => {
    if (prev && v.effective <= prev.effective) {
      push('bad-rule', v.src.at('effective'), `version ${i + 1} takes effect on ${v.effective}, not after version ${i} (${prev.effective})`, 'list versions oldest first, each with a later effective date');
    }
    if (v.until && v.until < v.effective) push('date-order', v.src.at('until'), `until ${v.until} of version ${i + 1} is before its effective date ${v.effective}`, 'until is the last day the figures are meant for');
    const constants = new Map(prevConstants);
    for (const c of v.constants ?? []) constants.set(c.name, c);
    prevConstants = constants;
    for (const k of ['division', 'tables', 'additional_deductions', 'commission_plans', 'components', 'accumulators', 'accounts'] as const) {
      if (v[k] !== undefined) carried[k] = v[k];
    }
    const cv = compileVersion(v, carried as Partial<VersionRec>, constants, opts, push);
    if (cv) versions.push(cv);
    prev = v;
  });
  if (errors) return null;
  return { preset: rec.preset ?? '', versions };
}

type Push = (code: Parameters<Diagnostics['push']>[0], loc: SourceLoc, message: string, hint?: string) => void;

interface NameEntry {
  readonly ref: NameRef;
  /** Components: index in the list (usable only below it). Aggregates: usable only below this index. */
  readonly after?: number;
  readonly what?: string;
  readonly line?: number;
}

function compileVersion(v: VersionRec, s: Partial<VersionRec>, constants: Map<string, Constant>, opts: CompileOptions, push: Push): RuleVersion | null {
  let bad = false;
  const err: Push = (code, loc, message, hint) => {
    bad = true;
    push(code, loc, message, hint);
  };
  const label = `version ${v.effective}`;

  // --- division and rounding
  let div = { places: 10, mode: 'half-up' as RoundingMode };
  if (s.division !== undefined) {
    const r = parseRound(s.division);
    if (!r) err('bad-rule', v.src.at('division'), `division "${s.division}" is not places and a rounding mode`, `e.g. "10 half-up"; modes: ${ROUNDING_MODES.join(', ')}`);
    else div = r;
  }

  // --- slots: builtins, constants
  const names = new Map<string, NameEntry>();
  const template: Val[] = [];
  for (const [n, ty] of BUILTINS) {
    names.set(n, { ref: { slot: template.length, ty, nullable: NULLABLE.has(n) } });
    template.push(null);
  }
  for (const c of constants.values()) {
    if (names.has(c.name) || RESERVED.has(c.name)) {
      err('bad-rule', c.loc, `constant ${c.name} has the name of a built-in value`, `rename it; built-in names: ${BUILTINS.map((b) => b[0]).join(', ')}`);
      continue;
    }
    names.set(c.name, { ref: { slot: template.length, ty: typeof c.value === 'boolean' ? 'bool' : 'num' } });
    template.push(c.value);
  }

  // --- tables
  const tables = new Map<string, Table>();
  for (const t of s.tables ?? []) {
    if (tables.has(t.name)) {
      err('bad-rule', t.src.at('name'), `table ${t.name} is defined twice in ${label}`, 'give each table its own name');
      continue;
    }
    const tb = compileTable(t, err);
    if (tb) tables.set(t.name, tb);
  }

  // --- additional deductions
  const additional = s.additional_deductions
    ? s.additional_deductions.map((a) => ({ name: a.name, name_zh: a.name_zh ?? a.name, max: a.max ?? null, loc: a.src.loc }))
    : null;
  const additionalNames = additional ? new Set(additional.map((a) => a.name)) : null;

  // --- commission plans
  const plans = new Map<string, CommissionPlan>();
  for (const p of s.commission_plans ?? []) {
    if (plans.has(p.id)) {
      err('bad-rule', p.src.at('id'), `commission plan ${p.id} is defined twice in ${label}`, 'give each plan its own id');
      continue;
    }
    const cp = compilePlan(p, err);
    if (cp) plans.set(p.id, cp);
  }

  // --- component names (known up front, so a forward use gets a precise message)
  const comps = s.components ?? [];
  const accs = s.accumulators ?? [];
  const deductions = new Map<string, number>();
  const inputs = new Map<string, number>();
  const ytd = new Map<string, number>();
  for (const a of accs) {
    if (ytd.has(a.name)) {
      err('bad-rule', a.src.at('name'), `accumulator ${a.name} is defined twice in ${label}`, 'give each accumulator its own name');
      continue;
    }
    ytd.set(a.name, template.length);
    template.push(null);
  }
  let lastEarning = -1;
  let lastContribution = -1;
  comps.forEach((c, i) => {
    if (c.kind === 'earning') lastEarning = i;
    if (c.kind === 'contribution') lastContribution = i;
  });
  const slots: { slot: number; employerSlot: number; baseSlot: number }[] = [];
  comps.forEach((c, i) => {
    const line = c.src.loc.line;
    const dup = names.get(c.code);
    if (dup || RESERVED.has(c.code) || !NAME_RE.test(c.code)) {
      const why = dup?.after !== undefined ? `component ${c.code} is defined twice (first on line ${dup.line})` : !NAME_RE.test(c.code) ? `component code "${c.code}" is not a name` : `component ${c.code} has the name of a ${dup && dup.ref.slot < BUILTINS.length ? 'built-in value' : dup ? 'constant' : 'reserved word'}`;
      err('bad-rule', c.src.at('code'), why, 'codes are letters, digits and _, distinct from constants and built-in names (docs/payroll.md)');
      slots.push({ slot: -1, employerSlot: -1, baseSlot: -1 });
      return;
    }
    const slot = template.length;
    template.push(null);
    names.set(c.code, { ref: { slot, ty: 'num' }, after: i, what: `component ${c.code}`, line });
    let employerSlot = -1;
    let baseSlot = -1;
    if (c.kind === 'contribution') {
      employerSlot = template.length;
      template.push(null);
      baseSlot = template.length;
      template.push(null);
      names.set(`${c.code}.employer`, { ref: { slot: employerSlot, ty: 'num' }, after: i, what: `component ${c.code}`, line });
      names.set(`${c.code}.base`, { ref: { slot: baseSlot, ty: 'num' }, after: i, what: `component ${c.code}`, line });
    }
    slots.push({ slot, employerSlot, baseSlot });
  });
  // totals, usable below the last component they sum
  const agg = (name: keyof typeof AGGREGATES, after: number) => {
    const slot = template.length;
    template.push(Dec.ZERO);
    names.set(name, { ref: { slot, ty: 'num' }, after, what: `${name} (${AGGREGATES[name]})`, line: after >= 0 ? comps[after]!.src.loc.line : 0 });
    return slot;
  };
  const gross = agg('gross', lastEarning);
  const taxableGross = agg('taxable_gross', lastEarning);
  const contributionsSlot = agg('contributions', lastContribution);
  const contributionsEmployer = agg('contributions.employer', lastContribution);

  // --- the resolver: `at` = index of the component being compiled (Infinity for accumulators)
  let here = Infinity;
  const allNames = () => [...names.keys(), ...[...deductions.keys()].map((k) => `deductions.${k}`), ...(additional ?? []).map((a) => `deductions.${a.name}`), ...[...inputs.keys()].map((k) => `input.${k}`)];
  const resolve = (name: string): Resolution => {
    const e = names.get(name);
    if (e) {
      if (e.after !== undefined && !(here > e.after)) {
        if (e.what?.startsWith('component')) {
          return here === e.after
            ? { error: `${e.what} cannot use itself`, hint: 'a formula may only use components above it' }
            : { error: `${e.what} is computed below, on line ${e.line}`, hint: 'a formula may only use components above it; move this one further down' };
        }
        return e.after < 0
          ? { error: `${name} is 0 here: no component of its kind is defined`, hint: 'add the components it sums, or leave it out' }
          : { error: `${e.what} is known only below the last component it sums (line ${e.line})`, hint: 'move this component further down' };
      }
      return e.ref;
    }
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const tail = dot < 0 ? '' : name.slice(dot + 1);
    if (head === 'deductions' && tail && !tail.includes('.')) {
      if (additionalNames && !additionalNames.has(tail)) {
        const g = didYouMean(tail, additionalNames);
        return { error: `unknown special additional deduction "${tail}"`, hint: g ? `did you mean "deductions.${g}"?` : `listed under additional_deductions: ${[...additionalNames].join(', ')}` };
      }
      let slot = deductions.get(tail);
      if (slot === undefined) {
        slot = template.length;
        template.push(null);
        deductions.set(tail, slot);
      }
      return { slot, ty: 'num' };
    }
    if (head === 'input' && tail && !tail.includes('.')) {
      let slot = inputs.get(tail);
      if (slot === undefined) {
        slot = template.length;
        template.push(null);
        inputs.set(tail, slot);
      }
      return { slot, ty: 'num' };
    }
    if (head === 'ytd' && tail) {
      const slot = ytd.get(tail);
      if (slot !== undefined) return { slot, ty: 'num' };
      const g = didYouMean(tail, [...ytd.keys(), 'months']);
      return { error: `unknown accumulator "${tail}"`, hint: g ? `did you mean "ytd.${g}"?` : ytd.size ? `accumulators: ${[...ytd.keys()].join(', ')}` : 'define it under accumulators:' };
    }
    const g = didYouMean(name, allNames());
    return { error: `unknown name "${name}"`, hint: g ? `did you mean "${g}"?` : 'names are constants, components above this one, employee, attendance and period values, input.CODE, deductions.NAME, ytd.NAME (docs/payroll.md)' };
  };
  const scope: CompileScope = {
    resolve,
    table: (n) => tables.get(n),
    tableNames: () => [...tables.keys()],
    div,
    rounding: opts.rounding,
  };
  const cf = (formula: Formula | undefined, ty: Ty): CFormula | null => {
    if (!formula) return null;
    const r = compileFormula(formula, ty, scope, opts, err);
    return r ? { fn: r, formula } : null;
  };

  // --- components
  const components: Component[] = [];
  const defaultRound: RoundRule = { places: opts.minor, mode: opts.rounding };
  comps.forEach((c, i) => {
    here = i;
    const sl = slots[i]!;
    const kind = c.kind;
    let round = defaultRound;
    if (c.round !== undefined) {
      const r = parseRound(c.round);
      if (!r) err('bad-rule', c.src.at('round'), `round "${c.round}" of component ${c.code} is not places and a rounding mode`, `e.g. "2" or "0 half-up" or "1 up"; modes: ${ROUNDING_MODES.join(', ')}`);
      else round = r;
    }
    const misplaced = (field: keyof ComponentRec, why: string) => {
      if (c[field] !== undefined) err('bad-rule', c.src.at(field), `${field} does not apply to ${kind} component ${c.code}: ${why}`, 'remove it, or change kind');
    };
    const isContribution = kind === 'contribution';
    if (isContribution) {
      misplaced('amount', 'a contribution is base × rate (+ fixed)');
      if (!c.base) err('missing-field', c.src.loc, `contribution ${c.code} has no base`, 'add base: the amount the rates apply to, e.g. base: social_base');
      if (!c.employee_rate && !c.employer_rate && !c.employee_fixed && !c.employer_fixed) err('missing-field', c.src.loc, `contribution ${c.code} has no rate`, 'add employee_rate and/or employer_rate, e.g. employee_rate: 8%');
    } else {
      for (const k of ['base', 'floor', 'ceiling', 'employee_rate', 'employer_rate', 'employee_fixed', 'employer_fixed'] as const) misplaced(k, 'only contributions have it');
      if (!c.amount) err('missing-field', c.src.loc, `component ${c.code} has no amount`, 'add amount: a formula, e.g. amount: base_salary');
    }
    if (kind !== 'earning') misplaced('taxable', 'only earnings are part of taxable_gross');
    if (kind !== 'contribution' && kind !== 'employer') misplaced('expense_account', 'only employer costs have an expense account');
    if (kind === 'info') misplaced('account', 'info components are not posted');
    const when = cf(c.when, 'bool');
    const amount = isContribution ? null : cf(c.amount, 'num');
    const contribution: ContributionParts | null =
      isContribution && c.base
        ? {
            base: cf(c.base, 'num')!,
            floor: cf(c.floor, 'num'),
            ceiling: cf(c.ceiling, 'num'),
            employeeRate: cf(c.employee_rate, 'num'),
            employerRate: cf(c.employer_rate, 'num'),
            employeeFixed: cf(c.employee_fixed, 'num'),
            employerFixed: cf(c.employer_fixed, 'num'),
          }
        : null;
    if (sl.slot < 0) return;
    components.push({
      code: c.code,
      kind,
      name: c.name ?? c.code,
      name_zh: c.name_zh ?? c.name ?? c.code,
      loc: c.src.loc,
      when,
      amount,
      contribution,
      round,
      taxable: c.taxable ?? true,
      show: c.show ?? (kind === 'earning' || kind === 'deduction' || kind === 'contribution'),
      account: c.account ?? null,
      expenseAccount: c.expense_account ?? null,
      ...sl,
    });
  });

  // --- accumulators (evaluated after the last component: every name is known)
  here = Infinity;
  const accumulators: Accumulator[] = [];
  for (const a of accs) {
    const of = cf(a.of, 'num');
    if (of) accumulators.push({ name: a.name, name_zh: a.name_zh ?? a.name, of });
  }

  if (bad) return null;
  const layout: Layout = { size: template.length, template, deductions, inputs, ytd, deductionSlots: [...deductions], inputSlots: [...inputs], ytdSlots: [...ytd], gross, taxableGross, contributions: contributionsSlot, contributionsEmployer };
  const acc = s.accounts;
  return {
    effective: v.effective,
    until: v.until ?? null,
    note: v.note ?? '',
    loc: v.src.loc,
    constants: new Map([...constants.values()].map((c) => [c.name, c.value])),
    tables,
    additional,
    plans,
    components,
    accumulators,
    accounts: { salaries: acc?.salaries ?? DEFAULT_ACCOUNTS.salaries, payable: acc?.payable ?? DEFAULT_ACCOUNTS.payable, deductions: acc?.deductions ?? DEFAULT_ACCOUNTS.deductions },
    layout,
    inputCodes: new Set(inputs.keys()),
  };
}

function compileFormula(formula: Formula, ty: Ty, scope: CompileScope, opts: CompileOptions, err: Push): Fn | null {
  const src = opts.sourceOf(formula.loc.file);
  const parsed = parseFormula(formula.text);
  if (!parsed.ok) {
    err('formula-syntax', formulaLoc(formula.text, formula.loc, parsed.error.offset, src), `${parsed.error.message} in formula "${formula.text.trim()}"`, parsed.error.hint);
    return null;
  }
  const c = compile(parsed.expr, formula.text, scope, ty);
  if (!c.ok) {
    err(c.error.kind === 'name' ? 'unknown-name' : 'formula-type', formulaLoc(formula.text, formula.loc, c.error.offset, src), c.error.message, c.error.hint);
    return null;
  }
  return c.value.fn;
}

function compileTable(t: TableRec, err: Push): Table | null {
  const out: Bracket[] = [];
  let ok = true;
  let prevUpto: Dec | null = null;
  let prevRate = Dec.ZERO;
  let prevQuick = Dec.ZERO;
  t.brackets.forEach((b, i) => {
    const last = i === t.brackets.length - 1;
    if (b.upto === undefined && !last) {
      ok = false;
      err('bad-rule', b.src.loc, `bracket ${i + 1} of table ${t.name} has no upper bound but is not the last`, 'give every bracket but the last an upto');
      return;
    }
    if (b.upto !== undefined && last) {
      ok = false;
      err('bad-rule', b.src.at('upto'), `the last bracket of table ${t.name} has an upper bound (${b.upto.toString()})`, 'leave upto out on the last bracket: it holds everything above the one before');
      return;
    }
    if (b.upto !== undefined && prevUpto !== null && b.upto.lte(prevUpto)) {
      ok = false;
      err('bad-rule', b.src.at('upto'), `bracket ${i + 1} of table ${t.name} ends at ${b.upto.toString()}, not above the bracket before (${prevUpto.toString()})`, 'list brackets in ascending order');
      return;
    }
    // Quick deduction of a progressive table: q(i) = q(i−1) + bound(i−1) × (rate(i) − rate(i−1)).
    const expected = i === 0 ? Dec.ZERO : prevQuick.add((prevUpto ?? Dec.ZERO).mul(b.rate.sub(prevRate)));
    if (b.quick !== undefined && !b.quick.eq(expected)) {
      ok = false;
      err('bad-rule', b.src.at('quick'), `quick deduction ${b.quick.toString()} of bracket ${i + 1} of table ${t.name} does not match the brackets: it should be ${expected.normalize().toString()}`, i === 0 ? 'the first bracket has no quick deduction' : `quick = ${prevQuick.normalize().toString()} + ${(prevUpto ?? Dec.ZERO).toString()} × (${b.rate.normalize().toString()} − ${prevRate.normalize().toString()}); leave quick out to have it computed`);
      return;
    }
    out.push({ upto: b.upto ?? null, rate: b.rate, quick: b.quick ?? expected.normalize() });
    prevUpto = b.upto ?? null;
    prevRate = b.rate;
    prevQuick = b.quick ?? expected;
  });
  return ok ? { name: t.name, brackets: out } : null;
}

function compilePlan(p: PlanRec, err: Push): CommissionPlan | null {
  let ok = true;
  if (p.method === 'flat') {
    if (!p.rate) {
      ok = false;
      err('missing-field', p.src.loc, `flat commission plan ${p.id} has no rate`, 'add rate: e.g. 2%');
    }
    if (p.tiers) {
      ok = false;
      err('bad-rule', p.src.at('tiers'), `flat commission plan ${p.id} has tiers`, 'use method: marginal or whole for tiers, or remove them');
    }
  } else {
    if (p.rate) {
      ok = false;
      err('bad-rule', p.src.at('rate'), `${p.method} commission plan ${p.id} has a single rate`, 'give the rate of each tier under tiers:, or use method: flat');
    }
    if (!p.tiers || p.tiers.length === 0) {
      ok = false;
      err('missing-field', p.src.loc, `${p.method} commission plan ${p.id} has no tiers`, 'add tiers: - {upto: 100000, rate: 1%} … - {rate: 3%}');
    }
  }
  const tiers: Tier[] = [];
  let prev: Dec | null = null;
  (p.tiers ?? []).forEach((t, i) => {
    const last = i === (p.tiers?.length ?? 0) - 1;
    if (t.upto === undefined && !last) {
      ok = false;
      err('bad-rule', t.src.loc, `tier ${i + 1} of commission plan ${p.id} has no upper bound but is not the last`, 'give every tier but the last an upto');
    } else if (t.upto !== undefined && last) {
      ok = false;
      err('bad-rule', t.src.at('upto'), `the last tier of commission plan ${p.id} has an upper bound`, 'leave upto out on the last tier');
    } else if (t.upto !== undefined && prev !== null && t.upto.lte(prev)) {
      ok = false;
      err('bad-rule', t.src.at('upto'), `tier ${i + 1} of commission plan ${p.id} is not above the tier before`, 'list tiers in ascending order');
    }
    tiers.push({ upto: t.upto ?? null, rate: t.rate });
    prev = t.upto ?? prev;
  });
  if (!ok) return null;
  return { id: p.id, name: p.name ?? p.id, name_zh: p.name_zh ?? p.name ?? p.id, basis: p.basis, method: p.method, rate: p.rate ?? Dec.ZERO, tiers, loc: p.src.loc };
}
