/**
 * Field types: how one raw value (YAML node or CSV cell) becomes a typed
 * value, with a diagnostic at its exact location when it cannot. One builder
 * per kind; a record schema is a plain object of fields (schema/record.ts).
 */
import { Dec, parseDec } from '../domain/decimal.js';
import { parseDate, parseDateTime, type IsoDate } from '../domain/dates.js';
import type { Diagnostics } from '../diagnostics/types.js';
import type { Raw, RawMap } from '../io/raw.js';
import { didYouMean } from '../util/suggest.js';

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

export interface FieldCtx {
  readonly diags: Diagnostics;
  /** Entity label for messages, e.g. "customer C0012". */
  readonly what: string;
  /** Share equal strings of highly repetitive fields (dates, accounts, references) in big files. */
  readonly intern?: Map<string, string>;
  /** Where a field is written when its name differs (a CSV line column such as allocation_amount), for hints. */
  readonly columnOf?: (field: string) => string;
}

function interned(ctx: FieldCtx, t: string): string {
  const m = ctx.intern;
  if (!m) return t;
  const hit = m.get(t);
  if (hit !== undefined) return hit;
  m.set(t, t);
  return t;
}

export type FieldKind =
  | 'text'
  | 'id'
  | 'account'
  | 'date'
  | 'datetime'
  | 'month'
  | 'period'
  | 'money'
  | 'qty'
  | 'price'
  | 'rate'
  | 'decimal'
  | 'int'
  | 'bool'
  | 'enum'
  | 'ref'
  | 'amount'
  | 'list'
  | 'records'
  | 'object'
  | 'decmap'
  | 'formula'
  | 'any';

/** An amount with an optional commodity: "1234.56", "1234.56 USD", "USD 1234.56". */
export interface Amount {
  readonly qty: Dec;
  readonly commodity: string | null;
}

export interface Field<T = unknown, R extends boolean = boolean> {
  readonly kind: FieldKind;
  readonly req: R;
  readonly description: string;
  readonly dflt: T | undefined;
  /** Entity name a `ref` points to; `soft` refs are only checked when that entity has files. */
  readonly refTo?: string;
  readonly soft?: boolean;
  readonly values?: readonly string[];
  /** Nested schema for records/object/list fields. */
  readonly inner?: unknown;
  /** Can be written in one CSV cell. */
  readonly csv: boolean;
  readonly min?: Dec;
  readonly max?: Dec;
  parse(raw: Raw, name: string, ctx: FieldCtx): T | Invalid;
  /** Canonical text of a valid scalar value (used by fmt); undefined = leave as written. */
  canon?(text: string): string | undefined;
}

type ParseFn<T> = (raw: Raw, name: string, ctx: FieldCtx, self: Field<T>) => T | Invalid;

export class FieldB<T, R extends boolean = false> implements Field<T, R> {
  req = false as R;
  description = '';
  dflt: T | undefined = undefined;
  refTo?: string;
  soft?: boolean;
  values?: readonly string[];
  inner?: unknown;
  csv = true;
  min?: Dec;
  max?: Dec;
  canon?: (text: string) => string | undefined;

  constructor(
    readonly kind: FieldKind,
    private readonly fn: ParseFn<T>,
  ) {}

  parse(raw: Raw, name: string, ctx: FieldCtx): T | Invalid {
    return this.fn(raw, name, ctx, this);
  }

  private clone(): FieldB<T, R> {
    return Object.assign(Object.create(FieldB.prototype) as FieldB<T, R>, this);
  }
  required(): FieldB<T, true> {
    const c = this.clone() as unknown as FieldB<T, true>;
    c.req = true;
    return c;
  }
  /** A default makes the field always present in the typed record. */
  default(v: T): FieldB<T, true> {
    const c = this.clone() as unknown as FieldB<T, true>;
    c.dflt = v;
    return c;
  }
  doc(text: string): FieldB<T, R> {
    const c = this.clone();
    c.description = text;
    return c;
  }
  nonNegative(): FieldB<T, R> {
    const c = this.clone();
    c.min = Dec.ZERO;
    return c;
  }
  range(min: string, max: string): FieldB<T, R> {
    const c = this.clone();
    c.min = Dec.of(min);
    c.max = Dec.of(max);
    return c;
  }
  set<K extends keyof FieldB<T, R>>(k: K, v: FieldB<T, R>[K]): FieldB<T, R> {
    const c = this.clone();
    c[k] = v;
    return c;
  }
}

