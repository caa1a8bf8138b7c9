/**
 * The documents of a sales order as of a date: stock moves that name it
 * (shipments, and transfers made for it), its invoices (`sales_order` = the
 * order) with their totals and what is still open, and the payments and
 * credit notes applied to those invoices. Anything dated after the as-of date
 * has not happened yet and is left out.
 */
import type { IsoDate } from '../../domain/dates.js';
import type { Dec } from '../../domain/decimal.js';
import { documentTotals } from '../../domain/documents.js';
import type { Config } from '../../workspace/config.js';
import { minorUnit } from '../../workspace/config.js';
import type { Data } from '../../workspace/workspace.js';
import { naturalCompare } from '../../util/natural.js';
import { openItems } from '../finance/open-items.js';

export interface OrderMove {
  readonly id: string;
  readonly date: IsoDate;
  readonly kind: string;
  readonly item: string;
  readonly qty: Dec;
  readonly from: string | null;
  readonly to: string | null;
}

export interface OrderInvoice {
  readonly id: string;
  readonly date: IsoDate;
  readonly due: IsoDate;
  readonly currency: string;
  readonly total: Dec;
  /** Still owed as of the date. */
  readonly open: Dec;
}

export interface InvoiceSettlement {
  /** payment or credit note */
  readonly kind: 'payment' | 'credit-note';
  readonly id: string;
  readonly date: IsoDate;
  readonly invoice: string;
  readonly amount: Dec;
}

export interface OrderDocuments {
  readonly moves: readonly OrderMove[];
  readonly invoices: readonly OrderInvoice[];
  readonly settlements: readonly InvoiceSettlement[];
}

const byDateId = (a: { date: string; id: string }, b: { date: string; id: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : naturalCompare(a.id, b.id));

export function orderDocuments(data: Data, cfg: Config, order: string, asOf: IsoDate): OrderDocuments {
  const moves: OrderMove[] = data.moves
    .filter((m) => m.document === order && m.date <= asOf)
    .map((m) => ({ id: m.id, date: m.date, kind: m.kind, item: m.item, qty: m.qty, from: m.from ?? null, to: m.to ?? null }))
    .sort(byDateId);
  const invs = data.invoices.filter((i) => i.sales_order === order && i.date <= asOf);
  const ids = new Set(invs.map((i) => i.id));
  const open = new Map<string, { due: IsoDate; open: Dec }>();
  if (invs.length) for (const o of openItems(data, cfg, 'ar', asOf, { includeSettled: true })) if (o.kind === 'invoice' && ids.has(o.id)) open.set(o.id, { due: o.due, open: o.open });
  const invoices: OrderInvoice[] = invs
    .map((i) => {
      const currency = i.currency ?? cfg.base_currency;
      const total = documentTotals(i.lines, minorUnit(cfg, currency), cfg.rounding).total;
      const o = open.get(i.id)!;
      return { id: i.id, date: i.date, due: o.due, currency, total, open: o.open };
    })
    .sort(byDateId);
  const settlements: InvoiceSettlement[] = [];
  for (const p of data.payments) {
    if (p.date > asOf || p.direction !== 'in') continue;
    for (const a of p.allocations ?? []) if (ids.has(a.document)) settlements.push({ kind: 'payment', id: p.id, date: p.date, invoice: a.document, amount: a.amount });
  }
  for (const cn of data['credit-notes']) {
    if (cn.date > asOf || !cn.invoice || !ids.has(cn.invoice)) continue;
    const total = documentTotals(cn.lines, minorUnit(cfg, cn.currency ?? cfg.base_currency), cfg.rounding).total;
    settlements.push({ kind: 'credit-note', id: cn.id, date: cn.date, invoice: cn.invoice, amount: total });
  }
  settlements.sort((a, b) => byDateId(a, b) || naturalCompare(a.invoice, b.invoice));
  return { moves, invoices, settlements };
}
