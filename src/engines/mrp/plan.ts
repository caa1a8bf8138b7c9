/**
 * The MRP run (Orlicky): items are planned in low-level-code order, so an
 * item's gross requirements are complete (every parent has been planned)
 * before it is netted. Per item and bucket t:
 *
 *   available(t) = POH(t-1) + scheduled receipts(t) − gross requirements(t)
 *   if available(t) < safety stock:
 *     net requirement(t) = safety stock − available(t)
 *     planned order receipt(t) = lot size (lotsize.ts), due at the start of bucket t
 *     planned order release    = due − lead time, in working days of the calendar
 *   POH(t) = available(t) + planned order receipts(t)
 *   POH(-1) = nettable on hand − allocated (components still needed by released work orders)
 *
 * Gross requirements: open sales-order lines in the bucket of their due date,
 * forecast not consumed by orders of its period (spread over the period's
 * working days, see spreadForecast), and dependent demand: every
 * planned order (and firm planned work order) puts parent qty × qty per ÷
 * output_qty ÷ (1 − scrap) on each component in the bucket of its release
 * (start). Anything dated before as-of is in bucket 0. Phantoms pass their
 * demand straight to their components and get no planned orders.
 */
import { Dec } from '../../domain/decimal.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { parsePeriod } from '../../domain/periods.js';
import { naturalCompare } from '../../util/natural.js';
import { componentQty } from '../inventory/qty.js';
import { BucketIndex } from './buckets.js';
import { modify, wagnerWhitin } from './lotsize.js';
import { PLANNED_BASE, PlannedOrders } from './store.js';
import {
  MESSAGE_ORDER,
  type ActionMessage,
  type Demand,
  type ItemRecord,
  type LotRule,
  type MrpInput,
  type Plan,
  type PlanItem,
  type Supply,
} from './types.js';

const ZERO = Dec.ZERO;
/** More lots than this on one date (fixed lot size) are planned as one order. */
export const MAX_LOTS = 100;

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rule actually used for an item (falls back to lfl when a parameter is missing). */
export function effectiveRule(it: PlanItem, ww: boolean, warn: (m: string) => void): LotRule {
  let rule = it.lot_size;
  if (ww && it.order_cost !== undefined && it.holding_cost !== undefined) rule = 'ww';
  switch (rule) {
    case 'lfl':
      return rule;
    case 'fixed':
    case 'min':
    case 'multiple':
      if (!it.lot_qty || it.lot_qty.sign() <= 0) {
        warn(`${it.id}: lot_size ${rule} needs lot_qty > 0; planned lot-for-lot`);
        return 'lfl';
      }
      return rule;
    case 'poq':
      if (!it.poq_periods) {
        warn(`${it.id}: lot_size poq needs poq_periods; planned lot-for-lot`);
        return 'lfl';
      }
      return rule;
    case 'ww':
      if (it.order_cost === undefined || it.holding_cost === undefined) {
        warn(`${it.id}: lot_size ww needs order_cost and holding_cost; planned lot-for-lot`);
        return 'lfl';
      }
      return rule;
    default: {
      const never: never = rule;
      throw new Error(`unknown lot rule ${String(never)}`);
    }
  }
}

/**
 * Spread a forecast quantity over the working days of its period (all days if
 * none is a working day), by cumulative rounding to the quantity's own decimal
 * places, so the shares are whole numbers for a whole-number forecast and add
 * up exactly: share of day k = round(q · k / n) − round(q · (k−1) / n).
 * Days with a zero share are left out.
 */
export function spreadForecast(q: Dec, start: IsoDate, end: IsoDate, cal: WorkCalendar): { date: IsoDate; qty: Dec }[] {
  const days: IsoDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) if (cal.isWorkday(d)) days.push(d);
  if (!days.length) for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  const n = Dec.int(days.length);
  const out: { date: IsoDate; qty: Dec }[] = [];
  let prev = ZERO;
  for (let k = 1; k <= days.length; k++) {
    const cum = q.mul(Dec.int(k)).div(n, q.s, 'half-up');
    const share = cum.sub(prev);
    prev = cum;
    if (share.sign() > 0) out.push({ date: days[k - 1]!, qty: share });
  }
  return out;
}

