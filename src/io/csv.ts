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

export interface CsvTable {
  readonly file: string;
  readonly text: string;
  readonly header: string[];
  readonly headerLine: number;
  readonly rows: CsvRow[];
}

/** Parse CSV text. Problems go to `diags` (code csv-syntax); parsing continues where it can. */
export function parseCsv(file: string, text: string, diags: Diagnostics): CsvTable {
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < n) {
    const rowLine = line;
    const rowOffset = i;
    const cells: string[] = [];
    // Parse one record.
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
        // Count newlines inside the quoted cell.
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
          i = n;
          cells.push(buf);
          break;
        }
        cell = buf;
        i = j;
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) {
          diags.push('csv-syntax', { file, line, col: i - lineStart + 1 }, 'text after a closing quote', 'quote the whole field, and double any quote inside it ("")');
          // skip to the next separator
          while (i < n && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 10) i++;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) {
            diags.push('csv-syntax', { file, line, col: j - lineStart + 1 }, 'quote inside an unquoted field', 'quote the whole field and double the quote inside it ("")');
          }
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
    // Skip blank lines entirely.
    if (cells.length === 1 && cells[0] === '') continue;
    rows.push({ line: rowLine, offset: rowOffset, cells });
  }
  const head = rows.shift();
  const header = head ? head.cells.map((h) => h.trim()) : [];
  const table: CsvTable = { file, text, header, headerLine: head?.line ?? 1, rows };
  if (head) {
    const seen = new Map<string, number>();
    header.forEach((h, idx) => {
      if (h === '') diags.push('csv-syntax', cellLoc(table, head, idx), `column ${idx + 1} has an empty header`, 'name every column in the first row');
      else if (seen.has(h)) diags.push('csv-syntax', cellLoc(table, head, idx), `column "${h}" appears twice in the header`, `remove one of the two "${h}" columns`);
      else seen.set(h, idx);
    });
  }
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      const at = r.cells.length > header.length ? cellLoc(table, r, header.length) : { file, line: r.line, col: 1 };
      diags.push(
        'csv-syntax',
        at,
        `row has ${r.cells.length} field${r.cells.length === 1 ? '' : 's'}, the header has ${header.length}`,
        'check for an unquoted comma inside a value, or a missing separator',
      );
    }
  }
  return table;
}

/** Location of cell `idx` of a row, found by re-scanning that row (cheap; only needed for messages). */
export function cellLoc(table: CsvTable, row: CsvRow, idx: number): SourceLoc {
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

/** A CSV row seen as a RawMap (empty cells are null). Locations are computed on demand. */
export class CsvRowMap implements RawMap {
  readonly kind = 'map' as const;
  constructor(
    private readonly table: CsvTable,
    private readonly index: ReadonlyMap<string, number>,
    readonly row: CsvRow,
  ) {}
  get loc(): SourceLoc {
    return { file: this.table.file, line: this.row.line, col: 1 };
  }
  keys(): readonly string[] {
    return this.table.header.filter((h, i) => h !== '' && (this.row.cells[i] ?? '') !== '');
  }
  text(key: string): string | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const c = this.row.cells[i];
    return c === undefined || c === '' ? undefined : c;
  }
  get(key: string): Raw | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const c = this.row.cells[i] ?? '';
    const table = this.table;
    const row = this.row;
    const s: RawScalar = {
      kind: 'scalar',
      text: c.trim(),
      isNull: c.trim() === '',
      get loc() {
        return cellLoc(table, row, i);
      },
    };
    return s;
  }
  keyLoc(key: string): SourceLoc {
    const i = this.index.get(key);
    return i === undefined ? this.loc : { file: this.table.file, line: this.table.headerLine, col: headerCol(this.table, i) };
  }
}

function headerCol(table: CsvTable, idx: number): number {
  return cellLoc(table, { line: table.headerLine, offset: headerOffset(table), cells: [] }, idx).col;
}

function headerOffset(table: CsvTable): number {
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
