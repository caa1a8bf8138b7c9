import type { Rendered } from '../../render/index.js';
import type { Cell, Column } from '../../render/model.js';
import type { Amounts } from '../../engines/ledger/balances.js';
import type { AccountInfo } from '../../engines/ledger/types.js';
import type { Period } from '../../domain/periods.js';
import { amountsJson, commoditiesOf } from './amounts.js';
import type { BalanceSheet, IncomeStatement, Section, TrialBalanceRow } from './statements.js';

const LABELS: Record<string, [string, string]> = {
  income: ['Income', '收入'],
  expenses: ['Expenses', '费用'],
  assets: ['Assets', '资产'],
  liabilities: ['Liabilities', '负债'],
  equity: ['Equity', '所有者权益'],
};

interface Line {
  readonly label: string;
  readonly amounts: Amounts;
  readonly columns?: readonly Amounts[];
}

/** One table of sections (header, account rows, subtotal) and closing lines. */
function sectionsTable(sections: readonly Section[], closing: readonly Line[], base: string, accounts: ReadonlyMap<string, AccountInfo>, periods: readonly Period[] | null, zh: boolean): { columns: Column[]; rows: Cell[][] } {
  const all: Amounts[] = [...closing.map((l) => l.amounts)];
  for (const s of sections) all.push(s.report.total, ...s.report.rows.map((r) => r.amounts));
  const commodities = commoditiesOf(all, base);
  const multi = commodities.length > 1 || commodities[0] !== base;
  const amountCols: Column[] = periods ? [...periods.map((p) => ({ key: p.name, en: p.name, align: 'right' as const })), { key: 'total', en: 'total', zh: '合计', align: 'right' }] : [{ key: 'amount', en: 'amount', zh: '金额', align: 'right' }];
  const columns: Column[] = [{ key: 'account', en: 'account', zh: '科目' }, ...(multi ? [{ key: 'commodity', en: 'commodity', zh: '币种' } as Column] : []), ...amountCols];
  const rows: Cell[][] = [];
  const push = (label: string, amounts: Amounts, cols?: readonly Amounts[]) => {
    const cs = commoditiesOf([amounts, ...(cols ?? [])], base);
    cs.forEach((c, i) => rows.push([i === 0 ? label : '', ...(multi ? [c] : []), ...(periods ? [...(cols ?? []).map((a) => a.get(c) ?? null), amounts.get(c) ?? null] : [amounts.get(c) ?? null])]));
  };
  for (const s of sections) {
    const [en, zhName] = LABELS[s.name]!;
    rows.push([zh ? zhName : en, ...(multi ? [''] : []), ...amountCols.map(() => '')]);
    for (const r of s.report.rows) {
      const name = '  '.repeat(r.indent + 1) + r.account.slice(r.account.lastIndexOf(':') + 1);
      const z = accounts.get(r.account)?.name_zh;
      push(z ? `${name}  ${z}` : name, r.amounts, r.columns);
    }
    push(`${zh ? '合计' : 'total'} ${zh ? zhName : en.toLowerCase()}`, s.report.total, s.report.totalColumns);
  }
  for (const l of closing) push(l.label, l.amounts, l.columns);
  return { columns, rows };
}

export function incomeStatementView(is: IncomeStatement, base: string, accounts: ReadonlyMap<string, AccountInfo>, zh: boolean): Rendered {
  const periods = is.sections[0]!.report.periods;
  const t = sectionsTable(is.sections, [{ label: zh ? '净利润' : 'net income', amounts: is.net, ...(is.netColumns ? { columns: is.netColumns } : {}) }], base, accounts, periods, zh);
  return {
    table: t,
    json: {
      periods: periods?.map((p) => p.name) ?? null,
      sections: is.sections.map(sectionJson(base)),
      net: amountsJson(is.net, base),
      ...(is.netColumns ? { net_columns: is.netColumns.map((a) => amountsJson(a, base)) } : {}),
    },
  };
}

