import { Command } from 'commander';
import { addDays } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { ageItems, agingSummary, bucketLabels, type Basis } from '../../engines/finance/aging.js';
import { openItems, type Side } from '../../engines/finance/open-items.js';
import { statement } from '../../engines/finance/statement.js';
import type { Cell } from '../../render/model.js';
import { minorUnit } from '../../workspace/config.js';
import { indexOf } from '../../workspace/index.js';
import type { Register, Wrap } from '../command.js';
import { UsageError } from '../errors.js';
import { unknownId } from '../ids.js';
import { addRangeOptions, rangeFrom, type RangeFlags } from '../period.js';
import { agingColumns, agingNote, bucketColumns, bucketText, kindText, statementAgingNote, statementTitle, totalText } from '../../reports/finance/aging.js';

function parseBuckets(text: string | undefined, dflt: readonly number[]): number[] {
  if (text === undefined) return [...dflt];
  const b = text.split(',').map((x) => Number(x.trim()));
  if (b.some((x) => !Number.isInteger(x) || x < 1) || b.some((x, i) => i > 0 && x <= b[i - 1]!)) throw new UsageError(`--buckets "${text}" must be ascending whole numbers of days, e.g. 30,60,90,120`);
  return b;
}

function agingCommand(side: Side, wrap: Wrap): Command {
  const who = side === 'ar' ? 'customer' : 'supplier';
  const cmd = new Command('aging')
    .description(`${side === 'ar' ? 'receivables' : 'payables'} by age: summary per ${who}, or --detail per document`)
    .option('--basis <basis>', 'age from the due date or the document date (default: aging.basis in bizctl.yaml)')
    .option('--buckets <days>', 'upper bounds of the buckets, e.g. 30,60,90,120 (default: aging.buckets)')
    .option('--detail', 'one line per open document')
    .option(`--${who} <id>`, `only this ${who}`)
    .addHelpText('after', `\nAge = as-of − due date; "not due" when due ≥ as-of; buckets include their upper bound (1-30, 31-60, …).\nUnapplied payments${side === 'ar' ? ' and credit notes' : ''} are negative lines aged from their own date.\nA past --as-of shows documents as they were then, including ones paid later.\n\nExamples:\n  bizctl ${side} aging --as-of 2026-11-16\n  bizctl ${side} aging --detail --buckets 30,60,90 --format csv`);
  cmd.action(
    wrap((ctx, opts: { basis?: string; buckets?: string; detail?: boolean; customer?: string; supplier?: string }) => {
      const ws = ctx.workspace();
      const basis = (opts.basis ?? ws.config.aging.basis) as Basis;
      if (basis !== 'due' && basis !== 'document') throw new UsageError(`--basis must be due or document, not "${basis}"`);
      const bounds = parseBuckets(opts.buckets, ws.config.aging.buckets);
      const only = opts[who as 'customer' | 'supplier'];
      const parties = indexOf(ws, side === 'ar' ? 'customers' : 'suppliers');
      if (only !== undefined && !parties.has(only)) throw unknownId(who, only, parties.keys(), `\`bizctl ls ${who}s\``);
      const items = ageItems(openItems(ws.data, ws.config, side, ctx.asOf), ctx.asOf, basis, bounds).filter((i) => !only || i.party === only);
      const labels = bucketLabels(bounds);
      const name = (p: string) => (parties.get(p)?.name as string | undefined) ?? '';
      const multi = items.some((i) => i.currency !== ws.config.base_currency);
      const zero = (c: string) => Dec.ZERO.withScale(minorUnit(ws.config, c));
      if (opts.detail) {
        const cols = [who, 'name', 'document', 'kind', 'date', 'due', 'age', 'bucket', ...(multi ? ['currency'] : []), 'amount', 'open'];
        ctx.output({
          table: { columns: agingColumns(cols), rows: items.map((i) => [i.party, name(i.party), i.id, kindText(ctx.lang, side, i.kind), i.date, i.kind === 'invoice' || i.kind === 'bill' ? i.due : '', i.age, bucketText(ctx.lang, labels[i.bucket]!), ...(multi ? [i.currency] : []), i.amount, i.open]) },
          json: { as_of: ctx.asOf, basis, buckets: bounds, items: items.map((i) => ({ party: i.party, document: i.id, kind: i.kind, date: i.date, due: i.due, age: i.age, bucket: labels[i.bucket], currency: i.currency, amount: i.amount, open: i.open })) },
        });
        return;
      }
      const rows = agingSummary(items, bounds, zero);
      const currencies = [...new Set(rows.map((r) => r.currency))].sort();
      const footer = currencies.map((c) => {
        const rs = rows.filter((r) => r.currency === c);
        return [totalText(ctx.lang), '', ...(multi ? [c] : []), ...labels.map((_, i) => rs.reduce((s, r) => s.add(r.columns[i]!), zero(c))), rs.reduce((s, r) => s.add(r.total), zero(c))] as Cell[];
      });
      ctx.output({
        table: {
          columns: [{ key: who, en: who, zh: side === 'ar' ? '客户' : '供应商' }, { key: 'name', en: 'name', zh: '名称' }, ...(multi ? [{ key: 'currency', en: 'currency', zh: '币种' }] : []), ...bucketColumns(labels), { key: 'total', en: 'total', zh: '合计', align: 'right' as const }],
          rows: rows.map((r) => [r.party, name(r.party), ...(multi ? [r.currency] : []), ...r.columns.map((c) => (c.isZero() ? null : c)), r.total]),
          footer,
          notes: [agingNote(ctx.lang, ctx.asOf, basis)],
        },
        json: { as_of: ctx.asOf, basis, buckets: labels, rows: rows.map((r) => ({ party: r.party, name: name(r.party), currency: r.currency, columns: Object.fromEntries(labels.map((l, i) => [l, r.columns[i]])), total: r.total })) },
      });
    }),
  );
  return cmd;
}

