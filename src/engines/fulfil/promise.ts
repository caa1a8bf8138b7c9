/**
 * "When can we deliver N?" — available-to-promise, then capable-to-promise
 * (docs/fulfilment.md).
 *
 * ATP, per date from the as-of date (cumulative, with look-ahead):
 *
 *   supply      on hand (as-of), open purchase-order lines, released and firm planned work orders
 *               at max(due, as-of)
 *   committed   open sales-order lines, components allocated to released work orders and needed
 *               by firm planned ones, at max(date, as-of); not forecast, safety stock or planned
 *               orders
 *   B(d)        on hand + Σ supply − Σ committed, dated up to d
 *   ATP(d)      max(0, min over d' ≥ d of B(d'))
 *
 * ATP(d) is what can be promised on d without taking from any commitment,
 * earlier or later (a shortage of earlier commitments is served first). N can
 * be promised on the earliest date ≥ the requested date with ATP ≥ N.
 *
 * CTP, when ATP never reaches N within the horizon: the part ATP gives
 * (max ATP) on the date it is there, and a new order for the shortfall,
 * released today: a bought item arrives after its lead time (working days);
 * a made item needs its components (phantoms blown through, scrap included)
 * and starts when the last of them is there, arriving its lead time later.
 * A component comes from what the plan leaves free (projected on hand above
 * safety stock, lowest over the later buckets, past-due planned orders left
 * out): today if enough is free now; else the earlier of the date enough is
 * free and the arrival of a new order of what is missing now, ordered the
 * same way (recursively: components short at their own lead time).
 */
import type { WorkCalendar } from '../../domain/calendar.js';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import { itemGrid } from '../mrp/grid.js';
import type { PegGraph } from '../mrp/pegging.js';
import { PLANNED_BASE } from '../mrp/store.js';
import type { Plan } from '../mrp/types.js';

export interface AtpRow {
  readonly date: IsoDate;
  /** On hand (first row) and receipts on this date. */
  readonly supply: Dec;
  readonly committed: Dec;
  /** B(d): cumulative. */
  readonly balance: Dec;
  readonly atp: Dec;
  /** "+PO-1/1 30", "−SO-2/1 8", in date then reference order. */
  readonly refs: readonly string[];
}

/** A point of an availability series: from `date` on, `qty` can be taken (non-decreasing). */
export interface Avail {
  readonly date: IsoDate;
  readonly qty: Dec;
}

export interface CtpStep {
  /** 0 = the item asked for, 1 = its components, … */
  readonly level: number;
  readonly item: string;
  readonly need: Dec;
  /** Part taken from ATP (level 0) or from free projected stock (components), and from when. */
  readonly fromStock: Dec;
  readonly stockDate: IsoDate | null;
  /** New order for the rest (0: none needed). */
  readonly order: Dec;
  readonly leadTime: number | null;
  /** Release of the new order: today, or when its last component is there. */
  readonly release: IsoDate | null;
  /** When the whole need is there. */
  readonly ready: IsoDate;
}

export interface PromiseResult {
  readonly item: string;
  readonly qty: Dec;
  /** Requested date (as-of by default). */
  readonly from: IsoDate;
  readonly rows: readonly AtpRow[];
  readonly atpAtFrom: Dec;
  /** The most ATP ever reaches within the horizon (its last value). */
  readonly atpMax: Dec;
  /** Earliest date ≥ from when ATP covers qty; null when it never does within the horizon. */
  readonly atpDate: IsoDate | null;
  readonly ctp: { readonly shortfall: Dec; readonly date: IsoDate; readonly steps: readonly CtpStep[] } | null;
  readonly rule: 'atp' | 'ctp';
  readonly promise: IsoDate;
}

const max = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
/** On hand first, then receipts, then commitments. */
const refRank = (text: string) => (text.startsWith('on hand') ? 0 : text.startsWith('+') ? 1 : 2);

