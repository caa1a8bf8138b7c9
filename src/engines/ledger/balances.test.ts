import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import { Acc, SlotSums } from './balances.js';

describe('SlotSums', () => {
  it('sums mantissas exactly, aligning scales like Dec.add (the scale is the largest added)', () => {
    const s = new SlotSums(4);
    s.add(1, 1250, 2); //  12.50
    s.add(1, -5, 1); //   − 0.5  → 12.00 (scale 2)
    s.add(1, 3, 0); //    + 3    → 15.00
    expect(s.value(1).toString()).toBe('15.00');
    s.add(2, 7, 3); //     0.007
    s.add(2, 1, 0); //   + 1     → 1.007
    expect(s.value(2).toString()).toBe('1.007');
    expect(s.has(0)).toBe(false);
  });
  it('goes past 2^53 without losing a digit, and comes back', () => {
    const s = new SlotSums(1);
    const max = Number.MAX_SAFE_INTEGER; // 9007199254740991
    s.add(0, max, 2); // 90071992547409.91
    s.add(0, max, 2); // 180143985094819.82: mantissa 18014398509481982 > 2^53
    expect(s.value(0).toString()).toBe('180143985094819.82');
    s.add(0, -max, 2);
    s.add(0, -max, 2);
    s.add(0, 1, 2);
    expect(s.value(0).toString()).toBe('0.01');
    s.addDec(0, Dec.of('123456789012345678901234.5'));
    expect(s.value(0).toString()).toBe('123456789012345678901234.51');
  });
  it('gives what a Map fed posting by posting gives: first-use order, no −0', () => {
    const s = new SlotSums(2 * 3); // accounts a, b × commodities CNY, USD, EUR
    s.add(1 * 3 + 1, 5, 0); // b USD 5
    s.add(0 * 3 + 0, 0, 0); // a CNY 0
    s.add(1 * 3 + 0, -0, 2); // b CNY −0.00
    s.add(0 * 3 + 2, 1, 1); // a EUR 0.1
    const m = s.toMaps(['a', 'b'], ['CNY', 'USD', 'EUR']);
    expect([...m.keys()]).toEqual(['b', 'a']);
    expect([...m.get('b')!].map(([c, v]) => `${c} ${v.toString()}`)).toEqual(['USD 5', 'CNY 0.00']);
    expect([...m.get('a')!].map(([c, v]) => `${c} ${v.toString()}`)).toEqual(['CNY 0', 'EUR 0.1']);
    expect(Object.is(m.get('b')!.get('CNY')!.raw, 0)).toBe(true);
  });
  it('agrees with Acc (Dec by Dec) on a random stream', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const s = new SlotSums(1);
    const acc = new Acc();
    for (let i = 0; i < 5000; i++) {
      const scale = Math.floor(rnd() * 4);
      const m = Math.floor((rnd() - 0.5) * (rnd() < 0.01 ? 2 * Number.MAX_SAFE_INTEGER : 1e9));
      s.add(0, m, scale);
      acc.add(new Dec(m, scale));
      if (i % 500 === 0) expect(s.value(0).toString()).toBe(acc.value().toString());
    }
    expect(s.value(0).toString()).toBe(acc.value().toString());
    expect(s.value(0).s).toBe(acc.value().s);
  });
});
