/**
 * Supplier follow-up: overdue purchase-order lines and supplier delivery metrics.
 *
 * A line's received quantity counts at as-of when its last receipt
 * (received_date) is on or before as-of; a receipt dated after as-of had not
 * happened yet (so a past as-of shows lines that were open then).
 *
 *   overdue line     PO open (or closed after as-of), open qty = qty − received > 0, due < as-of;
 *                    days late = as-of − due (calendar days)
 *   judged line      a line of an open or closed PO that is due before as-of, or was fully
 *                    received by as-of (an early delivery counts); fully received lines without
 *                    a received_date cannot be judged and are left out
 *   on time          fully received with received_date ≤ due
 *   on-time rate     on-time lines ÷ judged lines
 *   late receipt     fully received with received_date > due; delay = received_date − due
 *   average delay    mean delay of late receipts (calendar days)
 *   open value       Σ open qty × price (before tax) of lines of open POs, per currency
 */
import { Dec } from '../../domain/decimal.js';
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { PoDoc } from './position.js';

type PoLine = PoDoc['lines'][number];

function receivedAt(l: PoLine, asOf: IsoDate): Dec {
  return l.received_date !== undefined && l.received_date > asOf ? Dec.ZERO : l.received;
}

function isOpenAt(po: PoDoc, l: PoLine, asOf: IsoDate): boolean {
  if (po.status === 'draft' || po.status === 'cancelled') return false;
  if (po.status === 'closed' && !(l.received_date !== undefined && l.received_date > asOf)) return false;
  return l.qty.gt(receivedAt(l, asOf));
}

export interface OverdueLine {
  readonly po: string;
  readonly line: number;
  readonly supplier: string;
  readonly item: string;
  readonly ordered: Dec;
  readonly received: Dec;
  readonly open: Dec;
  readonly due: IsoDate;
  readonly daysLate: number;
  readonly lastReceipt: IsoDate | null;
  readonly partial: boolean;
  readonly price: Dec;
  readonly currency: string | null;
}

/** Open lines past their due date, oldest due first (then PO id, line number). */
export function overdueLines(orders: readonly PoDoc[], asOf: IsoDate): OverdueLine[] {
  const out: OverdueLine[] = [];
  for (const po of orders) {
    for (const l of po.lines) {
      if (l.due >= asOf || !isOpenAt(po, l, asOf)) continue;
      const rec = receivedAt(l, asOf);
      out.push({
        po: po.id,
        line: l.line,
        supplier: po.supplier,
        item: l.item,
        ordered: l.qty,
        received: rec,
        open: l.qty.sub(rec),
        due: l.due,
        daysLate: diffDays(asOf, l.due),
        lastReceipt: rec.sign() > 0 ? (l.received_date ?? null) : null,
        partial: rec.sign() > 0,
        price: l.price,
        currency: po.currency ?? null,
      });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : naturalCompare(a.po, b.po) || a.line - b.line));
}

export interface SupplierMetrics {
  readonly supplier: string;
  readonly judged: number;
  readonly onTime: number;
  /** on time ÷ judged × 100, half-up to 1 decimal; null when nothing was judged. */
  readonly rate: Dec | null;
  readonly lateReceipts: number;
  /** Mean delay of late receipts in days, half-up to 1 decimal; null without late receipts. */
  readonly avgDelay: Dec | null;
  readonly openLines: number;
  readonly overdueLines: number;
  /** Open value per currency (null currency = the base currency), exact. */
  readonly openValue: ReadonlyMap<string | null, Dec>;
}

export function supplierMetrics(orders: readonly PoDoc[], suppliers: readonly string[], asOf: IsoDate): SupplierMetrics[] {
  type Acc = { judged: number; onTime: number; late: number; delay: number; open: number; overdue: number; value: Map<string | null, Dec> };
  const acc = new Map<string, Acc>();
  const get = (s: string) => {
    let a = acc.get(s);
    if (!a) acc.set(s, (a = { judged: 0, onTime: 0, late: 0, delay: 0, open: 0, overdue: 0, value: new Map() }));
    return a;
  };
  for (const s of suppliers) get(s);
  for (const po of orders) {
    if (po.status === 'draft' || po.status === 'cancelled') continue;
    const a = get(po.supplier);
    for (const l of po.lines) {
      const rec = receivedAt(l, asOf);
      const full = rec.gte(l.qty);
      if (full && l.received_date === undefined) continue; // cannot be judged
      if (l.due < asOf || full) {
        a.judged++;
        if (full && l.received_date! <= l.due) a.onTime++;
        else if (full) {
          a.late++;
          a.delay += diffDays(l.received_date!, l.due);
        }
      }
      if (isOpenAt(po, l, asOf)) {
        a.open++;
        if (l.due < asOf) a.overdue++;
        if (po.status === 'open' || l.received_date !== undefined) {
          const cur = po.currency ?? null;
          a.value.set(cur, (a.value.get(cur) ?? Dec.ZERO).add(l.qty.sub(rec).mul(l.price)));
        }
      }
    }
  }
  return [...acc.keys()].sort(naturalCompare).map((s) => {
    const a = acc.get(s)!;
    return {
      supplier: s,
      judged: a.judged,
      onTime: a.onTime,
      rate: a.judged ? Dec.int(a.onTime * 100).div(Dec.int(a.judged), 1, 'half-up') : null,
      lateReceipts: a.late,
      avgDelay: a.late ? Dec.int(a.delay).div(Dec.int(a.late), 1, 'half-up') : null,
      openLines: a.open,
      overdueLines: a.overdue,
      openValue: a.value,
    };
  });
}
