/**
 * `mrp run --write`: the planned orders as production/planned-orders.yaml, in
 * canonical form (what `bizctl fmt` would write), sorted by item, due date and
 * id, so a re-plan shows in `git diff` as just the orders that changed.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { YAML_OUTPUT } from '../../fmt/yaml.js';
import { naturalCompare } from '../../util/natural.js';
import type { PlanContext } from './mrp.js';
import { FOR_CAP } from './mrp.js';

export const PLANNED_ORDERS_FILE = 'production/planned-orders.yaml';

export function plannedOrdersYaml(pc: PlanContext, horizon: string): string {
  // Items in natural order; an item's orders are stored by due date, then lot.
  const orders = [...pc.plan.records.keys()].sort(naturalCompare).flatMap((item) => pc.plan.orders.ofItem(item));
  const records = orders.map((o) => {
    const t = pc.pegs.topRefs(o.supply, FOR_CAP);
    const refs = [...t.refs].sort(naturalCompare);
    return {
      id: o.id,
      item: o.item,
      type: o.type,
      qty: o.qty.normalize().toString(),
      release: o.release,
      due: o.due,
      ...(o.supplier ? { supplier: o.supplier } : {}),
      ...(o.message ? { action: o.message } : {}),
      ...(refs.length ? { for: t.more ? [...refs, 'and more'] : refs } : {}),
    };
  });
  const doc = new Document(records, { schema: 'failsafe' });
  if (isSeq(doc.contents)) {
    for (const it of doc.contents.items) {
      if (!isMap(it)) continue;
      const f = (it as YAMLMap).get('for', true);
      if (isSeq(f)) f.flow = true;
    }
  }
  const b = pc.plan.buckets;
  const header = [
    `# Planned orders from \`bizctl mrp run --write\` as of ${pc.plan.asOf} (${pc.plan.bucketKind} buckets to ${b[b.length - 1]!.end}, horizon ${horizon}${pc.spec.ww ? ', Wagner–Whitin' : ''}).`,
    '# Generated: every run rewrites this file. Create purchase or work orders to act on them.',
  ].join('\n');
  return `${header}\n\n${records.length ? doc.toString(YAML_OUTPUT) : '[]\n'}`;
}
