import type { SourceLoc } from '../diagnostics/types.js';
import { Diagnostics } from '../diagnostics/types.js';
import type { Raw, RawMap, RawScalar } from './raw.js';

/**
 * A small RFC 4180 CSV reader that keeps positions: every row knows its line
 * and its offset in the text, so any cell can be located to line:col without
 * storing a position per cell (see docs/architecture.md for why not csv-parse).
 */
export interface CsvRow {
  readonly line: number;
  /** Offset of the row's first character in the text. */
  readonly offset: number;
  readonly cells: string[];
}

/** What locating a cell needs: the file name and its text (not the parsed rows). */
export interface CsvText {
  readonly file: string;
  readonly text: string;
  readonly headerLine: number;
}

export interface RowPos {
  readonly line: number;
  readonly offset: number;
}

export interface CsvTable extends CsvText {
  readonly header: string[];
  readonly headerLine: number;
  readonly rows: CsvRow[];
}

/**
 * Pull-based CSV reader: the header is read at construction, then `next()`
 * returns one row at a time, so a million-row file never holds all its
 * cells at once. Problems go to `diags` (code csv-syntax); reading goes on.
 */
export class CsvReader implements CsvText {
  readonly header: string[];
  readonly headerLine: number;
  private i: number;
  private lineNo = 1;
  private lineStart: number;

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly diags: Diagnostics,
  ) {
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineStart = this.i;
    const head = this.readRow();
    this.header = head ? head.cells.map((h) => h.trim()) : [];
    this.headerLine = head?.line ?? 1;
    if (head) {
      const seen = new Set<string>();
      this.header.forEach((h, idx) => {
        if (h === '') diags.push('csv-syntax', cellLoc(this, head, idx), `column ${idx + 1} has an empty header`, 'name every column in the first row');
        else if (seen.has(h)) diags.push('csv-syntax', cellLoc(this, head, idx), `column "${h}" appears twice in the header`, `remove one of the two "${h}" columns`);
        else seen.add(h);
      });
    }
  }

  /** Offset where the next row starts. */
  get offset(): number {
    return this.i;
  }
  /** Line number of the next row. */
  get line(): number {
    return this.lineNo;
  }
  /** Continue reading at the start of a row (an offset and line returned by `offset`/`line`, or a row's own). */
  seek(offset: number, line: number): void {
    this.i = offset;
    this.lineNo = line;
    this.lineStart = offset;
  }

  /** The next data row (blank lines skipped), or null at the end. */
  next(): CsvRow | null {
    const r = this.readRow();
    if (r && r.cells.length !== this.header.length) {
      const at = r.cells.length > this.header.length ? cellLoc(this, r, this.header.length) : { file: this.file, line: r.line, col: 1 };
      this.diags.push(
        'csv-syntax',
        at,
        `row has ${r.cells.length} field${r.cells.length === 1 ? '' : 's'}, the header has ${this.header.length}`,
        'check for an unquoted comma inside a value, or a missing separator',
      );
    }
    return r;
  }

  private readRow(): CsvRow | null {
    const { text, file, diags } = this;
    const n = text.length;
    let i = this.i;
    let line = this.lineNo;
    let lineStart = this.lineStart;
    while (i < n) {
      const rowLine = line;
      const rowOffset = i;
      const cells: string[] = [];
      for (;;) {
        let cell: string;
        if (text.charCodeAt(i) === 34 /* " */) {
          const startLine = line;
          const startCol = i - lineStart + 1;
          let j = i + 1;
          let buf = '';
          let closed = false;
          while (j < n) {
            const q = text.indexOf('"', j);
            if (q < 0) break;
            buf += text.slice(j, q);
            if (text.charCodeAt(q + 1) === 34) {
              buf += '"';
              j = q + 2;
              continue;
            }
            j = q + 1;
            closed = true;
            break;
          }
          const end = closed ? j : n;
          for (let k = i; k < end; k++) {
            if (text.charCodeAt(k) === 10) {
              line++;
              lineStart = k + 1;
            }
          }
          if (!closed) {
            buf += text.slice(j);
            diags.push('csv-syntax', { file, line: startLine, col: startCol }, 'unterminated quoted field', 'close the field with a double quote; write "" for a quote inside it');
            // The rest of the file is inside the quotes: no row can be read from it (its values would only add noise).
            this.i = n;
            this.lineNo = line;
            this.lineStart = lineStart;
            return null;
          }
          cell = buf;
          i = j;
          const c = text.charCodeAt(i);
          if (i < n && c !== 44 && c !== 10 && c !== 13) {
            diags.push('csv-syntax', { file, line, col: i - lineStart + 1 }, 'text after a closing quote', 'quote the whole field, and double any quote inside it ("")');
            while (i < n && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 10) i++;
          }
        } else {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === 44 || c === 10 || c === 13) break;
            if (c === 34) diags.push('csv-syntax', { file, line, col: j - lineStart + 1 }, 'quote inside an unquoted field', 'quote the whole field and double the quote inside it ("")');
            j++;
          }
          cell = text.slice(i, j);
          i = j;
        }
        cells.push(cell);
        const c = text.charCodeAt(i);
        if (c === 44) {
          i++;
          continue;
        }
        if (c === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        line++;
        lineStart = i;
        break;
      }
      if (cells.length === 1 && cells[0] === '') continue; // blank line
      this.i = i;
      this.lineNo = line;
      this.lineStart = lineStart;
      return { line: rowLine, offset: rowOffset, cells };
    }
    this.i = i;
    this.lineNo = line;
    this.lineStart = lineStart;
    return null;
  }
}

