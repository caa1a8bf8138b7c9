import type { Rendered } from '../../render/index.js';
import type { Cell, Column } from '../../render/model.js';
import type { AccountInfo } from '../../engines/ledger/types.js';
import { amountsJson, commoditiesOf } from './amounts.js';
import type { BalanceReport } from './balance.js';

/** Table (indented tree), CSV (full names, one row per account and commodity) and JSON of a balance report. */
export function balanceView(r: BalanceReport, base: string, accounts: ReadonlyMap<string, AccountInfo>, title?: string, zh = false): Rendered {
  const commodities = commoditiesOf([r.total, ...r.rows.map((x) => x.amounts)], base);
  const multi = commodities.length > 1 || commodities[0] !== base;
  const periodCols: Column[] = (r.periods ?? []).map((p) => ({ key: p.name, en: p.name, align: 'right' }));
  const amountCols: Column[] = r.periods ? [...periodCols, { key: 'total', en: 'total', zh: '合计', align: 'right' }] : [{ key: 'balance', en: 'balance', zh: '余额', align: 'right' }];
  const head: Column[] = [{ key: 'account', en: 'account', zh: '科目' }, ...(multi ? [{ key: 'commodity', en: 'commodity', zh: '币种' } as Column] : []), ...amountCols];
  const tableRows: Cell[][] = [];
  const csvRows: Cell[][] = [];
  for (const row of r.rows) {
    const cs = commoditiesOf([row.amounts, ...(row.columns ?? [])], base);
    cs.forEach((c, i) => {
      const amounts: Cell[] = r.periods ? [...row.columns!.map((a) => a.get(c) ?? null), row.amounts.get(c) ?? null] : [row.amounts.get(c) ?? null];
      const name = row.indent > 0 ? '  '.repeat(row.indent) + row.account.slice(row.account.lastIndexOf(':') + 1) : row.account;
      const zh = accounts.get(row.account)?.name_zh;
      tableRows.push([i === 0 ? (zh ? `${name}  ${zh}` : name) : '', ...(multi ? [c] : []), ...amounts]);
      csvRows.push([row.account, ...(multi ? [c] : []), ...amounts]);
    });
  }
  const footer = (c: string, label = 'total'): Cell[] => [label, ...(multi ? [c] : []), ...(r.periods ? [...r.totalColumns!.map((a) => a.get(c) ?? null), r.total.get(c) ?? null] : [r.total.get(c) ?? null])];
  const totals = commoditiesOf([r.total], base).map((c) => footer(c));
  // CSV keeps the English word: the total row of the CSV is read by scripts
  const tableTotals = zh ? commoditiesOf([r.total], base).map((c) => footer(c, '合计')) : totals;
  const json = {
    periods: r.periods?.map((p) => ({ name: p.name, start: p.start, end: p.end })) ?? null,
    rows: r.rows.map((x) => ({
      account: x.account,
      depth: x.indent + 1,
      balance: amountsJson(x.amounts, base),
      ...(x.columns ? { columns: x.columns.map((a) => amountsJson(a, base)) } : {}),
    })),
    total: amountsJson(r.total, base),
    ...(r.totalColumns ? { total_columns: r.totalColumns.map((a) => amountsJson(a, base)) } : {}),
  };
  return {
    table: { ...(title ? { title } : {}), columns: head, rows: tableRows, footer: tableTotals },
    csv: { columns: head, rows: csvRows, footer: totals },
    json,
  };
}
