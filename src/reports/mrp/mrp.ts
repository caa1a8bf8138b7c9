/** `bizctl mrp run | explain | pegging`: report values and row models over one plan. */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { itemGrid } from '../../engines/mrp/grid.js';
import { suppliesOfItem } from '../../engines/mrp/derive.js';
import { PegGraph, pegTree } from '../../engines/mrp/pegging.js';
import { PLANNED_BASE } from '../../engines/mrp/store.js';
import { runMrp } from '../../engines/mrp/plan.js';
import type { Bucket, Demand, MessageKind, Plan, PlannedOrder, Supply } from '../../engines/mrp/types.js';
import type { Cell, Column, Lang, TableModel } from '../../render/model.js';
import { naturalCompare } from '../../util/natural.js';
import type { Workspace } from '../../workspace/workspace.js';
import { itemNames } from '../inventory/common.js';
import { tr } from '../crm/inputs.js';
import { mrpInput, type MrpSpec } from './input.js';
import { actionText, bucketKindText, forListText, pegText, typeText } from './words.js';

export interface PlanContext {
  readonly plan: Plan;
  readonly pegs: PegGraph;
  readonly spec: MrpSpec;
}

export function planFor(ws: Workspace, spec: MrpSpec): PlanContext {
  const plan = runMrp(mrpInput(ws, spec));
  return { plan, pegs: new PegGraph(plan), spec };
}

/** The planned order behind a supply id, if it is one. */
function plannedOf(plan: Plan, supply: number): PlannedOrder | null {
  return supply >= PLANNED_BASE ? plan.orders.at(supply - PLANNED_BASE) : null;
}

const LABEL: Record<MessageKind | 'planned', string> = {
  'past-due': 'past due',
  'release-now': 'release now',
  expedite: 'expedite',
  defer: 'defer',
  cancel: 'cancel',
  planned: 'planned',
};

/** At most this many top-level demands are listed per order (then "and more"). */
export const FOR_CAP = 5;

export interface RunRow {
  readonly action: MessageKind | 'planned';
  readonly item: string;
  readonly order: string;
  readonly type: string;
  readonly qty: Dec;
  readonly release: IsoDate | null;
  readonly due: IsoDate;
  readonly new_date: IsoDate | null;
  readonly supplier: string | null;
  readonly for: readonly string[];
  readonly for_more: boolean;
  readonly reason: string;
}

/** Action messages by kind; the keys are the kinds in snake_case (past-due → past_due). */
export interface RunCounts {
  readonly past_due: number;
  readonly release_now: number;
  readonly expedite: number;
  readonly defer: number;
  readonly cancel: number;
}

const COUNT_KEY: Record<MessageKind, keyof RunCounts> = { 'past-due': 'past_due', 'release-now': 'release_now', expedite: 'expedite', defer: 'defer', cancel: 'cancel' };

export interface RunReport {
  readonly as_of: IsoDate;
  readonly bucket: string;
  readonly buckets: readonly Bucket[];
  readonly items: number;
  readonly planned_orders: number;
  readonly counts: RunCounts;
  readonly rows: readonly RunRow[];
  readonly warnings: readonly string[];
  /** Rows carry the top-level demands they serve. */
  readonly with_for: boolean;
}

function supplyType(s: Supply, plan: Plan): string {
  if (s.kind === 'po') return 'PO';
  if (s.kind === 'wo') return 'WO';
  if (s.kind === 'firm') return 'WO planned';
  return plannedOf(plan, s.id)?.type ?? s.kind;
}

/**
 * Rows: every action message; with `all`, also the planned orders without one.
 * With `withFor`, each row lists the top-level demands it serves (this pegs the
 * whole plan: noticeably slower on plans of tens of thousands of items).
 */
