/** `bizctl sales promise SKU --qty N [--date D]`: available-to-promise, then capable-to-promise. */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { promise, type AtpRow } from '../../engines/fulfil/promise.js';
import type { Lang, TableModel } from '../../render/model.js';
import { tr } from '../crm/inputs.js';
import type { FulfilContext } from './context.js';

/** A step of capable-to-promise (JSON keys snake_case). */
export interface CtpStepRow {
  /** 0 = the item asked for, 1 = its components, … */
  readonly level: number;
  readonly item: string;
  readonly need: Dec;
  /** Part taken from ATP (level 0) or from free projected stock (components), and from when. */
  readonly from_stock: Dec;
  readonly stock_date: IsoDate | null;
  /** New order for the rest (0: none needed). */
  readonly order: Dec;
  readonly lead_time: number | null;
  readonly release: IsoDate | null;
  readonly ready: IsoDate;
}

export interface PromiseReport {
  readonly item: string;
  readonly qty: Dec;
  /** Requested date (as-of by default). */
  readonly from: IsoDate;
  readonly rows: readonly AtpRow[];
  readonly atp_at_from: Dec;
  /** The most ATP ever reaches within the horizon. */
  readonly atp_max: Dec;
  /** Earliest date ≥ from when ATP covers qty; null when it never does within the horizon. */
  readonly atp_date: IsoDate | null;
  readonly ctp: { readonly shortfall: Dec; readonly date: IsoDate; readonly steps: readonly CtpStepRow[] } | null;
  readonly rule: 'atp' | 'ctp';
  readonly promise: IsoDate;
  readonly as_of: IsoDate;
  readonly horizon_end: IsoDate;
  readonly summary: string;
}

const q = (x: Dec) => x.normalize().toString();

export function promiseReport(fc: FulfilContext, item: string, qty: Dec, from: IsoDate): PromiseReport {
  const r = promise({ plan: fc.plan, pegs: fc.pegs, calendar: fc.calendar }, item, qty, from);
  const horizonEnd = fc.plan.buckets[fc.plan.buckets.length - 1]!.end;
  const summary =
    r.rule === 'atp'
      ? `${q(qty)} × ${item} can be promised on ${r.promise} from available-to-promise (ATP on ${from}: ${q(r.atpAtFrom)})`
      : `${q(qty)} × ${item} can be promised on ${r.promise} by capable-to-promise: ATP reaches only ${q(r.atpMax)} by ${horizonEnd}, a new order of ${q(r.ctp!.shortfall)} released today arrives ${r.ctp!.steps[0]!.ready}`;
  return {
    item: r.item,
    qty: r.qty,
    from: r.from,
    rows: r.rows,
    atp_at_from: r.atpAtFrom,
    atp_max: r.atpMax,
    atp_date: r.atpDate,
    ctp: r.ctp && {
      shortfall: r.ctp.shortfall,
      date: r.ctp.date,
      steps: r.ctp.steps.map((x) => ({ level: x.level, item: x.item, need: x.need, from_stock: x.fromStock, stock_date: x.stockDate, order: x.order, lead_time: x.leadTime, release: x.release, ready: x.ready })),
    },
    rule: r.rule,
    promise: r.promise,
    as_of: fc.plan.asOf,
    horizon_end: horizonEnd,
    summary,
  };
}

/** The summary sentence in Chinese (the JSON `summary` stays English). */
function summaryZh(r: PromiseReport): string {
  return r.rule === 'atp'
    ? `${q(r.qty)} × ${r.item} 可承诺交货日 ${r.promise}，来自可承诺量（ATP，${r.from}：${q(r.atp_at_from)}）`
    : `${q(r.qty)} × ${r.item} 可承诺交货日 ${r.promise}，按可生产承诺（CTP）：计划期内（至 ${r.horizon_end}）ATP 最多只有 ${q(r.atp_max)}，今天下达 ${q(r.ctp!.shortfall)} 的新订单可于 ${r.ctp!.steps[0]!.ready} 到位`;
}

