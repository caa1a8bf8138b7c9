/**
 * The payroll journal entry of a month (accrual with withholding), and the
 * bank file. One entry:
 *   Dr salary expense          gross (per earning's account)
 *   Dr contribution expense    employer parts
 *   Cr contribution liability  employee + employer parts
 *   Cr deduction liability     tax and other deductions
 *   Cr payroll payable         net pay (what the bank file pays)
 * Postings are summed per account and side, in rule order; zero lines are left out.
 */
import { Dec } from '../../domain/decimal.js';
import type { PayrollRun } from '../../engines/payroll/run.js';
import type { Rendered } from '../../render/index.js';
import type { Cell, Lang } from '../../render/model.js';

export interface Posting {
  readonly account: string;
  /** Debit > 0, credit < 0. */
  readonly amount: Dec;
  readonly memo: string;
}

export interface PayrollEntry {
  readonly id: string;
  readonly date: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly postings: readonly Posting[];
}

export function entryId(month: string): string {
  return `PAYROLL-${month}`;
}

export function journalFile(month: string): string {
  return `finance/journal/payroll-${month}.yaml`;
}

export function payrollEntry(run: PayrollRun, minor: number): PayrollEntry {
  const v = run.version;
  const acc = v.accounts;
  // key "D|account" or "C|account" → amount and the components in it
  const sums = new Map<string, { account: string; amount: Dec; names: string[] }>();
  const add = (side: 'D' | 'C', account: string, amount: Dec, name: string) => {
    const k = `${side}|${account}`;
    let s = sums.get(k);
    if (!s) sums.set(k, (s = { account, amount: Dec.ZERO.withScale(minor), names: [] }));
    s.amount = s.amount.add(amount);
    if (!amount.isZero() && !s.names.includes(name)) s.names.push(name);
  };
  v.components.forEach((c, i) => {
    let employee = Dec.ZERO;
    let employer = Dec.ZERO;
    for (const p of run.pays) {
      employee = employee.add(p.result.amounts[i]!);
      const er = p.result.employer[i];
      if (er) employer = employer.add(er);
    }
    const name = c.name_zh;
    switch (c.kind) {
      case 'earning':
        add('D', c.account ?? acc.salaries, employee, name);
        break;
      case 'deduction':
        add('C', c.account ?? acc.deductions, employee.neg(), name);
        break;
      case 'contribution':
        add('D', c.expenseAccount ?? acc.salaries, employer, name);
        add('C', c.account ?? acc.deductions, employee.add(employer).neg(), name);
        break;
      case 'employer':
        add('D', c.expenseAccount ?? acc.salaries, employee, name);
        add('C', c.account ?? acc.deductions, employee.neg(), name);
        break;
      case 'info':
        break;
      default: {
        const never: never = c.kind;
        throw new Error(`unknown kind ${String(never)}`);
      }
    }
  });
  let net = Dec.ZERO.withScale(minor);
  for (const p of run.pays) net = net.add(p.result.net);
  add('C', acc.payable, net.neg(), '实发工资 net pay');
  const debits = [...sums.entries()].filter(([k]) => k.startsWith('D|'));
  const credits = [...sums.entries()].filter(([k]) => k.startsWith('C|'));
  const postings: Posting[] = [];
  for (const [, s] of [...debits, ...credits]) {
    if (s.amount.isZero()) continue;
    postings.push({ account: s.account, amount: s.amount, memo: s.names.join('、') });
  }
  return {
    id: entryId(run.month),
    date: run.end,
    description: `${run.month} 工资 Payroll ${run.month}`,
    tags: ['payroll', `period:${run.month}`],
    postings,
  };
}

function yamlText(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,:()\-_/'’、，（）]*$/u.test(s) && !/: |:$| #/.test(s) ? s : JSON.stringify(s);
}

