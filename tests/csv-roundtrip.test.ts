import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_LIST } from '../src/domain/entities/index.js';
import { REPO, run, workspace } from './helpers.js';

/**
 * `bizctl export ENTITY` writes "the format bizctl imports back": every
 * entity of the example company, exported to CSV and read back from a CSV
 * file instead of its YAML, must give the very same records.
 */

/** Entities whose records hold fields CSV cannot (deal history, nested payroll rules…): JSON only. */
const NOT_CSV = ['deals', 'payroll', 'payroll-ytd', 'pay-items', 'employees', 'campaigns', 'tickets'];

describe('CSV export reads back as the same records', () => {
  it('every CSV-able entity of the furniture example', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'bizctl-rt-'));
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const done: string[] = [];
    const before = new Map<string, string>();
    for (const def of ENTITY_LIST) {
      if (def.single) continue;
      const json = await run(['-C', ws, '--format', 'json', 'export', def.plural]);
      expect(json.code, def.plural).toBe(0);
      if (JSON.parse(json.stdout).length === 0) continue;
      const csv = await run(['-C', ws, 'export', def.plural]);
      expect(csv.code, def.plural).toBe(0);
      if (csv.stderr.includes('CSV cannot hold')) {
        expect(NOT_CSV, `${def.plural}: ${csv.stderr}`).toContain(def.plural);
        continue;
      }
      before.set(def.plural, json.stdout);
      for (const f of [`${def.path}.yaml`, `${def.path}.csv`, def.path]) if (existsSync(join(ws, f))) rmSync(join(ws, f), { recursive: true });
      writeFileSync(join(ws, `${def.path}.csv`), csv.stdout);
      done.push(def.plural);
    }
    // The documents with lines are among them, payments (amount + allocation_amount) and BOMs (notes + component_notes) too.
    for (const e of ['invoices', 'bills', 'payments', 'credit-notes', 'boms', 'purchase-orders', 'sales-orders', 'work-orders', 'journal', 'customers', 'items']) expect(done).toContain(e);
    expect((await run(['-C', ws, 'check'])).code).toBe(0);
    for (const [plural, text] of before) {
      const after = await run(['-C', ws, '--format', 'json', 'export', plural]);
      expect(after.stdout, plural).toBe(text);
    }
  });

  it("a payment's own amount and its allocations' amounts are separate columns", async () => {
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'crm/customers.yaml': '- id: C1\n  name: A\n',
      'finance/invoices.yaml': '- id: I1\n  date: 2026-01-02\n  customer: C1\n  lines:\n    - {qty: 1, price: 600}\n- id: I2\n  date: 2026-01-02\n  customer: C1\n  lines:\n    - {qty: 1, price: 400}\n',
      'finance/payments.csv': 'id,date,direction,customer,amount,document,allocation_amount\nP1,2026-01-05,in,C1,1000.00,I1,600.00\nP1,,,,,I2,400.00\n',
    });
    const r = await run(['-C', ws, '--format', 'json', 'export', 'payments']);
    expect(r.code, r.stderr).toBe(0);
    const [p] = JSON.parse(r.stdout);
    expect(p.amount).toBe('1000.00');
    expect(p.allocations).toEqual([
      { document: 'I1', amount: '600.00' },
      { document: 'I2', amount: '400.00' },
    ]);
    // And the CSV export names them apart again.
    const csv = await run(['-C', ws, 'export', 'payments']);
    expect(csv.stdout).toBe('id,date,direction,customer,amount,document,allocation_amount\nP1,2026-01-05,in,C1,1000.00,I1,600.00\nP1,2026-01-05,in,C1,1000.00,I2,400.00\n');
  });

  it('a payments CSV with one "amount" column (meant for both) says which column the allocation lacks', async () => {
    // The header's amount is the payment's; the allocation amount is required: reported with its place.
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'crm/customers.yaml': '- id: C1\n  name: A\n',
      'finance/payments.csv': 'id,date,direction,customer,amount,document\nP1,2026-01-05,in,C1,100.00,I1\n',
    });
    const r = await run(['-C', ws, 'check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('finance/payments.csv:2:1: error[missing-field]: allocation 1 of payment P1 has no amount');
    expect(r.stderr).toContain('hint: add a value for "allocation_amount"');
  });
});
