/**
 * Edits of CSV entity files that touch only what must change: new rows are
 * appended in the file's own column order and line ending; an update rewrites
 * only its row. A column the file lacks is an error, unless the caller names
 * the columns it may add (imports), in which case the header grows and each
 * existing row gets an empty cell — the only case where other lines change.
 */
import { Diagnostics } from '../diagnostics/types.js';
import { CsvReader, csvLine } from '../io/csv.js';

export class CsvEditError extends Error {}

export function csvHeader(text: string): string[] {
  return new CsvReader('', text, new Diagnostics()).header.map((h) => h.trim());
}

/** Append rows (column → text). `columns`: the columns that may be added, in order (and the header of a new file). */
export function appendCsvRows(text: string, rows: readonly Record<string, string>[], opts: { columns?: readonly string[] } = {}): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (text.trim() === '') {
    const order = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cols = order.filter((c) => rows.some((r) => (r[c] ?? '') !== ''));
    return [csvLine(cols), ...rows.map((r) => csvLine(cols.map((c) => r[c] ?? '')))].join(eol) + eol;
  }
  const header0 = csvHeader(text);
  if (!header0.length) throw new CsvEditError('the file has no header row');
  const missing = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== '' && !header0.includes(k))))];
  if (missing.length && !opts.columns) throw new CsvEditError(`the file has no column for ${missing.join(', ')}; add the column${missing.length === 1 ? '' : 's'} to its header first`);
  const base = missing.length ? addCsvColumns(text, opts.columns!.filter((c) => missing.includes(c))) : text;
  const header = csvHeader(base);
  const head = base.endsWith('\n') ? base : base + eol;
  return head + rows.map((r) => csvLine(header.map((c) => r[c] ?? ''))).join(eol) + (rows.length ? eol : '');
}

/** The file with more columns at the end of its header; every existing row gets an empty cell for each. */
export function addCsvColumns(text: string, extra: readonly string[]): string {
  const have = csvHeader(text);
  const add = extra.filter((c) => !have.includes(c));
  if (!add.length) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const reader = new CsvReader('', text, new Diagnostics());
  const old: string[][] = [];
  for (let r = reader.next(); r; r = reader.next()) old.push(r.cells);
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return bom + [csvLine([...reader.header, ...add]), ...old.map((c) => csvLine([...c, ...add.map(() => '')]))].join(eol) + eol;
}

/** Replace data rows (by the line they start on) with new cell values by column name, in one pass; other rows untouched. */
export function updateCsvRows(text: string, valuesByLine: ReadonlyMap<number, Record<string, string>>): string {
  if (valuesByLine.size === 0) return text;
  const reader = new CsvReader('', text, new Diagnostics());
  const header = reader.header;
  const parts: string[] = [];
  let copied = 0;
  let found = 0;
  let row = reader.next();
  while (row) {
    const next = reader.next();
    const values = valuesByLine.get(row.line);
    if (values) {
      found++;
      let end = next ? next.offset : text.length;
      while (end > row.offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      const r = row;
      parts.push(text.slice(copied, r.offset), csvLine(header.map((h, i) => (h in values ? values[h]! : (r.cells[i] ?? '')))));
      copied = end;
    }
    row = next;
  }
  if (found !== valuesByLine.size) throw new CsvEditError('a CSV row to update was not found');
  parts.push(text.slice(copied));
  return parts.join('');
}

/** An update of one document with lines in a CSV file. */
export interface CsvGroupEdit {
  /** Header columns to set (on the first row, and on continuation rows that repeat the header). */
  readonly set: Readonly<Record<string, string>>;
  /** All the document's lines as they will be (line column → text); absent: the lines stay. */
  readonly lines?: readonly Readonly<Record<string, string>>[];
}

/**
 * Update documents with lines, each the group of consecutive rows with the
 * same `keyColumn` that starts on the given line; other rows stay byte for
 * byte. New lines are written one row each, continuation rows repeating the
 * header cells if the group did (or a one-row group, as `export` writes),
 * else only the key.
 */
export function updateCsvGroups(text: string, keyColumn: string, headerColumns: readonly string[], edits: ReadonlyMap<number, CsvGroupEdit>): string {
  if (edits.size === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const reader = new CsvReader('', text, new Diagnostics());
  const header = reader.header.map((h) => h.trim());
  const keyIdx = header.indexOf(keyColumn);
  if (keyIdx < 0) throw new CsvEditError(`the file has no "${keyColumn}" column`);
  const headIdx = header.flatMap((h, i) => (headerColumns.includes(h) && i !== keyIdx ? [i] : []));
  const rows = [];
  for (let r = reader.next(); r; r = reader.next()) rows.push(r);
  const parts: string[] = [];
  let copied = 0;
  let found = 0;
  for (let i = 0; i < rows.length; i++) {
    const edit = edits.get(rows[i]!.line);
    if (!edit) continue;
    found++;
    const first = rows[i]!;
    const key = (first.cells[keyIdx] ?? '').trim();
    let j = i + 1;
    while (j < rows.length && (rows[j]!.cells[keyIdx] ?? '').trim() === key) j++;
    const group = rows.slice(i, j);
    let end = j < rows.length ? rows[j]!.offset : text.length;
    while (end > first.offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const set = (cells: string[], all: boolean) => {
      for (const [c, v] of Object.entries(edit.set)) {
        const k = header.indexOf(c);
        if (k >= 0 && (all || (cells[k] ?? '').trim() !== '')) cells[k] = v;
      }
      return cells;
    };
    const full = (cells: readonly string[]) => header.map((_, k) => cells[k] ?? '');
    let out: string[][];
    if (!edit.lines) out = group.map((r, n) => set(full(r.cells), n === 0));
    else {
      const repeat = group.length === 1 || group.slice(1).some((r) => headIdx.some((k) => (r.cells[k] ?? '').trim() !== ''));
      const head = set(full(first.cells), true);
      const lineIdx = header.flatMap((h, k) => (k !== keyIdx && !headerColumns.includes(h) ? [k] : []));
      const blankLine = (cells: string[]) => {
        for (const k of lineIdx) cells[k] = '';
        return cells;
      };
      const ls = edit.lines.length ? edit.lines : [{}];
      out = ls.map((l, n) => {
        const cells = n === 0 || repeat ? blankLine([...head]) : header.map((_, k) => (k === keyIdx ? head[k]! : ''));
        for (const k of lineIdx) if (header[k]! in l) cells[k] = l[header[k]!]!;
        return cells;
      });
    }
    parts.push(text.slice(copied, first.offset), out.map((c) => csvLine(c)).join(eol));
    copied = end;
    i = j - 1;
  }
  if (found !== edits.size) throw new CsvEditError('a CSV row to update was not found');
  parts.push(text.slice(copied));
  return parts.join('');
}
