import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

const JOURNAL = `; My old books

account assets:bank:checking  ; type:A
commodity 1,000.00 CNY
P 2026-01-01 USD 7.10 CNY

2026-01-01 * (OB-1) Opening balances  ; source:migration
    assets:bank:checking    CNY 10,000.00
    equity:opening

2026/01/05 Supermarket | groceries
    expenses:food            123.45 CNY  ; weekly shop
    assets:bank:checking    -123.45 CNY = 9876.55 CNY

2026-01-06 FX
    assets:bank:usd          100 USD @ 7.1 CNY
    assets:bank:checking
`;

// Written by hand from the journal above: (OB-1) is a usable id; other entries get IMP-<file>-<n>;
// "*" becomes the tag cleared; "payee | note" splits; @ 7.1 × 100 = 710.0 total cost; = becomes balance.
const EXPECTED = `# Imported from old.journal by \`bizctl ledger import\`.

# My old books
- id: OB-1
  date: 2026-01-01
  description: Opening balances
  tags: [source:migration, cleared]
  postings:
  - account: assets:bank:checking
    amount: 10000.00 CNY
  - account: equity:opening

- id: IMP-old-2
  date: 2026-01-05
  description: groceries
  payee: Supermarket
  postings:
  - account: expenses:food
    amount: 123.45 CNY
    memo: weekly shop
  - account: assets:bank:checking
    amount: -123.45 CNY
    balance: 9876.55 CNY

- id: IMP-old-3
  date: 2026-01-06
  description: FX
  postings:
  - account: assets:bank:usd
    amount: 100 USD
    cost: 710.0 CNY
  - account: assets:bank:checking
`;

describe('ledger import', () => {
  it('writes the journal, the chart and the prices, and the workspace checks clean', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'old.journal': JOURNAL });
    const r = await run(['ledger', 'import', 'old.journal'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('imported 3 entries, 6 postings → finance/journal/old.yaml; 4 new accounts; 1 prices\n');
    expect(readFileSync(join(ws, 'finance/journal/old.yaml'), 'utf8')).toBe(EXPECTED);
    expect(readFileSync(join(ws, 'finance/accounts.yaml'), 'utf8')).toBe('- id: assets:bank:checking\n  type: asset\n- id: assets:bank:usd\n- id: equity:opening\n- id: expenses:food\n');
    expect(readFileSync(join(ws, 'finance/prices/old.csv'), 'utf8')).toBe('date,commodity,price\n2026-01-01,USD,7.10 CNY\n');
    expect((await run(['check'], { cwd: ws })).code).toBe(0);
    // checking: 10000 − 123.45 − 710.0 (the USD bought at cost) = 9166.55
    const bal = JSON.parse((await run(['--as-of', '2026-01-31', '--format', 'json', 'ledger', 'balance', '--flat', 'checking'], { cwd: ws })).stdout);
    expect(bal.total).toEqual({ CNY: '9166.55' });
  });
  it('a second import into the same file is refused', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'old.journal': JOURNAL });
    await run(['ledger', 'import', 'old.journal'], { cwd: ws });
    const before = snapshotDir(ws);
    const again = await run(['ledger', 'import', 'old.journal'], { cwd: ws });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('finance/journal/old.yaml already exists; nothing was written');
    expect(snapshotDir(ws)).toEqual(before);
  });
  it('an entry that does not balance is refused with the workspace untouched', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'bad.journal': '2026-01-01 x\n    a:b  10 CNY\n    c:d  -9 CNY\n' });
    const before = snapshotDir(ws);
    const r = await run(['ledger', 'import', 'bad.journal'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[unbalanced-entry]: journal entry IMP-bad-1 does not balance: postings sum to 1 CNY');
    expect(snapshotDir(ws)).toEqual(before);
    expect(existsSync(join(ws, 'finance'))).toBe(false);
  });
});

const HAVE = spawnSync('hledger', ['--version']).status === 0;

describe.skipIf(!HAVE)('round trip through hledger', () => {
  it('export → import into an empty workspace keeps every balance', async () => {
    const src = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), src, { recursive: true });
    const file = join(src, 'books.journal');
    await run(['-C', src, '--as-of', '2026-11-16', 'ledger', 'export', '--format', 'hledger', '-o', file]);
    const dst = workspace({ 'bizctl.yaml': 'base_currency: CNY\n' });
    writeFileSync(join(dst, 'books.journal'), readFileSync(file, 'utf8'));
    const imp = await run(['ledger', 'import', 'books.journal'], { cwd: dst });
    expect(imp.code).toBe(0);
    const a = JSON.parse((await run(['-C', src, '--as-of', '2026-11-16', '--format', 'json', 'ledger', 'balance', '--flat'])).stdout);
    const b = JSON.parse((await run(['-C', dst, '--as-of', '2026-11-16', '--format', 'json', 'ledger', 'balance', '--flat'])).stdout);
    expect(b.rows).toEqual(a.rows);
  });
});
