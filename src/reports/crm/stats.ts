/** `crm stats`: win rate, average won size, cycle, velocity, lost reasons. */
import type { Period } from '../../domain/periods.js';
import { salesStats, type StatsReport } from '../../engines/crm/stats.js';
import type { Cell, TableModel } from '../../render/model.js';
import { pctText, tr, type CrmInputs } from './inputs.js';

export const STATS_VIEWS = ['summary', 'reasons', 'owners', 'deals'] as const;
export type StatsView = (typeof STATS_VIEWS)[number];

export function statsReport(inp: CrmInputs, period: Period): { report: StatsReport & { currency: string }; table(view: StatsView): TableModel } {
  const r = salesStats(inp.deals, { period, asOf: inp.asOf, minor: inp.minor, rounding: inp.rounding });
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const owner = (o: string | null) => o ?? L('(none)', '（无）');
  const title = L(`Sales performance ${r.period} (${r.from} … ${r.to})`, `销售业绩 ${r.period}（${r.from} 至 ${r.to}）`);
  const table = (view: StatsView): TableModel => {
    switch (view) {
      case 'summary': {
        const rows: [string, string, string, Cell][] = [
          ['won', 'Deals won', '赢单数', r.won],
          ['lost', 'Deals lost', '输单数', r.lost],
          ['win_rate', 'Win rate = won / (won + lost)', '赢单率 = 赢单 / (赢单 + 输单)', pctText(r.win_rate_pct)],
          ['won_amount', `Won amount (${inp.base})`, `赢单金额（${inp.base}）`, r.won_amount],
          ['avg_won_size', `Average won size (${inp.base})`, `平均赢单金额（${inp.base}）`, r.avg_won_size],
          ['avg_cycle_days', 'Average cycle (days, created → won)', '平均成交周期（天，创建 → 赢单）', r.avg_cycle_days],
          ['open_deals', `Open deals on ${inp.asOf}`, `${inp.asOf} 未结商机数`, r.open_deals],
          ['velocity_per_day', `Sales velocity (${inp.base} per day)`, `销售速度（${inp.base}/天）`, r.velocity_per_day],
        ];
        return {
          title,
          columns: [{ key: 'metric', en: 'Metric', zh: '指标' }, { key: 'label', en: 'Meaning', zh: '含义' }, { key: 'value', en: 'Value', zh: '数值', align: 'right' }],
          rows: rows.map(([k, en, zh, v]) => [k, L(en, zh), v]),
          notes: [
            L(
              'velocity = open deals × average won size × win rate ÷ average cycle days, from the unrounded parts, rounded once; win rate to 2 decimals of a percent, cycle to 1 decimal',
              '销售速度 = 未结商机数 × 平均赢单金额 × 赢单率 ÷ 平均成交周期，用未舍入的数计算、最后舍入一次',
            ),
            L(`lost reasons: --view reasons; per owner: --view owners; the deals: --view deals`, `输单原因：--view reasons；按负责人：--view owners；明细：--view deals`),
          ],
        };
      }
      case 'reasons':
        return {
          title,
          columns: [{ key: 'reason', en: 'Lost reason', zh: '输单原因' }, { key: 'deals', en: 'Deals', zh: '商机数' }, { key: 'amount', en: `Amount (${inp.base})`, zh: `金额（${inp.base}）` }],
          rows: r.lost_reasons.map((x) => [x.reason ?? L('(no reason given)', '（未填写）'), x.count, x.amount]),
        };
      case 'owners':
        return {
          title,
          columns: [
            { key: 'owner', en: 'Owner', zh: '负责人' },
            { key: 'won', en: 'Won', zh: '赢单' },
            { key: 'lost', en: 'Lost', zh: '输单' },
            { key: 'win_rate', en: 'Win rate', zh: '赢单率', align: 'right' },
            { key: 'won_amount', en: 'Won amount', zh: '赢单金额' },
            { key: 'avg_won_size', en: 'Average won size', zh: '平均赢单金额' },
            { key: 'avg_cycle_days', en: 'Average cycle days', zh: '平均成交周期' },
          ],
          rows: r.owners.map((o) => [owner(o.owner), o.won, o.lost, pctText(o.win_rate_pct), o.won_amount, o.avg_won_size, o.avg_cycle_days]),
        };
      case 'deals':
        return {
          title,
          columns: [
            { key: 'closed', en: 'Closed', zh: '结束日期' },
            { key: 'deal', en: 'Deal', zh: '商机' },
            { key: 'outcome', en: 'Outcome', zh: '结果' },
            { key: 'customer', en: 'Customer', zh: '客户' },
            { key: 'owner', en: 'Owner', zh: '负责人' },
            { key: 'created', en: 'Created', zh: '创建日期' },
            { key: 'cycle_days', en: 'Cycle days', zh: '周期天数' },
            { key: 'amount', en: 'Amount', zh: '金额' },
            { key: 'lost_reason', en: 'Lost reason', zh: '输单原因' },
          ],
          rows: r.deals.map((x) => [x.closed, x.id, x.outcome === 'won' ? L('won', '赢单') : L('lost', '输单'), x.customer, owner(x.owner), x.created, x.cycle_days, x.amount, x.lost_reason]),
        };
    }
  };
  return { report: { ...r, currency: inp.base }, table };
}
