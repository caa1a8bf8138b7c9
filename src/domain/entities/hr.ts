import { Dec, parseDec } from '../decimal.js';
import type { SourceLoc } from '../../diagnostics/types.js';
import { f, FieldB, INVALID, shown } from '../../schema/fields.js';
import { object, records } from '../../schema/record.js';
import { defineEntity } from '../entity.js';

export const employees = defineEntity({
  name: 'employee',
  plural: 'employees',
  module: 'hr',
  path: 'hr/employees',
  key: ['id'],
  description: 'Employees with their pay data.',
  fields: {
    id: f.id().required().doc('e.g. E007'),
    name: f.text().required(),
    name_en: f.text(),
    department: f.text(),
    title: f.text(),
    manager: f.ref('employees'),
    hired: f.date().required(),
    left: f.date(),
    base_salary: f.money().nonNegative().required().doc('monthly base salary'),
    social_base: f.money().nonNegative().doc('social insurance base (default: base salary, clamped to the city floor/ceiling)'),
    housing_fund_rate: f.rate().range('0', '0.12').doc('housing fund rate, e.g. 7%'),
    deductions: f.decmap().doc('special additional deductions per month: children, elderly, housing_loan, housing_rent, infant, education'),
    commission_plan: f.id().doc('commission plan id in hr/payroll.yaml'),
    bank: f.text(),
    bank_account: f.text(),
    id_number: f.text(),
    email: f.text(),
    phone: f.text(),
    notes: f.text(),
  },
});

export const attendance = defineEntity({
  name: 'attendance line',
  plural: 'attendance',
  module: 'hr',
  path: 'hr/attendance',
  key: ['employee', 'month'],
  sort: ['month', 'employee'],
  description: 'Monthly attendance per employee: days worked, absence, leave, overtime hours.',
  fields: {
    employee: f.ref('employees').required(),
    month: f.month().required().doc('YYYY-MM'),
    days_worked: f.decimal().nonNegative().required(),
    absence_days: f.decimal().nonNegative().default(Dec.ZERO).doc('unpaid absence'),
    leave_days: f.decimal().nonNegative().default(Dec.ZERO).doc('paid leave'),
    sick_days: f.decimal().nonNegative().default(Dec.ZERO),
    overtime_weekday: f.decimal().nonNegative().default(Dec.ZERO).doc('hours, paid at 150%'),
    overtime_restday: f.decimal().nonNegative().default(Dec.ZERO).doc('hours, paid at 200%'),
    overtime_holiday: f.decimal().nonNegative().default(Dec.ZERO).doc('hours, paid at 300%'),
    notes: f.text(),
  },
});

/** A formula of the payroll rules, kept as written with its location (compiled by engines/payroll). */
export interface Formula {
  readonly text: string;
  readonly loc: SourceLoc;
}

/** A formula field: one line of text in the payroll expression language (docs/payroll.md). */
export function formula() {
  return new FieldB<Formula>('formula', (raw, name, ctx) => {
    if (raw.kind !== 'scalar') {
      ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a formula, not a ${raw.kind === 'seq' ? 'list' : 'mapping'}`, 'write the formula on the same line, e.g. base_salary * 8%; quote it if it starts with [ or {');
      return INVALID;
    }
    return { text: raw.text, loc: raw.loc };
  });
}

/** A named constant of the payroll rules: a number (8% allowed) or true/false, with where it is written. */
export interface Constant {
  readonly name: string;
  readonly value: Dec | boolean;
  readonly loc: SourceLoc;
}

const CONST_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** constants: name → number, percentage or true/false (order kept). */
function constants() {
  const fc = new FieldB<Constant[]>('decmap', (raw, name, ctx) => {
    if (raw.kind !== 'map') {
      ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a mapping of names to numbers`, `write one "name: number" per line under ${name}:, e.g. basic_deduction: 5000`);
      return INVALID;
    }
    const out: Constant[] = [];
    let ok = true;
    for (const k of raw.keys()) {
      const v = raw.get(k)!;
      if (!CONST_NAME.test(k)) {
        ok = false;
        ctx.diags.push('bad-value', raw.keyLoc(k), `constant name "${k}" of ${ctx.what} is not a name`, 'names are letters, digits and _, starting with a letter, e.g. si_floor');
        continue;
      }
      const t = v.kind === 'scalar' ? v.text.trim() : '';
      let value: Dec | boolean | null = null;
      if (t === 'true' || t === 'false') value = t === 'true';
      else if (t.endsWith('%')) {
        const p = parseDec(t.slice(0, -1).trim());
        value = p ? p.div(Dec.int(100), p.s + 2) : null;
      } else value = parseDec(t);
      if (value === null) {
        ok = false;
        ctx.diags.push('bad-number', v.loc, `constant ${k} of ${ctx.what} is not a number: "${shown(t)}"`, 'write a plain number (5000, 21.75), a percentage (8%) or true/false');
        continue;
      }
      out.push({ name: k, value, loc: raw.keyLoc(k) });
    }
    return ok ? out : INVALID;
  });
  fc.csv = false;
  return fc;
}

