/**
 * Records as plain data, field by field in schema order: the JSON form of
 * `ls`/`show`/`export` and the text of table cells.
 */
import { Dec } from '../domain/decimal.js';
import { formatDateTime } from '../domain/dates.js';
import type { EntityDef } from '../domain/entity.js';
import type { Amount, Field } from '../schema/fields.js';
import type { FieldMap } from '../schema/record.js';
import type { Raw } from '../io/raw.js';

export function valueText(spec: Field, v: unknown): string {
  if (v === undefined || v === null) return '';
  switch (spec.kind) {
    case 'datetime':
      return formatDateTime(v as number);
    case 'amount': {
      const a = v as Amount;
      return a.commodity ? `${a.qty.toString()} ${a.commodity}` : a.qty.toString();
    }
    case 'list':
      return (v as unknown[]).map((x) => valueText(spec.inner as Field, x)).join(';');
    case 'decmap':
      return Object.entries(v as Record<string, Dec>)
        .map(([k, d]) => `${k}=${d.toString()}`)
        .join(';');
    case 'records':
      return `${(v as unknown[]).length} line${(v as unknown[]).length === 1 ? '' : 's'}`;
    case 'any':
      return rawText(v as Raw);
    default:
      return v instanceof Dec ? v.toString() : String(v);
  }
}

function rawText(r: Raw): string {
  if (r.kind === 'scalar') return r.text;
  if (r.kind === 'seq') return `[${r.items.length} items]`;
  return `{${r.keys().join(', ')}}`;
}

/** Plain JSON-able object of a record (exact decimals as strings, nested lines as arrays). */
export function recordToPlain(fields: FieldMap, rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in fields) {
    const spec = fields[name]!;
    const v = rec[name];
    if (v === undefined) continue;
    if (spec.kind === 'records') out[name] = (v as Record<string, unknown>[]).map((l) => recordToPlain(spec.inner as FieldMap, l));
    else if (spec.kind === 'object') out[name] = recordToPlain(spec.inner as FieldMap, v as Record<string, unknown>);
    else if (spec.kind === 'list') out[name] = (v as unknown[]).map((x) => valueText(spec.inner as Field, x));
    else if (spec.kind === 'decmap') out[name] = Object.fromEntries(Object.entries(v as Record<string, Dec>).map(([k, d]) => [k, d.toString()]));
    else if (spec.kind === 'any') out[name] = rawToPlain(v as Raw);
    else if (typeof v === 'boolean' || typeof v === 'number') out[name] = spec.kind === 'datetime' ? valueText(spec, v) : v;
    else out[name] = valueText(spec, v);
  }
  return out;
}

function rawToPlain(r: Raw): unknown {
  if (r.kind === 'scalar') return r.isNull ? null : r.text;
  if (r.kind === 'seq') return r.items.map(rawToPlain);
  const o: Record<string, unknown> = {};
  for (const k of r.keys()) o[k] = rawToPlain(r.get(k)!);
  return o;
}

/** Columns shown by default in `ls` tables: the key, then the next fields up to six, skipping nested ones. */
export function listColumns(def: EntityDef, all: boolean): string[] {
  const scalar = Object.keys(def.fields).filter((k) => def.fields[k]!.csv);
  if (all) return scalar;
  const cols = [...def.key.filter((k) => scalar.includes(k))];
  for (const k of scalar) {
    if (cols.length >= 7) break;
    if (!cols.includes(k)) cols.push(k);
  }
  return cols;
}
