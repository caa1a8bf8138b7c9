import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localiseDiagnostic, zhHint, zhMessage, zhWhat } from '../src/diagnostics/zh.js';
import { REPO, run, workspace } from './helpers.js';

/** `--lang zh-CN`: diagnostics in Chinese, codes and positions as in English. */

const CJK = /[\u3400-\u9fff]/;
const DIR = join(REPO, 'tests', 'errors');
const cases = readdirSync(DIR).filter((n) => existsSync(join(DIR, n, 'ws')));

/** Header lines (`file:line:col: 错误[code]: message`), hints and notes of a stderr text. */
function parts(stderr: string) {
  const lines = stderr.split('\n');
  const heads = lines.flatMap((l) => {
    const m = /^(\S+:\d+:\d+: )(?:error|warning|错误|警告)(\[[a-z-]+\]): (.*)$/.exec(l);
    return m ? [{ where: m[1]! + m[2]!, message: m[3]! }] : [];
  });
  const hints = lines.filter((l) => /^ {2}(hint|提示):/.test(l)).map((l) => l.replace(/^ {2}(hint|提示): /, ''));
  const notes = lines.filter((l) => /^ {2}(note|参见):/.test(l)).map((l) => l.replace(/^ {2}(note|参见): \S+:\d+:\d+: /, ''));
  return { heads, hints, notes };
}

describe('diagnostics in Chinese', () => {
  for (const code of cases) {
    it(`reproducer ${code}: every message, hint and note in Chinese, same places and codes`, async () => {
      const argsFile = join(DIR, code, 'args');
      const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/) : ['check'];
      const ws = join(DIR, code, 'ws');
      const en = parts((await run(['-C', ws, ...args], { cwd: join(DIR, code) })).stderr);
      const zh = parts((await run(['-C', ws, '--lang', 'zh-CN', ...args], { cwd: join(DIR, code) })).stderr);
      expect(zh.heads.map((h) => h.where)).toEqual(en.heads.map((h) => h.where));
      expect(zh.heads.length).toBeGreaterThan(0);
      for (const h of zh.heads) expect(h.message).toMatch(CJK);
      expect(zh.hints.length).toBe(en.hints.length);
      for (const h of zh.hints) expect(h).toMatch(CJK);
      expect(zh.notes.length).toBe(en.notes.length);
      for (const n of zh.notes) expect(n).toMatch(CJK);
    });
  }

  it('names records and their parts in Chinese', () => {
    expect(zhWhat('customer C0001')).toBe('客户 C0001');
    expect(zhWhat('line 2 of invoice INV-1')).toBe('发票 INV-1 第 2 行');
    expect(zhWhat('allocation 1 of payment P1')).toBe('收付款 P1 第 1 笔核销');
    expect(zhWhat('posting 3 of journal entry JE-1')).toBe('凭证 JE-1 第 3 条分录');
    expect(zhWhat('credit note CN-1')).toBe('红字发票 CN-1');
    expect(zhWhat('row 7')).toBe('第 7 行');
    expect(zhWhat('something else')).toBe('something else');
  });

  it('translates messages by their shape, keeping fields, ids and values', () => {
    expect(zhMessage('qty of line 2 of invoice I1 is not a number: "x"')).toBe('发票 I1 第 2 行的 qty 不是数字："x"');
    expect(zhMessage('allocation 1 of payment P1 has no amount')).toBe('收付款 P1 第 1 笔核销缺少 amount');
    expect(zhMessage('payment P1 allocates 50.00 but carries only 40.00')).toBe('收付款 P1 核销了 50.00，但其金额只有 40.00');
    expect(zhMessage('customer of sales order SO-1 refers to unknown customer "C9"')).toBe('销售订单 SO-1 的 customer 引用了不存在的客户 "C9"');
    expect(zhHint('add a value for "allocation_amount"')).toBe('为 "allocation_amount" 填写一个值');
    expect(zhMessage('a sentence no rule knows')).toBeUndefined();
  });

  it('leaves what it does not know in English', () => {
    const d = localiseDiagnostic({ code: 'bad-value', severity: 'error', loc: null, message: 'a sentence no rule knows', hint: 'nor this one' });
    expect(d.message).toBe('a sentence no rule knows');
    expect(d.hint).toBe('nor this one');
  });

  it('check --format json --lang zh-CN: codes stay, texts in Chinese', async () => {
    const ws = workspace({ 'bizctl.yaml': 'base_currency: CNY\n', 'crm/customers.yaml': '- id: C0001\n  phne: "1"\n' });
    const r = await run(['-C', ws, '--lang', 'zh-CN', '--format', 'json', 'check']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
      ['missing-field', '客户 C0001 缺少 name'], // the record, line 1
      ['unknown-field', '客户 C0001 有未知字段 "phne"'], // its key, line 2
    ]);
    expect(j.diagnostics[1].hint).toBe('你是不是想写 "phone"？');
  });
});
