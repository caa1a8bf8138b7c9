// Deterministic data generators for benchmarks (no Math.random: a fixed LCG).
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';

export function lcg(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export const ACCOUNTS = (() => {
  const out = [];
  for (let i = 1; i <= 8; i++) out.push(['assets:bank:b' + i, 'asset']);
  for (let i = 1; i <= 6; i++) out.push(['assets:receivable:r' + i, 'asset']);
  for (let i = 1; i <= 6; i++) out.push(['liabilities:payable:p' + i, 'liability']);
  out.push(['equity:capital', 'equity']);
  for (let i = 1; i <= 12; i++) out.push(['income:sales:s' + i, 'income']);
  for (let i = 1; i <= 17; i++) out.push(['expenses:cost:c' + i, 'expense']);
  return out; // 50 accounts
})();

function dateOf(i, n) {
  // spread over three years 2024-01-01 .. 2026-12-31, non-decreasing
  const day = Math.floor((i / n) * 1096);
  const d = new Date(Date.UTC(2024, 0, 1 + day));
  return d.toISOString().slice(0, 10);
}

/** A journal of `n` transactions with 2-4 postings each, as bizctl CSV and as hledger text. */
export async function genJournal(dir, n, { hledger = true } = {}) {
  mkdirSync(join(dir, 'finance'), { recursive: true });
  writeFileSync(join(dir, 'bizctl.yaml'), 'base_currency: CNY\n');
  writeFileSync(join(dir, 'finance', 'accounts.csv'), 'id,type\n' + ACCOUNTS.map(([a, t]) => `${a},${t}`).join('\n') + '\n');
  const rnd = lcg(7);
  const csv = createWriteStream(join(dir, 'finance', 'journal.csv'));
  const hl = hledger ? createWriteStream(join(dir, 'journal.hledger')) : null;
  csv.write('id,date,description,account,amount\n');
  let postings = 0;
  const w = async (s, t) => {
    if (!s.write(t)) await new Promise((r) => s.once('drain', r));
  };
  for (let i = 0; i < n; i++) {
    const date = dateOf(i, n);
    const k = 2 + Math.floor(rnd() * 3);
    const amts = [];
    let sum = 0;
    for (let j = 0; j < k - 1; j++) {
      const cents = 1 + Math.floor(rnd() * 5_000_000);
      amts.push(cents);
      sum += cents;
    }
    amts.push(-sum);
    const id = 'T' + i;
    let c = '';
    let h = `${date} txn ${i}\n`;
    for (let j = 0; j < k; j++) {
      const acc = ACCOUNTS[Math.floor(rnd() * ACCOUNTS.length)][0];
      const a = (amts[j] / 100).toFixed(2);
      c += `${id},${date},txn ${i},${acc},${a}\n`;
      h += `    ${acc}  ${a} CNY\n`;
    }
    postings += k;
    await w(csv, c);
    if (hl) await w(hl, h + '\n');
  }
  await new Promise((r) => csv.end(r));
  if (hl) await new Promise((r) => hl.end(r));
  return { transactions: n, postings };
}

/** Generate exactly `target` postings (approximately: transactions until reached). */
export async function genJournalPostings(dir, target) {
  // average 3 postings per transaction
  return genJournal(dir, Math.round(target / 3), { hledger: false });
}

export function genCustomers(dir, n) {
  mkdirSync(join(dir, 'crm'), { recursive: true });
  const rnd = lcg(11);
  const cities = ['上海', '北京', '深圳', '杭州', '苏州', '成都', '武汉', '南京'];
  const lines = ['id,name,city,phone,email,created'];
  for (let i = 0; i < n; i++) {
    const id = 'C' + String(i).padStart(6, '0');
    const city = cities[Math.floor(rnd() * cities.length)];
    lines.push(`${id},${city}客户${i}有限公司,${city},1${String(3000000000 + i).padStart(10, '0')},c${i}@example.cn,2025-0${1 + (i % 9)}-1${i % 10}`);
  }
  writeFileSync(join(dir, 'crm', 'customers.csv'), lines.join('\n') + '\n');
}
