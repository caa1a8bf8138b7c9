/**
 * Stock warnings for `crm campaigns` and `crm pipeline`: the pushes of campaigns
 * and open deals checked against projected availability on a daily MRP plan from
 * the as-of date to the end of the last window (engines/crm/stock-warnings.ts).
 * The plan nets committed demand only — open sales orders, and the component needs
 * of work orders and of the planned orders that cover those orders — and leaves the
 * forecast out: a forecast anticipates the very sales campaigns and deals bring, so
 * counting both would count them twice.
 * A workspace without items (CRM only) has no stock, so no warnings.
 */
import type { Dec } from '../../domain/decimal.js';
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { projectedAvailability, type Availability } from '../../engines/mrp/availability.js';
import { runMrp } from '../../engines/mrp/plan.js';
import { campaignPushes, dealPushes, stockWarnings, type Push, type PushKind, type StockWarning } from '../../engines/crm/stock-warnings.js';
import type { Lang } from '../../render/model.js';
import { mrpInput } from '../mrp/input.js';
import type { Workspace } from '../../workspace/workspace.js';
import { tr, type CrmInputs } from './inputs.js';

/** A warning as reports show it (JSON `stock_warnings`). */
export interface StockWarningOut {
  readonly kind: PushKind;
  readonly ref: string;
  readonly item: string;
  readonly demand: Dec;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly short_from: IsoDate;
  readonly min_available: Dec;
  readonly min_date: IsoDate;
  readonly shortfall: Dec;
  readonly message: string;
}

/**
 * Projected availability of `items` on a daily plan from the as-of date to `last`. Only the
 * items and their ancestors in the BOMs are planned: an item's demand comes from its own orders
 * and from the orders of the items that use it, directly or through others, so the figures are
 * those of the whole plan (a test checks it), at a fraction of the cost. `items` null: plan all.
 */
export function availabilityFor(ws: Workspace, asOf: IsoDate, last: IsoDate, items: ReadonlySet<string> | null): (item: string) => Availability | null {
  const input = mrpInput(ws, { asOf, bucket: 'day', horizon: { n: diffDays(last, asOf) + 1, unit: 'd' }, ww: false });
  let keep: Set<string> | null = null;
  if (items) {
    keep = new Set();
    const stack = [...items];
    while (stack.length) {
      const i = stack.pop()!;
      if (keep.has(i)) continue;
      keep.add(i);
      for (const u of input.bom.usedIn(i)) stack.push(u.parent);
    }
  }
  const k = keep;
  const has = (i: string) => k === null || k.has(i);
  // Committed demand only: the forecast anticipates the very sales that campaigns and deals bring.
  const plan = runMrp({
    ...input,
    forecast: [],
    items: k === null ? input.items : new Map([...input.items].filter(([i]) => k.has(i))),
    sales: input.sales.filter((x) => has(x.item)),
    receipts: input.receipts.filter((x) => has(x.item)),
    allocations: input.allocations.filter((x) => has(x.item)),
  });
  const memo = new Map<string, Availability | null>();
  return (item) => {
    if (!memo.has(item)) memo.set(item, has(item) ? projectedAvailability(plan, item) : null);
    return memo.get(item)!;
  };
}

function checkAll(inp: CrmInputs, pushes: readonly Push[]): StockWarning[] {
  const { ws, asOf } = inp;
  if (!pushes.length || !ws.data.items.length) return [];
  const last = pushes.reduce<IsoDate>((m, p) => (p.to > m ? p.to : m), asOf);
  return stockWarnings(pushes, availabilityFor(ws, asOf, last, new Set(pushes.map((p) => p.item))));
}

/** The short message of a warning: "don't promote this: DESK-LIFT-1600 short by 118 from 2026-11-16". */
export function warningText(lang: Lang, w: StockWarning): string {
  const s = w.shortfall.toString();
  return w.kind === 'campaign'
    ? tr(lang, `don't promote this: ${w.item} short by ${s} from ${w.short_from}`, `暂停推广：${w.item} 自 ${w.short_from} 起缺 ${s}`)
    : tr(lang, `${w.item} short by ${s} from ${w.short_from}`, `${w.item} 自 ${w.short_from} 起缺 ${s}`);
}

/** The long form for notes: what was expected, over which window, and the lowest availability. */
export function warningDetail(lang: Lang, w: StockWarning): string {
  return tr(
    lang,
    `${w.ref}: ${warningText(lang, w)} (${w.demand.toString()} wanted ${w.from}…${w.to}; projected availability ${w.min_available.toString()} on ${w.min_date})`,
    `${w.ref}：${warningText(lang, w)}（${w.from}…${w.to} 期间需 ${w.demand.toString()}；预计可用量最低 ${w.min_available.toString()}，${w.min_date}）`,
  );
}

export function toOut(lang: Lang, ws: readonly StockWarning[]): StockWarningOut[] {
  return ws.map((w) => ({
    kind: w.kind,
    ref: w.ref,
    item: w.item,
    demand: w.demand,
    from: w.from,
    to: w.to,
    short_from: w.short_from,
    min_available: w.min_available,
    min_date: w.min_date,
    shortfall: w.shortfall,
    message: warningText(lang, w),
  }));
}

/** Campaigns that have not ended by the as-of date (upcoming ones too). */
export function campaignStockWarnings(inp: CrmInputs): StockWarning[] {
  return checkAll(
    inp,
    inp.ws.data.campaigns.flatMap((c) => campaignPushes(c, inp.asOf)),
  );
}

/** Deals open on the as-of date that have no sales order yet (an order is in the plan already). */
export function dealStockWarnings(inp: CrmInputs): StockWarning[] {
  const open = new Set(inp.deals.filter((d) => d.kind === 'open').map((d) => d.id));
  return checkAll(
    inp,
    inp.ws.data.deals.filter((d) => open.has(d.id) && !d.sales_order).flatMap((d) => dealPushes(d, inp.asOf)),
  );
}

export const STOCK_RULE = {
  en: 'stock: projected availability = on hand − allocated + scheduled receipts (open POs and work orders) − committed demand (open sales orders, component needs), day by day, without new planned orders and without the forecast; a campaign or deal is flagged when it is below the quantity it pushes on some day of its window (campaign: expected_demand, start…end; deal: its line quantities, as-of…requested date or expected close). See docs/integration.md',
  zh: '库存预警：预计可用量 = 现有库存 − 已分配 + 在途（未结采购单、工单）− 已承诺需求（未结销售订单、组件需求），逐日计算，不含新计划订单和预测；窗口内任一天低于推广/商机数量即预警（活动：expected_demand，开始…结束；商机：明细数量，截至日…要求交期或预计成交日）。见 docs/integration.md',
} as const;
