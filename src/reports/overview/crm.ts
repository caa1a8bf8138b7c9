/** CRM headlines of the overview, through the same report builders as `crm pipeline` and `crm tickets`. */
import type { IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import type { Workspace } from '../../workspace/workspace.js';
import { crmInputs } from '../crm/inputs.js';
import { pipelineReport } from '../crm/pipeline.js';
import { ticketsReport } from '../crm/tickets.js';
import type { ChartDef, MetricDef } from './types.js';
import { moneyZero } from './finance.js';

function pipe(ws: Workspace, date: IsoDate) {
  return pipelineReport(crmInputs(ws, date, 'en'), ws.config.crm.closing_days).report;
}

function tickets(ws: Workspace, date: IsoDate) {
  return ticketsReport(crmInputs(ws, date, 'en'), ws.config.sla.clock, 24 * 60).report;
}

export const CRM_METRICS: readonly MetricDef[] = [
  {
    key: 'pipeline_weighted',
    en: 'Weighted pipeline',
    zh: '加权商机金额',
    unit: 'money',
    source: 'bizctl crm pipeline (total weighted)',
    good: 'up',
    present: (ws) => ws.present.has('deals'),
    value: (ws, d) => pipe(ws, d).total.weighted,
  },
  {
    key: 'forecast_month',
    en: "This month's weighted forecast",
    zh: '本月加权预测',
    unit: 'money',
    source: 'bizctl crm pipeline --view forecast (this month)',
    good: 'up',
    present: (ws) => ws.present.has('deals'),
    value: (ws, d) => pipe(ws, d).forecast.find((f) => f.month === d.slice(0, 7))?.weighted ?? moneyZero(ws),
  },
  {
    key: 'tickets_open',
    en: 'Open tickets',
    zh: '未关闭工单',
    unit: 'count',
    source: 'bizctl crm tickets (open)',
    good: 'down',
    present: (ws) => ws.present.has('tickets'),
    value: (ws, d) => Dec.int(tickets(ws, d).open),
  },
  {
    key: 'tickets_breached',
    en: 'Open tickets past their SLA',
    zh: '超时未关闭工单',
    unit: 'count',
    // Open tickets past a target (what someone must act on), not every ticket that ever breached.
    source: 'bizctl crm tickets (open and overdue)',
    good: 'down',
    present: (ws) => ws.present.has('tickets'),
    value: (ws, d) => Dec.int(tickets(ws, d).overdue),
  },
];

export const CRM_CHARTS: readonly ChartDef[] = [
  {
    key: 'funnel',
    present: (ws) => ws.present.has('deals'),
    build(ws, asOf) {
      const r = pipe(ws, asOf);
      return { key: 'funnel', en: 'Pipeline funnel (deals reaching each stage)', zh: '销售漏斗（到达各阶段的商机）', kind: 'funnel', labels: r.funnel.map((f) => f.stage), series: [{ name: 'deals', values: r.funnel.map((f) => Dec.int(f.reached)) }] };
    },
  },
];
