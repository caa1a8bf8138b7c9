/**
 * The payroll engine on the China preset (templates/manufacturing/hr/payroll.yaml,
 * the same file as the example company's) and on small inline rules. Every
 * expected figure is computed by hand in the comment above it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar.js';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { payrollRules as rulesEntity } from '../../domain/entities/hr.js';
import { Diagnostics } from '../../diagnostics/types.js';
import { parseYaml } from '../../io/yaml.js';
import type { RawMap } from '../../io/raw.js';
import { convertRecord } from '../../schema/record.js';
import { commissionOf, dealSales, invoiceSales, type InvoiceLike, type SalesSource } from './commission.js';
import { compileRules, type CompiledRules, type RulesRecord } from './rules.js';
import { runPayrollMonths, type AttendanceLine, type Employee, type PayItem, type PayrollData, type YtdOpening } from './run.js';

const D = (s: string) => Dec.of(s);
const PRESET = readFileSync(join(new URL('.', import.meta.url).pathname, '../../../templates/manufacturing/hr/payroll.yaml'), 'utf8');

function rulesFrom(text: string): CompiledRules {
  const diags = new Diagnostics();
  const y = parseYaml('hr/payroll.yaml', text, diags);
  const rec = convertRecord(rulesEntity.fields, y.root as RawMap, { diags, what: 'payroll rules' }, { checkUnknown: true });
  const rules = rec ? compileRules(rec as RulesRecord, { minor: 2, rounding: 'half-up', sourceOf: () => text }, diags) : null;
  if (!rules) throw new Error(diags.list.map((d) => `${d.loc?.line}:${d.loc?.col} ${d.message}`).join('\n'));
  return rules;
}
const preset = rulesFrom(PRESET);

function emp(id: string, base: string, extra: Partial<Employee> = {}): Employee {
  return { id, name: id, hired: '2015-01-01' as IsoDate, base_salary: D(base), housing_fund_rate: D('0.07'), ...extra };
}
function att(employee: string, month: string, o: Partial<Record<'days_worked' | 'absence_days' | 'leave_days' | 'sick_days' | 'overtime_weekday' | 'overtime_restday' | 'overtime_holiday', string>> = {}): AttendanceLine {
  const z = (k: keyof typeof o) => D(o[k] ?? '0');
  return { employee, month, days_worked: D(o.days_worked ?? '21'), absence_days: z('absence_days'), leave_days: z('leave_days'), sick_days: z('sick_days'), overtime_weekday: z('overtime_weekday'), overtime_restday: z('overtime_restday'), overtime_holiday: z('overtime_holiday') };
}
const CAL = new WorkCalendar({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: new Set(), extra_workdays: new Set(), day_start: 540, day_end: 1080 });

function data(employees: Employee[], attendance: AttendanceLine[], more: { openings?: YtdOpening[]; invoices?: InvoiceLike[]; payItems?: PayItem[]; customers?: [string, string][] } = {}): PayrollData {
  return {
    employees,
    attendance,
    payItems: more.payItems ?? [],
    openings: more.openings ?? [],
    sales: {
      invoices: more.invoices ?? [],
      creditNotes: [],
      deals: [],
      customers: new Map((more.customers ?? []).map(([c, o]) => [c, { owner: o }])),
      itemPrices: new Map(),
      wonStages: new Set(['won']),
      baseCurrency: 'CNY',
      minor: 2,
      rounding: 'half-up',
    },
    calendar: CAL,
    minor: 2,
    rounding: 'half-up',
    sourceOf: () => PRESET,
  };
}

/** Component amounts of one employee-month by code (contributions: employee part, and code.er). */
function lines(rules: CompiledRules, d: PayrollData, months: string[], id: string): Record<string, string>[] {
  return runPayrollMonths(rules, d, months).map((run) => {
    const p = run.pays.find((x) => x.employee.id === id)!;
    const out: Record<string, string> = { gross: p.result.gross.toString(), net: p.result.net.toString(), contributions: p.result.contributions.toString() };
    p.version.components.forEach((c, i) => {
      out[c.code] = p.result.amounts[i]!.toString();
      if (c.kind === 'contribution') {
        out[`${c.code}.er`] = p.result.employer[i]!.toString();
        out[`${c.code}.base`] = p.result.bases[i]!.toString();
      }
    });
    return out;
  });
}

