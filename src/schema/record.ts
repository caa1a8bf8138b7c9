/**
 * Record schemas: a plain object of fields, its inferred TypeScript type,
 * and the one converter from a RawMap to a typed record that reports every
 * problem (unknown field with "did you mean", missing field, bad value).
 */
import type { SourceLoc } from '../diagnostics/types.js';
import type { Raw, RawMap } from '../io/raw.js';
import { didYouMean } from '../util/suggest.js';
import { FieldB, INVALID, type Field, type FieldCtx } from './fields.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldMap = Record<string, Field<any, boolean>>;

/** Where a record and each of its fields are written. */
export interface Locator {
  readonly loc: SourceLoc;
  at(field: string): SourceLoc;
}

export interface Located {
  /** Where the record starts (src.loc) and where each field's value is written (src.at). */
  readonly src: Locator;
}

type FieldType<X> = X extends Field<infer T, boolean> ? T : never;
type ReqKeys<F extends FieldMap> = { [K in keyof F]: F[K] extends Field<unknown, true> ? K : never }[keyof F];
type OptKeys<F extends FieldMap> = Exclude<keyof F, ReqKeys<F>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type Infer<F extends FieldMap> = Simplify<
  { readonly [K in ReqKeys<F>]: FieldType<F[K]> } & { readonly [K in OptKeys<F>]?: FieldType<F[K]> } & Located
>;

export interface ConvertOptions {
  /** Report keys that are not fields (YAML). CSV headers are checked once per file instead. */
  readonly checkUnknown: boolean;
  /** Fields to leave out (e.g. line fields on a CSV header row). */
  readonly only?: ReadonlySet<string>;
  /** Receives the partly converted record when some field was invalid (for duplicate and reference checks). */
  readonly partial?: (rec: Record<string, unknown> & Located) => void;
}

/** A locator for a RawMap: values are located on demand. */
export function mapLocator(m: RawMap): Locator {
  return {
    loc: m.loc,
    at: (field: string) => m.get(field)?.loc ?? m.loc,
  };
}

/**
 * Convert a raw mapping to a typed record. Returns null if any field was
 * invalid (all problems are reported, not just the first).
 */
export function convertRecord<F extends FieldMap>(fields: F, raw: RawMap, ctx: FieldCtx, opts: ConvertOptions, locator?: Locator): Infer<F> | null {
  const out: Record<string, unknown> = {};
  let ok = true;
  if (opts.checkUnknown) {
    for (const k of raw.keys()) {
      if (!(k in fields)) {
        ok = false;
        const guess = didYouMean(k, Object.keys(fields));
        ctx.diags.push('unknown-field', raw.keyLoc(k), `unknown field "${k}" in ${ctx.what}`, guess ? `did you mean "${guess}"?` : `known fields: ${Object.keys(fields).join(', ')}`);
      }
    }
  }
  for (const name in fields) {
    if (opts.only && !opts.only.has(name)) continue;
    const field = fields[name]!;
    const r = raw.get(name);
    if (r === undefined || (r.kind === 'scalar' && r.isNull) || (r.kind === 'scalar' && r.text.trim() === '' && field.kind !== 'text')) {
      if (field.dflt !== undefined) out[name] = field.dflt;
      else if (field.req) {
        ok = false;
        const col = ctx.columnOf?.(name) ?? name;
        ctx.diags.push('missing-field', raw.loc, `${ctx.what} has no ${name}`, field.description ? `add "${col}": ${field.description}` : `add a value for "${col}"`);
      }
      continue;
    }
    const v = field.parse(r, name, ctx);
    if (v === INVALID) ok = false;
    else out[name] = v;
  }
  const loc = locator ?? mapLocator(raw);
  // Plain properties (fast); serialisers walk the schema's fields, so these never leak into output.
  out.src = loc;
  if (!ok) {
    opts.partial?.(out as Record<string, unknown> & Located);
    return null;
  }
  return out as Infer<F>;
}

/** Nested records: a YAML list of mappings (invoice lines, deal history…). */
export function records<F extends FieldMap>(fields: F, label: string) {
  const fr = new FieldB<Infer<F>[]>('records', (raw: Raw, name, ctx) => {
    if (raw.kind !== 'seq') {
      ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a list of ${label}s`, `write each ${label} as "- field: value" under ${name}:`);
      return INVALID;
    }
    const out: Infer<F>[] = [];
    let ok = true;
    raw.items.forEach((it, i) => {
      if (it.kind !== 'map') {
        ok = false;
        ctx.diags.push('bad-type', it.loc, `${label} ${i + 1} of ${ctx.what} must be a mapping of fields`, `write "- field: value" lines`);
        return;
      }
      const rec = convertRecord(fields, it, { diags: ctx.diags, what: `${label} ${i + 1} of ${ctx.what}` }, { checkUnknown: true });
      if (rec) out.push(rec);
      else ok = false;
    });
    return ok ? out : INVALID;
  });
  fr.inner = fields;
  fr.csv = false;
  return fr;
}

/** A nested mapping with its own fields. */
export function object<F extends FieldMap>(fields: F, label: string) {
  const fo = new FieldB<Infer<F>>('object', (raw: Raw, name, ctx) => {
    if (raw.kind !== 'map') {
      ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a mapping`, `write "field: value" lines indented under ${name}:`);
      return INVALID;
    }
    const rec = convertRecord(fields, raw, { diags: ctx.diags, what: `${label} of ${ctx.what}` }, { checkUnknown: true });
    return rec ?? INVALID;
  });
  fo.inner = fields;
  fo.csv = false;
  return fo;
}
