import type { FieldMap, Infer } from '../schema/record.js';

export type ModuleName = 'crm' | 'inventory' | 'purchasing' | 'sales' | 'production' | 'finance' | 'hr';

/**
 * One entity of the workspace: where its files live, its fields, its key,
 * and (for documents with lines) which nested list CSV rows expand.
 */
export interface EntityDef<F extends FieldMap = FieldMap> {
  /** Singular name used in messages ("customer"). */
  readonly name: string;
  /** Plural name used on the command line (`bizctl ls customers`). */
  readonly plural: string;
  readonly module: ModuleName;
  /** Path without extension: `crm/customers` → crm/customers.yaml|.csv or crm/customers/*.yaml|*.csv. */
  readonly path: string;
  readonly fields: F;
  /** Fields that identify a record; duplicates are reported. `id` for most entities. */
  readonly key: readonly string[];
  /** The nested list that CSV rows expand: one row per line, header fields repeated. */
  readonly lines?: { readonly field: string; readonly fields: FieldMap };
  /** Canonical record order for fmt; absent = order carries meaning, keep it. */
  readonly sort?: readonly string[];
  /** A single document (bizctl.yaml-like), not a list of records. */
  readonly single?: boolean;
  /**
   * Written by bizctl from other data (e.g. MRP's planned orders) and read by no engine: loaded only by
   * commands that show or check files (check, fmt, ls, show), so a large generated file costs the others nothing.
   */
  readonly derived?: boolean;
  readonly description: string;
}

export function defineEntity<F extends FieldMap>(def: EntityDef<F>): EntityDef<F> {
  return def;
}

export type RecordOf<E> = E extends EntityDef<infer F> ? Infer<F> : never;
