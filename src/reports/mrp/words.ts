/**
 * Chinese display words of the MRP tables (run, explain, pegging, release) and of the
 * fulfilment tables that show MRP orders. Only tables use them: JSON keeps the English
 * codes and texts (`past-due`, `planned make`) whatever the language.
 */
import type { Lang } from '../../render/model.js';
import { tr } from '../crm/inputs.js';

const ACTION_ZH: Record<string, string> = {
  'past due': '已过下达期',
  'release now': '立即下达',
  expedite: '提前',
  defer: '推迟',
  cancel: '取消',
  planned: '计划',
};

/** An action word as the English tables show it (`past due`, `release now`, …) in the table's language. */
export function actionText(lang: Lang, label: string): string {
  if (lang !== 'zh-CN' || label === '') return label;
  const to = / to (\d{4}-\d{2}-\d{2})$/.exec(label);
  const word = to ? label.slice(0, to.index) : label;
  const zh = ACTION_ZH[word] ?? word;
  return to ? `${zh}至 ${to[1]}` : zh;
}

const TYPE_ZH: Record<string, string> = {
  buy: '采购',
  make: '自制',
  phantom: '虚拟件',
  PO: '采购单',
  WO: '工单',
  'WO planned': '确认计划工单',
  'planned buy': '计划采购',
  'planned make': '计划自制',
};

/** An order or item type (`buy`, `make`, `PO`, `WO`, `planned make`). */
export function typeText(lang: Lang, type: string): string {
  return lang === 'zh-CN' ? (TYPE_ZH[type] ?? type) : type;
}

/** Bucket kind: "week" → 周. */
export function bucketKindText(lang: Lang, kind: string): string {
  return tr(lang, kind, kind === 'month' ? '月' : kind === 'week' ? '周' : kind === 'day' ? '日' : kind);
}

/**
 * A pegging node as `mrp pegging` prints it in English (see demandLabel and supplyLabel in
 * mrp.ts), in Chinese: "allocated to WO-0042 via KIT" → "分配给 WO-0042（经 KIT）".
 */
export function pegText(lang: Lang, what: string): string {
  if (lang !== 'zh-CN') return what;
  let via = '';
  let s = what;
  const v = / via (.+)$/.exec(s);
  if (v) {
    via = `（经 ${v[1]}）`;
    s = s.slice(0, v.index);
  }
  let m: RegExpExecArray | null;
  if (s === 'on hand') return '现有库存' + via;
  if (s === 'safety stock') return '安全库存' + via;
  if (s === 'not needed (excess)') return '不需要（多余）' + via;
  if ((m = /^sales order (.+)$/.exec(s))) return `销售订单 ${m[1]}${via}`;
  if ((m = /^allocated to (.+)$/.exec(s))) return `分配给 ${m[1]}${via}`;
  if ((m = /^component of (.+)$/.exec(s))) return `${m[1]} 的组件${via}`;
  if ((m = /^forecast (.+)$/.exec(s))) return `预测 ${m[1]}${via}`;
  if ((m = /^(.+) \((.+)\)$/.exec(s))) return `${m[1]}（${typeText(lang, m[2]!)}）${via}`;
  return s + via;
}

/** "SO-1, forecast 2026-12 +2 more" → "SO-1、预测 2026-12 等另 2 项". */
export function forListText(lang: Lang, text: string): string {
  if (lang !== 'zh-CN' || text === '') return text;
  const more = / \+(\d+\+?) more$/.exec(text);
  const body = more ? text.slice(0, more.index) : text;
  const parts = body.split(', ').map((p) => (p === 'safety stock' ? '安全库存' : p.startsWith('forecast ') ? `预测 ${p.slice(9)}` : p));
  return parts.join('、') + (more ? ` 等另 ${more[1]} 项` : '');
}
