/** `crm pipeline`: one report value with every section; a table per view. */
import { pipeline, type PipelineReport } from '../../engines/crm/pipeline.js';
import type { Column, TableModel } from '../../render/model.js';
import { dealActivities, pctText, tr, type CrmInputs } from './inputs.js';
import { dealStockWarnings, STOCK_RULE, toOut, warningDetail, warningText, type StockWarningOut } from './stock.js';

export const PIPELINE_VIEWS = ['stages', 'owners', 'forecast', 'closing', 'at-risk', 'funnel', 'time'] as const;
export type PipelineView = (typeof PIPELINE_VIEWS)[number];

export interface PipelineOut {
  readonly report: PipelineReport & { readonly currency: string; readonly stock_warnings: readonly StockWarningOut[] };
  table(view: PipelineView): TableModel;
}

const R = 'right' as const;

export function pipelineReport(inp: CrmInputs, closingDays: number): PipelineOut {
  const r = pipeline(inp.deals, dealActivities(inp.ws), inp.stages, { asOf: inp.asOf, closingDays, minor: inp.minor, rounding: inp.rounding });
  const warnings = dealStockWarnings(inp);
  const report = { ...r, currency: inp.base, stock_warnings: toOut(inp.lang, warnings) };
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const stockOf = (id: string) => warnings.filter((w) => w.ref === id).map((w) => warningText(inp.lang, w)).join('; ');
  const stockCol: Column = { key: 'stock', en: 'Stock', zh: '库存预警' };
  const stockNotes = warnings.length
    ? [
        L(`${new Set(warnings.map((w) => w.ref)).size} open deal(s) want products the stock cannot cover:`, `${new Set(warnings.map((w) => w.ref)).size} 个未结商机的产品库存不足：`),
        ...warnings.map((w) => warningDetail(inp.lang, w)),
        L(STOCK_RULE.en, STOCK_RULE.zh),
      ]
    : [];
  const stageName = (id: string) => {
    const s = inp.stages.get(id);
    return s ? L(s.name, s.name_zh) : id;
  };
  const owner = (o: string | null) => o ?? L('(none)', '（无）');
  const sums: Column[] = [
    { key: 'deals', en: 'Deals', zh: '商机数' },
    { key: 'amount', en: `Amount (${inp.base})`, zh: `金额（${inp.base}）` },
    { key: 'weighted', en: `Weighted (${inp.base})`, zh: `加权金额（${inp.base}）` },
  ];
  const foot = (labelCols: number) => [L('Total', '合计'), ...(new Array(labelCols - 1).fill('') as string[]), r.total.count, r.total.amount, r.total.weighted];
  const dealCols: Column[] = [
    { key: 'deal', en: 'Deal', zh: '商机' },
    { key: 'title', en: 'Title', zh: '名称' },
    { key: 'customer', en: 'Customer', zh: '客户' },
    { key: 'customer_name', en: 'Customer name', zh: '客户名称' },
    { key: 'owner', en: 'Owner', zh: '负责人' },
    { key: 'stage', en: 'Stage', zh: '阶段' },
  ];
  const title = (en: string, zh: string) => L(`${en} as of ${inp.asOf}`, `${zh}（截至 ${inp.asOf}）`);
  const risky = r.at_risk.length;
  const hints = [
    L(`weighted = Σ open amount × probability (a deal's own probability overrides its stage's); sums rounded once to ${inp.minor} decimals`, `加权金额 = Σ 未结商机金额 × 赢单概率（商机自定概率优先于阶段概率），合计后四舍五入`),
    L(`${risky} deal${risky === 1 ? '' : 's'} at risk (--view at-risk); ${r.closing.length} closing within ${closingDays} days (--view closing)`, `风险商机 ${risky} 个（--view at-risk）；${closingDays} 天内预计成交 ${r.closing.length} 个（--view closing）`),
  ];

  const table = (view: PipelineView): TableModel => {
    switch (view) {
      case 'stages':
        return {
          title: title('Open pipeline by stage', '按阶段的销售漏斗'),
          columns: [{ key: 'stage', en: 'Stage', zh: '阶段' }, { key: 'name', en: 'Name', zh: '名称' }, { key: 'probability', en: 'Probability', zh: '赢单概率', align: R }, ...sums],
          rows: r.stages.map((s) => [s.stage, L(s.name, s.name_zh), `${s.probability_pct.toString()}%`, s.count, s.amount, s.weighted]),
          footer: [foot(3)],
          notes: [...hints, ...stockNotes],
        };
      case 'owners':
        return {
          title: title('Open pipeline by owner', '按负责人的销售漏斗'),
          columns: [{ key: 'owner', en: 'Owner', zh: '负责人' }, ...sums],
          rows: r.owners.map((o) => [owner(o.owner), o.count, o.amount, o.weighted]),
          footer: [foot(1)],
          notes: [...hints.slice(0, 1), ...stockNotes],
        };
      case 'forecast':
        return {
          title: title('Weighted forecast by expected-close month', '按预计成交月份的加权预测'),
          columns: [{ key: 'month', en: 'Expected close', zh: '预计成交' }, ...sums],
          rows: r.forecast.map((f) => [f.month === 'overdue' ? L(`overdue (before ${inp.asOf})`, `已逾期（早于 ${inp.asOf}）`) : f.month === 'none' ? L('no date', '未填日期') : f.month, f.count, f.amount, f.weighted]),
          footer: [foot(1)],
          notes: [...hints.slice(0, 1), ...stockNotes],
        };
      case 'closing':
        return {
          title: L(`Deals closing ${inp.asOf} … +${closingDays} days`, `${inp.asOf} 起 ${closingDays} 天内预计成交的商机`),
          columns: [
            { key: 'expected_close', en: 'Expected close', zh: '预计成交' },
            { key: 'days_left', en: 'Days left', zh: '剩余天数' },
            ...dealCols,
            { key: 'amount', en: 'Amount', zh: '金额' },
            { key: 'probability', en: 'Probability', zh: '赢单概率', align: R },
            { key: 'weighted', en: 'Weighted', zh: '加权金额' },
            stockCol,
          ],
          rows: r.closing.map((c) => [c.expected_close, c.days_left, c.id, c.title, c.customer, inp.customerName(c.customer), owner(c.owner), stageName(c.stage), c.amount, pctText(c.probability_pct), c.weighted, stockOf(c.id)]),
          ...(stockNotes.length ? { notes: stockNotes } : {}),
        };
      case 'at-risk':
        return {
          title: title('Deals at risk', '风险商机'),
          columns: [
            ...dealCols,
            { key: 'expected_close', en: 'Expected close', zh: '预计成交' },
            { key: 'days_past_close', en: 'Days past close', zh: '逾期天数' },
            { key: 'last_activity', en: 'Last activity', zh: '最近跟进' },
            { key: 'idle_days', en: 'Idle days', zh: '停滞天数' },
            { key: 'rot_days', en: 'Rot days', zh: '停滞上限' },
            { key: 'reasons', en: 'Why', zh: '原因' },
            stockCol,
          ],
          rows: r.at_risk.map((a) => [
            a.id,
            a.title,
            a.customer,
            inp.customerName(a.customer),
            owner(a.owner),
            stageName(a.stage),
            a.expected_close,
            a.days_past_close,
            a.last_activity,
            a.idle_days,
            a.rot_days,
            a.reasons.map((x) => (x === 'past-close' ? L('past expected close', '超过预计成交日') : L('no activity', '长期未跟进'))).join(', '),
            stockOf(a.id),
          ]),
          notes: [
            L(
              'at risk = open and past its expected close, or idle for longer than its stage\'s rot_days; idle days = as-of − last activity, the latest of the deal\'s activities (by their deal field) and the date it entered its stage',
              '风险 = 未结且已过预计成交日，或停滞天数超过所在阶段的 rot_days；停滞天数 = 截至日 − 最近跟进日（关联该商机的活动日期与进入当前阶段日期中较晚者）',
            ),
            ...stockNotes,
          ],
        };
      case 'funnel':
        return {
          title: title('Stage funnel (all deals)', '阶段转化漏斗（全部商机）'),
          columns: [
            { key: 'stage', en: 'Stage', zh: '阶段' },
            { key: 'reached', en: 'Reached', zh: '到达' },
            { key: 'advanced', en: 'Advanced', zh: '进入下一阶段' },
            { key: 'conversion', en: 'Conversion', zh: '转化率', align: R },
            { key: 'drop_off', en: 'Drop-off', zh: '流失' },
            { key: 'drop_off_pct', en: 'Drop-off %', zh: '流失率', align: R },
            { key: 'lost_here', en: 'Lost here', zh: '在此输单' },
            { key: 'open_here', en: 'Still open here', zh: '仍停留' },
          ],
          rows: r.funnel.map((f) => [stageName(f.stage), f.reached, f.advanced, pctText(f.conversion_pct), f.drop_off, pctText(f.drop_off_pct), f.lost_here, f.open_here]),
          notes: [
            L(
              'reached = deals whose furthest stage is this one or later (won deals passed every stage); conversion = advanced / reached; drop-off = reached − advanced = lost here + still open here',
              '到达 = 最远阶段不早于该阶段的商机数（赢单视为经过全部阶段）；转化率 = 进入下一阶段 / 到达；流失 = 到达 − 进入下一阶段 = 在此输单 + 仍停留',
            ),
          ],
        };
      case 'time':
        return {
          title: title('Time in stage (days)', '各阶段停留时间（天）'),
          columns: [
            { key: 'stage', en: 'Stage', zh: '阶段' },
            { key: 'stays', en: 'Completed stays', zh: '已完成停留' },
            { key: 'avg_days', en: 'Average days', zh: '平均天数' },
            { key: 'open_now', en: 'Open now', zh: '当前停留商机' },
            { key: 'avg_age_now', en: 'Average age now', zh: '当前平均停留' },
          ],
          rows: r.stage_time.map((s) => [stageName(s.stage), s.stays, s.avg_days, s.open_now, s.avg_age_now]),
          notes: [L('a stay runs from the date a deal entered the stage to the date of its next stage change (stage history)', '停留时间 = 从进入该阶段到下一次阶段变更的天数（按阶段历史）')],
        };
    }
  };
  return { report, table };
}
