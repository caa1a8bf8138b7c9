// npm run bench: generates data under bench/out/ (git-ignored) and prints timings.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLoad } from './load.mjs';
import { benchMrp } from './mrp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const bin = join(here, '..', 'bin', 'bizctl.js');
mkdirSync(out, { recursive: true });

const only = process.argv.slice(2);
const suites = { load: benchLoad, mrp: benchMrp };
for (const [name, fn] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  await fn(out, bin);
}
