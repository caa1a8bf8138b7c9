import { describe, expect, it } from 'vitest';
import { parseDec } from '../domain/decimal.js';
import { plainDecimal } from './journal-csv.js';

/** plainDecimal on a whole string: [mantissa, scale] or null. */
function pd(t: string): [number, number] | null {
  const m = plainDecimal(`,${t},`, 1, t.length + 1);
  if (m !== m) return null;
  const d = parseDec(t)!; // the scale is read back through parseDec, which must agree
  return [m, d.s];
}

describe('plainDecimal (the journal reader’s amount parser)', () => {
  it('reads sign, digits and one point as mantissa and scale', () => {
    // "1200.00" = 120000 / 10^2, "-0.5" = -5 / 10^1, "+3" = 3, ".5" = 5 / 10^1, "5." = 5 / 10^0, "-0" = 0
    expect(pd('1200.00')).toEqual([120000, 2]);
    expect(pd('-0.5')).toEqual([-5, 1]);
    expect(pd('+3')).toEqual([3, 0]);
    expect(pd('.5')).toEqual([5, 1]);
    expect(pd('5.')).toEqual([5, 0]);
    expect(pd('-0')).toEqual([0, 0]);
    expect(Object.is(plainDecimal('-0', 0, 2), 0)).toBe(true); // not −0
  });
  it('rejects what parseDec rejects, and mantissas past 2^53 (parseDec keeps those as bigint)', () => {
    for (const t of ['-', '.', '1.2.3', '1e5', '1,5', ' 1', '1 ', '--1', 'USD', '1'.repeat(81)]) expect(pd(t)).toBeNull();
    // 900719925474099 · 10 + 1 > 2^53 − 1 = 9007199254740991: beyond
    expect(pd('9007199254740991')).toBeNull();
    expect(pd('900719925474098.9')).toEqual([9007199254740989, 1]);
  });
  it('agrees with parseDec on every value it accepts', () => {
    for (const t of ['0', '00012', '1.000', '-999999.99', '123456789012.345', '+0.0']) {
      const d = parseDec(t)!;
      expect(plainDecimal(t, 0, t.length)).toBe(d.raw);
    }
  });
});
