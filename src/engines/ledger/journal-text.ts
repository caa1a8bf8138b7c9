/**
 * Ledger as hledger / ledger-cli journal text: the canonical `print` form and
 * the `export` file. Transactions are printed in ledger order; dated balance
 * assertions follow the last transaction of their day; prices and account
 * directives come first.
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { AccountInfo, Ledger, Posting, Txn } from './types.js';

export type Dialect = 'hledger' | 'ledger';

const TYPE_LETTER: Record<string, string> = { asset: 'A', liability: 'L', equity: 'E', income: 'R', expense: 'X' };

export function commodityText(c: string): string {
  return /^[A-Za-z]+$/.test(c) ? c : `"${c.replace(/"/g, '')}"`;
}

export function amountText(a: Dec, c: string): string {
  return `${a.toString()} ${commodityText(c)}`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

function tagComment(tags: readonly string[], dialect: Dialect): string[] {
  if (!tags.length) return [];
  if (dialect === 'hledger') return [`    ; ${tags.map((t) => (t.includes(':') ? t : `${t}:`)).join(', ')}`];
  return tags.map((t) => {
    const i = t.indexOf(':');
    return i < 0 ? `    ; :${t}:` : `    ; ${t.slice(0, i)}: ${t.slice(i + 1)}`;
  });
}

export function postingText(p: Posting): string {
  let s = `    ${p.account}  ${amountText(p.amount, p.commodity)}`;
  if (p.cost) s += ` @@ ${amountText(p.cost.amount, p.cost.commodity)}`;
  if (p.balance) s += ` = ${amountText(p.balance, p.commodity)}`;
  if (p.memo) s += `  ; ${oneLine(p.memo)}`;
  return s;
}

export function txnText(t: Txn, dialect: Dialect = 'hledger'): string {
  const desc = oneLine(t.payee ? `${t.payee} | ${t.description}` : t.description);
  const lines = [`${t.date} (${t.id}) ${desc}`, ...tagComment(t.tags, dialect), ...t.postings.map(postingText)];
  return lines.join('\n') + '\n';
}

export interface DatedAssertion {
  readonly date: IsoDate;
  readonly account: string;
  readonly amount: Dec;
  readonly commodity: string;
}

export interface PriceLine {
  readonly date: IsoDate;
  readonly commodity: string;
  readonly price: Dec;
  readonly in: string;
}

function assertionText(a: DatedAssertion): string {
  return `${a.date} balance assertion\n    ${a.account}  0 ${commodityText(a.commodity)} = ${amountText(a.amount, a.commodity)}\n`;
}

export function accountDirective(a: AccountInfo, dialect: Dialect): string {
  const notes = [dialect === 'hledger' ? `type:${TYPE_LETTER[a.type]}` : '', a.code ? `code:${a.code}` : '', a.name_zh ? `name_zh:${a.name_zh}` : ''].filter(Boolean);
  return notes.length ? `account ${a.id}  ; ${notes.join(', ')}` : `account ${a.id}`;
}

/** The whole ledger as one journal file that hledger and ledger-cli read. */
export function journalText(ledger: Ledger, extra: { assertions: readonly DatedAssertion[]; prices: readonly PriceLine[] }, dialect: Dialect, title: string): string {
  const out: string[] = [`; ${title}`, `; exported by bizctl: journal entries plus the postings of invoices, bills, payments and credit notes`, ''];
  for (const a of [...ledger.accounts.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) out.push(accountDirective(a, dialect));
  out.push('');
  for (const p of extra.prices) out.push(`P ${p.date} ${commodityText(p.commodity)} ${amountText(p.price, p.in)}`);
  if (extra.prices.length) out.push('');
  const asserts = [...extra.assertions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let ai = 0;
  for (const t of ledger.txns) {
    while (ai < asserts.length && asserts[ai]!.date < t.date) out.push(assertionText(asserts[ai++]!));
    out.push(txnText(t, dialect));
  }
  while (ai < asserts.length) out.push(assertionText(asserts[ai++]!));
  return out.join('\n');
}