describe('China preset: individual income tax by cumulative withholding', () => {
  it("reproduces the tax authority's example: 555, 625, 1,850", () => {
    // State Taxation Administration example: salary 30,000 a month, special deductions
    // (social insurance and housing fund) 4,500, special additional deductions 2,000.
    // With the preset: base 30,000 is inside 7,384–36,921, so pension 2,400 + medical 600
    // + unemployment 150 = 3,150; housing fund 4.5% × 30,000 = 1,350; 3,150 + 1,350 = 4,500.
    const e = emp('E1', '30000', { housing_fund_rate: D('0.045'), deductions: { children: D('2000') } });
    const d = data([e], ['2026-01', '2026-02', '2026-03'].map((m) => att('E1', m)));
    const r = lines(preset, d, ['2026-01', '2026-02', '2026-03'], 'E1');
    expect(r.map((x) => x.contributions)).toEqual(['4500.00', '4500.00', '4500.00']);
    // Jan: (30000 − 5000 − 4500 − 2000) × 3% = 18,500 × 3% = 555
    // Feb: 37,000 × 10% − 2,520 − 555 = 625
    // Mar: 55,500 × 10% − 2,520 − 555 − 625 = 1,850
    expect(r.map((x) => x.cum_taxable)).toEqual(['18500.00', '37000.00', '55500.00']);
    expect(r.map((x) => x.iit)).toEqual(['555.00', '625.00', '1850.00']);
    // net: 30,000 − 4,500 − tax
    expect(r.map((x) => x.net)).toEqual(['24945.00', '24875.00', '23650.00']);
  });

  it('crosses a bracket within a month (20% → 25% at 300,000)', () => {
    // Opening balance through September: cumulative taxable 383,146.39 − 45,000 − 58,146.39 = 280,000,
    // tax withheld 280,000 × 20% − 16,920 = 39,080.
    // October: salary 40,000; base clamped to 36,921: pension 2,953.68, medical 738.42,
    // unemployment 184.605 → 184.61, housing fund 7% × 36,921 = 2,584.47 → 2,584 → 6,460.71.
    // Month: 40,000 − 5,000 − 6,460.71 = 28,539.29; cumulative 308,539.29 (25% bracket):
    // 308,539.29 × 25% − 31,920 = 45,214.8225 → 45,214.82; tax 45,214.82 − 39,080 = 6,134.82
    // (= 20,000 × 20% + 8,539.29 × 25% = 4,000 + 2,134.82).
    const e = emp('E1', '40000');
    const open: YtdOpening = { employee: 'E1', year: 2026, through: '2026-09', months: 9, income: D('383146.39'), basic_deduction: D('45000'), special_deductions: D('58146.39'), additional_deductions: D('0'), other_deductions: D('0'), tax: D('39080') };
    const [r] = lines(preset, data([e], [att('E1', '2026-10')], { openings: [open] }), ['2026-10'], 'E1');
    expect(r!.contributions).toBe('6460.71');
    expect(r!.cum_taxable).toBe('308539.29');
    expect(r!.cum_tax).toBe('45214.82');
    expect(r!.iit).toBe('6134.82');
  });

  it('withholds 0, never a negative amount, when the cumulative tax falls; and catches up later', () => {
    // Base 20,000, housing fund 7%, no additional deductions. Contributions: 1,600 + 400 + 100 + 1,400 = 3,500.
    // Jan: 20,000 − 5,000 − 3,500 = 11,500 → 345.00.
    // Feb: 20 days unpaid: 20,000 / 21.75 × 20 = 18,390.8045… → −18,390.80; gross 1,609.20;
    //      month −6,890.80, cumulative 4,609.20 → 138.28 < 345 withheld → withhold 0 (not −206.72).
    // Mar: cumulative 4,609.20 + 11,500 = 16,109.20 → 483.28 − 345 = 138.28.
    const e = emp('E1', '20000');
    const d = data([e], [att('E1', '2026-01'), att('E1', '2026-02', { absence_days: '20', days_worked: '0' }), att('E1', '2026-03')]);
    const r = lines(preset, d, ['2026-01', '2026-02', '2026-03'], 'E1');
    expect(r[1]!.absence).toBe('-18390.80');
    expect(r[1]!.gross).toBe('1609.20');
    expect(r.map((x) => x.cum_taxable)).toEqual(['11500.00', '4609.20', '16109.20']);
    expect(r.map((x) => x.cum_tax)).toEqual(['345.00', '138.28', '483.28']);
    expect(r.map((x) => x.iit)).toEqual(['345.00', '0.00', '138.28']);
    expect(r[1]!.net).toBe('-1890.80'); // 1,609.20 − 3,500 − 0: a negative net pay (not in the bank file)
  });

  it('starts a mid-year joiner\'s year in the month he joins (prorated first month)', () => {
    // Hired Monday 2026-07-06: 20 of July's 23 working days.
    // July base: 30,000 / 21.75 × 20 = 27,586.2068… → 27,586.21. Contributions on 30,000: 2,400 + 600 + 150 + 2,100 = 5,250.
    // July: 27,586.21 − 5,000 − 5,250 = 17,336.21 → 3% = 520.0863 → 520.09
    // August: 30,000 − 5,000 − 5,250 = 19,750; cumulative 37,086.21 (basic deduction 2 × 5,000, not 8 ×)
    //         → 10%: 3,708.621 − 2,520 = 1,188.62 − 520.09 = 668.53
    const e = emp('E1', '30000', { hired: '2026-07-06' as IsoDate });
    const d = data([e], [att('E1', '2026-07', { days_worked: '20' }), att('E1', '2026-08')]);
    const runs = runPayrollMonths(preset, d, ['2026-07', '2026-08']);
    expect(runs[1]!.pays[0]!.ytdMonths).toBe(1);
    const r = lines(preset, d, ['2026-07', '2026-08'], 'E1');
    expect(r[0]!.base).toBe('27586.21');
    expect(r.map((x) => x.cum_taxable)).toEqual(['17336.21', '37086.21']);
    expect(r.map((x) => x.iit)).toEqual(['520.09', '668.53']);
    // the year-to-date basic deduction before August is one month's 5,000
    expect(runs[1]!.pays[0]!.ytdOf('basic_deduction').toString()).toBe('5000.00');
  });

  it('taxes the year-end bonus separately on the monthly-converted table', () => {
    // 36,000 / 12 = 3,000 → 3% bracket (upper bound inclusive): 36,000 × 3% − 0 = 1,080
    // 36,001 / 12 = 3,000.08 → 10% bracket: 36,001 × 10% − 210 = 3,390.10 (the well-known cliff)
    // The bonus is left out of the cumulative income: base 10,000, contributions
    // 800 + 200 + 50 + 700 = 1,750; month 10,000 − 5,000 − 1,750 = 3,250 → 97.50.
    const e = emp('E1', '10000');
    for (const [bonus, tax] of [['36000', '1080.00'], ['36001', '3390.10']] as const) {
      const d = data([e], [att('E1', '2026-01')], { payItems: [{ employee: 'E1', month: '2026-01', code: 'year_end_bonus', amount: D(bonus) }] });
      const [r] = lines(preset, d, ['2026-01'], 'E1');
      expect(r!.bonus).toBe(`${bonus}.00`);
      expect(r!.bonus_tax).toBe(tax);
      expect(r!.taxable_income).toBe('10000.00');
      expect(r!.iit).toBe('97.50');
    }
  });
});

