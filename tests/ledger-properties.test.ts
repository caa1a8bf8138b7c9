import { describe, expect, it } from 'vitest';
import { Dec } from '../src/domain/decimal.js';
import { randomBooks } from './fixtures/random-books.js';
import { run, workspace } from './helpers.js';

describe('ledger properties on random books', () => {
  for (const seed of [11, 12, 13, 14]) {
    it(`seed ${seed}: every transaction sums to zero; trial balance debits = credits; balance total = 0`, async () => {
      const ws = workspace(randomBooks(seed, 200));
      const base = ['-C', ws, '--as-of', '2027-12-31', '--format', 'json'];
      const print = JSON.parse((await run([...base, 'ledger', 'print'])).stdout) as { id: string; postings: { amount: string; commodity: string }[] }[];
      expect(print.length).toBeGreaterThan(200);
      for (const t of print) {
        const sum = t.postings.reduce((acc, p) => acc.add(Dec.of(p.amount)), Dec.ZERO);
        expect(`${t.id} ${sum.isZero()}`).toBe(`${t.id} true`);
      }
      const tb = JSON.parse((await run([...base, 'ledger', 'trial-balance'])).stdout);
      expect(tb.debit.CNY).toBe(tb.credit.CNY);
      const bal = JSON.parse((await run([...base, 'ledger', 'balance'])).stdout);
      expect(Dec.of(bal.total.CNY).isZero()).toBe(true);
      const bs = JSON.parse((await run([...base, 'ledger', 'balance-sheet'])).stdout);
      expect(bs.balanced).toBe(true);
    });
  }
});
