import { Dec, type RoundingMode } from '../../domain/decimal.js';

const HUNDRED = Dec.int(100);

function dec(x: Dec | number): Dec {
  return typeof x === 'number' ? Dec.int(x) : x;
}

/** n / d × 100 rounded half-up to 2 decimals (66.67 for 2/3); null when d is 0. */
export function pct(n: Dec | number, d: Dec | number): Dec | null {
  const dd = dec(d);
  if (dd.isZero()) return null;
  return dec(n).mul(HUNDRED).div(dd, 2, 'half-up');
}

/** n / d at a scale; null when d is 0. */
export function quotient(n: Dec | number, d: Dec | number, scale: number, mode: RoundingMode = 'half-up'): Dec | null {
  const dd = dec(d);
  if (dd.isZero()) return null;
  return dec(n).div(dd, scale, mode);
}
