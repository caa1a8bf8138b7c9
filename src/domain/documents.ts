/**
 * Totals of business documents (invoices, bills, credit notes), exactly:
 * per line, net = qty × price × (1 − discount) rounded to the currency's
 * minor unit, tax = net × tax rate rounded the same way; the document total
 * is Σ net + Σ tax. (Per-line rounding, as on a Chinese VAT fapiao.)
 */
import { Dec, type RoundingMode } from './decimal.js';

export interface DocLineLike {
  readonly qty: Dec;
  readonly price: Dec;
  readonly discount?: Dec;
  readonly tax_rate?: Dec;
}

export interface LineAmounts {
  readonly net: Dec;
  readonly tax: Dec;
}

export interface DocTotals {
  readonly net: Dec;
  readonly tax: Dec;
  readonly total: Dec;
  readonly lines: readonly LineAmounts[];
}

export function lineAmounts(l: DocLineLike, minor: number, mode: RoundingMode, defaultTax: Dec | undefined = undefined): LineAmounts {
  let net = l.qty.mul(l.price);
  if (l.discount && !l.discount.isZero()) net = net.mul(Dec.ONE.sub(l.discount));
  net = net.round(minor, mode);
  const rate = l.tax_rate ?? defaultTax;
  const tax = rate ? net.mul(rate).round(minor, mode) : Dec.ZERO.withScale(minor);
  return { net, tax };
}

export function documentTotals(lines: readonly DocLineLike[], minor: number, mode: RoundingMode): DocTotals {
  let net = Dec.ZERO.withScale(minor);
  let tax = Dec.ZERO.withScale(minor);
  const out: LineAmounts[] = [];
  for (const l of lines) {
    const a = lineAmounts(l, minor, mode);
    out.push(a);
    net = net.add(a.net);
    tax = tax.add(a.tax);
  }
  return { net, tax, total: net.add(tax), lines: out };
}
