import type { Dec } from '../domain/decimal.js';
import type { Amount } from '../schema/fields.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/** Every journal entry sums to zero per commodity (one posting may leave its amount empty to take the rest). */
export const journalBalance: Check = {
  name: 'journal-balance',
  run(ws, d) {
    const base = ws.config.base_currency;
    for (const e of ws.data.journal as unknown as AnyRecord[]) {
      const postings = e.postings as AnyRecord[];
      const sums = new Map<string, Dec>();
      const empty: AnyRecord[] = [];
      for (const p of postings) {
        const a = (p.cost ?? p.amount) as Amount | undefined;
        if (!a) {
          empty.push(p);
          continue;
        }
        const c = a.commodity ?? base;
        const prev = sums.get(c);
        sums.set(c, prev ? prev.add(a.qty) : a.qty);
      }
      if (empty.length > 1) {
        d.push('unbalanced-entry', empty[1]!.src.at('account'), `journal entry ${e.id as string} has ${empty.length} postings without an amount`, 'at most one posting may leave its amount empty; give the others an amount');
        continue;
      }
      if (empty.length === 1) continue;
      const off = [...sums].filter(([, v]) => !v.isZero());
      if (off.length === 0) continue;
      if (postings.length < 2) {
        d.push('unbalanced-entry', e.src.at('id'), `journal entry ${e.id as string} has only ${postings.length} posting`, 'an entry needs at least two postings that sum to zero');
        continue;
      }
      const diff = off.map(([c, v]) => `${v.toString()} ${c}`).join(', ');
      d.push('unbalanced-entry', e.src.at('id'), `journal entry ${e.id as string} does not balance: postings sum to ${diff}`, `add a posting of ${off.map(([c, v]) => `${v.neg().toString()} ${c}`).join(', ')}, or fix an amount; for a currency exchange give the posting a cost`);
    }
  },
};
