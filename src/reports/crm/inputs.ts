/**
 * The shared first step of every CRM report: workspace → the engines' inputs
 * (stages, base-currency converter, deal facts as of the date, names), plus
 * problems that stop a report (an amount in a currency without a rate).
 */
import { Dec, roundMantissa, type RoundingMode } from '../../domain/decimal.js';
import { dayNumber, type IsoDate } from '../../domain/dates.js';
import type { DocLineLike } from '../../domain/documents.js';
import { dealAmount, dealFacts, type DealFacts, type DealFactsOptions, type DealIn } from '../../engines/crm/deals.js';
import { ToBase, type RateRecord } from '../../engines/crm/money.js';
import type { ActivityIn } from '../../engines/crm/pipeline.js';
import { PurchaseTotals, netAmount, type PurchaseSink, type PurchaseSource } from '../../engines/crm/purchases.js';
import { Stages } from '../../engines/crm/stages.js';
import type { Lang } from '../../render/model.js';
import { minorUnit, type Config } from '../../workspace/config.js';
import { tableOf } from '../../workspace/index.js';
import type { DecColumn } from '../../workspace/table.js';
import type { Workspace } from '../../workspace/workspace.js';

export interface Problem {
  readonly message: string;
  readonly hint: string;
}

export interface CrmInputs {
  readonly ws: Workspace;
  readonly cfg: Config;
  readonly asOf: IsoDate;
  readonly lang: Lang;
  readonly base: string;
  readonly minor: number;
  readonly rounding: RoundingMode;
  readonly stages: Stages;
  readonly toBase: ToBase;
  readonly deals: DealFacts[];
  readonly customerName: (id: string) => string;
  readonly customerOwner: (id: string) => string | null;
  readonly customerStatus: (id: string) => string | null;
}

export function crmInputs(ws: Workspace, asOf: IsoDate, lang: Lang): CrmInputs {
  const cfg = ws.config;
  const base = cfg.base_currency;
  const minor = minorUnit(cfg, base);
  const stages = new Stages(cfg.crm.stages);
  const toBase = new ToBase(base, minor, cfg.rounding, asOf, ws.data.prices as unknown as RateRecord[]);
  const deals = dealFacts(dealsIn(ws), stages, { ...amountOptions(ws), asOf, toBase });
  // Customers by id from their columns (no record is built for a name).
  const customers = tableOf(ws, 'customers');
  const field = (name: string) => {
    const col = customers.col(name)!;
    return (id: string) => {
      const i = customers.find(id);
      return i < 0 ? undefined : (col.get(i) as string | undefined);
    };
  };
  const name = field('name');
  const owner = field('owner');
  const status = field('status');
  return {
    ws,
    cfg,
    asOf,
    lang,
    base,
    minor,
    rounding: cfg.rounding,
    stages,
    toBase,
    deals,
    customerName: (id) => name(id) ?? '',
    customerOwner: (id) => owner(id) ?? null,
    customerStatus: (id) => status(id) ?? null,
  };
}

/** The deals as the engines read them: the values of each record, from the columns (records are kept only for YAML and unusual rows). */
/** How deal amounts are computed: the base currency's minor unit, the rounding, items' list prices for lines without a price. */
function amountOptions(ws: Workspace): Pick<DealFactsOptions, 'minor' | 'rounding' | 'itemPrice'> {
  const prices = new Map<string, Dec>();
  for (const it of ws.data.items) if (it.price) prices.set(it.id, it.price);
  return { minor: minorUnit(ws.config, ws.config.base_currency), rounding: ws.config.rounding, itemPrice: (i) => prices.get(i) };
}

/** A deal's amount as the CRM reports count it (dealAmount: `amount`, else the sum of its lines), in its own currency. */
export function dealAmountOf(ws: Workspace): (d: Pick<DealIn, 'amount' | 'lines'>) => Dec {
  const o = amountOptions(ws);
  return (d) => dealAmount(d, o);
}

export function dealsIn(ws: Workspace): DealIn[] {
  const t = tableOf(ws, 'deals');
  const out: DealIn[] = new Array<DealIn>(t.size);
  for (let i = 0; i < t.size; i++) out[i] = t.values(i) as unknown as DealIn;
  return out;
}

/** Activities linked to a deal (deal and date: what the pipeline reads), from the columns. */
export function dealActivities(ws: Workspace): ActivityIn[] {
  const t = tableOf(ws, 'activities');
  const deal = t.colOf('deal', 'code');
  const date = t.colOf('date', 'code');
  const out: ActivityIn[] = [];
  for (let i = 0; i < t.size; i++) {
    const d = deal.codeAt(i);
    if (d >= 0) out.push({ deal: deal.values[d]!, date: date.get(i) as IsoDate });
  }
  return out;
}

