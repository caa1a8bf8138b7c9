import type { Dec } from '../domain/decimal.js';
import type { Amount } from '../schema/fields.js';
import type { Diagnostics, SourceLoc } from '../diagnostics/types.js';
import { COST } from '../workspace/journal-store.js';
import type { Check } from './check.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** Every journal entry sums to zero per commodity (one posting may leave its amount empty to take the rest). */
export const journalBalance: Check = {
  name: 'journal-balance',
  run(ws, d) {
    const base = ws.config.base_currency;
    const j = ws.journal;
    const { postStart, flags, commodity, scale, mant } = j;
    for (let e = 0; e < j.size; e++) {
      // The common case, on the columns: one commodity, one scale, safe mantissas, no cost, nothing elided, sum zero.
      const p0 = postStart[e]!;
      const p1 = postStart[e + 1]!;
      let plain = true;
      let sum = 0;
      for (let p = p0; p < p1; p++) {
        if (flags[p] !== 0 || commodity[p] !== commodity[p0] || scale[p] !== scale[p0]) {
          plain = false;
          break;
        }
        sum += mant[p]!;
        if (sum > MAX || sum < -MAX) {
          plain = false;
          break;
        }
      }
      if (plain && sum === 0) continue;
      const postings = [];
      for (let p = p0; p < p1; p++) postings.push({ amount: j.amount(p), cost: flags[p]! & COST ? j.costs.get(p) : undefined, at: (f: string) => j.postingSrc(e, p).at(f) });
      checkEntry(d, j.ids[e]!, () => j.entrySrc(e).at('id'), postings, base);
    }
  },
};

interface PostingAmounts {
  readonly amount: Amount | undefined;
  readonly cost: Amount | undefined;
  at(field: string): SourceLoc;
}

/** The rule itself, on one entry's amounts (those that are not plain on the columns). */
function checkEntry(d: Diagnostics, id: string, at: () => SourceLoc, postings: readonly PostingAmounts[], base: string): void {
  const sums = new Map<string, Dec>();
  const empty: PostingAmounts[] = [];
  for (const p of postings) {
    const a = p.cost ?? p.amount;
    if (!a) {
      empty.push(p);
      continue;
    }
    const c = a.commodity ?? base;
    const prev = sums.get(c);
    sums.set(c, prev ? prev.add(a.qty) : a.qty);
  }
  if (empty.length > 1) {
    d.push('unbalanced-entry', empty[1]!.at('account'), `journal entry ${id} has ${empty.length} postings without an amount`, 'at most one posting may leave its amount empty; give the others an amount');
    return;
  }
  if (empty.length === 1) return;
  const off = [...sums].filter(([, v]) => !v.isZero());
  if (off.length === 0) return;
  if (postings.length < 2) {
    d.push('unbalanced-entry', at(), `journal entry ${id} has only ${postings.length} posting`, 'an entry needs at least two postings that sum to zero');
    return;
  }
  const diff = off.map(([c, v]) => `${v.toString()} ${c}`).join(', ');
  d.push('unbalanced-entry', at(), `journal entry ${id} does not balance: postings sum to ${diff}`, `add a posting of ${off.map(([c, v]) => `${v.neg().toString()} ${c}`).join(', ')}, or fix an amount; for a currency exchange give the posting a cost`);
}
