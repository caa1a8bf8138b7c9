/**
 * Amounts in the base currency. A deal, campaign or invoice may be written in
 * another currency; CRM reports add them up in the base currency at the latest
 * rate on or before the as-of date (finance/prices: one unit of the currency is
 * worth `price` in the base currency), rounded to the base currency's minor unit.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Amount } from '../../schema/fields.js';

export interface RateRecord {
  readonly date: IsoDate;
  readonly commodity: string;
  readonly price: Amount;
}

export class ToBase {
  private readonly rates = new Map<string, { date: IsoDate; rate: Dec }[]>();
  /** Currencies that had no rate, with the first record that needed one. */
  readonly missing = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly minor: number,
    readonly mode: RoundingMode,
    readonly asOf: IsoDate,
    prices: readonly RateRecord[],
  ) {
    for (const p of prices) {
      if (p.price.commodity !== null && p.price.commodity !== base) continue;
      if (p.date > asOf) continue;
      let list = this.rates.get(p.commodity);
      if (!list) this.rates.set(p.commodity, (list = []));
      list.push({ date: p.date, rate: p.price.qty });
    }
    for (const list of this.rates.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The amount in the base currency; null (and remembered in `missing`) when there is no rate. */
  convert(amount: Dec, currency: string | null | undefined, what: string): Dec | null {
    if (!currency || currency === this.base) return amount;
    const list = this.rates.get(currency);
    const last = list?.[list.length - 1];
    if (!last) {
      if (!this.missing.has(currency)) this.missing.set(currency, what);
      return null;
    }
    return amount.mul(last.rate).round(this.minor, this.mode);
  }
}
