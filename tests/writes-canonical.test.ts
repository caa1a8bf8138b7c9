import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.js';

/**
 * bizctl's own writes keep a canonical file canonical (so `fmt --check` in a
 * pre-commit hook still passes after `crm add` or `import`), and leave a file
 * that was not canonical with just the edit.
 */

const CANONICAL = '# 客户\n- id: C0001\n  name: 甲\n  credit_limit: 800000.00 # approved 2026-03\n';

describe('writes and fmt', () => {
  it('crm add writes money with its minor unit into a canonical file; fmt --check still passes', async () => {
    const dir = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': CANONICAL });
    expect((await run(['-C', dir, 'fmt', '--check'])).code).toBe(0);
    const r = await run(['-C', dir, '--as-of', '2026-11-16', 'crm', 'add', 'customer', '--name', '乙', '--credit-limit', '100000', '--no-input']);
    expect(r.code, r.stderr).toBe(0);
    // CNY has 2 decimals: 100000 is written 100000.00, as fmt would.
    expect(readFileSync(join(dir, 'crm/customers.yaml'), 'utf8')).toBe(CANONICAL + '- id: C0002\n  name: 乙\n  created: 2026-11-16\n  credit_limit: 100000.00\n');
    expect((await run(['-C', dir, 'fmt', '--check'])).code).toBe(0);
  });

  it('import updates into a canonical file stay canonical; the same value written differently is no change', async () => {
    const dir = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': CANONICAL });
    writeFileSync(join(dir, 'in.csv'), 'id,credit_limit\nC0001,200000\n');
    const r = await run(['-C', dir, '--format', 'json', 'import', 'customers', 'in.csv', '--mode', 'upsert'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].changes).toEqual([{ field: 'credit_limit', from: '800000.00', to: '200000' }]);
    expect(readFileSync(join(dir, 'crm/customers.yaml'), 'utf8')).toBe(CANONICAL.replace('800000.00', '200000.00'));
    expect((await run(['-C', dir, 'fmt', '--check'])).code).toBe(0);
    // 200000 again (and 200000.0): the value is 200000.00 already.
    writeFileSync(join(dir, 'in.csv'), 'id,credit_limit\nC0001,200000.0\n');
    const again = await run(['-C', dir, '--format', 'json', 'import', 'customers', 'in.csv', '--mode', 'upsert'], { cwd: dir });
    expect(JSON.parse(again.stdout)[0].action).toBe('unchanged');
  });

  it('a file that was not canonical gets only the edit (formatting it would show unrelated changes)', async () => {
    // Not canonical: 5000 lacks the minor unit. The new record is written as given, the old line stays.
    const messy = '- id: C0001\n  name: 甲\n  credit_limit: 5000\n';
    const dir = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': messy });
    const r = await run(['-C', dir, '--as-of', '2026-11-16', 'crm', 'add', 'customer', '--name', '乙', '--no-input']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'crm/customers.yaml'), 'utf8')).toBe(messy + '- id: C0002\n  name: 乙\n  created: 2026-11-16\n');
  });
});