export function runReport(pc: PlanContext, all: boolean, withFor = false): RunReport {
  const { plan, pegs } = pc;
  const NONE = { refs: [] as readonly string[], more: false };
  const tops = (s: number) => (withFor ? pegs.topRefs(s, FOR_CAP) : NONE);
  const rows: RunRow[] = [];
  for (const m of plan.messages) {
    const s = pegs.supply(m.supply);
    const p = plannedOf(plan, m.supply);
    rows.push({
      action: m.kind,
      item: m.item,
      order: m.ref,
      type: p ? p.type : supplyType(s, plan),
      qty: m.qty,
      release: p ? p.release : null,
      due: s.due!,
      new_date: m.newDate,
      supplier: p ? p.supplier : null,
      for: [...tops(m.supply).refs].sort(naturalCompare),
      for_more: tops(m.supply).more,
      reason: m.reason,
    });
  }
  if (all) {
    const rest = plan.orders.all().filter((p) => p.message === null).sort((a, b) => (a.release < b.release ? -1 : a.release > b.release ? 1 : naturalCompare(a.item, b.item) || naturalCompare(a.id, b.id)));
    for (const p of rest) rows.push({ action: 'planned', item: p.item, order: p.id, type: p.type, qty: p.qty, release: p.release, due: p.due, new_date: null, supplier: p.supplier, for: [...tops(p.supply).refs].sort(naturalCompare), for_more: tops(p.supply).more, reason: '' });
  }
  const counts = { past_due: 0, release_now: 0, expedite: 0, defer: 0, cancel: 0 };
  for (const m of plan.messages) counts[COUNT_KEY[m.kind]]++;
  return { as_of: plan.asOf, bucket: plan.bucketKind, buckets: plan.buckets, items: plan.records.size, planned_orders: plan.orders.length, counts, rows, warnings: plan.warnings, with_for: withFor };
}

/** The first `cap` refs, then "+n more" ("+n+ more" when pegging stopped counting). */
export const forText = (refs: readonly string[], more: boolean, cap: number) => {
  const shown = refs.slice(0, cap).join(', ');
  const extra = refs.length - Math.min(cap, refs.length);
  return extra > 0 || more ? `${shown} +${more ? `${extra}+ ` : `${extra} `}more` : shown;
};

export function runTable(r: RunReport, spec: MrpSpec, lang: Lang = 'en'): TableModel {
  const b = r.buckets;
  const c = r.counts;
  const L = (en: string, zh: string) => tr(lang, en, zh);
  return {
    title: L(
      `MRP on ${r.as_of}: ${b.length} ${r.bucket} bucket${b.length === 1 ? '' : 's'} (${b[0]!.start} to ${b[b.length - 1]!.end}), ${r.items} items, ${r.planned_orders} planned order${r.planned_orders === 1 ? '' : 's'}${spec.ww ? ', Wagner–Whitin' : ''}`,
      `MRP 运算（${r.as_of}）：${b.length} 个${bucketKindText(lang, r.bucket)}时段（${b[0]!.start} 至 ${b[b.length - 1]!.end}），${r.items} 个物料，${r.planned_orders} 个计划订单${spec.ww ? '，Wagner–Whitin 批量' : ''}`,
    ),
    columns: [
      { key: 'action', en: 'action', zh: '建议' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'order', en: 'order', zh: '订单' },
      { key: 'type', en: 'type', zh: '类型' },
      { key: 'qty', en: 'qty', zh: '数量' },
      { key: 'release', en: 'release', zh: '下达日' },
      { key: 'due', en: 'due', zh: '到期日' },
      { key: 'new_date', en: 'move to', zh: '调整到' },
      { key: 'supplier', en: 'supplier', zh: '供应商' },
      ...(r.with_for ? [{ key: 'for', en: 'for', zh: '需求来源' }] : []),
    ],
    rows: r.rows.map((x) => [actionText(lang, LABEL[x.action]), x.item, x.order, typeText(lang, x.type), x.qty, x.release ?? '', x.due, x.new_date ?? '', x.supplier ?? '', ...(r.with_for ? [forListText(lang, forText(x.for, x.for_more, 3))] : [])]),
    notes: [
      L(
        `Actions: ${c.past_due} past due, ${c.release_now} release now, ${c.expedite} expedite, ${c.defer} defer, ${c.cancel} cancel.`,
        `建议：已过下达期 ${c.past_due}，立即下达 ${c.release_now}，提前 ${c.expedite}，推迟 ${c.defer}，取消 ${c.cancel}。`,
      ),
      L('past due: the planned release date has passed (a shortage unless the order is rushed); release now: release within the first bucket;', '已过下达期：计划下达日已过（不加急就会缺料）；立即下达：应在第一个时段内下达；'),
      L(
        'expedite: an open order arrives after it is needed (or is overdue and needed now); defer: it arrives more than a bucket early; cancel: not needed within the horizon.',
        '提前：未结订单到货晚于需要日（或已逾期且现在就需要）；推迟：到货早于需要日一个时段以上；取消：计划期内不需要。',
      ),
      L(
        '`bizctl mrp explain ITEM` shows the grid of an item, `bizctl mrp pegging SO-…|ITEM` the demand behind an order; --write saves the planned orders.',
        '`bizctl mrp explain 物料` 显示物料的 MRP 计算表，`bizctl mrp pegging SO-…|物料` 显示订单背后的需求；--write 保存计划订单。',
      ),
      ...r.warnings.slice(0, 10).map((w) => L(`warning: ${w}`, `警告：${w}`)),
      ...(r.warnings.length > 10 ? [L(`… and ${r.warnings.length - 10} more warnings (--format json lists them all)`, `…… 另有 ${r.warnings.length - 10} 条警告（--format json 列出全部）`)] : []),
    ],
  };
}

