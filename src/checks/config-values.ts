import { didYouMean } from '../util/suggest.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import { tableOf } from '../workspace/index.js';
import type { Check } from './check.js';
import { eachFailing, forColumns, forFields, label, where, type FieldSelector } from './walk.js';

const isCurrency: FieldSelector = (_spec, name) => name === 'currency';

/** Values whose allowed set lives in bizctl.yaml: deal stages, ticket priorities, currencies. */
export const configValues: Check = {
  name: 'config-values',
  run(ws, d) {
    const stages = ws.config.crm.stages.map((s) => s.id);
    const badStage = (v: string, at: () => { file: string; line: number; col: number }, what: () => string) => {
      const g = didYouMean(v, stages);
      d.push('bad-enum', at(), `stage "${v}" of ${what()} is not a stage in bizctl.yaml`, g ? `did you mean "${g}"?` : `use one of: ${stages.join(', ')} (or add it under crm.stages)`);
    };
    const deals = tableOf(ws, 'deals');
    const stage = deals.col('stage')!;
    eachFailing(deals, stage, false, (v) => stages.includes(v as string), (i, _l, v) => badStage(v as string, () => deals.src(i).at('stage'), () => deals.label(i)));
    for (const i of deals.keptIndexes()) {
      const deal = deals.kept(i)!;
      for (const h of (deal.history as AnyRecord[] | undefined) ?? []) if (!stages.includes(h.stage as string)) badStage(h.stage as string, () => h.src.at('stage'), () => deals.label(i));
    }
    const prios = [...ws.config.sla.priorities.keys()];
    const tickets = tableOf(ws, 'tickets');
    eachFailing(tickets, tickets.col('priority')!, false, (v) => prios.includes(v as string), (i, _l, v) => {
      const p = v as string;
      const g = didYouMean(p, prios);
      d.push('bad-enum', tickets.src(i).at('priority'), `priority "${p}" of ${tickets.label(i)} is not in sla.priorities`, g ? `did you mean "${g}"?` : `use one of: ${prios.join(', ')}`);
    });
    const badCurrency = (v: string, at: () => { file: string; line: number; col: number }, what: () => string) => {
      const g = didYouMean(v, ws.config.currencies.keys());
      d.push('bad-enum', at(), `currency "${v}" of ${what()} is not known`, g ? `did you mean "${g}"?` : `add it to currencies: in bizctl.yaml with its decimal places, e.g. ${v}: 2`);
    };
    forColumns(ws, isCurrency, (t, col, line) => {
      eachFailing(t, col, line, (v) => typeof v !== 'string' || ws.config.currencies.has(v), (i, l, v) => badCurrency(v as string, () => where(t, i, l).at('currency'), () => t.label(i)));
    });
    forFields(ws, isCurrency, (v) => {
      if (typeof v.value !== 'string' || ws.config.currencies.has(v.value)) return;
      const { holder, def, record } = v;
      badCurrency(v.value, () => holder.src.at('currency'), () => label(def, record));
    });
  },
};
