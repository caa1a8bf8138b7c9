import { Dec } from '../domain/decimal.js';
import { buildLedger } from '../engines/ledger/build.js';
import type { Amount } from '../schema/fields.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import { SlotSums } from '../engines/ledger/balances.js';
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
    const T = ledger.table;
    const base = ws.config.base_currency;
    // Running balance per (account, commodity) slot of the table.
    const nc = T.commodityNames.length;
    const bal = new SlotSums(T.accountNames.length * nc);
    const accountIdx = new Map(T.accountNames.map((a, i) => [a, i]));
    const commodityIdx = new Map(T.commodityNames.map((c, i) => [c, i]));
    const balanceOf = (account: string, c: string): Dec => {
      const a = accountIdx.get(account);
      const k = commodityIdx.get(c);
      if (a === undefined || k === undefined || !bal.has(a * nc + k)) return Dec.ZERO;
      return bal.value(a * nc + k);
    };
    const dated = [...(ws.data.assertions as unknown as AnyRecord[])].sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : 0));
    let di = 0;
    const checkDated = (beforeDate: string | null) => {
      while (di < dated.length && (beforeDate === null || (dated[di]!.date as string) < beforeDate)) {
        const a = dated[di++]!;
        const amt = a.balance as Amount;
        const c = amt.commodity ?? base;
        const actual = balanceOf(a.account as string, c);
        if (!actual.eq(amt.qty)) {
          d.push('balance-assertion', a.src.at('balance'), `balance assertion failed: ${a.account as string} is ${actual.toString()} ${c} at the end of ${a.date as string}, asserted ${amt.qty.toString()} ${c} (difference ${actual.sub(amt.qty).toString()})`, 'find the missing or wrong posting with `bizctl ledger register ACCOUNT`, or correct the asserted balance');
        }
      }
    };
    const { start, account, commodity, mant, scale } = T;
    for (let t = 0; t < T.txnCount; t++) {
      checkDated(T.dates[T.date[t]!]!);
      for (let p = start[t]!; p < start[t + 1]!; p++) {
        const slot = account[p]! * nc + commodity[p]!;
        const m = mant[p]!;
        if (m === m) bal.add(slot, m, scale[p]!);
        else bal.addDec(slot, T.amount(p));
        const asserted = T.balance.get(p);
        if (asserted && !bal.value(slot).eq(asserted)) {
          const next = bal.value(slot);
          const acc = T.accountNames[account[p]!]!;
          const com = T.commodityNames[commodity[p]!]!;
          d.push('balance-assertion', T.src(p).at('balance'), `balance assertion failed: ${acc} is ${next.toString()} ${com} after this posting of ${T.id(t)}, asserted ${asserted.toString()} ${com} (difference ${next.sub(asserted).toString()})`, 'find the missing or wrong posting with `bizctl ledger register ACCOUNT`, or correct the asserted balance');
        }
      }
    }
    checkDated(null);
  },
};