/** The ATP schedule of an item from a plan. */
export function atpRows(plan: Plan, pegs: PegGraph, item: string): AtpRow[] {
  const asOf = plan.asOf;
  const rec = plan.records.get(item);
  const ev = new Map<IsoDate, { supply: Dec; committed: Dec; refs: { ref: string; text: string }[] }>();
  const at = (d: IsoDate | null) => {
    const k = d === null || d < asOf ? asOf : d;
    let e = ev.get(k);
    if (!e) ev.set(k, (e = { supply: Dec.ZERO, committed: Dec.ZERO, refs: [] }));
    return e;
  };
  const first = at(asOf);
  if (rec) {
    first.supply = rec.onHand;
    if (!rec.onHand.isZero()) first.refs.push({ ref: '', text: `on hand ${rec.onHand.normalize().toString()}` });
    for (const sid of rec.receipts) {
      const s = plan.supplies[sid]!;
      const e = at(s.due);
      e.supply = e.supply.add(s.qty);
      e.refs.push({ ref: s.ref, text: `+${s.ref} ${s.qty.normalize().toString()}` });
    }
    for (const id of pegs.demandsOfItem(item)) {
      const d = pegs.demand(id);
      const firm = d.kind === 'dependent' && d.parent >= 0 && d.parent < PLANNED_BASE;
      if (d.kind !== 'sales' && d.kind !== 'allocation' && !firm) continue;
      const e = at(d.date);
      e.committed = e.committed.add(d.qty);
      e.refs.push({ ref: d.ref, text: `−${d.ref} ${d.qty.normalize().toString()}` });
    }
  }
  const dates = [...ev.keys()].sort();
  const out: { date: IsoDate; supply: Dec; committed: Dec; balance: Dec; refs: string[] }[] = [];
  let b = Dec.ZERO;
  for (const d of dates) {
    const e = ev.get(d)!;
    b = b.add(e.supply).sub(e.committed);
    const refs = e.refs.sort((x, y) => refRank(x.text) - refRank(y.text) || naturalCompare(x.ref, y.ref)).map((r) => r.text);
    out.push({ date: d, supply: e.supply, committed: e.committed, balance: b, refs });
  }
  const rows: AtpRow[] = new Array(out.length);
  let low: Dec | null = null;
  for (let j = out.length - 1; j >= 0; j--) {
    const r = out[j]!;
    low = low === null ? r.balance : low.min(r.balance);
    rows[j] = { ...r, atp: low.sign() > 0 ? low : Dec.ZERO };
  }
  return rows;
}

/**
 * What the plan leaves free of an item per bucket: max(0, min over later
 * buckets of projected on hand − safety stock), where projected on hand leaves
 * out planned orders that are already past due (their release date has passed:
 * they cannot arrive when the plan has them).
 */
export function freeStock(plan: Plan, item: string): Avail[] {
  const g = itemGrid(plan, item);
  if (!g) return [{ date: plan.asOf, qty: Dec.ZERO }];
  const ss = g.record.safetyStock;
  const T = plan.buckets.length;
  const pastDue = new Array<Dec>(T).fill(Dec.ZERO);
  const [a, b] = plan.orders.range(item);
  for (let i = a; i < b; i++) if (plan.orders.release(i) < plan.asOf) pastDue[plan.orders.dueBucket(i)] = pastDue[plan.orders.dueBucket(i)]!.add(plan.orders.qty(i));
  const cum: Dec[] = new Array(T);
  let c = Dec.ZERO;
  for (let t = 0; t < T; t++) cum[t] = c = c.add(pastDue[t]!);
  const out: Avail[] = new Array(T);
  let low: Dec | null = null;
  for (let t = T - 1; t >= 0; t--) {
    const x = g.projected[t]!.sub(cum[t]!).sub(ss);
    low = low === null ? x : low.min(x);
    out[t] = { date: t === 0 ? plan.asOf : plan.buckets[t]!.start, qty: low.sign() > 0 ? low : Dec.ZERO };
  }
  return out;
}

