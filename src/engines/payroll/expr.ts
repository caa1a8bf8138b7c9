/**
 * The payroll formula language: a tokenizer and a Pratt parser producing a
 * small AST. No JavaScript is ever evaluated; compile.ts turns the AST into
 * closures over exact decimals.
 *
 *   expr    := expr or expr | expr and expr | not expr
 *            | sum (< <= > >= == !=) sum
 *   sum     := term (+ | -) term …      term := unary (* | /) unary …
 *   unary   := - unary | primary        primary := number [%] | true | false
 *            | name(.name)* | name(.name)* ( args ) | ( expr )
 *
 * Every node keeps its offset in the formula text, so errors point at the
 * exact character (diagnostics map it to file:line:col).
 */
import { Dec, parseDec } from '../../domain/decimal.js';

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export type Expr =
  | { readonly k: 'num'; readonly v: Dec; readonly at: number; readonly end: number }
  | { readonly k: 'bool'; readonly v: boolean; readonly at: number; readonly end: number }
  | { readonly k: 'name'; readonly name: string; readonly at: number; readonly end: number }
  | { readonly k: 'neg' | 'not'; readonly x: Expr; readonly at: number; readonly end: number }
  | { readonly k: 'bin'; readonly op: BinOp; readonly a: Expr; readonly b: Expr; readonly at: number; readonly end: number; readonly opAt: number }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[]; readonly at: number; readonly end: number };

/** A problem in a formula, at a character offset of its text. */
export interface ExprError {
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
}

