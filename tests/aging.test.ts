import { describe, expect, it } from 'vitest';
import { randomBooks } from './fixtures/random-books.js';
import { run, workspace } from './helpers.js';

/*
 * As of 2026-03-02 (2026 is not a leap year), customer C1 (payment terms 30 days), amounts without tax:
 *   I1 2026-01-01 due 01-31  100.00  age 30  → 1-30
 *   I2 2026-01-01 due 01-30  200.00  age 31  → 31-60, less credit note CN1 (50) → open 150.00
 *   I3 2026-02-01 due 03-02  300.00  age 0   → not due (due on the as-of date)
 *   I4 2026-01-10 no due → terms → due 02-09, 400.00 less P1 150 (02-15) → open 250.00, age 21 → 1-30
 *   I5 2025-10-01 due 10-31  500.00  age 122 → over 120; paid by P2 on 03-10, after the as-of date
 *   P3 2026-02-25 unapplied 80.00 → −80.00, aged from its own date: 5 → 1-30
 * Totals: not due 300; 1-30 100 + 250 − 80 = 270; 31-60 150; over 120 500; all 1220.00
 * Ledger receivable: 1500 invoiced − 50 credit − 150 − 80 received = 1220.00 (the same)
 */
const FILES = {
  'bizctl.yaml': 'base_currency: CNY\n',
  'crm/customers.yaml': '- id: C1\n  name: 甲\n  payment_terms: 30\n',
  'finance/invoices.yaml': [
    ['I1', '2026-01-01', '2026-01-31', 100],
    ['I2', '2026-01-01', '2026-01-30', 200],
    ['I3', '2026-02-01', '2026-03-02', 300],
    ['I4', '2026-01-10', null, 400],
    ['I5', '2025-10-01', '2025-10-31', 500],
  ]
    .map(([id, date, due, amt]) => `- id: ${id}\n  customer: C1\n  date: ${date}\n${due ? `  due: ${due}\n` : ''}  lines:\n    - qty: 1\n      price: ${amt}\n`)
    .join(''),
  'finance/credit-notes.yaml': '- id: CN1\n  customer: C1\n  date: 2026-02-20\n  invoice: I2\n  lines:\n    - qty: 1\n      price: 50\n',
  'finance/payments.yaml': [
    '- id: P1\n  date: 2026-02-15\n  direction: in\n  customer: C1\n  amount: 150.00\n  allocations:\n    - document: I4\n      amount: 150.00\n',
    '- id: P2\n  date: 2026-03-10\n  direction: in\n  customer: C1\n  amount: 500.00\n  allocations:\n    - document: I5\n      amount: 500.00\n',
    '- id: P3\n  date: 2026-02-25\n  direction: in\n  customer: C1\n  amount: 80.00\n',
  ].join(''),
};