describe('China preset: social insurance and housing fund', () => {
  const one = (e: Employee) => lines(preset, data([e], [att(e.id, '2026-01')]), ['2026-01'], e.id)[0]!;

  it('clamps a base below the floor up to 7,384', () => {
    // 5,000 < 7,384: pension 7,384 × 8% = 590.72, medical × 2% = 147.68, unemployment × 0.5% = 36.92;
    // housing fund base 5,000 ≥ its floor 2,690: 5,000 × 7% = 350.
    const r = one(emp('E1', '5000'));
    expect([r['pension.base'], r.pension, r.medical, r.unemployment]).toEqual(['7384.00', '590.72', '147.68', '36.92']);
    expect([r['housing_fund.base'], r.housing_fund]).toEqual(['5000', '350.00']);
  });

  it('clamps a base above the ceiling down to 36,921', () => {
    // 50,000 > 36,921: pension 2,953.68; medical 738.42; unemployment 184.605 → 184.61;
    // housing fund 36,921 × 7% = 2,584.47 → 2,584 (whole yuan).
    // Employer: pension 16% = 5,907.36; medical 9% = 3,322.89; maternity 1% = 369.21;
    // unemployment 0.5% = 184.61; injury 0.16% = 59.0736 → 59.07; housing fund 2,584.
    const r = one(emp('E1', '50000'));
    expect([r['pension.base'], r.pension, r.medical, r.unemployment, r.housing_fund]).toEqual(['36921.00', '2953.68', '738.42', '184.61', '2584.00']);
    expect([r['pension.er'], r['medical.er'], r['maternity.er'], r['unemployment.er'], r['injury.er'], r['housing_fund.er']]).toEqual(['5907.36', '3322.89', '369.21', '184.61', '59.07', '2584.00']);
  });

  it('rounds each contribution by its own rule', () => {
    // social_base 12,345.67 (an employee's declared base):
    //  pension 8% = 987.6536 → 987.65          employer 16% = 1,975.3072 → 1,975.31
    //  medical 2% = 246.9134 → 246.91          employer 9% = 1,111.1103 → 1,111.11
    //  unemployment 0.5% = 61.72835 → 61.73    employer the same
    //  maternity: employer 1% = 123.4567 → 123.46; injury 0.16% = 19.753072 → 19.75
    //  housing fund 5% = 617.2835 → 617 (whole yuan, half-up)
    const r = one(emp('E1', '12000', { social_base: D('12345.67'), housing_fund_rate: D('0.05') }));
    expect([r.pension, r['pension.er'], r.medical, r['medical.er'], r.unemployment, r['unemployment.er']]).toEqual(['987.65', '1975.31', '246.91', '1111.11', '61.73', '61.73']);
    expect([r['maternity.er'], r['injury.er'], r.housing_fund, r['housing_fund.er']]).toEqual(['123.46', '19.75', '617.00', '617.00']);
    // housing fund exactly half a yuan: 7,150 × 7% = 500.50 → 501 (half-up)
    expect(one(emp('E2', '7150')).housing_fund).toBe('501.00');
  });

  it('uses the preset rate when an employee has no housing_fund_rate', () => {
    // hf_rate 7%: 10,000 × 7% = 700
    expect(one(emp('E1', '10000', { housing_fund_rate: undefined })).housing_fund).toBe('700.00');
  });
});

