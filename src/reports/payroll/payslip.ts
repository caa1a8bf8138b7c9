/**
 * A payslip: one employee's month as readable lines (attendance, earnings,
 * gross, contributions with their base, deductions, net, employer part and
 * the year to date), in English or Chinese.
 */
import type { EmployeePay } from '../../engines/payroll/run.js';
import type { Rendered } from '../../render/index.js';
import type { Cell, Lang } from '../../render/model.js';
import { payJson } from './register.js';

const T = {
  title: ['Payslip', '工资条'],
  attendance: ['Attendance', '考勤'],
  days_worked: ['Days worked', '出勤天数'],
  absence_days: ['Unpaid absence (days)', '缺勤天数'],
  leave_days: ['Paid leave (days)', '带薪假天数'],
  sick_days: ['Sick leave (days)', '病假天数'],
  overtime_weekday: ['Overtime, working days (hours)', '延时加班小时'],
  overtime_restday: ['Overtime, rest days (hours)', '休息日加班小时'],
  overtime_holiday: ['Overtime, public holidays (hours)', '法定节假日加班小时'],
  no_attendance: ['no attendance line: full month', '无考勤记录：按全月计'],
  sales: ['Sales (commission basis)', '销售业绩（提成基数）'],
  earnings: ['Earnings', '应发项目'],
  gross: ['Gross pay', '应发工资'],
  contributions: ['Contributions (employee)', '个人缴纳社保公积金'],
  contributions_total: ['Total contributions', '个人缴纳合计'],
  deductions: ['Deductions', '扣款'],
  figures: ['Tax figures', '计税明细'],
  net: ['Net pay', '实发工资'],
  employer: ['Employer contributions', '单位缴纳社保公积金'],
  employer_total: ['Employer cost', '单位人工成本'],
  ytd: ['Year to date, before this month', '本年累计（不含本月）'],
  months: ['Months', '月份数'],
  base: ['base', '基数'],
} as const;

/** Label of an accumulator in English: its name with spaces, capitalised (basic_deduction → Basic deduction). */
function humanize(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function payslipReport(p: EmployeePay, lang: Lang, minor: number): Rendered {
  const zh = lang === 'zh-CN' ? 1 : 0;
  const t = (k: keyof typeof T) => T[k][zh];
  const rows: Cell[][] = [];
  const head = (k: keyof typeof T) => rows.push([t(k), '', '']);
  const row = (label: string, detail: string, amount: Cell) => rows.push([`  ${label}`, detail, amount]);
  const comps = p.version.components;
  const { amounts, employer, bases, active } = p.result;
  const nameOf = (i: number) => (zh ? comps[i]!.name_zh : comps[i]!.name);

  head('attendance');
  const a = p.attendance;
  if (a) {
    for (const k of ['days_worked', 'absence_days', 'leave_days', 'sick_days', 'overtime_weekday', 'overtime_restday', 'overtime_holiday'] as const) {
      if (k === 'days_worked' || !a[k].isZero()) row(t(k), '', a[k]);
    }
  } else row(t('no_attendance'), '', null);
  if (p.plan) row(t('sales'), zh ? p.plan.name_zh : p.plan.name, p.sales);

  head('earnings');
  comps.forEach((c, i) => {
    if (c.kind === 'earning' && active[i] && !amounts[i]!.isZero()) row(nameOf(i), '', amounts[i]!);
  });
  rows.push([t('gross'), '', p.result.gross]);

  head('contributions');
  comps.forEach((c, i) => {
    if (c.kind === 'contribution' && !amounts[i]!.isZero()) row(nameOf(i), `${t('base')} ${bases[i]!.toFixed(2)}`, amounts[i]!);
  });
  rows.push([t('contributions_total'), '', p.result.contributions]);

  // every info figure (the tax computation step by step), shown in the register or not
  const info = comps.map((_, i) => i).filter((i) => comps[i]!.kind === 'info');
  if (info.length) {
    head('figures');
    for (const i of info) row(nameOf(i), '', amounts[i]!);
  }

  head('deductions');
  comps.forEach((c, i) => {
    if (c.kind === 'deduction' && active[i]) row(nameOf(i), '', amounts[i]!);
  });
  rows.push([t('net'), '', p.result.net]);

  head('employer');
  comps.forEach((c, i) => {
    const er = employer[i] ?? (c.kind === 'employer' ? amounts[i]! : null);
    const base = bases[i];
    if (er && !er.isZero()) row(nameOf(i), base ? `${t('base')} ${base.toFixed(2)}` : '', er);
  });
  rows.push([t('employer_total'), '', p.result.employerCost]);

  if (p.version.accumulators.length) {
    head('ytd');
    row(t('months'), '', p.ytdMonths);
    for (const acc of p.version.accumulators) {
      const x = p.ytdOf(acc.name);
      row(zh ? acc.name_zh : humanize(acc.name), '', x.s < minor ? x.withScale(minor) : x);
    }
  }

  const e = p.employee as typeof p.employee & { department?: string; title?: string };
  const who = [e.id, e.name, e.department, e.title].filter(Boolean).join(' ');
  return {
    table: {
      title: `${t('title')} ${p.month} · ${who}`,
      columns: [
        { key: 'item', en: 'Item', zh: '项目' },
        { key: 'detail', en: 'Detail', zh: '说明' },
        { key: 'amount', en: 'Amount', zh: '金额', align: 'right' },
      ],
      rows,
    },
    json: { period: p.month, ...payJson(p) },
  };
}
