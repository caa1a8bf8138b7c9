/**
 * A party statement: opening balance before the period, every document and
 * payment in it with a running balance, and the closing balance — which
 * equals the party's open items as of the end date.
 */
import type { IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { minorUnit, type Config } from '../../workspace/config.js';
import type { Data } from '../../workspace/workspace.js';
import { openItems, type OpenItem, type Side } from './open-items.js';

export interface StatementLine {
  readonly date: IsoDate;
  readonly kind: OpenItem['kind'];
  readonly id: string;
  readonly due: IsoDate;
  readonly amount: Dec;
  readonly balance: Dec;
}

export interface Statement {
  readonly party: string;
  readonly currency: string;
  readonly begin: IsoDate | null;
  readonly end: IsoDate;
  readonly opening: Dec;
  readonly lines: readonly StatementLine[];
  readonly closing: Dec;
}

export function statement(data: Data, cfg: Config, side: Side, party: string, begin: IsoDate | null, end: IsoDate): Statement[] {
  // Every document of the party up to the end date, settled or not: their signed amounts make the running balance.
  const all = openItems(data, cfg, side, end, { includeSettled: true }).filter((i) => i.party === party);
  const currencies = [...new Set(all.map((i) => i.currency))].sort();
  if (currencies.length === 0) currencies.push(cfg.base_currency);
  return currencies.map((currency) => {
    const docs = all.filter((i) => i.currency === currency).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    let opening = Dec.ZERO.withScale(minorUnit(cfg, currency));
    const lines: StatementLine[] = [];
    let bal = opening;
    for (const d of docs) {
      if (begin && d.date < begin) {
        opening = opening.add(d.amount);
        bal = opening;
        continue;
      }
      bal = bal.add(d.amount);
      lines.push({ date: d.date, kind: d.kind, id: d.id, due: d.due, amount: d.amount, balance: bal });
    }
    return { party, currency, begin, end, opening, lines, closing: bal };
  });
}
