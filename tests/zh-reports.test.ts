/**
 * Reports under --lang zh-CN on the example company: tables carry no English words
 * (titles, headers, row labels, status and action words, footnotes), and JSON does not
 * depend on the language (scripts read its keys and codes such as `past-due`).
 *
 * Ids, account names, item codes, units, numbers and dates stay as written; so do texts
 * people wrote in the workspace (journal descriptions, activity subjects), which is why
 * the word list below names the words bizctl itself writes, not any English at all.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers.js';

const WS = join(REPO, 'data-examples', 'furniture');
const BASE = ['-C', WS, '--as-of', '2026-11-16'];

/**
 * Words and phrases the English tables print that must not survive under zh-CN: lower-case words
 * (case-sensitive, so item codes like CHAIR-TASK do not count) and the openings of English notes.
 */
const ENGLISH = new RegExp(
  [
    String.raw`\b(not due|over \d+|total|overdue|past due|release now|expedite|defer|cancel|gross requirements|scheduled receipts|projected on hand|net requirements|planned order|planned (make|buy)|as of|age from|days? late|waits for|allocated|on hand|shipped|short|warning|lines? due|purchase-order lines?|invoice|payment|opening|closing|expected|promise|available-to-promise|capable-to-promise|components?|working days?|lead time|safety stock|demand|supply|supplier|customer|ordered|deal|owner|why|stock|urgent|high|normal|low|pending|next-step|task|make|buy|phantom|released? (was|now|today)|nothing)\b`,
    String.raw`\b(As of|Actions|Buckets|Line \d|Open lines|Every BOM|Components for|Cost of|Purchase orders|Work orders|Under each|A line is|ATP \(|CTP:|The promise|Totals|Tickets|MRP (on|release))\b`,
  ].join('|'),
);

/** A command named in a note or the overview's source column is typed as is: not checked. */
const COMMAND = /`?bizctl [a-z][a-z -]*(--?[a-z-]+( [^ （(]+)?)*`?/g;

interface Case {
  readonly args: readonly string[];
  /** Chinese labels that must appear in the table. */
  readonly zh: readonly string[];
}

const CASES: readonly Case[] = [
  { args: ['ar', 'aging'], zh: ['未到期', '120 天以上', '合计', '截至 2026-11-16，按到期日计算账龄'] },
  { args: ['ar', 'aging', '--detail'], zh: ['账龄段', '未结金额', '发票', '收款'] },
  { args: ['ar', 'statement', 'C0001'], zh: ['客户对账单：C0001', '期初余额', '期末余额', '账龄（CNY）：未到期'] },
  { args: ['ap', 'aging'], zh: ['供应商', '未到期', '合计'] },
  { args: ['ap', 'aging', '--detail'], zh: ['采购发票', '未到期'] },
  { args: ['ap', 'statement', 'S001'], zh: ['供应商对账单：S001', '付款'] },
  { args: ['purchase', 'overdue'], zh: ['截至 2026-11-16 逾期未到货的采购单行：5 行', '逾期天数'] },
  { args: ['purchase', 'suppliers'], zh: ['准时率 =', '未交金额 ='] },
  { args: ['mrp', 'run'], zh: ['MRP 运算（2026-11-16）', '已过下达期', '立即下达', '提前', '推迟'] },
  { args: ['mrp', 'explain', 'DESK-LIFT-1600'], zh: ['毛需求', '计划接收量（在途）', '预计在库', '净需求', '计划订单接收', '计划订单下达', '低层码 0'] },
  { args: ['mrp', 'pegging', 'SO-2026-0041'], zh: ['销售订单 SO-2026-0041/1', '← 现有库存', '分配给 WO-0042'] },
  { args: ['mrp', 'pegging', 'LIFT-COL'], zh: ['供给 → 需求'] },
  { args: ['mrp', 'release', '--all-due', '--dry-run'], zh: ['MRP 下达（2026-11-16）：采购单 5 张（15 行），工单 20 张', '原建议'] },
  { args: ['order', 'trace', 'SO-2026-0041'], zh: ['下单 2026-10-28', '部分发货', '第 1 行：40 × DESK-LIFT-1600 交期 11-13，已逾期 3 天', '后者等待', '供应商已延迟 10 天'] },
  { args: ['order', 'trace', 'T-2026-0048'], zh: ['T-2026-0048（紧急，处理中'] },
  { args: ['sales', 'at-risk'], zh: ['12 个未结销售订单行中有 5 行延迟或有延迟风险', '计划满足日 ='] },
  { args: ['sales', 'promise', 'DESK-LIFT-1600', '--qty', '50'], zh: ['可承诺交货日 2026-12-30', '承诺交货（可生产承诺 CTP）', '现有库存 2'] },
  { args: ['stock'], zh: ['短缺', '可用 = 在库 + 在途 − 已分配'] },
  { args: ['stock', '--by', 'item'], zh: ['合计只计参与净需求的库位'] },
  { args: ['stock', 'reorder'], zh: ['再订货点', '已逾期'] },
  { args: ['bom', 'explode', 'DESK-LIFT-1600'], zh: ['自制', '采购', '虚拟件'] },
  { args: ['bom', 'where-used', 'TUBE-5030'], zh: ['用到 TUBE-5030 的所有 BOM'] },
  { args: ['bom', 'where-used', 'DESK-LIFT-1600'], zh: ['DESK-LIFT-1600 没有被任何 BOM 使用'] },
  { args: ['bom', 'cost', 'DESK-LIFT-1600'], zh: ['合计', '单位成本'] },
  { args: ['ledger', 'balance'], zh: ['合计'] },
  { args: ['ledger', 'trial-balance'], zh: ['合计', '借方'] },
  { args: ['ledger', 'income-statement'], zh: ['收入', '费用', '净利润'] },
  { args: ['ledger', 'balance-sheet'], zh: ['资产', '负债', '所有者权益', '本年利润'] },
  { args: ['ledger', 'register', '-b', '2026-11-01', 'receivable'], zh: ['2026-11-01 之前的期初余额', '销售发票 INV-2026-0103，客户 C0025', '收款 PAY-2026-0032，来自 C0030'] },
  { args: ['overview'], zh: ['bizctl ar aging（合计）'] },
  { args: ['crm', 'tickets'], zh: ['紧急', '处理中', '部分发货'] },
  { args: ['crm', 'today'], zh: ['任务', '下一步'] },
];

