import { describe, expect, it } from 'vitest';
import { BOOKS } from './fixtures/books.js';
import { run, workspace } from './helpers.js';

/*
 * Hand-worked figures for tests/fixtures/books.ts, as of 2026-02-28:
 *   INV-1: 2×1000 = 2000.00 net, tax 260.00; 3×33.33 = 99.99 net, tax 99.99×0.13 = 12.9987 → 13.00
 *          total 2099.99 + 273.00 = 2372.99
 *   PAY-1: bank +1000, receivable −1000          BILL-1: 10×50 = 500 net, tax 65, total 565
 *   CN-1:  100 net + 13 tax = 113, reverses revenue, output tax and receivable
 *   assets:bank:icbc     10000 − 3000 + 1000 − 500      =  7500.00
 *   assets:cash          −150.50 + 500                  =   349.50
 *   assets:receivable    2372.99 − 1000 − 113           =  1259.99
 *   assets:tax:vat-input                                 =    65.00
 *   equity:capital                                       = −10000.00
 *   expenses:office 150.50, purchases 500.00, rent 3000.00
 *   income:sales         −2099.99 + 100                 = −1999.99
 *   liabilities:payable  −565.00;  liabilities:tax:vat-output  −273 + 13 = −260.00
 */
const ARGS = (ws: string) => ['-C', ws, '--as-of', '2026-02-28'];

