/**
 * `mrp run --write`: the planned orders as production/planned-orders.csv, one
 * order per line, in canonical form (what `bizctl fmt` would write), sorted by
 * item, due date and id, so a re-plan shows in `git diff` as exactly the
 * orders that changed. CSV because a plan can hold hundreds of thousands of
 * orders: the workspace loader streams CSV, and the file stays a third of the
 * size of the same data in YAML.
 */
import { csvLine } from '../../io/csv.js';
import type { TopRefs } from '../../engines/mrp/pegging.js';
import { naturalCompare } from '../../util/natural.js';
import type { PlanContext } from './mrp.js';
import { FOR_CAP } from './mrp.js';

export const PLANNED_ORDERS_FILE = 'production/planned-orders.csv';
export const PLANNED_ORDERS_HEADER = ['id', 'item', 'type', 'qty', 'release', 'due', 'supplier', 'action', 'for'];

/** The file's lines (without newlines), in order. */
export function* plannedOrdersCsv(pc: PlanContext): Generator<string> {
  yield csvLine(PLANNED_ORDERS_HEADER);
  const forText = new Map<TopRefs, string>(); // top-level demand sets are interned: format each once
  // Items in natural order; an item's orders are stored by due date, then lot.
  for (const item of [...pc.plan.records.keys()].sort(naturalCompare)) {
    for (const o of pc.plan.orders.ofItem(item)) {
      const t = pc.pegs.topRefs(o.supply, FOR_CAP);
      let f = forText.get(t);
      if (f === undefined) {
        const refs = [...t.refs].sort(naturalCompare);
        if (t.more) refs.push('and more');
        forText.set(t, (f = refs.join(';')));
      }
      yield csvLine([o.id, o.item, o.type, o.qty.normalize().toString(), o.release, o.due, o.supplier ?? '', o.message ?? '', f]);
    }
  }
}