/** Texts the workspace itself holds in English (written by people), left out of the check. */
const USER_TEXT = /send the revised quote|site survey|contract draft/;

describe('reports under --lang zh-CN', () => {
  for (const c of CASES) {
    it(`${c.args.join(' ')}: no English words in the table`, async () => {
      const r = await run([...BASE, '--lang', 'zh-CN', '--format', 'table', ...c.args]);
      expect(r.code, r.stderr).toBe(0);
      const english = r.stdout.split('\n').filter((l) => ENGLISH.test(l.replace(COMMAND, '')) && !USER_TEXT.test(l));
      expect(english).toEqual([]);
      for (const s of c.zh) expect(r.stdout).toContain(s);
    });
  }
});

/**
 * Names are picked by language (an item's, customer's or supplier's `name_en` under --lang en,
 * its `name` otherwise), in JSON as in tables: that is data chosen for the reader, not a label.
 * So the comparison leaves out keys that hold a name, and the supplier name inside the `note`
 * of an order trace's purchase-order rows ("S001 <name>; 10 days overdue"); every other key
 * and value must be equal.
 */
const NAME_KEY = /(^|_)name$/;
function withoutNames(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNames);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !NAME_KEY.test(k))
        .map(([k, x]) => [k, k === 'note' && typeof x === 'string' ? x.replace(/^(S\d+) [^;]*/, '$1') : withoutNames(x)]),
    );
  return v;
}

describe('JSON does not depend on --lang', () => {
  for (const c of CASES) {
    it(`${c.args.join(' ')}`, async () => {
      const en = await run([...BASE, '--lang', 'en', '--format', 'json', ...c.args]);
      const zh = await run([...BASE, '--lang', 'zh-CN', '--format', 'json', ...c.args]);
      expect(en.code).toBe(0);
      expect(zh.code).toBe(0);
      expect(withoutNames(JSON.parse(zh.stdout))).toEqual(withoutNames(JSON.parse(en.stdout)));
    });
  }
});

describe('messages of mrp release under zh-CN', () => {
  it('the summary on stderr is Chinese (5 purchase orders and 20 work orders on the example)', async () => {
    const { cpSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const ws = mkdtempSync(join(tmpdir(), 'bizctl-zh-'));
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const r = await run(['-C', ws, '--as-of', '2026-11-16', '--lang', 'zh-CN', 'mrp', 'release', '--all-due']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('已创建采购单 5 张，工单 20 张（purchasing/purchase-orders.yaml、production/work-orders.yaml）\n');
  });
});
