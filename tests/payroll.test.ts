import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

/**
 * The payroll commands end to end on the example company (data-examples/furniture)
 * for October 2026. Expected figures are worked out by hand in the comments; the
 * example's story is in its README.md.
 */
const FURNITURE = join(REPO, 'data-examples', 'furniture');
const AS_OF = ['--as-of', '2026-11-16'];

function copyOfFurniture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bizctl-payroll-'));
  cpSync(FURNITURE, dir, { recursive: true });
  return dir;
}

function csvRows(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trimEnd().split('\n');
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i]!, v])));
}

describe('bizctl payroll run (example company, 2026-10)', () => {
  it('computes every employee as worked out by hand', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-10', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => x.employee)).toEqual(['E001', 'E002', 'E003', 'E004', 'E005', 'E006', 'E007', 'E008', 'E009', 'E010', 'E011', 'E012', 'Total']);
    const by = Object.fromEntries(rows.map((x) => [x.employee, x]));

    // E010 郑凯: 15,000, housing fund 6%, deductions 1,000 + 1,500 = 2,500, full attendance every month.
    // Contributions: 15,000 × (8% + 2% + 0.5%) = 1,575; housing fund 15,000 × 6% = 900 → 2,475.
    // Monthly taxable 15,000 − 5,000 − 2,475 − 2,500 = 5,025. Opening (Jan–May, hr/payroll-ytd.yaml):
    // 75,000 − 25,000 − 12,375 − 12,500 = 25,125; June–September 4 × 5,025 → 45,225; October 50,250.
    // Tax: 50,250 × 10% − 2,520 = 2,505; withheld through September 45,225 × 10% − 2,520 = 2,002.50;
    // October 502.50. Net 15,000 − 2,475 − 502.50 = 12,022.50.
    // Employer: 16% 2,400 + 9% 1,350 + 1% 150 + 0.5% 75 + 0.16% 24 + 6% 900 = 4,899.
    expect(by.E010).toMatchObject({ base: '15000.00', gross: '15000.00', pension: '1200.00', medical: '300.00', unemployment: '75.00', housing_fund: '900.00', contributions: '2475.00', cum_taxable: '50250.00', iit: '502.50', net: '12022.50', employer_contributions: '4899.00', employer_cost: '19899.00' });

    // E007 孙强: 20,000 / 174 = 114.9425287356 an hour; 12 h × 150% = 2,068.97; 8 h × 200% = 1,839.08; 8 h × 300% = 2,758.62
    expect(by.E007).toMatchObject({ ot_weekday: '2068.97', ot_restday: '1839.08', ot_holiday: '2758.62', gross: '26666.67' });

    // E006 赵磊: half a day unpaid: 9,500 / 21.75 × 0.5 = 218.39. Commission on October invoices of his
    // customer C0006: INV-2026-0099 and -0100, 50 × 1,350 = 67,500 net each = 135,000:
    // 100,000 × 1% + 35,000 × 2% = 1,700. Gross 9,500 − 218.39 + 1,700 = 10,981.61.
    expect(by.E006).toMatchObject({ absence: '-218.39', commission: '1700.00', gross: '10981.61' });
    // E005 李娜: C0022 (INV-2026-0098, 30 × 1,200 = 36,000) and C0028 (INV-2026-0101: 29,400 + 15,600 + 20,400 + 48,240 = 113,640):
    // 149,640 → 1,000 + 49,640 × 2% = 1,992.80. E003 刘洋: C0025 INV-2026-0102 80 × 1,150 = 92,000 → 920.
    // E004 张伟: C0013 INV-2026-0097 40 × 680 + 40 × 1,180 = 74,400 → 744.
    expect([by.E005!.commission, by.E003!.commission, by.E004!.commission]).toEqual(['1992.80', '920.00', '744.00']);

    // E012 冯磊 (joined 2026-07-06): 2 unpaid days 6,500 / 21.75 × 2 = 597.70; base 6,500 < 7,384 so social
    // insurance on 7,384: 590.72 + 147.68 + 36.92; housing fund 6,500 × 5% = 325 → 1,100.32.
    // Each month's taxable income is below zero (6,500 − 5,000 − 1,100.32 − 1,500 rent < 0): no tax.
    expect(by.E012).toMatchObject({ absence: '-597.70', contributions: '1100.32', iit: '0.00' });

    // E001 陈明达 crosses from the 20% into the 25% bracket in October. 45,000 a month, base clamped to
    // 36,921: 2,953.68 + 738.42 + 184.61 (184.605) + housing fund 2,584 (2,584.47 → whole yuan) = 6,460.71;
    // deductions 2,000 + 1,500. Monthly taxable 45,000 − 5,000 − 6,460.71 − 3,500 = 30,039.29.
    // Opening (Jan–May): 225,000 − 25,000 − 32,303.55 − 17,500 = 150,196.45; + 4 × 30,039.29 (June–Sept)
    // = 270,353.61 → withheld so far 270,353.61 × 20% − 16,920 = 37,150.72.
    // October: 300,392.90 × 25% − 31,920 = 43,178.225 → 43,178.23; tax 43,178.23 − 37,150.72 = 6,027.51.
    expect(by.E001).toMatchObject({ contributions: '6460.71', cum_taxable: '300392.90', iit: '6027.51' });

    // The totals row is the sum of each column.
    for (const k of ['gross', 'contributions', 'iit', 'net', 'employer_cost']) {
      const cents = rows.slice(0, -1).reduce((s, x) => s + Math.round(Number(x[k]) * 100), 0);
      expect(Math.round(Number(by.Total![k]) * 100)).toBe(cents);
    }
  });

  it('gives identical output for the same period twice', async () => {
    const a = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-10']);
    const b = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-10']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('Payroll 2026-10');
    expect(a.stdout).toContain('columns that are 0 for everyone are not shown: Year-end bonus, Income tax on the year-end bonus');
  });

  it('defaults to the month before --as-of, and has JSON with exact decimals', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.period).toBe('2026-10');
    const e10 = j.employees.find((e: { employee: string }) => e.employee === 'E010');
    expect(e10.net).toBe('12022.50');
    expect(e10.components.housing_fund).toEqual({ kind: 'contribution', base: '15000.00', employee: '900.00', employer: '900.00' });
    expect(e10.ytd_before).toMatchObject({ months: 9, tax: '2002.50' });
  });

  it('runs every payroll month of a year (June to October)', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    // June–September: 11 employees (E012 joined in July): 11 + 12 + 12 + 12 + 12 = 59 rows + total
    expect(rows.length).toBe(60);
    // E010: opening taxable 25,125, tax 753.75 (25,125 × 3%); 5,025 more each month:
    // June 30,150 × 3% = 904.50 → 150.75; July 35,175 × 3% = 1,055.25 → 150.75;
    // August 40,200 × 10% − 2,520 = 1,500 → 444.75 (crosses 36,000); September 45,225 → 2,002.50 → 502.50; October 502.50.
    expect(rows.filter((x) => x.employee === 'E010').map((x) => x.iit)).toEqual(['150.75', '150.75', '444.75', '502.50', '502.50']);
    // E012's first month is prorated: 20 of July's 23 working days: 6,500 / 21.75 × 20 = 5,977.01
    expect(rows.find((x) => x.employee === 'E012' && x.period === '2026-07')!.base).toBe('5977.01');
  });

  it('refuses a month without attendance, and a malformed period', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-11']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bizctl: there is no attendance for 2026-11');
    const u = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-13']);
    expect(u.code).toBe(2);
  });
});

