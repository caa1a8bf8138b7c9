import { compileRules } from '../engines/payroll/rules.js';
import { didYouMean } from '../util/suggest.js';
import { minorUnit } from '../workspace/config.js';
import type { Check } from './check.js';

/**
 * hr/payroll.yaml compiles (every formula parses, names resolve, types fit,
 * tables are progressive), and the HR data agrees with it: employees' commission
 * plans exist, their special additional deductions are declared names within
 * their caps, pay items are read by some formula, opening balances are sane.
 */
export const payroll: Check = {
  name: 'payroll',
  run(ws, d) {
    const rec = ws.data['payroll-rules'][0];
    for (const o of ws.data['payroll-ytd']) {
      if (o.through.slice(0, 4) !== String(o.year)) d.push('bad-value', o.src.at('through'), `through ${o.through} of the opening balance of ${o.employee} is not in its year ${o.year}`, `write a month of ${o.year}, e.g. ${o.year}-06`);
      else if (o.months > Number(o.through.slice(5, 7))) d.push('bad-value', o.src.at('months'), `months ${o.months} of the opening balance of ${o.employee} is more than the months up to ${o.through}`, 'months counts the months of the year already paid');
    }
    if (!rec) return;
    const rules = compileRules(rec, { minor: minorUnit(ws.config, ws.config.base_currency), rounding: ws.config.rounding, sourceOf: (f) => ws.sources.get(f) }, d);
    if (!rules) return;
    const plans = new Set<string>();
    const inputs = new Set<string>();
    for (const v of rules.versions) {
      for (const p of v.plans.keys()) plans.add(p);
      for (const c of v.inputCodes) inputs.add(c);
    }
    const last = rules.versions[rules.versions.length - 1];
    const declared = last?.additional ?? null;
    for (const e of ws.data.employees) {
      if (e.commission_plan && !plans.has(e.commission_plan)) {
        const g = didYouMean(e.commission_plan, plans);
        d.push('unknown-ref', e.src.at('commission_plan'), `commission_plan of employee ${e.id} refers to unknown plan "${e.commission_plan}"`, g ? `did you mean "${g}"?` : plans.size ? `plans in hr/payroll.yaml: ${[...plans].join(', ')}` : 'add it under commission_plans: in hr/payroll.yaml');
      }
      if (!declared || !e.deductions) continue;
      for (const [k, amount] of Object.entries(e.deductions)) {
        const def = declared.find((a) => a.name === k);
        if (!def) {
          const g = didYouMean(k, declared.map((a) => a.name));
          d.push('bad-enum', e.src.at('deductions'), `deductions of employee ${e.id} has "${k}", which hr/payroll.yaml does not declare`, g ? `did you mean "${g}"?` : `declared: ${declared.map((a) => a.name).join(', ')}`);
        } else if (amount.sign() < 0 || (def.max && amount.gt(def.max))) {
          d.push('bad-value', e.src.at('deductions'), `deductions.${k} of employee ${e.id} is ${amount.toString()}, ${amount.sign() < 0 ? 'below 0' : `above the cap of ${def.max!.toString()} a month`}`, def.max ? `at most ${def.max.toString()} (hr/payroll.yaml:${def.loc.line})` : 'use a positive amount');
        }
      }
    }
    for (const it of ws.data['pay-items']) {
      if (inputs.has(it.code)) continue;
      const g = didYouMean(it.code, inputs);
      d.push('bad-enum', it.src.at('code'), `pay item code "${it.code}" is read by no formula of hr/payroll.yaml, so it would be ignored`, g ? `did you mean "${g}"?` : inputs.size ? `formulas read: ${[...inputs].join(', ')}` : 'read it in a formula as input.' + it.code);
    }
  },
};
