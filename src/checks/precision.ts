import type { Dec } from '../domain/decimal.js';
import type { Amount } from '../schema/fields.js';
import { ENTITIES } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { Diagnostics } from '../diagnostics/types.js';
import { BALANCE, COST, NO_AMOUNT } from '../workspace/journal-store.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Check } from './check.js';
import { forColumns, forFields, forRows, label, where, type FieldSelector } from './walk.js';

const isMoney: FieldSelector = (spec) => spec.kind === 'money' || spec.kind === 'amount';

/** Money fields may not have more decimals than their currency's minor unit (CNY: 2). */
export const precision: Check = {
  name: 'precision',
  run(ws, d) {
    const base = ws.config.base_currency;
    const tooPrecise = (x: Dec, cur: string, field: string, at: () => { file: string; line: number; col: number }, what: () => string) => {
      const unit = ws.config.currencies.get(cur);
      if (unit === undefined || x.normalize().s <= unit) return;
      d.push('too-precise', at(), `${field} ${x.toString()} of ${what()} has more than ${unit} decimal${unit === 1 ? '' : 's'} for ${cur}`, `round it to ${x.toFixed(unit)} or check the value`);
    };
    // Columns: only values with more decimals than their currency's minor unit are looked at closely.
    const baseUnit = ws.config.currencies.get(base);
    forColumns(ws, isMoney, (t, col, line) => {
      if (col.kind !== 'dec' || col.spec.kind !== 'money') return;
      const own = line ? t.lineCol('currency') : undefined;
      const rec = t.col('currency');
      const scale = col.scale;
      forRows(t, col, line, (i, at) => {
        const s = at < scale.length ? scale[at]! : -1;
        if (s < 0) return;
        const cur = (own?.get(at) as string | undefined) ?? (rec?.get(i) as string | undefined);
        const unit = cur === undefined ? baseUnit : ws.config.currencies.get(cur);
        if (unit === undefined || s <= unit) return;
        tooPrecise(col.get(at)!, cur ?? base, col.name, () => where(t, i, line ? at : -1).at(col.name), () => t.label(i));
      });
    });
    forFields(ws, isMoney, (v) => {
      if (v.spec.kind !== 'money') return;
      const cur = (v.holder.currency as string | undefined) ?? (v.record.currency as string | undefined) ?? base;
      const { holder, field, def, record } = v;
      tooPrecise(v.value as Dec, cur, field, () => holder.src.at(field), () => label(def, record));
    });
    journalPrecision(ws, d);
  },
};

/** Journal amounts, costs and balance assertions, from the columns: only amounts with more decimals than their currency's are looked at closely. */
function journalPrecision(ws: Workspace, d: Diagnostics): void {
  const j = ws.journal;
  const base = ws.config.base_currency;
  const def = ENTITIES.journal as unknown as EntityDef;
  const unitOf = (c: string) => ws.config.currencies.get(c);
  const units = j.commodities.map(unitOf);
  const check = (e: number, p: number, field: string, a: Amount) => {
    const cur = a.commodity ?? base;
    const unit = unitOf(cur);
    if (unit !== undefined && a.qty.normalize().s > unit) {
      d.push('too-precise', j.postingSrc(e, p).at(field), `${field} ${a.qty.toString()} ${cur} of ${label(def, { id: j.ids[e] } as unknown as AnyRecord)} has more than ${unit} decimal${unit === 1 ? '' : 's'}`, `round it to ${a.qty.toFixed(unit)}`);
    }
  };
  const { flags, scale, commodity, postStart } = j;
  for (let e = 0; e < j.size; e++) {
    for (let p = postStart[e]!; p < postStart[e + 1]!; p++) {
      const f = flags[p]!;
      if (!(f & NO_AMOUNT)) {
        const unit = units[commodity[p]!];
        if (unit !== undefined && scale[p]! > unit) check(e, p, 'amount', j.amount(p)!);
      }
      if (f & COST) check(e, p, 'cost', j.costs.get(p)!);
      if (f & BALANCE) check(e, p, 'balance', j.balances.get(p)!);
    }
  }
}
