/**
 * Records of an entity as CSV in the very format bizctl reads back (one row
 * per record; for documents with lines one row per line with the header
 * fields repeated), or as JSON. Fields that CSV cannot hold are listed so
 * the command can say what a CSV export leaves out.
 */
import type { EntityDef } from '../domain/entity.js';
import { csvLine } from '../io/csv.js';
import { csvColumns } from '../workspace/parse-entity.js';
import { valueText } from './records.js';

export function exportCsv(def: EntityDef, recs: readonly Record<string, unknown>[]): { text: string; dropped: string[] } {
  const { header, line, lineField } = csvColumns(def);
  const used = (cols: string[], rows: Record<string, unknown>[], field = (c: string) => c) => cols.filter((c) => rows.some((r) => r[field(c)] !== undefined));
  const lines = def.lines ? recs.flatMap((r) => (r[def.lines!.field] as Record<string, unknown>[] | undefined) ?? []) : [];
  const hcols = used(header, recs as Record<string, unknown>[]);
  // The key column is always present (it groups the lines of one record).
  for (const k of def.key) if (!hcols.includes(k) && header.includes(k)) hcols.unshift(k);
  const lf = (c: string) => lineField.get(c)!;
  const lcols = def.lines ? used(line, lines, lf) : [];
  const out = [csvLine([...hcols, ...lcols])];
  for (const r of recs) {
    const head = hcols.map((c) => valueText(def.fields[c]!, r[c]));
    if (!def.lines) {
      out.push(csvLine(head));
      continue;
    }
    const ls = (r[def.lines.field] as Record<string, unknown>[] | undefined) ?? [];
    if (ls.length === 0) out.push(csvLine([...head, ...lcols.map(() => '')])); // a record without lines: its header row alone
    for (const l of ls) out.push(csvLine([...head, ...lcols.map((c) => valueText(def.lines!.fields[lf(c)]!, l[lf(c)]))]));
  }
  const dropped = Object.keys(def.fields).filter((k) => !def.fields[k]!.csv && k !== def.lines?.field && recs.some((r) => r[k] !== undefined));
  return { text: out.join('\n') + '\n', dropped };
}
