/**
 * Workspace → Ledger: journal entries (amount-less postings inferred) plus
 * the transactions business documents post by themselves, in one stable
 * order: date, then journal before documents (invoice, credit note, bill,
 * payment), then file order.
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Amount } from '../../schema/fields.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import type { Workspace } from '../../workspace/workspace.js';
import { accountType } from '../../checks/accounts.js';
import { billTxn, creditNoteTxn, invoiceTxn, paymentTxn } from './documents.js';
import type { AccountInfo, AccountType, Ledger, Posting, Txn, TxnSource } from './types.js';

const SOURCE_ORDER: Record<TxnSource, number> = { journal: 0, invoice: 1, 'credit-note': 2, bill: 3, payment: 4 };

const cache = new WeakMap<Workspace, Ledger>();

export function buildLedger(ws: Workspace): Ledger {
  const hit = cache.get(ws);
  if (hit) return hit;
  const cfg = ws.config;
  const base = cfg.base_currency;
  const txns: Txn[] = [];
  for (const e of ws.data.journal as unknown as AnyRecord[]) txns.push(journalTxn(e, base));
  for (const d of ws.data.invoices as unknown as AnyRecord[]) txns.push(invoiceTxn(d, cfg));
  for (const d of ws.data['credit-notes'] as unknown as AnyRecord[]) txns.push(creditNoteTxn(d, cfg));
  for (const d of ws.data.bills as unknown as AnyRecord[]) txns.push(billTxn(d, cfg));
  for (const d of ws.data.payments as unknown as AnyRecord[]) txns.push(paymentTxn(d, cfg));
  const order = new Map<Txn, number>();
  txns.forEach((t, i) => order.set(t, i));
  txns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || order.get(a)! - order.get(b)!));
  const ledger: Ledger = { txns, accounts: accountsOf(ws, txns), baseCurrency: base };
  cache.set(ws, ledger);
  return ledger;
}

/** A journal entry as a transaction; an amount-less posting takes the negated sum of the others (one posting per commodity). */
export function journalTxn(e: AnyRecord, base: string): Txn {
  const raw = e.postings as AnyRecord[];
  const postings: Posting[] = [];
  let empty: AnyRecord | null = null;
  let sums: Map<string, Dec> | null = null;
  for (const p of raw) {
    const amt = p.amount as Amount | undefined;
    if (!amt) {
      empty = p;
      continue;
    }
    const commodity = amt.commodity ?? base;
    const cost = p.cost as Amount | undefined;
    const bal = p.balance as Amount | undefined;
    const posting: { -readonly [K in keyof Posting]: Posting[K] } = { account: p.account as string, amount: amt.qty, commodity, src: p.src };
    if (cost) posting.cost = { amount: cost.qty, commodity: cost.commodity ?? base };
    if (bal) posting.balance = bal.qty;
    if (p.memo !== undefined) posting.memo = p.memo as string;
    postings.push(posting);
    const bc = cost ? (cost.commodity ?? base) : commodity;
    const bv = cost ? cost.qty : amt.qty;
    if (!sums) sums = new Map();
    const prev = sums.get(bc);
    sums.set(bc, prev ? prev.add(bv) : bv);
  }
  if (empty) {
    const p = empty;
    const entries = sums ? [...sums].filter(([, v]) => !v.isZero()) : [];
    for (const [c, v] of entries) {
      const posting: { -readonly [K in keyof Posting]: Posting[K] } = { account: p.account as string, amount: v.neg(), commodity: c, src: p.src };
      if (p.memo !== undefined) posting.memo = p.memo as string;
      const bal = p.balance as Amount | undefined;
      if (bal && (bal.commodity ?? base) === c) posting.balance = bal.qty;
      postings.push(posting);
    }
  }
  const t: { -readonly [K in keyof Txn]: Txn[K] } = {
    id: e.id as string,
    date: e.date as IsoDate,
    description: e.description as string,
    tags: (e.tags as string[] | undefined) ?? [],
    source: 'journal',
    postings,
    src: e.src,
  };
  if (e.payee !== undefined) t.payee = e.payee as string;
  return t;
}

function accountsOf(ws: Workspace, txns: readonly Txn[]): Map<string, AccountInfo> {
  const out = new Map<string, AccountInfo>();
  for (const a of ws.data.accounts as unknown as AnyRecord[]) {
    const info: { -readonly [K in keyof AccountInfo]: AccountInfo[K] } = { id: a.id as string, type: (accountType(a.id as string, a.type as string | undefined) ?? 'asset') as AccountType };
    if (a.code !== undefined) info.code = a.code as string;
    if (a.name_zh !== undefined) info.name_zh = a.name_zh as string;
    out.set(info.id, info);
  }
  for (const t of txns)
    for (const p of t.postings) {
      if (out.has(p.account)) continue;
      out.set(p.account, { id: p.account, type: inferType(p.account, out) });
    }
  return out;
}

/** Type of an undeclared account: from a declared ancestor, else from its top segment, else asset. */
function inferType(id: string, known: Map<string, AccountInfo>): AccountType {
  const parts = id.split(':');
  for (let i = parts.length - 1; i > 0; i--) {
    const anc = known.get(parts.slice(0, i).join(':'));
    if (anc) return anc.type;
  }
  return (accountType(id) as AccountType | undefined) ?? 'asset';
}

export const ZERO = Dec.ZERO;