/** Earliest date ≥ from on which the series has at least q; null if never. */
export function earliest(series: readonly Avail[], q: Dec, from: IsoDate): IsoDate | null {
  let j = 0;
  while (j + 1 < series.length && series[j + 1]!.date <= from) j++;
  for (let k = j; k < series.length; k++) if (series[k]!.qty.gte(q)) return k === j ? max(from, series[k]!.date) : series[k]!.date;
  return null;
}

export interface PromiseInput {
  readonly plan: Plan;
  readonly pegs: PegGraph;
  readonly calendar: WorkCalendar;
}

export function promise(inp: PromiseInput, item: string, qty: Dec, from: IsoDate): PromiseResult {
  const { plan, pegs, calendar } = inp;
  const asOf = plan.asOf;
  const rows = atpRows(plan, pegs, item);
  const series: Avail[] = rows.map((r) => ({ date: r.date, qty: r.atp }));
  let j = 0;
  while (j + 1 < rows.length && rows[j + 1]!.date <= from) j++;
  const atpAtFrom = rows[j]!.atp;
  const atpMax = rows[rows.length - 1]!.atp;
  const atpDate = earliest(series, qty, from);
  const base = { item, qty, from, rows, atpAtFrom, atpMax, atpDate };
  if (atpDate !== null) return { ...base, ctp: null, rule: 'atp', promise: atpDate };

  // CTP: the ATP part on the date ATP reaches it, and a new order of the shortfall released today.
  const freeMemo = new Map<string, Avail[]>();
  const free = (id: string) => {
    let f = freeMemo.get(id);
    if (!f) freeMemo.set(id, (f = freeStock(plan, id)));
    return f;
  };
  const newOrder = (id: string, q: Dec, level: number, path: readonly string[]): { release: IsoDate; arrives: IsoDate; leadTime: number; children: CtpStep[] } => {
    let release = asOf;
    const children: CtpStep[] = [];
    if (plan.bom.explodes(id) && !path.includes(id)) {
      const needs = new Map<string, Dec>();
      for (const c of plan.bom.flatComponents(id, q)) needs.set(c.component, (needs.get(c.component) ?? Dec.ZERO).add(c.qty));
      for (const c of [...needs.keys()].sort(naturalCompare)) {
        const r = component(c, needs.get(c)!, level + 1, [...path, id]);
        children.push(...r.steps);
        release = max(release, r.ready);
      }
    }
    const leadTime = plan.records.get(id)?.leadTime ?? 0;
    return { release, arrives: max(release, calendar.addWorkdays(release, leadTime)), leadTime, children };
  };
  /** A component of a new order, needed today: free stock now, else the earlier of free stock later and a new order of what is missing now. */
  const component = (id: string, need: Dec, level: number, path: readonly string[]): { ready: IsoDate; steps: CtpStep[] } => {
    const f = free(id);
    const now = f[0]!.qty;
    const fromStock = (d: IsoDate) => ({ ready: d, steps: [{ level, item: id, need, fromStock: need, stockDate: d, order: Dec.ZERO, leadTime: null, release: null, ready: d }] });
    if (now.gte(need)) return fromStock(asOf);
    const later = earliest(f, need, asOf);
    const o = newOrder(id, need.sub(now), level, path);
    if (later !== null && later <= o.arrives) return fromStock(later);
    const step: CtpStep = { level, item: id, need, fromStock: now, stockDate: now.sign() > 0 ? asOf : null, order: need.sub(now), leadTime: o.leadTime, release: o.release, ready: o.arrives };
    return { ready: o.arrives, steps: [step, ...o.children] };
  };
  const shortfall = qty.sub(atpMax);
  const stockDate = atpMax.sign() > 0 ? earliest(series, atpMax, from) : null;
  const o = newOrder(item, shortfall, 0, []);
  const date = max(max(from, stockDate ?? from), o.arrives);
  const steps: CtpStep[] = [{ level: 0, item, need: qty, fromStock: atpMax, stockDate, order: shortfall, leadTime: o.leadTime, release: o.release, ready: date }, ...o.children];
  return { ...base, ctp: { shortfall, date, steps }, rule: 'ctp', promise: date };
}
