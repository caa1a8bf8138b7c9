// Benchmark: import 200,000 customer rows with upsert on phone into a workspace of 100,000 customers.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genCustomers } from './gen.mjs';
import { timed, fmtRow } from './measure.mjs';

export async function benchImport(out, bin) {
  const dir = join(out, 'import-200k');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bizctl.yaml'), 'base_currency: CNY\n');
  genCustomers(dir, 100_000);
  // 200,000 rows: the first 100,000 phones exist (written with spaces, so they must be normalised), the rest are new.
  const lines = ['客户名称,手机,城市'];
  for (let i = 0; i < 200_000; i++) {
    const phone = `1${String(3000000000 + i).padStart(10, '0')}`;
    lines.push(`导入客户${i}有限公司,${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)},杭州`);
  }
  writeFileSync(join(dir, 'in.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'map.yaml'), 'columns:\n  name: 客户名称\n  phone: 手机\n  city: 城市\n');
  const r = timed(['node', bin, '-C', dir, '--format', 'csv', '-o', join(dir, 'plan.csv'), 'import', 'customers', join(dir, 'in.csv'), '--map', join(dir, 'map.yaml'), '--key', 'phone', '--mode', 'upsert']);
  const row = { name: 'import 200k rows, upsert on phone (100k exist)', ...r };
  console.log(fmtRow(row));
  console.log('  ' + (r.stderr ?? '').trim().split('\n').pop());
  return [row];
}
