/** `crm segment rfm|abc` and `crm dormant`. */
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { PurchaseSource } from '../../engines/crm/purchases.js';
import { abc, dormant, rfm, RFM_SEGMENTS, RFM_SEGMENTS_ZH, type AbcResult, type DormantRow, type RfmResult } from '../../engines/crm/segments.js';
import type { Column, TableModel } from '../../render/model.js';
import { pctText, purchaseTotals, tr, type CrmInputs } from './inputs.js';
import { pct } from '../../engines/crm/ratio.js';

const SOURCE_TEXT: Record<PurchaseSource, [string, string]> = {
  invoices: ['invoices (net of VAT, less credit notes)', '发票（不含税，扣除红字发票）'],
  orders: ['sales orders (open and closed, net of VAT)', '销售订单（未结和已结，不含税）'],
  deals: ['won deals (amount on the close date)', '赢单商机（按成交日期与金额）'],
};

function customerCols(): Column[] {
  return [
    { key: 'customer', en: 'Customer', zh: '客户' },
    { key: 'name', en: 'Name', zh: '名称' },
    { key: 'owner', en: 'Owner', zh: '负责人' },
  ];
}

export const RFM_VIEWS = ['customers', 'segments'] as const;
export type RfmView = (typeof RFM_VIEWS)[number];

export function rfmReport(inp: CrmInputs, source: PurchaseSource): { report: RfmResult & { source: PurchaseSource; currency: string }; table(view: RfmView): TableModel } {
  const r = rfm(purchaseTotals(inp, source).buyers(), inp.asOf);
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const seg = (s: (typeof RFM_SEGMENTS)[number]) => L(s, RFM_SEGMENTS_ZH[s]);
  const notes = [
    L(`source: ${SOURCE_TEXT[source][0]}; analysis date ${inp.asOf}; ${r.rows.length} customers who bought`, `数据来源：${SOURCE_TEXT[source][1]}；分析日期 ${inp.asOf}；有购买记录的客户 ${r.rows.length} 个`),
    L(
      `quintile cut points (nearest rank): recency days ${r.cuts.recency_days.join(' / ')}; frequency ${r.cuts.frequency.join(' / ')}; monetary ${r.cuts.monetary.map(String).join(' / ')}`,
      `五分位切点（最近秩）：最近购买天数 ${r.cuts.recency_days.join(' / ')}；频次 ${r.cuts.frequency.join(' / ')}；金额 ${r.cuts.monetary.map(String).join(' / ')}`,
    ),
    L('score = R×100 + F×10 + M; R = 5 for the most recent buyers; equal values always share a score', '得分 = R×100 + F×10 + M；R = 5 表示最近购买；相同数值得分相同'),
  ];
  const table = (view: RfmView): TableModel => {
    if (view === 'segments') {
      const by = new Map<string, { n: number; v: Dec; days: number }>();
      for (const x of r.rows) {
        const e = by.get(x.segment) ?? { n: 0, v: Dec.ZERO, days: 0 };
        e.n++;
        e.v = e.v.add(x.monetary);
        e.days += x.recency_days;
        by.set(x.segment, e);
      }
      return {
        title: L(`RFM segments as of ${inp.asOf}`, `RFM 客户分群（${inp.asOf}）`),
        columns: [
          { key: 'segment', en: 'Segment', zh: '分群' },
          { key: 'customers', en: 'Customers', zh: '客户数' },
          { key: 'share', en: 'Share', zh: '占比', align: 'right' },
          { key: 'monetary', en: `Monetary (${inp.base})`, zh: `金额（${inp.base}）` },
          { key: 'avg_recency_days', en: 'Average recency days', zh: '平均未购天数' },
        ],
        rows: RFM_SEGMENTS.filter((s) => by.has(s)).map((s) => {
          const e = by.get(s)!;
          return [seg(s), e.n, pctText(pct(e.n, r.rows.length)), e.v, Dec.int(e.days).div(Dec.int(e.n), 1, 'half-up')];
        }),
        notes,
      };
    }
    return {
      title: L(`RFM scores as of ${inp.asOf}`, `RFM 评分（${inp.asOf}）`),
      columns: [
        ...customerCols(),
        { key: 'last_purchase', en: 'Last purchase', zh: '最近购买' },
        { key: 'recency_days', en: 'Recency days', zh: '未购天数' },
        { key: 'frequency', en: 'Frequency', zh: '购买次数' },
        { key: 'monetary', en: `Monetary (${inp.base})`, zh: `金额（${inp.base}）` },
        { key: 'r', en: 'R', zh: 'R' },
        { key: 'f', en: 'F', zh: 'F' },
        { key: 'm', en: 'M', zh: 'M' },
        { key: 'score', en: 'Score', zh: '得分' },
        { key: 'segment', en: 'Segment', zh: '分群' },
      ],
      rows: r.rows.map((x) => [x.customer, inp.customerName(x.customer), inp.customerOwner(x.customer), x.last_purchase, x.recency_days, x.frequency, x.monetary, x.r, x.f, x.m, x.score, seg(x.segment)]),
      notes,
    };
  };
  return { report: { ...r, source, currency: inp.base }, table };
}

