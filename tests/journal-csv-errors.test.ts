/**
 * Journal errors in a CSV journal, end to end: the checks that read the
 * journal's columns (duplicate ids, accounts, precision, balance) and the
 * reader's hand-off to the generic converter (bad number, conflicting value)
 * must point at the exact line:col. Positions counted by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.js';

const ACCOUNTS = '- id: assets:bank\n- id: expenses:rent\n- id: income:sales\n- id: equity:capital\n';

/** The first line of each diagnostic: file:line:col: severity[code]: message. */
function heads(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^finance\/journal\.csv:\d+:\d+: /.test(l));
}

describe('journal CSV errors at their exact line:col', () => {
  it('every journal check, on entries kept as columns and as records', async () => {
    const csv = [
      'id,date,description,account,amount,balance', // 1
      'J1,2026-01-05,rent,expenses:rent,100.00,', // 2
      'J1,2026-01-05,rent,assets:bank,-100.00,', // 3
      'J2,2026-01-06,sale,assets:bank,50.00,', // 4
      'J2,2026-01-06,sale,income:sale,-50.00,', // 5  account at col 20 (after "J2,2026-01-06,sale," = 19 chars)
      'J3,2026-01-07,odd,assets:bank,10.00,', // 6  sums to 0.01: reported at the id, col 1
      'J3,2026-01-07,odd,equity:capital,-9.99,', // 7
      'J1,2026-01-08,again,assets:bank,1.00,', // 8  J1 again, and alone
      'J4,2026-01-09,precise,assets:bank,1.005,', // 9  amount at col 35 ("J4,2026-01-09,precise,assets:bank," = 34)
      'J4,2026-01-09,precise,equity:capital,-1.005,', // 10 amount at col 38 (34 − 12 + 15 = 37 chars before)
      'J5,2026-01-10,bad,assets:bank,12O.00,', // 11 amount at col 31 ("J5,2026-01-10,bad,assets:bank," = 30)
      'J5,2026-01-10,bad,equity:capital,-120.00,', // 12
      'J6,2026-01-11,x,assets:bank,1.00,', // 13
      'J6,2026-01-12,x,equity:capital,-1.00,', // 14 date at col 4
      'J7,2026-01-13,"quoted, desc",assets:bank,2.00,', // 15 quotes: read by CsvReader, valid
      'J7,2026-01-13,"quoted, desc",equity:capital,,', // 16 takes -2.00
      'J8,2026-01-14,two empty,assets:bank,,', // 17
      'J8,2026-01-14,two empty,equity:capital,,', // 18 second empty amount: account at col 25 ("J8,2026-01-14,two empty," = 24)
    ].join('\n');
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'finance/accounts.yaml': ACCOUNTS, 'finance/journal.csv': csv + '\n' });
    const r = await run(['-C', ws, 'check']);
    expect(r.code).toBe(1);
    expect(heads(r.stderr)).toEqual([
      'finance/journal.csv:5:20: error[unknown-ref]: journal entry J2 uses account "income:sale", which is not in the chart of accounts',
      'finance/journal.csv:6:1: error[unbalanced-entry]: journal entry J3 does not balance: postings sum to 0.01 CNY',
      'finance/journal.csv:8:1: error[duplicate-id]: journal entry with id J1 is defined twice',
      'finance/journal.csv:8:1: error[unbalanced-entry]: journal entry J1 has only 1 posting',
      'finance/journal.csv:9:35: error[too-precise]: amount 1.005 CNY of journal entry J4 has more than 2 decimals',
      'finance/journal.csv:10:38: error[too-precise]: amount -1.005 CNY of journal entry J4 has more than 2 decimals',
      'finance/journal.csv:11:31: error[bad-number]: amount of posting 1 of journal entry J5 is not an amount: "12O.00"',
      'finance/journal.csv:14:4: error[conflicting-value]: date of journal entry J6 is "2026-01-12" here but "2026-01-11" on its first row',
      'finance/journal.csv:18:25: error[unbalanced-entry]: journal entry J8 has 2 postings without an amount',
    ]);
    // the duplicate points back at the first J1, line 2
    expect(r.stderr).toContain('finance/journal.csv:2:1: first defined here');
    expect(r.stderr).toContain('did you mean "income:sales"?');
  });

  it('a failed balance assertion on an amount-less posting', async () => {
    const csv = [
      'id,date,description,account,amount,balance', // 1
      'J1,2026-01-05,open,assets:bank,100.00,', // 2
      'J1,2026-01-05,open,equity:capital,-100.00,', // 3
      'J2,2026-01-06,fee,expenses:rent,1.00,', // 4
      'J2,2026-01-06,fee,assets:bank,,98.00', // 5 takes -1.00: 100.00 - 1.00 = 99.00; balance at col 32 ("J2,2026-01-06,fee,assets:bank,," = 31)
    ].join('\n');
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'finance/accounts.yaml': ACCOUNTS, 'finance/journal.csv': csv + '\n' });
    const r = await run(['-C', ws, 'check']);
    expect(r.code).toBe(1);
    expect(heads(r.stderr)).toEqual([
      'finance/journal.csv:5:32: error[balance-assertion]: balance assertion failed: assets:bank is 99.00 CNY after this posting of J2, asserted 98.00 CNY (difference 1.00)',
    ]);
  });
});
