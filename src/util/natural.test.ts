import { describe, expect, it } from 'vitest';
import { naturalCompare } from './natural.js';

const sorted = (xs: string[]) => [...xs].sort(naturalCompare);

describe('naturalCompare', () => {
  it('orders digit runs by value, the rest by code unit', () => {
    // C010 and C10 have the same value: then the whole strings by code unit ("0" < "1")
    expect(sorted(['C10', 'C2', 'C1', 'B9', 'C010'])).toEqual(['B9', 'C1', 'C2', 'C010', 'C10']);
    // 9 < 10: after leading zeros, the shorter run is the smaller
    expect(naturalCompare('x9', 'x10')).toBe(-1);
    expect(naturalCompare('x09', 'x10')).toBe(-1);
    expect(naturalCompare('x010', 'x10')).toBe(-1); // equal values, then code units
    expect(naturalCompare('a0', 'a00')).toBe(-1); // equal values, then "a0" is a prefix of "a00"
    expect(naturalCompare('C000123', 'C000123')).toBe(0);
    expect(naturalCompare('INV-2026-0041', 'INV-2026-0100')).toBe(-1); // 41 < 100: runs of 2 and 3 digits after the zeros
    expect(naturalCompare('客户2', '客户10')).toBe(-1);
  });
});
