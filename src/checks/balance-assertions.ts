import { Dec } from '../domain/decimal.js';
import { buildLedger } from '../engines/ledger/build.js';
import type { Amount } from '../schema/fields.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/**
 * Balance assertions hold, like hledger's `=`: the balance of exactly that
 * account (not its subaccounts) in the asserted commodity, after the posting
 * in ledger order; a dated assertion (finance/assertions) after all of that
 * day's transactions. Only runs on a workspace whose journal balances.
 */
export const balanceAssertions: Check = {
  name: 'balance-assertions',
  run(ws, d) {
    const hasPostingAssertions = ws.journal.balances.size > 0;
    if (!hasPostingAssertions && ws.data.assertions.length === 0) return;
    if (d.list.some((x) => x.code === 'unbalanced-entry')) return;
    const ledger = buildLedger(ws);
    const base = ws.config.base_currency;
    const bal = new Map<string, Dec>();
    const key = (a: string, c: string) => `${a}\u0000${c}`;
    const dated = [...(ws.data.assertions as unknown as AnyRecord[])].sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : 0));
    let di = 0;
    const checkDated = (beforeDate: string | null) => {
      while (di < dated.length && (beforeDate === null || (dated[di]!.date as string) < beforeDate)) {
        const a = dated[di++]!;
        const amt = a.balance as Amount;
        const c = amt.commodity ?? base;
        const actual = bal.get(key(a.account as string, c)) ?? Dec.ZERO;
        if (!actual.eq(amt.qty)) {
          d.push('balance-assertion', a.src.at('balance'), `balance assertion failed: ${a.account as string} is ${actual.toString()} ${c} at the end of ${a.date as string}, asserted ${amt.qty.toString()} ${c} (difference ${actual.sub(amt.qty).toString()})`, 'find the missing or wrong posting with `bizctl ledger register ACCOUNT`, or correct the asserted balance');
        }
      }
    };
    for (const t of ledger.txns) {
      checkDated(t.date);
      for (const p of t.postings) {
        const k = key(p.account, p.commodity);
        const next = (bal.get(k) ?? Dec.ZERO).add(p.amount);
        bal.set(k, next);
        if (p.balance && !next.eq(p.balance)) {
          d.push('balance-assertion', p.src.at('balance'), `balance assertion failed: ${p.account} is ${next.toString()} ${p.commodity} after this posting of ${t.id}, asserted ${p.balance.toString()} ${p.commodity} (difference ${next.sub(p.balance).toString()})`, 'find the missing or wrong posting with `bizctl ledger register ACCOUNT`, or correct the asserted balance');
        }
      }
    }
    checkDated(null);
  },
};
