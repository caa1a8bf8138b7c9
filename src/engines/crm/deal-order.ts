/**
 * A won deal becomes a sales order (`crm deal won DEAL --order`). Pure: the
 * deal, the new order's id and date, and item facts in; the order (or the
 * reason it cannot be made) out.
 *
 * - one order line per deal line, numbered 1, 2, … in the deal's order: item, qty,
 *   price (the line's, else the item's list price `items.price`; neither is an
 *   error: an order line needs a price), discount (the line's), tax_rate (the item's);
 * - due date of every line: `--due` when given, else the deal's `requested_date`,
 *   else the order date + the item's lead time in working days (a bought item
 *   whose lead_time is 0 takes its supplier's), counted on the workspace calendar;
 * - header: customer, date, currency and owner of the deal, status open, `deal:` the deal.
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { DealLineIn } from './deals.js';

export interface DealForOrder {
  readonly id: string;
  readonly customer: string;
  readonly owner?: string;
  readonly currency?: string;
  readonly requested_date?: IsoDate;
  readonly lines?: readonly DealLineIn[];
}

export interface ItemFacts {
  readonly price?: Dec;
  readonly tax_rate?: Dec;
  /** Effective lead time in working days. */
  readonly leadTime: number;
}

export interface OrderFromDealOptions {
  /** The new order's id. */
  readonly id: string;
  /** Order date (the date the deal is won). */
  readonly date: IsoDate;
  /** Due date for every line, overriding the rule above. */
  readonly due?: IsoDate;
  readonly item: (id: string) => ItemFacts | undefined;
  /** Working-day arithmetic of the workspace calendar. */
  readonly addWorkdays: (d: IsoDate, n: number) => IsoDate;
}

export interface OrderLine {
  readonly line: number;
  readonly item: string;
  readonly qty: Dec;
  readonly price: Dec;
  readonly discount?: Dec;
  readonly tax_rate?: Dec;
  readonly due: IsoDate;
  /** Where the due date came from. */
  readonly dueFrom: 'flag' | 'requested_date' | 'lead_time';
  /** Where the price came from. */
  readonly priceFrom: 'deal' | 'item';
}

export interface OrderFromDeal {
  readonly id: string;
  readonly customer: string;
  readonly date: IsoDate;
  readonly currency?: string;
  readonly deal: string;
  readonly owner?: string;
  readonly lines: readonly OrderLine[];
}

export type OrderFromDealResult = { readonly ok: true; readonly order: OrderFromDeal } | { readonly ok: false; readonly message: string; readonly hint: string };

export function orderFromDeal(deal: DealForOrder, o: OrderFromDealOptions): OrderFromDealResult {
  const lines = deal.lines ?? [];
  if (!lines.length)
    return { ok: false, message: `deal ${deal.id} has no lines, so there is nothing to order`, hint: `add its products to the deal first (lines: item, qty, price), or leave out --order and create the order by hand` };
  const out: OrderLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const it = o.item(l.item);
    const price = l.price ?? it?.price;
    if (price === undefined)
      return { ok: false, message: `line ${i + 1} of deal ${deal.id} (${l.item}) has no price, and ${it ? `item ${l.item} has no list price` : `${l.item} is not in inventory/items`}`, hint: `give the deal line a price, or set price: on item ${l.item}` };
    let due: IsoDate;
    let dueFrom: OrderLine['dueFrom'];
    if (o.due !== undefined) [due, dueFrom] = [o.due, 'flag'];
    else if (deal.requested_date !== undefined) [due, dueFrom] = [deal.requested_date, 'requested_date'];
    else [due, dueFrom] = [(it?.leadTime ?? 0) > 0 ? o.addWorkdays(o.date, it!.leadTime) : o.date, 'lead_time'];
    out.push({
      line: i + 1,
      item: l.item,
      qty: l.qty,
      price,
      ...(l.discount !== undefined && !l.discount.isZero() ? { discount: l.discount } : {}),
      ...(it?.tax_rate !== undefined ? { tax_rate: it.tax_rate } : {}),
      due,
      dueFrom,
      priceFrom: l.price !== undefined ? 'deal' : 'item',
    });
  }
  return {
    ok: true,
    order: {
      id: o.id,
      customer: deal.customer,
      date: o.date,
      ...(deal.currency !== undefined ? { currency: deal.currency } : {}),
      deal: deal.id,
      ...(deal.owner !== undefined ? { owner: deal.owner } : {}),
      lines: out,
    },
  };
}
