import { Dec } from '../decimal.js';
import { f } from '../../schema/fields.js';
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

export const payrollRules = defineEntity({
  name: 'payroll rules',
  plural: 'payroll-rules',
  module: 'hr',
  path: 'hr/payroll',
  key: [],
  single: true,
  description: 'Payroll rules: components, contributions, tax tables, commission plans (validated in depth by the payroll module).',
  fields: {
    preset: f.text(),
    effective: f.date(),
    divisors: f.any(),
    components: f.any(),
    contributions: f.any(),
    tax: f.any(),
    commission_plans: f.any(),
    year_end_bonus: f.any(),
    accounts: f.any(),
  },
});
