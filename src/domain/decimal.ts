/**
 * Exact decimal numbers as scaled integers: value = m / 10^s.
 *
 * Money and quantities never touch binary floating point. `m` is a bigint,
 * so there is no overflow; `s` (the scale, number of fraction digits) is kept
 * as written, so "12.50" prints back as "12.50". Sums align scales; products
 * add them; division and rounding always take an explicit target scale and
 * rounding mode (see docs/architecture.md, "Exact numbers").
 */

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'];

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10.push(p);
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

export class Dec {
  constructor(
    readonly m: bigint,
    readonly s: number,
  ) {}

  static readonly ZERO = new Dec(0n, 0);
  static readonly ONE = new Dec(1n, 0);

  static int(n: number | bigint): Dec {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`Dec.int: ${n} is not a safe integer`);
    return new Dec(BigInt(n), 0);
  }

  /** Parse "-1234.5600" style text; null when not a plain decimal. */
  static parse(text: string): Dec | null {
    return parseDec(text);
  }

  /** Parse, throwing on bad input (for literals in code and tests). */
  static of(text: string): Dec {
    const d = parseDec(text);
    if (!d) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
    return d;
  }

  withScale(s: number): Dec {
    if (s === this.s) return this;
    if (s > this.s) return new Dec(this.m * pow10(s - this.s), s);
    return this.round(s, 'half-up');
  }

  add(o: Dec): Dec {
    if (this.s === o.s) return new Dec(this.m + o.m, this.s);
    if (this.s > o.s) return new Dec(this.m + o.m * pow10(this.s - o.s), this.s);
    return new Dec(this.m * pow10(o.s - this.s) + o.m, o.s);
  }

  sub(o: Dec): Dec {
    return this.add(o.neg());
  }

  mul(o: Dec): Dec {
    return new Dec(this.m * o.m, this.s + o.s);
  }

  neg(): Dec {
    return new Dec(-this.m, this.s);
  }

  abs(): Dec {
    return this.m < 0n ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.m < 0n ? -1 : this.m > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.m === 0n;
  }

  cmp(o: Dec): -1 | 0 | 1 {
    let a = this.m;
    let b = o.m;
    if (this.s > o.s) b *= pow10(this.s - o.s);
    else if (o.s > this.s) a *= pow10(o.s - this.s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Dec): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Dec): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Dec): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Dec): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Dec): boolean {
    return this.cmp(o) >= 0;
  }
  min(o: Dec): Dec {
    return this.lte(o) ? this : o;
  }
  max(o: Dec): Dec {
    return this.gte(o) ? this : o;
  }

  /** Round to `s` fraction digits. Half-up means half away from zero (2.5 → 3, −2.5 → −3). */
  round(s: number, mode: RoundingMode = 'half-up'): Dec {
    if (s >= this.s) return this.withScale(s);
    return new Dec(divRound(this.m, pow10(this.s - s), mode), s);
  }

  /** this / o, rounded to `s` fraction digits with `mode`. */
  div(o: Dec, s: number, mode: RoundingMode = 'half-up'): Dec {
    if (o.m === 0n) throw new RangeError('division by zero');
    // (m1/10^s1) / (m2/10^s2) = m1 * 10^(s2 - s1 + s) / m2 / 10^s
    const shift = o.s - this.s + s;
    let num = this.m;
    let den = o.m;
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    return new Dec(divRound(num, den, mode), s);
  }

  /** Drop trailing fraction zeros: 12.500 → 12.5, 3.00 → 3. */
  normalize(): Dec {
    if (this.s === 0 || this.m === 0n) return this.s === 0 ? this : Dec.ZERO;
    let m = this.m;
    let s = this.s;
    while (s > 0 && m % 10n === 0n) {
      m /= 10n;
      s--;
    }
    return new Dec(m, s);
  }

  /** Integer part is a safe JS number? Used only for counts/indexes, never for money. */
  toNumber(): number {
    return Number(this.m) / Number(pow10(this.s));
  }

  toString(): string {
    const neg = this.m < 0n;
    let digits = (neg ? -this.m : this.m).toString();
    if (this.s === 0) return neg ? '-' + digits : digits;
    if (digits.length <= this.s) digits = '0'.repeat(this.s - digits.length + 1) + digits;
    const cut = digits.length - this.s;
    return (neg ? '-' : '') + digits.slice(0, cut) + '.' + digits.slice(cut);
  }

  /** Text with exactly `s` fraction digits (rounded half-up if shorter). */
  toFixed(s: number, mode: RoundingMode = 'half-up'): string {
    return this.round(s, mode).toString();
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Integer division n / d rounded with `mode` (d ≠ 0). */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n % d; // same sign as n
  if (r === 0n) return q;
  const neg = n < 0n;
  const twice = (r < 0n ? -r : r) * 2n;
  let away: boolean;
  switch (mode) {
    case 'down':
      away = false;
      break;
    case 'up':
      away = true;
      break;
    case 'floor':
      away = neg;
      break;
    case 'ceiling':
      away = !neg;
      break;
    case 'half-up':
      away = twice >= d;
      break;
    case 'half-even':
      away = twice > d || (twice === d && (q & 1n) !== 0n);
      break;
    default: {
      const never: never = mode;
      throw new Error(`unknown rounding mode ${String(never)}`);
    }
  }
  return away ? (neg ? q - 1n : q + 1n) : q;
}

/**
 * Parse a plain decimal: optional sign, digits, optional fraction.
 * Accepts "12", "-12.50", "+3", ".5", "5.". Rejects exponents, spaces,
 * thousands separators (imports handle those with their own formats).
 */
export function parseDec(text: string): Dec | null {
  const n = text.length;
  if (n === 0 || n > 60) return null;
  let i = 0;
  let neg = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) {
    neg = c0 === 45;
    i = 1;
  }
  let intDigits = 0;
  let fracDigits = 0;
  let seenDot = false;
  // Fast path: accumulate in a JS number while it stays a safe integer.
  let small = 0;
  let exact = true;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (seenDot) return null;
      seenDot = true;
      continue;
    }
    if (c < 48 || c > 57) return null;
    if (seenDot) fracDigits++;
    else intDigits++;
    if (exact) {
      small = small * 10 + (c - 48);
      if (small > 9007199254740991 / 10) exact = false;
    }
  }
  if (intDigits + fracDigits === 0) return null;
  let m: bigint;
  if (exact) m = BigInt(small);
  else {
    const start = c0 === 45 || c0 === 43 ? 1 : 0;
    const dot = text.indexOf('.');
    const digits = dot < 0 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1);
    m = BigInt(digits);
  }
  return new Dec(neg ? -m : m, fracDigits);
}

/** Sum of decimals; ZERO for an empty list. */
export function sumDec(xs: Iterable<Dec>): Dec {
  let acc = Dec.ZERO;
  for (const x of xs) acc = acc.add(x);
  return acc;
}
