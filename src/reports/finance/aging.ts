/**
 * Display words of `ar/ap aging` and `ar/ap statement` tables: column labels, bucket names,
 * document kinds and notes in English or Chinese. JSON keeps the English codes (`not due`,
 * `over 120`, `invoice`) whatever the language.
 */
import type { Column, Lang } from '../../render/model.js';
import { tr } from '../crm/inputs.js';

export type Side = 'ar' | 'ap';

/** "not due" → 未到期, "over 120" → 120 天以上; "1-30" stays. */
export function bucketText(lang: Lang, label: string): string {
  if (lang !== 'zh-CN') return label;
  if (label === 'not due') return '未到期';
  const over = /^over (\d+)$/.exec(label);
  return over ? `${over[1]} 天以上` : label;
}

const KINDS: Record<string, readonly [string, string]> = {
  invoice: ['invoice', '发票'],
  bill: ['bill', '采购发票'],
  'credit-note': ['credit-note', '红字发票'],
  refund: ['refund', '退款'],
  opening: ['opening', '期初余额'],
  closing: ['closing', '期末余额'],
};

/** A document kind as a table word; a payment is 收款 on the receivable side, 付款 on the payable side. */
export function kindText(lang: Lang, side: Side, kind: string): string {
  if (kind === 'payment') return tr(lang, kind, side === 'ar' ? '收款' : '付款');
  const k = KINDS[kind];
  return k ? tr(lang, k[0], k[1]) : kind;
}

const LABELS: Record<string, string> = {
  customer: '客户',
  supplier: '供应商',
  name: '名称',
  document: '单据',
  kind: '类型',
  date: '日期',
  due: '到期日',
  age: '账龄（天）',
  bucket: '账龄段',
  currency: '币种',
  amount: '金额',
  open: '未结金额',
  balance: '余额',
  total: '合计',
};

/** Columns keyed and labelled by the same English word, with the Chinese label. */
export function agingColumns(keys: readonly string[]): Column[] {
  return keys.map((k) => ({ key: k, en: k, ...(LABELS[k] ? { zh: LABELS[k] } : {}), ...(k === 'amount' || k === 'balance' || k === 'open' || k === 'age' ? { align: 'right' as const } : {}) }));
}

/** The summary's bucket columns: key = the JSON bucket name, label by language. */
export function bucketColumns(labels: readonly string[]): Column[] {
  return labels.map((l) => ({ key: l, en: l, zh: bucketText('zh-CN', l), align: 'right' as const }));
}

export function totalText(lang: Lang): string {
  return tr(lang, 'total', '合计');
}

export function agingNote(lang: Lang, asOf: string, basis: 'due' | 'document'): string {
  return basis === 'due' ? tr(lang, `as of ${asOf}, age from due date`, `截至 ${asOf}，按到期日计算账龄`) : tr(lang, `as of ${asOf}, age from document date`, `截至 ${asOf}，按单据日期计算账龄`);
}

export function statementTitle(lang: Lang, side: Side, party: string, name: string): string {
  return `${side === 'ar' ? tr(lang, 'customer', '客户对账单：') : tr(lang, 'supplier', '供应商对账单：')}${lang === 'zh-CN' ? '' : ' '}${party} ${name}`;
}

/** "aging CNY: not due 0.00 · 1-30 …" under a statement. */
export function statementAgingNote(lang: Lang, currency: string, parts: readonly (readonly [string, string])[]): string {
  const body = parts.map(([l, v]) => `${bucketText(lang, l)} ${v}`).join(' · ');
  return tr(lang, `aging ${currency}: ${body}`, `账龄（${currency}）：${body}`);
}
