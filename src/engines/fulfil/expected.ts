/**
 * Expected dates: when each supply of a plan can really be there, given what
 * is late below it. MRP nets receipts where they are scheduled and takes
 * planned orders at face value; an order trace must instead say when goods
 * can arrive. Bottom-up through the pegs (docs/fulfilment.md):
 *
 *   on hand                      available now (no date)
 *   open purchase-order line     max(due, as-of): an overdue line is expected today at the earliest
 *   released / in-progress WO    due, unless a component supply pegged to it is expected after its
 *                                start: then that date + the item's lead time (working days)
 *   firm planned WO, planned     the same, and not before release today when its start / release
 *   order                        date has passed: as-of + lead time
 *   always                       expected ≥ max(due, as-of)
 *
 * The component supply with the latest expected date that pushed an order is
 * its **blocker**; following blockers down gives the critical path, whose end
 * is the deepest cause of lateness. Ties: open orders before planned orders,
 * then the smaller reference (natural order).
 */
import type { WorkCalendar } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { PegGraph } from '../mrp/pegging.js';
import type { Plan, Supply } from '../mrp/types.js';

export type ExpectedWhy =
  /** stock on hand */
  | 'on-hand'
  /** expected on its due date */
  | 'on-time'
  /** an open order past its due date, nothing below holds it up */
  | 'overdue'
  /** a planned (or firm planned) order whose release / start date has passed */
  | 'not-released'
  /** a component supply arrives after its start */
  | 'components';

export interface Expected {
  /** null: stock on hand, available now. */
  readonly date: IsoDate | null;
  readonly why: ExpectedWhy;
  /** The component supply that pushed it (why = components). */
  readonly blocker: Supply | null;
}

const max = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

export class ExpectedDates {
  private readonly memo = new Map<number, Expected>();
  private readonly busy = new Set<number>();

  constructor(
    readonly plan: Plan,
    readonly pegs: PegGraph,
    readonly calendar: WorkCalendar,
  ) {}

  get asOf(): IsoDate {
    return this.plan.asOf;
  }

  /** The date the plan itself puts a supply on: on hand as-of, open orders max(due, as-of), planned orders their due date. */
  planDate(s: Supply): IsoDate {
    if (s.kind === 'onhand' || s.due === null) return this.asOf;
    return max(s.due, this.asOf);
  }

  /** The expected date, or the as-of date for stock on hand. */
  dateOf(s: Supply): IsoDate {
    return this.of(s).date ?? this.asOf;
  }

  of(s: Supply): Expected {
    const hit = this.memo.get(s.id);
    if (hit) return hit;
    if (this.busy.has(s.id)) return { date: s.due === null ? null : max(s.due, this.asOf), why: 'on-time', blocker: null }; // a cycle cannot happen in a valid plan
    this.busy.add(s.id);
    const e = this.compute(s);
    this.busy.delete(s.id);
    this.memo.set(s.id, e);
    return e;
  }

  private compute(s: Supply): Expected {
    const asOf = this.asOf;
    switch (s.kind) {
      case 'onhand':
        return { date: null, why: 'on-hand', blocker: null };
      case 'po':
        return { date: max(s.due!, asOf), why: s.due! < asOf ? 'overdue' : 'on-time', blocker: null };
      case 'wo':
      case 'firm':
      case 'planned': {
        const due = s.due!;
        const start = s.release ?? due;
        const released = s.kind === 'wo';
        const lt = this.plan.records.get(s.item)?.leadTime ?? 0;
        let ready: IsoDate | null = null;
        let blocker: Supply | null = null;
        for (const d of this.pegs.childrenOf(s.id)) {
          for (const { supply: c } of this.pegs.suppliesOf(d.id)) {
            const e = this.of(c).date;
            if (e === null) continue;
            if (ready === null || e > ready || (e === ready && better(c, blocker!))) {
              ready = e;
              blocker = c;
            }
          }
        }
        // The earliest it can start: a released order started on its start date; one not released yet not before today.
        const earliest = released ? start : max(start, asOf);
        let startAt: IsoDate | null = null;
        let why: ExpectedWhy;
        if (ready !== null && ready > earliest) {
          startAt = ready;
          why = 'components';
        } else {
          blocker = null;
          if (!released && start < asOf) {
            startAt = asOf;
            why = 'not-released';
          } else why = due < asOf ? 'overdue' : 'on-time';
        }
        let date = max(due, asOf);
        if (startAt !== null) date = max(date, max(startAt, this.calendar.addWorkdays(startAt, lt)));
        return { date, why, blocker };
      }
      default: {
        const never: never = s.kind;
        throw new Error(`unknown supply kind ${String(never)}`);
      }
    }
  }

  /** The critical path below a supply: it, its blocker, the blocker's blocker… */
  path(s: Supply): Supply[] {
    const out: Supply[] = [s];
    const seen = new Set<number>([s.id]);
    for (let b = this.of(s).blocker; b && !seen.has(b.id); b = this.of(b).blocker) {
      out.push(b);
      seen.add(b.id);
    }
    return out;
  }
}

/** Tie-break between two supplies with the same expected date: open orders first, then the smaller reference. */
function better(a: Supply, b: Supply): boolean {
  const ra = a.kind === 'planned' ? 1 : 0;
  const rb = b.kind === 'planned' ? 1 : 0;
  if (ra !== rb) return ra < rb;
  return naturalCompare(a.ref, b.ref) < 0;
}
