/** `bizctl order trace SO-…|T-…`: one sales order (or the order of a ticket) through production, purchasing, shipping and invoicing. */
import type { Dec } from '../../domain/decimal.js';
import { formatDateTime, type IsoDate } from '../../domain/dates.js';
import { orderDocuments, type InvoiceSettlement, type OrderInvoice, type OrderMove } from '../../engines/fulfil/documents.js';
import type { LateCause, LineStatus, LineTrace, TraceNode } from '../../engines/fulfil/lines.js';
import type { ExpectedWhy } from '../../engines/fulfil/expected.js';
import type { SupplyKind } from '../../engines/mrp/types.js';
import type { Cell, Lang, TableModel } from '../../render/model.js';
import type { Workspace } from '../../workspace/workspace.js';
import { itemNames } from '../inventory/common.js';
import { tr } from '../crm/inputs.js';
import { customerNames, orderInput, supplyKindLabel, type FulfilContext } from './context.js';
import { causeZh, statusZh, whatZh } from './words-zh.js';

/** The Chinese note of a supply row, for tables (the JSON `note` stays English). */
const noteZh = new WeakMap<TraceSupplyRow, string>();

export interface TraceTicket {
  readonly id: string;
  readonly subject: string;
  readonly customer: string;
  readonly category: string | null;
  readonly priority: string;
  readonly status: string;
  readonly opened: string;
  readonly owner: string | null;
}

export interface TraceSupplyRow {
  readonly level: number;
  readonly type: string;
  readonly kind: SupplyKind;
  readonly ref: string;
  readonly item: string;
  /** Share serving this line. */
  readonly qty: Dec;
  /** The order's own (open) quantity. */
  readonly order_qty: Dec;
  readonly due: IsoDate | null;
  /** Work orders: start; planned orders: release. */
  readonly release: IsoDate | null;
  readonly plan_date: IsoDate;
  readonly expected: IsoDate | null;
  readonly why: ExpectedWhy;
  readonly overdue_days: number;
  readonly late_days: number;
  readonly note: string;
}

export interface TraceLine {
  readonly line: number;
  readonly item: string;
  readonly item_name: string;
  readonly due: IsoDate;
  readonly ordered: Dec;
  readonly shipped: Dec;
  readonly open: Dec;
  readonly status: LineStatus;
  readonly allocated: Dec;
  readonly unplanned: Dec;
  readonly unplanned_why: LineTrace['unplannedWhy'];
  readonly covered: IsoDate | null;
  readonly expected: IsoDate | null;
  readonly late: boolean;
  readonly overdue_days: number;
  readonly days_late: number | null;
  readonly why: string | null;
  readonly cause: Omit<LateCause, 'sentence'> | null;
  readonly supply: readonly TraceSupplyRow[];
}

export interface TraceReport {
  readonly as_of: IsoDate;
  readonly ticket: TraceTicket | null;
  readonly order: {
    readonly id: string;
    readonly customer: string;
    readonly customer_name: string;
    readonly date: IsoDate;
    readonly status: string;
    readonly deal: string | null;
    readonly owner: string | null;
    readonly customer_ref: string | null;
  };
  readonly lines: readonly TraceLine[];
  readonly late_lines: number;
  readonly moves: readonly OrderMove[];
  readonly invoices: readonly OrderInvoice[];
  readonly settlements: readonly InvoiceSettlement[];
}

const TICKET_ZH: Record<string, string> = { urgent: '紧急', high: '高', normal: '普通', low: '低', open: '处理中', pending: '待回复', resolved: '已解决', closed: '已关闭' };

export type TraceTarget = { kind: 'order'; id: string } | { kind: 'ticket'; id: string; order: string | null } | { kind: 'unknown' };

/** What a reference names: a ticket (traced through its sales order) or a sales order. */
export function traceTarget(ws: Workspace, ref: string): TraceTarget {
  const t = ws.data.tickets.find((x) => x.id === ref);
  if (t) return { kind: 'ticket', id: t.id, order: t.sales_order ?? null };
  if (ws.data['sales-orders'].some((s) => s.id === ref)) return { kind: 'order', id: ref };
  return { kind: 'unknown' };
}

