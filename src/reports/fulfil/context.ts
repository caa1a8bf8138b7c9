/** One MRP plan with the fulfilment views over it (expected dates, line traces), shared by order trace, sales at-risk and sales promise. */
import type { WorkCalendar } from '../../domain/calendar.js';
import { ExpectedDates } from '../../engines/fulfil/expected.js';
import { Fulfilment, type OrderInput } from '../../engines/fulfil/lines.js';
import type { PegGraph } from '../../engines/mrp/pegging.js';
import { PLANNED_BASE } from '../../engines/mrp/store.js';
import type { Plan, Supply } from '../../engines/mrp/types.js';
import type { Lang } from '../../render/model.js';
import type { Workspace } from '../../workspace/workspace.js';
import { calendarOf } from '../inventory/common.js';
import type { MrpSpec } from '../mrp/input.js';
import { planFor } from '../mrp/mrp.js';

export interface FulfilContext {
  readonly plan: Plan;
  readonly pegs: PegGraph;
  readonly calendar: WorkCalendar;
  readonly dates: ExpectedDates;
  readonly fulfil: Fulfilment;
  readonly spec: MrpSpec;
}

export function fulfilFor(ws: Workspace, spec: MrpSpec): FulfilContext {
  const { plan, pegs } = planFor(ws, spec);
  const calendar = calendarOf(ws);
  const dates = new ExpectedDates(plan, pegs, calendar);
  return { plan, pegs, calendar, dates, fulfil: new Fulfilment(plan, pegs, dates), spec };
}

export function orderInput(so: Workspace['data']['sales-orders'][number]): OrderInput {
  return { id: so.id, status: so.status, lines: so.lines };
}

/** Customer name in the workspace's language. */
export function customerNames(ws: Workspace, lang: Lang): (id: string) => string {
  const m = new Map(ws.data.customers.map((c) => [c.id, lang === 'en' && c.name_en ? c.name_en : c.name]));
  return (id) => m.get(id) ?? '';
}

/** Short label of a supply kind. */
export function supplyKindLabel(s: Supply, plan: Plan): string {
  switch (s.kind) {
    case 'onhand':
      return 'stock';
    case 'po':
      return 'PO';
    case 'wo':
      return 'WO';
    case 'firm':
      return 'firm WO';
    case 'planned':
      return `planned ${plan.orders.at(s.id - PLANNED_BASE).type}`;
  }
}
