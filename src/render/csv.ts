import { stringify } from 'csv-stringify/sync';
import { cellText, type TableModel } from './model.js';

/** CSV (or TSV) of the row model: header = column keys, decimals as exact text, footer as a last row. */
export function renderCsv(t: TableModel, delimiter: ',' | '\t' = ','): string {
  const rows: string[][] = [t.columns.map((c) => c.key), ...t.rows.map((r) => t.columns.map((_, i) => cellText(r[i])))];
  for (const f of t.footer ?? []) rows.push(t.columns.map((_, i) => cellText(f[i])));
  if (delimiter === '\t') return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]/g, ' ')).join('\t')).join('\n') + '\n';
  return stringify(rows, { delimiter, record_delimiter: '\n' });
}
