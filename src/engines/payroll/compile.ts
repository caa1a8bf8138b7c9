/**
 * Type-check a formula AST and turn it into a closure over a slot array of
 * values (exact decimals or yes/no). Names are resolved once, at compile
 * time, to slots; evaluation does no lookups and no allocation beyond the
 * decimals it computes. Every "/" rounds to the rules' division scale; every
 * other operation is exact.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { didYouMean } from '../../util/suggest.js';
import type { Expr, ExprError } from './expr.js';

export type Val = Dec | boolean | null;
export type Ty = 'num' | 'bool';
export type Fn = (env: Val[]) => Val;

export interface Bracket {
  /** Inclusive upper bound; null on the last bracket. */
  readonly upto: Dec | null;
  readonly rate: Dec;
  readonly quick: Dec;
}

export interface Table {
  readonly name: string;
  readonly brackets: readonly Bracket[];
}

export interface NameRef {
  readonly slot: number;
  readonly ty: Ty;
  /** May be empty at run time (an optional employee field): using it then is an error, unless inside default(). */
  readonly nullable?: boolean;
}

export type Resolution = NameRef | { readonly error: string; readonly hint?: string };

export interface CompileScope {
  resolve(name: string): Resolution;
  table(name: string): Table | undefined;
  tableNames(): readonly string[];
  /** Places and mode of "/". */
  readonly div: { readonly places: number; readonly mode: RoundingMode };
  /** Mode of round(x, n). */
  readonly rounding: RoundingMode;
}

export interface CompileError extends ExprError {
  readonly kind: 'type' | 'name';
}

export interface Compiled {
  readonly fn: Fn;
  readonly ty: Ty;
}

/** A formula failed while running (division by zero, an empty employee field); offset into the formula. */
export class FormulaRuntimeError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const FUNCTIONS: Record<string, string> = {
  min: 'min(a, b, …): the smallest',
  max: 'max(a, b, …): the largest',
  abs: 'abs(x)',
  round: 'round(x, n): x rounded to n decimals with the workspace rounding (half-up)',
  round_up: 'round_up(x, n): away from zero',
  round_down: 'round_down(x, n): toward zero',
  clamp: 'clamp(x, lo, hi) = min(max(x, lo), hi)',
  if: 'if(condition, a, b)',
  default: 'default(x, y): x, or y when x is empty (an optional employee field)',
  table: 'table(T, x): progressive amount x × rate − quick deduction of the bracket of x (0 when x ≤ 0)',
  rate: 'rate(T, x): rate of the bracket of x',
  quick: 'quick(T, x): quick deduction of the bracket of x',
};

/** The bracket holding x: the first whose upper bound is ≥ x. */
export function bracketOf(t: Table, x: Dec): Bracket {
  const bs = t.brackets;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i]!;
    if (b.upto === null || x.lte(b.upto)) return b;
  }
  return bs[bs.length - 1]!;
}

/** Progressive amount: x × rate − quick deduction of x's bracket; 0 when x ≤ 0. */
export function tableAmount(t: Table, x: Dec): Dec {
  if (x.sign() <= 0) return Dec.ZERO;
  const b = bracketOf(t, x);
  return x.mul(b.rate).sub(b.quick);
}

class Fail extends Error {
  constructor(readonly err: CompileError) {
    super(err.message);
  }
}

function fail(kind: 'type' | 'name', offset: number, message: string, hint?: string): never {
  throw new Fail(hint === undefined ? { kind, offset, message } : { kind, offset, message, hint });
}

const TY_WORD: Record<Ty, string> = { num: 'a number', bool: 'yes/no (a condition)' };

function describe(e: Expr, text: string): string {
  const s = text.slice(e.at, e.end);
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}

/**
 * Compile a parsed formula; `want` is the type the caller needs. Returns the
 * closure, or the first type or name error.
 */
export function compile(expr: Expr, text: string, scope: CompileScope, want: Ty): { ok: true; value: Compiled } | { ok: false; error: CompileError } {
  try {
    const c = new Compiler(text, scope).node(expr);
    if (c.ty !== want) fail('type', expr.at, `this formula gives ${TY_WORD[c.ty]}, but ${TY_WORD[want]} is needed here`, want === 'bool' ? 'write a condition, e.g. absence_days > 0' : 'write an amount; use if(condition, a, b) to choose between amounts');
    return { ok: true, value: c };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.err };
    throw e;
  }
}

type C = Compiled;

class Compiler {
  constructor(
    private readonly text: string,
    private readonly scope: CompileScope,
  ) {}

  private expect(c: C, ty: Ty, e: Expr, what: string): void {
    if (c.ty !== ty) fail('type', e.at, `${what} must be ${TY_WORD[ty]}, but "${describe(e, this.text)}" is ${TY_WORD[c.ty]}`, ty === 'bool' ? 'write a comparison, e.g. absence_days > 0' : 'use if(condition, a, b) to turn a condition into an amount');
  }

