/** `bizctl sales promise SKU --qty N [--date D]`: available-to-promise, then capable-to-promise. */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { promise, type PromiseResult } from '../../engines/fulfil/promise.js';
import type { TableModel } from '../../render/model.js';
import type { FulfilContext } from './context.js';

export type PromiseReport = PromiseResult & { readonly asOf: IsoDate; readonly horizonEnd: IsoDate; readonly summary: string };

const q = (x: Dec) => x.normalize().toString();

export function promiseReport(fc: FulfilContext, item: string, qty: Dec, from: IsoDate): PromiseReport {
  const r = promise({ plan: fc.plan, pegs: fc.pegs, calendar: fc.calendar }, item, qty, from);
  const horizonEnd = fc.plan.buckets[fc.plan.buckets.length - 1]!.end;
  const summary =
    r.rule === 'atp'
      ? `${q(qty)} × ${item} can be promised on ${r.promise} from available-to-promise (ATP on ${from}: ${q(r.atpAtFrom)})`
      : `${q(qty)} × ${item} can be promised on ${r.promise} by capable-to-promise: ATP reaches only ${q(r.atpMax)} by ${horizonEnd}, a new order of ${q(r.ctp!.shortfall)} released today arrives ${r.ctp!.steps[0]!.ready}`;
  return { ...r, asOf: fc.plan.asOf, horizonEnd, summary };
}

export function promiseTable(r: PromiseReport): TableModel {
  const steps = r.ctp?.steps ?? [];
  return {
    title: r.summary,
    columns: [
      { key: 'date', en: 'date', zh: '日期' },
      { key: 'supply', en: 'on hand / receipts', zh: '库存/到货' },
      { key: 'committed', en: 'committed', zh: '已承诺' },
      { key: 'balance', en: 'balance', zh: '累计结余' },
      { key: 'atp', en: 'ATP', zh: '可承诺量' },
      { key: 'what', en: 'what', zh: '明细' },
    ],
    rows: r.rows.map((x) => [x.date, x.supply.normalize(), x.committed.normalize(), x.balance.normalize(), x.atp.normalize(), x.refs.join(', ')]),
    footer: [[r.promise, '', '', '', r.qty.normalize(), `promise (${r.rule === 'atp' ? 'available-to-promise' : 'capable-to-promise'})`]],
    notes: [
      'ATP (available-to-promise): balance = on hand + open purchase and work orders − committed demand (open sales-order lines, components of released and firm planned work orders), cumulative by date;',
      'ATP on a date = the lowest balance from that date to the end of the horizon (never below 0): what can be promised then without taking from any commitment. Forecast, safety stock and planned orders are not counted.',
      `The promise is the earliest date on or after ${r.from} on which ATP covers the quantity${r.rule === 'atp' ? '.' : '; ATP never does within the horizon, so capable-to-promise:'}`,
      ...(r.rule === 'ctp'
        ? [
            'CTP: a new order of the shortfall, released today; bought items arrive after their lead time (working days); made items start when their last component is there',
            'and arrive their lead time later. A component is taken from what the plan leaves free above safety stock (today, or later if that is sooner than ordering it), else ordered the same way.',
            ...steps.map((s) => {
              const pad = '  '.repeat(s.level);
              const stock = s.fromStock.sign() > 0 ? `${q(s.fromStock)} from ${s.level === 0 ? 'ATP' : 'free stock'} on ${s.stockDate}` : '';
              const order = s.order.sign() > 0 ? `new order of ${q(s.order)}: release ${s.release}, lead time ${s.leadTime} working day${s.leadTime === 1 ? '' : 's'}` : '';
              return `${pad}${s.item} needs ${q(s.need)}: ${[stock, order].filter(Boolean).join('; ')} → ready ${s.ready}`;
            }),
          ]
        : []),
    ],
  };
}
