/**
 * `bizctl report …`: reports that draw on several modules at once.
 *   report margin   gross margin by product, customer or month (invoices × BOM cost roll-up)
 */
import { Option } from 'commander';
import { MARGIN_BY, type MarginBy } from '../../engines/finance/margin.js';
import { marginReport, marginTable } from '../../reports/finance/margin.js';
import type { Register } from '../command.js';
import { DataError } from '../errors.js';
import { addRangeOptions, rangeFrom, type RangeFlags } from '../period.js';

export const registerReport: Register = (program, wrap) => {
  const report = program.command('report').description('cross-module reports: gross margin');

  addRangeOptions(report.command('margin'), { begin: 'documents dated on or after this date', end: 'documents dated before this date (exclusive, like the ledger reports); default: the day after --as-of' })
    .description('gross margin from invoice lines (credit notes subtracted) and the BOM cost roll-up, by product, customer or month')
    .addOption(new Option('--by <what>', 'one row per product, customer or month').choices(MARGIN_BY as unknown as string[]).default('product'))
    .addHelpText(
      'after',
      `
Examples:
  bizctl report margin --as-of 2026-11-16
  bizctl report margin --by customer --begin 2026-07-01 --end 2026-10-01
  bizctl report margin --by customer --period 2026-Q3          the same quarter
  bizctl report margin --by month --format csv -o margin.csv

revenue = invoice lines before VAT minus credit notes; cost = invoiced qty × unit cost
(bom cost: material + labour + overhead per level; buy items: cost); margin % = margin ÷
revenue × 100, half-up to 2 decimals. Lines without an item or a known cost are shown as
"cost unknown", never as cost 0. Definitions and a worked example: docs/integration.md`,
    )
    .action(
      wrap((ctx, opts: { by: MarginBy } & RangeFlags) => {
        const { begin, end } = rangeFrom(opts, ctx.asOf);
        const ws = ctx.workspace();
        const { report: r, missingRates } = marginReport(ws, { asOf: ctx.asOf, by: opts.by, begin, end, lang: ctx.lang });
        if (missingRates.length) {
          const m = missingRates[0]!;
          throw new DataError(
            missingRates.map((x) => `${x.what} is in ${x.currency}, and there is no ${x.currency} rate on or before ${x.date} to convert it to ${r.currency}`).join('\n'),
            `add a rate to finance/prices, e.g. "- { date: ${m.date}, commodity: ${m.currency}, price: 7.10 ${r.currency} }"`,
          );
        }
        ctx.output({ table: marginTable(r, ctx.lang), json: r });
      }),
    );
};
