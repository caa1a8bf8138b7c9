import { Command } from 'commander';
import { buildLedger } from '../../engines/ledger/build.js';
import { balanceReport, valued } from '../../reports/ledger/balance.js';
import { priceDb } from '../../engines/ledger/price-db.js';
import { addDays } from '../../domain/dates.js';
import { minorUnit } from '../../workspace/config.js';
import { balanceView } from '../../reports/ledger/balance-view.js';
import type { Register } from '../command.js';
import { addQueryOptions, queryFrom, warnUnconverted, type LedgerFlags } from '../ledger-options.js';
import { registerLedgerStatements } from './ledger-statements.js';
import { registerLedgerRegister } from './ledger-register.js';
import { registerLedgerInterop } from './ledger-interop.js';

export const registerLedger: Register = (program, wrap) => {
  const ledger = program.command('ledger').description('double-entry ledger reports: balance, register, trial balance, income statement, balance sheet, print, export, import');
  ledger.addHelpText(
    'after',
    `
Examples:
  bizctl ledger balance --as-of 2026-10-31
  bizctl ledger balance assets --depth 2 -M --begin 2026-06-01
  bizctl ledger register assets:bank:icbc --begin 2026-11-01
  bizctl ledger balance-sheet --as-of 2026-10-31
  bizctl ledger export --format hledger -o books.journal

Invoices, bills, payments and credit notes post to the ledger by themselves (tag doc:invoice, …).`,
  );
  const bal = addQueryOptions(new Command('balance').alias('bal'), { periods: true, tree: true })
    .description('balances per account: a tree with subtotals (default) or --flat')
    .option('-X, --value <commodity>', 'convert amounts to this commodity with finance/prices (latest price on or before each column end)')
    .argument('[accounts...]', 'account patterns (regular expressions, case-insensitive; any may match)')
    .addHelpText(
      'after',
      `
Examples:
  bizctl ledger balance --as-of 2026-10-31
  bizctl ledger balance assets --depth 2 -M --begin 2026-06-01
  bizctl ledger balance ^income ^expenses --period 2026-Q3 --flat
  bizctl ledger balance assets:bank -X USD          valued with finance/prices`,
    );
  bal.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags & { value?: string }) => {
      const ws = ctx.workspace();
      const spec = queryFrom(flags, patterns, ctx.asOf);
      const l = buildLedger(ws);
      let report = balanceReport(l, spec);
      let shown = l.baseCurrency;
      if (flags.value) {
        const db = priceDb(ws);
        report = valued(report, db, flags.value, addDays(spec.end!, -1), minorUnit(ws.config, flags.value), ws.config.rounding);
        shown = warnUnconverted(ctx, db, flags.value, l.baseCurrency);
      }
      ctx.output(balanceView(report, shown, l.accounts, undefined, ctx.lang === 'zh-CN'));
    }),
  );
  ledger.addCommand(bal);
  registerLedgerRegister(ledger, wrap);
  registerLedgerStatements(ledger, wrap);
  registerLedgerInterop(ledger, wrap);
};
