/**
 * Chinese texts of the fulfilment tables (order trace, sales at-risk, sales promise). The
 * English sentences are part of the JSON (`why`, `cause`, `note`, `summary`) and stay English
 * there; tables under --lang zh-CN build these instead, from the same structured facts.
 */
import { diffDays, type IsoDate } from '../../domain/dates.js';
import type { Dec } from '../../domain/decimal.js';
import { shortDate, type CauseChain, type CauseLink, type LateCause } from '../../engines/fulfil/lines.js';

const n = (x: Dec) => x.normalize().toString();

const STATUS: Record<string, string> = {
  draft: '草稿',
  open: '未结',
  'partly shipped': '部分发货',
  shipped: '已发货',
  closed: '已关闭',
  cancelled: '已取消',
  planned: '计划',
  released: '已下达',
  'in-progress': '生产中',
  completed: '已完工',
};

/** Order, line and work-order status words. */
export function statusZh(s: string): string {
  return STATUS[s] ?? s;
}

const WHAT: Record<string, string> = {
  line: '订单行',
  stock: '库存',
  PO: '采购单',
  WO: '工单',
  'firm WO': '确认计划工单',
  'planned buy': '计划采购',
  'planned make': '计划自制',
  transfer: '调拨',
  shipment: '发货',
  receipt: '收货',
  why: '原因',
  invoice: '发票',
  payment: '收款',
  'credit note': '红字发票',
};

/** The "what" column of `order trace`. */
export function whatZh(s: string): string {
  return WHAT[s] ?? s;
}

/** The facts of a late line that the sentence names. */
export interface LateLineFacts {
  readonly open: Dec;
  readonly item: string;
  readonly due: IsoDate;
  readonly overdueDays: number;
  readonly expected: IsoDate | null;
  readonly unplanned: Dec;
  readonly allocated: Dec;
}

function linkName(l: CauseLink): string {
  switch (l.kind) {
    case 'po':
      return l.ref.replace(/\/\d+$/, '');
    case 'wo':
    case 'onhand':
      return l.ref;
    case 'firm':
      return `确认计划工单 ${l.ref}`;
    case 'planned':
      return `计划订单 ${l.ref}`;
  }
}

function ownText(l: CauseLink, asOf: IsoDate): string {
  const due = l.due ? shortDate(l.due, asOf) : '';
  const behind = l.due && l.due < asOf ? diffDays(asOf, l.due) : 0;
  switch (l.kind) {
    case 'po':
      return behind > 0 ? `交期 ${due}，供应商已延迟 ${behind} 天` : `交期 ${due}`;
    case 'wo':
      return behind > 0 ? `交期 ${due}，生产已延迟 ${behind} 天` : `交期 ${due}`;
    case 'firm':
    case 'planned':
      if (l.why === 'not-released') return `未下达（应于 ${shortDate(l.release!, asOf)} ${l.kind === 'firm' ? '开工' : '下达'}；今天下达则 ${shortDate(l.expected!, asOf)} 到货）`;
      return `下达 ${l.release ? shortDate(l.release, asOf) : ''}，到期 ${due}`;
    case 'onhand':
      return '';
  }
}

/** "WO-0042 等待 WO-0043 的 28 × FRAME-LIFT，后者等待 PO-2026-0188 的 200 × LIFT-COL，交期 11-06，供应商已延迟 10 天". */
export function chainZh(links: readonly CauseLink[], asOf: IsoDate, relative = false): string {
  let s = linkName(links[0]!);
  for (let i = 1; i < links.length; i++) {
    const l = links[i]!;
    s += `${i === 1 && !relative ? ' 等待' : '，后者等待'} ${linkName(l)} 的 ${n(l.qty)} × ${l.item}`;
  }
  const own = ownText(links[links.length - 1]!, asOf);
  return own ? `${s}，${own}` : s;
}

/** The Chinese "why late" sentence (the English one: engines/fulfil/lines.ts). */
export function causeZh(t: LateLineFacts, cause: Pick<LateCause, 'kind' | 'more'> & { readonly chains: readonly CauseChain[] }, asOf: IsoDate): string {
  let head = `${n(t.open)} × ${t.item} 交期 ${shortDate(t.due, asOf)}`;
  if (t.overdueDays > 0) head += `，已逾期 ${t.overdueDays} 天`;
  if (t.expected !== null && t.expected > t.due) head += `，预计 ${shortDate(t.expected, asOf)}`;
  if (cause.kind === 'not-planned') return `${head}：其中 ${n(t.unplanned)} 没有计划（MRP 只计划 inventory/items 中的物料）。`;
  if (cause.kind === 'in-stock') return `${head}：全部有库存（已分配 ${n(t.allocated)}），只差发货。`;
  const parts = cause.chains.map((c, i) => (i === 0 ? chainZh(c.links, asOf) : `另有 ${n(c.qty)} 来自${chainZh(c.links, asOf, true)}`));
  const tail = cause.more > 0 ? `；另有 ${cause.more} 个订单延迟` : '';
  return `${head}：${parts.join('；')}${tail}。`;
}
