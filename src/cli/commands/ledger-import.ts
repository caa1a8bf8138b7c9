import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Diagnostics } from '../../diagnostics/types.js';
import { planImport } from '../../engines/ledger/import.js';
import { parseLedgerJournal } from '../../io/ledger-journal.js';
import { csvLine } from '../../io/csv.js';
import { loadWorkspace } from '../../workspace/load.js';
import { rebuildWith } from '../../workspace/rebuild.js';
import type { Wrap } from '../command.js';
import { DataError, EXIT } from '../errors.js';
import { stringify } from 'yaml';
import { writeData } from '../write.js';

export function registerLedgerImport(ledger: Command, wrap: Wrap): void {
  const cmd = new Command('import')
    .description('import an hledger / ledger-cli journal into the workspace (new journal file; new accounts added to the chart)')
    .argument('<file>', 'journal file (hledger or ledger syntax)')
    .option('--to <path>', 'journal file to create, relative to the workspace (default: finance/journal/<name>.yaml)')
    .option('--prefix <text>', 'id prefix for entries without a usable (CODE) (default: IMP-<name>)')
    .option('--dry-run', 'report what would be written, write nothing')
    .addHelpText('after', '\nSupported: transactions, postings, comments, tags, account and commodity directives, P prices, balance assertions (=), @ and @@ prices.\nAnything else is an error with its line, and nothing is written.\n\nExample:\n  bizctl ledger import old-books.journal --dry-run');
  cmd.action(
    wrap((ctx, file: string, opts: { to?: string; prefix?: string; dryRun?: boolean }) => {
      const root = ctx.workspaceRoot();
      const { ws, diagnostics } = loadWorkspace(root);
      if (diagnostics.errorCount) {
        ctx.printDiagnostics(diagnostics.list, ws);
        throw new DataError('the workspace has errors; fix them before importing');
      }
      const path = resolve(ctx.io.cwd, file);
      const text = ctx.readInput(file).toString('utf8');
      const name = basename(path).replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-');
      const to = opts.to ?? `finance/journal/${name}.yaml`;
      if (existsSync(join(root, to))) throw new DataError(`${to} already exists; nothing was written`, 'choose another file with --to, or remove it first');
      const diags = new Diagnostics();
      const parsed = parseLedgerJournal(file, text, diags);
      const chart = ws.present.has('accounts') ? new Set(ws.data.accounts.map((a) => a.id as string)) : null;
      const plan = planImport(parsed, file, { prefix: opts.prefix ?? `IMP-${name}`, existingIds: new Set(ws.journal.ids), chart, base: ws.config.base_currency }, diags);
      const sources = new Map<string, string>([[file, text]]);
      if (diags.errorCount) {
        ctx.printDiagnostics(diags.list, { ...ws, sources } as typeof ws);
        throw new DataError(`${diags.errorCount} problem${diags.errorCount === 1 ? '' : 's'} in ${file}; nothing was written`);
      }
      // The files as they would be after the import.
      const writes = new Map<string, string>([[to, plan.journalYaml]]);
      if (plan.newAccounts.size) {
        const accFile = ws.files.get('accounts')?.[0] ?? 'finance/accounts.yaml';
        const before = ws.sources.get(accFile) ?? '';
        const sep = before && !before.endsWith('\n') ? '\n' : '';
        const add = [...plan.newAccounts].map(([id, type]) => (type ? { id, type } : { id }));
        const text2 = accFile.endsWith('.csv') ? before + sep + add.map((a) => csvLine(csvCells(before, a))).join('\n') + '\n' : before + sep + stringify(add, { lineWidth: 0 });
        writes.set(accFile, text2);
      }
      if (plan.pricesCsv) writes.set(`finance/prices/${name}.csv`, plan.pricesCsv);
      const check = rebuildWith(ws, writes).diagnostics;
      if (check.errorCount) {
        ctx.printDiagnostics(check.list, { ...ws, sources: new Map([...ws.sources, ...writes]) } as typeof ws);
        throw new DataError(`the imported entries would not pass \`bizctl check\`; nothing was written`);
      }
      const summary = `${plan.entries} entries, ${plan.postings} postings → ${to}${plan.newAccounts.size ? `; ${plan.newAccounts.size} new accounts` : ''}${plan.pricesCsv ? `; ${parsed.prices.length} prices` : ''}`;
      if (opts.dryRun) {
        ctx.info(`dry run: would write ${summary}`);
        for (const f of writes.keys()) ctx.io.stdout.write(f + '\n');
        return EXIT.OK;
      }
      for (const [f, t] of writes) writeData(ws, f, t);
      ctx.info(`imported ${summary}`);
      return EXIT.OK;
    }),
  );
  ledger.addCommand(cmd);
}

/** Cells of a CSV accounts row in the file's column order. */
function csvCells(text: string, a: { id: string; type?: string }): string[] {
  const header = (text.split('\n')[0] ?? 'id,type').replace(/^\ufeff/, '').split(',');
  return header.map((h) => (h === 'id' ? a.id : h === 'type' ? (a.type ?? '') : ''));
}

