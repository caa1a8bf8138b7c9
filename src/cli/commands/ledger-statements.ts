import { Command } from 'commander';
import { buildLedger } from '../../engines/ledger/build.js';
import { balanceSheet, incomeStatement, trialBalance } from '../../reports/ledger/statements.js';
import { balanceSheetView, incomeStatementView, trialBalanceView } from '../../reports/ledger/statement-view.js';
import type { Wrap } from '../command.js';
import { addQueryOptions, queryFrom, type LedgerFlags } from '../ledger-options.js';

export function registerLedgerStatements(ledger: Command, wrap: Wrap): void {
  const tb = addQueryOptions(new Command('trial-balance').alias('tb'))
    .description('every account with a balance, in debit and credit columns; the totals are equal')
    .argument('[accounts...]', 'account patterns');
  tb.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const l = buildLedger(ctx.workspace());
      ctx.output(trialBalanceView(trialBalance(l, queryFrom(flags, patterns, ctx.asOf)), l.baseCurrency, l.accounts));
    }),
  );
  const is = addQueryOptions(new Command('income-statement').alias('is'), { periods: true, tree: true })
    .description('income and expenses over a period, and net income (income shown positive)')
    .argument('[accounts...]', 'account patterns');
  is.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const l = buildLedger(ctx.workspace());
      ctx.output(incomeStatementView(incomeStatement(l, queryFrom(flags, patterns, ctx.asOf)), l.baseCurrency, l.accounts, ctx.lang === 'zh-CN'));
    }),
  );
  const bs = addQueryOptions(new Command('balance-sheet').alias('bs'), { tree: true })
    .description('assets, liabilities and equity as of --as-of (or the day before --end), with unclosed earnings so it balances')
    .argument('[accounts...]', 'account patterns');
  bs.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const ws = ctx.workspace();
      const l = buildLedger(ws);
      const q = queryFrom(flags, patterns, ctx.asOf);
      ctx.output(balanceSheetView(balanceSheet(l, { ...q, end: q.end! }, ws.config.finance.fiscal_year_start), l.baseCurrency, l.accounts, ctx.lang === 'zh-CN'));
    }),
  );
  ledger.addCommand(tb).addCommand(is).addCommand(bs);
}