describe('China preset: attendance', () => {
  it('pays overtime at 150%, 200% and 300% of salary / 174', () => {
    // 8,700 / 174 = 50.00 an hour: 10 h × 150% = 750; 8 h × 200% = 800; 4 h × 300% = 600
    const e = emp('E1', '8700');
    const [r] = lines(preset, data([e], [att('E1', '2026-01', { overtime_weekday: '10', overtime_restday: '8', overtime_holiday: '4' })]), ['2026-01'], 'E1');
    expect([r!.ot_weekday, r!.ot_restday, r!.ot_holiday]).toEqual(['750.00', '800.00', '600.00']);
    expect(r!.gross).toBe('10850.00'); // 8,700 + 750 + 800 + 600
    // 9,000 / 174 = 51.7241379310 (10 places) × 3 h × 150% = 232.758620689… → 232.76
    const [s] = lines(preset, data([emp('E2', '9000')], [att('E2', '2026-01', { overtime_weekday: '3' })]), ['2026-01'], 'E2');
    expect(s!.ot_weekday).toBe('232.76');
  });

  it('deducts an unpaid day at salary / 21.75', () => {
    // 8,700 / 21.75 = 400 a day; half a day of 9,500: 9,500 / 21.75 × 0.5 = 218.3908… → 218.39
    const [r] = lines(preset, data([emp('E1', '8700')], [att('E1', '2026-01', { absence_days: '1', days_worked: '20' })]), ['2026-01'], 'E1');
    expect([r!.absence, r!.gross]).toEqual(['-400.00', '8300.00']);
    const [s] = lines(preset, data([emp('E2', '9500')], [att('E2', '2026-01', { absence_days: '0.5' })]), ['2026-01'], 'E2');
    expect(s!.absence).toBe('-218.39');
  });
});

