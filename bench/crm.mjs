// Benchmark: CRM segmentation over 100,000 customers + 2,000,000 invoices (CSV, one line each),
// and the pipeline over 200,000 deals (CSV, amount only) with 200,000 activities.
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { lcg } from './gen.mjs';
import { fmtRow, timed } from './measure.mjs';

const OWNERS = Array.from({ length: 40 }, (_, i) => 'E' + String(i + 1).padStart(3, '0'));
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

async function write(stream, text) {
  if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
}

function dayOf(i, n, days = 1096) {
  // spread over three years 2024-01-01 … 2026-12-31, non-decreasing
  const d = new Date(Date.UTC(2024, 0, 1 + Math.floor((i / n) * days)));
  return d.toISOString().slice(0, 10);
}

function customers(dir, n) {
  mkdirSync(join(dir, 'crm'), { recursive: true });
  const rows = ['id,name,owner,city,created'];
  for (let i = 0; i < n; i++) rows.push(`C${String(i).padStart(6, '0')},客户${i}有限公司,${OWNERS[i % OWNERS.length]},上海,2023-06-01`);
  writeFileSync(join(dir, 'crm', 'customers.csv'), rows.join('\n') + '\n');
}

export async function genInvoices(dir, customersN, invoicesN) {
  writeFileSync(join(dir, 'bizctl.yaml'), 'base_currency: CNY\n');
  customers(dir, customersN);
  mkdirSync(join(dir, 'finance'), { recursive: true });
  const rnd = lcg(23);
  const s = createWriteStream(join(dir, 'finance', 'invoices.csv'));
  await write(s, 'id,customer,date,qty,price,tax_rate\n');
  let chunk = '';
  for (let i = 0; i < invoicesN; i++) {
    // skewed customers (a few buy a lot), dates non-decreasing
    const c = Math.floor(customersN * rnd() * rnd());
    const qty = 1 + Math.floor(rnd() * 20);
    const price = (100 + Math.floor(rnd() * 500000) / 100).toFixed(2);
    chunk += `INV${String(i).padStart(8, '0')},C${String(c).padStart(6, '0')},${dayOf(i, invoicesN)},${qty},${price},13%\n`;
    if (chunk.length > 1 << 16) {
      await write(s, chunk);
      chunk = '';
    }
  }
  await write(s, chunk);
  await new Promise((r) => s.end(r));
}

/** `dealsN` deals created over 1,000 days up to 2026-09-27: older than 120 days are won or lost, newer ones open. */
export async function genDeals(dir, customersN, dealsN) {
  writeFileSync(join(dir, 'bizctl.yaml'), 'base_currency: CNY\n');
  customers(dir, customersN);
  const rnd = lcg(31);
  const d = createWriteStream(join(dir, 'crm', 'deals.csv'));
  const a = createWriteStream(join(dir, 'crm', 'activities.csv'));
  await write(d, 'id,title,customer,owner,stage,amount,probability,created,expected_close,closed,lost_reason\n');
  await write(a, 'id,date,kind,customer,deal,owner,subject,due,done\n');
  const day = (n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
  let dc = '';
  let ac = '';
  for (let i = 0; i < dealsN; i++) {
    const id = `D${String(i).padStart(7, '0')}`;
    const cust = `C${String(Math.floor(rnd() * customersN)).padStart(6, '0')}`;
    const owner = OWNERS[Math.floor(rnd() * OWNERS.length)];
    const createdN = Math.floor((i / dealsN) * 1000);
    const open = createdN > 1000 - 120;
    const stage = open ? STAGES[Math.floor(rnd() * 4)] : rnd() < 0.4 ? 'won' : 'lost';
    const close = day(createdN + 30 + Math.floor(rnd() * 90));
    const prob = rnd() < 0.1 ? '35%' : '';
    const amount = (1000 + Math.floor(rnd() * 50000000) / 100).toFixed(2);
    dc += `${id},deal ${i},${cust},${owner},${stage},${amount},${prob},${day(createdN)},${close},${open ? '' : close},${stage === 'lost' ? 'price' : ''}\n`;
    ac += `A${String(i).padStart(7, '0')},${day(createdN + Math.floor(rnd() * 20))},call,${cust},${id},${owner},call ${i},,true\n`;
    if (dc.length > 1 << 16) {
      await write(d, dc);
      await write(a, ac);
      dc = ac = '';
    }
  }
  await write(d, dc);
  await write(a, ac);
  await new Promise((r) => d.end(r));
  await new Promise((r) => a.end(r));
}

export async function benchCrm(out, bin) {
  const rows = [];
  const seg = join(out, 'crm-segment');
  if (!existsSync(join(seg, 'finance', 'invoices.csv'))) {
    mkdirSync(seg, { recursive: true });
    await genInvoices(seg, 100_000, 2_000_000);
    console.error(`generated ${seg}: 100,000 customers, 2,000,000 invoices`);
  }
  console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes on the machine slow the wall times; user CPU is steadier)`);
  const base = timed(['node', bin, '-C', seg, 'check']);
  rows.push({ name: 'check alone (load + validate): same workspace', ...base });
  console.log(fmtRow(rows[rows.length - 1]));
  for (const cmd of [['segment', 'rfm'], ['segment', 'abc']]) {
    const r = timed(['node', bin, '-C', seg, '--as-of', '2026-12-31', '--format', 'csv', '-o', join(out, `crm-${cmd[1]}.csv`), 'crm', ...cmd]);
    rows.push({ name: `crm ${cmd.join(' ')}: 100k customers, 2M invoices`, ...r });
    console.log(fmtRow(rows[rows.length - 1]));
    if (r.status !== 0) console.log(r.stderr);
  }
  const pipe = join(out, 'crm-pipeline');
  if (!existsSync(join(pipe, 'crm', 'deals.csv'))) {
    mkdirSync(pipe, { recursive: true });
    await genDeals(pipe, 20_000, 200_000);
    console.error(`generated ${pipe}: 20,000 customers, 200,000 deals, 200,000 activities`);
  }
  const pbase = timed(['node', bin, '-C', pipe, 'check']);
  rows.push({ name: 'check alone (load + validate): 200k deals + 200k activities', ...pbase });
  console.log(fmtRow(rows[rows.length - 1]));
  for (const [name, fmt] of [['crm pipeline (table)', 'table'], ['crm pipeline --format json (all sections)', 'json']]) {
    const r = timed(['node', bin, '-C', pipe, '--as-of', '2026-09-27', '--format', fmt, '-o', join(out, `crm-pipeline.${fmt === 'json' ? 'json' : 'txt'}`), 'crm', 'pipeline']);
    rows.push({ name: `${name}: 200k deals, 200k activities`, ...r });
    console.log(fmtRow(rows[rows.length - 1]));
    if (r.status !== 0) console.log(r.stderr);
  }
  return rows;
}
