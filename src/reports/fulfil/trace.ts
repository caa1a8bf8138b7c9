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
import { customerNames, orderInput, supplyKindLabel, type FulfilContext } from './context.js';

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

export type TraceTarget = { kind: 'order'; id: string } | { kind: 'ticket'; id: string; order: string | null } | { kind: 'unknown' };

/** What a reference names: a ticket (traced through its sales order) or a sales order. */
export function traceTarget(ws: Workspace, ref: string): TraceTarget {
  const t = ws.data.tickets.find((x) => x.id === ref);
  if (t) return { kind: 'ticket', id: t.id, order: t.sales_order ?? null };
  if (ws.data['sales-orders'].some((s) => s.id === ref)) return { kind: 'order', id: ref };
  return { kind: 'unknown' };
}

function supplyNote(fc: FulfilContext, ws: Workspace, n: TraceNode, supplierName: (id: string) => string): string {
  const s = n.supply;
  const parts: string[] = [];
  switch (s.kind) {
    case 'onhand':
      return 'allocated from stock';
    case 'po': {
      const po = ws.data['purchase-orders'].find((p) => p.id === s.ref.replace(/\/\d+$/, ''));
      if (po) parts.push(`${po.supplier} ${supplierName(po.supplier)}`);
      if (n.overdueDays > 0) parts.push(`${n.overdueDays} days overdue`);
      break;
    }
    case 'wo': {
      const wo = ws.data['work-orders'].find((w) => w.id === s.ref);
      if (wo) parts.push(`${wo.status}, ${wo.completed.normalize().toString()} of ${wo.qty.normalize().toString()} done`);
      if (n.overdueDays > 0) parts.push(`${n.overdueDays} days overdue`);
      break;
    }
    case 'firm':
      parts.push(n.overdueDays > 0 ? `firm planned, start was ${s.release}` : `firm planned, start ${s.release}`);
      break;
    case 'planned':
      parts.push(n.overdueDays > 0 ? `past due: release was ${s.release}` : `release ${s.release}`);
      break;
  }
  const b = fc.dates.of(s);
  if (b.why === 'components' && b.blocker) parts.push(`waits for ${b.blocker.ref}`);
  else if (b.why === 'not-released') parts.push('not released');
  return parts.join('; ');
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
      supply: supply.map((n) => ({
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
        note: supplyNote(fc, ws, n, supplierName),
      })),
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

function lineNote(l: TraceLine): string {
  const parts: string[] = [l.status];
  if (l.shipped.sign() > 0 && l.status !== 'shipped') parts.push(`${l.shipped.normalize().toString()} of ${l.ordered.normalize().toString()} shipped`);
  if (l.open.sign() > 0 && l.status !== 'draft') parts.push(`${l.open.normalize().toString()} open`);
  if (l.allocated.sign() > 0) parts.push(`${l.allocated.normalize().toString()} allocated from stock`);
  if (l.unplanned_why === 'beyond-horizon') parts.push('due after the planning horizon: not planned yet');
  if (l.status === 'draft') parts.push('a draft is not planned');
  if (l.late) parts.push(l.overdue_days > 0 ? `late: ${l.overdue_days} days overdue` : 'late');
  return parts.join(', ');
}

export function traceTable(r: TraceReport): TableModel {
  const rows: Cell[][] = [];
  const o = r.order;
  const lineOfItem = (item: string): number | '' => {
    const ls = r.lines.filter((l) => l.item === item);
    return ls.length === 1 ? ls[0]!.line : '';
  };
  for (const l of r.lines) {
    rows.push([l.line, 0, 'line', `${o.id}/${l.line}`, l.item, l.ordered.normalize(), l.due, l.expected ?? '', l.days_late ?? (l.overdue_days || ''), lineNote(l)]);
    for (const s of l.supply) rows.push([l.line, s.level, s.type, s.kind === 'onhand' ? '' : s.ref, s.item, s.qty.normalize(), s.due ?? '', s.expected ?? '', s.late_days || '', s.note]);
    for (const m of r.moves.filter((x) => lineOfItem(x.item) === l.line)) rows.push([l.line, '', m.kind, m.id, m.item, m.qty.normalize(), m.date, '', '', `${m.from ?? ''} → ${m.to ?? ''}`]);
    if (l.why) rows.push([l.line, '', 'why', '', '', '', '', '', '', l.why]);
  }
  for (const m of r.moves.filter((x) => lineOfItem(x.item) === '')) rows.push(['', '', m.kind, m.id, m.item, m.qty.normalize(), m.date, '', '', `${m.from ?? ''} → ${m.to ?? ''}`]);
  for (const i of r.invoices) rows.push(['', '', 'invoice', i.id, '', i.total, i.date, '', '', `${i.currency}, due ${i.due}, open ${i.open.toString()}`]);
  for (const p of r.settlements) rows.push(['', '', p.kind === 'payment' ? 'payment' : 'credit note', p.id, '', p.amount, p.date, '', '', `applied to ${p.invoice}`]);
  const t = r.ticket;
  const head = `${o.id} ${o.customer} ${o.customer_name}: ordered ${o.date}, ${o.status}${o.deal ? `, deal ${o.deal}` : ''}${o.owner ? `, owner ${o.owner}` : ''}${o.customer_ref ? `, customer ref ${o.customer_ref}` : ''}; ${r.late_lines ? `${r.late_lines} late line${r.late_lines === 1 ? '' : 's'}` : 'nothing late'} on ${r.as_of}`;
  return {
    title: t ? `${t.id} (${t.priority}, ${t.status}, opened ${t.opened}${t.owner ? `, owner ${t.owner}` : ''}): ${t.subject}\n${head}` : head,
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
      ...r.lines.filter((l) => l.why).map((l) => `Line ${l.line}: ${l.why}`),
      'Under each open line: the supplies MRP pegs to it, level by level (1 = the item, 2 = its components, …; components taken from stock are left out), with the share serving this line.',
      'expected = when it can be there: open orders on their due date (today at the earliest when overdue), pushed back when a component arrives after their start (then + lead time); planned orders whose release has passed: released today + lead time.',
      'A line is late when its due date has passed with quantity open, or when it is expected after its due date (docs/fulfilment.md).',
    ],
  };
}