  node(e: Expr): C {
    switch (e.k) {
      case 'num': {
        const v = e.v;
        return { ty: 'num', fn: () => v };
      }
      case 'bool': {
        const v = e.v;
        return { ty: 'bool', fn: () => v };
      }
      case 'name':
        return this.name(e.name, e.at, false);
      case 'neg': {
        const x = this.node(e.x);
        this.expect(x, 'num', e.x, '"-" needs a number:');
        const f = x.fn;
        return { ty: 'num', fn: (env) => (f(env) as Dec).neg() };
      }
      case 'not': {
        const x = this.node(e.x);
        this.expect(x, 'bool', e.x, '"not" needs a condition:');
        const f = x.fn;
        return { ty: 'bool', fn: (env) => !(f(env) as boolean) };
      }
      case 'bin':
        return this.bin(e);
      case 'call':
        return this.call(e);
      default: {
        const never: never = e;
        throw new Error(`unknown node ${String(never)}`);
      }
    }
  }

  private name(name: string, at: number, allowEmpty: boolean): C {
    const r = this.scope.resolve(name);
    if ('error' in r) fail('name', at, r.error, r.hint);
    const slot = r.slot;
    if (r.nullable && !allowEmpty) {
      return {
        ty: r.ty,
        fn: (env) => {
          const v = env[slot];
          if (v === null || v === undefined) throw new FormulaRuntimeError(at, `${name} is empty`, `give it a value, or write default(${name}, …) in the formula`);
          return v;
        },
      };
    }
    return { ty: r.ty, fn: (env) => env[slot] as Val };
  }

  private bin(e: Extract<Expr, { k: 'bin' }>): C {
    const a = this.node(e.a);
    const b = this.node(e.b);
    const fa = a.fn;
    const fb = b.fn;
    const op = e.op;
    switch (op) {
      case 'and':
      case 'or':
        this.expect(a, 'bool', e.a, `the left side of "${op}"`);
        this.expect(b, 'bool', e.b, `the right side of "${op}"`);
        return op === 'and' ? { ty: 'bool', fn: (env) => (fa(env) as boolean) && (fb(env) as boolean) } : { ty: 'bool', fn: (env) => (fa(env) as boolean) || (fb(env) as boolean) };
      case '==':
      case '!=': {
        if (a.ty !== b.ty) fail('type', e.opAt, `"${op}" compares ${TY_WORD[a.ty]} with ${TY_WORD[b.ty]}`, 'compare numbers with numbers and conditions with conditions');
        const eq = a.ty === 'num' ? (x: Val, y: Val) => (x as Dec).eq(y as Dec) : (x: Val, y: Val) => x === y;
        return op === '==' ? { ty: 'bool', fn: (env) => eq(fa(env), fb(env)) } : { ty: 'bool', fn: (env) => !eq(fa(env), fb(env)) };
      }
      default:
        break;
    }
    this.expect(a, 'num', e.a, `the left side of "${op}"`);
    this.expect(b, 'num', e.b, `the right side of "${op}"`);
    switch (op) {
      case '+':
        return { ty: 'num', fn: (env) => (fa(env) as Dec).add(fb(env) as Dec) };
      case '-':
        return { ty: 'num', fn: (env) => (fa(env) as Dec).sub(fb(env) as Dec) };
      case '*':
        return { ty: 'num', fn: (env) => (fa(env) as Dec).mul(fb(env) as Dec) };
      case '/': {
        const { places, mode } = this.scope.div;
        const at = e.opAt;
        return {
          ty: 'num',
          fn: (env) => {
            const d = fb(env) as Dec;
            if (d.isZero()) throw new FormulaRuntimeError(at, 'division by zero', 'guard the division, e.g. if(x > 0, y / x, 0)');
            return (fa(env) as Dec).div(d, places, mode);
          },
        };
      }
      case '<':
        return { ty: 'bool', fn: (env) => (fa(env) as Dec).lt(fb(env) as Dec) };
      case '<=':
        return { ty: 'bool', fn: (env) => (fa(env) as Dec).lte(fb(env) as Dec) };
      case '>':
        return { ty: 'bool', fn: (env) => (fa(env) as Dec).gt(fb(env) as Dec) };
      case '>=':
        return { ty: 'bool', fn: (env) => (fa(env) as Dec).gte(fb(env) as Dec) };
      default: {
        const never: never = op;
        throw new Error(`unknown operator ${String(never)}`);
      }
    }
  }

  private args(e: Extract<Expr, { k: 'call' }>, min: number, max: number): void {
    const n = e.args.length;
    if (n < min || n > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      fail('type', e.at, `${e.fn}() takes ${want} argument${min === 1 && max === 1 ? '' : 's'}, not ${n}`, FUNCTIONS[e.fn]);
    }
  }

  private nums(e: Extract<Expr, { k: 'call' }>): ((env: Val[]) => Val)[] {
    return e.args.map((a, i) => {
      const c = this.node(a);
      this.expect(c, 'num', a, `argument ${i + 1} of ${e.fn}()`);
      return c.fn;
    });
  }

  private places(e: Extract<Expr, { k: 'call' }>): number {
    const p = e.args[1]!;
    if (p.k !== 'num' || p.v.s !== 0 || p.v.sign() < 0 || p.v.gt(Dec.int(12))) fail('type', p.at, `the decimals of ${e.fn}() must be a whole number from 0 to 12 written out, e.g. ${e.fn}(x, 2)`);
    return Number(p.v.toString());
  }

