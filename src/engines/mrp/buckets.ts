/**
 * Time buckets: days, ISO weeks or months from the as-of date to the end of
 * the horizon. Bucket 0 starts on the as-of date (the rest of its period);
 * anything dated before as-of falls into bucket 0 (past due), anything after
 * the last bucket is beyond the horizon.
 */
import { addDays, addMonths, dayNumber, type IsoDate } from '../../domain/dates.js';
import { periodOf, nextPeriod } from '../../domain/periods.js';
import type { Bucket, BucketKind } from './types.js';

export interface Horizon {
  readonly n: number;
  /** d days, w weeks, m months, b buckets. */
  readonly unit: 'd' | 'w' | 'm' | 'b';
}

/** "26w", "180d", "6m", or a bare number of buckets. */
export function parseHorizon(text: string): Horizon | null {
  const m = /^\s*(\d{1,4})\s*([dwmb]?)\s*$/i.exec(text);
  if (!m || Number(m[1]) < 1) return null;
  return { n: Number(m[1]), unit: ((m[2] || 'b').toLowerCase() as Horizon['unit']) };
}

export function makeBuckets(kind: BucketKind, asOf: IsoDate, h: Horizon): Bucket[] {
  const out: Bucket[] = [];
  let last: IsoDate | null = null;
  if (h.unit === 'd') last = addDays(asOf, h.n - 1);
  else if (h.unit === 'w') last = addDays(asOf, h.n * 7 - 1);
  else if (h.unit === 'm') last = addDays(addMonths(asOf, h.n), -1);
  for (let p = periodOf(kind, asOf); ; p = nextPeriod(p)) {
    if (h.unit === 'b' ? out.length >= h.n : p.start > last!) break;
    out.push({ index: out.length, name: p.name, start: out.length === 0 ? asOf : p.start, end: p.end });
  }
  return out;
}

/** Maps dates to bucket indexes in O(1). */
export class BucketIndex {
  private readonly first: number;
  private readonly map: Int32Array;
  constructor(readonly buckets: readonly Bucket[]) {
    this.first = dayNumber(buckets[0]!.start);
    const lastDay = dayNumber(buckets[buckets.length - 1]!.end);
    this.map = new Int32Array(lastDay - this.first + 1);
    for (const b of buckets) for (let d = dayNumber(b.start); d <= dayNumber(b.end); d++) this.map[d - this.first] = b.index;
  }
  /** Bucket of a date: 0 if before the horizon (past due), -1 if after it. */
  of(d: IsoDate): number {
    const k = dayNumber(d) - this.first;
    if (k < 0) return 0;
    if (k >= this.map.length) return -1;
    return this.map[k]!;
  }
}
