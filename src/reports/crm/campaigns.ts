/** `crm campaigns`: cost, leads, deals, won, revenue, cost per lead, CAC, ROI. */
import { fromDayNumber, type IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import { campaignRoi, type Attribution, type CampaignRow } from '../../engines/crm/campaigns.js';
import type { TableModel } from '../../render/model.js';
import { forEachPurchase, pctText, tr, type CrmInputs } from './inputs.js';
import type { PurchaseSource } from '../../engines/crm/purchases.js';
import { campaignStockWarnings, STOCK_RULE, toOut, warningDetail, warningText, type StockWarningOut } from './stock.js';

export function campaignsReport(
  inp: CrmInputs,
  attribution: Attribution,
  source: PurchaseSource,
): { report: { as_of: IsoDate; attribution: Attribution; currency: string; campaigns: CampaignRow[]; total: CampaignRow | null; stock_warnings: StockWarningOut[] }; table: TableModel } {
  const purchases: { customer: string; date: IsoDate; value: Dec; counts: boolean }[] = [];
  const ids: string[] = [];
  forEachPurchase(inp, source, {
    customer: (id) => ids.push(id) - 1,
    add: (c, day, value, counts) => void purchases.push({ customer: ids[c]!, date: fromDayNumber(day), value, counts }),
    addUnits: (c, day, units, scale, counts) => void purchases.push({ customer: ids[c]!, date: fromDayNumber(day), value: new Dec(units, scale), counts }),
  });
  const campaigns = inp.ws.data.campaigns.map((c) => ({ id: c.id, name: c.name, channel: c.channel, start: c.start, end: c.end, cost: inp.toBase.convert(c.cost, c.currency, `campaign ${c.id}`) ?? Dec.ZERO }));
  const { rows, total } = campaignRoi({ campaigns, customers: inp.ws.data.customers.filter((c) => !c.created || c.created <= inp.asOf), deals: inp.deals, purchases }, { asOf: inp.asOf, attribution, minor: inp.minor, rounding: inp.rounding });
  const L = (en: string, zh: string) => tr(inp.lang, en, zh);
  const warnings = campaignStockWarnings(inp);
  const stockOf = (id: string) => warnings.filter((w) => w.ref === id).map((w) => warningText(inp.lang, w)).join('; ');
  const cells = (r: CampaignRow) => [r.cost, r.leads, r.deals, r.won, r.new_customers, r.revenue, r.cost_per_lead, r.cac, pctText(r.roi_pct)];
  return {
    report: { as_of: inp.asOf, attribution, currency: inp.base, campaigns: rows, total, stock_warnings: toOut(inp.lang, warnings) },
    table: {
      title: L(`Campaign ROI as of ${inp.asOf} (revenue from ${attribution === 'deals' ? 'won deals' : 'invoices of the customers each campaign brought'})`, `营销活动投入产出（截至 ${inp.asOf}，收入口径：${attribution === 'deals' ? '赢单商机' : '活动带来客户的发票'}）`),
      columns: [
        { key: 'campaign', en: 'Campaign', zh: '活动' },
        { key: 'name', en: 'Name', zh: '名称' },
        { key: 'channel', en: 'Channel', zh: '渠道' },
        { key: 'start', en: 'Start', zh: '开始' },
        { key: 'cost', en: `Cost (${inp.base})`, zh: `费用（${inp.base}）` },
        { key: 'leads', en: 'Leads', zh: '线索' },
        { key: 'deals', en: 'Deals', zh: '商机' },
        { key: 'won', en: 'Won', zh: '赢单' },
        { key: 'new_customers', en: 'New customers', zh: '新客户' },
        { key: 'revenue', en: `Revenue (${inp.base})`, zh: `收入（${inp.base}）` },
        { key: 'cost_per_lead', en: 'Cost per lead', zh: '单条线索成本' },
        { key: 'cac', en: 'CAC', zh: '获客成本' },
        { key: 'roi', en: 'ROI', zh: '投资回报率', align: 'right' },
        { key: 'stock', en: 'Stock', zh: '库存预警' },
      ],
      rows: rows.map((r) => [r.campaign, r.name, r.channel, r.start, ...cells(r), stockOf(r.campaign)]),
      ...(total ? { footer: [[L('Total', '合计'), '', '', '', ...cells(total), '']] } : {}),
      notes: [
        L(
          'leads = distinct customers brought by the campaign (customer source) or with a deal of it; new customers = customers it brought who have bought; CAC = cost / new customers; ROI = (revenue − cost) / cost; each campaign\'s cost counts once',
          '线索 = 来源为该活动或有该活动商机的不同客户；新客户 = 该活动带来且已购买的客户；获客成本 = 费用 / 新客户；ROI = (收入 − 费用) / 费用；每个活动的费用只计一次',
        ),
        ...(warnings.length ? [...warnings.map((w) => warningDetail(inp.lang, w)), L(STOCK_RULE.en, STOCK_RULE.zh)] : []),
      ],
    },
  };
}
