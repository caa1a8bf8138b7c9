/**
 * Problems a user's walkthrough of the example company found, one describe per problem.
 * Expectations are worked out by hand from data-examples/furniture (story date 2026-11-16)
 * or from the small workspaces written here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

const FURNITURE = join(REPO, 'data-examples', 'furniture');
const at = (...args: string[]) => ['-C', FURNITURE, '--as-of', '2026-11-16', ...args];
const BOLD = '\u001b[1m';

describe('--color always forces colour', () => {
  it('piped, bold headers; NO_COLOR does not override always, only auto', async () => {
    const r = await run(at('--color', 'always', 'stock', '--item', 'LIFT-COL'), { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]!.startsWith(`${BOLD}item  `)).toBe(true);
    expect(lines[0]!.endsWith('status\u001b[22m')).toBe(true);
    // Only the header is bold: the rule and the rows are plain, and widths ignore the escape codes.
    expect(lines[1]!.startsWith('--------  ')).toBe(true);
    expect(lines[2]!.startsWith('LIFT-COL  Electric lifting column (2-stage)  WH-SH')).toBe(true);
    expect(r.stdout.split('\u001b[').length - 1).toBe(2);
    const auto = await run(at('stock', '--item', 'LIFT-COL'), { env: { NO_COLOR: '1' } });
    expect(auto.stdout).not.toContain('\u001b[');
    expect(auto.stdout).toBe(r.stdout.replace(BOLD, '').replace('\u001b[22m', ''));
  });
  it('on a terminal, auto colours the boxed table unless NO_COLOR; never never does', async () => {
    expect((await run(at('stock', '--item', 'LIFT-COL'), { tty: true })).stdout).toContain(`${BOLD}item`);
    expect((await run(at('stock', '--item', 'LIFT-COL'), { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(at('--color', 'never', 'stock', '--item', 'LIFT-COL'), { tty: true })).stdout).not.toContain('\u001b[');
  });
});

describe('an invalid account pattern is a usage error', () => {
  it.each([['balance'], ['register'], ['trial-balance'], ['income-statement'], ['balance-sheet'], ['print']])('ledger %s', async (cmd) => {
    const r = await run(at('ledger', cmd, '[unclosed'));
    expect([r.code, r.stdout, r.stderr.split('\n')[0]]).toEqual([2, '', 'bizctl: account pattern "[unclosed" is not a valid regular expression: unterminated character class']);
  });
  it('a valid pattern still works, and one of several bad ones is named', async () => {
    const ok = await run(at('ledger', 'balance', '^assets:bank', '--flat', '--format', 'csv'));
    expect(ok.code).toBe(0);
    const r = await run(at('ledger', 'balance', 'assets', 'income(', '--flat'));
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'bizctl: account pattern "income(" is not a valid regular expression: unterminated group']);
  });
});

describe('-o FILE with an unknown extension is a usage error', () => {
  it('-o p.xlsx writes nothing and lists the extensions', async () => {
    const dir = workspace({});
    const out = join(dir, 'p.xlsx');
    const r = await run(at('-o', out, 'stock'));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `bizctl: -o ${out}: cannot write a .xlsx file\n  hint: use .txt (table), .csv, .tsv or .json, or give --format\n`]);
    expect(existsSync(out)).toBe(false);
  });
  it('a writing command is refused before it writes', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C0001\n  name: A\n' });
    const before = snapshotDir(ws);
    const r = await run(['-C', ws, '-o', join(ws, 'added.xlsx'), 'crm', 'add', 'customer', '--name', 'B']);
    expect(r.code).toBe(2);
    expect(snapshotDir(ws)).toEqual(before);
  });
  it('.txt and no extension write the table; --format overrides the extension', async () => {
    const dir = workspace({});
    expect((await run(at('-o', join(dir, 'a.txt'), 'stock', '--item', 'LIFT-COL'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8').startsWith('item      name')).toBe(true);
    expect((await run(at('-o', join(dir, 'b'), 'stock', '--item', 'LIFT-COL'))).code).toBe(0);
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe(readFileSync(join(dir, 'a.txt'), 'utf8'));
    expect((await run(at('-o', join(dir, 'c.xlsx'), '--format', 'csv', 'stock', '--item', 'LIFT-COL'))).code).toBe(0);
    expect(readFileSync(join(dir, 'c.xlsx'), 'utf8').startsWith('item,name,location,')).toBe(true);
  });
  it('export takes .csv or .json; ledger print a journal, CSV, TSV or JSON', async () => {
    const dir = workspace({});
    const bad = await run(at('-o', join(dir, 'c.xlsx'), 'export', 'customers'));
    expect([bad.code, bad.stderr.split('\n')[1]]).toEqual([2, '  hint: use .csv or .json, or give --format']);
    const j = await run(at('-o', join(dir, 'oct.journal'), 'ledger', 'print', '--begin', '2026-10-01', '--end', '2026-10-02'));
    expect([j.code, j.stdout]).toEqual([0, '']);
    const text = readFileSync(join(dir, 'oct.journal'), 'utf8');
    expect(text).toBe((await run(at('ledger', 'print', '--begin', '2026-10-01', '--end', '2026-10-02'))).stdout);
    const x = await run(at('-o', join(dir, 'p.xlsx'), 'ledger', 'print'));
    expect([x.code, x.stderr.split('\n')[1]]).toEqual([2, '  hint: use .journal, .hledger (journal), .ledger (journal), .txt (journal), .csv, .tsv or .json, or give --format']);
  });
});

