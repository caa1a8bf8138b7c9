import { Dec } from '../decimal.js';
import { f } from '../../schema/fields.js';
import { records } from '../../schema/record.js';
import { defineEntity } from '../entity.js';

export const LOT_RULES = ['lfl', 'fixed', 'min', 'multiple', 'poq', 'ww'] as const;

export const items = defineEntity({
  name: 'item',
  plural: 'items',
  module: 'inventory',
  path: 'inventory/items',
  key: ['id'],
  description: 'Products, sub-assemblies, components and materials, with their planning parameters.',
  fields: {
    id: f.id().required().doc('SKU, e.g. DESK-1600'),
    name: f.text().required(),
    name_en: f.text(),
    type: f.enum(['make', 'buy'] as const).required().doc('make (has a BOM, made by work orders) or buy (purchased)'),
    phantom: f.bool().default(false).doc('a make item that is never stocked: MRP blows through it to its components'),
    unit: f.text().default('pcs').doc('unit of measure'),
    category: f.text(),
    lead_time: f.int().nonNegative().default(0).doc('working days from order release to receipt'),
    safety_stock: f.qty().nonNegative().default(Dec.ZERO),
    reorder_point: f.qty().nonNegative().doc('reorder when available ≤ this'),
    reorder_qty: f.qty().nonNegative().doc('quantity to order when reordering'),
    max_qty: f.qty().nonNegative().doc('order up to this level instead of reorder_qty'),
    moq: f.qty().nonNegative().doc('minimum order quantity'),
    order_multiple: f.qty().nonNegative().doc('order quantities are rounded up to a multiple of this'),
    lot_size: f.enum(LOT_RULES).default('lfl').doc('MRP lot-sizing rule: lfl, fixed, min, multiple, poq, ww'),
    lot_qty: f.qty().nonNegative().doc('quantity for fixed/min/multiple lot sizing'),
    poq_periods: f.int().range('1', '1000').doc('buckets covered by one order with poq'),
    order_cost: f.money().nonNegative().doc('setup/ordering cost (Wagner–Whitin)'),
    holding_cost: f.price().nonNegative().doc('holding cost per unit per bucket (Wagner–Whitin)'),
    scrap: f.rate().range('0', '0.99').doc('share lost when this item is used as a component'),
    supplier: f.ref('suppliers', { soft: true }).doc('preferred supplier for buy items'),
    cost: f.price().nonNegative().doc('standard cost (buy items: purchase price)'),
    price: f.price().nonNegative().doc('list sale price'),
    labour_cost: f.price().nonNegative().doc('labour per unit at this level (make items)'),
    overhead_cost: f.price().nonNegative().doc('overhead per unit at this level (make items)'),
    tax_rate: f.rate().range('0', '1').doc('VAT rate, e.g. 13%'),
    active: f.bool().default(true),
    notes: f.text(),
  },
});

const bomComponent = {
  component: f.ref('items').required().doc('component item'),
  qty: f.qty().required().doc('quantity per output_qty of the parent'),
  scrap: f.rate().range('0', '0.99').doc('overrides the component item scrap'),
  notes: f.text(),
};

export const boms = defineEntity({
  name: 'bom',
  plural: 'boms',
  module: 'inventory',
  path: 'inventory/boms',
  key: ['item'],
  lines: { field: 'components', fields: bomComponent },
  description: 'Bills of materials: one per make item, listing its components.',
  fields: {
    item: f.ref('items').required().doc('parent item'),
    output_qty: f.qty().default(Dec.ONE).doc('quantity the component list makes'),
    components: records(bomComponent, 'component').required(),
    notes: f.text(),
  },
});

export const locations = defineEntity({
  name: 'location',
  plural: 'locations',
  module: 'inventory',
  path: 'inventory/locations',
  key: ['id'],
  description: 'Warehouses and other stock locations.',
  fields: {
    id: f.id().required(),
    name: f.text().required(),
    kind: f.enum(['warehouse', 'shop', 'wip', 'transit'] as const).default('warehouse'),
    nettable: f.bool().default(true).doc('stock here counts for planning'),
    address: f.text(),
  },
});

export const stock = defineEntity({
  name: 'stock line',
  plural: 'stock',
  module: 'inventory',
  path: 'inventory/stock',
  key: ['date', 'item', 'location'],
  sort: ['date', 'item', 'location'],
  description: 'On-hand snapshot: quantity per item and location on a count date.',
  fields: {
    date: f.date().required().doc('count date of the snapshot'),
    item: f.ref('items').required(),
    location: f.ref('locations', { soft: true }).required(),
    qty: f.qty().required(),
  },
});

export const moves = defineEntity({
  name: 'stock move',
  plural: 'moves',
  module: 'inventory',
  path: 'inventory/moves',
  key: ['id'],
  description: 'Stock movements after the snapshot: receipts, shipments, transfers, production, adjustments.',
  fields: {
    id: f.id().required(),
    date: f.date().required(),
    item: f.ref('items').required(),
    qty: f.qty().nonNegative().required(),
    from: f.ref('locations', { soft: true }).doc('source location (empty for receipts and production output)'),
    to: f.ref('locations', { soft: true }).doc('destination (empty for shipments and consumption)'),
    kind: f.enum(['receipt', 'shipment', 'transfer', 'production', 'consumption', 'adjustment'] as const).required(),
    document: f.text().doc('PO, SO or WO id the move belongs to'),
    notes: f.text(),
  },
});
