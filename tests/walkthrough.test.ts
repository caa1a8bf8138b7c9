/**
 * Problems a user's walkthrough of the example company found, one describe per problem.
 * Expectations are worked out by hand from data-examples/furniture (story date 2026-11-16)
 * or from the small workspaces written here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('an unknown id in a filter exits 1 with a suggestion', () => {
  const cases: [string[], string, string][] = [
    [['stock', '--location', 'NOPE'], 'unknown location "NOPE"', '`bizctl ls locations` lists them'],
    [['stock', '--location', 'WH-K'], 'unknown location "WH-K"', 'did you mean WH-KS?'],
    [['stock', '--item', 'LIFT-CO'], 'unknown item "LIFT-CO"', 'did you mean LIFT-COL?'],
    [['purchase', 'overdue', '--supplier', 'S0O1'], 'unknown supplier "S0O1"', 'did you mean S001?'],
    [['purchase', 'suppliers', '--supplier', 'S999'], 'unknown supplier "S999"', '`bizctl ls suppliers` lists them'],
    [['ar', 'aging', '--customer', 'C012'], 'unknown customer "C012"', 'did you mean C0012?'],
    [['ap', 'aging', '--supplier', 'S01'], 'unknown supplier "S01"', 'did you mean S001?'],
    [['ar', 'statement', 'C9999'], 'unknown customer "C9999"', '`bizctl ls customers` lists them'],
    [['crm', 'today', '--owner', 'E05'], 'unknown owner "E05"', 'did you mean E005?'],
    [['bom', 'explode', 'NOPE'], 'unknown item "NOPE"', '`bizctl ls items` lists them'],
    [['mrp', 'explain', 'LIFT-CO'], 'unknown item "LIFT-CO"', 'did you mean LIFT-COL?'],
    [['sales', 'promise', 'DESK-160', '--qty', '1'], 'unknown item "DESK-160"', 'did you mean DESK-1600?'],
    [['payroll', 'payslip', 'E03', '--period', '2026-10'], 'unknown employee "E03"', 'did you mean E003?'],
    [['show', 'SO-2026-041'], 'no record with id "SO-2026-041"', 'did you mean SO-2026-0041?'],
    [['order', 'trace', 'SO-2026-041'], 'no sales order or ticket "SO-2026-041"', 'did you mean SO-2026-0041?'],
  ];
  it.each(cases)('%j', async (args, message, hint) => {
    const r = await run(at(...args));
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `bizctl: ${message}\n  hint: ${hint}\n`]);
  });
  it('a known location still filters', async () => {
    const r = await run(at('stock', '--location', 'WH-KS', '--format', 'csv'));
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    const col = header!.split(',').indexOf('location');
    expect(col).toBe(2);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.split(',')[col] === 'WH-KS')).toBe(true);
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

describe('exit codes: unknown ids and data conflicts exit 1, malformed command lines 2', () => {
  const DEALS = `- id: D1
  title: x
  customer: C1
  stage: qualified
  amount: 100.00
  created: 2026-10-01
  history:
    - stage: lead
      date: 2026-10-01
    - stage: qualified
      date: 2026-10-10
`;
  const files = {
    'bizctl.yaml': 'base_currency: CNY\n',
    'crm/customers.yaml': '- id: C1\n  name: A\n',
    'crm/deals.yaml': DEALS,
  };
  it.each([
    [['crm', 'deal', 'move', 'D9', 'proposal'], 1, 'bizctl: unknown deal "D9"'],
    [['crm', 'deal', 'move', 'D1', 'qualified'], 1, 'bizctl: deal D1 is already in stage qualified'],
    [['crm', 'deal', 'move', 'D1', 'proposal', '--date', '2026-10-09'], 1, "bizctl: --date 2026-10-09 is before the deal's last stage change or creation (2026-10-10)"],
    [['crm', 'deal', 'move', 'D1', 'propsal'], 1, 'bizctl: "propsal" is not a stage in bizctl.yaml'],
    [['crm', 'add', 'customer', '--id', 'C1', '--name', 'B'], 1, 'bizctl: customer C1 already exists'],
    [['crm', 'deal', 'move', 'D1', 'proposal', '--date', 'soon'], 2, 'bizctl: --date "soon" is not a date'],
    [['crm', 'deal', 'won', 'D1', '--due', '2026-12-01'], 2, 'bizctl: --due is for the sales order: give --order too'],
    [['crm', 'add', 'customer', '--phone', '1'], 2, 'bizctl: missing --name for `crm add customer`'],
  ])('%j exits %i', async (args, code, first) => {
    const ws = workspace(files);
    const before = snapshotDir(ws);
    const r = await run(['-C', ws, '--as-of', '2026-11-16', ...args]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([code, first]);
    expect(snapshotDir(ws)).toEqual(before);
  });
  it('fmt FILE: a file the workspace does not have is like an unknown id (exit 1)', async () => {
    const ws = workspace(files);
    const r = await run(['-C', ws, 'fmt', '--check', join(ws, 'crm/customer.yaml')]);
    expect([r.code, r.stderr.split('\n')[1]]).toEqual([1, '  hint: did you mean crm/customers.yaml?']);
  });
  it('already lost and already in the stage are both data conflicts (exit 1)', async () => {
    const ws = workspace(files);
    expect((await run(['-C', ws, '--as-of', '2026-11-16', 'crm', 'deal', 'lost', 'D1'])).code).toBe(0);
    const again = await run(['-C', ws, '--as-of', '2026-11-16', 'crm', 'deal', 'lost', 'D1']);
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'bizctl: deal D1 is already lost (closed 2026-11-16)']);
  });
});

describe('-X COMMODITY says which commodities it could not convert', () => {
  it('the example company has no prices: -X USD warns, keeps CNY labelled as CNY, exit 0', async () => {
    const plain = await run(at('ledger', 'balance', '--depth', '1', '--format', 'csv'));
    const r = await run(at('ledger', 'balance', '--depth', '1', '-X', 'USD', '--format', 'csv'));
    expect(r.code).toBe(0);
    // Same numbers as without -X, each now labelled CNY.
    const labelled = plain.stdout.replace('account,balance', 'account,commodity,balance').replace(/^(\w+),/gm, (m, a: string) => (a === 'account' ? m : `${a},CNY,`));
    expect(r.stdout).toBe(labelled);
    expect(r.stdout.split('\n')[1]).toBe('assets,CNY,4402024.21');
    expect(r.stderr).toBe(
      'warning: -X USD: no price converts CNY to USD on or before 2026-11-16; CNY amounts are shown in CNY\n' +
        '  hint: add the rate to finance/prices, e.g. "- { date: 2026-11-16, commodity: USD, price: <CNY per USD> CNY }"\n',
    );
    for (const cmd of ['income-statement', 'balance-sheet']) {
      const s = await run(at('ledger', cmd, '-X', 'USD'));
      expect([s.code, s.stderr.split('\n')[0]]).toEqual([0, 'warning: -X USD: no price converts CNY to USD on or before 2026-11-16; CNY amounts are shown in CNY']);
    }
  });
  it('converts what it can and names the rest', async () => {
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'finance/journal.yaml':
        '- id: FX-1\n  date: 2026-01-02\n  description: buy dollars\n  postings:\n    - account: assets:bank:usd\n      amount: 100 USD\n      cost: 710.00 CNY\n    - account: assets:bank:cny\n      amount: -710.00 CNY\n' +
        '- id: FX-2\n  date: 2026-01-03\n  description: buy euros\n  postings:\n    - account: assets:bank:eur\n      amount: 50 EUR\n      cost: 390.00 CNY\n    - account: assets:bank:cny\n      amount: -390.00 CNY\n',
      'finance/prices.csv': 'date,commodity,price\n2026-01-01,USD,7.10 CNY\n',
    });
    const r = await run(['-C', ws, '--as-of', '2026-01-31', 'ledger', 'balance', '--flat', '-X', 'CNY', '--format', 'csv']);
    expect(r.code).toBe(0);
    // cny −710.00 − 390.00 = −1100.00; usd 100 × 7.10 = 710.00; eur stays 50 EUR; total CNY −1100.00 + 710.00 = −390.00, and 50 EUR
    expect(r.stdout).toBe('account,commodity,balance\nassets:bank:cny,CNY,-1100.00\nassets:bank:eur,EUR,50\nassets:bank:usd,CNY,710.00\ntotal,CNY,-390.00\ntotal,EUR,50\n');
    expect(r.stderr.split('\n')[0]).toBe('warning: -X CNY: no price converts EUR to CNY on or before 2026-01-31; EUR amounts are shown in EUR');
    const all = await run(['-C', ws, '--as-of', '2026-01-31', 'ledger', 'balance', 'usd', '--flat', '-X', 'CNY']);
    expect([all.code, all.stderr]).toEqual([0, '']);
  });
});

describe('--period: one shorthand for --begin/--end', () => {
  it('report margin --period 2026-Q3 = --begin 2026-07-01 --end 2026-10-01', async () => {
    const p = await run(at('report', 'margin', '--by', 'customer', '--period', '2026-Q3', '--format', 'json'));
    const be = await run(at('report', 'margin', '--by', 'customer', '--begin', '2026-07-01', '--end', '2026-10-01', '--format', 'json'));
    expect(p.code).toBe(0);
    expect(p.stdout).toBe(be.stdout);
    const j = JSON.parse(p.stdout);
    expect([j.begin, j.end]).toEqual(['2026-07-01', '2026-10-01']);
  });
  it('ledger reports: a month, a year, an ISO week', async () => {
    for (const [period, begin, end] of [
      ['2026-10', '2026-10-01', '2026-11-01'],
      ['2026', '2026-01-01', '2027-01-01'],
      ['2026-W42', '2026-10-12', '2026-10-19'], // Monday 12 October to Sunday 18 October
    ]) {
      for (const cmd of ['balance', 'register', 'income-statement']) {
        const p = await run(at('ledger', cmd, '--period', period!, '--format', 'csv'));
        const be = await run(at('ledger', cmd, '--begin', begin!, '--end', end!, '--format', 'csv'));
        expect([p.code, p.stdout]).toEqual([0, be.stdout]);
      }
    }
  });
  it('refused with --begin or --end, or when it is not a period (exit 2)', async () => {
    const both = await run(at('report', 'margin', '--period', '2026-Q3', '--begin', '2026-07-01'));
    expect([both.code, both.stderr]).toEqual([2, 'bizctl: give --period or --begin/--end, not both\n  hint: --period 2026-Q3 is --begin 2026-07-01 --end 2026-10-01\n']);
    const bad = await run(at('ledger', 'balance', '--period', '2026-Q5'));
    expect([bad.code, bad.stderr]).toEqual([2, 'bizctl: --period "2026-Q5" is not a period\n  hint: write a month (2026-10), a quarter (2026-Q3), a year (2026) or an ISO week (2026-W42)\n']);
    expect((await run(at('ar', 'statement', 'C0012', '--period', '2026-10', '--end', '2026-11-01'))).code).toBe(2);
  });
  it('ar statement takes --end (exclusive; default: closes on --as-of) and --period', async () => {
    // C0012: INV-2026-0091 of 09-03 (80 × 500.00 + 13% = 45200.00, due 10-03), paid by PAY-2026-0027 on 10-08.
    const oct = await run(at('ar', 'statement', 'C0012', '--period', '2026-10', '--format', 'json'));
    expect(oct.stdout).toBe((await run(['-C', FURNITURE, '--as-of', '2026-10-31', 'ar', 'statement', 'C0012', '--begin', '2026-10-01', '--format', 'json'])).stdout);
    const o = JSON.parse(oct.stdout).statements[0];
    expect([o.begin, o.end, o.opening, o.lines.map((l: { id: string }) => l.id), o.closing]).toEqual(['2026-10-01', '2026-10-31', '45200.00', ['PAY-2026-0027'], '0.00']);
    // Closing on 10-07, before the payment: 45200.00 still open, 4 days past due (bucket 1-30).
    const r = await run(at('ar', 'statement', 'C0012', '--begin', '2026-10-01', '--end', '2026-10-08', '--format', 'json'));
    const j = JSON.parse(r.stdout);
    expect([j.statements[0].end, j.statements[0].lines, j.statements[0].closing]).toEqual(['2026-10-07', [], '45200.00']);
    expect(j.aging[0].total).toBe('45200.00');
    expect(j.aging[0].columns['1-30']).toBe('45200.00');
  });
});

describe('--help has examples for every command', () => {
  it('every leaf command prints an Examples: block', async () => {
    const { buildProgram } = await import('../src/cli/main.js');
    type Cmd = { name(): string; commands: readonly Cmd[] };
    const program = buildProgram((await import('../src/cli/io.js')).processIO(), { code: 0 }) as unknown as Cmd;
    const leaves: string[][] = [];
    const walk = (c: Cmd, path: string[]) => {
      for (const s of c.commands) (s.commands.length ? walk(s, [...path, s.name()]) : leaves.push([...path, s.name()]));
    };
    walk(program, []);
    expect(leaves.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const l of leaves) {
      const r = await run([...l, '--help']);
      if (r.code !== 0 || !/\nExamples?:\n {2}bizctl /.test(r.stdout)) missing.push(l.join(' '));
    }
    expect(missing).toEqual([]);
  });
  it('the ledger reports show their own examples; crm add activity says "an activity"', async () => {
    for (const cmd of ['balance', 'register', 'trial-balance', 'income-statement', 'balance-sheet', 'print']) {
      const r = await run(['ledger', cmd, '--help']);
      expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n  bizctl ledger ${cmd} `));
    }
    const add = await run(['crm', 'add', 'activity', '--help']);
    expect(add.stdout).toContain('add an activity; the id is the next free one');
    expect((await run(['crm', 'add', 'deal', '--help'])).stdout).toContain('add a deal; the id');
  });
});

describe('date hints in imports', () => {
  const RULES = 'bank_account: assets:bank:icbc\ncolumns:\n  date: date\n  description: text\n  amount: amount\ndefault_account: income:other\n';
  const bank = (stmt: string) =>
    workspace({ 'bizctl.yaml': 'base_currency: CNY\nfinance:\n  bank: assets:bank:icbc\n', 'bank.rules.yaml': RULES, 'stmt.csv': `date,text,amount\n${stmt}\n` });
  const hintOf = (stderr: string) => stderr.split('\n').find((l) => l.includes('hint:') && !l.includes('nothing'))!.trim();
  it('import-bank: an impossible date says it does not exist, no order setting', async () => {
    const r = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: bank('2026-11-31,x,1.00') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stmt.csv:2:1: error[bad-date]: "2026-11-31" is not a date');
    expect(hintOf(r.stderr)).toBe('hint: this date does not exist: November 2026 has 30 days; check the file');
  });
  it('import-bank: the order is suggested only when another order reads the text', async () => {
    const day = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: bank('13/10/2026,x,1.00') });
    expect(hintOf(day.stderr)).toBe('hint: set dates: { order: dmy } in the rules to read it as 13 October 2026 (docs/import.md)');
    const both = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: bank('03/10/2026,x,1.00') });
    expect(hintOf(both.stderr)).toBe('hint: day and month could be either way round: set dates: { order: dmy } in the rules to read it as 3 October 2026, or { order: mdy } for 10 March 2026 (docs/import.md)');
    const neither = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: bank('31/11/2026,x,1.00') });
    expect(hintOf(neither.stderr)).toBe('hint: this date does not exist: November 2026 has 30 days; check the file');
  });
  it('import: 03/10/2026 points at the map\'s dates: { order }, 2026-02-29 does not exist', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C0001\n  name: A\n', 'in.csv': 'name,created\nB,03/10/2026\nC,2026-02-29\n', 'map.yaml': 'dates: { order: mdy }\n' });
    const r = await run(['import', 'customers', 'in.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    const hints = r.stderr.split('\n').filter((l) => l.startsWith('  hint:'));
    expect(hints.slice(0, 2)).toEqual([
      '  hint: day and month could be either way round: set dates: { order: dmy } in an import map (--map FILE) to read it as 3 October 2026, or { order: mdy } for 10 March 2026 (docs/import.md)',
      '  hint: this date does not exist: February 2026 has 28 days; check the file',
    ]);
    // With a map reading month first, 03/10/2026 is 10 March: only the impossible date is left.
    const m = await run(['import', 'customers', 'in.csv', '--map', 'map.yaml', '--dry-run', '--format', 'json'], { cwd: ws });
    expect(JSON.parse(m.stdout).map((a: { action: string }) => a.action)).toEqual(['create', 'invalid']);
    expect(m.stderr).toContain('in.csv:3:3: error[bad-date]: created of row 3 is not a valid date: "2026-02-29"');
  });
});

describe('import --skip-invalid allocates ids only to created records', () => {
  it('C0041, the invalid row gets none, then C0042', async () => {
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'crm/customers.yaml': '- id: C0040\n  name: A\n',
      'in.csv': 'name,created\nB,2026-10-01\nC,2026-11-31\nD,2026-10-02\n',
    });
    const r = await run(['import', 'customers', 'in.csv', '--skip-invalid', '--format', 'json'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((a: { rows: number[]; action: string; id: string }) => `${a.rows[0]} ${a.action} ${a.id}`)).toEqual(['2 create C0041', '3 invalid ', '4 create C0042']);
    expect(readFileSync(join(ws, 'crm/customers.yaml'), 'utf8')).toBe('- id: C0040\n  name: A\n- id: C0041\n  name: B\n  kind: company\n  status: active\n  created: 2026-10-01\n- id: C0042\n  name: D\n  kind: company\n  status: active\n  created: 2026-10-02\n');
    expect(readFileSync(join(ws, 'in.csv.rejects.csv'), 'utf8').split('\n')[1]).toBe('C,2026-11-31,"created of row 3 is not a valid date: ""2026-11-31"""');
    // The next record added takes C0043: nothing was skipped.
    const next = await run(['--format', 'json', 'crm', 'add', 'customer', '--name', 'E'], { cwd: ws });
    expect(JSON.parse(next.stdout).id).toBe('C0043');
  });
});

describe('ls deals shows the amount of deals priced by their lines', () => {
  it('the sum of qty × price × (1 − discount), as the CRM reports count it', async () => {
    const r = await run(at('ls', 'deals', '--format', 'csv'));
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    const col = header!.split(',').indexOf('amount');
    const amount = (id: string) => rows.find((x) => x.startsWith(`${id},`))!.split(',')[col];
    expect(amount('D-2026-0017')).toBe('80400.00'); // 30 × 2680.00
    expect(amount('D-2026-0020')).toBe('4060.00'); // 2680.00 + 1380.00
    expect(amount('D-2026-0005')).toBe('75464.00'); // 4 × 11000.00 + 24 × 1380.00 × 0.95 = 44000 + 31464
    expect(amount('D-2026-0018')).toBe('380000.00'); // its own amount
    const table = await run(at('ls', 'deals', '--where', 'id=D-2026-0017'));
    expect(table.stdout.split('\n')[2]).toMatch(/ qualified +80400\.00$/);
    const where = await run(at('ls', 'deals', '--where', 'amount=80400.00', '--format', 'json'));
    expect(JSON.parse(where.stdout).map((d: { id: string; amount: string }) => `${d.id} ${d.amount}`)).toEqual(['D-2026-0017 80400.00']);
  });
});

describe('check --format csv prints the diagnostics as CSV', () => {
  const files = {
    'bizctl.yaml': 'base_currency: CNY\n',
    'crm/customers.yaml': '- id: C1\n  name: A\n  created: 2026-02-30\n- id: C2\n  name: B\n  colour: red\n',
  };
  it('one row per diagnostic: file,line,col,severity,code,message,hint; exit 1 on errors', async () => {
    const ws = workspace(files);
    const r = await run(['-C', ws, 'check', '--format', 'csv']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('file,line,col,severity,code,message,hint');
    // "  created: " is 11 characters: the date starts in column 12 of line 3; "colour" starts line 6, column 3.
    expect(lines[1]).toBe('crm/customers.yaml,3,12,error,bad-date,"created of customer C1 is not a valid date: ""2026-02-30""","write dates as YYYY-MM-DD, e.g. 2026-10-03, and check the day exists in that month"');
    expect(lines[2]!.startsWith('crm/customers.yaml,6,3,error,unknown-field,"unknown field ""colour"" in customer C2","known fields: id, name,')).toBe(true);
    expect(lines.length).toBe(4); // and the final newline
    expect(r.stderr).toBe('FAILED: 1 file, 0 records, 2 errors, 0 warnings\n');
    const tsv = await run(['-C', ws, 'check', '--format', 'tsv']);
    expect(tsv.stdout.split('\n')[1]!.split('\t').slice(0, 5)).toEqual(['crm/customers.yaml', '3', '12', 'error', 'bad-date']);
    // The same diagnostics as the JSON form.
    const json = JSON.parse((await run(['-C', ws, 'check', '--format', 'json'])).stdout);
    expect(json.diagnostics.map((d: { line: number; code: string }) => `${d.line} ${d.code}`)).toEqual(['3 bad-date', '6 unknown-field']);
  });
  it('a clean workspace: the header only, exit 0; -o writes the file', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C1\n  name: A\n' });
    const r = await run(['-C', ws, 'check', '--format', 'csv']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'file,line,col,severity,code,message,hint\n', 'ok: 1 file, 1 record, 0 errors, 0 warnings\n']);
    const bad = workspace(files);
    const o = await run(['-C', bad, 'check', '-o', join(bad, 'diags.csv')]);
    expect([o.code, o.stdout]).toEqual([1, '']);
    expect(readFileSync(join(bad, 'diags.csv'), 'utf8').split('\n')[1]!.startsWith('crm/customers.yaml,3,12,error,bad-date,')).toBe(true);
  });
});

describe('--encoding utf8 on a file that is not UTF-8', () => {
  // "name,city\nB,上海\nC,上海\n" with 上海 in GBK: 上 C9 CF, 海 BA A3. C9 opens a two-byte UTF-8 sequence
  // that CF cannot continue: the first invalid byte is line 2, column 3 (after "B,").
  const gbk = Buffer.from([...Buffer.from('name,city\nB,'), 0xc9, 0xcf, 0xba, 0xa3, ...Buffer.from('\nC,'), 0xc9, 0xcf, 0xba, 0xa3, 0x0a]);
  it('import: a bad-encoding error at the first invalid byte, hint --encoding gbk, exit 1', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C0001\n  name: A\n' });
    writeFileSync(join(ws, 'gbk.csv'), gbk);
    const before = snapshotDir(ws);
    const r = await run(['import', 'customers', 'gbk.csv', '--encoding', 'utf8'], { cwd: ws });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'gbk.csv:2:3: error[bad-encoding]: gbk.csv is not valid UTF-8, as --encoding utf8 says it is\n' +
        '  hint: a Chinese Excel export is usually GBK: use --encoding gbk, or leave --encoding out to detect it\n' +
        'bizctl: nothing was imported\n',
    );
    expect(snapshotDir(ws)).toEqual(before);
    const ok = await run(['import', 'customers', 'gbk.csv', '--encoding', 'gbk', '--dry-run', '--format', 'json'], { cwd: ws });
    expect(JSON.parse(ok.stdout).map((a: { action: string; id: string }) => `${a.action} ${a.id}`)).toEqual(['create C0002', 'create C0003']);
  });
  it('the first invalid byte: columns count characters, overlong forms, surrogates and a cut-off end are invalid', async () => {
    const { invalidUtf8At } = await import('../src/import/encoding.js');
    const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    expect(invalidUtf8At(b('\ufeff上海,ok\n'))).toBeNull();
    expect(invalidUtf8At(b('上海,', [0xff]))).toEqual({ line: 1, col: 4 }); // 上 海 , are 3 characters (9 bytes)
    expect(invalidUtf8At(b('a\nb\nxy', [0xc0, 0xaf]))).toEqual({ line: 3, col: 3 }); // overlong "/"
    expect(invalidUtf8At(b([0xed, 0xa0, 0x80]))).toEqual({ line: 1, col: 1 }); // U+D800, a surrogate
    expect(invalidUtf8At(b('ab', [0xe4, 0xb8]))).toEqual({ line: 1, col: 3 }); // 上 cut after two of its three bytes
  });
  it('ledger import-bank too; valid UTF-8 (with a BOM) is still read', async () => {
    const ws = workspace({
      'bizctl.yaml': 'base_currency: CNY\nfinance:\n  bank: assets:bank:icbc\n',
      'bank.rules.yaml': 'bank_account: assets:bank:icbc\ncolumns:\n  date: date\n  description: text\n  amount: amount\ndefault_account: income:other\n',
    });
    writeFileSync(join(ws, 'stmt.csv'), Buffer.from([...Buffer.from('date,text,amount\n2026-11-02,'), 0xc9, 0xcf, 0xba, 0xa3, ...Buffer.from(',1.00\n')]));
    const r = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml', '--encoding', 'utf8'], { cwd: ws });
    expect([r.code, r.stderr.split('\n')[0], r.stderr.trimEnd().split('\n').pop()]).toEqual([1, 'stmt.csv:2:12: error[bad-encoding]: stmt.csv is not valid UTF-8, as --encoding utf8 says it is', 'bizctl: nothing was recorded']);
    writeFileSync(join(ws, 'stmt.csv'), '\ufeffdate,text,amount\n2026-11-02,上海,1.00\n');
    const ok = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml', '--encoding', 'utf8', '--dry-run'], { cwd: ws });
    expect(ok.code).toBe(0);
  });
});
