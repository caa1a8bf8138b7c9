/**
 * Appending rows to a CSV entity file: the new rows are added at the end in the
 * file's own column order and line ending; no other row is rewritten.
 */
import { stringify } from 'csv-stringify/sync';
import { Diagnostics } from '../diagnostics/types.js';
import { CsvReader } from '../io/csv.js';

export class CsvEditError extends Error {}

export function csvHeader(text: string): string[] {
  return new CsvReader('', text, new Diagnostics()).header.map((h) => h.trim());
}

/** Append rows (column → text); columns the file lacks must be empty, or it is an error. */
export function appendCsvRows(text: string, rows: readonly Record<string, string>[]): string {
  const header = csvHeader(text);
  if (!header.length) throw new CsvEditError('the file has no header row');
  for (const r of rows) {
    const missing = Object.keys(r).filter((k) => r[k] !== '' && !header.includes(k));
    if (missing.length) throw new CsvEditError(`the file has no column for ${missing.join(', ')}; add the column${missing.length === 1 ? '' : 's'} to its header first`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = stringify(
    rows.map((r) => header.map((h) => r[h] ?? '')),
    { record_delimiter: eol },
  );
  const head = text === '' || text.endsWith('\n') ? text : text + eol;
  return head + body;
}
