import { Dec } from '../../domain/decimal.js';
import { parseDate } from '../../domain/dates.js';
import { atRiskReport, atRiskTable } from '../../reports/fulfil/at-risk.js';
import { fulfilFor } from '../../reports/fulfil/context.js';
import { promiseReport, promiseTable } from '../../reports/fulfil/promise.js';
import type { Register } from '../command.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { unknownId } from '../ids.js';
import { planOptions, specOf, type PlanOpts } from './mrp.js';

export const registerSales: Register = (program, wrap) => {
  const sales = program.command('sales').description('sales against the plan: orders at risk, delivery promises');

  planOptions(sales.command('at-risk'))
    .description('open sales-order lines the current plan delivers late, with the date each is covered and why')
    .option('--exit-code', 'exit 3 when a line is late or at risk')
    .addHelpText(
      'after',
      `
Examples:
  bizctl sales at-risk --as-of 2026-11-16
  bizctl sales at-risk --exit-code          for cron: exit 3 when any line is at risk
  bizctl sales at-risk --format csv -o at-risk.csv

covered = latest date of the supplies MRP pegs to the line (stock today, open orders on their due date
or today when overdue, planned orders on their due date); expected = the same with lateness below each
order passed up (an order waits for its last component, then its lead time). A line is listed when its
due date has passed with quantity open or it is expected after its due date (docs/fulfilment.md).`,
    )
    .action(
      wrap((ctx, opts: PlanOpts & { exitCode?: boolean }) => {
        const ws = ctx.workspace();
        const r = atRiskReport(ws, fulfilFor(ws, specOf(ctx, opts)), ctx.lang);
        ctx.output({ table: atRiskTable(r, ctx.lang), json: r });
        return opts.exitCode && r.lines.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  planOptions(sales.command('promise'))
    .description('when can we deliver N? available-to-promise from the plan, else capable-to-promise')
    .argument('<sku>', 'item')
    .requiredOption('--qty <n>', 'quantity asked for')
    .option('--date <date>', 'requested date (default: the as-of date)')
    .addHelpText(
      'after',
      `
Examples:
  bizctl sales promise DESK-1600 --qty 20 --as-of 2026-11-16
  bizctl sales promise DESK-LIFT-1600 --qty 10 --date 2026-12-01
  bizctl sales promise CHAIR-ERG --qty 50 --format json

ATP: balance = on hand + open purchase and work orders − committed demand (open sales-order lines,
components of released and firm planned work orders), cumulative by date; ATP on a date = the lowest
balance from then to the end of the horizon (never below 0). The promise is the earliest date on or
after --date when ATP covers the quantity. If it never does within the horizon, capable-to-promise: a
new order of the shortfall released today, bought items after their lead time, made items when their
last component is there (free plan stock or a new order, recursively) plus their lead time
(docs/fulfilment.md).`,
    )
    .action(
      wrap((ctx, sku: string, opts: PlanOpts & { qty: string; date?: string }) => {
        const ws = ctx.workspace();
        const it = ws.data.items.find((i) => i.id === sku);
        if (!it) throw unknownId('item', sku, ws.data.items.map((i) => i.id), '`bizctl ls items`');
        if (it.phantom) throw new DataError(`${sku} is a phantom: it is never stocked or sold on its own`, 'promise the item it goes into');
        const qty = Dec.parse(opts.qty);
        if (!qty || qty.sign() <= 0) throw new UsageError(`--qty "${opts.qty}" is not a positive quantity`, 'write e.g. --qty 20');
        const from = opts.date === undefined ? ctx.asOf : parseDate(opts.date);
        if (!from) throw new UsageError(`--date "${opts.date}" is not a date`, 'write it as YYYY-MM-DD');
        if (from < ctx.asOf) throw new UsageError(`--date ${from} is before the as-of date ${ctx.asOf}`, 'a promise can only be made from today on');
        const r = promiseReport(fulfilFor(ws, specOf(ctx, opts)), sku, qty, from);
        ctx.output({ table: promiseTable(r, ctx.lang), json: r });
      }),
    );
};
