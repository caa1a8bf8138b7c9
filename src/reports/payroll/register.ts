/**
 * The payroll register of a month: one row per employee with every shown
 * component, gross, contributions, net and employer cost; totals in the
 * footer. Table, CSV and JSON come from the same value.
 */
import { Dec } from '../../domain/decimal.js';
import type { EmployeePay, PayrollRun, RunNote } from '../../engines/payroll/run.js';
import type { Component, RuleVersion } from '../../engines/payroll/rules.js';
import type { Rendered } from '../../render/index.js';
import type { Cell, Column, Lang } from '../../render/model.js';

type Pick = (p: EmployeePay) => Dec;
interface Col extends Column {
  readonly pick: Pick;
}

function lineOf(comps: readonly Component[], code: string): number {
  return comps.findIndex((c) => c.code === code);
}

/** The columns of a rule version: the shown components in rule order, with the totals where their parts end. */
export function registerColumns(version: RuleVersion): Col[] {
  const comps = version.components;
  let lastEarning = -1;
  let lastContribution = -1;
  comps.forEach((c, i) => {
    if (c.kind === 'earning' && c.show) lastEarning = i;
    if (c.kind === 'contribution' && c.show) lastContribution = i;
  });
  const cols: Col[] = [];
  comps.forEach((c, i) => {
    if (c.show) {
      const idx = lineOf(comps, c.code);
      cols.push({ key: c.code, en: c.name, zh: c.name_zh, align: 'right', pick: (p) => p.result.amounts[idx]! });
    }
    if (i === lastEarning) cols.push({ key: 'gross', en: 'Gross pay', zh: '应发工资', align: 'right', pick: (p) => p.result.gross });
    if (i === lastContribution) cols.push({ key: 'contributions', en: 'Contributions', zh: '个人社保公积金', align: 'right', pick: (p) => p.result.contributions });
  });
  if (lastEarning < 0) cols.unshift({ key: 'gross', en: 'Gross pay', zh: '应发工资', align: 'right', pick: (p) => p.result.gross });
  cols.push(
    { key: 'net', en: 'Net pay', zh: '实发工资', align: 'right', pick: (p) => p.result.net },
    { key: 'employer_contributions', en: 'Employer contributions', zh: '单位社保公积金', align: 'right', pick: (p) => p.result.contributionsEmployer },
    { key: 'employer_cost', en: 'Employer cost', zh: '单位人工成本', align: 'right', pick: (p) => p.result.employerCost },
  );
  return cols;
}

function sum(pays: readonly EmployeePay[], pick: Pick, scale: number): Dec {
  let t = Dec.ZERO.withScale(scale);
  for (const p of pays) t = t.add(pick(p));
  return t;
}

/** A run's note as a line under the table. */
export function noteText(n: RunNote, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (n.kind) {
    case 'stale-rules':
      return zh
        ? `生效中的规则版本（${n.effective} 起）只适用到 ${n.until}；请在 hr/payroll.yaml 中加一个当年数字的版本`
        : `the rules in force (version ${n.effective}) are meant for dates up to ${n.until}; add a version with this year's figures to hr/payroll.yaml`;
    case 'no-attendance':
      return zh ? `${n.employees.join('、')} 本月无考勤记录：按全月出勤、无缺勤无加班计算` : `no attendance line for ${n.employees.join(', ')}: paid as a full month without absence or overtime`;
    case 'other-currency':
      return zh ? `非 ${n.currency} 单据不计入提成基数：${n.documents.join('、')}` : `not in the commission basis (not in ${n.currency}): ${n.documents.join(', ')}`;
    default: {
      const never: never = n;
      throw new Error(`unknown note ${String(never)}`);
    }
  }
}

/** JSON form of one employee's pay. */
export function payJson(p: EmployeePay): Record<string, unknown> {
  const comps = p.version.components;
  const components: Record<string, unknown> = {};
  comps.forEach((c, i) => {
    const r = p.result;
    components[c.code] = c.kind === 'contribution' ? { kind: c.kind, base: r.bases[i], employee: r.amounts[i], employer: r.employer[i] } : { kind: c.kind, amount: r.amounts[i] };
  });
  const ytd: Record<string, unknown> = { months: p.ytdMonths };
  for (const a of p.version.accumulators) ytd[a.name] = p.ytdOf(a.name);
  const a = p.attendance;
  return {
    employee: p.employee.id,
    name: p.employee.name,
    attendance: a
      ? { days_worked: a.days_worked, absence_days: a.absence_days, leave_days: a.leave_days, sick_days: a.sick_days, overtime_weekday: a.overtime_weekday, overtime_restday: a.overtime_restday, overtime_holiday: a.overtime_holiday }
      : null,
    commission_plan: p.plan?.id ?? null,
    sales: p.sales,
    components,
    gross: p.result.gross,
    contributions: p.result.contributions,
    deductions: p.result.deductions,
    net: p.result.net,
    employer_contributions: p.result.contributionsEmployer,
    employer_cost: p.result.employerCost,
    ytd_before: ytd,
  };
}

/**
 * The register of one month. `compact` (table format): leave out component
 * columns that are 0 for every employee; CSV and JSON keep every column.
 */
