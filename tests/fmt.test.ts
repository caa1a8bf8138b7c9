import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

const MESSY_CUSTOMERS = `# Our customers (kept by sales)

# a late addition
- name: 北京星辰贸易
  id: C0010
  created: 2026/1/3   # first call
  credit_limit: 5000
  status: active
- id: C0002
  payment_terms: +30
  name: 上海明达办公家具有限公司
  tags: [vip, 华东]
`;

// Hand-written canonical form: records keep their order (customers are curated by hand),
// fields in schema order (id, name, status, created, payment_terms, credit_limit, tags),
// 2026/1/3 → 2026-01-03, 5000 → 5000.00 (CNY has 2 decimals), +30 → 30, comments kept,
// the file header comment stays at the top, blank lines between records as written.
const CANONICAL_CUSTOMERS = `# Our customers (kept by sales)

# a late addition
- id: C0010
  name: 北京星辰贸易
  status: active
  created: 2026-01-03 # first call
  credit_limit: 5000.00
- id: C0002
  name: 上海明达办公家具有限公司
  payment_terms: 30
  tags: [vip, 华东]
`;

const MESSY_STOCK = 'qty,location,item,date\n5,WH2,B-1,2026-11-01\n10.0,WH1,B-1,2026-11-01\n+3,WH1,A-1,2026-11-01\n';
const CANONICAL_STOCK = 'date,item,location,qty\n2026-11-01,A-1,WH1,3\n2026-11-01,B-1,WH1,10.0\n2026-11-01,B-1,WH2,5\n';

function files() {
  return {
    'bizctl.yaml': 'base_currency: CNY\n',
    'crm/customers.yaml': MESSY_CUSTOMERS,
    'inventory/items.yaml': '- id: A-1\n  name: A\n  type: buy\n- id: B-1\n  name: B\n  type: buy\n',
    'inventory/stock.csv': MESSY_STOCK,
  };
}

describe('bizctl fmt', () => {
  it('writes the canonical form, keeps comments, and is idempotent', async () => {
    const ws = workspace(files());
    const r = await run(['-C', ws, 'fmt']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws, 'crm/customers.yaml'), 'utf8')).toBe(CANONICAL_CUSTOMERS);
    expect(readFileSync(join(ws, 'inventory/stock.csv'), 'utf8')).toBe(CANONICAL_STOCK);
    const once = snapshotDir(ws);
    const mtime = statSync(join(ws, 'crm/customers.yaml')).mtimeMs;
    const again = await run(['-C', ws, 'fmt']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('all files already formatted');
    expect(snapshotDir(ws)).toEqual(once);
    expect(statSync(join(ws, 'crm/customers.yaml')).mtimeMs).toBe(mtime);
    // the formatted workspace still loads to the same records
    const check = await run(['-C', ws, 'check']);
    expect(check.code).toBe(0);
  });

  it('--check lists the files that would change, exits 1, and writes nothing', async () => {
    const ws = workspace(files());
    const before = snapshotDir(ws);
    const r = await run(['-C', ws, 'fmt', '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('crm/customers.yaml\ninventory/stock.csv\n');
    expect(snapshotDir(ws)).toEqual(before);
    await run(['-C', ws, 'fmt']);
    const after = await run(['-C', ws, 'fmt', '--check']);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe('');
  });

  it('formats only the files named', async () => {
    const ws = workspace(files());
    const r = await run(['fmt', 'inventory/stock.csv'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws, 'inventory/stock.csv'), 'utf8')).toBe(CANONICAL_STOCK);
    expect(readFileSync(join(ws, 'crm/customers.yaml'), 'utf8')).toBe(MESSY_CUSTOMERS);
  });

  it('refuses to touch anything when the workspace has errors', async () => {
    const f = files();
    f['inventory/stock.csv'] = MESSY_STOCK + 'x,WH1,A-1,2026-11-01\n';
    const ws = workspace(f);
    const before = snapshotDir(ws);
    const r = await run(['-C', ws, 'fmt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('inventory/stock.csv:5:1: error[bad-number]: qty of stock line 2026-11-01 / A-1 / WH1 is not a number: "x"');
    expect(snapshotDir(ws)).toEqual(before);
  });
});

describe('the bundled examples', () => {
  for (const ex of ['furniture', 'crm-only']) {
    it(`${ex} is already canonical and checks clean`, async () => {
      const dir = join(REPO, 'data-examples', ex);
      const f = await run(['-C', dir, 'fmt', '--check']);
      expect(f.stdout).toBe('');
      expect(f.code).toBe(0);
      const c = await run(['-C', dir, 'check']);
      expect(c.code).toBe(0);
      expect(c.stderr).toMatch(/ 0 errors, 0 warnings\n$/);
    });
  }
});
