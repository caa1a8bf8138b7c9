/**
 * `bizctl ledger register`: the matching postings in date order with a
 * running balance per commodity. With --begin, postings before it are summed
 * into an opening-balance line, so the running balance is the real account
 * balance (like a bank statement), not a sum starting from zero.
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { addTo, type Amounts } from '../../engines/ledger/balances.js';
import { accountsMatching, tagsMatch, type Query } from '../../engines/ledger/query.js';
import { dateIndex } from '../../engines/ledger/table.js';
import type { Ledger, Txn, TxnSource } from '../../engines/ledger/types.js';

export interface RegisterLine {
  readonly date: IsoDate | null;
  readonly id: string;
  readonly source: TxnSource | 'opening';
  readonly description: string;
  readonly account: string;
  readonly commodity: string;
  readonly amount: Dec;
  /** Running balance of this commodity after the line. */
  readonly balance: Dec;
}

export function registerReport(ledger: Ledger, q: Query): RegisterLine[] {
  const T = ledger.table;
  const running: Amounts = new Map();
  const lines: RegisterLine[] = [];
  const matching = accountsMatching(T.accountNames, q);
  const tags = q.tags && q.tags.length ? q.tags : null;
  const lo = q.begin ? dateIndex(T.dates, q.begin) : 0;
  const hi = q.end ? dateIndex(T.dates, q.end) : T.dates.length;
  if (q.begin) {
    for (let t = 0; t < T.txnCount; t++) {
      if (T.date[t]! >= lo) break;
      if (tags && !tagsMatch(T.tags(t), tags)) continue;
      for (let p = T.start[t]!; p < T.start[t + 1]!; p++) if (matching[T.account[p]!]) addTo(running, T.commodityNames[T.commodity[p]!]!, T.amount(p));
    }
    for (const [c, v] of [...running].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push({ date: null, id: '', source: 'opening', description: `opening balance before ${q.begin}`, account: '', commodity: c, amount: v, balance: v });
    }
  }
  for (let t = 0; t < T.txnCount; t++) {
    const di = T.date[t]!;
    if (di < lo || di >= hi) continue;
    if (tags && !tagsMatch(T.tags(t), tags)) continue;
    // The transaction as an object (for its description) only when one of its postings is listed.
    let txn: Txn | null = null;
    for (let p = T.start[t]!; p < T.start[t + 1]!; p++) {
      if (!matching[T.account[p]!]) continue;
      const c = T.commodityNames[T.commodity[p]!]!;
      const amount = T.amount(p);
      addTo(running, c, amount);
      txn ??= T.txn(t);
      lines.push({ date: T.dates[di]!, id: txn.id, source: txn.source, description: txn.description, account: T.accountNames[T.account[p]!]!, commodity: c, amount, balance: running.get(c)! });
    }
  }
  return lines;
}

/**
 * A register line's description in the table's language: the descriptions bizctl writes for
 * the documents that post themselves ("Invoice INV-1 to C0001") and the opening line are
 * translated; descriptions written by people are shown as written. JSON keeps the English text.
 */
export function descriptionText(line: RegisterLine, zh: boolean): string {
  const d = line.description;
  if (!zh) return d;
  let m: RegExpExecArray | null;
  if (line.source === 'opening' && (m = /^opening balance before (.+)$/.exec(d))) return `${m[1]} 之前的期初余额`;
  if (line.source === 'invoice' && (m = /^Invoice (\S+) to (\S+)$/.exec(d))) return `销售发票 ${m[1]}，客户 ${m[2]}`;
  if (line.source === 'credit-note' && (m = /^Credit note (\S+) to (\S+)$/.exec(d))) return `红字发票 ${m[1]}，客户 ${m[2]}`;
  if (line.source === 'bill' && (m = /^Bill (\S+) from (\S+)$/.exec(d))) return `采购发票 ${m[1]}，供应商 ${m[2]}`;
  if (line.source === 'payment' && (m = /^Receipt (\S+) from (\S+)$/.exec(d))) return `收款 ${m[1]}，来自 ${m[2]}`;
  if (line.source === 'payment' && (m = /^Payment (\S+) to (\S+)$/.exec(d))) return `付款 ${m[1]}，付给 ${m[2]}`;
  return d;
}
