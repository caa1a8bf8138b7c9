/**
 * Sales-order lines against the plan: status, what covers each line (pegging),
 * when it is covered, whether it is late and why (docs/fulfilment.md).
 *
 *   open qty   qty − shipped (open and draft orders; 0 for closed and cancelled ones)
 *   covered    the latest plan date of the supplies pegged to the line: on hand = as-of,
 *              open orders max(due, as-of), planned orders their due date
 *   expected   the latest expected date of those supplies (expected.ts): late components
 *              below an order push it
 *   late       an open line with open qty whose due date is before as-of, or whose
 *              expected date is after its due date (a line MRP does not plan — an item
 *              outside inventory/items, a due date after the horizon — is late only once
 *              its due date has passed)
 *   cause      the late supplies of the line (expected after the line's due date), the one
 *              carrying most of the line first; each followed down its critical path to the
 *              deepest late cause
 */
import { Dec } from '../../domain/decimal.js';
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import { pos } from '../inventory/qty.js';
import { PegGraph, pegTree } from '../mrp/pegging.js';
import type { Demand, Plan, Supply, SupplyKind } from '../mrp/types.js';
import type { ExpectedDates, ExpectedWhy } from './expected.js';

export type LineStatus = 'draft' | 'open' | 'partly shipped' | 'shipped' | 'closed' | 'cancelled';
export type OrderStatus = 'draft' | 'open' | 'closed' | 'cancelled';

export interface OrderLineInput {
  readonly line: number;
  readonly item: string;
  readonly qty: Dec;
  readonly due: IsoDate;
  readonly shipped: Dec;
}

export interface OrderInput {
  readonly id: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLineInput[];
}

/** cancelled and draft follow the order; then shipped (all of it), closed (short-closed), partly shipped, open. */
export function lineStatus(order: OrderStatus, qty: Dec, shipped: Dec): LineStatus {
  if (order === 'cancelled') return 'cancelled';
  if (order === 'draft') return 'draft';
  if (shipped.gte(qty)) return 'shipped';
  if (order === 'closed') return 'closed';
  return shipped.sign() > 0 ? 'partly shipped' : 'open';
}

/** A supply pegged to the line, with the quantity that serves it. */
export interface PeggedSupply {
  readonly supply: Supply;
  readonly qty: Dec;
  readonly planDate: IsoDate;
  /** null: on hand. */
  readonly expected: IsoDate | null;
}

/** One order on a critical path. */
export interface CauseLink {
  readonly ref: string;
  readonly kind: SupplyKind;
  readonly item: string;
  /** The order's quantity (open quantity of an open order). */
  readonly qty: Dec;
  readonly due: IsoDate | null;
  /** Start of a work order, release of a planned order. */
  readonly release: IsoDate | null;
  readonly expected: IsoDate | null;
  readonly why: ExpectedWhy;
}

export interface CauseChain {
  /** Quantity of the line this supply carries. */
  readonly qty: Dec;
  /** The late supply pegged to the line, then its blocker, … down to the deepest late cause. */
  readonly links: readonly CauseLink[];
}

export interface LateCause {
  /** supply: late supplies; in-stock: all of it is in stock, only the shipment is missing; not-planned: nothing covers it. */
  readonly kind: 'supply' | 'in-stock' | 'not-planned';
  readonly chains: readonly CauseChain[];
  /** Late supplies of the line not told in the sentence. */
  readonly more: number;
  readonly sentence: string;
}

export interface LineTrace {
  readonly order: string;
  readonly line: number;
  readonly item: string;
  readonly due: IsoDate;
  readonly ordered: Dec;
  readonly shipped: Dec;
  readonly open: Dec;
  readonly status: LineStatus;
  /** Stock on hand pegged to the line. */
  readonly allocated: Dec;
  readonly supplies: readonly PeggedSupply[];
  /** Open quantity no supply of the plan covers, and why. */
  readonly unplanned: Dec;
  readonly unplannedWhy: 'beyond-horizon' | 'not-planned' | null;
  /** When the plan covers all of it (null when some is not planned). */
  readonly covered: IsoDate | null;
  /** When it can all be there, late components included (null when some is not planned). */
  readonly expected: IsoDate | null;
  readonly late: boolean;
  /** as-of − due when the due date has passed with quantity open, else 0. */
  readonly overdueDays: number;
  /** expected − due when late and expected is known (calendar days). */
  readonly daysLate: number | null;
  readonly cause: LateCause | null;
}

/** One supply row of the trace tree. */
export interface TraceNode {
  /** 1 = the line's item, 2 = its components, … */
  readonly level: number;
  readonly supply: Supply;
  /** Share serving this line. */
  readonly qty: Dec;
  readonly planDate: IsoDate;
  readonly expected: IsoDate | null;
  readonly why: ExpectedWhy;
  /** as-of − due for an open order past its due date, release / start for a planned one, else 0. */
  readonly overdueDays: number;
  /** expected − due when positive. */
  readonly lateDays: number;
}

