import type { EntityDef } from '../domain/entity.js';
import { UsageError } from './errors.js';
import { didYouMean } from '../util/suggest.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import { valueText } from '../reports/records.js';

export interface Where {
  readonly field: string;
  readonly op: '=' | '!=' | '~';
  readonly value: string;
}

/** "field=value", "field!=value" or "field~text". */
export function parseWhere(text: string, def: EntityDef): Where {
  const m = /^([A-Za-z_][\w]*)\s*(!=|=|~)\s*(.*)$/.exec(text);
  if (!m) throw new UsageError(`--where "${text}" is not field=value, field!=value or field~text`);
  const field = m[1]!;
  if (!(field in def.fields)) {
    const g = didYouMean(field, Object.keys(def.fields));
    throw new UsageError(`${def.plural} have no field "${field}"`, g ? `did you mean "${g}"?` : `fields: ${Object.keys(def.fields).join(', ')}`);
  }
  return { field, op: m[2] as Where['op'], value: m[3]! };
}

/** Records matching every condition; values compare as their canonical text. */
export function filterRecords(def: EntityDef, recs: readonly AnyRecord[], conds: readonly Where[]): AnyRecord[] {
  return recs.filter((r) =>
    conds.every((c) => {
      const t = valueText(def.fields[c.field]!, r[c.field]);
      if (c.op === '=') return t === c.value || t.split(';').includes(c.value);
      if (c.op === '!=') return t !== c.value;
      return t.toLowerCase().includes(c.value.toLowerCase());
    }),
  );
}
