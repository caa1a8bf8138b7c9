import type { EntityDef } from '../domain/entity.js';
import { Diagnostics } from '../diagnostics/types.js';
import { csvLine, parseCsv, type CsvRow } from '../io/csv.js';
import type { Field } from '../schema/fields.js';
import type { Config } from '../workspace/config.js';
import { minorUnit } from '../workspace/config.js';
import { csvColumns } from '../workspace/parse-entity.js';
import { naturalCompare } from '../util/natural.js';
import { canonicalValue } from './values.js';

/**
 * Canonical CSV for an entity file: the file's columns in schema order,
 * values normalised, rows (or, for documents with lines, groups of rows)
 * sorted where order carries no meaning, LF line endings, minimal quoting.
 * A UTF-8 BOM is kept if the file had one (Excel needs it for Chinese text).
 */
export function formatCsvEntity(def: EntityDef, text: string, cfg: Config): string {
  const d = new Diagnostics();
  const t = parseCsv('', text, d);
  if (d.errorCount) return text;
  const { header: hcols, line: lcols, lineField } = csvColumns(def);
  const order = [...hcols, ...lcols.filter((c) => !hcols.includes(c))];
  const present = order.filter((c) => t.header.includes(c));
  const idx = present.map((c) => t.header.indexOf(c));
  const specs: Field[] = present.map((c) => (hcols.includes(c) ? def.fields[c] : def.lines!.fields[lineField.get(c)!])!);
  const curCol = t.header.indexOf('currency');
  let rows: CsvRow[] = t.rows;
  if (def.sort) {
    const sortIdx = def.sort.map((k) => t.header.indexOf(k));
    const groupIdx = def.lines ? t.header.indexOf(def.key[0]!) : -1;
    const firstRow = new Map<string, CsvRow>();
    if (groupIdx >= 0) for (const r of rows) if (!firstRow.has(r.cells[groupIdx] ?? '')) firstRow.set(r.cells[groupIdx] ?? '', r);
    const head = (r: CsvRow) => (groupIdx >= 0 ? firstRow.get(r.cells[groupIdx] ?? '')! : r);
    const pos = new Map(rows.map((r, i) => [r, i]));
    rows = [...rows].sort((a, b) => {
      const ha = head(a);
      const hb = head(b);
      for (const i of sortIdx) {
        if (i < 0) continue;
        const c = naturalCompare(ha.cells[i] ?? '', hb.cells[i] ?? '');
        if (c !== 0) return c;
      }
      // same group (or equal keys): keep file order
      return pos.get(a)! - pos.get(b)!;
    });
  }
  const lines = [csvLine(present)];
  for (const r of rows) {
    const minor = minorUnit(cfg, curCol >= 0 && r.cells[curCol] ? r.cells[curCol] : null);
    lines.push(csvLine(idx.map((i, k) => canonicalValue(specs[k]!, (r.cells[i] ?? '').trim(), minor))));
  }
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return bom + lines.join('\n') + '\n';
}
