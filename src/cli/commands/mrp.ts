import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseHorizon } from '../../engines/mrp/buckets.js';
import type { BucketKind } from '../../engines/mrp/types.js';
import { plannedOrders } from '../../domain/entities/index.js';
import { writeLinesAtomic } from '../../io/write.js';
import { listWorkspaceFiles } from '../../workspace/files.js';
import type { MrpSpec } from '../../reports/mrp/input.js';
import { explainReport, explainTable, peggingReport, peggingTable, planFor, runReport, runTable } from '../../reports/mrp/mrp.js';
import { PLANNED_ORDERS_FILE, plannedOrdersCsv } from '../../reports/mrp/write.js';
import type { Register } from '../command.js';
import type { Ctx } from '../context.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { requireId } from '../ids.js';
import { registerMrpRelease } from './mrp-release.js';

export interface PlanOpts {
  horizon: string;
  bucket: BucketKind;
  ww?: boolean;
}

/** --horizon, --bucket and --ww (shared with the order and sales commands, which plan too). */
export function planOptions(c: Command): Command {
  return c
    .option('--horizon <span>', 'planning horizon: 26w, 180d, 6m, or a number of buckets', '26w')
    .addOption(new Option('--bucket <size>', 'bucket size').choices(['day', 'week', 'month']).default('week'))
    .option('--ww', 'Wagner–Whitin lot sizing for every item with order_cost and holding_cost');
}

export function specOf(ctx: Ctx, o: PlanOpts): MrpSpec {
  const horizon = parseHorizon(o.horizon);
  if (!horizon) throw new UsageError(`--horizon "${o.horizon}" is not a span`, 'write e.g. 26w (weeks), 180d (days), 6m (months) or 12 (buckets)');
  return { asOf: ctx.asOf, bucket: o.bucket, horizon, ww: o.ww === true };
}

const RULES = `
MRP (docs/mrp.md): items are planned in low-level-code order; per bucket, projected on hand =
previous + scheduled receipts + planned receipts − gross requirements, starting from nettable on
hand − allocated; when it would fall below safety stock, a planned order (lot-sized) is due at the
start of the bucket and released lead-time working days earlier. Components get parent release ×
qty per ÷ output_qty ÷ (1 − scrap) in the release bucket; phantoms pass it through.`;

export const registerMrp: Register = (program, wrap) => {
  const mrp = program.command('mrp').description('material requirements planning: planned orders, action messages, pegging');

  planOptions(mrp.command('run'))
    .description('plan every item and list the actions (planned orders to release, open orders to expedite, defer or cancel)')
    .option('--all', 'also list planned orders that need no action yet')
    .option('--for', 'show the sales orders / forecast / safety stock each order serves (pegs the whole plan: slower on big plans)')
    .option('--write', `write the planned orders to ${PLANNED_ORDERS_FILE} (sorted, for git diff)`)
    .option('--exit-code', 'exit 3 when there are action messages')
    .addHelpText(
      'after',
      `
Examples:
  bizctl mrp run --as-of 2026-11-16
  bizctl mrp run --for                 with the demand each order serves
  bizctl mrp run --bucket month --horizon 6m --all
  bizctl mrp run --write && git diff ${PLANNED_ORDERS_FILE}
${RULES}`,
    )
    .action(
      wrap((ctx, opts: PlanOpts & { all?: boolean; for?: boolean; write?: boolean; exitCode?: boolean }) => {
        const ws = ctx.workspace();
        const spec = specOf(ctx, opts);
        const pc = planFor(ws, spec);
        const r = runReport(pc, opts.all === true, opts.for === true);
        ctx.output({ table: runTable(r, spec, ctx.lang), json: r });
        if (opts.write) {
          const others = listWorkspaceFiles(ws.root)
            .filter((f) => f.entity === plannedOrders && f.path !== PLANNED_ORDERS_FILE)
            .map((f) => f.path);
          if (others.length) throw new DataError(`planned orders are also in ${others.join(', ')}; nothing was written`, `keep them only in ${PLANNED_ORDERS_FILE} (bizctl writes that file)`);
          const changed = writeLinesAtomic(join(ws.root, PLANNED_ORDERS_FILE), plannedOrdersCsv(pc));
          ctx.info(`${changed ? 'wrote' : 'unchanged:'} ${PLANNED_ORDERS_FILE} (${pc.plan.orders.length} planned order${pc.plan.orders.length === 1 ? '' : 's'})`);
        }
        return opts.exitCode && pc.plan.messages.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );

  planOptions(mrp.command('explain'))
    .description('the MRP grid of one item, bucket by bucket')
    .argument('<sku>', 'item')
    .addHelpText('after', `\nExamples:\n  bizctl mrp explain LIFT-COL --horizon 8w\n  bizctl mrp explain CHAIR-ERG --bucket month --horizon 6m --format csv\n${RULES}`)
    .action(
      wrap((ctx, sku: string, opts: PlanOpts) => {
        const ws = ctx.workspace();
        requireId('item', sku, ws.data.items.map((i) => i.id), '`bizctl ls items`');
        const spec = specOf(ctx, opts);
        const r = explainReport(ws, planFor(ws, spec), sku, ctx.lang)!;
        ctx.output({ table: explainTable(r, spec.bucket, ctx.lang), json: r });
      }),
    );

  planOptions(mrp.command('pegging'))
    .description('which demand drives which order: below a sales order, or above an item or order')
    .argument('<ref>', 'SO-… (or SO-…/line), an item, or an order: PO-…, WO-…, PL-…')
    .addHelpText(
      'after',
      `
Examples:
  bizctl mrp pegging SO-2026-0041        what covers the order, level by level
  bizctl mrp pegging LIFT-COL            what each LIFT-COL supply is for, up to the sales orders
  bizctl mrp pegging PO-2026-0188        what a purchase order is for`,
    )
    .action(
      wrap((ctx, ref: string, opts: PlanOpts) => {
        const ws = ctx.workspace();
        const isItem = ws.data.items.some((i) => i.id === ref);
        const r = peggingReport(planFor(ws, specOf(ctx, opts)), ref, isItem);
        if (!r) throw new DataError(`nothing to peg for "${ref}"`, 'give an open sales order (SO-…), an item, or an open or planned order (PO-…, WO-…, PL-…) within the horizon');
        ctx.output({ table: peggingTable(r, ctx.format === 'table', ctx.lang), json: r });
      }),
    );

  registerMrpRelease(mrp, wrap);
};
