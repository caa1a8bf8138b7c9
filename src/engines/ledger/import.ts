/**
 * Turn a parsed ledger/hledger journal into bizctl files: one YAML journal
 * file (comments kept as YAML comments), new accounts for the chart, and a
 * prices CSV. Pure: returns texts; the command validates and writes them.
 */
import { recordYaml, type PlainRecord } from '../../edit/records.js';
import type { Diagnostics } from '../../diagnostics/types.js';
import type { JAmount, ParsedJournal } from '../../io/ledger-journal.js';
import { COMMODITY_RE } from '../../schema/fields.js';
import { csvLine } from '../../io/csv.js';
import { accountType } from '../../checks/accounts.js';

export interface ImportPlan {
  readonly journalYaml: string;
  readonly entries: number;
  readonly postings: number;
  /** Accounts to add to the chart: name → type (null = from its top segment). */
  readonly newAccounts: ReadonlyMap<string, string | null>;
  readonly pricesCsv: string | null;
}

const TYPE_WORDS: Record<string, string> = { a: 'asset', asset: 'asset', assets: 'asset', l: 'liability', liability: 'liability', liabilities: 'liability', e: 'equity', equity: 'equity', r: 'income', revenue: 'income', revenues: 'income', income: 'income', x: 'expense', expense: 'expense', expenses: 'expense', c: 'asset', cash: 'asset', v: 'equity', conversion: 'equity' };

function amountText(a: JAmount, file: string, line: number, diags: Diagnostics): string | null {
  if (a.commodity !== null && !COMMODITY_RE.test(a.commodity)) {
    diags.push('journal-syntax', { file, line, col: 1 }, `commodity "${a.commodity}" cannot be used in bizctl`, 'rename it to letters and digits (e.g. USD, GOLD, WIDGET-A) before importing');
    return null;
  }
  return a.commodity === null ? a.qty.toString() : `${a.qty.toString()} ${a.commodity}`;
}

const ID_RE = /^[^\s,;]+$/;

export function planImport(parsed: ParsedJournal, file: string, opts: { prefix: string; existingIds: ReadonlySet<string>; chart: ReadonlySet<string> | null; base: string }, diags: Diagnostics): ImportPlan {
  const items: unknown[] = [];
  const comments: (string | undefined)[] = [];
  const used = new Set<string>(opts.existingIds);
  const width = String(parsed.txns.length).length;
  let seq = 0;
  let postings = 0;
  for (const t of parsed.txns) {
    seq++;
    let id = t.code && ID_RE.test(t.code) && !used.has(t.code) ? t.code : `${opts.prefix}-${String(seq).padStart(width, '0')}`;
    while (used.has(id)) id = `${id}-${seq}`;
    used.add(id);
    const ps = [];
    for (const p of t.postings) {
      postings++;
      const o: Record<string, string> = { account: p.account };
      if (p.amount) {
        const a = amountText(p.amount, file, p.line, diags);
        if (a !== null) o.amount = a;
      }
      if (p.cost) {
        const c = amountText(p.cost, file, p.line, diags);
        if (c !== null) o.cost = c;
      }
      if (p.assertion) {
        const b = amountText(p.assertion, file, p.line, diags);
        if (b !== null) o.balance = b;
      }
      if (p.comment) o.memo = p.comment;
      ps.push(o);
    }
    const e: Record<string, unknown> = { id, date: t.date, description: t.description };
    if (t.payee) e.payee = t.payee;
    if (t.tags.length) e.tags = t.tags;
    if (t.comments.length) e.notes = t.comments.join(' ');
    e.postings = ps;
    items.push(e);
    comments.push(t.before.length ? t.before.join('\n') : undefined);
  }
  const head = `# Imported from ${file} by \`bizctl ledger import\`.\n`;
  const body = items
    .map((it, i) => {
      // bizctl's own layout (tags: [a, b], postings at the column of the keys), as crm add and import write records.
      const text = recordYaml(it as PlainRecord);
      const c = comments[i];
      return (c ? c.split('\n').map((l) => `#${l ? ' ' + l : ''}`).join('\n') + '\n' : '') + text;
    })
    .join('\n');
  const newAccounts = new Map<string, string | null>();
  const declared = new Map(parsed.accounts.map((a) => [a.name, a]));
  if (opts.chart !== null || parsed.accounts.length) {
    const chart = opts.chart ?? new Set<string>();
    const names = new Set<string>([...declared.keys()]);
    for (const t of parsed.txns) for (const p of t.postings) names.add(p.account);
    for (const name of [...names].sort()) {
      if (chart.has(name)) continue;
      const d = declared.get(name);
      const type = d?.type ? (TYPE_WORDS[d.type.toLowerCase()] ?? null) : null;
      if (!type && !accountType(name)) {
        diags.push('journal-syntax', { file, line: d?.line ?? 1, col: 1 }, `account ${name} has no type and its top segment does not tell one`, `declare it with a type: account ${name}  ; type:A (A, L, E, R or X)`);
      }
      newAccounts.set(name, type);
    }
  }
  const pricesCsv = parsed.prices.length
    ? ['date,commodity,price', ...parsed.prices.map((p) => csvLine([p.date, p.commodity, p.price.commodity ? `${p.price.qty.toString()} ${p.price.commodity}` : `${p.price.qty.toString()} ${opts.base}`]))].join('\n') + '\n'
    : null;
  return { journalYaml: head + '\n' + body, entries: items.length, postings, newAccounts, pricesCsv };
}
