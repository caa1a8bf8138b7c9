/**
 * Bank statement lines → ledger, through ordered rules (first match wins).
 *
 * A line that is money in from a customer — by a rule's `customer:`, or
 * because its text names an open invoice, or because its amount equals the
 * open amount of exactly one invoice — becomes a payment document allocated
 * to that invoice where one is identified. Every other line becomes a
 * journal entry between the statement's bank account and the rule's account.
 * Each line gets a stable fingerprint (bank account, date, amount, text,
 * reference, and its occurrence among identical lines), used as its id, so
 * importing the same statement again adds nothing.
 */
import { createHash } from 'node:crypto';
import { Dec } from '../domain/decimal.js';
import type { IsoDate } from '../domain/dates.js';
import type { Diagnostics, SourceLoc } from '../diagnostics/types.js';
import { cellLoc, CsvReader, type CsvRow } from '../io/csv.js';
import { parseYaml } from '../io/yaml.js';
import type { Raw } from '../io/raw.js';
import { didYouMean } from '../util/suggest.js';
import { importDate, importDateHint, importNumber, type DateOrder } from './formats.js';

export interface BankRule {
  readonly match: { readonly description?: RegExp; readonly counterparty?: RegExp; readonly reference?: RegExp; readonly amount?: (a: Dec) => boolean };
  readonly account?: string;
  readonly customer?: string;
  readonly supplier?: string;
  readonly tags: readonly string[];
  readonly loc: SourceLoc;
}

export interface BankRules {
  readonly bankAccount: string;
  readonly columns: Readonly<Record<'date' | 'description' | 'amount' | 'debit' | 'credit' | 'reference' | 'counterparty', string | undefined>>;
  readonly dateOrder: DateOrder;
  readonly decimal: '.' | ',';
  readonly rules: readonly BankRule[];
  readonly defaultAccount?: string;
}

export interface BankLine {
  readonly line: number;
  readonly date: IsoDate;
  readonly amount: Dec;
  readonly description: string;
  readonly reference: string;
  readonly counterparty: string;
  readonly fingerprint: string;
}

function scalar(r: Raw | undefined): string | undefined {
  return r && r.kind === 'scalar' && !r.isNull ? r.text.trim() : undefined;
}

/** "<0", ">=100", "=25.00", "100..200" → predicate. */
function amountTest(text: string): ((a: Dec) => boolean) | null {
  const range = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(text);
  if (range) {
    const lo = Dec.parse(range[1]!);
    const hi = Dec.parse(range[2]!);
    return lo && hi ? (a) => a.gte(lo) && a.lte(hi) : null;
  }
  const m = /^(<=|>=|<|>|=)?\s*(-?[\d.]+)$/.exec(text);
  if (!m) return null;
  const v = Dec.parse(m[2]!);
  if (!v) return null;
  switch (m[1] ?? '=') {
    case '<':
      return (a) => a.lt(v);
    case '<=':
      return (a) => a.lte(v);
    case '>':
      return (a) => a.gt(v);
    case '>=':
      return (a) => a.gte(v);
    default:
      return (a) => a.eq(v);
  }
}

export function parseBankRules(file: string, text: string, diags: Diagnostics): BankRules | null {
  const y = parseYaml(file, text, diags);
  const root = y.root;
  if (!root || root.kind !== 'map') {
    if (root) diags.push('file-shape', root.loc, 'bank rules are a mapping with bank_account, columns and rules', 'see docs/import.md');
    return null;
  }
  const known = ['bank_account', 'columns', 'dates', 'numbers', 'rules', 'default_account'];
  for (const k of root.keys()) if (!known.includes(k)) diags.push('unknown-field', root.keyLoc(k), `unknown key "${k}" in the bank rules`, didYouMean(k, known) ? `did you mean "${didYouMean(k, known)}"?` : `keys: ${known.join(', ')}`);
  const bankAccount = scalar(root.get('bank_account'));
  if (!bankAccount) diags.push('missing-field', root.loc, 'the bank rules have no bank_account', 'add e.g. bank_account: assets:bank:icbc');
  const cols = root.get('columns');
  const col = (k: string) => (cols && cols.kind === 'map' ? scalar(cols.get(k)) : undefined);
  const columns = { date: col('date') ?? 'date', description: col('description') ?? 'description', amount: col('amount'), debit: col('debit'), credit: col('credit'), reference: col('reference'), counterparty: col('counterparty') };
  if (!columns.amount && !(columns.debit || columns.credit)) columns.amount = 'amount';
  const rules: BankRule[] = [];
  const rs = root.get('rules');
  if (rs && rs.kind !== 'seq') diags.push('bad-type', rs.loc, 'rules must be a list', 'write each rule as "- match: {…}" with account: or customer:');
  for (const r of rs && rs.kind === 'seq' ? rs.items : []) {
    if (r.kind !== 'map') {
      diags.push('bad-type', r.loc, 'a rule is a mapping', 'e.g. - match: { description: 房租 }\n    account: expenses:rent');
      continue;
    }
    const m = r.get('match');
    const match: { description?: RegExp; counterparty?: RegExp; reference?: RegExp; amount?: (a: Dec) => boolean } = {};
    if (m && m.kind === 'map') {
      for (const k of m.keys()) {
        const v = scalar(m.get(k)) ?? '';
        if (k === 'amount') {
          const t = amountTest(v);
          if (!t) diags.push('bad-value', m.get(k)!.loc, `amount test "${v}" is not understood`, 'write <0, >0, >=100, =25.00 or 100..200');
          else match.amount = t;
        } else if (k === 'description' || k === 'counterparty' || k === 'reference') {
          try {
            match[k] = new RegExp(v, 'i');
          } catch {
            diags.push('bad-value', m.get(k)!.loc, `"${v}" is not a valid regular expression`, 'escape special characters like ( ) [ ] . * + ?');
          }
        } else diags.push('unknown-field', m.keyLoc(k), `unknown match key "${k}"`, 'match on description, counterparty, reference or amount');
      }
    } else diags.push('missing-field', r.loc, 'a rule needs match:', 'e.g. match: { description: 手续费 }');
    const account = scalar(r.get('account'));
    const customer = scalar(r.get('customer'));
    const supplier = scalar(r.get('supplier'));
    if ([account, customer, supplier].filter(Boolean).length !== 1) diags.push('missing-field', r.loc, 'a rule needs exactly one of account:, customer: or supplier:', 'account: posts a journal entry; customer:/supplier: records a payment');
    const tagsRaw = r.get('tags');
    const tags = tagsRaw && tagsRaw.kind === 'seq' ? tagsRaw.items.map(scalar).filter((x): x is string => x !== undefined) : [];
    rules.push({ match, ...(account ? { account } : {}), ...(customer ? { customer } : {}), ...(supplier ? { supplier } : {}), tags, loc: r.loc });
  }
  const dates = root.get('dates');
  const numbers = root.get('numbers');
  const defaultAccount = scalar(root.get('default_account'));
  return {
    bankAccount: bankAccount ?? '',
    columns,
    dateOrder: ((dates && dates.kind === 'map' ? scalar(dates.get('order')) : undefined) as DateOrder | undefined) ?? 'ymd',
    decimal: ((numbers && numbers.kind === 'map' ? scalar(numbers.get('decimal')) : undefined) as '.' | ',' | undefined) ?? '.',
    rules,
    ...(defaultAccount ? { defaultAccount } : {}),
  };
}

