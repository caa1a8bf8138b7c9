import { ENTITIES, ENTITY_LIST, entityByName, type EntityKey } from '../../domain/entities/index.js';
import type { EntityDef } from '../../domain/entity.js';
import { listColumns, recordToPlain, valueText } from '../../reports/records.js';
import { filterRecords, parseWhere } from '../where.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import { dealAmountOf } from '../../reports/crm/inputs.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Register } from '../command.js';
import { UsageError } from '../errors.js';

/**
 * Deals priced by their lines show (and filter on) the amount the CRM reports count: the sum of the
 * lines, computed by the CRM engine (dealAmount), not a blank.
 */
function withDealAmounts(ws: Workspace, deals: readonly AnyRecord[]): AnyRecord[] {
  const amountOf = dealAmountOf(ws);
  return deals.map((d) => (d.amount === undefined && Array.isArray(d.lines) && d.lines.length ? { ...d, amount: amountOf(d as Parameters<typeof amountOf>[0]) } : d));
}

export const registerLs: Register = (program, wrap) => {
  program
    .command('ls')
    .description('list the records of an entity')
    .argument('<entity>', `one of: ${ENTITY_LIST.map((e) => e.plural).join(', ')}`)
    .option('--where <cond...>', 'filter: field=value, field!=value, field~text (contains); repeat to combine')
    .option('--all-fields', 'show every field in the table, not only the main ones')
    .addHelpText('after', '\nExamples:\n  bizctl ls customers --where city=上海\n  bizctl ls purchase-orders --where status=open --format json\n  bizctl ls items --where type=buy --where supplier~S0 --all-fields')
    .action(
      wrap((ctx, entity: string, opts: { where?: string[]; allFields?: boolean }) => {
        const def = entityByName(entity);
        if (!def) throw new UsageError(`unknown entity "${entity}"`, `use one of: ${ENTITY_LIST.map((e) => e.plural).join(', ')}`);
        const conds = (opts.where ?? []).map((w) => parseWhere(w, def));
        const ws = ctx.workspace({ derived: true });
        const key = (Object.keys(ENTITIES) as EntityKey[]).find((k) => (ENTITIES[k] as unknown) === def)!;
        const all = ws.data[key] as unknown as AnyRecord[];
        const recs = filterRecords(def, key === 'deals' ? withDealAmounts(ws, all) : all, conds);
        const cols = listColumns(def, ctx.format !== 'table' || opts.allFields === true);
        ctx.output({
          table: {
            columns: cols.map((c) => ({ key: c, en: c })),
            rows: recs.map((r) => cols.map((c) => valueText((def as EntityDef).fields[c]!, r[c]))),
          },
          json: recs.map((r) => recordToPlain(def.fields, r)),
        });
      }),
    );
};
