import { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { Diagnostics } from '../../diagnostics/types.js';
import { parseBankRules, readStatement } from '../../import/bank.js';
import { planBank } from '../../import/bank-plan.js';
import { normaliseEncoding } from '../../import/encoding.js';
import { decodeInput } from '../decode.js';
import { appendYamlRecords, type PlainRecord } from '../../edit/records.js';
import { appendCsvRows } from '../../edit/csv-edit.js';
import { rebuildWith } from '../../workspace/rebuild.js';
import type { Wrap } from '../command.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { writeData } from '../write.js';

export function registerLedgerBank(ledger: Command, wrap: Wrap): void {
  const cmd = new Command('import-bank')
    .description('turn a bank statement CSV into payments and journal entries through ordered rules; re-running adds nothing')
    .argument('<file>', 'statement CSV (UTF-8 or GBK)')
    .requiredOption('--rules <file>', 'bank rules (YAML): bank_account, columns, rules, default_account')
    .option('--dry-run', 'print what would be recorded; write nothing')
    .option('--encoding <name>', 'utf8 or gbk (default: detected)')
    .addHelpText('after', '\nMoney in that settles an open invoice (its id or fapiao number in the text, or exactly its open amount) becomes a payment allocated to it.\n\nExample:\n  bizctl ledger import-bank icbc-2026-10.csv --rules bank.rules.yaml --dry-run');
  cmd.action(
    wrap((ctx, file: string, opts: { rules: string; dryRun?: boolean; encoding?: string }) => {
      const ws = ctx.workspace();
      const enc = opts.encoding ? normaliseEncoding(opts.encoding) : undefined;
      if (opts.encoding && !enc) throw new UsageError(`unknown --encoding "${opts.encoding}"`);
      const diags = new Diagnostics();
      const rulesText = ctx.readInput(opts.rules).toString('utf8');
      const rules = parseBankRules(opts.rules, rulesText, diags);
      const path = resolve(ctx.io.cwd, file);
      const shown = relative(ctx.io.cwd, path) || file;
      const text = decodeInput(ctx, file, shown, enc ?? undefined, 'nothing was recorded');
      const lines = rules && !diags.errorCount ? readStatement(shown, text, rules, diags) : [];
      if (diags.errorCount || !rules) {
        ctx.printDiagnostics(diags.list, { ...ws, sources: new Map([[opts.rules, rulesText], [shown, text]]) } as typeof ws);
        throw new DataError('nothing was recorded');
      }
      const actions = planBank(ws, rules, lines);
      ctx.output({
        table: { columns: ['row', 'date', 'amount', 'description', 'action', 'id', 'detail'].map((k) => ({ key: k, en: k, ...(k === 'amount' ? { align: 'right' as const } : {}) })), rows: actions.map((a) => [a.line.line, a.line.date, a.line.amount, a.line.description, a.kind, a.id, a.detail]) },
        json: actions.map((a) => ({ row: a.line.line, date: a.line.date, amount: a.line.amount, description: a.line.description, action: a.kind, id: a.id, detail: a.detail })),
      });
      const unmatched = actions.filter((a) => a.kind === 'unmatched');
      if (unmatched.length) throw new DataError(`${unmatched.length} line${unmatched.length === 1 ? '' : 's'} (rows ${unmatched.map((a) => a.line.line).join(', ')}) match no rule; nothing was recorded`, 'add a rule for them, or a default_account to the rules');
      const entries = actions.filter((a) => a.kind === 'entry').map((a) => a.record!);
      const payments = actions.filter((a) => a.kind === 'payment').map((a) => a.record!);
      const writes = new Map<string, string>();
      if (entries.length) {
        const f = `finance/journal/bank-${rules.bankAccount.split(':').pop()}.yaml`;
        writes.set(f, appendYamlRecords(ws.sources.get(f) ?? '', entries));
      }
      if (payments.length) {
        const f = ws.files.get('payments')?.[0] ?? 'finance/payments.yaml';
        const before = ws.sources.get(f) ?? '';
        writes.set(f, f.endsWith('.csv') ? appendCsvRows(before, payments.flatMap(paymentRows), { columns: ['id', 'date', 'direction', 'customer', 'supplier', 'amount', 'currency', 'account', 'reference', 'notes', 'document'] }) : appendYamlRecords(before, payments));
      }
      const after = rebuildWith(ws, writes);
      if (after.diagnostics.errorCount) {
        ctx.printDiagnostics(after.diagnostics.list, after.ws);
        throw new DataError('the result would not pass `bizctl check`; nothing was recorded');
      }
      const count = (k: string) => actions.filter((a) => a.kind === k).length;
      const summary = `${count('payment')} payments, ${count('entry')} journal entries, ${count('skipped')} already imported`;
      if (opts.dryRun) {
        ctx.info(`dry run: would record ${summary}`);
        return EXIT.OK;
      }
      for (const [f, t] of writes) writeData(ws, f, t);
      ctx.info(`recorded ${summary}${writes.size ? ` in ${[...writes.keys()].join(', ')}` : ''}`);
      return EXIT.OK;
    }),
  );
  ledger.addCommand(cmd);
}

/** A payment as CSV rows (one per allocation, as the loader groups them). */
function paymentRows(p: PlainRecord): Record<string, string>[] {
  const head = Object.fromEntries(Object.entries(p).filter(([k, v]) => k !== 'allocations' && typeof v === 'string')) as Record<string, string>;
  const allocs = (p.allocations as PlainRecord[] | undefined) ?? [];
  if (!allocs.length) return [head];
  return allocs.map((a) => ({ ...head, document: a.document as string, amount: head.amount! }));
}
