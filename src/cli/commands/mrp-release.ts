/**
 * `bizctl mrp release`: flags → selection, plan, release (reports/mrp/release.ts),
 * validate against the whole workspace, write (appending only), print.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseDate } from '../../domain/dates.js';
import type { OrderType, ReleaseProblem, Selection, UnknownId } from '../../engines/mrp/release.js';
import { planFor } from '../../reports/mrp/mrp.js';
import { planRelease, releaseDocuments, releaseSummary, releaseTable } from '../../reports/mrp/release.js';
import { PLANNED_ORDERS_FILE } from '../../reports/mrp/write.js';
import { didYouMean } from '../../util/suggest.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Wrap } from '../command.js';
import { DataError, UsageError } from '../errors.js';
import { loadForWrite, validateChanges, writeChanges } from '../write.js';
import { planOptions, specOf, type PlanOpts } from './mrp.js';

interface ReleaseOpts extends PlanOpts {
  allDue?: boolean;
  dueBy?: string;
  item?: string[];
  supplier?: string[];
  type?: OrderType;
  firm?: boolean;
  dryRun?: boolean;
}

export function registerMrpRelease(mrp: Command, wrap: Wrap): void {
  planOptions(mrp.command('release'))
    .description('turn planned orders into purchase orders (one per supplier) and work orders')
    .argument('[planned...]', 'planned-order ids as mrp run shows them (PL-<item>-<due>)')
    .option('--all-due', 'every planned order mrp run marks past due or release now')
    .option('--due-by <date>', 'every planned order whose release date is on or before DATE')
    .option('--item <sku...>', 'with --all-due / --due-by: only these items')
    .option('--supplier <id...>', 'with --all-due / --due-by: only purchase orders to these suppliers')
    .addOption(new Option('--type <type>', 'with --all-due / --due-by: only buy (purchase orders) or make (work orders)').choices(['buy', 'make']))
    .option('--firm', 'create work orders as firm planned orders (status planned) instead of released')
    .option('--dry-run', 'print what would be created; write nothing')
    .addHelpText(
      'after',
      `
Examples:
  bizctl mrp release --all-due --dry-run              what releasing today's actions would create
  bizctl mrp release --all-due --type buy             only the purchase orders
  bizctl mrp release PL-LIFT-COL-2026-11-16 PL-FRAME-LIFT-2026-11-16
  bizctl mrp release --due-by 2026-11-30 --supplier S005

Run it with the --horizon, --bucket and --ww of the plan you reviewed: the ids and quantities are
that plan's. Buy orders become one purchase order per supplier (status open, dated --as-of, a line
per planned order at the item's cost); make orders become one work order each (status released,
start = planned release or --as-of when past, due = planned due). The notes of each new order name
its planned order and the demands it serves. Files are appended to, never rewritten; the next
\`mrp run\` sees the new orders as scheduled receipts. See docs/mrp.md.`,
    )
    .action(
      wrap((ctx, ids: string[], opts: ReleaseOpts) => {
        const loaded = loadForWrite(ctx);
        const { ws } = loaded;
        const selection = selectionOf(ws, ids, opts);
        const pc = planFor(ws, specOf(ctx, opts));
        const out = planRelease(ws, pc, { selection, firm: opts.firm === true });
        if (!out.ok) throw 'unknown' in out ? unknownIds(out.unknown) : cannotRelease(ws, out.problems);
        const { report, changes } = releaseDocuments(ws, out.release);
        validateChanges(ctx, loaded, changes, 'releasing these planned orders');
        if (!opts.dryRun) writeChanges(loaded, changes);
        ctx.output({ table: releaseTable(report, ctx.lang), json: report });
        if (!report.rows.length) ctx.info(ctx.lang === 'zh-CN' ? '没有要下达的计划订单' : 'nothing to release');
        else if (opts.dryRun) ctx.info(ctx.lang === 'zh-CN' ? `试运行：将创建${releaseSummary(report, false, ctx.lang)}；未写入任何文件` : `dry run: would create ${releaseSummary(report)}; nothing was written`);
        else {
          ctx.info(ctx.lang === 'zh-CN' ? `已创建${releaseSummary(report, false, ctx.lang)}（${report.files.join('、')}）` : `created ${releaseSummary(report)} (${report.files.join(', ')})`);
          for (const a of report.added_columns) ctx.info(ctx.lang === 'zh-CN' ? `注意：已在 ${a.file} 中增加列 ${a.columns.join('、')}` : `note: added column${a.columns.length === 1 ? '' : 's'} ${a.columns.join(', ')} to ${a.file}`);
          if (existsSync(join(ws.root, PLANNED_ORDERS_FILE))) ctx.info(ctx.lang === 'zh-CN' ? `注意：${PLANNED_ORDERS_FILE} 仍列出已下达的订单；运行 \`bizctl mrp run --write\` 更新它` : `note: ${PLANNED_ORDERS_FILE} still lists the released orders; \`bizctl mrp run --write\` brings it up to date`);
        }
      }),
    );
}

/** Ids, or a rule (--all-due / --due-by) with optional filters; never both. */
function selectionOf(ws: Workspace, ids: readonly string[], o: ReleaseOpts): Selection {
  const rule = o.allDue || o.dueBy !== undefined;
  if (o.allDue && o.dueBy !== undefined) throw new UsageError('give --all-due or --due-by, not both', '--all-due: what mrp run lists as past due or release now; --due-by DATE: every order released by DATE');
  if (ids.length && rule) throw new UsageError('give planned-order ids or --all-due / --due-by, not both');
  if (!ids.length && !rule) throw new UsageError('which planned orders? give their ids, --all-due or --due-by DATE', '`bizctl mrp run` lists the orders to release (--all lists every planned order)');
  if (ids.length) {
    if (o.item || o.supplier || o.type) throw new UsageError('--item, --supplier and --type narrow --all-due or --due-by', 'with ids, name just the orders to release');
    return { kind: 'ids', ids };
  }
  const releaseBy = o.dueBy === undefined ? null : parseDate(o.dueBy);
  if (o.dueBy !== undefined && !releaseBy) throw new UsageError(`--due-by "${o.dueBy}" is not a date`, 'write it as YYYY-MM-DD');
  const known = (flag: string, xs: readonly string[] | undefined, all: readonly string[], ls: string) => {
    const list = xs?.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
    for (const x of list ?? []) {
      if (all.includes(x)) continue;
      const g = didYouMean(x, all);
      throw new DataError(`${flag}: unknown ${flag.slice(2)} "${x}"`, g ? `did you mean ${g}?` : `\`bizctl ls ${ls}\` lists them`);
    }
    return list;
  };
  const items = known('--item', o.item, ws.data.items.map((i) => i.id), 'items');
  const suppliers = known('--supplier', o.supplier, ws.data.suppliers.map((s) => s.id), 'suppliers');
  return { kind: 'rule', releaseBy, ...(items ? { items } : {}), ...(suppliers ? { suppliers } : {}), ...(o.type ? { type: o.type } : {}) };
}

