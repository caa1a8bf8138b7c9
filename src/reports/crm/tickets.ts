/** `crm tickets`: SLA clocks per ticket and summaries by priority, category and owner. */
import { WorkCalendar } from '../../domain/calendar.js';
import { addDays, formatDateTime, dayNumber, type IsoDate } from '../../domain/dates.js';
import { formatMinutes, groupTickets, orderStatus, ticketSla, type Clock, type ClockMode, type TicketGroup, type TicketIn, type TicketSla } from '../../engines/crm/tickets.js';
import type { TableModel } from '../../render/model.js';
import { naturalCompare } from '../../util/natural.js';
import { tr, type CrmInputs } from './inputs.js';
import { crmWord, orderStatusWord } from './words.js';

export const TICKET_VIEWS = ['open', 'breached', 'all', 'priority', 'category', 'owner'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export interface TicketRow extends Omit<TicketSla, 'opened' | 'first_response' | 'resolution'> {
  readonly opened: string;
  readonly first_response: ClockOut;
  readonly resolution: ClockOut;
  readonly order_status: string | null;
}

interface ClockOut {
  readonly target_min: number;
  readonly elapsed_min: number | null;
  readonly due: string | null;
  readonly state: Clock['state'];
}

export interface TicketsReport {
  readonly as_of: IsoDate;
  readonly now: string;
  readonly clock: ClockMode;
  readonly tickets: TicketRow[];
  readonly by_priority: TicketGroup[];
  readonly by_category: TicketGroup[];
  readonly by_owner: TicketGroup[];
  readonly open: number;
  readonly overdue: number;
  readonly breached: number;
}

/** `time` is minutes after midnight of the as-of day (default 24:00 = the end of the day). */
export function ticketsReport(inp: CrmInputs, clock: ClockMode, time: number): { report: TicketsReport; table(view: TicketView): TableModel; alerts: number } {
  const now = dayNumber(inp.asOf) * 1440 + time;
  const calendar = new WorkCalendar(inp.cfg.calendar);
  const orders = new Map(inp.ws.data['sales-orders'].map((so) => [so.id, so]));
  const sla = (inp.ws.data.tickets as unknown as TicketIn[])
    .filter((t) => t.opened < now)
    .map((t) => ticketSla(t, { now, clock, calendar, targets: inp.cfg.sla.priorities }))
    .sort((a, b) => a.opened - b.opened || naturalCompare(a.id, b.id));
  const out = (c: Clock): ClockOut => ({ target_min: c.target, elapsed_min: c.elapsed, due: Number.isFinite(c.due) ? formatDateTime(c.due) : null, state: c.state });
  const rows: TicketRow[] = sla.map((t) => {
    const so = t.sales_order ? orders.get(t.sales_order) : undefined;
    return { ...t, opened: formatDateTime(t.opened), first_response: out(t.first_response), resolution: out(t.resolution), order_status: so ? orderStatus(so) : null };
  });
  const prios = [...inp.cfg.sla.priorities.keys()];
  const report: TicketsReport = {
    as_of: inp.asOf,
    now: time >= 1440 ? `${addDays(inp.asOf, 1)} 00:00` : formatDateTime(now),
    clock,
    tickets: rows,
    by_priority: groupTickets(sla, (t) => t.priority, prios),
    by_category: groupTickets(sla, (t) => t.category),
    by_owner: groupTickets(sla, (t) => t.owner),
    open: sla.filter((t) => t.open).length,
    overdue: sla.filter((t) => t.overdue).length,
    breached: sla.filter((t) => t.breached).length,
  };
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const state = (s: Clock['state']) =>
    ({ met: L('met', '达标'), breached: L('breached', '超时'), running: L('running', '计时中'), overdue: L('OVERDUE', '已逾期'), 'n/a': L('n/a', '无') })[s];
  const clockText = (c: ClockOut) => (c.elapsed_min === null ? state(c.state) : `${formatMinutes(c.elapsed_min)} ${state(c.state)}`);
  const clockNote = L(
    `${clock === 'business' ? `business hours (${hm(inp.cfg.calendar.day_start)}–${hm(inp.cfg.calendar.day_end)} on working days)` : 'calendar time'}; open clocks run to ${report.now}; targets per priority: ${prios.map((p) => `${p} ${formatMinutes(inp.cfg.sla.priorities.get(p)!.first_response)}/${formatMinutes(inp.cfg.sla.priorities.get(p)!.resolution)}`).join(', ')} (first response/resolution)`,
    `${clock === 'business' ? `工作时间（工作日 ${hm(inp.cfg.calendar.day_start)}–${hm(inp.cfg.calendar.day_end)}）` : '自然时间'}；未完成的计时截至 ${report.now}；各优先级目标（首次响应/解决）：${prios.map((p) => `${crmWord(inp.lang, p)} ${formatMinutes(inp.cfg.sla.priorities.get(p)!.first_response)}/${formatMinutes(inp.cfg.sla.priorities.get(p)!.resolution)}`).join('，')}`,
  );
  const list = (ts: TicketRow[], title: string): TableModel => ({
    title,
    columns: [
      { key: 'ticket', en: 'Ticket', zh: '工单' },
      { key: 'priority', en: 'Priority', zh: '优先级' },
      { key: 'status', en: 'Status', zh: '状态' },
      { key: 'opened', en: 'Opened', zh: '创建时间' },
      { key: 'customer', en: 'Customer', zh: '客户' },
      { key: 'owner', en: 'Owner', zh: '负责人' },
      { key: 'category', en: 'Category', zh: '类别' },
      { key: 'first_response', en: 'First response', zh: '首次响应' },
      { key: 'resolution', en: 'Resolution', zh: '解决' },
      { key: 'resolution_due', en: 'Resolution due', zh: '解决时限' },
      { key: 'sales_order', en: 'Sales order', zh: '销售订单' },
      { key: 'order_status', en: 'Order status', zh: '订单状态' },
      { key: 'subject', en: 'Subject', zh: '主题' },
    ],
    rows: ts.map((t) => [t.id, crmWord(inp.lang, t.priority), crmWord(inp.lang, t.status), t.opened, t.customer, t.owner, t.category, clockText(t.first_response), clockText(t.resolution), t.resolution.due, t.sales_order, orderStatusWord(inp.lang, t.order_status), t.subject]),
    notes: [L(`${report.open} open, ${report.overdue} overdue, ${report.breached} breached (all tickets)`, `未结 ${report.open}，逾期 ${report.overdue}，超时 ${report.breached}（全部工单）`), clockNote],
  });
  const summary = (groups: TicketGroup[], key: string, en: string, zh: string): TableModel => ({
    title: L(`Tickets by ${en.toLowerCase()}`, `按${zh}的工单`),
    columns: [
      { key, en, zh },
      { key: 'tickets', en: 'Tickets', zh: '工单数' },
      { key: 'open', en: 'Open', zh: '未结' },
      { key: 'overdue', en: 'Overdue', zh: '逾期' },
      { key: 'breached_first_response', en: 'First response breached', zh: '首次响应超时' },
      { key: 'breached_resolution', en: 'Resolution breached', zh: '解决超时' },
      { key: 'avg_first_response', en: 'Average first response', zh: '平均首次响应', align: 'right' },
      { key: 'avg_resolution', en: 'Average resolution', zh: '平均解决时间', align: 'right' },
    ],
    rows: groups.map((g) => [g.key === null ? L('(none)', '（无）') : key === 'priority' ? crmWord(inp.lang, g.key) : g.key, g.tickets, g.open, g.overdue, g.breached_first_response, g.breached_resolution, formatMinutes(g.avg_first_response_min), formatMinutes(g.avg_resolution_min)]),
    notes: [L('averages over the tickets that have had a first response / a resolution; breached counts include open tickets already past their target', '平均值只计已响应 / 已解决的工单；超时数包括尚未完成但已超过目标的工单'), clockNote],
  });
  const table = (view: TicketView): TableModel => {
    switch (view) {
      case 'open':
        return list(rows.filter((t) => t.open), L(`Open tickets as of ${report.now}`, `未结工单（截至 ${report.now}）`));
      case 'breached':
        return list(rows.filter((t) => t.breached), L('Tickets that missed an SLA target', '超过 SLA 目标的工单'));
      case 'all':
        return list(rows, L('All tickets', '全部工单'));
      case 'priority':
        return summary(report.by_priority, 'priority', 'Priority', '优先级');
      case 'category':
        return summary(report.by_category, 'category', 'Category', '类别');
      case 'owner':
        return summary(report.by_owner, 'owner', 'Owner', '负责人');
    }
  };
  // Alerts for cron: open tickets that are overdue.
  return { report, table, alerts: sla.filter((t) => t.open && t.breached).length };
}

function hm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
