import { Command } from 'commander';
import { buildLedger } from '../../engines/ledger/build.js';
import { balanceSheet, incomeStatement, trialBalance, valuedBalanceSheet, valuedIncomeStatement } from '../../reports/ledger/statements.js';
import { valued } from '../../reports/ledger/balance.js';
import { priceDb } from '../../engines/ledger/price-db.js';
import { addDays } from '../../domain/dates.js';
import { minorUnit } from '../../workspace/config.js';
import { balanceSheetView, incomeStatementView, trialBalanceView } from '../../reports/ledger/statement-view.js';
import type { Wrap } from '../command.js';
import { addQueryOptions, queryFrom, warnUnconverted, type LedgerFlags } from '../ledger-options.js';

export function registerLedgerStatements(ledger: Command, wrap: Wrap): void {
  const tb = addQueryOptions(new Command('trial-balance').alias('tb'))
    .description('every account with a balance, in debit and credit columns; the totals are equal')
    .argument('[accounts...]', 'account patterns')
    .addHelpText('after', '\nExamples:\n  bizctl ledger trial-balance --as-of 2026-10-31\n  bizctl ledger trial-balance --period 2026 --format csv -o tb-2026.csv');
  tb.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const l = buildLedger(ctx.workspace());
      ctx.output(trialBalanceView(trialBalance(l, queryFrom(flags, patterns, ctx.asOf)), l.baseCurrency, l.accounts, ctx.lang === 'zh-CN'));
    }),
  );
  const is = addQueryOptions(new Command('income-statement').alias('is'), { periods: true, tree: true })
    .description('income and expenses over a period, and net income (income shown positive)')
    .option('-X, --value <commodity>', 'convert amounts to this commodity with finance/prices')
    .argument('[accounts...]', 'account patterns')
    .addHelpText('after', '\nExamples:\n  bizctl ledger income-statement --period 2026-Q3\n  bizctl ledger income-statement --begin 2026-01-01 -M --depth 2\n  bizctl ledger income-statement --period 2026 -X USD');
  is.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags & { value?: string }) => {
      const ws = ctx.workspace();
      const l = buildLedger(ws);
      const q = queryFrom(flags, patterns, ctx.asOf);
      let r = incomeStatement(l, q);
      let shown = l.baseCurrency;
      if (flags.value) {
        const db = priceDb(ws);
        const minor = minorUnit(ws.config, flags.value);
        r = valuedIncomeStatement(r, (b) => valued(b, db, flags.value!, addDays(q.end!, -1), minor, ws.config.rounding));
        shown = warnUnconverted(ctx, db, flags.value, l.baseCurrency);
      }
      ctx.output(incomeStatementView(r, shown, l.accounts, ctx.lang === 'zh-CN'));
    }),
  );
  const bs = addQueryOptions(new Command('balance-sheet').alias('bs'), { tree: true })
    .description('assets, liabilities and equity as of --as-of (or the day before --end), with unclosed earnings so it balances')
    .option('-X, --value <commodity>', 'convert amounts to this commodity with finance/prices at the balance-sheet date')
    .argument('[accounts...]', 'account patterns')
    .addHelpText('after', '\nExamples:\n  bizctl ledger balance-sheet --as-of 2026-10-31\n  bizctl ledger balance-sheet --end 2026-10-01          as of 2026-09-30\n  bizctl ledger balance-sheet --depth 2 --lang zh-CN');
  bs.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags & { value?: string }) => {
      const ws = ctx.workspace();
      const l = buildLedger(ws);
      const q = queryFrom(flags, patterns, ctx.asOf);
      let r = balanceSheet(l, { ...q, end: q.end! }, ws.config.finance.fiscal_year_start);
      let shown = l.baseCurrency;
      if (flags.value) {
        const db = priceDb(ws);
        const minor = minorUnit(ws.config, flags.value);
        const date = addDays(q.end!, -1);
        r = valuedBalanceSheet(r, (b) => valued(b, db, flags.value!, date, minor, ws.config.rounding), (a) => db.value(a, flags.value!, date, minor, ws.config.rounding));
        shown = warnUnconverted(ctx, db, flags.value, l.baseCurrency);
      }
      ctx.output(balanceSheetView(r, shown, l.accounts, ctx.lang === 'zh-CN'));
    }),
  );
  ledger.addCommand(tb).addCommand(is).addCommand(bs);
}
