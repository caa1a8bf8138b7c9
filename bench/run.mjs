// npm run bench: generates data under bench/out/ (git-ignored) and prints timings.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCrm } from './crm.mjs';
import { benchLoad } from './load.mjs';
import { benchLedger } from './ledger.mjs';
import { benchImport } from './import.mjs';
import { benchPayroll } from './payroll.mjs';
import { benchMrp } from './mrp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const bin = join(here, '..', 'bin', 'bizctl.js');
mkdirSync(out, { recursive: true });

const only = process.argv.slice(2);
const suites = { load: benchLoad, ledger: benchLedger, import: benchImport, payroll: benchPayroll, crm: benchCrm, mrp: benchMrp };
for (const [name, fn] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  await fn(out, bin);
}
