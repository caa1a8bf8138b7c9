import { overdueReport, overdueTable, suppliersReport, suppliersTable } from '../../reports/inventory/purchase.js';
import type { Register } from '../command.js';
import { EXIT } from '../errors.js';
import { requireId } from '../ids.js';
import type { Ctx } from '../context.js';

function checkSupplier(ctx: Ctx, id: string | undefined): void {
  if (id !== undefined) requireId('supplier', id, ctx.workspace().data.suppliers.map((s) => s.id), '`bizctl ls suppliers`');
}

export const registerPurchase: Register = (program, wrap) => {
  const purchase = program.command('purchase').description('supplier follow-up: overdue deliveries and supplier performance');

  purchase
    .command('overdue')
    .description('open purchase-order lines past their due date, with days late and whom to call')
    .option('--supplier <id>', 'only this supplier')
    .option('--exit-code', 'exit 3 when a line is overdue')
    .addHelpText(
      'after',
      `
Examples:
  bizctl purchase overdue --as-of 2026-11-16
  bizctl purchase overdue --supplier S001 --exit-code

A line is overdue when its purchase order is open, it is not fully received and its due date is
before --as-of; days late = as-of − due date (calendar days).`,
    )
    .action(
      wrap((ctx, opts: { supplier?: string; exitCode?: boolean }) => {
        const ws = ctx.workspace();
        checkSupplier(ctx, opts.supplier);
        const r = overdueReport(ws, { asOf: ctx.asOf, lang: ctx.lang, ...(opts.supplier ? { supplier: opts.supplier } : {}) });
        if (r.lines.length === 0 && ctx.format === 'table') ctx.info(ctx.lang === 'zh-CN' ? `${ctx.asOf}：没有逾期未到货的采购单行` : `no purchase-order line is overdue on ${ctx.asOf}`);
        else ctx.output({ table: overdueTable(r, ctx.lang), json: r });
        return opts.exitCode && r.lines.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  purchase
    .command('suppliers')
    .description('per supplier: on-time rate, average delay of late receipts, open order value')
    .option('--supplier <id>', 'only this supplier')
    .addHelpText(
      'after',
      `
Examples:
  bizctl purchase suppliers --as-of 2026-11-16
  bizctl purchase suppliers --format json

on-time rate = lines fully received on or before their due date ÷ lines due before --as-of
(plus lines already fully received); average delay = mean days late of lines received late;
open value = Σ open qty × price (before tax) of open purchase orders.`,
    )
    .action(
      wrap((ctx, opts: { supplier?: string }) => {
        const ws = ctx.workspace();
        checkSupplier(ctx, opts.supplier);
        const r = suppliersReport(ws, { asOf: ctx.asOf, lang: ctx.lang, ...(opts.supplier ? { supplier: opts.supplier } : {}) });
        ctx.output({ table: suppliersTable(r, ctx.lang), json: r });
      }),
    );
};