  private tableArg(e: Extract<Expr, { k: 'call' }>): Table {
    const a = e.args[0]!;
    const names = this.scope.tableNames();
    if (a.k !== 'name') fail('type', a.at, `the first argument of ${e.fn}() must be the name of a table`, names.length ? `tables: ${names.join(', ')}` : 'define tables under tables: in the rule version');
    const t = this.scope.table(a.name);
    if (!t) {
      const g = didYouMean(a.name, names);
      fail('name', a.at, `unknown table "${a.name}"`, g ? `did you mean "${g}"?` : names.length ? `tables: ${names.join(', ')}` : 'define it under tables: in the rule version');
    }
    return t;
  }

  private call(e: Extract<Expr, { k: 'call' }>): C {
    switch (e.fn) {
      case 'min':
      case 'max': {
        this.args(e, 1, Infinity);
        const fs = this.nums(e);
        const isMin = e.fn === 'min';
        if (fs.length === 2) {
          const [f0, f1] = fs as [(env: Val[]) => Val, (env: Val[]) => Val];
          return { ty: 'num', fn: isMin ? (env) => (f0(env) as Dec).min(f1(env) as Dec) : (env) => (f0(env) as Dec).max(f1(env) as Dec) };
        }
        return {
          ty: 'num',
          fn: (env) => {
            let acc = fs[0]!(env) as Dec;
            for (let i = 1; i < fs.length; i++) {
              const v = fs[i]!(env) as Dec;
              acc = isMin ? acc.min(v) : acc.max(v);
            }
            return acc;
          },
        };
      }
      case 'abs': {
        this.args(e, 1, 1);
        const [f0] = this.nums(e) as [(env: Val[]) => Val];
        return { ty: 'num', fn: (env) => (f0(env) as Dec).abs() };
      }
      case 'round':
      case 'round_up':
      case 'round_down': {
        this.args(e, 2, 2);
        const x = this.node(e.args[0]!);
        this.expect(x, 'num', e.args[0]!, `argument 1 of ${e.fn}()`);
        const n = this.places(e);
        const mode: RoundingMode = e.fn === 'round' ? this.scope.rounding : e.fn === 'round_up' ? 'up' : 'down';
        const f0 = x.fn;
        return { ty: 'num', fn: (env) => (f0(env) as Dec).round(n, mode) };
      }
      case 'clamp': {
        this.args(e, 3, 3);
        const [fx, flo, fhi] = this.nums(e) as [(env: Val[]) => Val, (env: Val[]) => Val, (env: Val[]) => Val];
        return { ty: 'num', fn: (env) => (fx(env) as Dec).max(flo(env) as Dec).min(fhi(env) as Dec) };
      }
      case 'if': {
        this.args(e, 3, 3);
        const c = this.node(e.args[0]!);
        this.expect(c, 'bool', e.args[0]!, 'the condition of if()');
        const a = this.node(e.args[1]!);
        const b = this.node(e.args[2]!);
        if (a.ty !== b.ty) fail('type', e.args[2]!.at, `both choices of if() must be of one kind: ${TY_WORD[a.ty]} and ${TY_WORD[b.ty]} differ`);
        const fc = c.fn;
        const fa = a.fn;
        const fb = b.fn;
        return { ty: a.ty, fn: (env) => ((fc(env) as boolean) ? fa(env) : fb(env)) };
      }
      case 'default': {
        this.args(e, 2, 2);
        const first = e.args[0]!;
        const a = first.k === 'name' ? this.name(first.name, first.at, true) : this.node(first);
        const b = this.node(e.args[1]!);
        if (a.ty !== b.ty) fail('type', e.args[1]!.at, `both arguments of default() must be of one kind: ${TY_WORD[a.ty]} and ${TY_WORD[b.ty]} differ`);
        const fa = a.fn;
        const fb = b.fn;
        return {
          ty: a.ty,
          fn: (env) => {
            const v = fa(env);
            return v === null || v === undefined ? fb(env) : v;
          },
        };
      }
      case 'table':
      case 'rate':
      case 'quick': {
        this.args(e, 2, 2);
        const t = this.tableArg(e);
        const x = this.node(e.args[1]!);
        this.expect(x, 'num', e.args[1]!, `argument 2 of ${e.fn}()`);
        const fx = x.fn;
        if (e.fn === 'table') return { ty: 'num', fn: (env) => tableAmount(t, fx(env) as Dec) };
        if (e.fn === 'rate') return { ty: 'num', fn: (env) => bracketOf(t, fx(env) as Dec).rate };
        return { ty: 'num', fn: (env) => bracketOf(t, fx(env) as Dec).quick };
      }
      default: {
        const g = didYouMean(e.fn, Object.keys(FUNCTIONS));
        fail('name', e.at, `unknown function "${e.fn}"`, g ? `did you mean "${g}"?` : `functions: ${Object.keys(FUNCTIONS).join(', ')}`);
      }
    }
  }
}