export function registerReport(run: PayrollRun, minor: number, lang: Lang, compact = false): Rendered {
  const zh = lang === 'zh-CN';
  const all = registerColumns(run.version);
  const fixed = new Set(['gross', 'contributions', 'net', 'employer_contributions', 'employer_cost']);
  const cols = compact ? all.filter((c) => fixed.has(c.key) || run.pays.some((p) => !c.pick(p).isZero())) : all;
  const hidden = all.filter((c) => !cols.includes(c));
  const columns: Column[] = [{ key: 'employee', en: 'Employee', zh: '工号' }, { key: 'name', en: 'Name', zh: '姓名' }, ...cols.map(({ pick: _p, ...c }) => c)];
  const rows: Cell[][] = run.pays.map((p) => [p.employee.id, p.employee.name, ...cols.map((c) => c.pick(p))]);
  const footer: Cell[] = [zh ? '合计' : 'Total', zh ? `${run.pays.length} 人` : `${run.pays.length} employees`, ...cols.map((c) => sum(run.pays, c.pick, minor))];
  const v = run.version;
  const notes = [
    zh
      ? `规则：${v.effective} 起生效的版本${v.note ? `（${v.note}）` : ''}；个税按累计预扣法：本期应扣缴税额 = 累计应纳税额 − 累计已预缴税额，不小于 0`
      : `rules: version effective ${v.effective}${v.note ? ` (${v.note})` : ''}; income tax by cumulative withholding: this month's tax = tax on the year's cumulative taxable income − tax already withheld, never below 0`,
    ...run.notes.map((n) => noteText(n, lang)),
  ];
  if (hidden.length) notes.push(zh ? `全部为 0 的列未显示：${hidden.map((c) => c.zh ?? c.en).join('、')}` : `columns that are 0 for everyone are not shown: ${hidden.map((c) => c.en).join(', ')}`);
  return {
    table: { title: zh ? `工资表 ${run.month}` : `Payroll ${run.month}`, columns, rows, footer: [footer], notes },
    // built only when JSON is asked for
    get json() {
      const totals: Record<string, unknown> = {};
      for (const c of all) totals[c.key] = sum(run.pays, c.pick, minor);
      return {
        period: run.month,
        rules: { effective: v.effective, until: v.until, note: v.note },
        employees: run.pays.map(payJson),
        totals,
        notes: run.notes,
      };
    },
  };
}

/**
 * Several months of one year, one row per employee and month, with the
 * columns of every month's rule version. Months are added one by one as the
 * engine finishes them, so only the cells are kept, not the computations.
 */
export class YearRegister {
  private readonly order: Column[] = [];
  /** By effective date: the versions come from one compilation of the rules, the runs may come from another. */
  private readonly perVersion = new Map<string, Map<string, Col>>();
  private readonly rows: Cell[][] = [];
  private readonly totals: Dec[];
  private readonly months: string[] = [];
  private readonly notes: string[] = [];
  private readonly jsons: unknown[] = [];
  private pending: unknown[] = [];
  private readonly picks = new Map<string, (Pick | undefined)[]>();

  constructor(
    versions: readonly RuleVersion[],
    minor: number,
    private readonly lang: Lang,
    private readonly keepJson: boolean,
  ) {
    for (const v of versions) {
      const cols = registerColumns(v);
      this.perVersion.set(v.effective, new Map(cols.map((c) => [c.key, c])));
      let after = -1;
      for (const c of cols) {
        const at = this.order.findIndex((o) => o.key === c.key);
        if (at >= 0) after = at;
        else {
          const { pick: _p, ...col } = c;
          this.order.splice(after + 1, 0, col);
          after++;
        }
      }
    }
    this.totals = this.order.map(() => Dec.ZERO.withScale(minor));
  }

  /** One employee-month (PayrollSink.pay). */
  pay(p: EmployeePay): void {
    let picks = this.picks.get(p.version.effective);
    if (!picks) {
      const cols = this.perVersion.get(p.version.effective)!;
      this.picks.set(p.version.effective, (picks = this.order.map((c) => cols.get(c.key)?.pick)));
    }
    const cells: Cell[] = [p.month, p.employee.id, p.employee.name];
    for (let i = 0; i < picks.length; i++) {
      const pick = picks[i];
      if (!pick) {
        cells.push(null);
        continue;
      }
      const x = pick(p);
      this.totals[i] = this.totals[i]!.add(x);
      cells.push(x);
    }
    this.rows.push(cells);
    if (this.keepJson) this.pending.push(payJson(p));
  }

  /** A month is done (PayrollSink.month). */
  month(run: Omit<PayrollRun, 'pays'>): void {
    this.months.push(run.month);
    for (const n of run.notes) {
      const t = `${run.month}: ${noteText(n, this.lang)}`;
      if (!this.notes.includes(t)) this.notes.push(t);
    }
    if (this.keepJson) {
      const v = run.version;
      this.jsons.push({ period: run.month, rules: { effective: v.effective, until: v.until, note: v.note }, employees: this.pending, notes: run.notes });
      this.pending = [];
    }
  }

  report(): Rendered {
    const zh = this.lang === 'zh-CN';
    const span = `${this.months[0]} – ${this.months[this.months.length - 1]}`;
    const columns: Column[] = [{ key: 'period', en: 'Period', zh: '期间' }, { key: 'employee', en: 'Employee', zh: '工号' }, { key: 'name', en: 'Name', zh: '姓名' }, ...this.order];
    const jsons = this.jsons;
    return {
      table: { title: zh ? `工资表 ${span}` : `Payroll ${span}`, columns, rows: this.rows, footer: [[zh ? '合计' : 'Total', '', '', ...this.totals]], notes: this.notes },
      json: { periods: jsons },
    };
  }
}