export function promiseTable(r: PromiseReport, lang: Lang = 'en'): TableModel {
  const steps = r.ctp?.steps ?? [];
  const L = (en: string, zh: string) => tr(lang, en, zh);
  const ref = (t: string) => (lang === 'zh-CN' && t.startsWith('on hand ') ? `现有库存 ${t.slice(8)}` : t);
  return {
    title: L(r.summary, summaryZh(r)),
    columns: [
      { key: 'date', en: 'date', zh: '日期' },
      { key: 'supply', en: 'on hand / receipts', zh: '库存/到货' },
      { key: 'committed', en: 'committed', zh: '已承诺' },
      { key: 'balance', en: 'balance', zh: '累计结余' },
      { key: 'atp', en: 'ATP', zh: '可承诺量' },
      { key: 'what', en: 'what', zh: '明细' },
    ],
    rows: r.rows.map((x) => [x.date, x.supply.normalize(), x.committed.normalize(), x.balance.normalize(), x.atp.normalize(), x.refs.map(ref).join(L(', ', '，'))]),
    footer: [[r.promise, '', '', '', r.qty.normalize(), L(`promise (${r.rule === 'atp' ? 'available-to-promise' : 'capable-to-promise'})`, `承诺交货（${r.rule === 'atp' ? '可承诺量 ATP' : '可生产承诺 CTP'}）`)]],
    notes: [
      L(
        'ATP (available-to-promise): balance = on hand + open purchase and work orders − committed demand (open sales-order lines, components of released and firm planned work orders), cumulative by date;',
        '可承诺量（ATP）：累计结余 = 现有库存 + 未结采购单和工单 − 已承诺需求（未结销售订单行、已下达和确认计划工单的组件需求），按日期累计；',
      ),
      L(
        'ATP on a date = the lowest balance from that date to the end of the horizon (never below 0): what can be promised then without taking from any commitment. Forecast, safety stock and planned orders are not counted.',
        '某日的 ATP = 从该日到计划期末的最低累计结余（不小于 0）：不动用任何已承诺数量即可承诺的数量。不计预测、安全库存和计划订单。',
      ),
      L(
        `The promise is the earliest date on or after ${r.from} on which ATP covers the quantity${r.rule === 'atp' ? '.' : '; ATP never does within the horizon, so capable-to-promise:'}`,
        `承诺交货日是 ${r.from} 当天或之后 ATP 足以覆盖数量的最早日期${r.rule === 'atp' ? '。' : '；计划期内 ATP 始终不足，因此按可生产承诺（CTP）：'}`,
      ),
      ...(r.rule === 'ctp'
        ? [
            L(
              'CTP: a new order of the shortfall, released today; bought items arrive after their lead time (working days); made items start when their last component is there',
              'CTP：为缺口数量今天下达新订单；外购件在提前期（工作日）后到货；自制件在最后一个组件到位后开工，',
            ),
            L(
              'and arrive their lead time later. A component is taken from what the plan leaves free above safety stock (today, or later if that is sooner than ordering it), else ordered the same way.',
              '再经过提前期完工。组件先取计划留下的高于安全库存的可用库存（今天，或比新订货更早的以后某天），不足的同样新订货。',
            ),
            ...steps.map((s) => {
              const pad = '  '.repeat(s.level);
              if (lang === 'zh-CN') {
                const stock = s.from_stock.sign() > 0 ? `${s.stock_date} 从${s.level === 0 ? ' ATP ' : '可用库存'}取 ${q(s.from_stock)}` : '';
                const order = s.order.sign() > 0 ? `新订单 ${q(s.order)}：${s.release} 下达，提前期 ${s.lead_time} 个工作日` : '';
                return `${pad}${s.item} 需要 ${q(s.need)}：${[stock, order].filter(Boolean).join('；')} → ${s.ready} 到位`;
              }
              const stock = s.from_stock.sign() > 0 ? `${q(s.from_stock)} from ${s.level === 0 ? 'ATP' : 'free stock'} on ${s.stock_date}` : '';
              const order = s.order.sign() > 0 ? `new order of ${q(s.order)}: release ${s.release}, lead time ${s.lead_time} working day${s.lead_time === 1 ? '' : 's'}` : '';
              return `${pad}${s.item} needs ${q(s.need)}: ${[stock, order].filter(Boolean).join('; ')} → ready ${s.ready}`;
            }),
          ]
        : []),
    ],
  };
}
