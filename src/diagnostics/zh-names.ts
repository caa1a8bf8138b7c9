/**
 * Chinese names of records and their parts as diagnostics name them
 * ("line 2 of invoice I1" → "发票 I1 第 2 行"), and the spacing rules between
 * Chinese and Latin text. Used by the message catalogue (zh.ts).
 */

/** English entity and part names as messages use them → Chinese. */
const NAMES: Record<string, string> = {
  customer: '客户',
  contact: '联系人',
  deal: '商机',
  activity: '跟进活动',
  campaign: '营销活动',
  ticket: '服务工单',
  account: '科目',
  'journal entry': '凭证',
  'balance assertion': '余额断言',
  price: '价格',
  invoice: '发票',
  bill: '采购发票',
  payment: '收付款',
  'credit note': '红字发票',
  employee: '员工',
  'attendance line': '考勤行',
  'payroll rules': '薪资规则',
  'payroll opening balance': '薪资期初余额',
  'pay item': '薪资项目',
  item: '物料',
  bom: '物料清单',
  location: '库位',
  'stock line': '库存行',
  'stock move': '库存移动',
  supplier: '供应商',
  'purchase order': '采购订单',
  'sales order': '销售订单',
  'forecast line': '预测行',
  'work order': '生产工单',
  'planned order': '计划订单',
  document: '单据',
  plan: '提成方案',
};
const PLURALS: Record<string, string> = Object.fromEntries(
  Object.entries(NAMES).map(([en, zh]) => [en === 'activity' ? 'activities' : en === 'bom' ? 'boms' : en.replace(/y$/, 'ie') + 's', zh]),
);
PLURALS['credit-notes'] = NAMES['credit note']!;
PLURALS['sales-orders'] = NAMES['sales order']!;
PLURALS['purchase-orders'] = NAMES['purchase order']!;
PLURALS['work-orders'] = NAMES['work order']!;
PLURALS['planned-orders'] = NAMES['planned order']!;
PLURALS['pay-items'] = NAMES['pay item']!;
PLURALS['payroll-ytd'] = NAMES['payroll opening balance']!;
PLURALS.moves = NAMES['stock move']!;
PLURALS.stock = NAMES['stock line']!;
PLURALS.forecast = NAMES['forecast line']!;
PLURALS.attendance = NAMES['attendance line']!;
PLURALS.journal = NAMES['journal entry']!;
PLURALS.assertions = NAMES['balance assertion']!;

/** Parts of a record (`line 2 of invoice I1`). */
export const PARTS: Record<string, string> = {
  line: '行',
  allocation: '核销',
  component: '组件',
  posting: '分录',
  'stage change': '阶段变更',
  stage: '阶段',
  accumulator: '累计项',
  deduction: '扣除项',
  bracket: '税率档',
  plan: '提成方案',
  table: '税率表',
  tier: '档位',
  version: '版本',
  accounts: '科目设置',
};

/** Measure words where 个 would read wrong: 第 3 条分录, 第 1 笔核销. */
const MEASURE: Record<string, string> = { posting: '条', allocation: '笔', 'stage change': '次', deduction: '项', accumulator: '项' };

const BY_LENGTH = Object.keys(NAMES).sort((a, b) => b.length - a.length);

/** "line 2 of invoice INV-1" → "发票 INV-1 第 2 行". Unknown shapes stay as they are. */
export function zhWhat(s: string): string {
  let m = /^(.+?) (\d+) of (.+)$/.exec(s);
  if (m && PARTS[m[1]!]) return `${zhWhat(m[3]!)} 第 ${m[2]} ${m[1] === 'line' ? '行' : `${MEASURE[m[1]!] ?? '个'}${PARTS[m[1]!]}`}`;
  m = /^(.+?) of (.+)$/.exec(s);
  if (m && PARTS[m[1]!]) return `${de(zhWhat(m[2]!))}${PARTS[m[1]!]}`;
  if ((m = /^row (\d+)$/.exec(s))) return `第 ${m[1]} 行`;
  if ((m = /^sla priority (.+)$/.exec(s))) return `SLA 优先级 ${m[1]}`;
  if ((m = /^version (.+)$/.exec(s))) return `版本 ${m[1]}`;
  for (const en of BY_LENGTH) {
    if (s === en) return NAMES[en]!;
    if (s.startsWith(en + ' ')) return `${NAMES[en]} ${s.slice(en.length + 1)}`;
  }
  return s;
}

/** "X 的" with a space only after Latin text: 客户 C0001 的, 发票 I1 第 2 行的. */
export function de(x: string): string {
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(x) ? `${x}的` : `${x} 的`;
}

/** A space after Latin text before Chinese follows, none after Chinese. */
export function spaced(x: string): string {
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(x) ? x : `${x} `;
}

export const plural = (p: string) => PLURALS[p] ?? p;
export const name = (n: string) => NAMES[n] ?? n;