// ---------- helpers ----------

function scalar(raw: Raw, name: string, ctx: FieldCtx, kindWord: string): string | Invalid {
  if (raw.kind !== 'scalar') {
    ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be ${kindWord}, not a ${raw.kind === 'seq' ? 'list' : 'mapping'}`, `write ${name} as a single value on the same line`);
    return INVALID;
  }
  return raw.text.trim();
}

function checkRange(d: Dec, raw: Raw, name: string, ctx: FieldCtx, f: { min?: Dec; max?: Dec }): Dec | Invalid {
  if (f.min && d.lt(f.min)) {
    ctx.diags.push('bad-value', raw.loc, `${name} of ${ctx.what} must be at least ${f.min.toString()}, got ${d.toString()}`, f.min.isZero() ? 'use a positive number; signs belong in the document type (e.g. a credit note)' : undefined);
    return INVALID;
  }
  if (f.max && d.gt(f.max)) {
    ctx.diags.push('bad-value', raw.loc, `${name} of ${ctx.what} must be at most ${f.max.toString()}, got ${d.toString()}`);
    return INVALID;
  }
  return d;
}

/** A value as a message quotes it: one line, at most 40 characters (a stray quote can make a cell the size of a file). */
export function shown(t: string): string {
  const line = t.split(/\r?\n/, 1)[0]!;
  const cut = line.length > 40 ? line.slice(0, 40) : line;
  return cut.length < t.length ? `${cut}…` : t;
}

const decHint = 'write a plain number like 1234.50: no thousands separators, currency signs or spaces';

function decField(kind: FieldKind, percentOk: boolean): FieldB<Dec> {
  // Decimals are immutable, so repeated texts (13%, quantities, round prices) share one value;
  // bounded, so a column of distinct amounts costs one failed lookup per cell and no memory.
  const cache = new Map<string, Dec>();
  const f = new FieldB<Dec>(kind, (raw, name, ctx, self) => {
    const t = scalar(raw, name, ctx, 'a number');
    if (t === INVALID) return INVALID;
    const hit = cache.get(t);
    if (hit !== undefined) return checkRange(hit, raw, name, ctx, self);
    let d: Dec | null;
    if (percentOk && t.endsWith('%')) {
      const p = parseDec(t.slice(0, -1).trim());
      d = p ? p.div(Dec.int(100), p.s + 2) : null;
    } else d = parseDec(t);
    if (!d) {
      ctx.diags.push('bad-number', raw.loc, `${name} of ${ctx.what} is not a number: "${shown(t)}"`, percentOk ? `${decHint}; rates may be written 0.13 or 13%` : decHint);
      return INVALID;
    }
    if (cache.size < 4096 && t.length <= 12) cache.set(t, d);
    return checkRange(d, raw, name, ctx, self);
  });
  f.canon = (text: string) => {
    const t = text.trim();
    if (percentOk && t.endsWith('%')) return t.slice(0, -1).trim() === '' ? undefined : t.replace(/\s+/g, '');
    const d = parseDec(t);
    return d ? d.toString() : undefined;
  };
  return f;
}

// ---------- builders ----------

/** A valid id: no whitespace, commas or semicolons (fast readers test raw cells with it: a match needs no trimming). */
export const ID_RE = /^[^\s,;]+$/;

/** Whether a trimmed, non-empty text is a valid account name. */
export function accountNameOk(t: string): boolean {
  return !(/\s{2,}|\t|^:|:$|::|;/.test(t) || t.split(':').some((s) => s.trim() !== s));
}

export const f = {
  text: () =>
    new FieldB<string>('text', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'text');
      return t;
    }),

  /** An identifier: no spaces, commas or semicolons. */
  id: () =>
    new FieldB<string>('id', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'an id');
      if (t === INVALID) return INVALID;
      if (!ID_RE.test(t)) {
        ctx.diags.push('bad-value', raw.loc, `${name} "${shown(t)}" of ${ctx.what} is not a valid id`, 'ids have no spaces, commas or semicolons, e.g. C0012 or SO-2026-0041');
        return INVALID;
      }
      return t;
    }),

  /** An account name: segments separated by ":", single inner spaces allowed. */
  account: () =>
    new FieldB<string>('account', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'an account name');
      if (t === INVALID) return INVALID;
      const seen = ctx.intern?.get(t);
      if (seen !== undefined) return seen; // already validated
      if (!accountNameOk(t)) {
        ctx.diags.push('bad-value', raw.loc, `account name "${shown(t)}" of ${ctx.what} is not valid`, 'segments are separated by ":" with no empty segment, no tab, no double space, e.g. assets:bank:icbc');
        return INVALID;
      }
      return interned(ctx, t);
    }),

  date: () => {
    const fd = new FieldB<IsoDate>('date', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'a date');
      if (t === INVALID) return INVALID;
      const d = parseDate(t);
      if (!d) {
        ctx.diags.push('bad-date', raw.loc, `${name} of ${ctx.what} is not a valid date: "${shown(t)}"`, 'write dates as YYYY-MM-DD, e.g. 2026-10-03, and check the day exists in that month');
        return INVALID;
      }
      return interned(ctx, d) as IsoDate;
    });
    fd.canon = (t) => parseDate(t) ?? undefined;
    return fd;
  },

  /** "YYYY-MM-DD HH:MM" (time optional, 00:00 then). Value: minutes since 1970-01-01. */
  datetime: () => {
    const fd = new FieldB<number>('datetime', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'a date and time');
      if (t === INVALID) return INVALID;
      const d = parseDateTime(t);
      if (!d) {
        ctx.diags.push('bad-date', raw.loc, `${name} of ${ctx.what} is not a valid date-time: "${shown(t)}"`, 'write YYYY-MM-DD HH:MM (24-hour), e.g. 2026-10-03 14:30');
        return INVALID;
      }
      return d.minutes;
    });
    return fd;
  },

  /** A month "YYYY-MM". */
  month: () =>
    new FieldB<string>('month', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'a month');
      if (t === INVALID) return INVALID;
      const m = /^(\d{4})-(\d{1,2})$/.exec(t);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
        ctx.diags.push('bad-date', raw.loc, `${name} of ${ctx.what} is not a month: "${shown(t)}"`, 'write months as YYYY-MM, e.g. 2026-10');
        return INVALID;
      }
      return `${m[1]}-${m[2]!.padStart(2, '0')}`;
    }),

  /** A planning period: a month "YYYY-MM", an ISO week "YYYY-Www" or a day "YYYY-MM-DD". */
  period: () =>
    new FieldB<string>('period', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'a period');
      if (t === INVALID) return INVALID;
      const d = parseDate(t);
      if (d) return d;
      const m = /^(\d{4})-(\d{2})$/.exec(t);
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return t;
      const w = /^(\d{4})-W(\d{2})$/.exec(t);
      if (w && Number(w[2]) >= 1 && Number(w[2]) <= 53) return t;
      ctx.diags.push('bad-date', raw.loc, `${name} of ${ctx.what} is not a period: "${shown(t)}"`, 'write a month (2026-10), an ISO week (2026-W42) or a day (2026-10-12)');
      return INVALID;
    }),

  /** Money: exact decimal; precision is checked against the currency's minor unit. */
  money: () => decField('money', false),
  /** A quantity of an item: exact decimal. */
  qty: () => decField('qty', false),
  /** A unit price: exact decimal, any precision. */
  price: () => decField('price', false),
  /** A rate or share: 0.13 or 13%. */
  rate: () => decField('rate', true),
  /** Any exact decimal. */
  decimal: () => decField('decimal', false),

  int: () =>
    new FieldB<number>('int', (raw, name, ctx, self) => {
      const t = scalar(raw, name, ctx, 'a whole number');
      if (t === INVALID) return INVALID;
      if (!/^[-+]?\d{1,15}$/.test(t)) {
        ctx.diags.push('bad-number', raw.loc, `${name} of ${ctx.what} is not a whole number: "${shown(t)}"`, 'write a whole number without decimals, e.g. 14');
        return INVALID;
      }
      const d = Dec.int(Number(t));
      const r = checkRange(d, raw, name, ctx, self);
      return r === INVALID ? INVALID : Number(t);
    }),

  bool: () => {
    const fb = new FieldB<boolean>('bool', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'true or false');
      if (t === INVALID) return INVALID;
      const v = BOOLS[t.toLowerCase()];
      if (v === undefined) {
        ctx.diags.push('bad-value', raw.loc, `${name} of ${ctx.what} must be true or false, got "${shown(t)}"`, 'write true or false (yes/no and 是/否 are accepted too)');
        return INVALID;
      }
      return v;
    });
    fb.canon = (t) => {
      const v = BOOLS[t.trim().toLowerCase()];
      return v === undefined ? undefined : String(v);
    };
    return fb;
  },

  enum: <const V extends string>(values: readonly V[]) => {
    const fe = new FieldB<V>('enum', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'one word');
      if (t === INVALID) return INVALID;
      if (!(values as readonly string[]).includes(t)) {
        const guess = didYouMean(t, values);
        ctx.diags.push('bad-enum', raw.loc, `${name} of ${ctx.what} must be one of ${values.join(', ')}; got "${shown(t)}"`, guess ? `did you mean "${guess}"?` : `use one of: ${values.join(', ')}`);
        return INVALID;
      }
      return values[(values as readonly string[]).indexOf(t)]!;
    });
    fe.values = values;
    return fe;
  },

  /** A reference to another record by id. `soft`: checked only when that entity has files. */
  ref: (entity: string, opts: { soft?: boolean } = {}) => {
    const fr = new FieldB<string>('ref', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'an id');
      if (t === INVALID) return INVALID;
      return interned(ctx, t);
    });
    fr.refTo = entity;
    if (opts.soft) fr.soft = true;
    return fr;
  },

  /** An amount with an optional commodity: "1234.56", "1234.56 USD", "-3 WIDGET". */
  amount: () =>
    new FieldB<Amount>('amount', (raw, name, ctx) => {
      const t = scalar(raw, name, ctx, 'an amount');
      if (t === INVALID) return INVALID;
      const a = parseAmount(t);
      if (!a) {
        ctx.diags.push('bad-number', raw.loc, `${name} of ${ctx.what} is not an amount: "${shown(t)}"`, 'write a number with an optional currency code, e.g. 1234.50 or 1234.50 USD');
        return INVALID;
      }
      return a;
    }),

  /** A list: a YAML sequence, or in CSV one cell with items separated by ";". */
  list: <T>(item: Field<T>) => {
    const fl = new FieldB<T[]>('list', (raw, name, ctx) => {
      const out: T[] = [];
      let ok = true;
      if (raw.kind === 'seq') {
        for (const it of raw.items) {
          const v = item.parse(it, name, ctx);
          if (v === INVALID) ok = false;
          else out.push(v);
        }
      } else if (raw.kind === 'scalar') {
        for (const part of raw.text.split(';')) {
          const p = part.trim();
          if (p === '') continue;
          const v = item.parse({ kind: 'scalar', text: p, isNull: false, loc: raw.loc }, name, ctx);
          if (v === INVALID) ok = false;
          else out.push(v);
        }
      } else {
        ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a list`, 'write a YAML list (- item) or, in CSV, items separated by ";"');
        return INVALID;
      }
      return ok ? out : INVALID;
    });
    fl.inner = item;
    return fl;
  },

  /** A mapping of names to exact decimals (e.g. special deductions). */
  decmap: () => {
    const fm = new FieldB<Record<string, Dec>>('decmap', (raw, name, ctx) => {
      if (raw.kind !== 'map') {
        ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a mapping of names to numbers`, `write one "name: number" per line under ${name}:`);
        return INVALID;
      }
      const out: Record<string, Dec> = {};
      let ok = true;
      for (const k of raw.keys()) {
        const v = raw.get(k)!;
        const t = v.kind === 'scalar' ? parseDec(v.text.trim()) : null;
        if (!t) {
          ctx.diags.push('bad-number', v.loc, `${name}.${k} of ${ctx.what} is not a number`, decHint);
          ok = false;
        } else out[k] = t;
      }
      return ok ? out : INVALID;
    });
    fm.csv = false;
    return fm;
  },

  /** Anything, kept raw (validated by the module that owns it). */
  any: () => {
    const fa = new FieldB<Raw>('any', (raw) => raw);
    fa.csv = false;
    return fa;
  },
};

const BOOLS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, y: true, n: false, '1': true, '0': false, 是: true, 否: false };

/** Parse "1234.56", "1234.56 USD", "USD 1234.56", "-3 WIDGET-A". */
export function parseAmount(t: string): Amount | null {
  const s = t.trim();
  const sp = s.indexOf(' ');
  if (sp < 0) {
    const d = parseDec(s);
    return d ? { qty: d, commodity: null } : null;
  }
  const a = s.slice(0, sp);
  const b = s.slice(sp + 1).trim();
  const da = parseDec(a);
  if (da && COMMODITY_RE.test(b)) return { qty: da, commodity: b };
  const db = parseDec(b);
  if (db && COMMODITY_RE.test(a)) return { qty: db, commodity: a };
  return null;
}

export const COMMODITY_RE = /^[A-Za-z\u00a5\u4e00-\u9fff$€£¥][A-Za-z0-9_\-.\u4e00-\u9fff]*$/;

/** Raw map helper: the map's own location for a key's value, or the map's. */
export function valueLoc(m: RawMap, key: string) {
  return m.get(key)?.loc ?? m.loc;
}

/** A duration: "90m", "4h", "2d", "1d4h30m" (d = 24 h in calendar mode, one working day in business mode). Value: minutes. */
export function duration() {
  const fd = new FieldB<number>('text', (raw, name, ctx) => {
    if (raw.kind !== 'scalar') {
      ctx.diags.push('bad-type', raw.loc, `${name} of ${ctx.what} must be a duration`, 'write e.g. 4h, 30m, 2d or 1d4h');
      return INVALID;
    }
    const t = raw.text.trim();
    const m = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/.exec(t);
    if (!m || t === '') {
      ctx.diags.push('bad-value', raw.loc, `${name} of ${ctx.what} is not a duration: "${shown(t)}"`, 'write e.g. 4h, 30m, 2d or 1d4h');
      return INVALID;
    }
    return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  });
  return fd;
}

/** A time of day "HH:MM". Value: minutes after midnight. */
export function timeOfDay() {
  return new FieldB<number>('text', (raw, name, ctx) => {
    const t = raw.kind === 'scalar' ? raw.text.trim() : '';
    const m = /^(\d{1,2}):(\d{2})$/.exec(t);
    if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) {
      ctx.diags.push('bad-value', raw.loc, `${name} of ${ctx.what} is not a time of day: "${shown(t)}"`, 'write HH:MM, e.g. 09:00');
      return INVALID;
    }
    return Number(m[1]) * 60 + Number(m[2]);
  });
}
