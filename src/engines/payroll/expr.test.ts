import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import { compile, tableAmount, type CompileScope, type Table, type Val } from './compile.js';
import { parseFormula, tokenize } from './expr.js';
import { formulaLoc } from './locate.js';

/** A scope with a few numeric names in slots 0.., one yes/no name and one table. */
const NAMES: Record<string, Val> = { a: Dec.of('10'), b: Dec.of('4'), zero: Dec.ZERO, rate: null, flag: true };
const SLOTS = Object.keys(NAMES);
const TABLE: Table = {
  name: 'iit',
  brackets: [
    { upto: Dec.of('36000'), rate: Dec.of('0.03'), quick: Dec.ZERO },
    { upto: Dec.of('144000'), rate: Dec.of('0.10'), quick: Dec.of('2520') },
    { upto: null, rate: Dec.of('0.20'), quick: Dec.of('16920') },
  ],
};
const scope: CompileScope = {
  resolve: (n) => {
    const i = SLOTS.indexOf(n);
    if (i < 0) return { error: `unknown name "${n}"` };
    return { slot: i, ty: n === 'flag' ? 'bool' : 'num', nullable: n === 'rate' };
  },
  table: (n) => (n === 'iit' ? TABLE : undefined),
  tableNames: () => ['iit'],
  div: { places: 10, mode: 'half-up' },
  rounding: 'half-up',
};
const env = (): Val[] => SLOTS.map((k) => NAMES[k]!);

function num(text: string): string {
  const p = parseFormula(text);
  if (!p.ok) throw new Error(p.error.message);
  const c = compile(p.expr, text, scope, 'num');
  if (!c.ok) throw new Error(c.error.message);
  return (c.value.fn(env()) as Dec).toString();
}
function bool(text: string): boolean {
  const p = parseFormula(text);
  if (!p.ok) throw new Error(p.error.message);
  const c = compile(p.expr, text, scope, 'bool');
  if (!c.ok) throw new Error(c.error.message);
  return c.value.fn(env()) as boolean;
}
function syntaxError(text: string): { offset: number; message: string } {
  const p = parseFormula(text);
  if (p.ok) throw new Error(`parsed: ${text}`);
  return p.error;
}
function compileError(text: string, want: 'num' | 'bool' = 'num') {
  const p = parseFormula(text);
  if (!p.ok) throw new Error(p.error.message);
  const c = compile(p.expr, text, scope, want);
  if (c.ok) throw new Error(`compiled: ${text}`);
  return c.error;
}