describe('commission', () => {
  const plan = (method: 'marginal' | 'whole') => preset.versions[0]!.plans.get('sales-standard') && { ...preset.versions[0]!.plans.get('sales-standard')!, method };

  it('marginal and whole-amount tiers at the 100,000 boundary (upper bounds inclusive)', () => {
    // marginal: 100,000 × 1% = 1,000; 100,000.01: 1,000 + 0.01 × 2% = 1,000.0002
    expect(commissionOf(plan('marginal')!, D('100000')).toString()).toBe('1000.00');
    expect(commissionOf(plan('marginal')!, D('100000.01')).toString()).toBe('1000.0002');
    // whole: 100,000 is still in the 1% tier; 100,000.01 is all at 2% = 2,000.0002
    expect(commissionOf(plan('whole')!, D('100000')).toString()).toBe('1000.00');
    expect(commissionOf(plan('whole')!, D('100000.01')).toString()).toBe('2000.0002');
    // marginal above the second bound: 100,000 × 1% + 200,000 × 2% + 50,000 × 3% = 1,000 + 4,000 + 1,500
    expect(commissionOf(plan('marginal')!, D('350000')).toString()).toBe('6500.00');
    expect(commissionOf(plan('marginal')!, D('-10')).toString()).toBe('0');
  });

  it('pays on invoices net of VAT, attributed to the invoice owner or else the customer owner', () => {
    // INV-1 (owner S1 by customer C1): 80 × 1,000 = 80,000 net (+13% VAT not counted);
    // INV-2 (customer C2 of S2, but owner S1): 20,000 net; INV-3 is dated in another month.
    // S1 basis 100,000 → 1,000.00 (the tier boundary); S2: nothing → 0.
    const s1 = emp('S1', '8000', { commission_plan: 'sales-standard' });
    const s2 = emp('S2', '8000', { commission_plan: 'sales-standard' });
    const line = (qty: string, price: string) => ({ qty: D(qty), price: D(price), tax_rate: D('0.13') });
    const invoices: InvoiceLike[] = [
      { id: 'INV-1', date: '2026-03-05', customer: 'C1', lines: [line('80', '1000')] },
      { id: 'INV-2', date: '2026-03-20', customer: 'C2', owner: 'S1', lines: [line('20', '1000')] },
      { id: 'INV-3', date: '2026-04-01', customer: 'C2', lines: [line('5', '1000')] },
    ];
    const d = data([s1, s2], [att('S1', '2026-03'), att('S2', '2026-03')], { invoices, customers: [['C1', 'S1'], ['C2', 'S2']] });
    const run = runPayrollMonths(preset, d, ['2026-03'])[0]!;
    expect(run.pays.map((p) => [p.employee.id, p.sales.toString()])).toEqual([
      ['S1', '100000.00'],
      ['S2', '0'],
    ]);
    expect(lines(preset, d, ['2026-03'], 'S1')[0]!.commission).toBe('1000.00');
    expect(lines(preset, d, ['2026-03'], 'S2')[0]!.commission).toBe('0.00');
  });
});