function statementCommand(side: Side, wrap: Wrap): Command {
  const who = side === 'ar' ? 'customer' : 'supplier';
  const cmd = addRangeOptions(new Command('statement'), {
    begin: 'statement period start (default: everything)',
    end: 'statement period end, exclusive like the ledger reports (default: the day after --as-of: the statement closes on --as-of)',
  })
    .description(`a ${who} statement: opening balance, documents and payments with a running balance, closing balance and its aging`)
    .argument(`<${who}>`, `${who} id`)
    .addHelpText('after', `\nThe statement closes on the day before --end (default --as-of); its aging is as of that day.\n\nExamples:\n  bizctl ${side} statement ${side === 'ar' ? 'C0012' : 'S-03'} --begin 2026-10-01 --as-of 2026-10-31\n  bizctl ${side} statement ${side === 'ar' ? 'C0012' : 'S-03'} --period 2026-10             the same October`);
  cmd.action(
    wrap((ctx, party: string, opts: RangeFlags) => {
      const range = rangeFrom(opts, ctx.asOf);
      const ws = ctx.workspace();
      const parties = indexOf(ws, side === 'ar' ? 'customers' : 'suppliers');
      if (!parties.has(party)) throw unknownId(who, party, parties.keys(), `\`bizctl ls ${who}s\``);
      const close = addDays(range.end, -1);
      const sts = statement(ws.data, ws.config, side, party, range.begin, close);
      const bounds = ws.config.aging.buckets;
      const labels = bucketLabels(bounds);
      const aged = agingSummary(ageItems(openItems(ws.data, ws.config, side, close).filter((i) => i.party === party), close, ws.config.aging.basis, bounds), bounds, (c) => Dec.ZERO.withScale(minorUnit(ws.config, c)));
      const rows: Cell[][] = [];
      for (const s of sts) {
        rows.push([s.begin ?? '', kindText(ctx.lang, side, 'opening'), '', '', s.currency, null, s.opening]);
        for (const l of s.lines) rows.push([l.date, kindText(ctx.lang, side, l.kind), l.id, l.kind === 'invoice' || l.kind === 'bill' ? l.due : '', s.currency, l.amount, l.balance]);
        rows.push([s.end, kindText(ctx.lang, side, 'closing'), '', '', s.currency, null, s.closing]);
      }
      const notes = aged.map((a) => statementAgingNote(ctx.lang, a.currency, labels.map((l, i) => [l, a.columns[i]!.toString()] as const)));
      ctx.output({
        table: { title: statementTitle(ctx.lang, side, party, (parties.get(party)!.name as string) ?? ''), columns: agingColumns(['date', 'kind', 'document', 'due', 'currency', 'amount', 'balance']), rows, notes },
        json: { party, statements: sts, aging: aged.map((a) => ({ currency: a.currency, columns: Object.fromEntries(labels.map((l, i) => [l, a.columns[i]])), total: a.total })) },
      });
    }),
  );
  return cmd;
}

export const registerArAp: Register = (program, wrap) => {
  const ar = program.command('ar').description('accounts receivable: aging and customer statements');
  ar.addCommand(agingCommand('ar', wrap)).addCommand(statementCommand('ar', wrap));
  const ap = program.command('ap').description('accounts payable: aging and supplier statements');
  ap.addCommand(agingCommand('ap', wrap)).addCommand(statementCommand('ap', wrap));
};
