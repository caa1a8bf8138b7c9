import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { Field } from '../schema/fields.js';
import type { FieldMap, Locator } from '../schema/record.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Column, EntityTable } from '../workspace/table.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Checks read values in two places: the columns of each entity's table
 * (every CSV-able field of every record: `forColumns`, `eachFailing`), and
 * the kept records for the fields no column holds — nested lists other than
 * a document's lines (stage history, payroll versions), mappings (`forFields`).
 */

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

/** Call `cb` for every selected column that holds a value: a table's head columns, then its line columns. */
export function forColumns(ws: Workspace, select: FieldSelector, cb: (t: EntityTable, col: Column, line: boolean) => void): void {
  for (const t of ws.tables.values()) {
    if (t.size === 0) continue;
    for (const c of t.head) if (c.used && select(c.spec, c.name)) cb(t, c, false);
    for (const c of t.lineCols) if (c.used && select(c.spec, c.name)) cb(t, c, true);
  }
}

/**
 * Call `cb` for each value of a column that `ok` refuses, with its record i and
 * line l (−1 for a head column). On a coded column `ok` runs once per distinct
 * value, and a column whose values all pass costs nothing more.
 */
export function eachFailing(t: EntityTable, col: Column, line: boolean, ok: (v: unknown) => boolean, cb: (i: number, l: number, v: unknown) => void): void {
  if (col.kind === 'code') {
    const bad = col.values.map((v) => !ok(v));
    if (!bad.includes(true)) return;
    const codes = col.codes;
    forRows(t, col, line, (i, at) => {
      const c = at < codes.length ? codes[at]! : -1;
      if (c >= 0 && bad[c]) cb(i, line ? at : -1, col.values[c]);
    });
    return;
  }
  forRows(t, col, line, (i, at) => {
    const v = col.get(at);
    if (v !== undefined && !ok(v)) cb(i, line ? at : -1, v);
  });
}

/** Call `cb` with each record i and the index `at` of its value in a column (i itself, or each of its lines). */
export function forRows(t: EntityTable, col: Column, line: boolean, cb: (i: number, at: number) => void): void {
  if (!line) {
    for (let i = 0; i < t.size; i++) cb(i, i);
    return;
  }
  const ls = t.lineStart;
  for (let i = 0; i < t.size; i++) for (let l = ls[i]!; l < ls[i + 1]!; l++) cb(i, l);
}

/** Where record i (l < 0) or its line l is written. */
export function where(t: EntityTable, i: number, l: number): Locator {
  return l < 0 ? t.src(i) : t.lineSrc(i, l);
}

interface Plan {
  readonly fields: readonly [string, Field][];
  readonly nested: readonly [string, Field, Plan][];
}

const plans = new WeakMap<FieldMap, Map<FieldSelector, Plan | null>>();
const residuals = new WeakMap<EntityDef, FieldMap>();

/** The fields of an entity that no column holds (not CSV-able; a document's lines excepted: they have columns). */
function residual(def: EntityDef): FieldMap {
  let r = residuals.get(def);
  if (!r) {
    r = {};
    for (const [name, spec] of Object.entries(def.fields)) if (!spec.csv && name !== def.lines?.field) r[name] = spec;
    residuals.set(def, r);
  }
  return r;
}

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
 * Call `cb` for every present value of the selected fields that no column
 * holds, in the kept records (YAML and generically converted ones: only they
 * can have such fields), nested records included. The visit object is reused
 * from one call to the next (no allocation per value): callbacks must not keep it.
 */
export function forFields(ws: Workspace, select: FieldSelector, cb: (v: Visit) => void): void {
  const visit: { -readonly [K in keyof Visit]: Visit[K] } = { entity: 'customers', def: ENTITIES.customers as unknown as EntityDef, record: null as unknown as AnyRecord, holder: null as unknown as AnyRecord, field: '', spec: null as unknown as Field, value: undefined };
  for (const [key, t] of ws.tables) {
    const plan = planFor(residual(t.def), select);
    if (!plan) continue;
    visit.entity = key;
    visit.def = t.def;
    for (const i of t.keptIndexes()) {
      const rec = t.kept(i)!;
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
