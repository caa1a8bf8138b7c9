import { describe, expect, it } from 'vitest';
import { Dec, divRound, parseDec, sumDec, type RoundingMode } from './decimal.js';

describe('parseDec', () => {
  it('keeps the written scale', () => {
    expect(parseDec('1234.50')!.toString()).toBe('1234.50');
    expect(parseDec('-0.05')!.toString()).toBe('-0.05');
    expect(parseDec('+3')!.toString()).toBe('3');
    expect(parseDec('.5')!.toString()).toBe('0.5');
    expect(parseDec('7.')!.toString()).toBe('7');
  });
  it('rejects what is not a plain decimal', () => {
    for (const bad of ['', '-', '.', '1,234.5', '1e3', '12 ', ' 12', '1.2.3', '¥12', 'abc']) expect(parseDec(bad)).toBeNull();
  });
  it('is exact beyond 2^53', () => {
    // 2^53 + 1 = 9007199254740993 cannot be a double; as a decimal it must survive.
    expect(parseDec('9007199254740993.01')!.toString()).toBe('9007199254740993.01');
    expect(parseDec('-123456789012345678901234567890.123')!.m).toBe(-123456789012345678901234567890123n);
  });
});

describe('arithmetic', () => {
  it('adds across scales without float error', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(Dec.of('0.1').add(Dec.of('0.2')).toString()).toBe('0.3');
    expect(Dec.of('1.005').add(Dec.of('2')).toString()).toBe('3.005');
    expect(Dec.of('10').sub(Dec.of('0.01')).toString()).toBe('9.99');
  });
  it('multiplies scales', () => {
    expect(Dec.of('12.50').mul(Dec.of('3')).toString()).toBe('37.50');
    expect(Dec.of('1.1').mul(Dec.of('1.1')).toString()).toBe('1.21');
  });
  it('compares numerically, not by scale', () => {
    expect(Dec.of('1.50').cmp(Dec.of('1.5'))).toBe(0);
    expect(Dec.of('-2').lt(Dec.of('-1.99'))).toBe(true);
    expect(Dec.of('0.00').isZero()).toBe(true);
  });
  it('sums a list', () => {
    expect(sumDec([Dec.of('1.10'), Dec.of('2.205'), Dec.of('-0.305')]).toString()).toBe('3.000');
  });
});

describe('rounding', () => {
  it('half-up rounds halves away from zero', () => {
    expect(Dec.of('2.345').round(2).toString()).toBe('2.35');
    expect(Dec.of('2.344').round(2).toString()).toBe('2.34');
    expect(Dec.of('-2.345').round(2).toString()).toBe('-2.35');
    expect(Dec.of('0.5').round(0).toString()).toBe('1');
    expect(Dec.of('-0.5').round(0).toString()).toBe('-1');
  });
  it('half-even rounds halves to the even neighbour', () => {
    expect(Dec.of('2.345').round(2, 'half-even').toString()).toBe('2.34');
    expect(Dec.of('2.355').round(2, 'half-even').toString()).toBe('2.36');
    expect(Dec.of('2.3451').round(2, 'half-even').toString()).toBe('2.35');
  });
  it('directed modes', () => {
    expect(Dec.of('2.341').round(2, 'up').toString()).toBe('2.35');
    expect(Dec.of('-2.341').round(2, 'up').toString()).toBe('-2.35');
    expect(Dec.of('2.349').round(2, 'down').toString()).toBe('2.34');
    expect(Dec.of('-2.341').round(2, 'floor').toString()).toBe('-2.35');
    expect(Dec.of('-2.349').round(2, 'ceiling').toString()).toBe('-2.34');
  });
  it('pads when rounding to more digits', () => {
    expect(Dec.of('3').round(2).toString()).toBe('3.00');
  });
  it('divides to a given scale', () => {
    // 10000 / 21.75 = 459.770114942…
    expect(Dec.of('10000').div(Dec.of('21.75'), 2).toString()).toBe('459.77');
    // 1 / 3 = 0.333… → 0.3333
    expect(Dec.of('1').div(Dec.of('3'), 4).toString()).toBe('0.3333');
    // 2 / 3 = 0.666… → half-up 0.67, down 0.66
    expect(Dec.of('2').div(Dec.of('3'), 2).toString()).toBe('0.67');
    expect(Dec.of('2').div(Dec.of('3'), 2, 'down').toString()).toBe('0.66');
    expect(() => Dec.of('1').div(Dec.ZERO, 2)).toThrow();
  });
  it('divides small numbers exactly on the fast path, as the bigint path does', () => {
    const viaBig = (a: Dec, b: Dec, sc: number, mode: RoundingMode) => {
      const shift = b.s - a.s + sc;
      const num = shift >= 0 ? a.m * 10n ** BigInt(shift) : a.m;
      const den = shift >= 0 ? b.m : b.m * 10n ** BigInt(-shift);
      return new Dec(divRound(num, den, mode), sc).toString();
    };
    const xs = ['1', '-1', '2.4', '0.97', '999999999999.99', '-0.0001', '7', '123456789.123', '0.3'].map((t) => Dec.of(t));
    for (const a of xs)
      for (const b of xs)
        for (const mode of ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'] as RoundingMode[])
          for (const sc of [0, 2, 4]) expect(a.div(b, sc, mode).toString(), `${a} / ${b} ${mode} ${sc}`).toBe(viaBig(a, b, sc, mode));
  });
  it('divRound handles negative divisors', () => {
    expect(divRound(7n, -2n, 'half-up')).toBe(-4n);
    expect(divRound(-7n, 2n, 'down')).toBe(-3n);
  });
  it('normalize drops trailing zeros', () => {
    expect(Dec.of('12.500').normalize().toString()).toBe('12.5');
    expect(Dec.of('3.00').normalize().toString()).toBe('3');
    expect(Dec.of('0.000').normalize().toString()).toBe('0');
  });
});

describe('number/bigint boundary', () => {
  it('switches to bigint when a sum leaves the safe range, and back', () => {
    const max = Dec.of('9007199254740991'); // 2^53 - 1
    const over = max.add(Dec.of('2'));
    expect(over.toString()).toBe('9007199254740993'); // a float would say ...992
    expect(over.sub(Dec.of('2')).toString()).toBe('9007199254740991');
    expect(over.m).toBe(9007199254740993n);
  });
  it('multiplies exactly past 2^53', () => {
    // 123456789 × 987654321 = 121932631112635269 (> 2^53)
    expect(Dec.of('123456789').mul(Dec.of('987654321')).toString()).toBe('121932631112635269');
    expect(Dec.of('-1234567.89').mul(Dec.of('98765.4321')).toString()).toBe('-121932631112.635269');
  });
  it('aligns scales past 2^53', () => {
    expect(Dec.of('9007199254740.991').add(Dec.of('0.000001')).toString()).toBe('9007199254740.991001');
  });
  it('rounds large mantissas exactly', () => {
    // 0.999999999999995 has 15 fraction digits; to 14 digits half-up → 1.00000000000000
    expect(Dec.of('0.999999999999995').round(14).toString()).toBe('1.00000000000000');
    expect(Dec.of('0.999999999999994').round(14).toString()).toBe('0.99999999999999');
    expect(Dec.of('99999999999999.995').round(2).toString()).toBe('100000000000000.00');
    expect(Dec.of('-99999999999999.995').round(2).toString()).toBe('-100000000000000.00');
  });
  it('parses long digit strings exactly', () => {
    expect(Dec.of('9007199254740993').toString()).toBe('9007199254740993');
    expect(Dec.of('-0').isZero()).toBe(true);
  });
});
