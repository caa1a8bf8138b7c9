import { Command } from 'commander';
import { buildLedger } from '../../engines/ledger/build.js';
import { descriptionText, registerReport } from '../../reports/ledger/register.js';
import type { Wrap } from '../command.js';
import { addQueryOptions, queryFrom, type LedgerFlags } from '../ledger-options.js';

export function registerLedgerRegister(ledger: Command, wrap: Wrap): void {
  const reg = addQueryOptions(new Command('register').alias('reg'))
    .description('postings of matching accounts with a running balance (opening balance included when --begin is given)')
    .argument('[accounts...]', 'account patterns (regular expressions, case-insensitive)')
    .addHelpText(
      'after',
      `
Examples:
  bizctl ledger register assets:bank:icbc --begin 2026-11-01
  bizctl ledger register receivable --period 2026-10 --format csv
  bizctl ledger register --tag doc:invoice`,
    );
  reg.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const ws = ctx.workspace();
      const l = buildLedger(ws);
      const lines = registerReport(l, queryFrom(flags, patterns, ctx.asOf));
      const multi = new Set(lines.map((x) => x.commodity)).size > 1 || lines.some((x) => x.commodity !== l.baseCurrency);
      ctx.output({
        table: {
          columns: [
            { key: 'date', en: 'date', zh: '日期' },
            { key: 'id', en: 'id', zh: '凭证' },
            { key: 'description', en: 'description', zh: '摘要' },
            { key: 'account', en: 'account', zh: '科目' },
            ...(multi ? [{ key: 'commodity', en: 'commodity', zh: '币种' }] : []),
            { key: 'amount', en: 'amount', zh: '金额', align: 'right' as const },
            { key: 'balance', en: 'balance', zh: '余额', align: 'right' as const },
          ],
          rows: lines.map((x) => [x.date ?? '', x.id, descriptionText(x, ctx.lang === 'zh-CN'), x.account, ...(multi ? [x.commodity] : []), x.amount, x.balance]),
        },
        json: lines.map((x) => ({ date: x.date, id: x.id, source: x.source, description: x.description, account: x.account, commodity: x.commodity, amount: x.amount, balance: x.balance })),
      });
    }),
  );
  ledger.addCommand(reg);
}
