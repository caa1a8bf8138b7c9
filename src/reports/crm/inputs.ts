/**
 * The shared first step of every CRM report: workspace → the engines' inputs
 * (stages, base-currency converter, deal facts as of the date, names), plus
 * problems that stop a report (an amount in a currency without a rate).
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { dealFacts, type DealFacts, type DealIn } from '../../engines/crm/deals.js';
import { ToBase, type RateRecord } from '../../engines/crm/money.js';
import { PurchaseTotals, netAmount, type PurchaseSource } from '../../engines/crm/purchases.js';
import { Stages } from '../../engines/crm/stages.js';
import type { Lang } from '../../render/model.js';
import { minorUnit, type Config } from '../../workspace/config.js';
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
}

export function crmInputs(ws: Workspace, asOf: IsoDate, lang: Lang): CrmInputs {
  const cfg = ws.config;
  const base = cfg.base_currency;
  const minor = minorUnit(cfg, base);
  const stages = new Stages(cfg.crm.stages);
  const toBase = new ToBase(base, minor, cfg.rounding, asOf, ws.data.prices as unknown as RateRecord[]);
  const prices = new Map<string, Dec>();
  for (const it of ws.data.items) if (it.price) prices.set(it.id, it.price);
  const deals = dealFacts(ws.data.deals as unknown as DealIn[], stages, { asOf, minor, rounding: cfg.rounding, itemPrice: (i) => prices.get(i), toBase });
  const customers = new Map(ws.data.customers.map((c) => [c.id, c]));
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
    customerName: (id) => customers.get(id)?.name ?? '',
    customerOwner: (id) => customers.get(id)?.owner ?? null,
  };
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

/** Every purchase (and credit) of the source, in the base currency, in file order. */
export function forEachPurchase(inp: CrmInputs, source: PurchaseSource, emit: (customer: string, date: IsoDate, value: Dec, counts: boolean) => void): void {
  const { ws, minor, rounding, toBase } = inp;
  switch (source) {
    case 'invoices': {
      for (const inv of ws.data.invoices) {
        const m = inv.currency && inv.currency !== inp.base ? minorUnit(inp.cfg, inv.currency) : minor;
        const v = toBase.convert(netAmount(inv.lines, m, rounding), inv.currency, `invoice ${inv.id}`);
        if (v) emit(inv.customer, inv.date, v, true);
      }
      for (const cn of ws.data['credit-notes']) {
        const m = cn.currency && cn.currency !== inp.base ? minorUnit(inp.cfg, cn.currency) : minor;
        const v = toBase.convert(netAmount(cn.lines, m, rounding), cn.currency, `credit note ${cn.id}`);
        if (v) emit(cn.customer, cn.date, v.neg(), false);
      }
      return;
    }
    case 'orders': {
      for (const so of ws.data['sales-orders']) {
        if (so.status === 'draft' || so.status === 'cancelled') continue;
        const m = so.currency && so.currency !== inp.base ? minorUnit(inp.cfg, so.currency) : minor;
        const v = toBase.convert(netAmount(so.lines, m, rounding), so.currency, `sales order ${so.id}`);
        if (v) emit(so.customer, so.date, v, true);
      }
      return;
    }
    case 'deals': {
      for (const d of inp.deals) if (d.kind === 'won' && d.closed) emit(d.customer, d.closed, d.amount, true);
      return;
    }
  }
}

export function purchaseTotals(inp: CrmInputs, source: PurchaseSource, from: IsoDate | null = null): PurchaseTotals {
  const t = new PurchaseTotals(inp.asOf, from);
  forEachPurchase(inp, source, (c, d, v, counts) => t.add(c, d, v, counts));
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