// ---------------- explain ----------------

export interface ExplainReport {
  readonly item: string;
  readonly name: string;
  readonly type: string;
  readonly llc: number;
  readonly lot_rule: string;
  readonly lead_time: number;
  readonly safety_stock: Dec;
  readonly on_hand: Dec;
  readonly allocated: Dec;
  readonly buckets: readonly Bucket[];
  readonly rows: Readonly<Record<'gross' | 'receipts' | 'projected' | 'net' | 'planned_receipts' | 'planned_releases', readonly Dec[]>>;
  readonly start: Dec;
  readonly beyond: Dec;
  readonly orders: readonly { order: string; kind: string; qty: Dec; release: IsoDate | null; due: IsoDate | null; action: string }[];
}

export function explainReport(ws: Workspace, pc: PlanContext, item: string, lang: Lang): ExplainReport | null {
  const g = itemGrid(pc.plan, item);
  if (!g) return null;
  const it = ws.data.items.find((i) => i.id === item)!;
  const msg = new Map(pc.plan.messages.filter((m) => m.item === item).map((m) => [m.supply, m]));
  const orders = suppliesOfItem(pc.plan, item)
    .map((id) => pc.pegs.supply(id))
    .filter((s) => s.kind !== 'onhand')
    .map((s) => {
      const m = msg.get(s.id);
      return { order: s.ref, kind: s.kind === 'planned' ? `planned ${it.type}` : supplyType(s, pc.plan), qty: s.qty, release: s.release, due: s.due, action: m ? `${LABEL[m.kind]}${m.newDate && m.kind !== 'past-due' ? ` to ${m.newDate}` : ''}` : '' };
    });
  const rec = g.record;
  return {
    item,
    name: itemNames(ws, lang)(item),
    type: it.phantom ? 'phantom' : it.type,
    llc: rec.llc,
    lot_rule: rec.lotRule,
    lead_time: rec.leadTime,
    safety_stock: rec.safetyStock,
    on_hand: rec.onHand,
    allocated: rec.allocated,
    buckets: pc.plan.buckets,
    rows: { gross: g.gross, receipts: g.receipts, projected: g.projected, net: g.net, planned_receipts: g.plannedReceipts, planned_releases: g.plannedReleases },
    start: g.start,
    beyond: rec.beyond,
    orders,
  };
}

export function bucketLabel(b: Bucket, kind: string): string {
  return kind === 'month' ? b.name : b.start.slice(5);
}

