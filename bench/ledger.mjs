// Benchmark: `bizctl ledger balance` against `hledger bal` and `ledger bal` on the same journal.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { genJournal } from './gen.mjs';
import { timed, fmtRow } from './measure.mjs';

const have = (cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;

export async function benchLedger(out, bin, sizes = [100_000, 1_000_000]) {
  const rows = [];
  for (const n of sizes) {
    const dir = join(out, `ledger-${n}`);
    if (!existsSync(join(dir, 'journal.hledger'))) {
      mkdirSync(dir, { recursive: true });
      const g = await genJournal(dir, n);
      console.error(`generated ${dir}: ${g.transactions} transactions, ${g.postings} postings`);
    }
    const mb = (f) => (statSync(join(dir, f)).size / 1e6).toFixed(0);
    console.log(`\n${n} transactions (CSV ${mb('finance/journal.csv')} MB, hledger text ${mb('journal.hledger')} MB)`);
    const ours = timed(['node', bin, '-C', dir, '--as-of', '2027-01-01', 'ledger', 'balance', '--flat', '--format', 'csv']);
    rows.push({ name: `bizctl ledger balance (${n})`, ...ours });
    console.log(fmtRow(rows[rows.length - 1]));
    for (const [tool, argv] of [
      ['ledger', ['ledger', '-f', join(dir, 'journal.hledger'), 'bal']],
      ['hledger', ['hledger', '-f', join(dir, 'journal.hledger'), 'bal']],
    ]) {
      if (!have(tool)) {
        console.log(`${tool}: not installed (apt-get install ${tool})`);
        continue;
      }
      const r = timed(argv);
      rows.push({ name: `${tool} bal (${n})`, ...r });
      console.log(fmtRow(rows[rows.length - 1]) + `   ratio bizctl/${tool}: time ${(ours.wall / r.wall).toFixed(2)}, memory ${r.rssMB ? (ours.rssMB / r.rssMB).toFixed(2) : 'n/a'}`);
    }
  }
  return rows;
}