/**
 * Splits rows that need no quote handling, without allocating: rows with no
 * `"` and no carriage return other than a final CRLF. Such a row reads
 * exactly as CsvReader reads it (same cells, same line, no diagnostic), so a
 * specialised reader can scan these and hand every other row to CsvReader.
 * Cell k of the last scanned row is text[start[k], end[k]).
 */
export class SimpleRowScanner {
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Offset of the row after the scanned one. */
  next = 0;
  // Next '"', '\r' and ',' at or after the last position asked (text.length when none): no rescans.
  private q = -1;
  private cr = -1;
  private comma = -1;
  private last = 0;

  constructor(
    private readonly text: string,
    /** The header's column count: a row with another count is left to CsvReader (which reports it). */
    private readonly width: number,
  ) {
    this.start = new Int32Array(width);
    this.end = new Int32Array(width);
  }

  /** Scan the row starting at `at` (a line start): 1 = a simple row, 0 = a blank line, -1 = needs CsvReader. */
  scan(at: number): 1 | 0 | -1 {
    const t = this.text;
    const n = t.length;
    if (at < this.last) this.q = this.cr = this.comma = -1; // scanning back: the cached positions may have skipped this row
    this.last = at;
    let le = t.indexOf('\n', at);
    if (le < 0) le = n;
    let ce = le;
    if (ce > at && t.charCodeAt(ce - 1) === 13) ce--;
    if (this.q < at) {
      const q = t.indexOf('"', at);
      this.q = q < 0 ? n : q;
    }
    if (this.q < ce) return -1;
    if (this.cr < at) {
      const r = t.indexOf('\r', at);
      this.cr = r < 0 ? n : r;
    }
    if (this.cr < ce) return -1;
    this.next = le < n ? le + 1 : n;
    if (ce === at) return 0;
    const { start, end, width } = this;
    let i = at;
    let k = 0;
    for (;;) {
      if (this.comma < i) {
        const c = t.indexOf(',', i);
        this.comma = c < 0 ? n : c;
      }
      const j = this.comma < ce ? this.comma : ce;
      if (k === width) return -1;
      start[k] = i;
      end[k] = j;
      k++;
      if (j === ce) break;
      i = j + 1;
    }
    return k === width ? 1 : -1;
  }
}

/** Parse a whole CSV text into header and rows (small files, fmt, tests). */
export function parseCsv(file: string, text: string, diags: Diagnostics): CsvTable {
  const r = new CsvReader(file, text, diags);
  const rows: CsvRow[] = [];
  for (let row = r.next(); row; row = r.next()) rows.push(row);
  return { file, text, header: r.header, headerLine: r.headerLine, rows };
}

/** Location of cell `idx` of a row, found by re-scanning that row (cheap; only needed for messages). */
export function cellLoc(table: CsvText, row: RowPos, idx: number): SourceLoc {
  const { text } = table;
  let i = row.offset;
  let line = row.line;
  let lineStart = row.offset;
  // find the real start of the row's line
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
  for (let k = 0; k < idx && i < text.length; k++) {
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          i = text.length;
          break;
        }
        for (let t = i; t < q; t++)
          if (text.charCodeAt(t) === 10) {
            line++;
            lineStart = t + 1;
          }
        if (text.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    while (i < text.length && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 10) i++;
    if (text.charCodeAt(i) === 44) i++;
  }
  return { file: table.file, line, col: i - lineStart + 1 };
}

/**
 * A mutable scalar reused for every cell of a table while converting rows:
 * field parsers read it and never keep it, so no object is allocated per
 * cell. Its location is computed only when a diagnostic asks for it.
 */
class CellCursor implements RawScalar {
  readonly kind = 'scalar' as const;
  text = '';
  isNull = true;
  row: RowPos = { line: 0, offset: 0 };
  index = 0;
  constructor(private readonly ref: CsvText) {}
  get loc(): SourceLoc {
    return cellLoc(this.ref, this.row, this.index);
  }
}

/** A CSV row seen as a RawMap (empty cells are null). */
export class CsvRowMap implements RawMap {
  readonly kind = 'map' as const;
  constructor(
    private readonly ref: CsvText,
    private readonly header: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly cursor: CellCursor,
    /** Mutable: one map can be moved from row to row (converters never keep it). */
    public row: CsvRow,
  ) {}
  static cursor(ref: CsvText): CellCursor {
    return new CellCursor(ref);
  }
  get loc(): SourceLoc {
    return { file: this.ref.file, line: this.row.line, col: 1 };
  }
  keys(): readonly string[] {
    return this.header.filter((h, i) => h !== '' && (this.row.cells[i] ?? '') !== '');
  }
  /** A cell's trimmed text without touching the shared cursor (for labels). */
  cell(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }
  get(key: string): Raw | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    let c = this.row.cells[i] ?? '';
    if (c.length && (c.charCodeAt(0) === 32 || c.charCodeAt(c.length - 1) === 32)) c = c.trim();
    const cur = this.cursor;
    cur.text = c;
    cur.isNull = c === '';
    cur.row = this.row;
    cur.index = i;
    return cur;
  }
  keyLoc(key: string): SourceLoc {
    const i = this.index.get(key);
    return i === undefined ? this.loc : { file: this.ref.file, line: this.ref.headerLine, col: headerCol(this.ref, i) };
  }
}

function headerCol(table: CsvText, idx: number): number {
  return cellLoc(table, { line: table.headerLine, offset: headerOffset(table) }, idx).col;
}

function headerOffset(table: CsvText): number {
  return table.text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function headerIndex(header: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    if (h !== '' && !m.has(h)) m.set(h, i);
  });
  return m;
}

/** Quote a cell only when needed (RFC 4180). */
export function csvCell(v: string): string {
  if (v === '') return '';
  if (/[",\r\n]/.test(v) || v !== v.trim()) return '"' + v.replace(/"/g, '""') + '"';
  return v;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}
