import { Option } from 'commander';
import { reorderReport, reorderTable, REORDER_RULE, stockReport, stockTable } from '../../reports/inventory/stock.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Register } from '../command.js';
import { EXIT } from '../errors.js';
import { requireId } from '../ids.js';
import type { Ctx } from '../context.js';
import type { IsoDate } from '../../domain/dates.js';
import { countedOnlyAfter } from '../../engines/inventory/position.js';

/** Locations of inventory/locations, and any named by stock counts and moves (a soft reference when there is no locations file). */
function knownLocations(ws: Workspace): Set<string> {
  const out = new Set(ws.data.locations.map((l) => l.id));
  for (const s of ws.data.stock) out.add(s.location);
  for (const m of ws.data.moves) for (const l of [m.from, m.to]) if (l) out.add(l);
  return out;
}

export const registerStock: Register = (program, wrap) => {
  const stock = program
    .command('stock')
    .description('stock position by item and location: on hand, on order, allocated, available')
    .option('--item <sku...>', 'only these items')
    .option('--location <id>', 'only this location')
    .addOption(new Option('--by <what>', 'a row per item and location, or per item (nettable locations)').choices(['location', 'item']).default('location'))
    .addHelpText(
      'after',
      `
Examples:
  bizctl stock --as-of 2026-11-16
  bizctl stock --item LIFT-COL HANDSET --by item
  bizctl stock --location WH-KS --format csv

available = on hand + on order − allocated
  on hand    latest stock count on or before --as-of, plus moves after it
  on order   open purchase-order lines (qty − received), released / in-progress work orders (qty − completed)
  allocated  open sales-order lines (qty − shipped), components still needed by released / in-progress work orders`,
    )
    .action(
      wrap((ctx, opts: { item?: string[]; location?: string; by: 'location' | 'item' }) => {
        const ws = ctx.workspace();
        const items = ws.data.items.map((x) => x.id);
        for (const i of opts.item ?? []) requireId('item', i, items, '`bizctl ls items`');
        if (opts.location !== undefined) requireId('location', opts.location, knownLocations(ws), '`bizctl ls locations`');
        const spec = { asOf: ctx.asOf, by: opts.by, lang: ctx.lang, ...(opts.item ? { items: opts.item } : {}), ...(opts.location ? { location: opts.location } : {}) };
        const r = stockReport(ws, spec);
        warnUncounted(ctx, ws);
        ctx.output({ table: stockTable(r, spec), json: r });
      }),
    );

  stock
    .command('reorder')
    .description('items at or below their reorder point, with what to order and by when (for cron)')
    .option('--exit-code', 'exit 3 when there are alerts')
    .addHelpText(
      'after',
      `
Examples:
  bizctl stock reorder
  bizctl stock reorder --exit-code --format csv -o reorder.csv
  # cron, Mondays 7:00, mail only when something needs ordering:
  0 7 * * 1  bizctl -C /srv/company stock reorder

${REORDER_RULE.join('\n')}`,
    )
    .action(
      wrap((ctx, opts: { exitCode?: boolean }) => {
        const ws = ctx.workspace();
        const r = reorderReport(ws, { asOf: ctx.asOf, lang: ctx.lang });
        warnUncounted(ctx, ws);
        if (r.alerts.length === 0 && ctx.format === 'table') ctx.info(ctx.lang === 'zh-CN' ? `${ctx.asOf}：没有物料达到再订货点` : `no item is at or below its reorder point on ${ctx.asOf}`);
        else ctx.output({ table: reorderTable(r, ctx.lang), json: r });
        return opts.exitCode && r.alerts.length ? EXIT.ALERTS : EXIT.OK;
      }),
    );
};

/** Say on stderr when the as-of date is before some items' first stock count (their on hand is then moves only). */
function warnUncounted(ctx: Ctx, ws: Workspace): void {
  const late = countedOnlyAfter(ws.data.stock as unknown as { item: string; date: IsoDate }[], ctx.asOf);
  if (!late.length) return;
  const eg = late.slice(0, 3).map((l) => `${l.item} ${l.first}`).join(', ');
  ctx.info(`warning: ${late.length} item${late.length === 1 ? ' is' : 's are'} first counted after ${ctx.asOf} (${eg}${late.length > 3 ? ', …' : ''}): their on hand then is moves only`);
}
