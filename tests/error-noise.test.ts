import { describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.js';

/** One mistake, one diagnostic: no cascades from a file that could not be read, no file-sized messages. */

async function check(files: Record<string, string>) {
  const r = await run(['-C', workspace({ 'bizctl.yaml': 'base_currency: CNY\n', ...files }), '--format', 'json', 'check']);
  return JSON.parse(r.stdout).diagnostics as { file: string; line: number; col: number; code: string; message: string }[];
}

describe('error noise', () => {
  it('a stray quote in a CSV file: one diagnostic at the quote, none for the rows it swallowed', async () => {
    const ds = await check({
      'crm/customers.csv': 'id,name\nC1,甲\n',
      'crm/activities.csv': 'id,customer,date,kind,subject\nA1,C1,2026-01-05,call,hello\n"A2,C1,2026-01-06,call,x\nA3,C1,2026-01-07,call,y\n',
    });
    expect(ds.map((d) => [d.file, d.line, d.col, d.code])).toEqual([['crm/activities.csv', 3, 1, 'csv-syntax']]);
  });

  it('an unclosed [ in YAML: one diagnostic at the bracket; references to that file are not reported unknown', async () => {
    const ds = await check({
      'purchasing/suppliers.yaml': '- id: S1\n  name: [unclosed\n- id: S2\n  name: B\n',
      'inventory/items.yaml': '- id: A\n  name: a\n  type: buy\n  supplier: S1\n- id: B\n  name: b\n  type: buy\n  supplier: S2\n',
    });
    expect(ds.map((d) => [d.file, d.line, d.col, d.code])).toEqual([['purchasing/suppliers.yaml', 2, 9, 'yaml-syntax']]);
  });

  it('an invoice with a bad field still exists for the payment that settles it', async () => {
    const ds = await check({
      'crm/customers.yaml': '- id: C1\n  name: 甲\n',
      'finance/invoices.yaml': '- id: I1\n  customer: C1\n  date: 2026-01-02\n  lines:\n  - qty: 4O\n    price: 10\n',
      'finance/payments.yaml': '- id: P1\n  date: 2026-01-05\n  direction: in\n  customer: C1\n  amount: 40.00\n  allocations:\n  - document: I1\n    amount: 40.00\n',
    });
    expect(ds.map((d) => [d.line, d.code, d.message])).toEqual([[5, 'bad-number', 'qty of line 1 of invoice I1 is not a number: "4O"']]);
  });

  it('quotes at most 40 characters of a value, on one line', async () => {
    const long = '2026-01-0' + 'x'.repeat(60);
    const ds = await check({ 'crm/customers.yaml': `- id: C1\n  name: 甲\n  created: ${long}\n` });
    expect(ds.map((d) => d.message)).toEqual([`created of customer C1 is not a valid date: "${long.slice(0, 40)}…"`]);
  });
});

describe('warnings outside check', () => {
  it('a report says how many warnings there are in one line; check lists them', async () => {
    const dir = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C1\n  name: 甲\n  phone: "13800000000"\n- id: C2\n  name: 乙\n  phone: "13800000000"\n' });
    const r = await run(['-C', dir, '--format', 'csv', 'ls', 'customers']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: 1 warning in the workspace (`bizctl check` lists it)\n');
    const c = await run(['-C', dir, 'check']);
    expect(c.stderr).toContain('crm/customers.yaml:6:10: warning[duplicate-customer]: customer C2 has the same phone as C1 (13800000000)');
  });
});
