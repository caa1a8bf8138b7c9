/**
 * The owner's overview: every headline whose module is present, as of the
 * report date and one month earlier, plus the charts of the HTML page.
 */
import { addMonths, type IsoDate } from '../../domain/dates.js';
import type { Workspace } from '../../workspace/workspace.js';
import { FINANCE_CHARTS, FINANCE_METRICS } from './finance.js';
import { PAYROLL_METRICS } from './payroll.js';
import { CRM_CHARTS, CRM_METRICS } from './crm.js';
import { INVENTORY_CHARTS, INVENTORY_METRICS } from './inventory.js';
import { SALES_METRICS } from './sales.js';
import type { Chart, ChartDef, Metric, MetricDef } from './types.js';

export const METRICS: MetricDef[] = [...FINANCE_METRICS, ...CRM_METRICS, ...INVENTORY_METRICS, ...SALES_METRICS, ...PAYROLL_METRICS];
export const CHARTS: ChartDef[] = [...FINANCE_CHARTS, ...CRM_CHARTS, ...INVENTORY_CHARTS];

export interface Overview {
  readonly company: string;
  readonly asOf: IsoDate;
  readonly previous: IsoDate;
  readonly metrics: readonly Metric[];
}

export function overview(ws: Workspace, asOf: IsoDate): Overview {
  const previous = addMonths(asOf, -1);
  const metrics = METRICS.filter((m) => m.present(ws)).map((m): Metric => {
    const value = m.value(ws, asOf);
    const base = { key: m.key, en: m.en, zh: m.zh, unit: m.unit, source: m.source, good: m.good, value };
    const why = m.incomparable?.(ws, previous) ?? null;
    if (why) return { ...base, previous: null, change: null, why };
    const prev = m.value(ws, previous);
    return { ...base, previous: prev, change: value.sub(prev) };
  });
  return { company: ws.config.company.name, asOf, previous, metrics };
}

export function overviewCharts(ws: Workspace, asOf: IsoDate): Chart[] {
  return CHARTS.filter((c) => c.present(ws)).map((c) => c.build(ws, asOf));
}

const SOURCE_ZH: Record<string, string> = {
  '(total)': '（合计）',
  '(total weighted)': '（加权合计）',
  '(this month)': '（本月）',
  '(open)': '（未关闭）',
  '(open and overdue)': '（未关闭且超时）',
  '(invoices past due)': '（已逾期的发票）',
  '(bills due by as-of + 14 days)': '（截至日 + 14 天内到期的采购发票）',
  '(alerts)': '（预警数）',
  '(lines)': '（行数）',
  '(employer cost total)': '（单位人工成本合计）',
};

/** A metric's source command with its hint in parentheses in the table's language (the command stays as typed). */
export function sourceText(source: string, zh: boolean): string {
  if (!zh) return source;
  const m = /^(.*?) (\([^()]*\))$/.exec(source);
  const cmd = (m ? m[1]! : source).replace('<last month>', '<上月>');
  return m ? `${cmd}${SOURCE_ZH[m[2]!] ?? m[2]}` : cmd;
}