describe('commission basis', () => {
  const src = (over: Partial<SalesSource>): SalesSource => ({
    invoices: [],
    creditNotes: [],
    deals: [],
    customers: new Map([['C1', { owner: 'S1' }], ['C2', { owner: 'S2', currency: 'USD' }]]),
    itemPrices: new Map([['DESK', D('1180')]]),
    wonStages: new Set(['won']),
    baseCurrency: 'CNY',
    minor: 2,
    rounding: 'half-up',
    ...over,
  });
  it('subtracts credit notes of the month, credited through their invoice; leaves out other currencies', () => {
    // S1: INV-1 10 × 1,000 = 10,000 net; CN-1 (on INV-1) 2 × 1,000 = 2,000 → 8,000. INV-2 is in USD (customer C2): left out.
    const line = (qty: string) => ({ qty: D(qty), price: D('1000'), tax_rate: D('0.13') });
    const s = src({
      invoices: [
        { id: 'INV-1', date: '2026-03-01', customer: 'C1', lines: [line('10')] },
        { id: 'INV-2', date: '2026-03-02', customer: 'C2', lines: [line('1')] },
      ],
      creditNotes: [{ id: 'CN-1', date: '2026-03-09', customer: 'C1', invoice: 'INV-1', lines: [line('2')] }],
    });
    const m = invoiceSales(s, '2026-03');
    expect([...m.byOwner].map(([k, v]) => [k, v.toString()])).toEqual([['S1', '8000.00']]);
    expect(m.skipped).toEqual(['INV-2 (USD)']);
  });
  it('counts won deals by close date: amount, else lines at their price or the item price', () => {
    // D-1 won in March with amount 50,000; D-2 won in March, lines 10 × 1,180 (item price) × (1 − 10%) = 10,620; D-3 lost; D-4 won in April.
    const s = src({
      deals: [
        { id: 'D-1', stage: 'won', owner: 'S1', closed: '2026-03-10', amount: D('50000') },
        { id: 'D-2', stage: 'won', owner: 'S1', closed: '2026-03-20', lines: [{ item: 'DESK', qty: D('10'), discount: D('0.1') }] },
        { id: 'D-3', stage: 'lost', owner: 'S1', closed: '2026-03-21', amount: D('9999') },
        { id: 'D-4', stage: 'won', owner: 'S1', closed: '2026-04-01', amount: D('1') },
      ],
    });
    expect(dealSales(s, '2026-03').byOwner.get('S1')!.toString()).toBe('60620.00');
  });
});

describe('rule versions', () => {
  const two = `
versions:
- effective: 2024-07-01
  constants: {floor: 7384, rate: 8%}
  components:
  - {code: pension, kind: contribution, base: base_salary, floor: floor, employee_rate: rate}
- effective: 2025-07-01
  constants: {floor: 7460}
`;
  it('applies the version in force at the end of the month, carrying over what a version leaves out', () => {
    // June 2025: floor 7,384 × 8% = 590.72; July 2025: the second version changes only the floor: 7,460 × 8% = 596.80
    const rules = rulesFrom(two);
    const e = emp('E1', '5000');
    const r = lines(rules, data([e], [att('E1', '2025-06'), att('E1', '2025-07')]), ['2025-06', '2025-07'], 'E1');
    expect(r.map((x) => x.pension)).toEqual(['590.72', '596.80']);
  });

  it('adds fixed amounts to contributions', () => {
    // 10,000 × 2% + 3 (a fixed add-on, like Beijing's 3 CNY for serious illness) = 203
    const rules = rulesFrom(`versions:\n- effective: 2024-01-01\n  components:\n  - {code: medical, kind: contribution, base: base_salary, employee_rate: 2%, employee_fixed: 3, employer_rate: 10%}\n`);
    const [r] = lines(rules, data([emp('E1', '10000')], [att('E1', '2026-01')]), ['2026-01'], 'E1');
    expect([r!.medical, r!['medical.er']]).toEqual(['203.00', '1000.00']);
  });

  it('refuses a month before the first version', () => {
    expect(() => runPayrollMonths(rulesFrom(two), data([emp('E1', '5000')], [att('E1', '2024-06')]), ['2024-06'])).toThrow(/no payroll rule version is in force in 2024-06/);
  });

  it('refuses a month without attendance', () => {
    expect(() => runPayrollMonths(preset, data([emp('E1', '5000')], [att('E1', '2026-01')]), ['2026-02'])).toThrow(/there is no attendance for 2026-02/);
  });

  it('reports a formula that fails at run time with its location', () => {
    const rules = rulesFrom(`versions:\n- effective: 2024-01-01\n  components:\n  - code: x\n    kind: earning\n    amount: base_salary / days_worked\n`);
    expect(() => runPayrollMonths(rules, data([emp('E1', '5000')], [att('E1', '2026-01', { days_worked: '0' })]), ['2026-01'])).toThrow(/E1 in 2026-01: division by zero/);
  });
});

