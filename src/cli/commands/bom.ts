import { Dec } from '../../domain/decimal.js';
import { costReport, costTable, explodeReport, explodeTable, whereUsedReport, whereUsedTable, type BomSpec } from '../../reports/inventory/bom.js';
import type { Register } from '../command.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { requireId } from '../ids.js';

function specOf(ctx: Ctx, sku: string, qty: string | undefined): BomSpec {
  const ws = ctx.workspace();
  requireId('item', sku, ws.data.items.map((i) => i.id), '`bizctl ls items`');
  const q = Dec.parse(qty ?? '1');
  if (!q || q.sign() <= 0) throw new UsageError(`--qty must be a positive number, not "${qty}"`, 'e.g. --qty 40');
  return { sku, qty: q, lang: ctx.lang, indent: ctx.format === 'table' };
}

export const registerBom: Register = (program, wrap) => {
  const bom = program.command('bom').description('bill-of-materials tools: explode, where-used, cost roll-up');

  bom
    .command('explode')
    .description('indented multi-level explosion with scrap')
    .argument('<sku>', 'item to explode')
    .option('--qty <n>', 'quantity of the item', '1')
    .addHelpText('after', '\nExamples:\n  bizctl bom explode DESK-LIFT-1600 --qty 40\n  bizctl bom explode WS-4P --format csv\n\nqty = parent qty × qty per ÷ output_qty ÷ (1 − scrap); scrap is the line\'s, else the component item\'s.')
    .action(
      wrap((ctx, sku: string, opts: { qty?: string }) => {
        const spec = specOf(ctx, sku, opts.qty);
        const r = explodeReport(ctx.workspace(), spec);
        ctx.output({ table: explodeTable(r, spec), json: r });
      }),
    );

  bom
    .command('where-used')
    .description('every item that uses SKU, at all levels')
    .argument('<sku>', 'component')
    .addHelpText('after', '\nExamples:\n  bizctl bom where-used LIFT-COL\n  bizctl bom where-used SCREW-KIT --format json')
    .action(
      wrap((ctx, sku: string) => {
        const spec = specOf(ctx, sku, undefined);
        const r = whereUsedReport(ctx.workspace(), spec);
        ctx.output({ table: whereUsedTable(r, spec), json: r });
      }),
    );

  bom
    .command('cost')
    .description('cost roll-up: materials (with scrap) plus labour and overhead per level')
    .argument('<sku>', 'item to cost')
    .option('--qty <n>', 'quantity of the item', '1')
    .addHelpText('after', '\nExamples:\n  bizctl bom cost DESK-LIFT-1600\n  bizctl bom cost CHAIR-ERG --qty 80 --format csv')
    .action(
      wrap((ctx, sku: string, opts: { qty?: string }) => {
        const spec = specOf(ctx, sku, opts.qty);
        const r = costReport(ctx.workspace(), spec);
        ctx.output({ table: costTable(r, spec), json: r });
      }),
    );
};
