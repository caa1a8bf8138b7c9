import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, workspace } from './helpers.js';

const CUSTOMERS = `- id: C0001
  name: 上海明达办公家具有限公司
  city: 上海
- id: C0002
  name: Beijing Star Trading
  city: 北京
`;

describe('workspace discovery', () => {
  it('walks up from the current folder to the nearest bizctl.yaml', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': CUSTOMERS });
    mkdirSync(join(ws, 'crm', 'deep', 'er'), { recursive: true });
    const r = await run(['ls', 'customers', '--format', 'csv'], { cwd: join(ws, 'crm', 'deep', 'er') });
    expect(r.code).toBe(0);
    const [header, first] = r.stdout.split('\n');
    // CSV has every CSV-able field of the schema, in schema order: city is the 11th column.
    expect(header!.split(',').slice(0, 11)).toEqual(['id', 'name', 'name_en', 'kind', 'status', 'owner', 'industry', 'phone', 'email', 'province', 'city']);
    expect(first!.split(',').slice(0, 11)).toEqual(['C0001', '上海明达办公家具有限公司', '', 'company', 'active', '', '', '', '', '', '上海']);
  });
  it('prefers -C over BIZCTL_WORKSPACE over the search', async () => {
    const a = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': '- id: A1\n  name: From A\n' });
    const b = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': '- id: B1\n  name: From B\n' });
    const viaEnv = await run(['ls', 'customers', '--format', 'json'], { cwd: a, env: { BIZCTL_WORKSPACE: b } });
    expect(JSON.parse(viaEnv.stdout)[0].id).toBe('B1');
    const viaFlag = await run(['-C', a, 'ls', 'customers', '--format', 'json'], { cwd: b, env: { BIZCTL_WORKSPACE: b } });
    expect(JSON.parse(viaFlag.stdout)[0].id).toBe('A1');
  });
  it('says where the search started and suggests init when nothing is found', async () => {
    const empty = workspace({});
    const r = await run(['check'], { cwd: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no bizctl.yaml in ${empty} or any folder above it`);
    expect(r.stderr).toContain('bizctl init');
  });
});

describe('exit codes and output', () => {
  it('usage errors exit 2', async () => {
    const ws = workspace({ 'bizctl.yaml': '' });
    expect((await run(['-C', ws, 'ls'])).code).toBe(2);
    expect((await run(['-C', ws, 'nosuchcommand'])).code).toBe(2);
    expect((await run(['-C', ws, '--format', 'xml', 'ls', 'customers'])).code).toBe(2);
    expect((await run(['-C', ws, '--as-of', '2026-02-30', 'check'])).code).toBe(2);
    const bad = await run(['-C', ws, 'ls', 'custmers']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown entity "custmers"');
  });
  it('--help exits 0 and leads with examples', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Examples:')).toBe(true);
  });
  it('-o FILE infers the format from the extension and writes nothing to stdout', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': CUSTOMERS });
    const r = await run(['-C', ws, 'ls', 'customers', '-o', join(ws, 'out.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(join(ws, 'out.json'), 'utf8')).map((c: { id: string }) => c.id)).toEqual(['C0001', 'C0002']);
  });
  it('piped tables have no box drawing and no colour; a TTY gets boxes unless NO_COLOR only turns colour off', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': CUSTOMERS });
    const piped = await run(['-C', ws, 'ls', 'customers']);
    expect(piped.stdout).not.toMatch(/[┌│─]/);
    expect(piped.stdout).not.toContain('\u001b[');
    const tty = await run(['-C', ws, 'ls', 'customers'], { tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toMatch(/┌/);
    expect(tty.stdout).not.toContain('\u001b[');
  });
  it('--where filters and show finds a record by id', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': CUSTOMERS });
    const r = await run(['-C', ws, 'ls', 'customers', '--where', 'city=北京', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((c: { id: string }) => c.id)).toEqual(['C0002']);
    const s = await run(['-C', ws, 'show', 'C0002', '--format', 'json']);
    expect(JSON.parse(s.stdout)).toEqual([{ entity: 'customer', file: 'crm/customers.yaml', line: 4, record: { id: 'C0002', name: 'Beijing Star Trading', kind: 'company', status: 'active', city: '北京' } }]);
    const missing = await run(['-C', ws, 'show', 'C9999']);
    expect(missing.code).toBe(1);
  });
});

describe('--lang zh-CN', () => {
  it('diagnostics and the check summary in Chinese, codes and positions unchanged', async () => {
    const ws = workspace({ 'bizctl.yaml': '', 'crm/customers.yaml': '- id: C1\n  name: 甲\n- id: C1\n  name: 乙\n' });
    const r = await run(['-C', ws, '--lang', 'zh-CN', 'check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crm/customers.yaml:3:7: 错误[duplicate-id]: 客户（id C1）重复定义');
    expect(r.stderr).toContain('  参见: crm/customers.yaml:1:7: 首次定义于此');
    expect(r.stderr).toContain('  提示: 给其中一条换一个 id，或把两条合并');
    expect(r.stderr).toContain('未通过：1 个文件，2 条记录，1 个错误，0 个警告');
  });

  it('the workspace locale chooses the language when --lang is not given, also for a workspace with errors', async () => {
    const ws = workspace({ 'bizctl.yaml': 'locale: zh-CN\n', 'crm/customers.yaml': '- id: C1\n' });
    const r = await run(['-C', ws, 'ls', 'customers']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crm/customers.yaml:1:3: 错误[missing-field]: 客户 C1 缺少 name');
    expect(r.stderr).toContain('bizctl: 工作区有 1 个错误；未执行任何操作\n  提示: 修正后再运行（`bizctl check` 会列出全部问题）\n');
    const en = await run(['-C', ws, '--lang', 'en', 'ls', 'customers']);
    expect(en.stderr).toContain('error[missing-field]: customer C1 has no name');
  });

  it('messages of commands that stop, usage errors included', async () => {
    const r = await run(['-C', join(REPO, 'data-examples', 'furniture'), '--lang', 'zh-CN', '--as-of', '2026-13-01', 'overview']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bizctl: --as-of "2026-13-01" 不是日期\n  提示: 写成 YYYY-MM-DD，例如 --as-of 2026-10-31\n');
    const none = await run(['--lang', 'zh-CN', 'show', 'X'], { cwd: workspace({}) });
    expect(none.stderr).toMatch(/^bizctl: 没有找到 bizctl 工作区：\S+ 及其上级文件夹中都没有 bizctl.yaml\n {2}提示: 运行 `bizctl init` 在此创建一个/);
  });
});
