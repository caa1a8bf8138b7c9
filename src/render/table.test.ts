import { describe, expect, it } from 'vitest';
import { Dec } from '../domain/decimal.js';
import type { TableModel } from './model.js';
import { renderTable } from './table.js';
import { displayWidth } from './width.js';

const model: TableModel = {
  columns: [
    { key: 'id', en: 'ID' },
    { key: 'name', en: 'Name', zh: '名称' },
    { key: 'amount', en: 'Amount', zh: '金额' },
  ],
  rows: [
    ['C0001', '上海明达办公家具有限公司', Dec.of('1234.50')],
    ['C0002', 'Beijing Star 北京星辰', Dec.of('98.00')],
    ['C0003', 'ACME', Dec.of('-5.25')],
  ],
};

/** Display columns where a character occurs in a line. */
function displayCols(line: string, ch: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const c of line) {
    if (c === ch) out.push(col);
    col += displayWidth(c);
  }
  return out;
}

describe('table renderer', () => {
  it('plain: CJK text counts two columns, so the next column lines up', () => {
    const text = renderTable(model, { boxed: false, lang: 'en' });
    const lines = text.trimEnd().split('\n');
    // widths: id 5, name = max(4, 24 [12 CJK chars], 21 ["Beijing Star " 13 + 4 CJK × 2]) = 24, amount 7
    expect(lines).toEqual([
      'ID     Name                       Amount',
      '-----  ------------------------  -------',
      'C0001  上海明达办公家具有限公司  1234.50',
      'C0002  Beijing Star 北京星辰       98.00',
      'C0003  ACME                        -5.25',
    ]);
    for (const l of lines) expect(displayWidth(l)).toBe(5 + 2 + 24 + 2 + 7);
  });

  it('zh-CN headers', () => {
    const text = renderTable(model, { boxed: false, lang: 'zh-CN' });
    expect(text.split('\n')[0]).toBe('ID     名称                         金额');
  });

  it('boxed: every border sits at the same display column on every line', () => {
    const text = renderTable(model, { boxed: true, lang: 'en' });
    const lines = text.trimEnd().split('\n');
    const widths = new Set(lines.map(displayWidth));
    expect(widths.size).toBe(1);
    const body = lines.filter((l) => l.startsWith('│'));
    expect(body.length).toBe(4);
    const bars = body.map((l) => displayCols(l, '│').join(','));
    expect(new Set(bars).size).toBe(1);
  });
});

describe('big tables', () => {
  it('renders 300,000 rows (a full ledger register) without overflowing the stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`T${i}`, 'x', Dec.of(String(i))]);
    rows[123_456]![1] = 'the widest name';
    const text = renderTable({ columns: model.columns, rows }, { boxed: false, lang: 'en' });
    const lines = text.split('\n');
    expect(lines.length).toBe(300_003); // header, rule, rows, final newline
    // widths: "T299999" (7), "the widest name" (15), "299999" (6)
    // each column padded to its width, two spaces between columns, amounts right-aligned
    expect(lines[0]).toBe('ID' + ' '.repeat(5 + 2) + 'Name' + ' '.repeat(11 + 2) + 'Amount');
    expect(lines[2]).toBe('T0' + ' '.repeat(5 + 2) + 'x' + ' '.repeat(14 + 2) + ' '.repeat(5) + '0');
  });
});
