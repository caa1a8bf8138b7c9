import { Dec } from '../domain/decimal.js';
import { documentTotals, type DocLineLike } from '../domain/documents.js';
import { minorUnit } from '../workspace/config.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import { indexOf, tableOf } from '../workspace/index.js';
import type { Check } from './check.js';

/**
 * Payments name exactly one party, allocate no more than they carry, only to
 * that party's documents, and no document is settled beyond its total
 * (payments and applied credit notes together).
 */
export const allocations: Check = {
  name: 'allocations',
  run(ws, d) {
    const cfg = ws.config;
    // Nothing to check without payments or credit notes (and no index of a million invoices to build).
    if (tableOf(ws, 'payments').size === 0 && tableOf(ws, 'credit-notes').size === 0) return;
    const invoices = indexOf(ws, 'invoices');
    const bills = indexOf(ws, 'bills');
    const credits = indexOf(ws, 'credit-notes');
    const docKinds = ['invoices', 'bills', 'credit-notes'] as const;
    const rejectedDocs = new Set(docKinds.flatMap((k) => (ws.rejected.get(k) ?? []).map((r) => r.id as string)));
    const incompleteDocs = docKinds.some((k) => ws.incomplete?.has(k));
    const totalOf = (doc: AnyRecord) => documentTotals(doc.lines as DocLineLike[], minorUnit(cfg, doc.currency as string | undefined), cfg.rounding).total;
    const settled = new Map<string, Dec>();
    const add = (id: string, amt: Dec) => {
      const next = (settled.get(id) ?? Dec.ZERO).add(amt);
      settled.set(id, next);
      return next;
    };
    // Credit notes applied to invoices come first: they are part of the document chain.
    for (const cn of ws.data['credit-notes'] as unknown as AnyRecord[]) {
      const invId = cn.invoice as string | undefined;
      if (!invId) continue;
      const inv = invoices.get(invId);
      if (!inv) continue; // reported by the reference check
      if (inv.customer !== cn.customer) {
        d.push('bad-value', cn.src.at('invoice'), `credit note ${cn.id as string} is for customer ${cn.customer as string} but invoice ${invId} is for ${inv.customer as string}`, 'apply a credit note only to an invoice of the same customer');
        continue;
      }
      const total = totalOf(inv);
      const now = add(invId, totalOf(cn));
      if (now.gt(total)) d.push('over-allocated', cn.src.at('invoice'), `credit note ${cn.id as string} takes invoice ${invId} to ${now.toString()} settled, above its total ${total.toString()}`, 'reduce the credit note, or leave it unapplied (no invoice)');
    }
    const payments = [...(ws.data.payments as unknown as AnyRecord[])].sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : 0));
    for (const p of payments) {
      const id = p.id as string;
      const party = p.customer ? 'customer' : p.supplier ? 'supplier' : null;
      if ((p.customer && p.supplier) || !party) {
        d.push('missing-field', p.src.at(p.customer ? 'supplier' : 'direction'), `payment ${id} must name exactly one of customer or supplier`, p.direction === 'in' ? 'receipts name the customer who paid' : 'payments out name the supplier paid');
        continue;
      }
      const allocs = (p.allocations as AnyRecord[] | undefined) ?? [];
      let used = Dec.ZERO;
      for (const a of allocs) {
        const docId = a.document as string;
        const amt = a.amount as Dec;
        used = used.add(amt);
        const doc = invoices.get(docId) ?? bills.get(docId) ?? credits.get(docId);
        if (!doc) {
          // A document that exists but has invalid fields (reported there), or sits in a file that could not be read whole.
          if (rejectedDocs.has(docId) || incompleteDocs) continue;
          d.push('unknown-ref', a.src.at('document'), `allocation of payment ${id} refers to unknown document "${docId}"`, 'allocate to an invoice, bill or credit note id');
          continue;
        }
        const docParty = (doc.customer ?? doc.supplier) as string;
        if (docParty !== p[party]) {
          d.push('bad-value', a.src.at('document'), `payment ${id} is from ${party} ${p[party] as string} but ${docId} belongs to ${docParty}`, 'allocate a payment only to documents of its own party');
          continue;
        }
        const total = totalOf(doc);
        const now = add(docId, amt);
        if (now.gt(total)) {
          d.push('over-allocated', a.src.at('amount'), `payment ${id} allocates ${amt.toString()} to ${docId}, taking it to ${now.toString()} settled, above its total ${total.toString()}`, `reduce the allocation to at most ${total.sub(now.sub(amt)).toString()}; leave the rest unapplied`);
        }
      }
      const amount = p.amount as Dec;
      if (used.gt(amount)) {
        d.push('over-allocated', p.src.at('amount'), `payment ${id} allocates ${used.toString()} but carries only ${amount.toString()}`, 'the allocations of a payment may not exceed its amount');
      }
    }
  },
};
