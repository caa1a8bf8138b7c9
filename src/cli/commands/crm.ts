/**
 * `bizctl crm …`: the CRM reports (pipeline, stats, today, segment, dormant,
 * campaigns, tickets) and, from crm-record.ts, the recording commands.
 * Each action: flags → spec → report → ctx.output.
 */
import { Command, Option } from 'commander';
import { periodOf } from '../../domain/periods.js';
import { PURCHASE_SOURCES, type PurchaseSource } from '../../engines/crm/purchases.js';
import { campaignsReport } from '../../reports/crm/campaigns.js';
import { crmInputs, defaultSource, problems, type CrmInputs } from '../../reports/crm/inputs.js';
import { PIPELINE_VIEWS, pipelineReport, type PipelineView } from '../../reports/crm/pipeline.js';
import { ABC_VIEWS, abcReport, dormantReport, RFM_VIEWS, rfmReport, type AbcView, type RfmView } from '../../reports/crm/segments.js';
import { STATS_VIEWS, statsReport, type StatsView } from '../../reports/crm/stats.js';
import { TICKET_VIEWS, ticketsReport, type TicketView } from '../../reports/crm/tickets.js';
import { todayReport } from '../../reports/crm/today.js';
import type { Register, Wrap } from '../command.js';
import type { Ctx } from '../context.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { requireId } from '../ids.js';
import { periodFlag } from '../period.js';
import type { Workspace } from '../../workspace/workspace.js';
import { registerCrmRecording } from './crm-record.js';

/** Load the workspace and prepare the CRM inputs as of --as-of. */
function inputs(ctx: Ctx): CrmInputs {
  return crmInputs(ctx.workspace(), ctx.asOf, ctx.lang);
}

/** Stop on problems found while computing (e.g. an amount in a currency without a rate). */
function stopOnProblems(inp: CrmInputs): void {
  const p = problems(inp);
  if (p.length) throw new DataError(p.map((x) => x.message).join('\n'), p[0]!.hint);
}

export function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1) throw new UsageError(`${flag} must be a whole number of days ≥ 1, not "${v}"`, `e.g. ${flag} 30`);
  return Number(v);
}

function source(ctx: Ctx, inp: CrmInputs, v: string | undefined): PurchaseSource {
  const s = (v ?? defaultSource(inp.ws)) as PurchaseSource;
  const need = { invoices: 'invoices', orders: 'sales-orders', deals: 'deals' } as const;
  if (v !== undefined && !inp.ws.present.has(need[s])) ctx.info(`note: the workspace has no ${need[s]} files; every customer counts as never having bought`);
  return s;
}

/** Who can own records: the employees when hr/employees exists (owner is an employee id), else whoever owns something. */
function knownOwners(ws: Workspace): Set<string> {
  if (ws.present.has('employees')) return new Set(ws.data.employees.map((e) => e.id));
  const out = new Set<string>();
  for (const r of [...ws.data.customers, ...ws.data.deals, ...ws.data.activities, ...ws.data.tickets]) if (r.owner) out.add(r.owner);
  return out;
}

function viewOption<V extends string>(views: readonly V[], dflt: V): Option {
  return new Option('--view <view>', 'which table to print (JSON always has every section)').choices(views as unknown as string[]).default(dflt);
}

const sourceOption = () => new Option('--source <source>', 'purchases from invoices, sales orders or won deals (default: invoices if any, else orders, else deals)').choices(PURCHASE_SOURCES as unknown as string[]);

export const registerCrm: Register = (program, wrap) => {
  const crm = program
    .command('crm')
    .description('CRM: record customers, deals, activities and tickets; pipeline, forecast, segmentation, campaign ROI, SLAs')
    .addHelpText(
      'after',
      `
Examples:
  bizctl crm pipeline --view at-risk --exit-code
  bizctl crm stats --period 2026-Q3
  bizctl crm today
  bizctl crm segment rfm --as-of 2026-11-16
  bizctl crm add deal --title "200 desks" --customer C0012 --stage proposal --amount 360000
  bizctl crm deal move D-2026-0015 negotiation --date 2026-11-16

Definitions and worked examples: docs/crm.md`,
    );
  registerReports(crm, wrap);
  registerCrmRecording(crm, wrap);
};

