/**
 * A reader for the common subset of ledger-cli / hledger journals:
 * transactions (date, status, code, description, payee | note), postings
 * (amount with commodity before or after, thousands separators, @ unit price,
 * @@ total price, = balance assertion, comments), file and transaction
 * comments, tags (name:value in comments, and ledger-cli's :tag1:tag2:), `account` directives (with a
 * type: tag), `commodity` directives, `P` price lines and comment blocks.
 * Everything else is reported with its line (never silently dropped).
 */
import { Dec, parseDec } from '../domain/decimal.js';
import { parseDate, type IsoDate } from '../domain/dates.js';
import type { Diagnostics } from '../diagnostics/types.js';

export interface JAmount {
  readonly qty: Dec;
  readonly commodity: string | null;
}

export interface JPosting {
  readonly account: string;
  readonly amount: JAmount | null;
  /** Total cost (from @ unit price × qty, or @@ total). */
  readonly cost: JAmount | null;
  readonly assertion: JAmount | null;
  readonly comment: string;
  readonly line: number;
}

export interface JTxn {
  readonly date: IsoDate;
  readonly status: '' | '*' | '!';
  readonly code: string;
  readonly payee: string;
  readonly description: string;
  readonly tags: string[];
  readonly comments: string[];
  readonly postings: JPosting[];
  /** Comment lines that preceded the transaction in the file. */
  readonly before: string[];
  readonly line: number;
}

export interface JAccount {
  readonly name: string;
  readonly type: string | null;
  readonly line: number;
}

export interface JPrice {
  readonly date: IsoDate;
  readonly commodity: string;
  readonly price: JAmount;
}

export interface ParsedJournal {
  readonly txns: JTxn[];
  readonly accounts: JAccount[];
  readonly prices: JPrice[];
  readonly commodities: string[];
}

const UNSUPPORTED: Record<string, string> = {
  include: 'include other files: import each file on its own',
  alias: 'account aliases: rename the accounts in the file first',
  apply: 'apply account/tag blocks',
  end: 'end of an apply block',
  '~': 'periodic transactions (budgets/forecasts)',
  '=': 'automated transactions',
  Y: 'default year', year: 'default year',
  D: 'default commodity',
  N: 'ignored commodities', C: 'commodity conversions',
  'decimal-mark': 'a decimal-mark directive: convert numbers to a "." decimal mark first',
  payee: 'payee directives', tag: 'tag directives', define: 'value definitions', bucket: 'default account (bucket)', A: 'default account',
  assert: 'assert directives', check: 'check directives', expr: 'value expressions', value: 'value directives',
};