/** A supply row's note in English (JSON, tables) and Chinese (tables). */
function supplyNote(fc: FulfilContext, ws: Workspace, n: TraceNode, supplierName: (id: string) => string): { en: string; zh: string } {
  const s = n.supply;
  const parts: string[] = [];
  const zh: string[] = [];
  const add = (en: string, z: string) => {
    parts.push(en);
    zh.push(z);
  };
  switch (s.kind) {
    case 'onhand':
      return { en: 'allocated from stock', zh: '从库存分配' };
    case 'po': {
      const po = ws.data['purchase-orders'].find((p) => p.id === s.ref.replace(/\/\d+$/, ''));
      if (po) add(`${po.supplier} ${supplierName(po.supplier)}`, `${po.supplier} ${supplierName(po.supplier)}`);
      if (n.overdueDays > 0) add(`${n.overdueDays} days overdue`, `已逾期 ${n.overdueDays} 天`);
      break;
    }
    case 'wo': {
      const wo = ws.data['work-orders'].find((w) => w.id === s.ref);
      if (wo) add(`${wo.status}, ${wo.completed.normalize().toString()} of ${wo.qty.normalize().toString()} done`, `${statusZh(wo.status)}，已完成 ${wo.completed.normalize().toString()}/${wo.qty.normalize().toString()}`);
      if (n.overdueDays > 0) add(`${n.overdueDays} days overdue`, `已逾期 ${n.overdueDays} 天`);
      break;
    }
    case 'firm':
      if (n.overdueDays > 0) add(`firm planned, start was ${s.release}`, `确认计划，原定开工 ${s.release}`);
      else add(`firm planned, start ${s.release}`, `确认计划，开工 ${s.release}`);
      break;
    case 'planned':
      if (n.overdueDays > 0) add(`past due: release was ${s.release}`, `已过下达期：原下达日 ${s.release}`);
      else add(`release ${s.release}`, `下达 ${s.release}`);
      break;
  }
  const b = fc.dates.of(s);
  if (b.why === 'components' && b.blocker) add(`waits for ${b.blocker.ref}`, `等待 ${b.blocker.ref}`);
  else if (b.why === 'not-released') add('not released', '未下达');
  return { en: parts.join('; '), zh: zh.join('；') };
}

export function traceReport(ws: Workspace, fc: FulfilContext, orderId: string, ticketId: string | null, lang: Lang): TraceReport {
  const so = ws.data['sales-orders'].find((s) => s.id === orderId)!;
  const names = itemNames(ws, lang);
  const supNames = new Map(ws.data.suppliers.map((s) => [s.id, lang === 'en' && s.name_en ? s.name_en : s.name]));
  const supplierName = (id: string) => supNames.get(id) ?? '';
  const input = orderInput(so);
  const lines: TraceLine[] = so.lines.map((l) => {
    const t = fc.fulfil.trace(input, l);
    const supply = t.open.sign() > 0 && so.status === 'open' ? fc.fulfil.tree(so.id, l.line) : [];
    const { sentence, ...cause } = t.cause ?? { sentence: null };
    return {
      line: t.line,
      item: t.item,
      item_name: names(t.item),
      due: t.due,
      ordered: t.ordered,
      shipped: t.shipped,
      open: t.open,
      status: t.status,
      allocated: t.allocated,
      unplanned: t.unplanned,
      unplanned_why: t.unplannedWhy,
      covered: t.covered,
      expected: t.expected,
      late: t.late,
      overdue_days: t.overdueDays,
      days_late: t.daysLate,
      why: sentence,
      cause: t.cause ? (cause as Omit<LateCause, 'sentence'>) : null,
      supply: supply.map((n) => {
        const note = supplyNote(fc, ws, n, supplierName);
        const row: TraceSupplyRow = {
        level: n.level,
        type: supplyKindLabel(n.supply, fc.plan),
        kind: n.supply.kind,
        ref: n.supply.ref,
        item: n.supply.item,
        qty: n.qty,
        order_qty: n.supply.qty,
        due: n.supply.kind === 'onhand' ? null : n.supply.due,
        release: n.supply.release,
        plan_date: n.planDate,
        expected: n.expected,
        why: n.why,
        overdue_days: n.overdueDays,
        late_days: n.lateDays,
        note: note.en,
        };
        noteZh.set(row, note.zh);
        return row;
      }),
    };
  });
  const docs = orderDocuments(ws.data, ws.config, so.id, fc.plan.asOf);
  const tk = ticketId ? ws.data.tickets.find((t) => t.id === ticketId)! : null;
  return {
    as_of: fc.plan.asOf,
    ticket: tk ? { id: tk.id, subject: tk.subject, customer: tk.customer, category: tk.category ?? null, priority: tk.priority, status: tk.status, opened: formatDateTime(tk.opened), owner: tk.owner ?? null } : null,
    order: { id: so.id, customer: so.customer, customer_name: customerNames(ws, lang)(so.customer), date: so.date, status: so.status, deal: so.deal ?? null, owner: so.owner ?? null, customer_ref: so.customer_ref ?? null },
    lines,
    late_lines: lines.filter((l) => l.late).length,
    moves: docs.moves,
    invoices: docs.invoices,
    settlements: docs.settlements,
  };
}

