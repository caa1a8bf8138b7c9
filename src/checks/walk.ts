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

export type FieldSelector = (spec: Field, name: string) => boolean;

interface Plan {
  readonly fields: readonly [string, Field][];
  readonly nested: readonly [string, Field, Plan][];
}

const plans = new WeakMap<FieldMap, Map<FieldSelector, Plan | null>>();

/** Which fields of a map (and of its nested records) a selector wants; null when none at any depth. */
function planFor(fields: FieldMap, select: FieldSelector): Plan | null {
  let per = plans.get(fields);
  if (!per) plans.set(fields, (per = new Map()));
  if (per.has(select)) return per.get(select)!;
  const own: [string, Field][] = [];
  const nested: [string, Field, Plan][] = [];
  for (const name in fields) {
    const spec = fields[name]!;
    if ((spec.kind === 'records' || spec.kind === 'object') && spec.inner) {
      const p = planFor(spec.inner as FieldMap, select);
      if (p) nested.push([name, spec, p]);
    } else if (select(spec, name)) own.push([name, spec]);
  }
  const plan = own.length || nested.length ? { fields: own, nested } : null;
  per.set(select, plan);
  return plan;
}

/**
 * Call `cb` for every present value of the selected fields of every record,
 * nested lines included. Plans are computed once per schema, so records
 * without selected fields cost nothing. The visit object is reused from one
 * call to the next (no allocation per value): callbacks must not keep it.
 */
export function forFields(ws: Workspace, select: FieldSelector, cb: (v: Visit) => void, except?: EntityKey): void {
  const visit: { -readonly [K in keyof Visit]: Visit[K] } = { entity: 'customers', def: ENTITIES.customers as unknown as EntityDef, record: null as unknown as AnyRecord, holder: null as unknown as AnyRecord, field: '', spec: null as unknown as Field, value: undefined };
  for (const key of Object.keys(ENTITIES) as EntityKey[]) {
    if (key === except) continue; // the caller reads that entity another way (the journal, from its columns)
    const def = ENTITIES[key] as unknown as EntityDef;
    const plan = planFor(def.fields, select);
    if (!plan) continue;
    visit.entity = key;
    visit.def = def;
    for (const rec of ws.data[key] as unknown as AnyRecord[]) {
      visit.record = rec;
      walk(visit, rec, plan, cb);
    }
  }
}

function walk(visit: { -readonly [K in keyof Visit]: Visit[K] }, holder: AnyRecord, plan: Plan, cb: (v: Visit) => void): void {
  const fields = plan.fields;
  for (let i = 0; i < fields.length; i++) {
    const [field, spec] = fields[i]!;
    const value = holder[field];
    if (value === undefined) continue;
    visit.holder = holder;
    visit.field = field;
    visit.spec = spec;
    visit.value = value;
    cb(visit);
  }
  for (const [field, spec, sub] of plan.nested) {
    const value = holder[field];
    if (value === undefined) continue;
    if (spec.kind === 'records') for (const line of value as AnyRecord[]) walk(visit, line, sub, cb);
    else walk(visit, value as AnyRecord, sub, cb);
  }
}

export function label(def: EntityDef, rec: AnyRecord): string {
  const vals = def.key.map((k) => rec[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return vals.length ? `${def.name} ${vals.join(' / ')}` : def.name;
}
