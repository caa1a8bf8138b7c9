import type { Dec } from '../../domain/decimal.js';
import { commodityOrder, type Amounts } from '../../engines/ledger/balances.js';

/** Amounts as a JSON object {commodity: "decimal"} in stable order. */
export function amountsJson(a: Amounts, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (a.size === 0) out[base] = '0';
  for (const c of [...a.keys()].sort(commodityOrder(base))) out[c] = a.get(c)!.toString();
  return out;
}

/** Commodities present in any of the amounts, base first. */
export function commoditiesOf(list: Iterable<Amounts>, base: string): string[] {
  const set = new Set<string>();
  for (const a of list) for (const c of a.keys()) set.add(c);
  if (set.size === 0) set.add(base);
  return [...set].sort(commodityOrder(base));
}

export function amountOr0(a: Amounts | undefined, c: string): Dec | null {
  return a?.get(c) ?? null;
}
