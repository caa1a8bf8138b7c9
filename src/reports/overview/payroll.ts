/** The payroll headline: employer cost of the last completed payroll month. */
import type { IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { computePayroll } from '../payroll/inputs.js';
import type { MetricDef } from './types.js';

/** The latest month with attendance that ended before the as-of month began. */
export function lastPayrollMonth(ws: Workspace, asOf: IsoDate): string | null {
  const current = asOf.slice(0, 7);
  let best: string | null = null;
  for (const a of ws.data.attendance) {
    const m = a.month as string;
    if (m < current && (best === null || m > best)) best = m;
  }
  return best;
}

export const PAYROLL_METRICS: readonly MetricDef[] = [
  {
    key: 'payroll_cost',
    en: 'Last payroll cost (employer)',
    zh: '上月人工成本',
    unit: 'money',
    source: 'bizctl payroll run --period <last month> (employer cost total)',
    good: 'down',
    present: (ws) => ws.present.has('employees') && ws.present.has('attendance') && ws.present.has('payroll-rules'),
    value(ws, date) {
      const zero = Dec.ZERO.withScale(minorUnit(ws.config, ws.config.base_currency));
      const m = lastPayrollMonth(ws, date);
      if (!m) return zero;
      const [run] = computePayroll(ws, [m]);
      return (run?.pays ?? []).reduce((s, p) => s.add(p.result.employerCost), zero);
    },
  },
];