describe('bizctl payroll payslip', () => {
  it('prints a readable payslip in Chinese', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, '--lang', 'zh-CN', 'payroll', 'payslip', 'E010', '--period', '2026-10']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('工资条 2026-10 · E010 郑凯 采购部 采购经理');
    expect(out).toMatch(/应发工资 +15000\.00/);
    expect(out).toMatch(/ {2}住房公积金 +基数 15000\.00 +900\.00/);
    expect(out).toMatch(/ {2}个人所得税 +502\.50/);
    expect(out).toMatch(/实发工资 +12022\.50/);
    expect(out).toMatch(/ {2}累计已预缴税额 +2002\.50/);
  });

  it('in English, and refuses an unknown employee', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'payslip', 'E006', '--period', '2026-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sales \(commission basis\) +Standard sales commission +135000\.00/);
    expect(r.stdout).toMatch(/ {2}Unpaid absence +-218\.39/);
    const x = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'payslip', 'E999', '--period', '2026-10']);
    expect(x.code).toBe(1);
    expect(x.stderr).toContain('unknown employee "E999"');
  });
});

describe('bizctl payroll post', () => {
  it('writes a balanced journal entry once, and refuses a second post', async () => {
    const ws = copyOfFurniture();
    const r = await run(['-C', ws, ...AS_OF, 'payroll', 'post', '--period', '2026-10', '--format', 'json']);
    expect(r.code).toBe(0);
    // The example accrues October's payroll by hand in JE-2026-0067 (tests/payroll-post-warning.test.ts): warned, then written.
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('warning: journal entry JE-2026-0067 '))).toEqual(['wrote finance/journal/payroll-2026-10.yaml: PAYROLL-2026-10, 7 postings', '']);
    const entry = JSON.parse(r.stdout);
    const sum = entry.postings.reduce((s: number, p: { amount: string }) => s + Math.round(Number(p.amount) * 100), 0);
    expect(sum).toBe(0);
    const byAccount = Object.fromEntries(entry.postings.map((p: { account: string; amount: string }) => [p.account, p.amount]));
    // The register's totals (computed separately by `payroll run`) are what the entry posts.
    const reg = JSON.parse((await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'run', '--period', '2026-10', '--format', 'json'])).stdout).totals;
    expect(byAccount['expenses:salaries']).toBe(reg.gross);
    expect(byAccount['liabilities:payroll']).toBe(`-${reg.net}`);
    expect(byAccount['liabilities:tax:iit']).toBe(`-${reg.iit}`);
    // housing fund liability = employee + employer parts (equal rates): 2 × 10,884 = 21,768
    expect(reg.housing_fund).toBe('10884.00');
    expect(byAccount['liabilities:housing-fund']).toBe('-21768.00');
    expect(byAccount['expenses:housing-fund']).toBe('10884.00');

    const text = readFileSync(join(ws, 'finance/journal/payroll-2026-10.yaml'), 'utf8');
    expect(text).toContain('- id: PAYROLL-2026-10\n  date: 2026-10-31\n');
    // the workspace stays valid and canonical
    expect((await run(['-C', ws, 'check'])).code).toBe(0);
    expect((await run(['-C', ws, 'fmt', '--check'])).code).toBe(0);

    const before = snapshotDir(ws);
    const again = await run(['-C', ws, ...AS_OF, 'payroll', 'post', '--period', '2026-10']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('bizctl: payroll 2026-10 is already posted: journal entry PAYROLL-2026-10 at finance/journal/payroll-2026-10.yaml:3\n  hint: nothing was written; to post it again, delete that entry first (git keeps the old one)\n');
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('--dry-run writes nothing; unknown accounts are refused before writing', async () => {
    const ws = copyOfFurniture();
    const d = await run(['-C', ws, ...AS_OF, 'payroll', 'post', '--period', '2026-10', '--dry-run']);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('PAYROLL-2026-10 2026-10-31');
    expect(existsSync(join(ws, 'finance/journal/payroll-2026-10.yaml'))).toBe(false);

    const small = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'finance/accounts.yaml': '- id: assets:bank\n',
      'hr/employees.yaml': '- id: E1\n  name: 王一\n  hired: 2020-01-01\n  base_salary: 10000.00\n',
      'hr/attendance.csv': 'employee,month,days_worked\nE1,2026-01,21\n',
      'hr/payroll.yaml': 'versions:\n- effective: 2024-01-01\n  components:\n  - code: base\n    kind: earning\n    amount: base_salary\n',
    });
    const r = await run(['-C', small, 'payroll', 'post', '--period', '2026-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the payroll entry uses accounts not in the chart of accounts: expenses:salaries, liabilities:payroll');
    expect(existsSync(join(small, 'finance/journal/payroll-2026-01.yaml'))).toBe(false);
  });
});