function lineNote(l: TraceLine, lang: Lang): string {
  const q = (x: Dec) => x.normalize().toString();
  const parts: string[] = [lang === 'zh-CN' ? statusZh(l.status) : l.status];
  const L = (en: string, zh: string) => parts.push(tr(lang, en, zh));
  if (l.shipped.sign() > 0 && l.status !== 'shipped') L(`${q(l.shipped)} of ${q(l.ordered)} shipped`, `已发 ${q(l.shipped)}/${q(l.ordered)}`);
  if (l.open.sign() > 0 && l.status !== 'draft') L(`${q(l.open)} open`, `未发 ${q(l.open)}`);
  if (l.allocated.sign() > 0) L(`${q(l.allocated)} allocated from stock`, `库存已分配 ${q(l.allocated)}`);
  if (l.unplanned_why === 'beyond-horizon') L('due after the planning horizon: not planned yet', '交期在计划期之后：尚未计划');
  if (l.status === 'draft') L('a draft is not planned', '草稿不参与计划');
  if (l.late) L(l.overdue_days > 0 ? `late: ${l.overdue_days} days overdue` : 'late', l.overdue_days > 0 ? `延迟：已逾期 ${l.overdue_days} 天` : '延迟');
  return parts.join(tr(lang, ', ', '，'));
}

/** The "why late" sentence of a line in the table's language. */
function whyText(l: TraceLine, asOf: IsoDate, lang: Lang): string | null {
  if (!l.why || lang !== 'zh-CN' || !l.cause) return l.why;
  return causeZh({ open: l.open, item: l.item, due: l.due, overdueDays: l.overdue_days, expected: l.expected, unplanned: l.unplanned, allocated: l.allocated }, l.cause, asOf);
}

