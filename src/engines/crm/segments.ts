/**
 * Customer segmentation (pure): RFM scores, ABC classes and the win-back (dormant) list,
 * all from per-customer purchase totals (see purchases.ts).
 *
 * RFM, on an explicit analysis date (the as-of date), over customers with at least one purchase:
 * - recency R: days from the last purchase to the analysis date; frequency F: number of
 *   purchases; monetary M: Σ purchase values.
 * - Quintile cut points, nearest rank: sort the n values ascending; cut k (k = 1..4) is the
 *   value at rank ⌈k·n/5⌉. score(v) = 1 + number of cuts c with v > c. A score is a function
 *   of the value alone, so equal values (ties) always get the same score.
 * - F and M use that score (5 = most purchases / most money). R is reversed: R = 6 − score(days),
 *   so 5 = the most recent buyers.
 * - RFM score = R × 100 + F × 10 + M (e.g. 545).
 * - Segment from R and F (M ranks within a segment):
 *
 *       R\F   1            2                  3                  4            5
 *       5     new          potential loyalist potential loyalist champions   champions
 *       4     promising    potential loyalist potential loyalist loyal        loyal
 *       3     about to sleep about to sleep   need attention     loyal        loyal
 *       2     hibernating  hibernating        at risk            at risk      can't lose
 *       1     lost         hibernating        at risk            at risk      can't lose
 *
 * ABC by revenue: customers sorted by revenue, highest first (ties by customer id); share =
 * revenue / total; cumulative share includes the customer itself. A customer is A when the
 * cumulative share *before* it is below 80% — so the customer whose cumulative share first
 * reaches or passes 80% (the one that crosses the cut) is A; B when the share before it is
 * below 95% (the one crossing 95% is B); C otherwise. Customers with revenue ≤ 0 are C.
 *
 * Win-back: customers who bought before but not within N days: days since the last purchase ≥ N.
 */
import { Dec } from '../../domain/decimal.js';
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { CustomerPurchases } from './purchases.js';
import { pct } from './ratio.js';

export const RFM_SEGMENTS = ['champions', 'loyal', 'potential loyalist', 'new', 'promising', 'need attention', 'about to sleep', 'at risk', "can't lose", 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENTS_ZH: Record<RfmSegment, string> = {
  champions: '重要价值',
  loyal: '忠诚客户',
  'potential loyalist': '潜力客户',
  new: '新客户',
  promising: '有望客户',
  'need attention': '需要关注',
  'about to sleep': '即将沉睡',
  'at risk': '流失风险',
  "can't lose": '不能失去',
  hibernating: '沉睡客户',
  lost: '已流失',
};

/** SEGMENT_GRID[R − 1][F − 1] */
const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ['lost', 'hibernating', 'at risk', 'at risk', "can't lose"],
  ['hibernating', 'hibernating', 'at risk', 'at risk', "can't lose"],
  ['about to sleep', 'about to sleep', 'need attention', 'loyal', 'loyal'],
  ['promising', 'potential loyalist', 'potential loyalist', 'loyal', 'loyal'],
  ['new', 'potential loyalist', 'potential loyalist', 'champions', 'champions'],
];

export function rfmSegment(r: number, f: number): RfmSegment {
  return SEGMENT_GRID[r - 1]![f - 1]!;
}

/** Quintile cut points (nearest rank) of values sorted ascending. */
export function quintileCuts<T>(sortedAsc: readonly T[]): T[] {
  const n = sortedAsc.length;
  if (n === 0) return [];
  const cuts: T[] = [];
  for (let k = 1; k <= 4; k++) cuts.push(sortedAsc[Math.ceil((k * n) / 5) - 1]!);
  return cuts;
}

/** 1 + number of cuts the value is above. */
export function quintileScore<T>(v: T, cuts: readonly T[], cmp: (a: T, b: T) => number): number {
  let s = 1;
  for (const c of cuts) if (cmp(v, c) > 0) s++;
  return s;
}

export interface RfmRow {
  readonly customer: string;
  readonly last_purchase: IsoDate;
  readonly recency_days: number;
  readonly frequency: number;
  readonly monetary: Dec;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly score: number;
  readonly segment: RfmSegment;
}

export interface RfmResult {
  readonly as_of: IsoDate;
  readonly cuts: { readonly recency_days: number[]; readonly frequency: number[]; readonly monetary: Dec[] };
  /** Highest score first, then customer id. */
  readonly rows: RfmRow[];
}