function registerReports(crm: Command, wrap: Wrap): void {
  crm
    .command('pipeline')
    .description('open deals by stage and owner, weighted forecast by month, deals closing soon, at-risk deals, funnel, time in stage')
    .addOption(viewOption(PIPELINE_VIEWS, 'stages'))
    .option('--days <n>', 'closing-soon window in days (default: crm.closing_days, 30)')
    .option('--exit-code', 'exit 3 when any deal is at risk')
    .addHelpText('after', '\nExamples:\n  bizctl crm pipeline\n  bizctl crm pipeline --view forecast --format csv\n  bizctl crm pipeline --view at-risk --exit-code   # cron: exit 3 when deals are slipping\n  bizctl crm pipeline --format json               # every section in one value')
    .action(
      wrap((ctx, opts: { view: PipelineView; days?: string; exitCode?: boolean }) => {
        const days = positiveInt('--days', opts.days);
        const inp = inputs(ctx);
        const r = pipelineReport(inp, days ?? inp.cfg.crm.closing_days);
        stopOnProblems(inp);
        ctx.output({ table: r.table(opts.view), json: r.report });
        return opts.exitCode && r.report.at_risk.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  crm
    .command('stats')
    .description('win rate, average won size, average cycle, sales velocity and lost reasons for deals closed in a period')
    .option('--period <period>', 'month, quarter or year, e.g. 2026-Q3 (default: the quarter of --as-of)')
    .addOption(viewOption(STATS_VIEWS, 'summary'))
    .addHelpText('after', '\nExamples:\n  bizctl crm stats --period 2026-Q3\n  bizctl crm stats --period 2026 --view reasons\n  bizctl crm stats --view owners --format csv')
    .action(
      wrap((ctx, opts: { period?: string; view: StatsView }) => {
        const period = opts.period === undefined ? periodOf('quarter', ctx.asOf) : periodFlag(opts.period);
        const inp = inputs(ctx);
        const r = statsReport(inp, period);
        stopOnProblems(inp);
        ctx.output({ table: r.table(opts.view), json: r.report });
      }),
    );

  crm
    .command('today')
    .description('follow-ups due today or overdue and not done (activities and deal next steps), by owner')
    .option('--owner <id>', 'only this owner')
    .option('--exit-code', 'exit 3 when anything is due')
    .addHelpText('after', '\nExamples:\n  bizctl crm today\n  bizctl crm today --owner E005 --exit-code   # cron: mail the list when non-empty')
    .action(
      wrap((ctx, opts: { owner?: string; exitCode?: boolean }) => {
        const inp = inputs(ctx);
        if (opts.owner !== undefined) requireId('owner', opts.owner, knownOwners(inp.ws), inp.ws.present.has('employees') ? '`bizctl ls employees`' : '`bizctl ls deals` and `bizctl ls activities`');
        const r = todayReport(inp, opts.owner);
        ctx.output({ table: r.table, json: r.report });
        return opts.exitCode && r.report.followups.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  const segment = crm.command('segment').description('customer segmentation: RFM scores or ABC classes by revenue');
  segment
    .command('rfm')
    .description('recency, frequency and monetary scores (quintiles) and named segments, on the --as-of date')
    .addOption(sourceOption())
    .addOption(viewOption(RFM_VIEWS, 'customers'))
    .addHelpText('after', '\nExamples:\n  bizctl --as-of 2026-11-16 crm segment rfm\n  bizctl --as-of 2026-11-16 crm segment rfm --view segments\n  bizctl crm segment rfm --source orders --format csv -o rfm.csv')
    .action(
      wrap((ctx, opts: { source?: string; view: RfmView }) => {
        if (ctx.opts.asOf === undefined) ctx.info(`note: the analysis date is today, ${ctx.asOf}; pass --as-of for a result that does not change from day to day`);
        const inp = inputs(ctx);
        const r = rfmReport(inp, source(ctx, inp, opts.source));
        stopOnProblems(inp);
        ctx.output({ table: r.table(opts.view), json: r.report });
      }),
    );
  segment
    .command('abc')
    .description('ABC classes of customers by revenue: A up to 80%, B up to 95%, C the rest')
    .addOption(sourceOption())
    .option('--period <period>', 'only purchases in this period (default: every purchase up to --as-of)')
    .addOption(viewOption(ABC_VIEWS, 'customers'))
    .addHelpText('after', '\nExamples:\n  bizctl crm segment abc\n  bizctl crm segment abc --period 2026 --view classes')
    .action(
      wrap((ctx, opts: { source?: string; period?: string; view: AbcView }) => {
        const period = opts.period === undefined ? null : periodFlag(opts.period);
        let inp = inputs(ctx);
        if (period && period.end < inp.asOf) inp = { ...inp, asOf: period.end };
        const r = abcReport(inp, source(ctx, inp, opts.source), period ? period.start : null);
        stopOnProblems(inp);
        ctx.output({ table: r.table(opts.view), json: r.report });
      }),
    );

  crm
    .command('dormant')
    .description('win-back list: customers who bought before but not within N days')
    .option('--days <n>', 'days without a purchase (default: crm.dormant_days, 365)')
    .addOption(sourceOption())
    .option('--exit-code', 'exit 3 when any customer is dormant')
    .addHelpText('after', '\nExamples:\n  bizctl crm dormant --days 365\n  bizctl crm dormant --days 90 --format csv -o win-back.csv')
    .action(
      wrap((ctx, opts: { days?: string; source?: string; exitCode?: boolean }) => {
        const days = positiveInt('--days', opts.days);
        const inp = inputs(ctx);
        const r = dormantReport(inp, source(ctx, inp, opts.source), days ?? inp.cfg.crm.dormant_days);
        stopOnProblems(inp);
        ctx.output({ table: r.table, json: r.report });
        return opts.exitCode && r.report.customers.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  crm
    .command('campaigns')
    .description('campaign ROI: cost, leads, deals, won deals, revenue, cost per lead, CAC, ROI')
    .addOption(new Option('--attribution <how>', 'revenue from the won deals of the campaign, or from invoices of the customers it brought').choices(['deals', 'invoices']).default('deals'))
    .addOption(sourceOption())
    .addHelpText('after', '\nExamples:\n  bizctl crm campaigns\n  bizctl crm campaigns --attribution invoices --format csv')
    .action(
      wrap((ctx, opts: { attribution: 'deals' | 'invoices'; source?: string }) => {
        const inp = inputs(ctx);
        if (opts.attribution === 'invoices' && !inp.ws.present.has('invoices')) throw new DataError('--attribution invoices needs finance/invoices, and this workspace has none', 'use --attribution deals (revenue from won deals)');
        const src = opts.attribution === 'invoices' ? 'invoices' : source(ctx, inp, opts.source);
        const r = campaignsReport(inp, opts.attribution, src);
        stopOnProblems(inp);
        ctx.output({ table: r.table, json: r.report });
      }),
    );

  crm
    .command('tickets')
    .description('tickets against SLA targets: open, overdue and breached; by priority, category and owner')
    .addOption(viewOption(TICKET_VIEWS, 'open'))
    .addOption(new Option('--clock <clock>', 'count calendar time or business hours on the workspace calendar (default: sla.clock)').choices(['calendar', 'business']))
    .option('--time <HH:MM>', 'time of day on the --as-of date that open clocks run to (default: 24:00, the end of the day)')
    .option('--exit-code', 'exit 3 when an open ticket is overdue or has missed a target')
    .addHelpText('after', '\nExamples:\n  bizctl crm tickets\n  bizctl crm tickets --clock business --view priority\n  bizctl crm tickets --time 09:00 --exit-code   # cron at 9 in the morning')
    .action(
      wrap((ctx, opts: { view: TicketView; clock?: 'calendar' | 'business'; time?: string; exitCode?: boolean }) => {
        const time = parseTime(opts.time);
        const inp = inputs(ctx);
        const r = ticketsReport(inp, opts.clock ?? inp.cfg.sla.clock, time);
        ctx.output({ table: r.table(opts.view), json: r.report });
        return opts.exitCode && r.alerts ? EXIT.ALERTS : EXIT.OK;
      }),
    );
}

function parseTime(v: string | undefined): number {
  if (v === undefined || v === '24:00') return 1440;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UsageError(`--time must be HH:MM, not "${v}"`, 'e.g. --time 09:00');
  return Number(m[1]) * 60 + Number(m[2]);
}
