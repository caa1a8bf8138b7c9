/** Inventory and purchasing headlines of the overview, through `stock reorder` and `purchase overdue`. */
import { Dec } from '../../domain/decimal.js';
import { overdueReport } from '../inventory/purchase.js';
import { reorderReport } from '../inventory/stock.js';
import type { IsoDate } from '../../domain/dates.js';
import { countedOnlyAfter } from '../../engines/inventory/position.js';
import type { ChartDef, MetricDef } from './types.js';

export const INVENTORY_METRICS: readonly MetricDef[] = [
  {
    key: 'stock_below_reorder',
    en: 'Items at or below reorder point',
    zh: '低于再订货点的物料',
    unit: 'count',
    source: 'bizctl stock reorder (alerts)',
    good: 'down',
    present: (ws) => ws.present.has('items'),
    value: (ws, d) => Dec.int(reorderReport(ws, { asOf: d, lang: 'en' }).alerts.length),
    // Before items' first stock count their on hand is moves only: a count of alerts then compares with nothing real.
    incomparable: (ws, d) => {
      const late = countedOnlyAfter(ws.data.stock as unknown as { item: string; date: IsoDate }[], d);
      return late.length ? `${late.length} items first counted after ${d}` : null;
    },
  },
  {
    key: 'late_deliveries',
    en: 'Late supplier delivery lines',
    zh: '逾期未到货的采购行',
    unit: 'count',
    source: 'bizctl purchase overdue (lines)',
    good: 'down',
    present: (ws) => ws.present.has('purchase-orders'),
    value: (ws, d) => Dec.int(overdueReport(ws, { asOf: d, lang: 'en' }).lines.length),
  },
];

export const INVENTORY_CHARTS: readonly ChartDef[] = [
  {
    key: 'stock_risk',
    present: (ws) => ws.present.has('items'),
    build(ws, asOf) {
      const alerts = reorderReport(ws, { asOf, lang: 'en' }).alerts;
      return {
        key: 'stock_risk',
        en: 'Stock risk: available vs reorder point',
        zh: '库存风险：可用量与再订货点',
        kind: 'bars',
        labels: alerts.map((a) => a.item),
        series: [
          { name: 'available', values: alerts.map((a) => a.available) },
          { name: 'reorder point', values: alerts.map((a) => a.reorder_point) },
        ],
      };
    },
  },
];
