import type { EntityDef } from '../entity.js';
import { activities, campaigns, contacts, customers, deals, tickets } from './crm.js';
import { accounts, assertions, bills, creditNotes, invoices, journal, payments, prices } from './finance.js';
import { attendance, employees, payItems, payrollRules, payrollYtd } from './hr.js';
import { boms, items, locations, moves, stock } from './inventory.js';
import { forecast, plannedOrders, purchaseOrders, salesOrders, suppliers, workOrders } from './supply.js';

export * from './crm.js';
export * from './finance.js';
export * from './hr.js';
export * from './inventory.js';
export * from './supply.js';

/** Every entity of the workspace, in documentation order. */
export const ENTITIES = {
  customers,
  contacts,
  deals,
  activities,
  campaigns,
  tickets,
  items,
  boms,
  locations,
  stock,
  moves,
  suppliers,
  'purchase-orders': purchaseOrders,
  'sales-orders': salesOrders,
  forecast,
  'work-orders': workOrders,
  'planned-orders': plannedOrders,
  accounts,
  journal,
  assertions,
  prices,
  invoices,
  bills,
  payments,
  'credit-notes': creditNotes,
  employees,
  attendance,
  'payroll-rules': payrollRules,
  'payroll-ytd': payrollYtd,
  'pay-items': payItems,
} as const;

export type EntityKey = keyof typeof ENTITIES;
export const ENTITY_LIST: readonly EntityDef[] = Object.values(ENTITIES) as unknown as EntityDef[];

export function entityByName(name: string): EntityDef | undefined {
  return ENTITY_LIST.find((e) => e.name === name || e.plural === name);
}
