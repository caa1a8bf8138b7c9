/** The fulfilment headline: open sales-order lines the current plan delivers late (`sales at-risk`, default plan options). */
import { Dec } from '../../domain/decimal.js';
import { parseHorizon } from '../../engines/mrp/buckets.js';
import { atRiskReport } from '../fulfil/at-risk.js';
import { fulfilFor } from '../fulfil/context.js';
import type { MetricDef } from './types.js';

export const SALES_METRICS: readonly MetricDef[] = [
  {
    key: 'orders_at_risk',
    en: 'Sales-order lines at risk',
    zh: '可能延期交付的订单行',
    unit: 'count',
    source: 'bizctl sales at-risk (lines)',
    good: 'down',
    present: (ws) => ws.present.has('sales-orders') && ws.present.has('items'),
    value: (ws, d) => Dec.int(atRiskReport(ws, fulfilFor(ws, { asOf: d, bucket: 'week', horizon: parseHorizon('26w')!, ww: false }), 'en').lines.length),
  },
];
