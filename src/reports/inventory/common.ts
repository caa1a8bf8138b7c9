/** Engine inputs built from a workspace (shared by stock, purchase, bom and mrp reports). */
import { WorkCalendar } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/dates.js';
import { BomIndex } from '../../engines/inventory/bom.js';
import type { PositionInput } from '../../engines/inventory/position.js';
import type { Workspace } from '../../workspace/workspace.js';

const cache = new WeakMap<Workspace, BomIndex>();

export function bomIndex(ws: Workspace): BomIndex {
  let idx = cache.get(ws);
  if (!idx) cache.set(ws, (idx = new BomIndex(ws.data.items, ws.data.boms)));
  return idx;
}

export function calendarOf(ws: Workspace): WorkCalendar {
  return new WorkCalendar(ws.config.calendar);
}

export function positionInput(ws: Workspace, asOf: IsoDate): PositionInput {
  return {
    asOf,
    stock: ws.data.stock,
    moves: ws.data.moves,
    purchaseOrders: ws.data['purchase-orders'],
    salesOrders: ws.data['sales-orders'],
    workOrders: ws.data['work-orders'],
    locations: ws.data.locations,
    bom: bomIndex(ws),
    defaultLocation: ws.config.inventory.default_location,
  };
}

/** Item name in the workspace's language (name_en for English when present). */
export function itemName(ws: Workspace, id: string, lang: 'en' | 'zh-CN'): string {
  const it = ws.data.items.find((i) => i.id === id);
  if (!it) return '';
  return lang === 'en' && it.name_en ? it.name_en : it.name;
}

/** A lookup of item names (faster than itemName for many rows). */
export function itemNames(ws: Workspace, lang: 'en' | 'zh-CN'): (id: string) => string {
  const m = new Map(ws.data.items.map((i) => [i.id, lang === 'en' && i.name_en ? i.name_en : i.name]));
  return (id) => m.get(id) ?? '';
}