export function runMrp(inp: MrpInput): Plan {
  const { buckets, asOf, calendar: cal, bom } = inp;
  const T = buckets.length;
  const bix = new BucketIndex(buckets);
  const llc = bom.lowLevelCodes();
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const ww = inp.options?.ww === true;

  const supplies: Supply[] = [];
  const demands: Demand[] = [];
  const demandsOf = new Map<string, number[]>();
  const beyond = new Map<string, Dec>();
  // Gross requirements per item and bucket, filled as parents are planned, dropped once the item is planned.
  const pending = new Map<string, Dec[]>();
  const addGross = (item: string, bucket: number, q: Dec): void => {
    let g = pending.get(item);
    if (!g) pending.set(item, (g = new Array<Dec>(T).fill(ZERO)));
    g[bucket] = plus(g[bucket]!, q);
  };

  const addDemand = (item: string, kind: Demand['kind'], bucket: number, date: IsoDate, qty: Dec, ref: string, parent: number, via?: readonly string[]): void => {
    const id = demands.length;
    demands.push(via ? { id, item, kind, bucket, date, qty, ref, parent, via } : { id, item, kind, bucket, date, qty, ref, parent });
    let l = demandsOf.get(item);
    if (!l) demandsOf.set(item, (l = []));
    l.push(id);
    if (kind !== 'allocation' && kind !== 'safety') addGross(item, bucket, qty);
  };
  const addBeyond = (item: string, q: Dec) => beyond.set(item, (beyond.get(item) ?? ZERO).add(q));
  const known = (item: string, what: string): boolean => {
    if (inp.items.has(item)) return true;
    warn(`${what}: item ${item} is not in inventory/items; left out of the plan`);
    return false;
  };

  // ---- independent demand: sales-order lines and forecast not consumed by orders
  const salesOf = new Map<string, (typeof inp.sales)[number][]>();
  for (const s of inp.sales) {
    let l = salesOf.get(s.item);
    if (!l) salesOf.set(s.item, (l = []));
    l.push(s);
    if (s.open.sign() <= 0 || !known(s.item, `${s.order}/${s.line}`)) continue;
    const b = bix.of(s.due);
    if (b < 0) addBeyond(s.item, s.open);
    else addDemand(s.item, 'sales', b, s.due, s.open, `${s.order}/${s.line}`, -1);
  }
  for (const f of inp.forecast) {
    const p = parsePeriod(f.period);
    if (!p || p.end < asOf || !known(f.item, `forecast ${f.period}`)) continue;
    let ordered = ZERO;
    for (const s of salesOf.get(f.item) ?? []) if (s.due >= p.start && s.due <= p.end) ordered = ordered.add(s.qty);
    const rest = f.qty.sub(ordered);
    if (rest.sign() <= 0) continue;
    const ref = `forecast ${f.period}`;
    // Shares of one forecast line that fall into the same bucket make one demand.
    const byBucket = new Map<number, { date: IsoDate; qty: Dec }>();
    for (const part of spreadForecast(rest, p.start, p.end, cal)) {
      if (part.date < asOf) continue; // the share of days already past is dropped
      const b = bix.of(part.date);
      if (b < 0) addBeyond(f.item, part.qty);
      else {
        const x = byBucket.get(b);
        byBucket.set(b, x ? { date: x.date, qty: x.qty.add(part.qty) } : part);
      }
    }
    for (const [b, x] of byBucket) addDemand(f.item, 'forecast', b, x.date, x.qty, ref, -1);
  }

  // ---- scheduled receipts (open PO lines, work orders) and allocations
  const receiptsOf = new Map<string, number[]>();
  const supplyByRef = new Map<string, number>();
  const sortedReceipts = [...inp.receipts].sort((a, b) => cmpStr(a.due, b.due) || naturalCompare(a.ref, b.ref));
  for (const r of sortedReceipts) {
    if (r.qty.sign() <= 0 || !known(r.item, r.ref)) continue;
    const b = bix.of(r.due);
    if (b < 0) continue; // beyond the horizon: plays no part
    const id = supplies.length;
    supplies.push({ id, item: r.item, kind: r.kind, ref: r.ref, qty: r.qty, bucket: b, due: r.due, release: r.kind === 'po' ? null : (r.start ?? null) });
    supplyByRef.set(r.ref, id);
    let l = receiptsOf.get(r.item);
    if (!l) receiptsOf.set(r.item, (l = []));
    l.push(id);
  }
  for (const a of inp.allocations) {
    if (a.qty.sign() <= 0 || !known(a.item, `${a.ref} components`)) continue;
    addDemand(a.item, 'allocation', 0, a.date, a.qty, a.ref, supplyByRef.get(a.ref) ?? -1, a.via?.length ? a.via : undefined);
  }

  // Due date of a planned receipt in bucket t, and its release date for a lead time (cached: dates are shared strings).
  const dueOf = (t: number): IsoDate => (t === 0 ? asOf : buckets[t]!.start);
  const releaseCache = new Map<number, IsoDate>();
  const releaseOf = (t: number, lt: number): IsoDate => {
    if (lt === 0) return dueOf(t);
    const k = t * 1_000_000 + lt;
    let r = releaseCache.get(k);
    if (r === undefined) releaseCache.set(k, (r = cal.addWorkdays(dueOf(t), -lt)));
    return r;
  };
  const b0end = buckets[0]!.end;

  /** Dependent demand of an order: its components' gross requirements, phantoms blown through. */
  const explodeOrder = (item: string, qty: Dec, bucket: number): void => {
    for (const l of bom.linesOf(item)) {
      const cq = componentQty(qty, l.qty, l.output, l.scrap);
      if (bom.isPhantom(l.component) && bom.explodes(l.component)) {
        addGross(l.component, bucket, cq); // shown in the phantom's grid, never netted
        explodeOrder(l.component, cq, bucket);
      } else addGross(l.component, bucket, cq);
    }
  };

  const records = new Map<string, ItemRecord>();
  const orders = new PlannedOrders(dueOf);
  const messages: ActionMessage[] = [];
  const order = [...inp.items.keys()].sort((a, b) => llc.get(a)! - llc.get(b)! || naturalCompare(a, b));

  for (const id of order) {
    const it = inp.items.get(id)!;
    const ds = demandsOf.get(id) ?? [];
    const onHand = inp.onHand.get(id) ?? ZERO;
    const gross = pending.get(id) ?? new Array<Dec>(T).fill(ZERO);
    pending.delete(id);
    let allocated = ZERO;
    for (const di of ds) if (demands[di]!.kind === 'allocation') allocated = allocated.add(demands[di]!.qty);
    const lines = bom.linesOf(id);
    const srIds = receiptsOf.get(id) ?? [];

    // Phantom: dependent demand was blown through when the parent orders were exploded; top-level demand
    // on a phantom (rare) is passed on here, as demand of its components. Never planned.
    if (it.phantom && lines.length) {
      if (onHand.sign() !== 0) warn(`${id} is a phantom: its stock of ${onHand.toString()} is not used by MRP`);
      for (const di of ds) {
        const d = demands[di]!;
        if (d.kind === 'allocation') continue;
        const via = d.via ? [...d.via, id] : [id];
        for (const l of lines) addDemand(l.component, d.kind, d.bucket, d.date, componentQty(d.qty, l.qty, l.output, l.scrap), d.ref, d.parent, via);
      }
      records.set(id, { item: id, llc: llc.get(id)!, onHand, allocated, safetyStock: ZERO, leadTime: 0, lotRule: 'lfl', phantom: true, beyond: beyond.get(id) ?? ZERO, onHandSupply: -1, receipts: [] });
      continue;
    }
    if (it.type === 'make' && !lines.length && (ds.length || srIds.length || gross.some((g) => !g.isZero()))) warn(`${id} is a make item without a BOM: its orders are not exploded`);

    const sr = new Array<Dec>(T).fill(ZERO);
    for (const s of srIds) sr[supplies[s]!.bucket] = plus(sr[supplies[s]!.bucket]!, supplies[s]!.qty);
    const ss = it.safety_stock;
    const poh0 = onHand.sub(allocated);
    const rule = effectiveRule(it, ww, warn);

    let segEnd: Int32Array | null = null;
    if (rule === 'ww') {
      // Net requirements under lot-for-lot, exact, for the Wagner–Whitin grouping.
      const r: Dec[] = new Array(T);
      let p = poh0;
      for (let t = 0; t < T; t++) {
        const a = minus(plus(p, sr[t]!), gross[t]!);
        r[t] = a.lt(ss) ? ss.sub(a) : ZERO;
        p = a.lt(ss) ? ss : a;
      }
      segEnd = wagnerWhitin(r, it.order_cost!, it.holding_cost!);
    }

    const ix = orders.beginItem(id, it.type, it.type === 'buy' ? (it.supplier ?? null) : null);
    let poh = poh0;
    for (let t = 0; t < T; t++) {
      let avail = minus(plus(poh, sr[t]!), gross[t]!);
      if (avail.lt(ss)) {
        const net = ss.sub(avail);
        let lots: Dec[];
        switch (rule) {
          case 'lfl':
            lots = [net];
            break;
          case 'fixed': {
            const n = Number(net.div(it.lot_qty!, 0, 'ceiling').toString());
            if (n <= MAX_LOTS) lots = new Array<Dec>(n).fill(it.lot_qty!);
            else {
              // Guard against absurd data (a typo in a quantity): one order of n lots instead of n orders.
              warn(`${id}: ${n} lots of ${it.lot_qty!.toString()} due ${dueOf(t)} planned as one order`);
              lots = [it.lot_qty!.mul(Dec.int(n))];
            }
            break;
          }
          case 'min':
            lots = [net.max(it.lot_qty!)];
            break;
          case 'multiple':
            lots = [net.div(it.lot_qty!, 0, 'ceiling').mul(it.lot_qty!)];
            break;
          case 'poq':
          case 'ww': {
            const e = rule === 'poq' ? Math.min(T - 1, t + it.poq_periods! - 1) : Math.max(t, segEnd![t]!);
            // Enough that projected on hand stays ≥ safety stock through bucket e.
            let need = net;
            let cum = avail;
            for (let k = t + 1; k <= e; k++) {
              cum = minus(plus(cum, sr[k]!), gross[k]!);
              if (ss.sub(cum).gt(need)) need = ss.sub(cum);
            }
            lots = [need];
            break;
          }
          default: {
            const never: never = rule;
            throw new Error(`unknown lot rule ${String(never)}`);
          }
        }
        const due = dueOf(t);
        const release = releaseOf(t, it.lead_time);
        const rb = release < asOf ? 0 : bix.of(release);
        const message = release < asOf ? 'past-due' : release <= b0end ? 'release-now' : null;
        for (let k = 0; k < lots.length; k++) {
          const q = modify(lots[k]!, it);
          avail = avail.add(q);
          const oi = orders.add(ix, t, rb, release, k + 1, message, q);
          if (message) {
            messages.push({
              kind: message,
              item: id,
              supply: PLANNED_BASE + oi,
              ref: k === 0 ? `PL-${id}-${due}` : `PL-${id}-${due}-${k + 1}`,
              qty: q,
              date: release,
              newDate: null,
              reason: message === 'past-due' ? `release was due ${release} (lead time ${it.lead_time} working days before ${due})` : `release by ${release}`,
            });
          }
          explodeOrder(id, q, rb);
        }
      }
      poh = avail;
    }
    // Firm planned work orders explode at their start.
    for (const s of srIds) {
      const sup = supplies[s]!;
      if (sup.kind === 'firm' && lines.length) explodeOrder(id, sup.qty, bix.of(sup.release!));
    }

    // ---- action messages for scheduled receipts: the bucket each one is first needed in,
    // using the balance without planned orders and without this and later receipts.
    if (srIds.length) {
      const bal: Dec[] = new Array(T);
      let b = poh0;
      for (let t = 0; t < T; t++) bal[t] = b = minus(b, gross[t]!);
      let t = 0;
      let cum = ZERO;
      for (const s of srIds) {
        const sup = supplies[s]!;
        while (t < T && !bal[t]!.add(cum).lt(ss)) t++;
        cum = cum.add(sup.qty);
        const overdue = sup.due! < asOf;
        const base = { item: id, supply: s, ref: sup.ref, qty: sup.qty, date: sup.due! };
        if (t >= T) messages.push({ kind: 'cancel', ...base, newDate: null, reason: `not needed within the horizon (to ${buckets[T - 1]!.end})` });
        else if (overdue && t === 0) messages.push({ kind: 'expedite', ...base, newDate: asOf, reason: `overdue since ${sup.due}, needed now` });
        else if (sup.bucket > t) messages.push({ kind: 'expedite', ...base, newDate: dueOf(t), reason: `due ${sup.due}, needed ${dueOf(t)}` });
        else if (sup.bucket < t - 1) messages.push({ kind: 'defer', ...base, newDate: dueOf(t), reason: `due ${sup.due}, not needed before ${dueOf(t)}` });
      }
    }

    let onHandSupply = -1;
    if (onHand.sign() > 0) {
      onHandSupply = supplies.length;
      supplies.push({ id: onHandSupply, item: id, kind: 'onhand', ref: 'on hand', qty: onHand, bucket: -1, due: null, release: null });
    }
    if (ss.sign() > 0) addDemand(id, 'safety', 0, asOf, ss, 'safety stock', -1);
    records.set(id, { item: id, llc: llc.get(id)!, onHand, allocated, safetyStock: ss, leadTime: it.lead_time, lotRule: rule, phantom: false, beyond: beyond.get(id) ?? ZERO, onHandSupply, receipts: srIds });
  }

  const rank = (k: ActionMessage['kind']) => MESSAGE_ORDER.indexOf(k);
  messages.sort((a, b) => rank(a.kind) - rank(b.kind) || cmpStr(a.date, b.date) || naturalCompare(a.item, b.item) || naturalCompare(a.ref, b.ref));
  return { asOf, bucketKind: inp.bucketKind, buckets, bucketIndex: bix, bom, records, orders, supplies, demands, demandsByItem: demandsOf, messages, warnings };
}

/** a + b without allocating when either is zero. */
function plus(a: Dec, b: Dec): Dec {
  return b.isZero() ? a : a.isZero() ? b : a.add(b);
}

/** a − b without allocating when b is zero. */
function minus(a: Dec, b: Dec): Dec {
  return b.isZero() ? a : a.sub(b);
}