/** How many late supplies of a line the sentence follows (the rest are counted). */
export const MAX_CHAINS = 3;

export class Fulfilment {
  private readonly byRef = new Map<string, Demand[]>();

  constructor(
    readonly plan: Plan,
    readonly pegs: PegGraph,
    readonly dates: ExpectedDates,
  ) {
    for (const d of plan.demands) {
      if (d.kind !== 'sales') continue;
      let l = this.byRef.get(d.ref);
      if (!l) this.byRef.set(d.ref, (l = []));
      l.push(d);
    }
  }

  get asOf(): IsoDate {
    return this.plan.asOf;
  }

  /** The plan's demands of a sales-order line (several when its item is a phantom). */
  demandsOf(order: string, line: number): readonly Demand[] {
    return this.byRef.get(`${order}/${line}`) ?? [];
  }

  trace(order: OrderInput, l: OrderLineInput): LineTrace {
    const asOf = this.asOf;
    const status = lineStatus(order.status, l.qty, l.shipped);
    const open = order.status === 'open' || order.status === 'draft' ? pos(l.qty.sub(l.shipped)) : Dec.ZERO;
    const base = { order: order.id, line: l.line, item: l.item, due: l.due, ordered: l.qty, shipped: l.shipped, open, status };
    const idle = { ...base, allocated: Dec.ZERO, supplies: [], unplanned: Dec.ZERO, unplannedWhy: null, covered: null, expected: null, late: false, overdueDays: 0, daysLate: null, cause: null };
    if (order.status !== 'open' || open.sign() <= 0) return idle;

    const roots = this.demandsOf(order.id, l.line);
    const supplies: PeggedSupply[] = [];
    let allocated = Dec.ZERO;
    let unplanned = Dec.ZERO;
    for (const d of roots) {
      let pegged = Dec.ZERO;
      for (const { supply, qty } of this.pegs.suppliesOf(d.id)) {
        pegged = pegged.add(qty);
        if (supply.kind === 'onhand') allocated = allocated.add(qty);
        supplies.push({ supply, qty, planDate: this.dates.planDate(supply), expected: this.dates.of(supply).date });
      }
      if (!d.via) unplanned = unplanned.add(pos(d.qty.sub(pegged)));
    }
    let unplannedWhy: LineTrace['unplannedWhy'] = null;
    if (!roots.length) {
      unplanned = open;
      const last = this.plan.buckets[this.plan.buckets.length - 1]!.end;
      unplannedWhy = l.due > last ? 'beyond-horizon' : 'not-planned';
    } else if (unplanned.sign() > 0) unplannedWhy = 'not-planned';

    const overdueDays = l.due < asOf ? diffDays(asOf, l.due) : 0;
    let covered: IsoDate | null = null;
    let expected: IsoDate | null = null;
    if (unplanned.sign() === 0) {
      covered = expected = asOf;
      for (const s of supplies) {
        if (s.planDate > covered) covered = s.planDate;
        const e = s.expected ?? asOf;
        if (e > expected) expected = e;
      }
    }
    const late = overdueDays > 0 || (expected !== null && expected > l.due);
    const daysLate = late && expected !== null ? diffDays(expected, l.due) : null;
    const t: Omit<LineTrace, 'cause'> = { ...base, allocated, supplies, unplanned, unplannedWhy, covered, expected, late, overdueDays, daysLate };
    return { ...t, cause: late ? this.cause(t) : null };
  }

  private cause(t: Omit<LineTrace, 'cause'>): LateCause {
    const head = lineHead(t, this.asOf);
    if (t.unplannedWhy === 'not-planned') {
      const sentence = `${head}: nothing is planned for ${t.unplanned.normalize().toString()} of it (MRP plans only items of inventory/items).`;
      return { kind: 'not-planned', chains: [], more: 0, sentence };
    }
    // Late supplies: expected after the line's due date. The one carrying most of the line first.
    const lateOnes = t.supplies
      .filter((s) => s.expected !== null && s.expected > t.due)
      .sort((a, b) => b.qty.cmp(a.qty) || cmpDesc(a.expected!, b.expected!) || rank(a.supply) - rank(b.supply) || naturalCompare(a.supply.ref, b.supply.ref));
    if (!lateOnes.length) {
      const sentence = `${head}: all of it is in stock (${t.allocated.normalize().toString()} allocated), only the shipment is missing.`;
      return { kind: 'in-stock', chains: [], more: 0, sentence };
    }
    const chains: CauseChain[] = lateOnes.slice(0, MAX_CHAINS).map((s) => ({ qty: s.qty, links: this.dates.path(s.supply).map((x) => this.link(x)) }));
    const more = lateOnes.length - chains.length;
    const parts = chains.map((c, i) => (i === 0 ? chainText(c.links, this.asOf) : `${c.qty.normalize().toString()} more on ${chainText(c.links, this.asOf, true)}`));
    const tail = more > 0 ? `; and ${more} more late order${more === 1 ? '' : 's'}` : '';
    return { kind: 'supply', chains, more, sentence: `${head}: ${parts.join('; ')}${tail}.` };
  }

