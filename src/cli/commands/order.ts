import { traceReport, traceTable, traceTarget } from '../../reports/fulfil/trace.js';
import { fulfilFor } from '../../reports/fulfil/context.js';
import type { Register } from '../command.js';
import { DataError } from '../errors.js';
import { didYouMean } from '../../util/suggest.js';
import { planOptions, specOf, type PlanOpts } from './mrp.js';

export const registerOrder: Register = (program, wrap) => {
  const order = program.command('order').description('order fulfilment: where is an order, what is late and why');

  planOptions(order.command('trace'))
    .description('trace a sales order (or the order of a ticket) through stock, work orders, purchase orders, shipments, invoices and payments')
    .argument('<ref>', 'a sales order (SO-…) or a ticket linked to one (T-…)')
    .addHelpText(
      'after',
      `
Examples:
  bizctl order trace SO-2026-0041 --as-of 2026-11-16
  bizctl order trace T-2026-0048          the sales order of a complaint, headed by the ticket
  bizctl order trace SO-2026-0041 --format json

Per line: status (open, partly shipped, shipped, closed, cancelled, draft), ordered, shipped, stock
allocated to it, the supplies MRP pegs to it level by level (work orders, purchase orders, planned
orders) with due date, expected date and lateness, its shipments, and for each late line one sentence
naming the deepest late cause. Then the order's invoices and the payments applied to them.
A line is late when its due date has passed with quantity open, or when what covers it is expected
after its due date (docs/fulfilment.md).`,
    )
    .action(
      wrap((ctx, ref: string, opts: PlanOpts) => {
        const ws = ctx.workspace();
        const target = traceTarget(ws, ref);
        if (target.kind === 'unknown') {
          const g = didYouMean(ref, [...ws.data['sales-orders'].map((s) => s.id), ...ws.data.tickets.map((t) => t.id)]);
          throw new DataError(`no sales order or ticket "${ref}"`, g ? `did you mean ${g}?` : '`bizctl ls sales-orders` and `bizctl ls tickets` list them; ids are case-sensitive');
        }
        if (target.kind === 'ticket' && !target.order) throw new DataError(`ticket ${ref} is not linked to a sales order`, `set sales_order: on ${ref} in crm/tickets`);
        const orderId = target.kind === 'ticket' ? target.order! : target.id;
        const r = traceReport(ws, fulfilFor(ws, specOf(ctx, opts)), orderId, target.kind === 'ticket' ? target.id : null, ctx.lang);
        ctx.output({ table: traceTable(r, ctx.lang), json: r });
      }),
    );
};