/** The journal file's text: a header comment and the entry, in the workspace's canonical YAML. */
export function entryYaml(e: PayrollEntry, run: PayrollRun, minor: number): string {
  let gross = Dec.ZERO.withScale(minor);
  let net = Dec.ZERO.withScale(minor);
  for (const p of run.pays) {
    gross = gross.add(p.result.gross);
    net = net.add(p.result.net);
  }
  const out = [
    `# Payroll ${run.month}, written by \`bizctl payroll post --period ${run.month}\` (rules effective ${run.version.effective}).`,
    `# ${run.pays.length} employees, gross ${gross.toFixed(minor)}, net ${net.toFixed(minor)}. To post again, delete this file first.`,
    `- id: ${e.id}`,
    `  date: ${e.date}`,
    `  description: ${yamlText(e.description)}`,
    `  tags: [${e.tags.join(', ')}]`,
    '  postings:',
  ];
  for (const p of e.postings) {
    out.push(`  - account: ${p.account}`, `    amount: ${p.amount.toFixed(minor)}`);
    if (p.memo) out.push(`    memo: ${yamlText(p.memo)}`);
  }
  return out.join('\n') + '\n';
}

export function entryReport(e: PayrollEntry, minor: number, lang: Lang): Rendered {
  const zh = lang === 'zh-CN';
  const rows: Cell[][] = e.postings.map((p) => [p.account, p.amount.sign() > 0 ? p.amount.toFixed(minor) : '', p.amount.sign() < 0 ? p.amount.neg().toFixed(minor) : '', p.memo]);
  let d = Dec.ZERO.withScale(minor);
  for (const p of e.postings) if (p.amount.sign() > 0) d = d.add(p.amount);
  return {
    table: {
      title: `${e.id} ${e.date} ${e.description}`,
      columns: [
        { key: 'account', en: 'Account', zh: '科目' },
        { key: 'debit', en: 'Debit', zh: '借方', align: 'right' },
        { key: 'credit', en: 'Credit', zh: '贷方', align: 'right' },
        { key: 'memo', en: 'Memo', zh: '摘要' },
      ],
      rows,
      footer: [[zh ? '合计' : 'Total', d.toFixed(minor), d.toFixed(minor), '']],
    },
    json: { id: e.id, date: e.date, description: e.description, tags: e.tags, postings: e.postings.map((p) => ({ account: p.account, amount: p.amount, memo: p.memo })) },
  };
}

export interface BankLine {
  readonly employee: string;
  readonly name: string;
  readonly bank: string;
  readonly account: string;
  readonly amount: Dec;
}

/** Net pay per employee account; employees with no net pay are left out. */
export function bankLines(run: PayrollRun): { lines: BankLine[]; missing: string[] } {
  const lines: BankLine[] = [];
  const missing: string[] = [];
  for (const p of run.pays) {
    if (p.result.net.sign() <= 0) continue;
    const e = p.employee as typeof p.employee & { bank?: string; bank_account?: string };
    if (!e.bank_account) {
      missing.push(e.id);
      continue;
    }
    lines.push({ employee: e.id, name: e.name, bank: e.bank ?? '', account: e.bank_account, amount: p.result.net });
  }
  return { lines, missing };
}

export function bankReport(run: PayrollRun, lines: readonly BankLine[], minor: number, currency: string): Rendered {
  const memo = `${run.month} 工资 salary`;
  let total = Dec.ZERO.withScale(minor);
  for (const l of lines) total = total.add(l.amount);
  return {
    table: {
      columns: [
        { key: 'employee', en: 'Employee', zh: '工号' },
        { key: 'name', en: 'Name', zh: '户名' },
        { key: 'bank', en: 'Bank', zh: '开户行' },
        { key: 'account', en: 'Account', zh: '账号' },
        { key: 'amount', en: 'Amount', zh: '金额', align: 'right' },
        { key: 'currency', en: 'Currency', zh: '币种' },
        { key: 'memo', en: 'Memo', zh: '用途' },
      ],
      rows: lines.map((l) => [l.employee, l.name, l.bank, l.account, l.amount.toFixed(minor), currency, memo]),
    },
    json: { period: run.month, currency, total, payments: lines.map((l) => ({ employee: l.employee, name: l.name, bank: l.bank, account: l.account, amount: l.amount })) },
  };
}
