import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOKS } from './fixtures/books.js';
import { REPO, run, workspace } from './helpers.js';
import { randomBooks } from './fixtures/random-books.js';

/**
 * hledger as an oracle: `bizctl ledger export --format hledger` must be read
 * by hledger, and `hledger bal --flat` must give the same balance for every
 * account as `bizctl ledger balance --flat`. Skips when hledger is absent
 * (.ci/run installs it, so it runs in CI).
 */
const hledger = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
const HAVE = hledger.status === 0;

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => (l.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).filter((_, i, a) => i < a.length - 1 || a.length === 1));
}

async function compare(ws: string, asOf: string, end: string) {
  const file = join(ws, 'export.journal');
  const exp = await run(['-C', ws, '--as-of', asOf, 'ledger', 'export', '--format', 'hledger', '-o', file]);
  expect(exp.code).toBe(0);
  const ours = await run(['-C', ws, '--as-of', asOf, 'ledger', 'balance', '--flat', '--format', 'csv']);
  expect(ours.code).toBe(0);
  const mine = new Map<string, string>();
  const rows = parseCsv(ours.stdout);
  const header = rows[0]!;
  const hasCommodity = header.includes('commodity');
  for (const r of rows.slice(1)) {
    if (r[0] === 'total') continue;
    const amount = hasCommodity ? `${r[2]} ${r[1]}` : `${r[1]} CNY`;
    mine.set(`${r[0]}|${amount.split(' ')[1]}`, amount);
  }
  const h = spawnSync('hledger', ['-f', file, 'bal', '--flat', '-O', 'csv', '-e', end], { encoding: 'utf8' });
  expect(h.stderr).toBe('');
  const theirs = new Map<string, string>();
  for (const r of parseCsv(h.stdout).slice(1)) {
    if (r[0] === 'total') continue;
    for (const part of r[1]!.split(', ')) theirs.set(`${r[0]}|${part.split(' ')[1]}`, part);
  }
  expect(mine.size).toBeGreaterThan(0);
  expect(new Map([...mine].sort())).toEqual(new Map([...theirs].sort()));
}

describe.skipIf(!HAVE)('hledger oracle', () => {
  it('the small books', async () => {
    await compare(workspace(BOOKS), '2026-02-28', '2026-03-01');
  });
  it('the example company', async () => {
    const ws = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    await compare(ws, '2026-11-16', '2026-11-17');
  });
  it('random books with every document kind', async () => {
    for (const seed of [1, 2, 3]) {
      const ws = workspace(randomBooks(seed, 300));
      const chk = await run(['-C', ws, 'check']);
      expect(chk.stderr).toMatch(/^ok: /);
      await compare(ws, '2027-12-31', '2028-01-01');
    }
  });
  it('hledger accepts the balance assertions it is given', async () => {
    const ws = workspace(BOOKS);
    const file = join(ws, 'x.journal');
    await run(['-C', ws, '--as-of', '2026-02-28', 'ledger', 'export', '--format', 'hledger', '-o', file]);
    const ok = spawnSync('hledger', ['-f', file, 'check'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    // and rejects a wrong one, as bizctl does
    writeFileSync(file, (await import('node:fs')).readFileSync(file, 'utf8').replace('= 7500.00 CNY', '= 7400.00 CNY'));
    const bad = spawnSync('hledger', ['-f', file, 'check'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
