import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, snapshotDir, workspace } from './helpers.js';

const CUSTOMERS = `# 客户 (kept by sales)
- id: C0001
  name: 上海星河科技有限公司   # key account
  phone: 021-6000 1234
  city: 上海
- id: C0002
  name: 星河
  city: 北京
- id: C0003
  name: 星河
  city: 天津
`;

const MAP = `columns:
  name: 客户名称
  phone: [手机, 电话]
  email: 邮箱
  city: 城市
  kind: 类型
  created: 创建日期
  credit_limit: 额度
  source: 来源活动
constants:
  status: active
values:
  kind: { 企业: company, 个人: person }
dates:
  order: dmy
`;

function ws(extra: Record<string, string> = {}) {
  return workspace({
    'bizctl.yaml': 'base_currency: CNY\n',
    'crm/customers.yaml': CUSTOMERS,
    'crm/campaigns.yaml': '- id: CMP-1\n  name: 2026 上海展会\n  start: 2026-09-01\n',
    'map.yaml': MAP,
    ...extra,
  });
}

async function customers(dir: string) {
  return JSON.parse((await run(['-C', dir, '--format', 'json', 'ls', 'customers'])).stdout) as Record<string, string>[];
}

describe('bizctl import: mapping', () => {
  it('renames columns, falls back between columns, maps values, reads Chinese dates and numbers, adds constants, resolves names', async () => {
    const dir = ws({
      'in.csv': '客户名称,手机,电话,邮箱,城市,类型,创建日期,额度,来源活动,备注\n杭州新客户有限公司,,0571-8888 0000,A@B.CN,杭州,企业,2026年10月3日,"1,234.50",2026 上海展会,ignored\n王先生,13800000001,,,苏州,个人,03/10/2026,,,\n',
    });
    const r = await run(['import', 'customers', 'in.csv', '--map', 'map.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ignored columns: 备注');
    expect(r.stderr).toContain('2 created (rows 2, 3), 0 updated, 0 unchanged, 0 skipped, 0 invalid');
    const all = await customers(dir);
    // New ids continue the existing pattern C0001…C0003; the campaign name resolved to its id.
    expect(all.slice(3)).toEqual([
      { id: 'C0004', name: '杭州新客户有限公司', kind: 'company', status: 'active', phone: '0571-8888 0000', email: 'A@B.CN', city: '杭州', source: 'CMP-1', created: '2026-10-03', credit_limit: '1234.50' },
      { id: 'C0005', name: '王先生', kind: 'person', status: 'active', phone: '13800000001', city: '苏州', created: '2026-10-03' },
    ]);
  });
  it('appending keeps every existing line and comment', async () => {
    const dir = ws({ 'in.csv': '客户名称,城市\n新公司,上海\n' });
    await run(['import', 'customers', 'in.csv', '--map', 'map.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'crm/customers.yaml'), 'utf8')).toBe(CUSTOMERS + '- id: C0004\n  name: 新公司\n  kind: company\n  status: active\n  city: 上海\n');
  });
  it('reads GBK (Chinese Excel) exports', async () => {
    const dir = ws();
    // "name\n上海新公司" in GBK: 上 C9CF 海 BAA3 新 D0C2 公 B9AB 司 CBBE
    writeFileSync(join(dir, 'gbk.csv'), Buffer.from([...Buffer.from('name\n'), 0xc9, 0xcf, 0xba, 0xa3, 0xd0, 0xc2, 0xb9, 0xab, 0xcb, 0xbe, 0x0a]));
    const r = await run(['import', 'customers', 'gbk.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await customers(dir)).at(-1)!.name).toBe('上海新公司');
  });
});

describe('bizctl import: bad rows', () => {
  it('reports every problem with the input row and column, and writes nothing', async () => {
    const dir = ws({
      'in.csv': '客户名称,类型,创建日期,额度,来源活动\n,企业,,,\n甲,工厂,,,\n乙,企业,2026年2月30日,1.2.3,\n丙,企业,,,没有这个活动\n',
      'crm/campaigns.yaml': '- id: CMP-1\n  name: 展会\n  start: 2026-09-01\n- id: CMP-2\n  name: 展会\n  start: 2026-10-01\n',
      'in2.csv': '客户名称,来源活动\n丁,展会\n',
    });
    const before = snapshotDir(dir);
    const r = await run(['import', 'customers', 'in.csv', '--map', 'map.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    // row 2: no name (the whole row is the record location); row 3: 工厂 is not in the value map → not an allowed kind;
    // row 4: 2026年2月30日 is not a date (col 6: 乙,企业, is 5 characters), 1.2.3 not a number; row 5: unknown campaign name
    expect(r.stderr).toContain('in.csv:2:1: error[missing-field]: row 2 has no name');
    expect(r.stderr).toContain('in.csv:3:3: error[bad-enum]: kind of row 3 must be one of company, person; got "工厂"');
    expect(r.stderr).toContain('in.csv:4:6: error[bad-date]: created of row 4 is not a valid date: "2026年2月30日"');
    expect(r.stderr).toContain('in.csv:4:17: error[bad-number]: credit_limit of row 4 is not a number: "1.2.3"');
    expect(r.stderr).toContain('in.csv:5:8: error[unknown-ref]: source "没有这个活动" is neither the id nor the name of a campaign');
    expect(r.stderr).toContain('4 invalid (rows 2, 3, 4, 5)');
    expect(r.stderr).toContain('4 invalid rows; nothing was written');
    expect(snapshotDir(dir)).toEqual(before);
    const amb = await run(['import', 'customers', 'in2.csv', '--map', 'map.yaml'], { cwd: dir });
    expect(amb.stderr).toContain('error[unknown-ref]: source "展会" is ambiguous: 2 campaigns have that name (CMP-1, CMP-2)');
    expect(snapshotDir(dir)).toEqual(before);
  });
  it('--skip-invalid writes the valid rows and a reject file with the reasons', async () => {
    const dir = ws({ 'in.csv': '客户名称,额度\n好公司,100\n坏公司,abc\n' });
    const r = await run(['import', 'customers', 'in.csv', '--map', 'map.yaml', '--skip-invalid'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await customers(dir)).map((c) => c.name)).toEqual(['上海星河科技有限公司', '星河', '星河', '好公司']);
    expect(readFileSync(join(dir, 'in.csv.rejects.csv'), 'utf8')).toBe('客户名称,额度,reason\n坏公司,abc,"credit_limit of row 3 is not a number: ""abc"""\n');
  });
});

describe('bizctl import: dedupe and modes', () => {
  const input = '客户名称,手机,城市\n上海星河科技,+86 21 6000 1234,上海浦东\n新公司,139 1111 2222,杭州\n新公司二,13911112222,杭州\n';
  it('create skips matches (phones compared by digits) and duplicates within the file', async () => {
    const dir = ws({ 'in.csv': input });
    const r = await run(['--format', 'json', 'import', 'customers', 'in.csv', '--map', 'map.yaml', '--key', 'phone'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { rows: [2], action: 'skipped', id: 'C0001', reason: 'exists already (mode create)' },
      { rows: [3], action: 'create', id: 'C0004' },
      { rows: [4], action: 'skipped', id: '', reason: 'duplicate of row 3 in this file' },
    ]);
  });
  it('upsert updates only the fields that differ and changes only those lines; a second run changes nothing', async () => {
    const dir = ws({ 'in.csv': input });
    const r = await run(['--format', 'json', 'import', 'customers', 'in.csv', '--map', 'map.yaml', '--key', 'phone', '--mode', 'upsert'], { cwd: dir });
    const actions = JSON.parse(r.stdout);
    expect(actions[0]).toEqual({ rows: [2], action: 'update', id: 'C0001', changes: [{ field: 'name', from: '上海星河科技有限公司', to: '上海星河科技' }, { field: 'city', from: '上海', to: '上海浦东' }] });
    const text = readFileSync(join(dir, 'crm/customers.yaml'), 'utf8');
    expect(text.startsWith(CUSTOMERS.replace('name: 上海星河科技有限公司   # key account', 'name: 上海星河科技   # key account').replace('city: 上海\n- id: C0002', 'city: 上海浦东\n- id: C0002'))).toBe(true);
    const before = snapshotDir(dir);
    const again = await run(['--format', 'json', 'import', 'customers', 'in.csv', '--map', 'map.yaml', '--key', 'phone', '--mode', 'upsert'], { cwd: dir });
    expect(JSON.parse(again.stdout).map((a: { action: string }) => a.action)).toEqual(['unchanged', 'unchanged', 'skipped']);
    expect(snapshotDir(dir)).toEqual(before);
  });
  it('update mode touches matches only', async () => {
    const dir = ws({ 'in.csv': input });
    const r = await run(['--format', 'json', 'import', 'customers', 'in.csv', '--map', 'map.yaml', '--key', 'phone', '--mode', 'update'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((a: { action: string }) => a.action)).toEqual(['update', 'skipped', 'skipped']);
  });
  it('--dry-run writes nothing', async () => {
    const dir = ws({ 'in.csv': input });
    const before = snapshotDir(dir);
    const r = await run(['import', 'customers', 'in.csv', '--map', 'map.yaml', '--key', 'phone', '--mode', 'upsert', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dry run: would write crm/customers.yaml; 1 created (rows 3), 1 updated (rows 2), 0 unchanged, 1 skipped (rows 4), 0 invalid');
    expect(snapshotDir(dir)).toEqual(before);
  });
});
