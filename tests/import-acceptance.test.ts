import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

/**
 * Issue 8's acceptance: a messy 500-row CRM export and a three-month bank
 * statement go into a copy of the example company; a second run changes
 * nothing; `bizctl check` passes afterwards. Counts are derived from how the
 * rows are generated below, not from the program.
 */
const MAP = `columns:
  name: 客户名称
  phone: [联系电话, 手机]
  email: 邮箱
  province: 省份
  city: 城市
  kind: 客户类型
  created: 创建时间
  credit_limit: 信用额度
  owner: 负责人
  source: 来源活动
values:
  kind: { 企业: company, 个人: person, 公司: company }
`;

function exportCsv(existing: { name: string; phone: string }[]): string {
  const rows = ['客户名称,联系电话,邮箱,省份,城市,客户类型,创建时间,信用额度,负责人,来源活动'];
  const owners = ['李娜', '张伟', '刘洋', '', 'E003'];
  const dates = (i: number) => [`2026年${1 + (i % 9)}月${1 + (i % 27)}日`, `2026/${1 + (i % 9)}/${1 + (i % 27)}`, `2026-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`][i % 3];
  const money = (i: number) => ['', `"${(i * 1000).toLocaleString('en-US')}.50"`, `¥${i * 10}`][i % 3];
  // rows 2..436: 435 new customers
  for (let i = 0; i < 435; i++) {
    const phone = i % 2 ? `138 ${String(1000 + i).padStart(4, '0')} ${String(2000 + i).padStart(4, '0')}` : `+86 139${String(10000000 + i)}`;
    rows.push(`新客户${i}贸易有限公司,${phone},,浙江,杭州,${['企业', '公司', '个人'][i % 3]},${dates(i)},${money(i)},${owners[i % 5]},${i % 7 === 0 ? '抖音短视频推广' : ''}`);
  }
  // rows 437..476: 40 existing customers by phone (written without separators); 10 of them moved city
  existing.slice(0, 40).forEach((c, k) => rows.push(`${c.name},${c.phone.replace(/[\s-]/g, '')},,,${k < 10 ? '苏州' : ''},,,,,`));
  // rows 477..496: 20 repeats of rows 2..21 (same phone, other spacing)
  for (let i = 0; i < 20; i++) {
    const phone = i % 2 ? `138${String(1000 + i).padStart(4, '0')}${String(2000 + i).padStart(4, '0')}` : `0086139${String(10000000 + i)}`;
    rows.push(`新客户${i}贸易有限公司（重复）,${phone},,,,,,,,`);
  }
  // rows 497..501: 5 invalid
  rows.push('坏日期客户,13700000001,,,,企业,2026年2月30日,,,');
  rows.push('坏金额客户,13700000002,,,,企业,,abc,,');
  rows.push('未知负责人,13700000003,,,,企业,,,查无此人,');
  rows.push('未知类型,13700000004,,,,工厂,,,,');
  rows.push(',13700000005,,,,企业,,,,');
  return rows.join('\r\n') + '\r\n';
}

describe('issue 8 acceptance on a copy of the example company', () => {
  it('imports a messy 500-row CRM export; the second run changes nothing', async () => {
    const ws = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const existing = JSON.parse((await run(['-C', ws, '--format', 'json', 'ls', 'customers'])).stdout) as { name: string; phone?: string; city?: string }[];
    const withPhone = existing.filter((c): c is { name: string; phone: string; city?: string } => typeof c.phone === 'string');
    expect(withPhone.length).toBeGreaterThanOrEqual(40);
    // the first 10 matches get 苏州 as their city; those already in 苏州 stay unchanged
    const already = withPhone.slice(0, 10).filter((c) => c.city === '苏州').length;
    writeFileSync(join(ws, 'export.csv'), '\ufeff' + exportCsv(withPhone));
    writeFileSync(join(ws, 'map.yaml'), MAP);
    const r = await run(['--format', 'json', 'import', 'customers', 'export.csv', '--map', 'map.yaml', '--key', 'phone,email', '--mode', 'upsert', '--skip-invalid'], { cwd: ws });
    expect(r.code).toBe(0);
    const count = (a: { action: string }[], k: string) => a.filter((x) => x.action === k).length;
    const actions = JSON.parse(r.stdout);
    expect(count(actions, 'create')).toBe(435);
    expect(count(actions, 'update')).toBe(10 - already);
    expect(count(actions, 'unchanged')).toBe(30 + already);
    expect(count(actions, 'skipped')).toBe(20);
    expect(count(actions, 'invalid')).toBe(5);
    expect(readFileSync(join(ws, 'export.csv.rejects.csv'), 'utf8').split('\n').filter(Boolean).length).toBe(6); // header + 5
    const chk = await run(['check'], { cwd: ws });
    expect(chk.code).toBe(0);
    const before = snapshotDir(ws);
    const again = await run(['--format', 'json', 'import', 'customers', 'export.csv', '--map', 'map.yaml', '--key', 'phone,email', '--mode', 'upsert', '--skip-invalid'], { cwd: ws });
    const a2 = JSON.parse(again.stdout);
    expect(count(a2, 'create') + count(a2, 'update')).toBe(0);
    expect(count(a2, 'unchanged')).toBe(475); // 435 created + 40 existing
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('imports a three-month bank statement; the second run records nothing', async () => {
    const ws = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const aging = JSON.parse((await run(['-C', ws, '--as-of', '2026-11-16', '--format', 'json', 'ar', 'aging', '--detail'])).stdout);
    const open = (aging.items as { document: string; kind: string; open: string; party: string }[]).filter((i) => i.kind === 'invoice').slice(0, 2);
    const lines = ['交易日期,摘要,收入,支出,流水号,对方户名'];
    for (const m of ['2026-12', '2027-01', '2027-02']) {
      lines.push(`${m}-01,${m} 厂房租金,,"45,000.00",R${m},园区`);
      lines.push(`${m}-05,跨行汇款手续费,,12.50,F${m},`);
      lines.push(`${m}-20,利息收入,3.21,,I${m},`);
    }
    open.forEach((i, k) => lines.push(`2026-12-1${k},货款 ${i.document},${i.open},,P${k},客户`));
    writeFileSync(join(ws, 'stmt.csv'), lines.join('\n') + '\n');
    writeFileSync(join(ws, 'bank.rules.yaml'), 'bank_account: assets:bank:icbc\ncolumns: { date: 交易日期, description: 摘要, credit: 收入, debit: 支出, reference: 流水号, counterparty: 对方户名 }\nrules:\n  - match: { description: 租金 }\n    account: expenses:rent\n  - match: { description: 手续费 }\n    account: expenses:bank-fees\n  - match: { description: 利息 }\n    account: expenses:bank-fees\n');
    const r = await run(['--format', 'json', 'ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(r.stderr).toContain('recorded 2 payments, 9 journal entries, 0 already imported');
    expect(r.code).toBe(0);
    // the two invoices are settled as of the last statement date
    const after = JSON.parse((await run(['-C', ws, '--as-of', '2027-02-28', '--format', 'json', 'ar', 'aging', '--detail'])).stdout);
    for (const i of open) expect(after.items.some((x: { document: string }) => x.document === i.document)).toBe(false);
    expect((await run(['check'], { cwd: ws })).code).toBe(0);
    const before = snapshotDir(ws);
    const again = await run(['ledger', 'import-bank', 'stmt.csv', '--rules', 'bank.rules.yaml'], { cwd: ws });
    expect(again.stderr).toContain('recorded 0 payments, 0 journal entries, 11 already imported');
    expect(snapshotDir(ws)).toEqual(before);
  });
});
