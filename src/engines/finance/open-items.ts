/**
 * Open items of receivables (customers) or payables (suppliers) as of a date.
 *
 * Documents dated after the as-of date are ignored, and so are applications
 * made by documents dated after it: a past as-of date still shows an invoice
 * that was paid later as open. Per document:
 *   invoice / bill            +total − allocations − credit notes applied (as of)
 *   credit note               −total + its application to an invoice + refunds allocated to it
 *   payment from the party    −amount + its allocations        (unapplied: a negative line)
 *   refund to the party       +amount − its allocations
 * Σ open items = the control account balance (assets:receivable / liabilities:payable, sign flipped for AP).
 */
import { addDays, type IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { documentTotals, type DocLineLike } from '../../domain/documents.js';
import type { Config } from '../../workspace/config.js';
import { minorUnit } from '../../workspace/config.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import type { Data } from '../../workspace/workspace.js';

export type Side = 'ar' | 'ap';
export type ItemKind = 'invoice' | 'bill' | 'credit-note' | 'payment' | 'refund';

export interface OpenItem {
  readonly party: string;
  readonly kind: ItemKind;
  readonly id: string;
  readonly date: IsoDate;
  /** Due date for invoices and bills; the document date for the others. */
  readonly due: IsoDate;
  readonly currency: string;
  /** Signed document amount: + raises what the party owes (AR) / what we owe (AP). */
  readonly amount: Dec;
  /** Signed amount still open as of the date. */
  readonly open: Dec;
}

interface Doc {
  party: string;
  kind: ItemKind;
  id: string;
  date: IsoDate;
  due: IsoDate;
  currency: string;
  amount: Dec;
  open: Dec;
}

export function openItems(data: Data, cfg: Config, side: Side, asOf: IsoDate, opts: { includeSettled?: boolean } = {}): OpenItem[] {
  const partyField = side === 'ar' ? 'customer' : 'supplier';
  const terms = new Map<string, number>();
  for (const p of (side === 'ar' ? data.customers : data.suppliers) as unknown as AnyRecord[]) {
    if (typeof p.payment_terms === 'number') terms.set(p.id as string, p.payment_terms);
  }
  const docs = new Map<string, Doc>();
  const totalOf = (d: AnyRecord) => documentTotals(d.lines as DocLineLike[], minorUnit(cfg, d.currency as string | undefined), cfg.rounding).total;
  const cur = (d: AnyRecord) => (d.currency as string | undefined) ?? cfg.base_currency;
  const mainDocs = (side === 'ar' ? data.invoices : data.bills) as unknown as AnyRecord[];
  for (const d of mainDocs) {
    if ((d.date as string) > asOf) continue;
    const party = d[partyField] as string;
    const due = (d.due as IsoDate | undefined) ?? addDays(d.date as IsoDate, terms.get(party) ?? 0);
    const t = totalOf(d);
    docs.set(d.id as string, { party, kind: side === 'ar' ? 'invoice' : 'bill', id: d.id as string, date: d.date as IsoDate, due, currency: cur(d), amount: t, open: t });
  }
  if (side === 'ar') {
    for (const cn of data['credit-notes'] as unknown as AnyRecord[]) {
      if ((cn.date as string) > asOf) continue;
      const t = totalOf(cn);
      const doc: Doc = { party: cn.customer as string, kind: 'credit-note', id: cn.id as string, date: cn.date as IsoDate, due: cn.date as IsoDate, currency: cur(cn), amount: t.neg(), open: t.neg() };
      docs.set(doc.id, doc);
      const inv = cn.invoice ? docs.get(cn.invoice as string) : undefined;
      if (inv) {
        inv.open = inv.open.sub(t);
        doc.open = doc.open.add(t);
      }
    }
  }
  for (const p of data.payments as unknown as AnyRecord[]) {
    if ((p.date as string) > asOf || !p[partyField]) continue;
    // AR: money in from a customer lowers what they owe; AP: money out to a supplier lowers what we owe.
    const lowers = side === 'ar' ? p.direction === 'in' : p.direction === 'out';
    const amount = p.amount as Dec;
    const doc: Doc = { party: p[partyField] as string, kind: lowers ? 'payment' : 'refund', id: p.id as string, date: p.date as IsoDate, due: p.date as IsoDate, currency: cur(p), amount: lowers ? amount.neg() : amount, open: lowers ? amount.neg() : amount };
    for (const a of (p.allocations as AnyRecord[] | undefined) ?? []) {
      const target = docs.get(a.document as string);
      const amt = a.amount as Dec;
      if (!target) continue;
      // An allocation settles both sides: the document moves toward zero, and so does the payment.
      if (lowers) {
        target.open = target.open.sub(amt);
        doc.open = doc.open.add(amt);
      } else {
        target.open = target.open.add(amt);
        doc.open = doc.open.sub(amt);
      }
    }
    docs.set(doc.id, doc);
  }
  const out: OpenItem[] = [];
  for (const d of docs.values()) if (opts.includeSettled || !d.open.isZero()) out.push(d);
  return out.sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