describe('bizctl payroll bank-file', () => {
  it('is a CSV of net pay per bank account', async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'bank-file', '--period', '2026-10']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.length).toBe(12);
    expect(rows.find((x) => x.employee === 'E010')).toEqual({ employee: 'E010', name: '郑凯', bank: '中国工商银行上海松江支行', account: '6212261001000079190', amount: '12022.50', currency: 'CNY', memo: '2026-10 工资 salary' });
  });

  it('refuses when an employee has no bank account', async () => {
    const small = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'hr/employees.yaml': '- id: E1\n  name: 王一\n  hired: 2020-01-01\n  base_salary: 10000.00\n',
      'hr/attendance.csv': 'employee,month,days_worked\nE1,2026-01,21\n',
      'hr/payroll.yaml': 'versions:\n- effective: 2024-01-01\n  components:\n  - code: base\n    kind: earning\n    amount: base_salary\n',
    });
    const r = await run(['-C', small, 'payroll', 'bank-file', '--period', '2026-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no bank_account for E1');
  });
});

describe('bizctl check validates the payroll data against the rules', () => {
  it('commission plans, declared deductions and their caps, pay item codes', async () => {
    const rules = `versions:
- effective: 2024-01-01
  additional_deductions:
  - {name: children}
  - {name: elderly, max: 3000}
  commission_plans:
  - {id: std, method: flat, rate: 1%}
  components:
  - code: base
    kind: earning
    amount: base_salary + input.bonus
`;
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'hr/employees.yaml': '- id: E1\n  name: 王一\n  hired: 2020-01-01\n  base_salary: 10000.00\n  commission_plan: stdd\n  deductions:\n    childern: 1000\n    elderly: 3500\n',
      'hr/pay-items.csv': 'employee,month,code,amount\nE1,2026-01,bonsu,100\n',
      'hr/payroll.yaml': rules,
    });
    const r = await run(['-C', ws, 'check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hr/employees.yaml:5:20: error[unknown-ref]: commission_plan of employee E1 refers to unknown plan "stdd"');
    expect(r.stderr).toContain('hr/employees.yaml:7:5: error[bad-enum]: deductions of employee E1 has "childern", which hr/payroll.yaml does not declare');
    expect(r.stderr).toContain('hr/employees.yaml:7:5: error[bad-value]: deductions.elderly of employee E1 is 3500, above the cap of 3000 a month');
    expect(r.stderr).toContain('hr/pay-items.csv:2:12: error[bad-enum]: pay item code "bonsu" is read by no formula of hr/payroll.yaml, so it would be ignored');
  });
});

describe('the China preset', () => {
  it('is the same file in the manufacturing template and the example company, and bizctl init copies it', async () => {
    const preset = readFileSync(join(REPO, 'templates/manufacturing/hr/payroll.yaml'), 'utf8');
    expect(readFileSync(join(FURNITURE, 'hr/payroll.yaml'), 'utf8')).toBe(preset);
    const dir = join(mkdtempSync(join(tmpdir(), 'bizctl-init-')), 'co');
    expect((await run(['init', dir, '--template', 'manufacturing'])).code).toBe(0);
    expect(readFileSync(join(dir, 'hr/payroll.yaml'), 'utf8')).toBe(preset);
    const r = await run(['-C', dir, 'payroll', 'run', '--period', '2026-01', '--format', 'csv']);
    expect(r.code).toBe(0);
  });
});

describe('docs/payroll.md', () => {
  it("shows E010's payslip as bizctl prints it (the figures are worked out by hand below it in the doc)", async () => {
    const r = await run(['-C', FURNITURE, ...AS_OF, 'payroll', 'payslip', 'E010', '--period', '2026-10']);
    expect(readFileSync(join(REPO, 'docs/payroll.md'), 'utf8')).toContain(r.stdout.trimEnd());
  });
});
