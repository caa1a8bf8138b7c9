/**
 * Every posting of the ledger, in ledger order, as columns: what reports that
 * sum (balance, trial balance, statements) and the balance-assertion check
 * read, with no object per posting. Transactions as objects (`Ledger.txns`,
 * for register, print and export) are built from it on first use.
 *
 *   transaction t   postings [start[t], start[t + 1]), date dates[date[t]]
 *                   (dates sorted, so comparing indexes compares dates)
 *   posting p       accountNames[account[p]], commodityNames[commodity[p]],
 *                   amount = mant[p] / 10^scale[p] (mant NaN: wide.get(p))
 */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Locator } from '../../schema/record.js';
import type { Txn } from './types.js';

export interface PostingTable {
  readonly txnCount: number;
  readonly start: Int32Array;
  readonly date: Int32Array;
  readonly dates: readonly IsoDate[];
  readonly accountNames: readonly string[];
  readonly commodityNames: readonly string[];
  readonly account: Int32Array;
  readonly commodity: Int32Array;
  readonly mant: Float64Array;
  readonly scale: Uint8Array;
  /** Amounts that are not a safe mantissa with a scale up to 255 (mant is NaN for them). */
  readonly wide: ReadonlyMap<number, Dec>;
  /** Balance assertions (the account's balance after the posting), by posting. */
  readonly balance: ReadonlyMap<number, Dec>;
  /** The amount of posting p. */
  amount(p: number): Dec;
  /** Id of transaction t. */
  id(t: number): string;
  /** Tags of transaction t. */
  tags(t: number): readonly string[];
  /** Where posting p is written. */
  src(p: number): Locator;
  /** Transaction t as an object. */
  txn(t: number): Txn;
}

/** Index of the first date ≥ d in sorted dates (dates.length when none). */
export function dateIndex(dates: readonly IsoDate[], d: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** amount of a table posting as a Dec. */
export function tableAmount(t: Pick<PostingTable, 'mant' | 'scale' | 'wide'>, p: number): Dec {
  const m = t.mant[p]!;
  return m === m ? new Dec(m, t.scale[p]!) : t.wide.get(p)!;
}
