import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diagnostics/types.js';
import { cellLoc, csvLine, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and newlines and keeps row lines', () => {
    const d = new Diagnostics();
    const t = parseCsv('a.csv', 'id,name,note\r\nC1,"Li, Wei","say ""hi"""\nC2,王芳,"two\nlines"\nC3,x,y\n', d);
    expect(d.list).toEqual([]);
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['C1', 'Li, Wei', 'say "hi"'],
      ['C2', '王芳', 'two\nlines'],
      ['C3', 'x', 'y'],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });
  it('locates cells by line and column', () => {
    const d = new Diagnostics();
    const t = parseCsv('a.csv', '\ufeffid,qty\nX,"1"\nY,abc\n', d);
    expect(cellLoc(t, t.rows[1]!, 1)).toEqual({ file: 'a.csv', line: 3, col: 3 });
    expect(cellLoc(t, t.rows[0]!, 1)).toEqual({ file: 'a.csv', line: 2, col: 3 });
  });
  it('reports column-count mismatches and bad quotes, all of them', () => {
    const d = new Diagnostics();
    parseCsv('a.csv', 'a,b\n1,2,3\n4\n5,"x"y\n6,"open\n', d);
    const msgs = d.list.map((x) => `${x.loc!.line}:${x.loc!.col} ${x.message}`);
    expect(msgs.sort()).toEqual([
      '2:5 row has 3 fields, the header has 2',
      '3:1 row has 1 field, the header has 2',
      // line 4 is 5,"x"y: the y is the 6th character; line 5 is 6,"open: the quote is the 3rd
      '4:6 text after a closing quote',
      '5:3 unterminated quoted field',
    ]);
  });
  it('skips blank lines', () => {
    const d = new Diagnostics();
    const t = parseCsv('a.csv', 'a\n\n1\n\n', d);
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([[3, ['1']]]);
  });
  it('quotes only when needed', () => {
    expect(csvLine(['a', 'b,c', 'say "x"', '', ' pad'])).toBe('a,"b,c","say ""x""",," pad"');
  });
});