export function explainTable(r: ExplainReport, kind: string, lang: Lang = 'en'): TableModel {
  const L = (en: string, zh: string) => tr(lang, en, zh);
  const cols: Column[] = [
    { key: 'row', en: '', zh: '' },
    { key: 'start', en: 'start', zh: '期初' },
    ...r.buckets.map((b) => ({ key: b.name, en: bucketLabel(b, kind), align: 'right' as const })),
  ];
  const blank = (x: Dec) => (x.isZero() ? '' : x.normalize());
  const row = (label: string, xs: readonly Dec[], zeros = false, start: Cell = ''): Cell[] => [label, start, ...xs.map((x) => (zeros ? x.normalize() : blank(x)))];
  const phantom = r.type === 'phantom';
  return {
    title: L(
      `${r.item} ${r.name}: ${r.type}, low-level code ${r.llc}, ${phantom ? 'demand passed to its components' : `${r.lot_rule}, lead time ${r.lead_time} working days, safety stock ${r.safety_stock.normalize().toString()}`}; on hand ${r.on_hand.normalize().toString()}, allocated ${r.allocated.normalize().toString()}`,
      `${r.item} ${r.name}：${typeText(lang, r.type)}，低层码 ${r.llc}，${phantom ? '需求直接传给其组件' : `批量规则 ${r.lot_rule}，提前期 ${r.lead_time} 个工作日，安全库存 ${r.safety_stock.normalize().toString()}`}；现有库存 ${r.on_hand.normalize().toString()}，已分配 ${r.allocated.normalize().toString()}`,
    ),
    columns: cols,
    rows: [
      row(L('gross requirements', '毛需求'), r.rows.gross),
      row(L('scheduled receipts', '计划接收量（在途）'), r.rows.receipts),
      row(L('projected on hand', '预计在库'), r.rows.projected, !phantom, phantom ? '' : r.start.normalize()),
      row(L('net requirements', '净需求'), r.rows.net),
      row(L('planned order receipts', '计划订单接收'), r.rows.planned_receipts),
      row(L('planned order releases', '计划订单下达'), r.rows.planned_releases),
    ],
    notes: [
      L(
        `Buckets are ${kind === 'month' ? 'months' : kind === 'week' ? 'weeks, headed by their first day' : 'days'}; the first starts on ${r.buckets[0]!.start} and also holds everything past due. Receipts count from the start of their bucket.`,
        `时段按${kind === 'month' ? '月' : kind === 'week' ? '周（以每周第一天为列名）' : '日'}划分；第一个时段从 ${r.buckets[0]!.start} 开始，也包含所有已过期的数量。接收量从其所在时段开始计入。`,
      ),
      L(
        'start = on hand − allocated; projected on hand = previous + scheduled receipts + planned receipts − gross requirements; net requirement = safety stock − (previous + scheduled receipts − gross requirements) when positive.',
        '期初 = 现有库存 − 已分配；预计在库 = 上期 + 计划接收量 + 计划订单接收 − 毛需求；净需求 = 安全库存 − (上期 + 计划接收量 − 毛需求)，为正时才计。',
      ),
      ...(r.beyond.sign() > 0 ? [L(`Demand after the horizon, not planned: ${r.beyond.normalize().toString()}.`, `计划期之后的需求（未计划）：${r.beyond.normalize().toString()}。`)] : []),
      ...r.orders.map((o) =>
        L(
          `${o.order} (${o.kind}) ${o.qty.normalize().toString()}${o.release ? ` release ${o.release}` : ''} due ${o.due}${o.action ? ` — ${o.action}` : ''}`,
          `${o.order}（${typeText(lang, o.kind)}）${o.qty.normalize().toString()}${o.release ? `，下达 ${o.release}` : ''}，到期 ${o.due}${o.action ? ` — ${actionText(lang, o.action)}` : ''}`,
        ),
      ),
    ],
  };
}

// ---------------- pegging ----------------

export interface PegRow {
  readonly depth: number;
  readonly node: 'demand' | 'supply';
  readonly what: string;
  readonly item: string;
  readonly qty: Dec;
  readonly date: IsoDate | null;
  readonly action: string;
}

function demandLabel(d: Demand): string {
  const via = d.via?.length ? ` via ${d.via.join(', ')}` : '';
  switch (d.kind) {
    case 'sales':
      return `sales order ${d.ref}`;
    case 'forecast':
      return d.ref;
    case 'safety':
      return 'safety stock';
    case 'allocation':
      return `allocated to ${d.ref}${via}`;
    case 'dependent':
      return `component of ${d.ref}${via}`;
  }
}

function supplyLabel(s: Supply, pc: PlanContext): string {
  if (s.kind === 'onhand') return 'on hand';
  if (s.kind === 'planned') return `${s.ref} (planned ${plannedOf(pc.plan, s.id)?.type ?? ''})`;
  return `${s.ref} (${supplyType(s, pc.plan)})`;
}

export interface PeggingReport {
  readonly query: string;
  readonly mode: 'demand' | 'item' | 'order';
  readonly rows: readonly PegRow[];
}

