import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { Field } from '../schema/fields.js';
import type { FieldMap } from '../schema/record.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';

export interface Visit {
  readonly entity: EntityKey;
  readonly def: EntityDef;
  /** The top-level record. */
  readonly record: AnyRecord;
  /** The record or nested line that holds the field. */
  readonly holder: AnyRecord;
  readonly field: string;
  readonly spec: Field;
  readonly value: unknown;
}

/** Visit every present field value of every record, nested lines included. */
export function* visitFields(ws: Workspace): Generator<Visit> {
  for (const key of Object.keys(ENTITIES) as EntityKey[]) {
    const def = ENTITIES[key] as unknown as EntityDef;
    for (const rec of ws.data[key] as unknown as AnyRecord[]) {
      yield* visitRecord(key, def, rec, rec, def.fields);
    }
  }
}

function* visitRecord(entity: EntityKey, def: EntityDef, record: AnyRecord, holder: AnyRecord, fields: FieldMap): Generator<Visit> {
  for (const name in fields) {
    const spec = fields[name]!;
    const value = holder[name];
    if (value === undefined) continue;
    if (spec.kind === 'records' && Array.isArray(value)) {
      for (const line of value as AnyRecord[]) yield* visitRecord(entity, def, record, line, spec.inner as FieldMap);
      continue;
    }
    if (spec.kind === 'object' && value && typeof value === 'object') {
      yield* visitRecord(entity, def, record, value as AnyRecord, spec.inner as FieldMap);
      continue;
    }
    yield { entity, def, record, holder, field: name, spec, value };
  }
}

export function label(def: EntityDef, rec: AnyRecord): string {
  const vals = def.key.map((k) => rec[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return vals.length ? `${def.name} ${vals.join(' / ')}` : def.name;
}
