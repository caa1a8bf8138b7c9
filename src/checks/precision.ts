import type { Dec } from '../domain/decimal.js';
import type { Amount } from '../schema/fields.js';
import type { Check } from './check.js';
import { forFields, label, type FieldSelector } from './walk.js';

const isMoney: FieldSelector = (spec) => spec.kind === 'money' || spec.kind === 'amount';

/** Money fields may not have more decimals than their currency's minor unit (CNY: 2). */
export const precision: Check = {
  name: 'precision',
  run(ws, d) {
    const base = ws.config.base_currency;
    forFields(ws, isMoney, (v) => {
      if (v.spec.kind === 'money') {
        const cur = (v.holder.currency as string | undefined) ?? (v.record.currency as string | undefined) ?? base;
        const unit = ws.config.currencies.get(cur);
        const x = v.value as Dec;
        if (unit !== undefined && x.normalize().s > unit) {
          d.push('too-precise', v.holder.src.at(v.field), `${v.field} ${x.toString()} of ${label(v.def, v.record)} has more than ${unit} decimal${unit === 1 ? '' : 's'} for ${cur}`, `round it to ${x.toFixed(unit)} or check the value`);
        }
      } else if (v.spec.kind === 'amount' && v.entity === 'journal') {
        const a = v.value as Amount;
        const cur = a.commodity ?? base;
        const unit = ws.config.currencies.get(cur);
        if (unit !== undefined && a.qty.normalize().s > unit) {
          d.push('too-precise', v.holder.src.at(v.field), `${v.field} ${a.qty.toString()} ${cur} of ${label(v.def, v.record)} has more than ${unit} decimal${unit === 1 ? '' : 's'}`, `round it to ${a.qty.toFixed(unit)}`);
        }
      }
    });
  },
};
