/**
 * Exact decimal numbers as scaled integers: value = m / 10^s.
 *
 * Money and quantities never touch binary floating point as fractions. The
 * mantissa `m` is an integer held as a JS number while |m| ≤ 2^53 − 1 (where
 * every integer is exact and costs no allocation) and as a bigint beyond, so
 * there is no overflow. Every operation checks that an intermediate result
 * is still a safe integer before trusting it, else redoes it in bigint.
 * `s` (the scale, number of fraction digits) is kept as written, so "12.50"
 * prints back as "12.50". Sums align scales; products add them; division and
 * rounding always take an explicit target scale and rounding mode.
 */

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'];

const MAX = Number.MAX_SAFE_INTEGER;
const POW10N: bigint[] = [];
const POW10: number[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10N.push(p);
for (let i = 0; i <= 15; i++) POW10.push(10 ** i);

export function pow10(n: number): bigint {
  return POW10N[n] ?? 10n ** BigInt(n);
}

type Int = number | bigint;

/** Normalise an integer result: a number when safe, else a bigint. */
function norm(x: bigint): Int {
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

function big(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** x · 10^k exactly. */
function scaleUp(x: Int, k: number): Int {
  if (k === 0) return x;
  if (typeof x === 'number' && k <= 15) {
    const r = x * POW10[k]!;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(big(x) * pow10(k));
}

export class Dec {
  /** Mantissa: a safe-integer number, or a bigint when larger. */
  private readonly _m: Int;
  constructor(
    m: Int,
    readonly s: number,
  ) {
    this._m = typeof m === 'bigint' ? norm(m) : m;
  }

  static readonly ZERO = new Dec(0, 0);
  static readonly ONE = new Dec(1, 0);

  /** The mantissa as stored: a safe-integer number, or a bigint when larger (for compact storage). */
  get mantissa(): number | bigint {
    return this._m;
  }

  /** The mantissa as a bigint. */
  get m(): bigint {
    return big(this._m);
  }

  /** The mantissa as stored: a safe-integer number, or a bigint beyond 2^53 (for accumulators). */
  get raw(): number | bigint {
    return this._m;
  }

  static int(n: number | bigint): Dec {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`Dec.int: ${n} is not a safe integer`);
    return new Dec(n, 0);
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
    if (s > this.s) return new Dec(scaleUp(this._m, s - this.s), s);
    return this.round(s, 'half-up');
  }

  add(o: Dec): Dec {
    let a = this._m;
    let b = o._m;
    let s = this.s;
    if (this.s > o.s) b = scaleUp(b, this.s - o.s);
    else if (o.s > this.s) {
      a = scaleUp(a, o.s - this.s);
      s = o.s;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      if (r <= MAX && r >= -MAX) return new Dec(r, s);
    }
    return new Dec(big(a) + big(b), s);
  }

  sub(o: Dec): Dec {
    const a = this._m;
    const b = o._m;
    if (typeof a === 'number' && typeof b === 'number' && this.s === o.s) {
      const r = a - b;
      if (r <= MAX && r >= -MAX) return new Dec(r === 0 ? 0 : r, this.s);
    }
    return this.add(o.neg());
  }

  mul(o: Dec): Dec {
    const a = this._m;
    const b = o._m;
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a * b;
      // If the exact product were ≥ 2^53 the rounded float would be too, so this test is exact.
      if (r <= MAX && r >= -MAX) return new Dec(r, this.s + o.s);
    }
    return new Dec(big(a) * big(b), this.s + o.s);
  }

  neg(): Dec {
    const m = this._m;
    return new Dec(typeof m === 'number' ? (m === 0 ? 0 : -m) : -m, this.s);
  }

  abs(): Dec {
    return this.sign() < 0 ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    const m = this._m;
    return m < 0 ? -1 : m > 0 ? 1 : 0;
  }

  isZero(): boolean {
    return this._m === 0;
  }

  cmp(o: Dec): -1 | 0 | 1 {
    let a = this._m;
    let b = o._m;
    if (this.s > o.s) b = scaleUp(b, this.s - o.s);
    else if (o.s > this.s) a = scaleUp(a, o.s - this.s);
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
    const k = this.s - s;
    const m = this._m;
    if (typeof m === 'number' && k <= 15 && m < 1e15 && m > -1e15) return new Dec(divRoundNum(m, POW10[k]!, mode), s);
    return new Dec(divRound(big(m), pow10(k), mode), s);
  }

  /** this / o, rounded to `s` fraction digits with `mode`. */
  div(o: Dec, s: number, mode: RoundingMode = 'half-up'): Dec {
    if (o._m === 0) throw new RangeError('division by zero');
    // (m1/10^s1) / (m2/10^s2) = m1 * 10^(s2 - s1 + s) / m2 / 10^s
    const shift = o.s - this.s + s;
    const a = this._m;
    const b = o._m;
    if (typeof a === 'number' && typeof b === 'number') {
      // Safe-integer fast path (exact: divRoundNum falls back to bigint when a float quotient could mislead).
      const n = shift >= 0 ? scaleUp(a, shift) : a;
      const d = shift >= 0 ? b : scaleUp(b, -shift);
      if (typeof n === 'number' && typeof d === 'number' && n < 1e15 && n > -1e15 && d < 1e15 && d > -1e15 && d !== 0) return new Dec(d < 0 ? divRoundNum(-n, -d, mode) : divRoundNum(n, d, mode), s);
    }
    let num = big(this._m);
    let den = big(o._m);
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    return new Dec(divRound(num, den, mode), s);
  }

  /** Drop trailing fraction zeros: 12.500 → 12.5, 3.00 → 3. */
  normalize(): Dec {
    if (this.s === 0) return this;
    if (this._m === 0) return Dec.ZERO;
    if (typeof this._m === 'number') {
      let m = this._m;
      let s = this.s;
      while (s > 0 && m % 10 === 0) {
        m /= 10;
        s--;
      }
      return s === this.s ? this : new Dec(m, s);
    }
    let m = big(this._m);
    let s = this.s;
    while (s > 0 && m % 10n === 0n) {
      m /= 10n;
      s--;
    }
    return new Dec(m, s);
  }

  /** Approximate value as a float: for ratios in charts and sorting hints only, never for money. */
  toNumber(): number {
    return Number(this._m) / 10 ** this.s;
  }

  toString(): string {
    const m = this._m;
    const neg = m < 0;
    let digits = (neg ? -m : m).toString();
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

/**
 * Whether a truncated quotient moves one step away from zero, given the
 * sign of the value, how twice the remainder compares with the divisor
 * (−1 below half, 0 exactly half, 1 above), and whether the quotient is odd.
 */
function awayFromZero(mode: RoundingMode, neg: boolean, half: -1 | 0 | 1, odd: boolean): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'floor':
      return neg;
    case 'ceiling':
      return !neg;
    case 'half-up':
      return half >= 0;
    case 'half-even':
      return half > 0 || (half === 0 && odd);
    default: {
      const never: never = mode;
      throw new Error(`unknown rounding mode ${String(never)}`);
    }
  }
}

/**
 * The mantissa of (m / 10^s) rounded to `to` fraction digits with `mode`, as `new Dec(m, s).round(to, mode)`
 * gives it, for a safe-integer m; NaN when the result would not be a safe integer (use Dec then).
 * For code that adds up millions of amounts kept as mantissas and scales.
 */
export function roundMantissa(m: number, s: number, to: number, mode: RoundingMode): number {
  if (to >= s) {
    if (to - s > 15) return NaN;
    const r = m * POW10[to - s]!;
    return r <= MAX && r >= -MAX ? r : NaN;
  }
  const k = s - to;
  if (k <= 15 && m < 1e15 && m > -1e15) return divRoundNum(m, POW10[k]!, mode);
  return NaN;
}

/** Integer division n / d (safe numbers, d > 0) rounded with `mode`. */
function divRoundNum(n: number, d: number, mode: RoundingMode): number {
  const q = Math.trunc(n / d);
  const r = n - q * d; // exact: |q·d| ≤ |n|
  if (r === 0) return q;
  // The float quotient can round up to the next integer; then r has the wrong sign. Redo exactly.
  if (Math.abs(r) >= d || r < 0 !== n < 0) return Number(divRound(BigInt(n), BigInt(d), mode));
  const neg = n < 0;
  const twice = Math.abs(r) * 2;
  const away = awayFromZero(mode, neg, twice < d ? -1 : twice === d ? 0 : 1, q % 2 !== 0);
  return away ? (neg ? q - 1 : q + 1) : q;
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
  const away = awayFromZero(mode, neg, twice < d ? -1 : twice === d ? 0 : 1, (q & 1n) !== 0n);
  return away ? (neg ? q - 1n : q + 1n) : q;
}

/**
 * Parse a plain decimal: optional sign, digits, optional fraction.
 * Accepts "12", "-12.50", "+3", ".5", "5.". Rejects exponents, spaces,
 * thousands separators (imports handle those with their own formats).
 */
export function parseDec(text: string): Dec | null {
  const n = text.length;
  if (n === 0 || n > 80) return null;
  let i = 0;
  let neg = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) {
    neg = c0 === 45;
    i = 1;
  }
  let digits = 0;
  let fracDigits = 0;
  let seenDot = false;
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
    digits++;
    if (seenDot) fracDigits++;
    if (exact) {
      if (small > 900719925474098) exact = false; // the next digit could leave the safe range
      else small = small * 10 + (c - 48);
    }
  }
  if (digits === 0) return null;
  if (exact) return new Dec(neg ? (small === 0 ? 0 : -small) : small, fracDigits);
  const start = c0 === 45 || c0 === 43 ? 1 : 0;
  const dot = text.indexOf('.');
  const all = dot < 0 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1);
  const m = BigInt(all);
  return new Dec(neg ? -m : m, fracDigits);
}

/** Sum of decimals; ZERO for an empty list. */
export function sumDec(xs: Iterable<Dec>): Dec {
  let acc = Dec.ZERO;
  for (const x of xs) acc = acc.add(x);
  return acc;
}
