import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, snapshotDir, workspace } from './helpers.js';

const RULES = `bank_account: assets:bank:icbc
columns:
  date: 交易日期
  description: 摘要
  credit: 收入
  debit: 支出
  reference: 流水号
  counterparty: 对方户名
rules:
  - match: { description: 房租|租金 }
    account: expenses:rent
    tags: [rent]
  - match: { description: 手续费, amount: "<0" }
    account: expenses:bank-fees
  - match: { counterparty: 乙公司 }
    customer: C2
default_account: income:other
`;

// INV-1: 1000 + 13% = 1130.00 (C1); INV-2: 500.00 (C2, no tax)
const FILES = {
  'bizctl.yaml': 'base_currency: CNY\nfinance:\n  bank: assets:bank:icbc\n',
  'crm/customers.yaml': '- id: C1\n  name: 甲公司\n- id: C2\n  name: 乙公司\n',
  'finance/invoices.yaml': '- id: INV-1\n  customer: C1\n  date: 2026-10-20\n  lines:\n    - qty: 1\n      price: 1000\n      tax_rate: 13%\n- id: INV-2\n  customer: C2\n  date: 2026-10-21\n  lines:\n    - qty: 1\n      price: 500\n',
  'finance/payments.yaml': '# receipts and payments\n',
  'bank.rules.yaml': RULES,
  'stmt.csv': '交易日期,摘要,收入,支出,流水号,对方户名\n2026-11-02,11月房租,,"45,000.00",B001,园区\n2026/11/03,汇款手续费,,25.00,B002,\n2026-11-05,货款 INV-1,"1,130.00",,B003,甲公司\n2026-11-06,还款,500.00,,B004,乙公司\n2026-11-07,不明来款,12.34,,B005,\n',
};

describe('ledger import-bank', () => {
  it('rules and invoice matching turn lines into entries and payments; a second run adds nothing', async () => {
    const ws = workspace(FILES);
    const r = await run(['--format', 'json', 'ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(r.code).toBe(0);
    const actions = JSON.parse(r.stdout).map((a: { row: number; action: string; detail: string; amount: string }) => `${a.row} ${a.action} ${a.amount} ${a.detail}`);
    expect(actions).toEqual([
      '2 entry -45000.00 expenses:rent',
      '3 entry -25.00 expenses:bank-fees',
      '4 payment 1130.00 from C1, settles INV-1', // no rule; names INV-1 in its text
      '5 payment 500.00 from C2, settles INV-2', // rule customer: C2; exactly INV-2's open amount
      '6 entry 12.34 income:other (default)',
    ]);
    const bal = JSON.parse((await run(['--as-of', '2026-11-30', '--format', 'json', 'ledger', 'balance', '--flat'], { cwd: ws })).stdout);
    const got = Object.fromEntries(bal.rows.map((x: { account: string; balance: { CNY: string } }) => [x.account, x.balance.CNY]));
    // bank: −45000 − 25 + 1130 + 500 + 12.34 = −43382.66; receivable: 1130 + 500 invoiced − 1630 received = 0
    expect(got['assets:bank:icbc']).toBe('-43382.66');
    expect(got['assets:receivable']).toBeUndefined();
    const aging = JSON.parse((await run(['--as-of', '2026-11-30', '--format', 'json', 'ar', 'aging'], { cwd: ws })).stdout);
    expect(aging.rows).toEqual([]);
    expect(readFileSync(join(ws, 'finance/payments.yaml'), 'utf8').startsWith('# receipts and payments\n- id: PAY-BANK-')).toBe(true);
    const before = snapshotDir(ws);
    const again = await run(['--format', 'json', 'ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).map((a: { action: string }) => a.action)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(again.stderr).toContain('recorded 0 payments, 0 journal entries, 5 already imported');
    expect(snapshotDir(ws)).toEqual(before);
    expect((await run(['check'], { cwd: ws })).code).toBe(0);
  });
  it('unmatched lines stop the import without a default account', async () => {
    const ws = workspace({ ...FILES, 'bank.rules.yaml': RULES.replace('default_account: income:other\n', '') });
    const before = snapshotDir(ws);
    const r = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 line (rows 6) match no rule; nothing was recorded');
    expect(snapshotDir(ws)).toEqual(before);
  });
  it('a bad amount is reported at its cell', async () => {
    const ws = workspace({ ...FILES, 'stmt.csv': '交易日期,摘要,收入,支出\n2026-11-02,x,,1.2.3\n' });
    const r = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stmt.csv:2:15: error[bad-number]: "1.2.3" is not an amount');
  });
});

describe('ledger import-bank in a currency without cents', () => {
  it("writes payments with the base currency's minor unit (JPY: 0 decimals), so check passes", async () => {
    const ws = workspace({
      'bizctl.yaml': 'base_currency: JPY\nfinance:\n  bank: assets:bank:mufg\n',
      'crm/customers.yaml': '- id: C1\n  name: 甲\n',
      // 1 × 11000, no tax: open 11000 JPY
      'finance/invoices.yaml': '- id: INV-1\n  customer: C1\n  date: 2026-10-20\n  currency: JPY\n  lines:\n    - qty: 1\n      price: 11000\n',
      'bank.rules.yaml': 'bank_account: assets:bank:mufg\ncolumns: { date: date, description: text, amount: amount }\nrules: []\n',
      'stmt.csv': 'date,text,amount\n2026-11-05,payment INV-1,11000\n',
    });
    const r = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const pay = readFileSync(join(ws, 'finance/payments.yaml'), 'utf8');
    expect(pay).toContain('  amount: 11000\n');
    expect(pay).toContain('  - document: INV-1\n    amount: 11000\n');
    expect((await run(['check'], { cwd: ws })).code).toBe(0);
  });
});