type Tok =
  | { t: 'num'; v: Dec; at: number; end: number }
  | { t: 'name'; v: string; at: number; end: number }
  | { t: 'op'; v: string; at: number; end: number }
  | { t: 'eof'; at: number; end: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

class SyntaxErr extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isNameChar(c: string): boolean {
  return isNameStart(c) || isDigit(c);
}

const OPERATOR_HINT = 'operators are + - * / < <= > >= == != and or not; functions are called like min(a, b)';

/** Split a formula into tokens; the first bad character is an error. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const at = i;
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      while (i < n && (isDigit(text[i]!) || text[i] === '.')) i++;
      const lit = text.slice(at, i);
      const d = parseDec(lit);
      if (!d) throw new SyntaxErr(at, `"${lit}" is not a number`, 'write numbers like 5000, 21.75 or 8% (no thousands separators)');
      if (i < n && isNameStart(text[i]!)) throw new SyntaxErr(i, `unexpected "${text[i]}" after the number ${lit}`, 'put an operator between a number and a name, e.g. 2 * hours');
      if (text[i] === '%') {
        i++;
        out.push({ t: 'num', v: d.div(Dec.int(100), d.s + 2), at, end: i });
      } else out.push({ t: 'num', v: d, at, end: i });
      continue;
    }
    if (isNameStart(c)) {
      // name(.name)*: dotted names such as deductions.children or pension.employer
      while (i < n && isNameChar(text[i]!)) i++;
      while (text[i] === '.' && isNameStart(text[i + 1] ?? '')) {
        i++;
        while (i < n && isNameChar(text[i]!)) i++;
      }
      out.push({ t: 'name', v: text.slice(at, i), at, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==' || two === '!=' || two === '&&' || two === '||') {
      if (two === '&&' || two === '||') throw new SyntaxErr(at, `"${two}" is not an operator here`, `write ${two === '&&' ? 'and' : 'or'} instead`);
      out.push({ t: 'op', v: two, at, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/<>(),'.includes(c)) {
      out.push({ t: 'op', v: c, at, end: i + 1 });
      i++;
      continue;
    }
    if (c === '=') throw new SyntaxErr(at, 'a single "=" is not an operator', 'compare with == (formulas do not assign)');
    if (c === '×' || c === '÷' || c === '−') throw new SyntaxErr(at, `"${c}" is not an operator`, `write ${c === '×' ? '*' : c === '÷' ? '/' : '-'} instead`);
    if (c === '%') throw new SyntaxErr(at, '"%" must follow a number, as in 8%', 'there is no remainder operator; write rates as 8% or 0.08');
    if (c === '!') throw new SyntaxErr(at, '"!" is not an operator', 'write not x, or != to compare');
    throw new SyntaxErr(at, `unexpected character "${c}"`, OPERATOR_HINT);
  }
  out.push({ t: 'eof', at: n, end: n });
  return out;
}

const BINARY: Record<string, { bp: number; op: BinOp }> = {
  or: { bp: 1, op: 'or' },
  and: { bp: 2, op: 'and' },
  '<': { bp: 4, op: '<' },
  '<=': { bp: 4, op: '<=' },
  '>': { bp: 4, op: '>' },
  '>=': { bp: 4, op: '>=' },
  '==': { bp: 4, op: '==' },
  '!=': { bp: 4, op: '!=' },
  '+': { bp: 5, op: '+' },
  '-': { bp: 5, op: '-' },
  '*': { bp: 6, op: '*' },
  '/': { bp: 6, op: '/' },
};
const NOT_BP = 3;
const NEG_BP = 7;

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
  ) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }

  private describe(t: Tok): string {
    if (t.t === 'eof') return 'the end of the formula';
    return `"${this.text.slice(t.at, t.end)}"`;
  }

  parseAll(): Expr {
    if (this.peek().t === 'eof') throw new SyntaxErr(0, 'the formula is empty', 'write an expression, e.g. base_salary * 8%');
    const e = this.expr(0);
    const t = this.peek();
    if (t.t !== 'eof') {
      const hint = t.t === 'op' && t.v === ')' ? 'this ")" has no "(" to close' : t.t === 'op' && t.v === ',' ? 'commas separate the arguments of a function call, e.g. max(a, b)' : 'an operator is missing between the two parts, e.g. a * b';
      throw new SyntaxErr(t.at, `unexpected ${this.describe(t)}`, hint);
    }
    return e;
  }

  private binOp(t: Tok): { bp: number; op: BinOp } | undefined {
    if (t.t === 'op' || (t.t === 'name' && (t.v === 'and' || t.v === 'or'))) return BINARY[t.v];
    return undefined;
  }

  private expr(minBp: number): Expr {
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      const b = this.binOp(t);
      if (!b || b.bp <= minBp) break;
      // a < b < c: comparisons do not chain ((a < b) in parentheses starts before its left operand)
      if (b.bp === 4 && isComparison(left) && left.k === 'bin' && left.at === left.a.at) throw new SyntaxErr(t.at, 'comparisons cannot be chained', 'write a < b and b < c');
      this.next();
      const right = this.expr(b.bp);
      left = { k: 'bin', op: b.op, a: left, b: right, at: left.at, end: right.end, opAt: t.at };
    }
    return left;
  }

  private prefix(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v, at: t.at, end: t.end };
      case 'eof':
        throw new SyntaxErr(t.at, 'the formula ends too early', 'a value is missing after the last operator');
      case 'op': {
        if (t.v === '-') {
          const x = this.expr(NEG_BP - 1);
          return { k: 'neg', x, at: t.at, end: x.end };
        }
        if (t.v === '+') throw new SyntaxErr(t.at, 'unexpected "+"', 'a value is missing before "+"');
        if (t.v === '(') {
          const e = this.expr(0);
          const close = this.next();
          if (close.t !== 'op' || close.v !== ')') throw new SyntaxErr(close.t === 'eof' ? t.at : close.at, close.t === 'eof' ? 'this "(" is never closed' : `expected ")" but found ${this.describe(close)}`, close.t === 'eof' ? 'add ")" at the end' : undefined);
          return { ...e, at: t.at, end: close.end } as Expr;
        }
        throw new SyntaxErr(t.at, `unexpected ${this.describe(t)}`, t.v === ')' ? 'a value is missing before ")"' : 'a value is missing here');
      }
      case 'name': {
        if (t.v === 'true' || t.v === 'false') return { k: 'bool', v: t.v === 'true', at: t.at, end: t.end };
        if (t.v === 'not') {
          const x = this.expr(NOT_BP);
          return { k: 'not', x, at: t.at, end: x.end };
        }
        if (t.v === 'and' || t.v === 'or') throw new SyntaxErr(t.at, `unexpected "${t.v}"`, `a condition is missing before "${t.v}"`);
        const p = this.peek();
        if (p.t === 'op' && p.v === '(') {
          this.next();
          const args: Expr[] = [];
          const q = this.peek();
          if (q.t === 'op' && q.v === ')') {
            const close = this.next();
            return { k: 'call', fn: t.v, args, at: t.at, end: close.end };
          }
          for (;;) {
            args.push(this.expr(0));
            const s = this.next();
            if (s.t === 'op' && s.v === ',') continue;
            if (s.t === 'op' && s.v === ')') return { k: 'call', fn: t.v, args, at: t.at, end: s.end };
            if (s.t === 'eof') throw new SyntaxErr(p.at, `the "(" of ${t.v}( is never closed`, 'add ")" after the last argument');
            throw new SyntaxErr(s.at, `expected "," or ")" in the call of ${t.v} but found ${this.describe(s)}`, 'separate arguments with commas');
          }
        }
        return { k: 'name', name: t.v, at: t.at, end: t.end };
      }
      default: {
        const never: never = t;
        throw new Error(`unknown token ${String(never)}`);
      }
    }
  }
}

function isComparison(e: Expr): boolean {
  return e.k === 'bin' && ['<', '<=', '>', '>=', '==', '!='].includes(e.op);
}

export type ParseResult = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly error: ExprError };

/** Parse one formula. Never throws. */
export function parseFormula(text: string): ParseResult {
  try {
    const toks = tokenize(text);
    return { ok: true, expr: new Parser(toks, text).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxErr) return { ok: false, error: e.hint === undefined ? { offset: e.offset, message: e.message } : { offset: e.offset, message: e.message, hint: e.hint } };
    throw e;
  }
}

/** Every name a formula uses (not function names), with offsets. */
export function namesIn(e: Expr, out: { name: string; at: number }[] = []): { name: string; at: number }[] {
  switch (e.k) {
    case 'name':
      out.push({ name: e.name, at: e.at });
      break;
    case 'neg':
    case 'not':
      namesIn(e.x, out);
      break;
    case 'bin':
      namesIn(e.a, out);
      namesIn(e.b, out);
      break;
    case 'call':
      for (const a of e.args) namesIn(a, out);
      break;
    case 'num':
    case 'bool':
      break;
    default: {
      const never: never = e;
      throw new Error(`unknown node ${String(never)}`);
    }
  }
  return out;
}

export { KEYWORDS };