export function traceTable(r: TraceReport, lang: Lang = 'en'): TableModel {
  const L = (en: string, zh: string) => tr(lang, en, zh);
  const W = (w: string) => (lang === 'zh-CN' ? whatZh(w) : w);
  const rows: Cell[][] = [];
  const o = r.order;
  const lineOfItem = (item: string): number | '' => {
    const ls = r.lines.filter((l) => l.item === item);
    return ls.length === 1 ? ls[0]!.line : '';
  };
  for (const l of r.lines) {
    rows.push([l.line, 0, W('line'), `${o.id}/${l.line}`, l.item, l.ordered.normalize(), l.due, l.expected ?? '', l.days_late ?? (l.overdue_days || ''), lineNote(l, lang)]);
    for (const s of l.supply) rows.push([l.line, s.level, W(s.type), s.kind === 'onhand' ? '' : s.ref, s.item, s.qty.normalize(), s.due ?? '', s.expected ?? '', s.late_days || '', lang === 'zh-CN' ? (noteZh.get(s) ?? s.note) : s.note]);
    for (const m of r.moves.filter((x) => lineOfItem(x.item) === l.line)) rows.push([l.line, '', W(m.kind), m.id, m.item, m.qty.normalize(), m.date, '', '', `${m.from ?? ''} → ${m.to ?? ''}`]);
    if (l.why) rows.push([l.line, '', W('why'), '', '', '', '', '', '', whyText(l, r.as_of, lang)]);
  }
  for (const m of r.moves.filter((x) => lineOfItem(x.item) === '')) rows.push(['', '', W(m.kind), m.id, m.item, m.qty.normalize(), m.date, '', '', `${m.from ?? ''} → ${m.to ?? ''}`]);
  for (const i of r.invoices) rows.push(['', '', W('invoice'), i.id, '', i.total, i.date, '', '', L(`${i.currency}, due ${i.due}, open ${i.open.toString()}`, `${i.currency}，到期 ${i.due}，未结 ${i.open.toString()}`)]);
  for (const p of r.settlements) rows.push(['', '', W(p.kind === 'payment' ? 'payment' : 'credit note'), p.id, '', p.amount, p.date, '', '', L(`applied to ${p.invoice}`, `核销 ${p.invoice}`)]);
  const t = r.ticket;
  const head = L(
    `${o.id} ${o.customer} ${o.customer_name}: ordered ${o.date}, ${o.status}${o.deal ? `, deal ${o.deal}` : ''}${o.owner ? `, owner ${o.owner}` : ''}${o.customer_ref ? `, customer ref ${o.customer_ref}` : ''}; ${r.late_lines ? `${r.late_lines} late line${r.late_lines === 1 ? '' : 's'}` : 'nothing late'} on ${r.as_of}`,
    `${o.id} ${o.customer} ${o.customer_name}：下单 ${o.date}，${statusZh(o.status)}${o.deal ? `，商机 ${o.deal}` : ''}${o.owner ? `，负责人 ${o.owner}` : ''}${o.customer_ref ? `，客户单号 ${o.customer_ref}` : ''}；截至 ${r.as_of} ${r.late_lines ? `${r.late_lines} 行延迟` : '没有延迟'}`,
  );
  return {
    title: t
      ? L(
          `${t.id} (${t.priority}, ${t.status}, opened ${t.opened}${t.owner ? `, owner ${t.owner}` : ''}): ${t.subject}\n${head}`,
          `${t.id}（${TICKET_ZH[t.priority] ?? t.priority}，${TICKET_ZH[t.status] ?? t.status}，${t.opened} 创建${t.owner ? `，负责人 ${t.owner}` : ''}）：${t.subject}\n${head}`,
        )
      : head,
    columns: [
      { key: 'line', en: 'line', zh: '行' },
      { key: 'level', en: 'level', zh: '层级' },
      { key: 'what', en: 'what', zh: '类型' },
      { key: 'ref', en: 'ref', zh: '单号' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'qty', en: 'qty / amount', zh: '数量/金额' },
      { key: 'date', en: 'due / date', zh: '交期/日期' },
      { key: 'expected', en: 'expected', zh: '预计' },
      { key: 'days_late', en: 'days late', zh: '延迟天数' },
      { key: 'note', en: 'note', zh: '说明' },
    ],
    rows,
    notes: [
      ...r.lines.filter((l) => l.why).map((l) => L(`Line ${l.line}: ${l.why}`, `第 ${l.line} 行：${whyText(l, r.as_of, lang)}`)),
      L(
        'Under each open line: the supplies MRP pegs to it, level by level (1 = the item, 2 = its components, …; components taken from stock are left out), with the share serving this line.',
        '每个未结行下列出 MRP 分配给它的供给，逐层列出（1 = 该物料，2 = 其组件，……；从库存领用的组件不列出），数量为服务于该行的份额。',
      ),
      L(
        'expected = when it can be there: open orders on their due date (today at the earliest when overdue), pushed back when a component arrives after their start (then + lead time); planned orders whose release has passed: released today + lead time.',
        '预计 = 能到位的日期：未结订单按其到期日（已逾期则最早为今天），组件晚于开工日到货时顺延（组件到货日 + 提前期）；已过下达日的计划订单：今天下达 + 提前期。',
      ),
      L('A line is late when its due date has passed with quantity open, or when it is expected after its due date (docs/fulfilment.md).', '订单行延迟：交期已过且仍有未发数量，或预计日期晚于交期（见 docs/fulfilment.md）。'),
    ],
  };
}