async function json(ws: string, ...args: string[]) {
  const r = await run([...ARGS(ws), '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('ledger balance', () => {
  const ws = workspace(BOOKS);
  it('flat: each account its own postings, documents included', async () => {
    const r = await json(ws, 'ledger', 'balance', '--flat');
    const got = Object.fromEntries(r.rows.map((x: { account: string; balance: { CNY: string } }) => [x.account, x.balance.CNY]));
    expect(got).toEqual({
      'assets:bank:icbc': '7500.00',
      'assets:cash': '349.50',
      'assets:receivable': '1259.99',
      'assets:tax:vat-input': '65.00',
      'equity:capital': '-10000.00',
      'expenses:office': '150.50',
      'expenses:purchases': '500.00',
      'expenses:rent': '3000.00',
      'income:sales': '-1999.99',
      'liabilities:payable': '-565.00',
      'liabilities:tax:vat-output': '-260.00',
    });
    expect(r.total).toEqual({ CNY: '0.00' });
  });
  it('tree with subtotals, clipped to depth 1', async () => {
    const r = await json(ws, 'ledger', 'balance', '--depth', '1');
    // assets = 7500 + 349.50 + 1259.99 + 65 = 9174.49; expenses = 150.50 + 500 + 3000 = 3650.50; liabilities = −565 − 260
    expect(r.rows.map((x: { account: string; balance: { CNY: string } }) => [x.account, x.balance.CNY])).toEqual([
      ['assets', '9174.49'],
      ['equity', '-10000.00'],
      ['expenses', '3650.50'],
      ['income', '-1999.99'],
      ['liabilities', '-825.00'],
    ]);
  });
  it('tree rows include parents with inclusive balances', async () => {
    const r = await json(ws, 'ledger', 'balance', 'assets');
    expect(r.rows.map((x: { account: string; depth: number; balance: { CNY: string } }) => `${x.depth} ${x.account} ${x.balance.CNY}`)).toEqual([
      '1 assets 9174.49',
      '2 assets:bank 7500.00',
      '3 assets:bank:icbc 7500.00',
      '2 assets:cash 349.50',
      '2 assets:receivable 1259.99',
      '2 assets:tax 65.00',
      '3 assets:tax:vat-input 65.00',
    ]);
  });
  it('monthly columns show the change in each month', async () => {
    const r = await json(ws, 'ledger', 'balance', 'icbc', '--flat', '-M');
    // January: +10000 − 3000 = 7000; February: +1000 (PAY-1) − 500 (JE-4) = 500
    expect(r.periods.map((p: { name: string }) => p.name)).toEqual(['2026-01', '2026-02']);
    expect(r.rows[0].columns).toEqual([{ CNY: '7000.00' }, { CNY: '500.00' }]);
    expect(r.rows[0].balance).toEqual({ CNY: '7500.00' });
  });
  it('date range and tags filter transactions', async () => {
    const feb = await json(ws, 'ledger', 'balance', 'expenses', '--flat', '--begin', '2026-02-01');
    expect(feb.total).toEqual({ CNY: '650.50' }); // office 150.50 + purchases 500
    const rent = await json(ws, 'ledger', 'balance', '--flat', '--tag', 'rent');
    expect(rent.rows.map((x: { account: string; balance: { CNY: string } }) => `${x.account} ${x.balance.CNY}`)).toEqual(['assets:bank:icbc -3000.00', 'expenses:rent 3000.00']);
    const jan = await json(ws, 'ledger', 'balance', 'receivable', '--flat', '--end', '2026-02-01');
    expect(jan.total).toEqual({ CNY: '2372.99' }); // only INV-1 before February
  });
});

describe('register', () => {
  it('opens with the balance before --begin and runs on', async () => {
    const ws = workspace(BOOKS);
    const r = await json(ws, 'ledger', 'register', 'assets:bank:icbc', '--begin', '2026-02-01');
    expect(r.map((x: { id: string; amount: string; balance: string }) => `${x.id}|${x.amount}|${x.balance}`)).toEqual([
      '|7000.00|7000.00', // JE-1 + JE-2 before February
      'PAY-1|1000.00|8000.00',
      'JE-4|-500.00|7500.00',
    ]);
  });
});

describe('statements', () => {
  const ws = workspace(BOOKS);
  it('income statement: income positive, net = income − expenses', async () => {
    const r = await json(ws, 'ledger', 'income-statement', '--flat');
    expect(r.sections.map((s: { name: string; total: { CNY: string } }) => `${s.name} ${s.total.CNY}`)).toEqual(['income 1999.99', 'expenses 3650.50']);
    expect(r.net).toEqual({ CNY: '-1650.51' }); // 1999.99 − 3650.50
  });
  it('balance sheet balances with current-year earnings', async () => {
    const r = await json(ws, 'ledger', 'balance-sheet');
    expect(r.date).toBe('2026-02-28');
    expect(r.total_assets).toEqual({ CNY: '9174.49' });
    expect(r.sections.map((s: { name: string; total: { CNY: string } }) => `${s.name} ${s.total.CNY}`)).toEqual(['assets 9174.49', 'liabilities 825.00', 'equity 10000.00']);
    expect(r.current_earnings).toEqual({ CNY: '-1650.51' });
    expect(r.earlier_earnings).toEqual({ CNY: '0' });
    expect(r.total_liabilities_equity_earnings).toEqual({ CNY: '9174.49' }); // 825 + 10000 − 1650.51
    expect(r.balanced).toBe(true);
  });
  it('trial balance: debits equal credits', async () => {
    const r = await json(ws, 'ledger', 'trial-balance');
    // debits 7500 + 349.50 + 1259.99 + 65 + 150.50 + 500 + 3000; credits 10000 + 1999.99 + 565 + 260
    expect(r.debit).toEqual({ CNY: '12824.99' });
    expect(r.credit).toEqual({ CNY: '12824.99' });
  });
});

describe('print and export', () => {
  it('prints documents as transactions in hledger syntax', async () => {
    const ws = workspace(BOOKS);
    const r = await run([...ARGS(ws), 'ledger', 'print', 'receivable', '--end', '2026-02-02']);
    expect(r.stdout).toBe(
      [
        '2026-01-15 (INV-1) Invoice INV-1 to C1',
        '    ; doc:invoice',
        '    assets:receivable  2372.99 CNY',
        '    income:sales  -2099.99 CNY',
        '    liabilities:tax:vat-output  -273.00 CNY',
        '',
        '2026-02-01 (PAY-1) Receipt PAY-1 from C1',
        '    ; doc:payment',
        '    assets:bank:icbc  1000.00 CNY',
        '    assets:receivable  -1000.00 CNY',
        '',
      ].join('\n'),
    );
  });
});

describe('valuation with prices (-X)', () => {
  const ws = workspace({
    'bizctl.yaml': 'base_currency: CNY\n',
    'finance/journal.yaml': '- id: FX-1\n  date: 2026-01-02\n  description: buy dollars\n  postings:\n    - account: assets:bank:usd\n      amount: 100 USD\n      cost: 710.00 CNY\n    - account: assets:bank:cny\n      amount: -710.00 CNY\n',
    'finance/prices.csv': 'date,commodity,price\n2026-01-01,USD,7.10 CNY\n2026-02-01,USD,7.20 CNY\n',
  });
  it('converts with the latest price on or before the date', async () => {
    const jan = await run(['-C', ws, '--as-of', '2026-01-31', '--format', 'json', 'ledger', 'balance', '--flat', '-X', 'CNY']);
    const j = JSON.parse(jan.stdout);
    // 100 USD × 7.10 = 710.00 CNY; total −710.00 + 710.00 = 0.00
    expect(j.rows.map((r: { account: string; balance: Record<string, string> }) => `${r.account} ${JSON.stringify(r.balance)}`)).toEqual(['assets:bank:cny {"CNY":"-710.00"}', 'assets:bank:usd {"CNY":"710.00"}']);
    expect(j.total).toEqual({ CNY: '0.00' });
    const feb = JSON.parse((await run(['-C', ws, '--as-of', '2026-02-15', '--format', 'json', 'ledger', 'balance', '--flat', '-X', 'CNY'])).stdout);
    // 100 × 7.20 = 720.00: the dollars gained 10.00
    expect(feb.total).toEqual({ CNY: '10.00' });
  });
  it('statements value too; the balance sheet shows the unrealised difference so it still balances', async () => {
    const bs = JSON.parse((await run(['-C', ws, '--as-of', '2026-02-15', '--format', 'json', 'ledger', 'balance-sheet', '-X', 'CNY'])).stdout);
    // assets: −710.00 CNY + 100 USD × 7.20 = 10.00; nothing booked in equity: the 10.00 is unrealised
    expect(bs.total_assets).toEqual({ CNY: '10.00' });
    expect(bs.revaluation).toEqual({ CNY: '10.00' });
    expect(bs.balanced).toBe(true);
    const is = JSON.parse((await run(['-C', ws, '--as-of', '2026-02-15', '--format', 'json', 'ledger', 'income-statement', '-X', 'CNY'])).stdout);
    expect(is.net).toEqual({ CNY: '0' });
  });
  it('without -X amounts stay in their commodity', async () => {
    const j = JSON.parse((await run(['-C', ws, '--as-of', '2026-01-31', '--format', 'json', 'ledger', 'balance', '--flat'])).stdout);
    expect(j.total).toEqual({ CNY: '-710.00', USD: '100' });
  });
});
