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
