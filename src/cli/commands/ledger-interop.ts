import { Command } from 'commander';
import { resolve } from 'node:path';
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { buildLedger } from '../../engines/ledger/build.js';
import { journalText, txnText, type DatedAssertion, type Dialect, type PriceLine } from '../../engines/ledger/journal-text.js';
import { postingMatches, txnMatches } from '../../engines/ledger/query.js';
import { writeFileAtomic } from '../../io/write.js';
import type { Amount } from '../../schema/fields.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Wrap } from '../command.js';
import { formatOfFile, handlesOutput, type Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { addQueryOptions, queryFrom, type LedgerFlags } from '../ledger-options.js';
import { registerLedgerImport } from './ledger-import.js';
import { registerLedgerBank } from './ledger-bank.js';

function extras(ws: Workspace): { assertions: DatedAssertion[]; prices: PriceLine[] } {
  const base = ws.config.base_currency;
  const assertions = ws.data.assertions.map((a) => {
    const b = a.balance as Amount;
    return { date: a.date as IsoDate, account: a.account as string, amount: b.qty as Dec, commodity: b.commodity ?? base };
  });
  const prices = ws.data.prices.map((p) => {
    const pr = p.price as Amount;
    return { date: p.date as IsoDate, commodity: p.commodity as string, price: pr.qty as Dec, in: pr.commodity ?? base };
  });
  return { assertions, prices };
}

/** `ledger print -o FILE`: journal text, or the posting rows as CSV/TSV/JSON. */
const PRINT_EXTENSIONS = { '.journal': 'journal', '.hledger': 'journal', '.ledger': 'journal', '.txt': 'journal', '.csv': 'csv', '.tsv': 'tsv', '.json': 'json' } as const;

/** Journal text to -o FILE (atomically) or stdout. */
function writeText(ctx: Ctx, text: string): void {
  if (ctx.opts.output) {
    writeFileAtomic(resolve(ctx.io.cwd, ctx.opts.output), text);
    ctx.info(`wrote ${ctx.opts.output}`);
  } else ctx.io.stdout.write(text);
}

export function registerLedgerInterop(ledger: Command, wrap: Wrap): void {
  const print = addQueryOptions(handlesOutput(new Command('print')))
    .description('matching transactions in canonical journal form (hledger syntax), documents included')
    .argument('[accounts...]', 'account patterns: print transactions with a matching posting')
    .addHelpText('after', '\nExamples:\n  bizctl ledger print --period 2026-10\n  bizctl ledger print assets:bank:icbc --begin 2026-11-01\n  bizctl ledger print --tag doc:invoice -o invoices.journal\n  bizctl ledger print --period 2026-10 --format csv');
  print.action(
    wrap((ctx, patterns: string[], flags: LedgerFlags) => {
      const ws = ctx.workspace();
      const q = queryFrom(flags, patterns, ctx.asOf);
      const l = buildLedger(ws);
      const txns = l.txns.filter((t) => txnMatches(t, q) && t.postings.some((p) => postingMatches(p, q)));
      const format = ctx.opts.format ?? (ctx.opts.output ? formatOfFile(ctx.opts.output, PRINT_EXTENSIONS, 'journal') : 'journal');
      if (format === 'json' || format === 'csv' || format === 'tsv') {
        const rows = txns.flatMap((t) => t.postings.map((p) => [t.date, t.id, t.description, p.account, p.amount, p.commodity]));
        ctx.output({
          table: { columns: ['date', 'id', 'description', 'account', 'amount', 'commodity'].map((k) => ({ key: k, en: k })), rows },
          json: txns.map((t) => ({ date: t.date, id: t.id, source: t.source, description: t.description, payee: t.payee ?? null, tags: t.tags, postings: t.postings.map((p) => ({ account: p.account, amount: p.amount, commodity: p.commodity, ...(p.balance ? { balance: p.balance } : {}), ...(p.memo ? { memo: p.memo } : {}) })) })),
        });
        return;
      }
      writeText(ctx, txns.map((t) => txnText(t)).join('\n'));
    }),
  );
  const exp = handlesOutput(new Command('export'))
    .description('write the whole ledger (journal + documents, accounts, prices, assertions) as an hledger or ledger-cli journal')
    .addHelpText('after', '\nExamples:\n  bizctl ledger export --format hledger -o books.journal && hledger -f books.journal bal\n  bizctl ledger export --format ledger | ledger -f - bal');
  exp.action(
    wrap((ctx) => {
      const dialect = (ctx.opts.format ?? 'hledger') as Dialect;
      if (dialect !== 'hledger' && dialect !== 'ledger') throw new UsageError(`ledger export writes --format hledger or ledger, not ${dialect}`);
      const ws = ctx.workspace();
      writeText(ctx, journalText(buildLedger(ws), extras(ws), dialect, ws.config.company.name || 'bizctl workspace'));
    }),
  );
  ledger.addCommand(print).addCommand(exp);
  registerLedgerImport(ledger, wrap);
  registerLedgerBank(ledger, wrap);
}