/** The chain below sales-order lines (SO-… or SO-…/line), above an item's supplies, or above one order (PO-…/1, WO-…, PL-…). */
export function peggingReport(pc: PlanContext, query: string, isItem: boolean): PeggingReport | null {
  const { plan, pegs } = pc;
  const msg = new Map(plan.messages.map((m) => [m.supply, m]));
  const act = (s: Supply) => {
    const m = msg.get(s.id);
    return m ? LABEL[m.kind] : '';
  };
  const rows: PegRow[] = [];
  const supplyRow = (depth: number, s: Supply, qty: Dec) => rows.push({ depth, node: 'supply', what: supplyLabel(s, pc), item: s.item, qty, date: s.kind === 'planned' ? s.release : s.due, action: act(s) });
  const up = (s: Supply, depth: number, seen: Set<number>) => {
    for (const { demand, qty } of pegs.demandsOf(s.id)) {
      rows.push({ depth, node: 'demand', what: demandLabel(demand), item: demand.item, qty, date: demand.date, action: '' });
      if (demand.parent >= 0 && !seen.has(demand.parent)) {
        const p = pegs.supply(demand.parent);
        supplyRow(depth + 1, p, p.qty);
        up(p, depth + 2, new Set(seen).add(p.id));
      }
    }
    const extra = pegs.unpegged(s.id);
    if (extra.sign() > 0) rows.push({ depth, node: 'demand', what: 'not needed (excess)', item: s.item, qty: extra, date: null, action: '' });
  };
  if (!isItem) {
    const roots = plan.demands.filter((d) => d.parent === -1 && !d.via && d.kind === 'sales' && (d.ref === query || d.ref.startsWith(query + '/')));
    if (roots.length) {
      for (const d of roots.sort((a, b) => naturalCompare(a.ref, b.ref))) {
        for (const n of pegTree(pegs, d)) {
          // a phantom's own demand row adds nothing: its components follow, marked "via"
          if (n.demand && plan.records.get(n.demand.item)?.phantom) continue;
          if (n.demand) rows.push({ depth: n.depth, node: 'demand', what: demandLabel(n.demand), item: n.demand.item, qty: n.qty, date: n.demand.date, action: '' });
          else supplyRow(n.depth, n.supply!, n.qty);
        }
      }
      return { query, mode: 'demand', rows };
    }
    const found = findOrders(pc, query);
    if (!found.length) return null;
    for (const x of found) {
      supplyRow(0, x, x.qty);
      up(x, 1, new Set([x.id]));
    }
    return { query, mode: 'order', rows };
  }
  for (const s of suppliesOfItem(plan, query).map((id) => pegs.supply(id))) {
    supplyRow(0, s, s.qty);
    up(s, 1, new Set([s.id]));
  }
  return { query, mode: 'item', rows };
}

/** Open orders (PO-… or PO-…/line, WO-…) and planned orders (PL-<item>-<due>[-lot]) with this id. */
function findOrders(pc: PlanContext, query: string): Supply[] {
  const { plan } = pc;
  const stored = plan.supplies.filter((x) => x.kind !== 'onhand' && (x.ref === query || (x.kind === 'po' && x.ref.startsWith(query + '/'))));
  if (stored.length) return stored;
  const m = /^PL-(.+)-(\d{4}-\d{2}-\d{2})(?:-\d+)?$/.exec(query);
  if (!m || !plan.records.has(m[1]!)) return [];
  const [a, b] = plan.orders.range(m[1]!);
  for (let i = a; i < b; i++) if (plan.orders.at(i).id === query) return [pc.pegs.supply(PLANNED_BASE + i)];
  return [];
}

export function peggingTable(r: PeggingReport, indent: boolean, lang: Lang = 'en'): TableModel {
  const L = (en: string, zh: string) => tr(lang, en, zh);
  return {
    columns: [
      { key: 'level', en: 'level', zh: '层级' },
      { key: 'what', en: r.mode === 'demand' ? 'demand ← supply' : 'supply → demand', zh: r.mode === 'demand' ? '需求 ← 供给' : '供给 → 需求' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'qty', en: 'qty', zh: '数量' },
      { key: 'date', en: 'date', zh: '日期' },
      { key: 'action', en: 'action', zh: '建议' },
    ],
    rows: r.rows.map((x) => [x.depth, (indent ? '  '.repeat(x.depth) : '') + (x.node === 'supply' ? (r.mode === 'demand' ? '← ' : '') : r.mode === 'demand' ? '' : '→ ') + pegText(lang, x.what), x.item, x.qty.normalize(), x.date ?? '', actionText(lang, x.action)]),
    notes:
      r.mode === 'demand'
        ? [
            L(
              'Each demand is followed by the supplies that cover it (first in, first out: on hand, then open and planned orders by date), and each order by the component demand it causes.',
              '每条需求下列出满足它的供给（先进先出：先现有库存，再按日期取未结订单和计划订单），每个订单下列出它带来的组件需求。',
            ),
            L('Quantities are the share serving this sales order. Dates: demand = when needed; open order = due; planned order = release.', '数量为服务于该销售订单的份额。日期：需求 = 需要日；未结订单 = 到期日；计划订单 = 下达日。'),
          ]
        : [
            L(
              'Each supply is followed by the demands it covers and, for component demand, the parent order and what that order serves, up to the sales orders, forecast or safety stock.',
              '每个供给下列出它满足的需求；组件需求再列出其上级订单及该订单服务的需求，直到销售订单、预测或安全库存。',
            ),
          ],
  };
}
