/**
 * Decide what each statement line becomes (pure): skipped (already
 * imported), a payment (allocated to the invoice or bill it settles, where
 * one can be identified), a journal entry, or unmatched.
 */
import { minorUnit } from '../workspace/config.js';
import { Dec } from '../domain/decimal.js';
import type { IsoDate } from '../domain/dates.js';
import { openItems, type OpenItem } from '../engines/finance/open-items.js';
import type { PlainRecord } from '../edit/records.js';
import type { Workspace } from '../workspace/workspace.js';
import { ruleFor, type BankLine, type BankRules } from './bank.js';

export type BankActionKind = 'skipped' | 'payment' | 'entry' | 'unmatched';

export interface BankAction {
  readonly line: BankLine;
  readonly kind: BankActionKind;
  readonly id: string;
  readonly detail: string;
  readonly record?: PlainRecord;
}

export function planBank(ws: Workspace, rules: BankRules, lines: readonly BankLine[]): BankAction[] {
  const existing = new Set<string>([...ws.data.journal.map((e) => e.id as string), ...ws.data.payments.map((p) => p.id as string)]);
  const last = lines.reduce((m, l) => (l.date > m ? l.date : m), '0000-00-00') as IsoDate;
  // Payments are in the base currency (a statement line carries no currency): its minor unit, not a fixed 2.
  const minor = minorUnit(ws.config, ws.config.base_currency);
  const ar = openItems(ws.data, ws.config, 'ar', last).filter((i) => i.kind === 'invoice' && i.open.sign() > 0);
  const ap = openItems(ws.data, ws.config, 'ap', last).filter((i) => i.kind === 'bill' && i.open.sign() > 0);
  const remaining = new Map<string, Dec>([...ar, ...ap].map((i) => [i.id, i.open]));
  const fapiao = new Map<string, string>();
  for (const inv of ws.data.invoices) if (typeof inv.fapiao === 'string') fapiao.set(inv.fapiao, inv.id as string);

  /** The open document this line settles: named in its text, else the only one with exactly this open amount. */
  const settle = (l: BankLine, items: OpenItem[], party?: string): OpenItem | undefined => {
    const text = `${l.description} ${l.reference}`;
    const cands = items.filter((i) => (!party || i.party === party) && remaining.get(i.id)!.sign() > 0);
    const named = cands.filter((i) => text.includes(i.id) || [...fapiao].some(([f, id]) => id === i.id && text.includes(f)));
    if (named.length === 1) return named[0];
    const amt = l.amount.abs();
    const same = cands.filter((i) => remaining.get(i.id)!.eq(amt));
    return same.length === 1 ? same[0] : undefined;
  };

  const out: BankAction[] = [];
  for (const l of lines) {
    const payId = `PAY-BANK-${l.fingerprint}`;
    const jeId = `BANK-${l.fingerprint}`;
    if (existing.has(payId) || existing.has(jeId)) {
      out.push({ line: l, kind: 'skipped', id: existing.has(payId) ? payId : jeId, detail: 'already imported' });
      continue;
    }
    const rule = ruleFor(rules, l);
    const incoming = l.amount.sign() > 0;
    let party: { customer?: string; supplier?: string } | null = null;
    let doc: OpenItem | undefined;
    if (rule?.customer) {
      party = { customer: rule.customer };
      doc = incoming ? settle(l, ar, rule.customer) : undefined;
    } else if (rule?.supplier) {
      party = { supplier: rule.supplier };
      doc = incoming ? undefined : settle(l, ap, rule.supplier);
    } else if (!rule && incoming) {
      doc = settle(l, ar);
      if (doc) party = { customer: doc.party };
    } else if (!rule && !incoming) {
      doc = settle(l, ap);
      if (doc) party = { supplier: doc.party };
    }
    if (party) {
      const amount = l.amount.abs();
      const alloc = doc ? amount.min(remaining.get(doc.id)!) : null;
      if (doc && alloc) remaining.set(doc.id, remaining.get(doc.id)!.sub(alloc));
      const record: PlainRecord = {
        id: payId,
        date: l.date,
        direction: incoming ? 'in' : 'out',
        ...(party.customer ? { customer: party.customer } : { supplier: party.supplier! }),
        amount: amount.toFixed(minor),
        account: rules.bankAccount,
        ...(l.reference ? { reference: l.reference } : {}),
        ...(doc && alloc ? { allocations: [{ document: doc.id, amount: alloc.toFixed(minor) }] } : {}),
        notes: `bank statement line ${l.line}: ${l.description}`,
      };
      out.push({ line: l, kind: 'payment', id: payId, detail: `${incoming ? 'from' : 'to'} ${party.customer ?? party.supplier}${doc ? `, settles ${doc.id}` : ', unapplied'}`, record });
      existing.add(payId);
      continue;
    }
    const account = rule?.account ?? rules.defaultAccount;
    if (!account) {
      out.push({ line: l, kind: 'unmatched', id: '', detail: 'no rule matches and no open invoice or bill has this amount or reference' });
      continue;
    }
    const record: PlainRecord = {
      id: jeId,
      date: l.date,
      description: l.description || '(bank line)',
      ...(l.counterparty ? { payee: l.counterparty } : {}),
      tags: ['bank', ...(rule?.tags ?? []), ...(l.reference ? [`ref:${l.reference}`] : [])],
      postings: [
        { account: rules.bankAccount, amount: l.amount.toString() },
        { account, amount: l.amount.neg().toString() },
      ],
    };
    out.push({ line: l, kind: 'entry', id: jeId, detail: `${account}${rule ? '' : ' (default)'}`, record });
    existing.add(jeId);
  }
  return out;
}
