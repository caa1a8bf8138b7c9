/**
 * The ledger's posting table (columns) against its transactions as objects
 * (Ledger.txns, built by journalTxn and the document posters exactly as
 * before the table existed): same order, ids, dates, and for every posting
 * the same account, commodity, amount (value and scale), balance assertion
 * and source location.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../src/engines/ledger/build.js';
import type { Ledger } from '../src/engines/ledger/types.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { BOOKS } from './fixtures/books.js';
import { REPO, workspace } from './helpers.js';

function sameAsTxns(l: Ledger): number {
  const T = l.table;
  expect(T.txnCount).toBe(l.txns.length);
  let n = 0;
  l.txns.forEach((t, i) => {
    expect([T.id(i), T.dates[T.date[i]!]]).toEqual([t.id, t.date]);
    expect(T.tags(i)).toEqual(t.tags);
    expect(T.txn(i)).toEqual(t);
    expect(T.start[i + 1]! - T.start[i]!).toBe(t.postings.length);
    t.postings.forEach((p, k) => {
      const q = T.start[i]! + k;
      const a = T.amount(q);
      expect([T.accountNames[T.account[q]!], T.commodityNames[T.commodity[q]!], a.toString(), a.s]).toEqual([p.account, p.commodity, p.amount.toString(), p.amount.s]);
      expect(T.balance.get(q)?.toString()).toBe(p.balance?.toString());
      expect(T.src(q).loc).toEqual(p.src.loc);
      expect(T.src(q).at('amount')).toEqual(p.src.at('amount'));
      n++;
    });
  });
  return n;
}

describe('ledger posting table = ledger transactions', () => {
  it('the example company (documents, YAML journal)', () => {
    const dir = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), dir, { recursive: true });
    const { ws, diagnostics } = loadWorkspace(dir);
    expect(diagnostics.errorCount).toBe(0);
    expect(sameAsTxns(buildLedger(ws))).toBeGreaterThan(50);
  });

  it('the small books plus a CSV journal out of date order, with amount-less postings, costs, assertions and a bigint', () => {
    const dir = workspace({
      ...BOOKS,
      'finance/journal/z.csv': [
        'id,date,description,account,amount,cost,balance,memo',
        'C-3,2026-03-02,later,expenses:office,10.5,,,',
        'C-3,2026-03-02,later,assets:cash,,,,m',
        'C-1,2026-01-05,same day as JE-1,expenses:office,1,,,',
        'C-1,2026-01-05,same day as JE-1,assets:cash,-1,,,',
        'C-2,2026-02-01,fx,assets:cash,100 USD,712.34 CNY,,',
        'C-2,2026-02-01,fx,assets:cash,20 USD,,,',
        'C-2,2026-02-01,fx,expenses:office,-20 USD,,,',
        'C-2,2026-02-01,fx,expenses:office,,,,',
        'C-4,2026-02-01,big,assets:cash,12345678901234567.89,,,',
        // equity:capital is −10,000.00 from JE-1 before this posting
        'C-4,2026-02-01,big,equity:capital,-12345678901234567.89,,-12345678901244567.89,',
        'C-5,2026-01-04,plain,expenses:office,2.00,,,',
        'C-5,2026-01-04,plain,assets:cash,-2.00,,,',
        'C-6,2026-01-04,plain,expenses:office,3.00,,,',
        'C-6,2026-01-04,plain,assets:cash,-3.00,,,',
      ].join('\n'),
    });
    const { ws, diagnostics } = loadWorkspace(dir);
    expect(diagnostics.list.filter((d) => d.severity === 'error')).toEqual([]);
    const l = buildLedger(ws);
    sameAsTxns(l);
    // ledger order: C-5, C-6 (01-04), then JE-1 before C-1 (01-05: YAML file before z.csv), …
    expect([0, 1, 2, 3].map((t) => l.table.id(t))).toEqual(['C-5', 'C-6', 'JE-1', 'C-1']);
    // C-2: the amount-less posting takes −712.34 CNY (the cost of 100 USD); the USD postings sum to 0
    const c2 = l.txns.find((t) => t.id === 'C-2')!;
    expect(c2.postings.map((p) => `${p.account} ${p.amount.toString()} ${p.commodity}`)).toEqual(['assets:cash 100 USD', 'assets:cash 20 USD', 'expenses:office -20 USD', 'expenses:office -712.34 CNY']);
  });
});
