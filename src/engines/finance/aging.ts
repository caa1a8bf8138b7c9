/**
 * Aging of open items. Age = as-of date − due date (or document date with
 * basis "document"), in days. An item is "not due" when its age ≤ 0 (due on
 * or after the as-of date). Buckets are closed at their upper bound: with
 * bounds [30, 60, 90] the columns are 1–30, 31–60, 61–90 and over 90.
 * Payments and credit notes carry no due date: they age from their own date.
 */
import { diffDays, type IsoDate } from '../../domain/dates.js';
import { Dec } from '../../domain/decimal.js';
import type { OpenItem } from './open-items.js';

export type Basis = 'due' | 'document';

export interface AgedItem extends OpenItem {
  readonly age: number;
  /** 0 = not due, 1…n = bucket i, n+1 = over the last bound. */
  readonly bucket: number;
}

export interface AgingRow {
  readonly party: string;
  readonly currency: string;
  /** One amount per column: not due, each bucket, over. */
  readonly columns: readonly Dec[];
  readonly total: Dec;
}

export function bucketLabels(bounds: readonly number[]): string[] {
  const labels = ['not due'];
  let lo = 1;
  for (const b of bounds) {
    labels.push(`${lo}-${b}`);
    lo = b + 1;
  }
  labels.push(`over ${bounds[bounds.length - 1] ?? 0}`);
  return labels;
}

export function bucketOf(age: number, bounds: readonly number[]): number {
  if (age <= 0) return 0;
  for (let i = 0; i < bounds.length; i++) if (age <= bounds[i]!) return i + 1;
  return bounds.length + 1;
}

export function ageItems(items: readonly OpenItem[], asOf: IsoDate, basis: Basis, bounds: readonly number[]): AgedItem[] {
  return items.map((it) => {
    const from = basis === 'due' && (it.kind === 'invoice' || it.kind === 'bill') ? it.due : it.date;
    const age = diffDays(asOf, from);
    return { ...it, age, bucket: bucketOf(age, bounds) };
  });
}

/** Per party and currency: the open amounts by column; sorted by party, then currency. */
export function agingSummary(items: readonly AgedItem[], bounds: readonly number[], zeroOf: (currency: string) => Dec = () => Dec.ZERO): AgingRow[] {
  const n = bounds.length + 2;
  const rows = new Map<string, { party: string; currency: string; columns: Dec[] }>();
  for (const it of items) {
    const k = `${it.party}\u0000${it.currency}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { party: it.party, currency: it.currency, columns: Array.from({ length: n }, () => zeroOf(it.currency)) }));
    r.columns[it.bucket] = r.columns[it.bucket]!.add(it.open);
  }
  return [...rows.values()]
    .sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((r) => ({ ...r, total: r.columns.reduce((s, x) => s.add(x), zeroOf(r.currency)) }));
}
