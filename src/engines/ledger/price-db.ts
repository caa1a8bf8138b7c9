import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Amount } from '../../schema/fields.js';
import type { Workspace } from '../../workspace/workspace.js';
import { PriceDb } from './prices.js';

/** The workspace's price database (finance/prices). */
export function priceDb(ws: Workspace): PriceDb {
  return new PriceDb(
    ws.data.prices.map((p) => {
      const a = p.price as Amount;
      return { date: p.date as IsoDate, from: p.commodity as string, to: a.commodity ?? ws.config.base_currency, rate: a.qty as Dec };
    }),
  );
}
