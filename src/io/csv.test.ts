import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diagnostics/types.js';
import { cellLoc, csvLine, parseCsv, SimpleRowScanner } from './csv.js';

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

describe('SimpleRowScanner', () => {
  it('splits rows without quotes into cell spans, and leaves other rows to CsvReader', () => {
    // offsets: rows start at 0 (a,b,c), 6 (x,,yz CRLF), 13 (blank), 14 ("q",1,2), 22 (u,v CR w), 28 (1,2), 32 (3,4,5,6)
    const t = 'a,b,c\nx,,yz\r\n\n"q",1,2\nu,v\rw\n1,2\n3,4,5,6';
    const sc = new SimpleRowScanner(t, 3);
    expect(sc.scan(0)).toBe(1);
    expect([...sc.start, ...sc.end]).toEqual([0, 2, 4, 1, 3, 5]);
    expect(sc.next).toBe(6);
    // "x,,yz\r\n": the CR before LF is not part of the last cell
    expect(sc.scan(6)).toBe(1);
    expect([...sc.start, ...sc.end]).toEqual([6, 8, 9, 7, 8, 11]);
    expect(sc.next).toBe(13);
    expect(sc.scan(13)).toBe(0); // blank line
    expect(sc.next).toBe(14);
    expect(sc.scan(14)).toBe(-1); // quotes
    expect(sc.scan(22)).toBe(-1); // a carriage return inside the row
    expect(sc.scan(28)).toBe(-1); // two cells, the header has three
    expect(sc.scan(32)).toBe(-1); // four cells, and no final newline
    // scanning back to an earlier row gives the same spans again
    expect(sc.scan(0)).toBe(1);
    expect([...sc.start, ...sc.end]).toEqual([0, 2, 4, 1, 3, 5]);
  });
  it('agrees with CsvReader on the rows it accepts (same cells, same lines)', () => {
    const t = 'id,n\nA,1\r\n\nB,2\nC,"3"\nD,4';
    const d = new Diagnostics();
    const rows = parseCsv('a.csv', t, d).rows;
    const sc = new SimpleRowScanner(t, 2);
    const simple: [number, string[]][] = [];
    for (const r of rows) if (sc.scan(r.offset) === 1) simple.push([r.line, [t.slice(sc.start[0]!, sc.end[0]!), t.slice(sc.start[1]!, sc.end[1]!)]]);
    expect(simple).toEqual(rows.filter((r) => !r.cells.includes('3')).map((r) => [r.line, r.cells]));
    expect(simple.map(([l]) => l)).toEqual([2, 4, 6]);
  });
});
