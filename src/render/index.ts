import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import type { Format, Lang, TableModel } from './model.js';
import { renderTable } from './table.js';

/** What a command hands to the output layer: the row model and the JSON value. */
export interface Rendered {
  readonly table: TableModel;
  readonly json: unknown;
  /** A different row model for CSV/TSV (e.g. full account names instead of an indented tree). */
  readonly csv?: TableModel;
}

export interface OutputStyle {
  readonly format: Format;
  readonly lang: Lang;
  readonly boxed: boolean;
  readonly bold?: (s: string) => string;
}

export function render(r: Rendered, style: OutputStyle): string {
  switch (style.format) {
    case 'table':
      return renderTable(r.table, { boxed: style.boxed, lang: style.lang, ...(style.bold ? { bold: style.bold } : {}) });
    case 'csv':
      return renderCsv(r.csv ?? r.table, ',');
    case 'tsv':
      return renderCsv(r.csv ?? r.table, '\t');
    case 'json':
      return renderJson(r.json);
    default: {
      const never: never = style.format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