export const ABC_VIEWS = ['customers', 'classes'] as const;
export type AbcView = (typeof ABC_VIEWS)[number];

export function abcReport(inp: CrmInputs, source: PurchaseSource, from: IsoDate | null): { report: AbcResult & { source: PurchaseSource; from: IsoDate | null; to: IsoDate; currency: string }; table(view: AbcView): TableModel } {
  const buyers = purchaseTotals(inp, source, from).buyers();
  const r = abc(buyers.map((b) => ({ customer: b.customer, value: b.value })));
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const range = from ? `${from} … ${inp.asOf}` : L(`up to ${inp.asOf}`, `截至 ${inp.asOf}`);
  const notes = [
    L(`source: ${SOURCE_TEXT[source][0]}; ${range}; total ${r.total.toString()} ${inp.base}`, `数据来源：${SOURCE_TEXT[source][1]}；${range}；合计 ${r.total.toString()} ${inp.base}`),
    L(
      'A: the share of the customers ranked above is below 80% (the customer crossing 80% is A); B: below 95% (the one crossing 95% is B); C: the rest',
      'A：排名在前的客户累计占比低于 80%（跨越 80% 的客户归 A）；B：低于 95%（跨越 95% 的归 B）；其余为 C',
    ),
  ];
  const table = (view: AbcView): TableModel =>
    view === 'classes'
      ? {
          title: L('ABC classes by revenue', '按收入的 ABC 分类'),
          columns: [{ key: 'class', en: 'Class', zh: '类别' }, { key: 'customers', en: 'Customers', zh: '客户数' }, { key: 'revenue', en: `Revenue (${inp.base})`, zh: `收入（${inp.base}）` }, { key: 'share', en: 'Share', zh: '占比', align: 'right' }],
          rows: r.classes.map((c) => [c.class, c.customers, c.revenue, pctText(c.share_pct)]),
          notes,
        }
      : {
          title: L('ABC analysis of customers by revenue', '客户收入 ABC 分析'),
          columns: [
            { key: 'rank', en: 'Rank', zh: '排名' },
            ...customerCols(),
            { key: 'revenue', en: `Revenue (${inp.base})`, zh: `收入（${inp.base}）` },
            { key: 'share', en: 'Share', zh: '占比', align: 'right' },
            { key: 'cumulative', en: 'Cumulative', zh: '累计占比', align: 'right' },
            { key: 'class', en: 'Class', zh: '类别' },
          ],
          rows: r.rows.map((x) => [x.rank, x.customer, inp.customerName(x.customer), inp.customerOwner(x.customer), x.revenue, pctText(x.share_pct), pctText(x.cumulative_pct), x.class]),
          notes,
        };
  return { report: { ...r, source, from, to: inp.asOf, currency: inp.base }, table };
}

export function dormantReport(inp: CrmInputs, source: PurchaseSource, days: number): { report: { as_of: IsoDate; days: number; source: PurchaseSource; currency: string; customers: (DormantRow & { owner: string | null })[] }; table: TableModel } {
  const rows = dormant(purchaseTotals(inp, source).buyers(), inp.asOf, days).map((r) => ({ ...r, owner: inp.customerOwner(r.customer) }));
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  return {
    report: { as_of: inp.asOf, days, source, currency: inp.base, customers: rows },
    table: {
      title: L(`Customers with no purchase for ${days} days or more (as of ${inp.asOf})`, `${days} 天以上未购买的客户（截至 ${inp.asOf}）`),
      columns: [
        ...customerCols(),
        { key: 'status', en: 'Status', zh: '状态' },
        { key: 'last_purchase', en: 'Last purchase', zh: '最近购买' },
        { key: 'days_since', en: 'Days since', zh: '未购天数' },
        { key: 'purchases', en: 'Purchases', zh: '购买次数' },
        { key: 'lifetime_value', en: `Lifetime value (${inp.base})`, zh: `累计金额（${inp.base}）` },
      ],
      rows: rows.map((r) => [r.customer, inp.customerName(r.customer), r.owner, inp.customerStatus(r.customer) ?? '', r.last_purchase, r.days_since, r.purchases, r.lifetime_value]),
      notes: [L(`source: ${SOURCE_TEXT[source][0]}; highest lifetime value first`, `数据来源：${SOURCE_TEXT[source][1]}；按累计金额从高到低`)],
    },
  };
}
