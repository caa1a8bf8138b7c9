/**
 * MRP data model (the plan is a value).
 *
 *   MrpInput ─ items, BOM index, buckets, calendar, nettable on hand,
 *              sales lines, forecast, scheduled receipts, allocations
 *   Plan     ─ per item: its record (gross requirements, receipts, planned orders by bucket)
 *              supplies  (on hand, scheduled receipts, planned orders)
 *              demands   (sales lines, forecast, safety stock, allocations, dependent demand)
 *              pegs      supply → demand quantities (first in, first out)
 *              messages  release now, past due, expedite, defer, cancel
 */
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import type { LOT_RULES } from '../../domain/entities/inventory.js';
import type { BomIndex } from '../inventory/bom.js';
import type { BucketIndex } from './buckets.js';
import type { PlannedOrders } from './store.js';

export type BucketKind = 'day' | 'week' | 'month';
export type LotRule = (typeof LOT_RULES)[number];

export interface Bucket {
  readonly index: number;
  /** Period name: 2026-11-16, 2026-W47 or 2026-11. */
  readonly name: string;
  /** First day (bucket 0: the as-of date). */
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface PlanItem {
  readonly id: string;
  readonly type: 'make' | 'buy';
  readonly phantom: boolean;
  readonly lead_time: number;
  readonly safety_stock: Dec;
  readonly lot_size: LotRule;
  readonly lot_qty?: Dec;
  readonly poq_periods?: number;
  readonly order_cost?: Dec;
  readonly holding_cost?: Dec;
  readonly moq?: Dec;
  readonly order_multiple?: Dec;
  readonly supplier?: string;
}

export interface SalesLine {
  readonly order: string;
  readonly line: number;
  readonly item: string;
  readonly due: IsoDate;
  /** Ordered quantity: consumes forecast. */
  readonly qty: Dec;
  /** Still to ship (0 for closed orders): demand. */
  readonly open: Dec;
}

export interface ForecastLine {
  readonly item: string;
  /** 2026-11, 2026-W47 or 2026-11-16. */
  readonly period: string;
  readonly qty: Dec;
}

export type ReceiptKind = 'po' | 'wo' | 'firm';

/** An open purchase-order line or work order. */
export interface ScheduledReceipt {
  /** PO-2026-0188/1 or WO-0042. */
  readonly ref: string;
  /** po: purchase-order line; wo: released / in-progress work order; firm: work order with status planned. */
  readonly kind: ReceiptKind;
  readonly item: string;
  readonly due: IsoDate;
  /** Open quantity (ordered − received / completed). */
  readonly qty: Dec;
  /** Work orders: start date (a firm planned order's components are needed then). */
  readonly start?: IsoDate;
  readonly supplier?: string;
}

/** Components still needed by a released / in-progress work order (reduce projected on hand). */
export interface Allocation {
  /** The work order. */
  readonly ref: string;
  readonly item: string;
  readonly qty: Dec;
  readonly date: IsoDate;
  /** Phantoms blown through on the way. */
  readonly via?: readonly string[];
}

export interface MrpOptions {
  /** Use Wagner–Whitin for every item that has order_cost and holding_cost. */
  readonly ww?: boolean;
}

export interface MrpInput {
  readonly asOf: IsoDate;
  readonly bucketKind: BucketKind;
  readonly buckets: readonly Bucket[];
  readonly calendar: WorkCalendar;
  readonly items: ReadonlyMap<string, PlanItem>;
  readonly bom: BomIndex;
  /** Nettable on hand per item. */
  readonly onHand: ReadonlyMap<string, Dec>;
  readonly sales: readonly SalesLine[];
  readonly forecast: readonly ForecastLine[];
  readonly receipts: readonly ScheduledReceipt[];
  readonly allocations: readonly Allocation[];
  readonly options?: MrpOptions;
}

export type DemandKind = 'sales' | 'forecast' | 'safety' | 'allocation' | 'dependent';

export interface Demand {
  readonly id: number;
  readonly item: string;
  readonly kind: DemandKind;
  readonly bucket: number;
  /** When it is needed (sales: due; forecast: period start or as-of; dependent: parent release; allocation: WO start). */
  readonly date: IsoDate;
  readonly qty: Dec;
  /** sales: SO-…/line; forecast: the period; safety: ''; allocation: WO id; dependent: parent order id. */
  readonly ref: string;
  /** Supply that causes it (allocation: the work order; dependent: the parent's planned or firm order); -1 for top-level demand. */
  readonly parent: number;
  readonly via?: readonly string[];
}

export type SupplyKind = 'onhand' | ReceiptKind | 'planned';

export interface Supply {
  readonly id: number;
  readonly item: string;
  readonly kind: SupplyKind;
  /** Order id: PO-…/line, WO-…, planned id; 'on hand'. */
  readonly ref: string;
  readonly qty: Dec;
  /** Bucket it is available in (on hand: -1). */
  readonly bucket: number;
  readonly due: IsoDate | null;
  /** Planned orders: release date. */
  readonly release: IsoDate | null;
}

export type MessageKind = 'past-due' | 'release-now' | 'expedite' | 'defer' | 'cancel';
export const MESSAGE_ORDER: readonly MessageKind[] = ['past-due', 'release-now', 'expedite', 'defer', 'cancel'];

export interface ActionMessage {
  readonly kind: MessageKind;
  readonly item: string;
  /** Supply id. */
  readonly supply: number;
  readonly ref: string;
  readonly qty: Dec;
  /** Planned orders: release date; receipts: current due date. */
  readonly date: IsoDate;
  /** expedite / defer: the date it is needed (start of the needing bucket, as-of for the first). */
  readonly newDate: IsoDate | null;
  readonly reason: string;
}

export interface PlannedOrder {
  readonly id: string;
  readonly item: string;
  readonly type: 'make' | 'buy';
  readonly qty: Dec;
  readonly release: IsoDate;
  readonly due: IsoDate;
  readonly releaseBucket: number;
  readonly dueBucket: number;
  readonly supplier: string | null;
  readonly message: 'past-due' | 'release-now' | null;
  readonly supply: number;
}

/** One item's MRP record: its parameters and where its orders are; the grid is derived by `itemGrid`. */
export interface ItemRecord {
  readonly item: string;
  readonly llc: number;
  readonly onHand: Dec;
  readonly allocated: Dec;
  readonly safetyStock: Dec;
  readonly leadTime: number;
  readonly lotRule: LotRule;
  readonly phantom: boolean;
  /** Demand beyond the horizon, left out. */
  readonly beyond: Dec;
  /** Supply id of its on-hand stock, -1 if none. */
  readonly onHandSupply: number;
  /** Its scheduled receipts (supply ids), in due order. */
  readonly receipts: readonly number[];
}

/**
 * The plan. Dependent demand (what a planned order needs of its components)
 * is not stored: `itemGrid` and `PegGraph` regenerate it from the parents'
 * planned orders with the same arithmetic.
 */
export interface Plan {
  readonly asOf: IsoDate;
  readonly bucketKind: BucketKind;
  readonly buckets: readonly Bucket[];
  readonly bucketIndex: BucketIndex;
  readonly bom: BomIndex;
  /** In planning order (low-level code, then item). */
  readonly records: ReadonlyMap<string, ItemRecord>;
  readonly orders: PlannedOrders;
  /** Scheduled receipts and on-hand stock (planned orders have ids from PLANNED_BASE). */
  readonly supplies: readonly Supply[];
  /** Stored demand: sales-order lines, forecast, safety stock, allocations (and top-level demand passed through phantoms). */
  readonly demands: readonly Demand[];
  readonly demandsByItem: ReadonlyMap<string, readonly number[]>;
  readonly messages: readonly ActionMessage[];
  readonly warnings: readonly string[];
}