async function aging(ws: string, asOf: string, ...extra: string[]) {
  const r = await run(['-C', ws, '--as-of', asOf, '--format', 'json', 'ar', 'aging', ...extra]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('ar aging', () => {
  const ws = workspace(FILES);
  it('summary by due date with inclusive bucket edges', async () => {
    const r = await aging(ws, '2026-03-02');
    expect(r.rows).toEqual([
      { party: 'C1', name: '甲', currency: 'CNY', columns: { 'not due': '300.00', '1-30': '270.00', '31-60': '150.00', '61-90': '0.00', '91-120': '0.00', 'over 120': '500.00' }, total: '1220.00' },
    ]);
  });
  it('detail: one line per open document with its age', async () => {
    const r = await aging(ws, '2026-03-02', '--detail');
    expect(r.items.map((i: { document: string; age: number; bucket: string; open: string }) => `${i.document} ${i.age} ${i.bucket} ${i.open}`)).toEqual([
      'I5 122 over 120 500.00',
      'I1 30 1-30 100.00',
      'I2 31 31-60 150.00',
      'I4 21 1-30 250.00',
      'I3 0 not due 300.00',
      'P3 5 1-30 -80.00',
    ]);
  });
  it('document-date basis', async () => {
    const r = await aging(ws, '2026-03-02', '--basis', 'document');
    // I1 60 and I2 60 and I4 51 → 31-60 (100 + 150 + 250); I3 29 and P3 5 → 1-30 (300 − 80); I5 152 → over 120
    expect(r.rows[0].columns).toEqual({ 'not due': '0.00', '1-30': '220.00', '31-60': '500.00', '61-90': '0.00', '91-120': '0.00', 'over 120': '500.00' });
  });
  it('custom buckets', async () => {
    const r = await aging(ws, '2026-03-02', '--buckets', '30,120');
    expect(r.rows[0].columns).toEqual({ 'not due': '300.00', '1-30': '270.00', '31-120': '150.00', 'over 120': '500.00' });
  });
  it('a later as-of date: I5 is paid, everything ages', async () => {
    const r = await aging(ws, '2026-03-10', '--detail');
    expect(r.items.map((i: { document: string; age: number }) => `${i.document} ${i.age}`)).toEqual(['I1 38', 'I2 39', 'I4 29', 'I3 8', 'P3 13']);
  });
  it('matches the receivable control account (the invariant)', async () => {
    for (const asOf of ['2026-01-15', '2026-02-16', '2026-03-02', '2026-03-10']) {
      const a = await aging(ws, asOf);
      const total = a.rows.length ? a.rows[0].total : '0';
      const bal = await run(['-C', ws, '--as-of', asOf, '--format', 'json', 'ledger', 'balance', '--flat', 'receivable']);
      const rec = JSON.parse(bal.stdout).total.CNY;
      expect(`${asOf} ${Number(total).toFixed(2)}`).toBe(`${asOf} ${Number(rec).toFixed(2)}`);
    }
  });
  it('statement: opening, running balance, closing = open items', async () => {
    const r = await run(['-C', ws, '--as-of', '2026-03-02', '--format', 'json', 'ar', 'statement', 'C1', '--begin', '2026-02-01']);
    const s = JSON.parse(r.stdout).statements[0];
    expect(s.opening).toBe('1200.00'); // I1 + I2 + I4 + I5 before February
    expect(s.lines.map((l: { id: string; amount: string; balance: string }) => `${l.id} ${l.amount} ${l.balance}`)).toEqual(['I3 300.00 1500.00', 'P1 -150.00 1350.00', 'CN1 -50.00 1300.00', 'P3 -80.00 1220.00']);
    expect(s.closing).toBe('1220.00');
  });
});

describe('the aging invariant on random books', () => {
  for (const seed of [5, 6]) {
    it(`seed ${seed}: AR total = receivable, AP total = −payable, at several dates`, async () => {
      const ws = workspace(randomBooks(seed, 150));
      for (const asOf of ['2027-03-31', '2027-08-15', '2027-12-31']) {
        const ar = JSON.parse((await run(['-C', ws, '--as-of', asOf, '--format', 'json', 'ar', 'aging'])).stdout);
        const ap = JSON.parse((await run(['-C', ws, '--as-of', asOf, '--format', 'json', 'ap', 'aging'])).stdout);
        const bal = JSON.parse((await run(['-C', ws, '--as-of', asOf, '--format', 'json', 'ledger', 'balance', '--flat', 'receivable|payable'])).stdout);
        const ledger = Object.fromEntries(bal.rows.map((x: { account: string; balance: { CNY: string } }) => [x.account, Number(x.balance.CNY)]));
        const sum = (rows: { total: string }[]) => rows.reduce((s, x) => s + Math.round(Number(x.total) * 100), 0);
        expect(sum(ar.rows)).toBe(Math.round((ledger['assets:receivable'] ?? 0) * 100));
        expect(sum(ap.rows)).toBe(-Math.round((ledger['liabilities:payable'] ?? 0) * 100));
      }
    });
  }
});
