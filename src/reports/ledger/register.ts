/**
 * `bizctl ledger register`: the matching postings in date order with a
 * running balance per commodity. With --begin, postings before it are summed
 * into an opening-balance line, so the running balance is the real account
 * balance (like a bank statement), not a sum starting from zero.
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { addTo, type Amounts } from '../../engines/ledger/balances.js';
import { postingMatches, txnMatches, type Query } from '../../engines/ledger/query.js';
import type { Ledger, TxnSource } from '../../engines/ledger/types.js';

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
  const running: Amounts = new Map();
  const lines: RegisterLine[] = [];
  const before: Query = { ...q, begin: undefined, end: q.begin };
  if (q.begin) {
    for (const t of ledger.txns) {
      if (t.date >= q.begin) break;
      if (!txnMatches(t, before)) continue;
      for (const p of t.postings) if (postingMatches(p, q)) addTo(running, p.commodity, p.amount);
    }
    for (const [c, v] of [...running].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push({ date: null, id: '', source: 'opening', description: `opening balance before ${q.begin}`, account: '', commodity: c, amount: v, balance: v });
    }
  }
  for (const t of ledger.txns) {
    if (!txnMatches(t, q)) continue;
    for (const p of t.postings) {
      if (!postingMatches(p, q)) continue;
      addTo(running, p.commodity, p.amount);
      lines.push({ date: t.date, id: t.id, source: t.source, description: t.description, account: p.account, commodity: p.commodity, amount: p.amount, balance: running.get(p.commodity)! });
    }
  }
  return lines;
}
