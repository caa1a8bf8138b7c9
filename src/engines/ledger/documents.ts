/**
 * Business documents post themselves: each invoice, bill, payment and
 * credit note becomes one transaction with its document id, so the
 * receivable and payable control accounts always equal the open documents.
 *
 *   invoice      Dr receivable total   Cr revenue net (per line)   Cr output tax
 *   credit note  Dr revenue net        Dr output tax               Cr receivable total
 *   bill         Dr purchases net      Dr input tax                Cr payable total
 *   payment in   Dr bank               Cr receivable (customer) / payable (supplier refund)
 *   payment out  Dr payable (supplier) / receivable (customer refund)   Cr bank
 */
import { Dec } from '../../domain/decimal.js';
import { lineAmounts, type DocLineLike } from '../../domain/documents.js';
import type { IsoDate } from '../../domain/dates.js';
import type { SourceLoc } from '../../diagnostics/types.js';
import type { Locator } from '../../schema/record.js';
import type { Config } from '../../workspace/config.js';
import { minorUnit } from '../../workspace/config.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import type { Posting, Txn, TxnSource } from './types.js';

interface DocLine extends DocLineLike {
  readonly account?: string;
  readonly src: { at(f: string): SourceLoc };
}

function sumInto(map: Map<string, Dec>, key: string, v: Dec): void {
  const prev = map.get(key);
  map.set(key, prev ? prev.add(v) : v);
}

function post(account: string, amount: Dec, commodity: string, src: Locator, memo?: string): Posting {
  return memo === undefined ? { account, amount, commodity, src } : { account, amount, commodity, src, memo };
}

/** Net per income/expense account and total tax of a document's lines. */
function linesByAccount(doc: AnyRecord, defaultAccount: string, cfg: Config) {
  const minor = minorUnit(cfg, doc.currency as string | undefined);
  const byAccount = new Map<string, Dec>();
  let tax = Dec.ZERO.withScale(minor);
  let total = Dec.ZERO.withScale(minor);
  for (const l of doc.lines as DocLine[]) {
    const a = lineAmounts(l, minor, cfg.rounding);
    sumInto(byAccount, l.account ?? defaultAccount, a.net);
    tax = tax.add(a.tax);
    total = total.add(a.net).add(a.tax);
  }
  return { byAccount, tax, total };
}

function docTxn(doc: AnyRecord, source: TxnSource, description: string, postings: Posting[]): Txn {
  return { id: doc.id as string, date: doc.date as IsoDate, description, tags: [`doc:${source}`], source, postings, src: doc.src };
}

export function invoiceTxn(inv: AnyRecord, cfg: Config, sign: 1 | -1 = 1, source: TxnSource = 'invoice'): Txn {
  const cur = (inv.currency as string | undefined) ?? cfg.base_currency;
  const { byAccount, tax, total } = linesByAccount(inv, cfg.finance.revenue, cfg);
  const loc = inv.src;
  const s = (d: Dec) => (sign === 1 ? d : d.neg());
  const ps: Posting[] = [post(cfg.finance.receivable, s(total), cur, loc)];
  for (const [acc, net] of byAccount) ps.push(post(acc, s(net).neg(), cur, loc));
  if (!tax.isZero()) ps.push(post(cfg.finance.tax_output, s(tax).neg(), cur, loc));
  const who = inv.customer as string;
  const desc = source === 'invoice' ? `Invoice ${inv.id as string} to ${who}` : `Credit note ${inv.id as string} to ${who}`;
  return docTxn(inv, source, desc, ps);
}

export function creditNoteTxn(cn: AnyRecord, cfg: Config): Txn {
  return invoiceTxn(cn, cfg, -1, 'credit-note');
}

export function billTxn(bill: AnyRecord, cfg: Config): Txn {
  const cur = (bill.currency as string | undefined) ?? cfg.base_currency;
  const { byAccount, tax, total } = linesByAccount(bill, cfg.finance.purchases, cfg);
  const loc = bill.src;
  const ps: Posting[] = [];
  for (const [acc, net] of byAccount) ps.push(post(acc, net, cur, loc));
  if (!tax.isZero()) ps.push(post(cfg.finance.tax_input, tax, cur, loc));
  ps.push(post(cfg.finance.payable, total.neg(), cur, loc));
  return docTxn(bill, 'bill', `Bill ${bill.id as string} from ${bill.supplier as string}`, ps);
}

export function paymentTxn(p: AnyRecord, cfg: Config): Txn {
  const cur = (p.currency as string | undefined) ?? cfg.base_currency;
  const bank = (p.account as string | undefined) ?? cfg.finance.bank;
  const control = p.customer ? cfg.finance.receivable : cfg.finance.payable;
  const party = (p.customer ?? p.supplier) as string;
  const amount = p.amount as Dec;
  const loc = p.src;
  const inflow = p.direction === 'in';
  const ps = [post(bank, inflow ? amount : amount.neg(), cur, loc), post(control, inflow ? amount.neg() : amount, cur, loc)];
  const desc = inflow ? `Receipt ${p.id as string} from ${party}` : `Payment ${p.id as string} to ${party}`;
  return docTxn(p, 'payment', desc, ps);
}
