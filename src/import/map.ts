/**
 * The column mapping file of `bizctl import` (YAML):
 *
 *   columns:    { field: "Header" | ["Header A", "Header B"] }   first non-empty wins
 *   constants:  { field: value }                                    for every row
 *   values:     { field: { "source text": "bizctl value" } }        e.g. stage names
 *   dates:      { order: ymd | dmy | mdy }                          how to read 03/10/2026
 *   numbers:    { decimal: "." | "," }
 *
 * Without a map, a column maps to the field of the same name (case-insensitive).
 */
import type { Diagnostics } from '../diagnostics/types.js';
import { parseYaml } from '../io/yaml.js';
import type { Raw } from '../io/raw.js';
import { didYouMean } from '../util/suggest.js';
import type { DateOrder } from './formats.js';

export interface ImportMap {
  readonly columns: ReadonlyMap<string, readonly string[]>;
  readonly constants: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly dateOrder: DateOrder;
  readonly decimal: '.' | ',';
}

export const EMPTY_MAP: ImportMap = { columns: new Map(), constants: new Map(), values: new Map(), dateOrder: 'ymd', decimal: '.' };

function scalarOf(r: Raw | undefined): string | undefined {
  return r && r.kind === 'scalar' && !r.isNull ? r.text.trim() : undefined;
}

export function parseImportMap(file: string, text: string, fields: readonly string[], diags: Diagnostics): ImportMap {
  const y = parseYaml(file, text, diags);
  const root = y.root;
  if (!root) return EMPTY_MAP;
  if (root.kind !== 'map') {
    diags.push('file-shape', root.loc, 'an import map is a mapping with columns:, constants:, values:, dates:, numbers:', 'see docs/import.md');
    return EMPTY_MAP;
  }
  const known = ['columns', 'constants', 'values', 'dates', 'numbers'];
  for (const k of root.keys()) {
    if (!known.includes(k)) {
      const g = didYouMean(k, known);
      diags.push('unknown-field', root.keyLoc(k), `unknown section "${k}" in the import map`, g ? `did you mean "${g}"?` : `sections: ${known.join(', ')}`);
    }
  }
  const fieldKey = (m: Raw & { kind: 'map' }, k: string) => {
    if (fields.includes(k)) return true;
    const g = didYouMean(k, fields);
    diags.push('unknown-field', m.keyLoc(k), `"${k}" is not a field of this entity`, g ? `did you mean "${g}"?` : `fields: ${fields.join(', ')}`);
    return false;
  };
  const columns = new Map<string, string[]>();
  const cm = root.get('columns');
  if (cm && cm.kind === 'map') {
    for (const k of cm.keys()) {
      if (!fieldKey(cm, k)) continue;
      const v = cm.get(k)!;
      const heads = v.kind === 'seq' ? v.items.map(scalarOf).filter((x): x is string => x !== undefined) : [scalarOf(v)].filter((x): x is string => x !== undefined);
      if (!heads.length) diags.push('bad-value', v.loc, `columns.${k} names no column`, 'write the header text of the column, e.g. name: 客户名称');
      columns.set(k, heads);
    }
  }
  const constants = new Map<string, string>();
  const cs = root.get('constants');
  if (cs && cs.kind === 'map') for (const k of cs.keys()) if (fieldKey(cs, k)) constants.set(k, scalarOf(cs.get(k)) ?? '');
  const values = new Map<string, Map<string, string>>();
  const vs = root.get('values');
  if (vs && vs.kind === 'map') {
    for (const k of vs.keys()) {
      if (!fieldKey(vs, k)) continue;
      const m = vs.get(k)!;
      const table = new Map<string, string>();
      if (m.kind === 'map') for (const src of m.keys()) table.set(src, scalarOf(m.get(src)) ?? '');
      else diags.push('bad-type', m.loc, `values.${k} must map source texts to bizctl values`, 'e.g. stage: { 赢单: won, 输单: lost }');
      values.set(k, table);
    }
  }
  const dates = root.get('dates');
  const order = dates && dates.kind === 'map' ? scalarOf(dates.get('order')) : undefined;
  if (order !== undefined && !['ymd', 'dmy', 'mdy'].includes(order)) diags.push('bad-enum', dates!.kind === 'map' ? dates!.get('order')!.loc : root.loc, `dates.order must be ymd, dmy or mdy, not "${order}"`, 'dmy reads 03/10/2026 as 3 October');
  const numbers = root.get('numbers');
  const decimal = numbers && numbers.kind === 'map' ? scalarOf(numbers.get('decimal')) : undefined;
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') diags.push('bad-enum', root.loc, `numbers.decimal must be "." or ","`, 'write numbers: { decimal: "," } for 1.234,50');
  return { columns, constants, values, dateOrder: (order as DateOrder | undefined) ?? 'ymd', decimal: (decimal as '.' | ',' | undefined) ?? '.' };
}