describe('formula tokenizer and parser', () => {
  it('reads numbers, percentages and dotted names', () => {
    const t = tokenize('8% + deductions.children * 0.5');
    expect(t.map((x) => x.t)).toEqual(['num', 'op', 'name', 'op', 'num', 'eof']);
    expect((t[0] as { v: Dec }).v.toString()).toBe('0.08');
    expect((t[2] as { v: string }).v).toBe('deductions.children');
  });

  it('follows precedence: * / before + -, comparisons before not, not before and, and before or', () => {
    expect(num('2 + 3 * 4')).toBe('14'); // 2 + 12
    expect(num('(2 + 3) * 4')).toBe('20');
    expect(num('10 - 4 - 3')).toBe('3'); // left-associative: (10 − 4) − 3
    expect(num('-a + b')).toBe('-6'); // (−10) + 4
    expect(num('a - -b')).toBe('14');
    expect(bool('not a > b')).toBe(false); // not (10 > 4)
    expect(bool('a > b or zero > 1 and flag')).toBe(true); // true or (false and true)
    expect(bool('a == 10 and b != 4')).toBe(false);
  });

  it('computes exactly, dividing to the rules\' scale (10 places, half-up)', () => {
    expect(num('0.1 + 0.2')).toBe('0.3');
    expect(num('9500 / 21.75')).toBe('436.7816091954'); // 436.78160919540…
    expect(num('2 / 3')).toBe('0.6666666667');
    expect(num('36921 * 0.5%')).toBe('184.605'); // 0.5% = 0.005: products are exact, rounding is the component's
  });

  it('has min, max, abs, clamp, round, if, default and progressive tables', () => {
    expect(num('min(a, b, 7)')).toBe('4');
    expect(num('max(a, b)')).toBe('10');
    expect(num('abs(b - a)')).toBe('6');
    expect(num('clamp(5000, 7384, 36921)')).toBe('7384');
    expect(num('clamp(50000, 7384, 36921)')).toBe('36921');
    expect(num('round(184.605, 2)')).toBe('184.61');
    expect(num('round(-2.5, 0)')).toBe('-3'); // half-up is half away from zero
    expect(num('round_up(36.921, 1)')).toBe('37.0');
    expect(num('round_down(36.929, 2)')).toBe('36.92');
    expect(num('if(flag, a, b)')).toBe('10');
    expect(num('default(rate, 7%)')).toBe('0.07');
    // 18500 × 3% − 0 = 555; 37000 × 10% − 2520 = 1180; below zero → 0
    expect(num('table(iit, 18500)')).toBe('555.00');
    expect(num('table(iit, 37000)')).toBe('1180.00');
    expect(num('table(iit, -100)')).toBe('0');
    expect(num('rate(iit, 36000)')).toBe('0.03'); // upper bounds are inclusive
    expect(num('quick(iit, 36000.01)')).toBe('2520');
  });

  it('reports syntax errors at the character', () => {
    expect(syntaxError('a * (b + 1')).toMatchObject({ offset: 4, message: 'this "(" is never closed' });
    expect(syntaxError('a +')).toMatchObject({ offset: 3, message: 'the formula ends too early' });
    expect(syntaxError('a b')).toMatchObject({ offset: 2, message: 'unexpected "b"' });
    expect(syntaxError('a = b')).toMatchObject({ offset: 2, message: 'a single "=" is not an operator' });
    expect(syntaxError('a × b')).toMatchObject({ offset: 2 });
    expect(syntaxError('1 < a < 3')).toMatchObject({ offset: 6, message: 'comparisons cannot be chained' });
    expect(syntaxError('max(a, b')).toMatchObject({ offset: 3 });
    expect(syntaxError('')).toMatchObject({ offset: 0, message: 'the formula is empty' });
    expect(syntaxError('2a')).toMatchObject({ offset: 1 });
  });

  it('reports unknown names and type errors at the character', () => {
    expect(compileError('a + c')).toMatchObject({ kind: 'name', offset: 4 });
    expect(compileError('foo(a)')).toMatchObject({ kind: 'name', offset: 0, message: 'unknown function "foo"' });
    expect(compileError('table(tax, a)')).toMatchObject({ kind: 'name', offset: 6, message: 'unknown table "tax"' });
    expect(compileError('a + flag')).toMatchObject({ kind: 'type', offset: 4 });
    expect(compileError('a', 'bool')).toMatchObject({ kind: 'type', offset: 0 });
    expect(compileError('if(a, 1, 2)')).toMatchObject({ kind: 'type', offset: 3 });
    expect(compileError('round(a, b)')).toMatchObject({ kind: 'type', offset: 9 });
    expect(compileError('min()')).toMatchObject({ kind: 'type', offset: 0 });
  });

  it('stops at run time with the offset of the failing part', () => {
    const p = parseFormula('a / zero');
    if (!p.ok) throw new Error('parse');
    const c = compile(p.expr, 'a / zero', scope, 'num');
    if (!c.ok) throw new Error('compile');
    expect(() => c.value.fn(env())).toThrow(/division by zero/);
    const q = parseFormula('rate * 2');
    if (!q.ok) throw new Error('parse');
    const d = compile(q.expr, 'rate * 2', scope, 'num');
    if (!d.ok) throw new Error('compile');
    expect(() => d.value.fn(env())).toThrow(/rate is empty/);
  });

  it('never evaluates JavaScript', () => {
    // a call is only ever one of the listed functions; anything else is an unknown name
    expect(compileError('process.exit(1)')).toMatchObject({ kind: 'name', message: 'unknown function "process.exit"' });
    expect(compileError('constructor(1)')).toMatchObject({ kind: 'name' });
    expect(compileError('toString')).toMatchObject({ kind: 'name' });
    expect(syntaxError('a; b')).toMatchObject({ offset: 1 });
    expect(syntaxError('`a`')).toMatchObject({ offset: 0 });
  });

  it('progressive table amounts agree with the bracket-by-bracket sum', () => {
    // 200000: 36000 × 3% + 108000 × 10% + 56000 × 20% = 1080 + 10800 + 11200 = 23080 = 200000 × 20% − 16920
    expect(tableAmount(TABLE, Dec.of('200000')).toString()).toBe('23080.00');
  });
});

describe('formula positions in the file', () => {
  const src = ['a:', '  plain: x + yy', '  quoted: "x + yy"', '  folded: >-', '    x +', '    yy', ''].join('\n');
  it('plain, quoted and folded scalars', () => {
    expect(formulaLoc('x + yy', { file: 'f', line: 2, col: 10 }, 4, src)).toEqual({ file: 'f', line: 2, col: 14 });
    expect(formulaLoc('x + yy', { file: 'f', line: 3, col: 11 }, 4, src)).toEqual({ file: 'f', line: 3, col: 16 });
    // the folded scalar "x + yy" starts at the ">" on line 4; "yy" is on line 6, col 5
    expect(formulaLoc('x + yy', { file: 'f', line: 4, col: 11 }, 4, src)).toEqual({ file: 'f', line: 6, col: 5 });
  });
});