const num = (a: number, b: number) => a - b;
const decCmp = (a: Dec, b: Dec) => a.cmp(b);

export function rfm(buyers: readonly CustomerPurchases[], asOf: IsoDate): RfmResult {
  const rec = buyers.map((c) => diffDays(asOf, c.last));
  const recCuts = quintileCuts([...rec].sort(num));
  const freqCuts = quintileCuts(buyers.map((c) => c.count).sort(num));
  const monCuts = quintileCuts(buyers.map((c) => c.value).sort(decCmp));
  const rows: RfmRow[] = buyers.map((c, i) => {
    const r = 6 - quintileScore(rec[i]!, recCuts, num);
    const f = quintileScore(c.count, freqCuts, num);
    const m = quintileScore(c.value, monCuts, decCmp);
    return { customer: c.customer, last_purchase: c.last, recency_days: rec[i]!, frequency: c.count, monetary: c.value, r, f, m, score: r * 100 + f * 10 + m, segment: rfmSegment(r, f) };
  });
  rows.sort((a, b) => b.score - a.score || naturalCompare(a.customer, b.customer));
  return { as_of: asOf, cuts: { recency_days: recCuts, frequency: freqCuts, monetary: monCuts }, rows };
}

export interface AbcRow {
  readonly rank: number;
  readonly customer: string;
  readonly revenue: Dec;
  readonly share_pct: Dec | null;
  readonly cumulative_pct: Dec | null;
  readonly class: 'A' | 'B' | 'C';
}

export interface AbcResult {
  readonly total: Dec;
  readonly rows: AbcRow[];
  readonly classes: { readonly class: 'A' | 'B' | 'C'; readonly customers: number; readonly revenue: Dec; readonly share_pct: Dec | null }[];
}

const A_CUT = Dec.int(80);
const B_CUT = Dec.int(95);
const HUNDRED = Dec.int(100);

export function abc(customers: readonly { customer: string; value: Dec }[]): AbcResult {
  const sorted = [...customers].sort((a, b) => b.value.cmp(a.value) || naturalCompare(a.customer, b.customer));
  let total = Dec.ZERO;
  for (const c of sorted) total = total.add(c.value);
  const aLimit = A_CUT.mul(total);
  const bLimit = B_CUT.mul(total);
  let before = Dec.ZERO;
  const rows: AbcRow[] = [];
  const sums = { A: { n: 0, v: Dec.ZERO }, B: { n: 0, v: Dec.ZERO }, C: { n: 0, v: Dec.ZERO } };
  sorted.forEach((c, i) => {
    // share before this customer < 80% ⇔ before × 100 < 80 × total (exact)
    const beforeX100 = before.mul(HUNDRED);
    const cls: 'A' | 'B' | 'C' = c.value.sign() <= 0 || total.sign() <= 0 ? 'C' : beforeX100.lt(aLimit) ? 'A' : beforeX100.lt(bLimit) ? 'B' : 'C';
    before = before.add(c.value);
    rows.push({ rank: i + 1, customer: c.customer, revenue: c.value, share_pct: pct(c.value, total), cumulative_pct: pct(before, total), class: cls });
    sums[cls].n++;
    sums[cls].v = sums[cls].v.add(c.value);
  });
  return {
    total,
    rows,
    classes: (['A', 'B', 'C'] as const).map((k) => ({ class: k, customers: sums[k].n, revenue: sums[k].v, share_pct: pct(sums[k].v, total) })),
  };
}

export interface DormantRow {
  readonly customer: string;
  readonly first_purchase: IsoDate;
  readonly last_purchase: IsoDate;
  readonly days_since: number;
  readonly purchases: number;
  readonly lifetime_value: Dec;
}

/** Buyers whose last purchase is at least `days` days before the as-of date; highest lifetime value first. */
export function dormant(buyers: readonly CustomerPurchases[], asOf: IsoDate, days: number): DormantRow[] {
  return buyers
    .map((c) => ({ customer: c.customer, first_purchase: c.first, last_purchase: c.last, days_since: diffDays(asOf, c.last), purchases: c.count, lifetime_value: c.value }))
    .filter((r) => r.days_since >= days)
    .sort((a, b) => b.lifetime_value.cmp(a.lifetime_value) || naturalCompare(a.customer, b.customer));
}