/** Problems found while preparing inputs (call after every conversion is done). */
export function problems(inp: CrmInputs): Problem[] {
  return [...inp.toBase.missing.entries()].map(([cur, what]) => ({
    message: `${what} is in ${cur}, and there is no ${cur} rate on or before ${inp.asOf} to convert it to ${inp.base}`,
    hint: `add a rate to finance/prices, e.g. "- { date: ${inp.asOf}, commodity: ${cur}, price: 7.10 ${inp.base} }"`,
  }));
}

/** The purchase source used when --source is not given. */
export function defaultSource(ws: Workspace): PurchaseSource {
  if (ws.present.has('invoices')) return 'invoices';
  if (ws.present.has('sales-orders')) return 'orders';
  return 'deals';
}

export interface PurchaseEvent {
  readonly customer: string;
  readonly date: IsoDate;
  readonly value: Dec;
  readonly counts: boolean;
}

/** Every purchase (and credit) of the source, in the base currency, in file order, into the sink. */
export function forEachPurchase(inp: CrmInputs, source: PurchaseSource, sink: PurchaseSink): void {
  switch (source) {
    case 'invoices':
      documentPurchases(inp, 'invoices', 'invoice', false, sink);
      documentPurchases(inp, 'credit-notes', 'credit note', true, sink);
      return;
    case 'orders':
      documentPurchases(inp, 'sales-orders', 'sales order', false, sink);
      return;
    case 'deals': {
      for (const d of inp.deals) if (d.kind === 'won' && d.closed) sink.add(sink.customer(d.customer), dayNumber(d.closed), d.amount, true);
      return;
    }
  }
}

/**
 * The net amount of each document (invoices, credit notes, sales orders) from the columns: Σ lines
 * round(qty × price × (1 − discount), minor unit), in the base currency. A document in the base currency
 * whose lines need no discount is added up in mantissas (no Dec per document); any other goes through
 * netAmount and the currency conversion, as documented in engines/crm/purchases.ts.
 */
function documentPurchases(inp: CrmInputs, key: 'invoices' | 'credit-notes' | 'sales-orders', what: string, credit: boolean, sink: PurchaseSink): void {
  const { minor, rounding, toBase, base } = inp;
  const t = tableOf(inp.ws, key);
  if (t.size === 0) return;
  const ids = t.col('id')!;
  const customer = t.colOf('customer', 'code');
  const date = t.colOf('date', 'code');
  const currency = t.col('currency')!;
  const status = key === 'sales-orders' ? t.colOf('status', 'code') : null;
  const qty = t.colOf('qty', 'dec', true);
  const price = t.colOf('price', 'dec', true);
  const discount = t.lineCol('discount') as DecColumn | undefined;
  const ls = t.lineStart;
  // The sink's handle of each customer, asked once per customer (by its code in the column); each date's day number once.
  const handles = new Int32Array(customer.values.length).fill(-1);
  const days = Int32Array.from(date.values, dayNumber);
  for (let i = 0; i < t.size; i++) {
    if (status) {
      const st = status.get(i);
      if (st === 'draft' || st === 'cancelled') continue;
    }
    const code = customer.codes[i]!;
    let c = handles[code]!;
    if (c < 0) c = handles[code] = sink.customer(customer.values[code]!);
    const d = days[date.codes[i]!]!;
    const cur = currency.get(i) as string | undefined;
    if (cur === undefined || cur === base) {
      let units = 0;
      for (let l = ls[i]!; l < ls[i + 1]! && units === units; l++) {
        if (discount?.has(l) && discount.get(l)!.sign() !== 0) units = NaN;
        else units += roundMantissa(qty.mant[l]! * price.mant[l]!, qty.scale[l]! + price.scale[l]!, minor, rounding);
      }
      // NaN: a discount, a mantissa beyond 2^53 or a product beyond it: exactly, below.
      if (Number.isSafeInteger(units)) {
        sink.addUnits(c, d, credit ? (units === 0 ? 0 : -units) : units, minor, !credit);
        continue;
      }
    }
    const lines: DocLineLike[] = [];
    for (let l = ls[i]!; l < ls[i + 1]!; l++) {
      const disc = discount?.get(l);
      lines.push(disc ? { qty: qty.get(l)!, price: price.get(l)!, discount: disc } : { qty: qty.get(l)!, price: price.get(l)! });
    }
    const m = cur && cur !== base ? minorUnit(inp.cfg, cur) : minor;
    const v = toBase.convert(netAmount(lines, m, rounding), cur, `${what} ${ids.get(i) as string}`);
    if (v) sink.add(c, d, credit ? v.neg() : v, !credit);
  }
}

export function purchaseTotals(inp: CrmInputs, source: PurchaseSource, from: IsoDate | null = null): PurchaseTotals {
  const t = new PurchaseTotals(inp.asOf, from);
  forEachPurchase(inp, source, t);
  return t;
}

/** Pick the English or Chinese text. */
export function tr(lang: Lang, en: string, zh: string): string {
  return lang === 'zh-CN' ? zh : en;
}

/** "66.67%" for tables; empty when undefined. */
export function pctText(p: Dec | null): string {
  return p === null ? '' : `${p.toString()}%`;
}
