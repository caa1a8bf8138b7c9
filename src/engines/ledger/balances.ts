/**
 * Summing postings per account and commodity, exactly, without allocating a
 * Dec per addition: a Sum keeps a mutable mantissa (number while safe,
 * bigint beyond) at a fixed scale per commodity.
 */
import { Dec } from '../../domain/decimal.js';

/** commodity → amount */
export type Amounts = Map<string, Dec>;

export function addTo(target: Amounts, commodity: string, amount: Dec): void {
  const prev = target.get(commodity);
  target.set(commodity, prev ? prev.add(amount) : amount);
}

export function addAll(target: Amounts, from: Amounts, sign: 1 | -1 = 1): void {
  for (const [c, a] of from) addTo(target, c, sign === 1 ? a : a.neg());
}

export function isZeroAmounts(a: Amounts): boolean {
  for (const v of a.values()) if (!v.isZero()) return false;
  return true;
}

/** Commodities in a stable order: the base currency first, then codepoint order. */
export function commodityOrder(base: string) {
  return (a: string, b: string) => (a === b ? 0 : a === base ? -1 : b === base ? 1 : a < b ? -1 : 1);
}

export function negate(a: Amounts): Amounts {
  const out: Amounts = new Map();
  for (const [c, v] of a) out.set(c, v.neg());
  return out;
}

/**
 * Per-account sums: account → commodity → mutable accumulator. One call per
 * posting; no allocation when the account and commodity are known.
 */
export class AccountSums {
  private readonly sums = new Map<string, Map<string, Acc>>();

  add(account: string, commodity: string, amount: Dec): void {
    let per = this.sums.get(account);
    if (!per) this.sums.set(account, (per = new Map()));
    let acc = per.get(commodity);
    if (!acc) per.set(commodity, (acc = new Acc()));
    acc.add(amount);
  }

  accounts(): IterableIterator<string> {
    return this.sums.keys();
  }

  get(account: string): Amounts {
    const out: Amounts = new Map();
    const per = this.sums.get(account);
    if (per) for (const [c, acc] of per) out.set(c, acc.value());
    return out;
  }

  has(account: string): boolean {
    return this.sums.has(account);
  }
}

/** A mutable exact accumulator. */
export class Acc {
  private m: number | bigint = 0;
  private s = 0;

  add(d: Dec): void {
    // Bring both to the larger scale, then add; stay in number while safe.
    const ds = d.s;
    if (ds > this.s) {
      this.m = scale(this.m, ds - this.s);
      this.s = ds;
    }
    const dm = ds < this.s ? scale(mantissa(d), this.s - ds) : mantissa(d);
    if (typeof this.m === 'number' && typeof dm === 'number') {
      const r = this.m + dm;
      if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) {
        this.m = r;
        return;
      }
    }
    this.m = BigInt(this.m) + BigInt(dm);
  }

  value(): Dec {
    return new Dec(this.m, this.s);
  }
}

function mantissa(d: Dec): number | bigint {
  return d.raw;
}

function scale(m: number | bigint, k: number): number | bigint {
  if (typeof m === 'number') {
    const r = m * 10 ** k;
    if (k <= 15 && r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  return BigInt(m) * 10n ** BigInt(k);
}
