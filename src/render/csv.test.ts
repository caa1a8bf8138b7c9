import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { Dec } from '../domain/decimal.js';
import { renderCsv } from './csv.js';
import { cellText, type Cell, type TableModel } from './model.js';

describe('renderCsv', () => {
  it('writes exactly what csv-stringify writes with its defaults', () => {
    const rows: Cell[][] = [
      ['plain', Dec.of('-12.50'), 3, true, null],
      ['a,b', 'say "hi"', 'two\nlines', 'x', ''],
      ['上海明达', '  spaced  ', '-=formula', "it's", undefined],
    ];
    const t: TableModel = { columns: ['k1', 'k,2', 'k"3', 'k4', 'k5'].map((key) => ({ key, en: key })), rows, footer: [['Total', Dec.of('0.00'), '', '', '']] };
    const expected = stringify([t.columns.map((c) => c.key), ...rows.map((r) => r.map(cellText)), t.footer![0]!.map(cellText)], { delimiter: ',', record_delimiter: '\n' });
    expect(renderCsv(t)).toBe(expected);
  });

  it('quotes a bare carriage return too (RFC 4180; csv-stringify 6.9 leaves it bare)', () => {
    expect(renderCsv({ columns: [{ key: 'a', en: 'a' }], rows: [['cr\rhere']] })).toBe('a\n"cr\rhere"\n');
  });
});