export function parseLedgerJournal(file: string, text: string, diags: Diagnostics): ParsedJournal {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const out: ParsedJournal = { txns: [], accounts: [], prices: [], commodities: [] };
  let pending: string[] = [];
  let txn: (JTxn & { postings: JPosting[] }) | null = null;
  let inComment = false;
  let inDirective = false;
  /** After an unreadable transaction line: skip its postings instead of reporting each. */
  let skipping = false;
  const err = (code: 'journal-syntax' | 'unsupported-directive', line: number, col: number, msg: string, hint: string) => diags.push(code, { file, line, col }, msg, hint);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const ln = i + 1;
    if (inComment) {
      if (/^end\s+comment\b/.test(raw)) inComment = false;
      else pending.push(raw);
      continue;
    }
    if (raw.trim() === '') {
      txn = null;
      inDirective = false;
      skipping = false;
      continue;
    }
    const indented = /^[ \t]/.test(raw);
    if (indented) {
      const body = raw.trim();
      if (inDirective || skipping) continue; // sub-lines of a directive, or of a transaction already reported
      if (!txn) {
        err('journal-syntax', ln, 1, 'an indented line outside a transaction', 'postings belong right under a transaction line; remove the indentation or the blank line above');
        continue;
      }
      if (body.startsWith(';') || body.startsWith('#')) {
        const c = body.replace(/^[;#]\s?/, '');
        if (txn.postings.length) {
          const last = txn.postings[txn.postings.length - 1]!;
          txn.postings[txn.postings.length - 1] = { ...last, comment: last.comment ? `${last.comment} ${c}` : c };
        } else absorbComment(txn, c);
        continue;
      }
      const p = parsePosting(raw, ln, err);
      if (p) txn.postings.push(p);
      continue;
    }
    txn = null;
    inDirective = false;
    skipping = false;
    const first = raw[0]!;
    if (';#*%|'.includes(first)) {
      pending.push(raw.slice(1).replace(/^\s/, ''));
      continue;
    }
    if (/^comment\b/.test(raw)) {
      inComment = true;
      continue;
    }
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(raw)) {
      const t = parseHeader(raw, ln, err);
      if (t) {
        txn = { ...t, before: pending, postings: [] };
        pending = [];
        out.txns.push(txn);
      } else skipping = true;
      continue;
    }
    const word = /^(\S+)/.exec(raw)![1]!;
    if (word === 'account') {
      const m = /^account\s+(.+?)(?:\s{2,}|\t|\s*;|$)(.*)$/.exec(raw);
      const name = m?.[1]?.trim() ?? '';
      const rest = m?.[2] ?? '';
      const type = /type:\s*([A-Za-z]+)/.exec(rest)?.[1] ?? null;
      if (!name) err('journal-syntax', ln, 1, 'account directive without a name', 'write: account assets:bank');
      else out.accounts.push({ name, type, line: ln });
      inDirective = true;
      continue;
    }
    if (word === 'commodity') {
      out.commodities.push(raw.slice(9).trim());
      inDirective = true;
      continue;
    }
    if (word === 'P') {
      const m = /^P\s+(\S+)\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?("[^"]+"|\S+)\s+(.+)$/.exec(raw);
      const date = m ? parseDate(m[1]!) : null;
      const price = m ? parseAmountText(m[3]!.replace(/;.*$/, '').trim()) : null;
      if (!m || !date || !price || 'error' in price) err('journal-syntax', ln, 1, 'cannot read this price line', 'write: P 2026-11-01 USD 7.1234 CNY');
      else out.prices.push({ date, commodity: m[2]!.replace(/"/g, ''), price });
      continue;
    }
    const why = UNSUPPORTED[word] ?? UNSUPPORTED[first];
    skipping = true;
    if (why) err('unsupported-directive', ln, 1, `"${word}" directive is not supported: ${why}`, 'bizctl imports transactions, postings, comments, tags, account and commodity directives, prices and balance assertions');
    else err('journal-syntax', ln, 1, `cannot read this line: "${raw.slice(0, 40)}"`, 'a transaction starts with a date (2026-11-03); postings are indented under it');
  }
  return out;
}

type Err = (code: 'journal-syntax' | 'unsupported-directive', line: number, col: number, msg: string, hint: string) => void;

function absorbComment(t: JTxn, c: string): void {
  // ledger-cli's tag list, ":tag1:tag2:", as a comment of its own or at its start.
  const list = /^\s*:((?:[^\s:]+:)+)\s*/.exec(c);
  if (list) {
    for (const name of list[1]!.split(':')) if (name) t.tags.push(name);
    c = c.slice(list[0].length);
    if (!c.trim()) return;
  }
  const tags = [...c.matchAll(/(?:^|[\s,])([^\s,:]+):([^,]*)/g)];
  if (tags.length) {
    for (const m of tags) t.tags.push(m[2]!.trim() ? `${m[1]}:${m[2]!.trim()}` : m[1]!);
    const rest = c.replace(/(?:^|[\s,])([^\s,:]+):([^,]*)/g, '').trim();
    if (rest) t.comments.push(rest);
  } else t.comments.push(c);
}

function parseHeader(raw: string, ln: number, err: Err): Omit<JTxn, 'before' | 'postings'> | null {
  const m = /^(\S+)\s*(.*)$/.exec(raw)!;
  const dateText = m[1]!;
  if (dateText.includes('=')) {
    err('unsupported-directive', ln, dateText.indexOf('=') + 1, 'secondary dates (DATE=DATE2) are not supported', 'remove the "=DATE2" part; bizctl keeps one date per transaction');
    return null;
  }
  const date = parseDate(dateText);
  if (!date) {
    err('journal-syntax', ln, 1, `"${dateText}" is not a valid date`, 'write YYYY-MM-DD (or YYYY/MM/DD)');
    return null;
  }
  let rest = m[2]!;
  let comment = '';
  const semi = rest.search(/\s;|^;/);
  if (semi >= 0) {
    comment = rest.slice(semi).replace(/^\s*;\s?/, '');
    rest = rest.slice(0, semi);
  }
  rest = rest.trim();
  let status: '' | '*' | '!' = '';
  if (rest.startsWith('*') || rest.startsWith('!')) {
    status = rest[0] as '*' | '!';
    rest = rest.slice(1).trim();
  }
  let code = '';
  const cm = /^\(([^)]*)\)\s*(.*)$/.exec(rest);
  if (cm) {
    code = cm[1]!.trim();
    rest = cm[2]!;
  }
  let payee = '';
  let description = rest.trim();
  const bar = description.indexOf('|');
  if (bar >= 0) {
    payee = description.slice(0, bar).trim();
    description = description.slice(bar + 1).trim();
  }
  const t: Omit<JTxn, 'before' | 'postings'> = { date, status, code, payee, description: description || payee || '(no description)', tags: [], comments: [], line: ln };
  if (comment) absorbComment(t as JTxn, comment);
  if (status === '*') t.tags.push('cleared');
  if (status === '!') t.tags.push('pending');
  return t;
}

function parsePosting(raw: string, ln: number, err: Err): JPosting | null {
  const indent = /^[ \t]+/.exec(raw)![0].length;
  let body = raw.slice(indent);
  let comment = '';
  const semi = body.indexOf(';');
  if (semi >= 0) {
    comment = body.slice(semi + 1).trim();
    body = body.slice(0, semi);
  }
  body = body.replace(/\s+$/, '');
  if (/^[*!]\s/.test(body)) body = body.slice(2);
  const sep = /\s{2,}|\t/.exec(body);
  const account = (sep ? body.slice(0, sep.index) : body).trim();
  const amountPart = sep ? body.slice(sep.index).trim() : '';
  if (/^[([]/.test(account)) {
    err('unsupported-directive', ln, indent + 1, `virtual posting "${account}" is not supported`, 'write it as a normal posting, or leave it out; bizctl keeps every entry balanced');
    return null;
  }
  if (!account) {
    err('journal-syntax', ln, indent + 1, 'posting without an account', 'write: ACCOUNT  AMOUNT (two spaces between them)');
    return null;
  }
  let amount: JAmount | null = null;
  let cost: JAmount | null = null;
  let assertion: JAmount | null = null;
  if (amountPart) {
    const col = raw.indexOf(amountPart) + 1;
    let a = amountPart;
    const eq = a.indexOf('=');
    if (eq >= 0) {
      const after = a.slice(eq);
      if (after.startsWith('==') || after.startsWith('=*')) {
        err('unsupported-directive', ln, col + eq, `"${after.slice(0, 3).trim()}" total/inclusive balance assertions are not supported`, 'use a single "=": the balance of this account alone, in this commodity');
        return null;
      }
      const v = parseAmountText(after.slice(1).trim());
      if (!v || 'error' in v) {
        err('journal-syntax', ln, col + eq + 1, `cannot read the balance assertion "${after.slice(1).trim()}"`, v && 'error' in v ? v.error : 'write e.g. = 1234.56 CNY');
        return null;
      }
      assertion = v;
      a = a.slice(0, eq).trim();
    }
    const at = a.indexOf('@');
    let priceText: string | null = null;
    let total = false;
    if (at >= 0) {
      total = a[at + 1] === '@';
      priceText = a.slice(at + (total ? 2 : 1)).trim();
      a = a.slice(0, at).trim();
    }
    if (a) {
      const v = parseAmountText(a);
      if (!v || 'error' in v) {
        err('journal-syntax', ln, col, `cannot read the amount "${a}"`, v && 'error' in v ? v.error : 'write e.g. 1,234.56 CNY, CNY 1234.56, $12.00 or -5 USD');
        return null;
      }
      amount = v;
    }
    if (priceText !== null) {
      const p = parseAmountText(priceText);
      if (!p || 'error' in p || !amount) {
        err('journal-syntax', ln, col + at, `cannot read the price "${priceText}"`, 'write e.g. @ 7.12 CNY (unit price) or @@ 712.00 CNY (total)');
        return null;
      }
      cost = total ? { qty: amount.qty.sign() < 0 ? p.qty.abs().neg() : p.qty.abs(), commodity: p.commodity } : { qty: amount.qty.mul(p.qty), commodity: p.commodity };
    }
  }
  return { account, amount, cost, assertion, comment, line: ln };
}

/** "-1,234.56 CNY", "CNY -1234.56", "$1,234.56", "-$5", "\"AB 1\" 3" → exact amount. */
export function parseAmountText(text: string): JAmount | { error: string } | null {
  let t = text.trim();
  if (!t) return null;
  let neg = false;
  let commodity: string | null = null;
  const takeSign = () => {
    if (t.startsWith('-')) {
      neg = !neg;
      t = t.slice(1).trim();
    } else if (t.startsWith('+')) t = t.slice(1).trim();
  };
  takeSign();
  const sym = /^("[^"]+"|[^\d\s.,+-]+)\s*/.exec(t);
  if (sym) {
    commodity = sym[1]!.replace(/"/g, '');
    t = t.slice(sym[0].length);
    takeSign();
  }
  const num = /^[\d.,]+/.exec(t);
  if (!num) return null;
  let n = num[0];
  t = t.slice(n.length).trim();
  if (t) {
    if (commodity) return null;
    const post = /^("[^"]+"|\S+)$/.exec(t);
    if (!post) return null;
    commodity = post[1]!.replace(/"/g, '');
  }
  const dots = n.split('.').length - 1;
  const commas = n.split(',').length - 1;
  if (dots && commas) {
    if (n.lastIndexOf(',') > n.lastIndexOf('.')) return { error: `"${text}" uses "," as the decimal mark; bizctl imports "." decimal marks` };
    n = n.replace(/,/g, '');
  } else if (commas) {
    if (!/^\d{1,3}(,\d{3})+$/.test(n)) return { error: `"${text}" is ambiguous: "," could be a decimal mark; write 1,234.00 or 1234.5` };
    n = n.replace(/,/g, '');
  }
  const d = parseDec(n);
  if (!d) return null;
  return { qty: neg ? d.neg() : d, commodity };
}
