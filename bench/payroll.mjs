// Benchmark: payroll for 10,000 employees × 12 months of attendance with the China preset,
// 1,000 of them salespeople paid commission on 24,000 invoices.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lcg } from './gen.mjs';
import { timed, fmtRow } from './measure.mjs';

const withCpu = (r) => `${fmtRow(r)}  cpu ${r.cpu === null ? 'n/a' : r.cpu.toFixed(2) + ' s'}`;

const here = dirname(fileURLToPath(import.meta.url));
const HOLIDAYS = ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];

/** A workspace with `n` employees, attendance for every month of 2026 and sales for the salespeople. */
export function genPayroll(dir, n) {
  const rnd = lcg(11);
  mkdirSync(join(dir, 'hr', 'attendance'), { recursive: true });
  mkdirSync(join(dir, 'crm'), { recursive: true });
  mkdirSync(join(dir, 'finance'), { recursive: true });
  writeFileSync(join(dir, 'bizctl.yaml'), `base_currency: CNY\ncalendar:\n  workdays: [mon, tue, wed, thu, fri]\n  holidays: [${HOLIDAYS.join(', ')}]\n`);
  copyFileSync(join(here, '..', 'templates', 'manufacturing', 'hr', 'payroll.yaml'), join(dir, 'hr', 'payroll.yaml'));
  const sales = Math.floor(n / 10);
  const emp = ['id,name,hired,base_salary,housing_fund_rate,commission_plan,bank,bank_account'];
  const hfRates = ['5%', '6%', '7%'];
  for (let i = 1; i <= n; i++) {
    const base = (5000 + Math.floor(rnd() * 400) * 100).toFixed(2); // 5,000 – 44,900
    const hired = i % 37 === 0 ? `2026-0${1 + (i % 9)}-1${i % 10}` : '2020-03-01'; // some mid-year joiners
    emp.push(`E${String(i).padStart(5, '0')},员工${i},${hired},${base},${hfRates[i % 3]},${i <= sales ? 'sales-standard' : ''},中国工商银行,62122610${String(i).padStart(11, '0')}`);
  }
  writeFileSync(join(dir, 'hr', 'employees.csv'), emp.join('\n') + '\n');
  const workdays = [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23];
  for (let m = 1; m <= 12; m++) {
    const mm = `2026-${String(m).padStart(2, '0')}`;
    const rows = ['employee,month,days_worked,absence_days,leave_days,sick_days,overtime_weekday,overtime_restday,overtime_holiday'];
    for (let i = 1; i <= n; i++) {
      const r = rnd();
      const absence = r < 0.05 ? 1 : r < 0.08 ? 0.5 : 0;
      const ot = rnd() < 0.3 ? Math.floor(rnd() * 20) : 0;
      const otRest = rnd() < 0.1 ? 8 : 0;
      const otHol = m === 10 && rnd() < 0.05 ? 8 : 0;
      rows.push(`E${String(i).padStart(5, '0')},${mm},${workdays[m - 1] - absence},${absence},0,0,${ot},${otRest},${otHol}`);
    }
    writeFileSync(join(dir, 'hr', 'attendance', `${mm}.csv`), rows.join('\n') + '\n');
  }
  // one customer per salesperson, two invoices a month each
  const cust = ['id,name,owner'];
  for (let i = 1; i <= sales; i++) cust.push(`C${String(i).padStart(5, '0')},客户${i},E${String(i).padStart(5, '0')}`);
  writeFileSync(join(dir, 'crm', 'customers.csv'), cust.join('\n') + '\n');
  const inv = ['id,customer,date,qty,price,tax_rate'];
  let k = 0;
  for (let m = 1; m <= 12; m++) {
    for (let i = 1; i <= sales; i++) {
      for (const day of [8, 22]) {
        k++;
        const qty = 1 + Math.floor(rnd() * 100);
        const price = (100 + Math.floor(rnd() * 2000)).toFixed(2);
        inv.push(`INV-${String(k).padStart(6, '0')},C${String(i).padStart(5, '0')},2026-${String(m).padStart(2, '0')}-${day},${qty},${price},13%`);
      }
    }
  }
  writeFileSync(join(dir, 'finance', 'invoices.csv'), inv.join('\n') + '\n');
  return { employees: n, attendance: n * 12, invoices: k };
}

export async function benchPayroll(out, bin) {
  const n = 10_000;
  const dir = join(out, `payroll-${n}`);
  if (!existsSync(join(dir, 'hr', 'employees.csv'))) {
    const g = genPayroll(dir, n);
    console.error(`generated ${dir}: ${g.employees} employees, ${g.attendance} attendance lines, ${g.invoices} invoices`);
  }
  const rows = [];
  const check = timed(['node', bin, '-C', dir, 'check']);
  rows.push({ name: `check (load only)`, ...check });
  console.log(withCpu(rows[rows.length - 1]));
  let total = 0;
  let cpu = 0;
  let peak = 0;
  for (let m = 1; m <= 12; m++) {
    const mm = `2026-${String(m).padStart(2, '0')}`;
    const r = timed(['node', bin, '-C', dir, 'payroll', 'run', '--period', mm, '--format', 'csv']);
    if (r.status !== 0) throw new Error(`payroll run ${mm} failed: ${r.stderr}`);
    total += r.wall;
    cpu += r.cpu ?? 0;
    peak = Math.max(peak, r.rssMB ?? 0);
    rows.push({ name: `payroll run --period ${mm}`, ...r });
    console.log(withCpu(rows[rows.length - 1]));
  }
  console.log(`${'12 monthly runs, total'.padEnd(48)} ${total.toFixed(2).padStart(7)} s  ${peak.toFixed(0).padStart(6)} MB (peak)  cpu ${cpu.toFixed(2)} s`);
  const year = timed(['node', bin, '-C', dir, 'payroll', 'run', '--period', '2026', '--format', 'csv']);
  if (year.status !== 0) throw new Error(`payroll run 2026 failed: ${year.stderr}`);
  rows.push({ name: 'payroll run --period 2026 (12 months at once)', ...year });
  console.log(withCpu(rows[rows.length - 1]));
  return rows;
}