const bracketFields = {
  upto: f.decimal().doc('upper bound of the bracket, inclusive; leave out on the last bracket (no bound)'),
  rate: f.rate().range('0', '1').required().doc('rate of the bracket, e.g. 3%'),
  quick: f.decimal().doc('quick deduction (速算扣除数); checked against the bounds and rates, computed when left out'),
};

const tableFields = {
  name: f.id().required().doc('name used in formulas: table(NAME, x), rate(NAME, x), quick(NAME, x)'),
  name_zh: f.text(),
  note: f.text(),
  brackets: records(bracketFields, 'bracket').required().doc('ascending brackets'),
};

const tierFields = {
  upto: f.money().doc('upper bound of the tier, inclusive; leave out on the last tier'),
  rate: f.rate().range('0', '1').required(),
};

export const COMMISSION_METHODS = ['flat', 'marginal', 'whole'] as const;
export const COMMISSION_BASES = ['invoices', 'deals'] as const;

const planFields = {
  id: f.id().required().doc('plan id, named by employees\' commission_plan'),
  name: f.text(),
  name_zh: f.text(),
  basis: f.enum(COMMISSION_BASES).default('invoices').doc('invoices (net of VAT, by invoice date) or deals (won deals, by close date)'),
  method: f.enum(COMMISSION_METHODS).required().doc('flat: basis × rate; marginal: each slice at its tier\'s rate; whole: the whole basis at the rate of the tier it reaches'),
  rate: f.rate().range('0', '1').doc('rate of a flat plan'),
  tiers: records(tierFields, 'tier').doc('tiers of a marginal or whole plan, ascending'),
};

