/**
 * Diagnostics are data: a code from one catalogue, a severity, where, what,
 * and a hint. They are collected (never thrown) by every load and check
 * stage, then sorted and printed once at the CLI edge.
 */

export interface SourceLoc {
  /** Path relative to the workspace root, with forward slashes. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters (code points). */
  readonly col: number;
}

export type Severity = 'error' | 'warning';

/** The catalogue: every diagnostic code, its default severity and a one-line description (docs/diagnostics.md). */
export const DIAGNOSTIC_CODES = {
  'io-error': ['error', 'a file or folder could not be read'],
  'bad-encoding': ['error', 'a file that is not valid UTF-8 (e.g. a GBK export from Excel)'],
  'yaml-syntax': ['error', 'the file is not valid YAML'],
  'csv-syntax': ['error', 'the file is not valid CSV (quotes, column count)'],
  'journal-syntax': ['error', 'a line of an imported ledger/hledger journal that cannot be read'],
  'unsupported-directive': ['error', 'a ledger/hledger feature outside the subset bizctl imports'],
  'file-shape': ['error', 'the file does not have the shape its entity needs (list of records, mapping)'],
  'unknown-file': ['warning', 'a data file in a module folder that bizctl does not know'],
  'unknown-field': ['error', 'a field or column that the entity does not have'],
  'missing-field': ['error', 'a required field is absent or empty'],
  'bad-type': ['error', 'a value has the wrong shape (text where a list or mapping is needed, or the reverse)'],
  'bad-date': ['error', 'a date or date-time that is not a real calendar date'],
  'bad-number': ['error', 'an amount, quantity or integer that is not a plain decimal number'],
  'bad-enum': ['error', 'a value outside the allowed set'],
  'bad-value': ['error', 'a value that breaks a rule of its field (negative quantity, rate above 100%, bad id)'],
  'too-precise': ['error', 'an amount with more decimals than its currency allows'],
  'conflicting-value': ['error', 'CSV rows of one record disagree on a header field'],
  'duplicate-id': ['error', 'two records share one id or key'],
  'unknown-ref': ['error', 'a reference to a record that does not exist'],
  'bom-cycle': ['error', 'a bill of materials contains its own parent'],
  'unbalanced-entry': ['error', 'a journal entry whose postings do not sum to zero'],
  'balance-assertion': ['error', 'an account balance differs from the balance asserted for it'],
  'over-allocated': ['error', 'payments or credit notes allocated beyond a document or a payment'],
  'bad-config': ['error', 'bizctl.yaml has a value that breaks a rule'],
  'date-order': ['error', 'an end date before its start date'],
  'duplicate-customer': ['warning', 'two customers share a phone, email or normalised name'],
  'formula-syntax': ['error', 'a payroll formula that cannot be read (a typo, an unclosed parenthesis, a missing operand)'],
  'formula-type': ['error', 'a payroll formula that mixes numbers and conditions, or calls a function with the wrong arguments'],
  'unknown-name': ['error', 'a payroll formula uses a name that is not defined, or not yet at that point'],
  'bad-rule': ['error', 'a payroll rule that breaks a rule of its own (tables out of order, a code defined twice, a field that does not apply)'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type DiagCode = keyof typeof DIAGNOSTIC_CODES;
export const DIAG_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as DiagCode[];

export interface Related {
  readonly loc: SourceLoc;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: DiagCode;
  readonly severity: Severity;
  readonly loc: SourceLoc | null;
  readonly message: string;
  readonly hint?: string;
  readonly related?: readonly Related[];
}

export function diag(
  code: DiagCode,
  loc: SourceLoc | null,
  message: string,
  hint?: string,
  related?: Related[],
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: DIAGNOSTIC_CODES[code][0],
    loc,
    message,
  };
  if (hint !== undefined) d.hint = hint;
  if (related && related.length) d.related = related;
  return d;
}

/** A sink that stages push into; never throws. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.list.push(d);
  }
  push(code: DiagCode, loc: SourceLoc | null, message: string, hint?: string, related?: Related[]): void {
    this.list.push(diag(code, loc, message, hint, related));
  }
  get errorCount(): number {
    let n = 0;
    for (const d of this.list) if (d.severity === 'error') n++;
    return n;
  }
  get warningCount(): number {
    return this.list.length - this.errorCount;
  }
}

/** Total order: file, line, col, code, message (codepoint order, never locale). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.loc?.file ?? '';
  const fb = b.loc?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.loc?.line ?? 0;
  const lb = b.loc?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.loc?.col ?? 0;
  const cb = b.loc?.col ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(compareDiagnostics);
}