describe('rule compilation errors', () => {
  function errors(text: string): string[] {
    const diags = new Diagnostics();
    const y = parseYaml('hr/payroll.yaml', text, diags);
    const rec = convertRecord(rulesEntity.fields, y.root as RawMap, { diags, what: 'payroll rules' }, { checkUnknown: true });
    if (rec) compileRules(rec as RulesRecord, { minor: 2, rounding: 'half-up', sourceOf: () => text }, diags);
    return diags.list.map((d) => `${d.loc?.line}:${d.loc?.col} ${d.code}: ${d.message}`);
  }
  const v = (components: string) => `versions:\n- effective: 2024-01-01\n  components:\n${components}`;

  it('a formula may only use components above it', () => {
    // line 6 col 13: "b" in "    amount: b + 1" (4 spaces + "amount: " = 12 characters before the formula)
    expect(errors(v('  - code: a\n    kind: earning\n    amount: b + 1\n  - code: b\n    kind: earning\n    amount: 1\n'))).toEqual(['6:13 unknown-name: component b is computed below, on line 7']);
    expect(errors(v('  - code: a\n    kind: earning\n    amount: a + 1\n'))).toEqual(['6:13 unknown-name: component a cannot use itself']);
  });

  it('totals are known only below the components they sum', () => {
    expect(errors(v('  - code: t\n    kind: info\n    amount: gross\n  - code: a\n    kind: earning\n    amount: 1\n'))).toEqual([
      '6:13 unknown-name: gross (sum of all earnings) is known only below the last component it sums (line 7)',
    ]);
  });

  it('fields that do not apply, duplicate codes, versions out of order', () => {
    expect(errors(v('  - code: a\n    kind: earning\n    amount: 1\n    base: 2\n'))).toEqual(['7:11 bad-rule: base does not apply to earning component a: only contributions have it']);
    expect(errors(v('  - code: a\n    kind: earning\n    amount: 1\n  - code: a\n    kind: info\n    amount: 2\n'))).toEqual(['7:11 bad-rule: component a is defined twice (first on line 4)']);
    expect(errors(v('  - code: base_salary\n    kind: earning\n    amount: 1\n'))).toEqual(['4:11 bad-rule: component base_salary has the name of a built-in value']);
    expect(errors('versions:\n- effective: 2025-01-01\n- effective: 2024-01-01\n')).toEqual(['3:14 bad-rule: version 2 takes effect on 2024-01-01, not after version 1 (2025-01-01)']);
  });

  it('a condition must be yes/no and an amount a number', () => {
    expect(errors(v('  - code: a\n    kind: earning\n    when: absence_days\n    amount: 1\n'))).toEqual(['6:11 formula-type: this formula gives a number, but yes/no (a condition) is needed here']);
  });

  it('undeclared special additional deductions and tables that are not progressive', () => {
    const t = 'versions:\n- effective: 2024-01-01\n  additional_deductions:\n  - {name: children}\n  components:\n  - code: a\n    kind: info\n    amount: deductions.childern\n';
    expect(errors(t)).toEqual(['8:13 unknown-name: unknown special additional deduction "childern"']);
    const u = 'versions:\n- effective: 2024-01-01\n  tables:\n  - name: t\n    brackets:\n    - {upto: 100, rate: 3%}\n    - {upto: 50, rate: 10%}\n    - {rate: 20%}\n';
    expect(errors(u)).toEqual(['7:14 bad-rule: bracket 2 of table t ends at 50, not above the bracket before (100)']);
  });
});
