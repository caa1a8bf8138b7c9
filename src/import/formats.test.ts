import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding.js';
import { importDate, importNumber } from './formats.js';

describe('import formats', () => {
  it('dates', () => {
    expect(importDate('2026年10月3日')).toBe('2026-10-03');
    expect(importDate('2026 年 1 月 9 日')).toBe('2026-01-09');
    expect(importDate('2026/10/3')).toBe('2026-10-03');
    expect(importDate('2026.10.03 14:30')).toBe('2026-10-03');
    expect(importDate('20261003')).toBe('2026-10-03');
    expect(importDate('03/10/2026')).toBeNull(); // ambiguous without an order
    expect(importDate('03/10/2026', 'dmy')).toBe('2026-10-03');
    expect(importDate('03/10/2026', 'mdy')).toBe('2026-03-10');
    expect(importDate('2026年2月30日')).toBeNull();
  });
  it('numbers', () => {
    expect(importNumber('1,234.50')).toBe('1234.50');
    expect(importNumber('¥1,234,567.5')).toBe('1234567.5');
    expect(importNumber('(123.45)')).toBe('-123.45');
    expect(importNumber('-1,000')).toBe('-1000');
    expect(importNumber('1000元')).toBe('1000');
    expect(importNumber('1,5')).toBeNull(); // not grouped by three: refuse rather than guess 15
    expect(importNumber('1.234,50', { decimal: ',' })).toBe('1234.50');
    expect(importNumber('1 234,50', { decimal: ',' })).toBe('1234.50');
    expect(importNumber('abc')).toBeNull();
  });
  it('encodings', () => {
    const gbk = Uint8Array.from([0xc9, 0xcf, 0xba, 0xa3]); // 上海 in GBK
    expect(decodeText(gbk)).toEqual({ text: '上海', encoding: 'gb18030' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('上海', 'utf8')]);
    expect(decodeText(bom)).toEqual({ text: '上海', encoding: 'utf8' });
    expect(decodeText(Buffer.from('上海', 'utf8'))).toEqual({ text: '上海', encoding: 'utf8' });
  });
});
