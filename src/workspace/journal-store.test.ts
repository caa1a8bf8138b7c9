import { describe, expect, it } from 'vitest';
import { Dec } from '../domain/decimal.js';
import type { IsoDate } from '../domain/dates.js';
import { BIG, JournalStore, NO_AMOUNT } from './journal-store.js';
import type { AnyRecord } from './parse-entity.js';
import { hashString } from '../util/text-index.js';

const src = (line: number) => ({ loc: { file: 'j.yaml', line, col: 1 }, at: (f: string) => ({ file: 'j.yaml', line, col: f.length }) });

describe('JournalStore', () => {
  it('keeps records as columns: interned accounts, commodities and dates, mantissa and scale', () => {
    const s = new JournalStore('CNY');
    const rec = {
      id: 'J1',
      date: '2026-01-05',
      description: 'fx',
      src: src(1),
      postings: [
        { account: 'assets:usd', amount: { qty: Dec.of('100.5'), commodity: 'USD' }, cost: { qty: Dec.of('712.34'), commodity: null }, src: src(2) },
        { account: 'assets:bank', amount: { qty: Dec.of('-12345678901234567890.12'), commodity: null }, src: src(3) },
        { account: 'assets:usd', balance: { qty: Dec.of('5'), commodity: 'USD' }, src: src(4) },
      ],
    } as unknown as AnyRecord;
    s.addRecord(rec);
    expect(s.size).toBe(1);
    expect(s.postings).toBe(3);
    expect(s.accounts).toEqual(['assets:usd', 'assets:bank']);
    expect([...s.account.subarray(0, 3)]).toEqual([0, 1, 0]);
    // the base currency is commodity 0: amounts written without a commodity
    expect(s.commodities).toEqual(['CNY', 'USD']);
    expect([...s.commodity.subarray(0, 3)]).toEqual([1, 0, 0]);
    // 100.5 = 1005 / 10^1; the second mantissa is beyond 2^53, so it is kept as a bigint
    expect([s.mant[0], s.scale[0], s.flags[0]]).toEqual([1005, 1, 4]);
    expect(s.flags[1]).toBe(BIG);
    expect(s.dec(1).toString()).toBe('-12345678901234567890.12');
    expect(s.flags[2]).toBe(NO_AMOUNT | 8);
    expect(s.amount(2)).toBeUndefined();
    expect(s.amount(0)).toEqual({ qty: Dec.of('100.5'), commodity: 'USD' });
    expect(s.record(0)).toBe(rec);
    expect(s.idHash[0]).toBe(hashString('J1') | 0);
    expect(s.postingSrc(0, 2).loc.line).toBe(4);
  });

  it('grows past its first capacity without losing posting ranges', () => {
    const s = new JournalStore('CNY');
    const d = s.dateId('2026-01-05' as IsoDate);
    // entry e has (e % 3) + 1 postings: 5,000 entries, 10,000 postings (0+1+2+… pattern: 1,2,3,1,2,3,…)
    for (let e = 0; e < 5000; e++) {
      for (let k = 0; k <= e % 3; k++) s.addPosting(0, 0, e, 0, 0, 0);
      s.addCsvEntry(`T${e}`, hashString(`T${e}`), d, 0, e + 2, 0);
    }
    expect(s.size).toBe(5000);
    expect(s.postings).toBe(1667 * 1 + 1667 * 2 + 1666 * 3);
    for (let e = 0; e < 5000; e++) {
      const n = s.postStart[e + 1]! - s.postStart[e]!;
      expect(n).toBe((e % 3) + 1);
      expect(s.mant[s.postStart[e]!]).toBe(e);
      expect(s.entryOf(s.postStart[e + 1]! - 1)).toBe(e);
    }
    expect(s.entryLine[4999]).toBe(5001);
  });

  it('reserve makes room without changing what is stored', () => {
    const s = new JournalStore('CNY');
    s.addPosting(0, 0, 7, 2, 0, 0);
    s.addCsvEntry('A', hashString('A'), 0, 0, 2, 0);
    s.reserve(100_000, 300_000);
    expect(s.account.length).toBeGreaterThanOrEqual(300_001);
    expect(s.date.length).toBeGreaterThanOrEqual(100_001);
    expect([s.size, s.postings, s.mant[0], s.scale[0], s.postStart[1]]).toEqual([1, 1, 7, 2, 1]);
  });
});