function sectionJson(base: string) {
  return (s: Section) => ({
    name: s.name,
    rows: s.report.rows.map((r) => ({ account: r.account, depth: r.indent + 1, amount: amountsJson(r.amounts, base), ...(r.columns ? { columns: r.columns.map((a) => amountsJson(a, base)) } : {}) })),
    total: amountsJson(s.report.total, base),
    ...(s.report.totalColumns ? { total_columns: s.report.totalColumns.map((a) => amountsJson(a, base)) } : {}),
  });
}

export function balanceSheetView(bs: BalanceSheet, base: string, accounts: ReadonlyMap<string, AccountInfo>, zh: boolean): Rendered {
  const closing: Line[] = [
    { label: zh ? '本年利润 (未结转)' : 'current year earnings (unclosed)', amounts: bs.currentEarnings },
    { label: zh ? '以前年度利润 (未结转)' : 'earlier earnings (unclosed)', amounts: bs.earlierEarnings },
    ...(bs.revaluation ? [{ label: zh ? '估值差额 (未实现)' : 'valuation difference (unrealised)', amounts: bs.revaluation }] : []),
    { label: zh ? '负债和所有者权益合计' : 'total liabilities + equity + earnings', amounts: bs.totalLiabilitiesAndEquity },
  ];
  const t = sectionsTable(bs.sections, closing, base, accounts, null, zh);
  const balanced = [...bs.difference.values()].every((v) => v.isZero());
  return {
    table: { ...t, title: `${zh ? '资产负债表' : 'Balance sheet'} ${bs.date}`, notes: [balanced ? (zh ? '资产 = 负债 + 所有者权益 + 利润: 平衡' : 'assets = liabilities + equity + earnings: balanced') : `NOT BALANCED: difference ${JSON.stringify(amountsJson(bs.difference, base))}`] },
    json: {
      date: bs.date,
      sections: bs.sections.map(sectionJson(base)),
      current_earnings: amountsJson(bs.currentEarnings, base),
      earlier_earnings: amountsJson(bs.earlierEarnings, base),
      ...(bs.revaluation ? { revaluation: amountsJson(bs.revaluation, base) } : {}),
      total_assets: amountsJson(bs.totalAssets, base),
      total_liabilities_equity_earnings: amountsJson(bs.totalLiabilitiesAndEquity, base),
      difference: amountsJson(bs.difference, base),
      balanced,
    },
  };
}

export function trialBalanceView(tb: { rows: TrialBalanceRow[]; debit: Amounts; credit: Amounts }, base: string, accounts: ReadonlyMap<string, AccountInfo>, zh = false): Rendered {
  const commodities = commoditiesOf([tb.debit, tb.credit], base);
  const multi = commodities.length > 1 || commodities[0] !== base;
  const columns: Column[] = [
    { key: 'account', en: 'account', zh: '科目' },
    { key: 'code', en: 'code', zh: '代码' },
    { key: 'name_zh', en: 'name', zh: '名称' },
    ...(multi ? [{ key: 'commodity', en: 'commodity', zh: '币种' } as Column] : []),
    { key: 'debit', en: 'debit', zh: '借方', align: 'right' },
    { key: 'credit', en: 'credit', zh: '贷方', align: 'right' },
  ];
  const rows = tb.rows.map((r) => [r.account, accounts.get(r.account)?.code ?? '', accounts.get(r.account)?.name_zh ?? '', ...(multi ? [r.commodity] : []), r.debit, r.credit]);
  const footer = (label: string) => commodities.map((c) => [label, '', '', ...(multi ? [c] : []), tb.debit.get(c) ?? null, tb.credit.get(c) ?? null]);
  return {
    table: { columns, rows, footer: footer(zh ? '合计' : 'total') },
    // CSV keeps the English word in its total row, whatever the language
    csv: { columns, rows, footer: footer('total') },
    json: { rows: tb.rows, debit: amountsJson(tb.debit, base), credit: amountsJson(tb.credit, base) },
  };
}