function unknownIds(unknown: readonly UnknownId[]): DataError {
  const list = unknown.map((u) => `${u.id}${u.suggestion ? ` (did you mean ${u.suggestion}?)` : ''}`).join(', ');
  return new DataError(`not a planned order of this plan: ${list}`, '`bizctl mrp run --all` lists the planned orders (run it with the same --horizon and --bucket); an order released already is no longer planned');
}

function cannotRelease(ws: Workspace, problems: readonly ReleaseProblem[]): DataError {
  const where = (item: string) => {
    const loc = ws.data.items.find((i) => i.id === item)?.src.loc;
    return loc ? ` (${loc.file}:${loc.line})` : '';
  };
  const lines = problems.map((p) => {
    if (p.code === 'no-supplier') return `${p.order}: buy item ${p.item} has no supplier${where(p.item)}`;
    if (p.code === 'unknown-supplier') return `${p.order}: supplier ${p.supplier} of item ${p.item} is not in purchasing/suppliers`;
    return `${p.order}: no purchase price for ${p.item} from ${p.supplier} in ${p.currency}${where(p.item)}`;
  });
  const hints = [
    ...(problems.some((p) => p.code === 'no-supplier') ? ['set `supplier` on the item (the supplier its purchase orders go to)'] : []),
    ...(problems.some((p) => p.code === 'unknown-supplier') ? ['add the supplier to purchasing/suppliers or correct `supplier` on the item'] : []),
    ...(problems.some((p) => p.code === 'no-price') ? ['set `cost` on the item (its purchase price), or for a supplier in another currency record a purchase order with its price'] : []),
  ];
  const message = lines.length === 1 ? `${lines[0]}; nothing was written` : `${lines.length} planned orders cannot be released; nothing was written\n  ${lines.join('\n  ')}`;
  return new DataError(message, hints.join('; '));
}
