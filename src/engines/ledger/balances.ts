/**
 * Summing postings per account and commodity, exactly, without allocating a
 * Dec per addition: SlotSums keeps a mutable mantissa (number while safe, a
 * Dec beyond) per (account × commodity) slot.
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

/** A mutable exact accumulator fed Dec by Dec (the reference SlotSums is tested against). */
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

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Exact sums in numbered slots (account × commodity), fed with mantissas so
 * no Dec is allocated per posting: a number while the sum is a safe integer
 * at one scale, a Dec beyond (rare). Like Acc and Dec.add, a slot's scale is
 * the largest scale added to it. Slots remember the order they were first
 * used in, so maps built from them have the insertion order a Map fed
 * posting by posting would have.
 */
export class SlotSums {
  private readonly m: Float64Array;
  private readonly s: Uint8Array;
  private readonly used: Uint8Array;
  /** Slots whose sum is kept as a Dec (mantissa NaN in m). */
  private readonly wide = new Map<number, Dec>();
  /** Slots in the order they were first added to. */
  readonly order: number[] = [];

  constructor(slots: number) {
    this.m = new Float64Array(slots);
    this.s = new Uint8Array(slots);
    this.used = new Uint8Array(slots);
  }

  /** Add mantissa/10^scale (a safe integer mantissa). */
  add(slot: number, mant: number, scale: number): void {
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.order.push(slot);
      this.m[slot] = 0 + mant; // 0 + x, as Acc starts from zero (no −0)
      this.s[slot] = scale;
      return;
    }
    const cur = this.m[slot]!;
    if (scale === this.s[slot] && cur === cur) {
      const r = cur + mant;
      if (r <= MAX && r >= -MAX) {
        this.m[slot] = r;
        return;
      }
    }
    this.addDec(slot, new Dec(mant, scale));
  }

  /** Add any decimal (bigint mantissas, or scales that differ). */
  addDec(slot: number, d: Dec): void {
    const sum = this.used[slot] ? this.value(slot).add(d) : Dec.ZERO.add(d);
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.order.push(slot);
    }
    const raw = sum.raw;
    if (typeof raw === 'number' && sum.s <= 255) {
      this.m[slot] = raw;
      this.s[slot] = sum.s;
      this.wide.delete(slot);
    } else {
      this.m[slot] = NaN;
      this.wide.set(slot, sum);
    }
  }

  has(slot: number): boolean {
    return this.used[slot] === 1;
  }

  value(slot: number): Dec {
    const m = this.m[slot]!;
    return m === m ? new Dec(m, this.s[slot]!) : this.wide.get(slot)!;
  }

  /** The sums as account → commodity → amount, in first-use order (slot = account index × commodities + commodity index). */
  toMaps(accounts: readonly string[], commodities: readonly string[]): Map<string, Amounts> {
    const out = new Map<string, Amounts>();
    const nc = commodities.length;
    for (const slot of this.order) {
      const a = accounts[Math.floor(slot / nc)]!;
      let per = out.get(a);
      if (!per) out.set(a, (per = new Map()));
      per.set(commodities[slot % nc]!, this.value(slot));
    }
    return out;
  }
}