  private link(s: Supply): CauseLink {
    const e = this.dates.of(s);
    return { ref: s.ref, kind: s.kind, item: s.item, qty: s.qty, due: s.due, release: s.release, expected: e.date, why: e.why };
  }

  /** The supplies below a line, level by level (orders only below the first level: components from stock are left out). */
  tree(order: string, line: number): TraceNode[] {
    const out: TraceNode[] = [];
    for (const root of this.demandsOf(order, line)) {
      for (const n of pegTree(this.pegs, root)) {
        if (!n.supply) continue;
        const level = (n.depth + 1) / 2;
        if (n.supply.kind === 'onhand' && level > 1) continue;
        const e = this.dates.of(n.supply);
        out.push({ level, supply: n.supply, qty: n.qty, planDate: this.dates.planDate(n.supply), expected: e.date, why: e.why, overdueDays: overdueDays(n.supply, this.asOf), lateDays: e.date !== null && n.supply.due !== null && e.date > n.supply.due ? diffDays(e.date, n.supply.due) : 0 });
      }
    }
    return out;
  }
}

/** Days an order is behind as of today: open orders past their due date, planned orders past their release (start) date. */
export function overdueDays(s: Supply, asOf: IsoDate): number {
  if (s.kind === 'onhand') return 0;
  const d = s.kind === 'planned' || s.kind === 'firm' ? s.release : s.due;
  return d !== null && d < asOf ? diffDays(asOf, d) : 0;
}

const rank = (s: Supply) => (s.kind === 'planned' ? 1 : 0);
const cmpDesc = (a: string, b: string) => (a > b ? -1 : a < b ? 1 : 0);

/** MM-DD in the as-of year, else the full date. */
export function shortDate(d: IsoDate, asOf: IsoDate): string {
  return d.slice(0, 4) === asOf.slice(0, 4) ? d.slice(5) : d;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function lineHead(t: Omit<LineTrace, 'cause'>, asOf: IsoDate): string {
  let h = `${t.open.normalize().toString()} × ${t.item} due ${shortDate(t.due, asOf)}`;
  if (t.overdueDays > 0) h += `, ${days(t.overdueDays)} overdue`;
  if (t.expected !== null && t.expected > t.due) h += `, expected ${shortDate(t.expected, asOf)}`;
  return h;
}

/** The order as named in a sentence: PO-2026-0188 (the line number is left out: the item is named), planned order PL-…. */
function linkName(l: CauseLink): string {
  switch (l.kind) {
    case 'po':
      return l.ref.replace(/\/\d+$/, '');
    case 'wo':
    case 'onhand':
      return l.ref;
    case 'firm':
      return `firm planned ${l.ref}`;
    case 'planned':
      return `planned order ${l.ref}`;
  }
}

/** What is wrong with the deepest order of a chain, on its own. */
function ownText(l: CauseLink, asOf: IsoDate): string {
  const due = l.due ? shortDate(l.due, asOf) : '';
  const behind = l.due && l.due < asOf ? diffDays(asOf, l.due) : 0;
  switch (l.kind) {
    case 'po':
      return behind > 0 ? `due ${due}, supplier ${days(behind)} late` : `due ${due}`;
    case 'wo':
      return behind > 0 ? `due ${due}, production ${days(behind)} late` : `due ${due}`;
    case 'firm':
    case 'planned':
      if (l.why === 'not-released') {
        const what = l.kind === 'firm' ? 'start' : 'release';
        return `not released (${what} was due ${shortDate(l.release!, asOf)}; released today it arrives ${shortDate(l.expected!, asOf)})`;
      }
      return `release ${l.release ? shortDate(l.release, asOf) : ''}, due ${due}`;
    case 'onhand':
      return '';
  }
}

/**
 * "WO-0042 waits for 28 × FRAME-LIFT from WO-0043, which waits for 200 × LIFT-COL from PO-2026-0188, due 11-06, supplier 10 days late".
 * With `relative`, the first link is followed by ", which waits for" (the chain continues a clause: "8 more on X, which waits for …").
 */
export function chainText(links: readonly CauseLink[], asOf: IsoDate, relative = false): string {
  let s = linkName(links[0]!);
  for (let i = 1; i < links.length; i++) {
    const l = links[i]!;
    s += `${i === 1 && !relative ? ' waits for' : ', which waits for'} ${l.qty.normalize().toString()} × ${l.item} from ${linkName(l)}`;
  }
  const own = ownText(links[links.length - 1]!, asOf);
  return own ? `${s}, ${own}` : s;
}
