// Benchmark: load and check a workspace with a 1,000,000-posting CSV journal and 100,000 customers.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { genCustomers, genJournalPostings } from './gen.mjs';
import { timed, fmtRow } from './measure.mjs';

export async function benchLoad(out, bin) {
  const rows = [];
  for (const [postings, customers] of [[100_000, 10_000], [1_000_000, 100_000]]) {
    const dir = join(out, `load-${postings}`);
    if (!existsSync(join(dir, 'finance', 'journal.csv'))) {
      mkdirSync(dir, { recursive: true });
      const j = await genJournalPostings(dir, postings);
      genCustomers(dir, customers);
      console.error(`generated ${dir}: ${j.postings} postings in ${j.transactions} entries, ${customers} customers`);
    }
    const r = timed(['node', bin, '-C', dir, 'check']);
    rows.push({ name: `check ${postings} postings + ${customers} customers`, ...r });
    console.log(fmtRow(rows[rows.length - 1]));
  }
  return rows;
}
