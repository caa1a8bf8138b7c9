import { didYouMean } from '../util/suggest.js';
import type { Check } from './check.js';
import { forFields, label, type FieldSelector } from './walk.js';

const isCurrency: FieldSelector = (_spec, name) => name === 'currency';
import { ENTITIES } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from '../workspace/parse-entity.js';

/** Values whose allowed set lives in bizctl.yaml: deal stages, ticket priorities, currencies. */
export const configValues: Check = {
  name: 'config-values',
  run(ws, d) {
    const stages = ws.config.crm.stages.map((s) => s.id);
    const deals = ENTITIES.deals as unknown as EntityDef;
    for (const deal of ws.data.deals as unknown as AnyRecord[]) {
      const check = (holder: AnyRecord, field: string, v: string) => {
        if (stages.includes(v)) return;
        const g = didYouMean(v, stages);
        d.push('bad-enum', holder.src.at(field), `stage "${v}" of ${label(deals, deal)} is not a stage in bizctl.yaml`, g ? `did you mean "${g}"?` : `use one of: ${stages.join(', ')} (or add it under crm.stages)`);
      };
      check(deal, 'stage', deal.stage as string);
      for (const h of (deal.history as AnyRecord[] | undefined) ?? []) check(h, 'stage', h.stage as string);
    }
    const prios = [...ws.config.sla.priorities.keys()];
    const tickets = ENTITIES.tickets as unknown as EntityDef;
    for (const t of ws.data.tickets as unknown as AnyRecord[]) {
      const p = t.priority as string;
      if (prios.includes(p)) continue;
      const g = didYouMean(p, prios);
      d.push('bad-enum', t.src.at('priority'), `priority "${p}" of ${label(tickets, t)} is not in sla.priorities`, g ? `did you mean "${g}"?` : `use one of: ${prios.join(', ')}`);
    }
    forFields(ws, isCurrency, (v) => {
      if (typeof v.value !== 'string' || ws.config.currencies.has(v.value)) return;
      const g = didYouMean(v.value, ws.config.currencies.keys());
      d.push('bad-enum', v.holder.src.at('currency'), `currency "${v.value}" of ${label(v.def, v.record)} is not known`, g ? `did you mean "${g}"?` : `add it to currencies: in bizctl.yaml with its decimal places, e.g. ${v.value}: 2`);
    });
  },
};
