import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { PayrollRun, PayrollSink } from '../../engines/payroll/run.js';
import { bankLines, bankReport, entryId, entryReport, entryYaml, journalFile, payrollEntry } from '../../reports/payroll/journal.js';
import { computePayroll, parseMonth, PayrollStop, versionsFor } from '../../reports/payroll/inputs.js';
import { payslipReport } from '../../reports/payroll/payslip.js';
import { registerReport, YearRegister } from '../../reports/payroll/register.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Register } from '../command.js';
import type { Ctx } from '../context.js';
import { DataError, UsageError } from '../errors.js';
import { requireId } from '../ids.js';
import { writeData } from '../write.js';

const PERIOD_HELP = 'month YYYY-MM (default: the month before --as-of)';

/** --period → a month; default: the month before --as-of. */
function periodOf(ctx: Ctx, period: string | undefined): string {
  if (period === undefined) {
    const y = Number(ctx.asOf.slice(0, 4));
    const m = Number(ctx.asOf.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  const m = parseMonth(period);
  if (!m) throw new UsageError(`--period "${period}" is not a month`, 'write it as YYYY-MM, e.g. --period 2026-10');
  return m;
}

/** Run the payroll; problems in the data or rules become exit 1 with the rule's location. */
function compute(ws: Workspace, months: string[], sink?: PayrollSink): PayrollRun[] {
  try {
    return computePayroll(ws, months, sink);
  } catch (e) {
    if (e instanceof PayrollStop) {
      const where = e.loc ? `${e.loc.file}:${e.loc.line}:${e.loc.col}: ` : '';
      throw new DataError(`${where}${e.message}`, e.hint);
    }
    throw e;
  }
}

export const registerPayroll: Register = (program, wrap) => {
  const payroll: Command = program
    .command('payroll')
    .description('payroll from attendance, sales and the rules in hr/payroll.yaml: register, payslips, journal entry, bank file')
    .addHelpText('after', '\nExamples:\n  bizctl payroll run --period 2026-10\n  bizctl payroll payslip E003 --period 2026-10 --lang zh-CN\n  bizctl payroll post --period 2026-10\n  bizctl payroll bank-file --period 2026-10 -o bank-2026-10.csv\n\nRules, formulas and the China preset: docs/payroll.md');

  payroll
    .command('run')
    .description('the payroll register: one row per employee with every component, gross, contributions, tax and net pay')
    .option('--period <period>', `${PERIOD_HELP}, or a year YYYY for every payroll month of it`)
    .addHelpText('after', '\nExamples:\n  bizctl payroll run --period 2026-10\n  bizctl payroll run --period 2026-10 --format csv -o payroll-2026-10.csv\n  bizctl payroll run --period 2026 --format json')
    .action(
      wrap((ctx, opts: { period?: string }) => {
        const ws = ctx.workspace();
        const minor = minorUnit(ws.config, ws.config.base_currency);
        if (opts.period !== undefined && /^\d{4}$/.test(opts.period.trim())) {
          const year = opts.period.trim();
          const months = [...new Set(ws.data.attendance.map((a) => a.month).filter((m) => m.startsWith(year)))].sort();
          if (!months.length) throw new DataError(`there is no attendance in ${year}`, `payroll is computed from attendance: add hr/attendance/${year}-MM.csv files`);
          const register = new YearRegister(versionsFor(ws, months), minor, ctx.lang, ctx.format === 'json');
          compute(ws, months, register);
          ctx.output(register.report());
          return;
        }
        const [run] = compute(ws, [periodOf(ctx, opts.period)]);
        ctx.output(registerReport(run!, minor, ctx.lang, ctx.format === 'table'));
      }),
    );

  payroll
    .command('payslip')
    .description("one employee's payslip for a month")
    .argument('<employee>', 'employee id, e.g. E003')
    .option('--period <month>', PERIOD_HELP)
    .addHelpText('after', '\nExamples:\n  bizctl payroll payslip E003 --period 2026-10\n  bizctl payroll payslip E003 --period 2026-10 --lang zh-CN\n  bizctl payroll payslip E003 --period 2026-10 --format json')
    .action(
      wrap((ctx, employee: string, opts: { period?: string }) => {
        const ws = ctx.workspace();
        const month = periodOf(ctx, opts.period);
        requireId('employee', employee, ws.data.employees.map((e) => e.id), '`bizctl ls employees`');
        const [run] = compute(ws, [month]);
        const pay = run!.pays.find((p) => p.employee.id === employee);
        if (!pay) throw new DataError(`${employee} is not on the payroll of ${month}`, 'the employee was hired after or left before that month');
        ctx.output(payslipReport(pay, ctx.lang, minorUnit(ws.config, ws.config.base_currency)));
      }),
    );

  payroll
    .command('post')
    .description(`write the month's payroll journal entry to ${journalFile('YYYY-MM')}; a month is posted once`)
    .requiredOption('--period <month>', 'month YYYY-MM')
    .option('--dry-run', 'show the entry, write nothing')
    .addHelpText('after', '\nExamples:\n  bizctl payroll post --period 2026-10 --dry-run\n  bizctl payroll post --period 2026-10')
    .action(
      wrap((ctx, opts: { period: string; dryRun?: boolean }) => {
        const ws = ctx.workspace();
        const month = periodOf(ctx, opts.period);
        const id = entryId(month);
        const file = journalFile(month);
        const posted = ws.data.journal.find((e) => e.id === id);
        if (posted) throw new DataError(`payroll ${month} is already posted: journal entry ${id} at ${posted.src.loc.file}:${posted.src.loc.line}`, `nothing was written; to post it again, delete that entry first (git keeps the old one)`);
        if (existsSync(join(ws.root, file))) throw new DataError(`${file} already exists`, 'nothing was written; delete or rename it to post again');
        const minor = minorUnit(ws.config, ws.config.base_currency);
        const [run] = compute(ws, [month]);
        const entry = payrollEntry(run!, minor);
        // Payroll cost booked by hand in the same month (an accrual, an earlier tool): posting now would book it twice.
        // Such an entry debits an expense account that this entry debits (paying last month's salaries does not).
        const costAccounts = new Set(entry.postings.filter((p) => p.amount.sign() > 0 && /^expenses?(:|$)/.test(p.account)).map((p) => p.account));
        for (const e of ws.data.journal) {
          const postings = (e.postings as { account: string }[] | undefined) ?? [];
          if ((e.date as string).startsWith(month) && postings.some((p) => costAccounts.has(p.account))) {
            ctx.info(`warning: journal entry ${e.id as string} (${e.date as string}, ${e.src.loc.file}:${e.src.loc.line}) already books payroll cost in ${month} (${[...new Set(postings.map((p) => p.account).filter((a) => costAccounts.has(a)))].join(', ')}); with ${id} it is booked twice unless one of them is removed or reversed`);
          }
        }
        if (ws.present.has('accounts')) {
          const known = new Set(ws.data.accounts.map((a) => a.id));
          const missing = [...new Set(entry.postings.map((p) => p.account).filter((a) => !known.has(a)))];
          if (missing.length) throw new DataError(`the payroll entry uses account${missing.length > 1 ? 's' : ''} not in the chart of accounts: ${missing.join(', ')}`, `nothing was written; add ${missing.length > 1 ? 'them' : 'it'} to ${ws.files.get('accounts')?.[0] ?? 'finance/accounts.yaml'}, or set accounts: in hr/payroll.yaml`);
        }
        if (!opts.dryRun) {
          writeData(ws, file, entryYaml(entry, run!, minor));
          ctx.info(`wrote ${file}: ${id}, ${entry.postings.length} postings`);
        } else ctx.info(`dry run: ${file} was not written`);
        ctx.output(entryReport(entry, minor, ctx.lang));
      }),
    );

  payroll
    .command('bank-file')
    .description('CSV of net pay per employee bank account, for the bank\'s batch payment upload')
    .option('--period <month>', PERIOD_HELP)
    .addHelpText('after', '\nExamples:\n  bizctl payroll bank-file --period 2026-10 -o bank-2026-10.csv\n  bizctl payroll bank-file --period 2026-10 --format json')
    .action(
      wrap((ctx, opts: { period?: string }) => {
        const ws = ctx.workspace();
        const month = periodOf(ctx, opts.period);
        const minor = minorUnit(ws.config, ws.config.base_currency);
        const [run] = compute(ws, [month]);
        const { lines, missing } = bankLines(run!);
        if (missing.length) throw new DataError(`no bank_account for ${missing.join(', ')}: the bank file would be incomplete`, 'add bank and bank_account to hr/employees, then run again');
        ctx.output(bankReport(run!, lines, minor, ws.config.base_currency), { defaultFormat: 'csv' });
      }),
    );
};