export const COMPONENT_KINDS = ['earning', 'deduction', 'contribution', 'employer', 'info'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

const componentFields = {
  code: f.id().required().doc('name of the component in formulas and reports, e.g. base or iit'),
  kind: f.enum(COMPONENT_KINDS).required().doc('earning (adds to gross pay), deduction (taken from net pay), contribution (social insurance/housing fund, employee and employer parts), employer (cost to the employer only), info (a figure used by later formulas)'),
  name: f.text().doc('label in English'),
  name_zh: f.text().doc('label in Chinese'),
  when: formula().doc('condition; when false the component is 0'),
  amount: formula().doc('amount (every kind but contribution)'),
  round: f.text().doc('rounding of the result: places and mode, e.g. "2" or "0 half-up" or "1 up" (default: the currency\'s minor unit, workspace rounding)'),
  taxable: f.bool().doc('earnings: part of taxable_gross (default true)'),
  show: f.bool().doc('a column in `payroll run` (default: yes, except info and employer)'),
  base: formula().doc('contribution: base before floor and ceiling'),
  floor: formula().doc('contribution: lowest base'),
  ceiling: formula().doc('contribution: highest base'),
  employee_rate: formula().doc('contribution: employee rate, e.g. 8% or housing_fund_rate'),
  employer_rate: formula().doc('contribution: employer rate'),
  employee_fixed: formula().doc('contribution: fixed amount added to the employee part'),
  employer_fixed: formula().doc('contribution: fixed amount added to the employer part'),
  account: f.ref('accounts', { soft: true }).doc('earning: expense account; deduction, contribution, employer: liability account'),
  expense_account: f.ref('accounts', { soft: true }).doc('contribution and employer: expense account of the employer part'),
};

const accumulatorFields = {
  name: f.id().required().doc('ytd.NAME in formulas; the column of hr/payroll-ytd with this name opens it'),
  name_zh: f.text(),
  of: formula().required().doc('the monthly figure summed over the earlier months of the tax year'),
};

const additionalFields = {
  name: f.id().required().doc('key in employees\' deductions, e.g. children'),
  name_zh: f.text(),
  max: f.money().nonNegative().doc('highest monthly amount per employee'),
};

const accountsFields = {
  salaries: f.ref('accounts', { soft: true }).doc('expense account of earnings without their own (default expenses:salaries)'),
  payable: f.ref('accounts', { soft: true }).doc('net pay owed to employees (default liabilities:payroll)'),
  deductions: f.ref('accounts', { soft: true }).doc('liability for deductions without their own account (default liabilities:other-payable)'),
};

const versionFields = {
  effective: f.date().required().doc('first day this version applies; a month uses the latest version effective by its last day'),
  until: f.date().doc('last day the figures are meant for; a later month still uses them, with a warning'),
  note: f.text(),
  division: f.text().doc('places and mode of every "/" in formulas (default "10 half-up")'),
  constants: constants().doc('named numbers used by formulas: name: 5000, name: 8%, name: true (merged over the previous version)'),
  tables: records(tableFields, 'table').doc('progressive tables (replace the previous version\'s when given)'),
  additional_deductions: records(additionalFields, 'deduction').doc('special additional deductions employees may declare'),
  commission_plans: records(planFields, 'plan').doc('commission plans'),
  components: records(componentFields, 'component').doc('the pay computation, in order; a formula may use components above it'),
  accumulators: records(accumulatorFields, 'accumulator').doc('year-to-date sums (ytd.NAME)'),
  accounts: object(accountsFields, 'accounts').doc('accounts of the payroll journal entry'),
};

export const payrollRules = defineEntity({
  name: 'payroll rules',
  plural: 'payroll-rules',
  module: 'hr',
  path: 'hr/payroll',
  key: [],
  single: true,
  description: 'Payroll rules: versions of constants, tax tables, commission plans and the ordered pay components with their formulas (docs/payroll.md). A version repeats only what changes: every section left out is carried over from the version before.',
  fields: {
    preset: f.text().doc('where the rules came from, e.g. china'),
    versions: records(versionFields, 'version').required().doc('rule versions, oldest first'),
  },
});

export const payrollYtd = defineEntity({
  name: 'payroll opening balance',
  plural: 'payroll-ytd',
  module: 'hr',
  path: 'hr/payroll-ytd',
  key: ['employee', 'year'],
  sort: ['year', 'employee'],
  description: 'Year-to-date payroll figures from before bizctl (or another employer this year): the cumulative withholding continues from them.',
  fields: {
    employee: f.ref('employees').required(),
    year: f.int().range('1900', '9999').required().doc('tax year'),
    through: f.month().required().doc('last month included, YYYY-MM; months after it are computed from attendance'),
    months: f.int().range('0', '12').required().doc('months of the year counted so far'),
    income: f.money().default(Dec.ZERO).doc('cumulative income (累计收入额)'),
    basic_deduction: f.money().default(Dec.ZERO).doc('cumulative basic deduction (累计减除费用)'),
    special_deductions: f.money().default(Dec.ZERO).doc('cumulative social insurance and housing fund (累计专项扣除)'),
    additional_deductions: f.money().default(Dec.ZERO).doc('cumulative special additional deductions (累计专项附加扣除)'),
    other_deductions: f.money().default(Dec.ZERO).doc('cumulative other deductions (累计其他扣除)'),
    tax: f.money().default(Dec.ZERO).doc('income tax already withheld this year (累计已预缴税额)'),
    notes: f.text(),
  },
});

export const payItems = defineEntity({
  name: 'pay item',
  plural: 'pay-items',
  module: 'hr',
  path: 'hr/pay-items',
  key: ['employee', 'month', 'code'],
  sort: ['month', 'employee', 'code'],
  description: 'One-off amounts for one employee and month (bonus, allowance, advance): input.CODE in payroll formulas.',
  fields: {
    employee: f.ref('employees').required(),
    month: f.month().required().doc('YYYY-MM'),
    code: f.id().required().doc('e.g. year_end_bonus; formulas read it as input.year_end_bonus'),
    amount: f.money().required(),
    notes: f.text(),
  },
});
