import { Dec } from '../decimal.js';
import { f } from '../../schema/fields.js';
import { records } from '../../schema/record.js';
import { defineEntity } from '../entity.js';

export const suppliers = defineEntity({
  name: 'supplier',
  plural: 'suppliers',
  module: 'purchasing',
  path: 'purchasing/suppliers',
  key: ['id'],
  description: 'Companies we buy from.',
  fields: {
    id: f.id().required(),
    name: f.text().required(),
    name_en: f.text(),
    contact: f.text(),
    phone: f.text(),
    email: f.text(),
    city: f.text(),
    address: f.text(),
    lead_time: f.int().nonNegative().doc('default lead time in working days'),
    currency: f.text(),
    payment_terms: f.int().nonNegative().doc('days from bill to due date'),
    notes: f.text(),
  },
});

const poLine = {
  line: f.int().range('1', '100000').required().doc('line number'),
  item: f.ref('items').required(),
  qty: f.qty().nonNegative().required(),
  price: f.price().nonNegative().required(),
  tax_rate: f.rate().range('0', '1'),
  due: f.date().required().doc('promised delivery date'),
  received: f.qty().nonNegative().default(Dec.ZERO).doc('quantity received so far'),
  received_date: f.date().doc('date of the last receipt'),
};

export const purchaseOrders = defineEntity({
  name: 'purchase order',
  plural: 'purchase-orders',
  module: 'purchasing',
  path: 'purchasing/purchase-orders',
  key: ['id'],
  lines: { field: 'lines', fields: poLine },
  description: 'Orders to suppliers, with due dates and received quantities per line.',
  fields: {
    id: f.id().required().doc('e.g. PO-2026-0188'),
    supplier: f.ref('suppliers').required(),
    date: f.date().required().doc('order date'),
    currency: f.text(),
    status: f.enum(['draft', 'open', 'closed', 'cancelled'] as const).default('open'),
    location: f.ref('locations', { soft: true }).doc('receiving location'),
    lines: records(poLine, 'line').required(),
    notes: f.text(),
  },
});

const soLine = {
  line: f.int().range('1', '100000').required(),
  item: f.ref('items', { soft: true }).required(),
  qty: f.qty().nonNegative().required(),
  price: f.price().nonNegative().required(),
  discount: f.rate().range('0', '1'),
  tax_rate: f.rate().range('0', '1'),
  due: f.date().required().doc('promised delivery date'),
  shipped: f.qty().nonNegative().default(Dec.ZERO),
  shipped_date: f.date(),
};

export const salesOrders = defineEntity({
  name: 'sales order',
  plural: 'sales-orders',
  module: 'sales',
  path: 'sales/sales-orders',
  key: ['id'],
  lines: { field: 'lines', fields: soLine },
  description: 'Customer orders, with due dates and shipped quantities per line.',
  fields: {
    id: f.id().required().doc('e.g. SO-2026-0041'),
    customer: f.ref('customers').required(),
    date: f.date().required(),
    currency: f.text(),
    status: f.enum(['draft', 'open', 'closed', 'cancelled'] as const).default('open'),
    deal: f.ref('deals', { soft: true }),
    owner: f.ref('employees', { soft: true }),
    customer_ref: f.text().doc("customer's PO number"),
    location: f.ref('locations', { soft: true }).doc('shipping location'),
    lines: records(soLine, 'line').required(),
    notes: f.text(),
  },
});

export const forecast = defineEntity({
  name: 'forecast line',
  plural: 'forecast',
  module: 'sales',
  path: 'sales/forecast',
  key: ['item', 'period'],
  sort: ['item', 'period'],
  description: 'Expected demand per item and period (month, ISO week or day).',
  fields: {
    item: f.ref('items').required(),
    period: f.period().required().doc('2026-11, 2026-W47 or 2026-11-16'),
    qty: f.qty().nonNegative().required(),
    notes: f.text(),
  },
});

export const workOrders = defineEntity({
  name: 'work order',
  plural: 'work-orders',
  module: 'production',
  path: 'production/work-orders',
  key: ['id'],
  description: 'Production orders for make items.',
  fields: {
    id: f.id().required().doc('e.g. WO-0042'),
    item: f.ref('items').required(),
    qty: f.qty().nonNegative().required(),
    start: f.date().required(),
    due: f.date().required(),
    status: f.enum(['planned', 'released', 'in-progress', 'done', 'cancelled'] as const).default('released'),
    completed: f.qty().nonNegative().default(Dec.ZERO),
    completed_date: f.date(),
    sales_order: f.ref('sales-orders', { soft: true }).doc('order the work is made for'),
    location: f.ref('locations', { soft: true }),
    notes: f.text(),
  },
});

export const plannedOrders = defineEntity({
  name: 'planned order',
  plural: 'planned-orders',
  module: 'production',
  path: 'production/planned-orders',
  key: ['id'],
  sort: ['item', 'due', 'id'],
  derived: true,
  description:
    'Planned orders written by `bizctl mrp run --write` to production/planned-orders.csv, one per line, for review in git (see docs/mrp.md). The whole file is rewritten by every run; MRP never reads it back. To act on a planned order, release it with `bizctl mrp release`, which creates the purchase or work order.',
  fields: {
    id: f.id().required().doc('PL-<item>-<due date>, with -2, -3… for further lots on the same date'),
    item: f.ref('items').required(),
    type: f.enum(['make', 'buy'] as const).required().doc('work order (make) or purchase order (buy)'),
    qty: f.qty().nonNegative().required(),
    release: f.date().required().doc('date to place the order or start the work: due − lead time in working days'),
    due: f.date().required().doc('date the quantity is needed (start of its MRP bucket)'),
    supplier: f.ref('suppliers', { soft: true }).doc("buy items: the item's supplier"),
    action: f.enum(['past-due', 'release-now'] as const).doc('past-due: the release date has passed; release-now: release in the first bucket'),
    for: f.list(f.text()).doc('top-level demands it serves: sales-order lines, forecast periods, safety stock (at most 5, then "and more")'),
  },
});