export function readStatement(file: string, text: string, rules: BankRules, diags: Diagnostics): BankLine[] {
  const reader = new CsvReader(file, text, diags);
  const idx = (name: string | undefined) => (name === undefined ? -1 : reader.header.indexOf(name));
  const c = rules.columns;
  const need = (name: string | undefined, what: string) => {
    if (name !== undefined && idx(name) < 0) diags.push('missing-field', { file, line: reader.headerLine, col: 1 }, `the statement has no column "${name}" (${what})`, `columns: ${reader.header.join(', ')}`);
  };
  need(c.date, 'date');
  need(c.description, 'description');
  need(c.amount, 'amount');
  need(c.debit, 'debit');
  need(c.credit, 'credit');
  if (diags.errorCount) return [];
  const out: BankLine[] = [];
  const seen = new Map<string, number>();
  for (let r: CsvRow | null = reader.next(); r; r = reader.next()) {
    const cell = (name: string | undefined) => (name === undefined || idx(name) < 0 ? '' : (r!.cells[idx(name)] ?? '').trim());
    const at = (name: string | undefined) => cellLoc(reader, r!, Math.max(0, idx(name)));
    const date = importDate(cell(c.date), rules.dateOrder);
    if (!date) diags.push('bad-date', at(c.date), `"${cell(c.date)}" is not a date`, importDateHint(cell(c.date), rules.dateOrder, 'the rules'));
    let amount: Dec | null = null;
    if (c.amount) {
      const n = importNumber(cell(c.amount), { decimal: rules.decimal });
      amount = n === null ? null : Dec.of(n);
      if (amount === null) diags.push('bad-number', at(c.amount), `"${cell(c.amount)}" is not an amount`, 'amounts like 1,234.50 or -88.00');
    } else {
      const inText = cell(c.credit);
      const outText = cell(c.debit);
      const i = inText ? importNumber(inText, { decimal: rules.decimal }) : '0';
      const o = outText ? importNumber(outText, { decimal: rules.decimal }) : '0';
      if (i === null || o === null) diags.push('bad-number', at(i === null ? c.credit : c.debit), `"${i === null ? inText : outText}" is not an amount`, 'amounts like 1,234.50');
      else amount = Dec.of(i).sub(Dec.of(o));
    }
    if (!date || !amount) continue;
    const description = cell(c.description);
    const reference = cell(c.reference);
    const counterparty = cell(c.counterparty);
    const basis = [rules.bankAccount, date, amount.toString(), description, reference, counterparty].join('\u0000');
    const n = (seen.get(basis) ?? 0) + 1;
    seen.set(basis, n);
    const fingerprint = createHash('sha1').update(`${basis}\u0000${n}`).digest('hex').slice(0, 12);
    out.push({ line: r.line, date: date as IsoDate, amount, description, reference, counterparty, fingerprint });
  }
  return out;
}

export function ruleFor(rules: BankRules, l: BankLine): BankRule | undefined {
  return rules.rules.find(
    (r) =>
      (!r.match.description || r.match.description.test(l.description)) &&
      (!r.match.counterparty || r.match.counterparty.test(l.counterparty)) &&
      (!r.match.reference || r.match.reference.test(l.reference)) &&
      (!r.match.amount || r.match.amount(l.amount)),
  );
}
