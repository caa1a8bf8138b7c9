import { describe, expect, it } from 'vitest';
import { firstOccurrences, hashString, SpanIndex } from './text-index.js';

describe('firstOccurrences', () => {
  it('gives each key the index of its first occurrence', () => {
    expect([...firstOccurrences(['a', 'b', 'a', 'c', 'b', 'a', ''])]).toEqual([0, 1, 0, 3, 1, 0, 6]);
    expect([...firstOccurrences(['x', 'x', 'y'], 2)]).toEqual([0, 0]);
    expect([...firstOccurrences([])]).toEqual([]);
    expect([...firstOccurrences(['a'])]).toEqual([0]);
  });
  it('finds no repeat in keys in strictly increasing order, and repeats once the order breaks', () => {
    expect([...firstOccurrences(['A1', 'A2', 'A3', 'B'])]).toEqual([0, 1, 2, 3]);
    expect([...firstOccurrences(['A1', 'A2', 'A2', 'B'])]).toEqual([0, 1, 1, 3]);
    expect([...firstOccurrences(['A1', 'A2', 'A3', 'A1'])]).toEqual([0, 1, 2, 0]);
    expect([...firstOccurrences(['A1', 'A2', 'A3', 'A1'], 3)]).toEqual([0, 1, 2]);
  });
  it('stays exact when hashes collide (keys are compared, not hashes)', () => {
    // 5,000 distinct keys in a table of 16,384 slots collide often; every key is first, its repeat points back.
    const keys = Array.from({ length: 5000 }, (_, i) => `T${i}`);
    const first = firstOccurrences([...keys, ...keys]);
    for (let i = 0; i < 5000; i++) {
      expect(first[i]).toBe(i);
      expect(first[5000 + i]).toBe(i);
    }
  });
  it('hashes with FNV-1a', () => {
    // FNV-1a 32-bit of "" is the offset basis 0x811c9dc5; of "a": (0x811c9dc5 ^ 0x61) * 0x01000193 mod 2^32 = 0xe40c292c
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('SpanIndex', () => {
  it('finds names by a span of a text without slicing it', () => {
    const ix = new SpanIndex();
    ix.add('assets:bank', 0);
    ix.add('assets:bank:b1', 1);
    ix.add('income', 2);
    const t = 'x,assets:bank:b1,assets:bank,income,incomes,';
    expect(ix.find(t, 2, 16)).toBe(1);
    expect(ix.find(t, 17, 28)).toBe(0);
    expect(ix.find(t, 29, 35)).toBe(2);
    expect(ix.find(t, 36, 43)).toBe(-1); // "incomes": a longer name is another name
    expect(ix.find(t, 29, 34)).toBe(-1); // "incom"
    expect(ix.find(t, 1, 1)).toBe(-1); // empty span
  });
  it('keeps finding every name as it grows (hashing every character, or a few)', () => {
    for (const full of [false, true]) {
      const ix = new SpanIndex(full);
      const names = Array.from({ length: 3000 }, (_, i) => `C${String(i).padStart(6, '0')}`);
      names.forEach((n, i) => ix.add(n, i));
      expect(ix.size).toBe(3000);
      const t = names.join(',');
      let at = 0;
      names.forEach((n, i) => {
        expect(ix.find(t, at, at + n.length)).toBe(i);
        at += n.length + 1;
      });
      expect(ix.find('C9999999', 0, 8)).toBe(-1);
    }
  });
  it('keeps finding every name as it grows', () => {
    const ix = new SpanIndex();
    const names = Array.from({ length: 300 }, (_, i) => `expenses:cost:c${i}`);
    names.forEach((n, i) => ix.add(n, i));
    const t = names.join(',');
    let at = 0;
    names.forEach((n, i) => {
      expect(ix.find(t, at, at + n.length)).toBe(i);
      at += n.length + 1;
    });
  });
});
