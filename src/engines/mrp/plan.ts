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
import {
  MESSAGE_ORDER,
  type ActionMessage,
  type Demand,
  type ItemRecord,
  type LotRule,
  type MrpInput,
  type Plan,
  type PlanItem,
  type PlannedOrder,
  type Supply,
} from './types.js';

const ZERO = Dec.ZERO;

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
  const pegS: number[] = [];
  const pegD: number[] = [];
  const pegQ: Dec[] = [];

  const addDemand = (d: Omit<Demand, 'id'>): void => {
    const id = demands.length;
    demands.push({ id, ...d });
    let l = demandsOf.get(d.item);
    if (!l) demandsOf.set(d.item, (l = []));
    l.push(id);
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
    else addDemand({ item: s.item, kind: 'sales', bucket: b, date: s.due, qty: s.open, ref: `${s.order}/${s.line}`, parent: -1 });
  }
  for (const f of inp.forecast) {
    const p = parsePeriod(f.period);
    if (!p || p.end < asOf || !known(f.item, `forecast ${f.period}`)) continue;
    let ordered = ZERO;
    for (const s of salesOf.get(f.item) ?? []) if (s.due >= p.start && s.due <= p.end) ordered = ordered.add(s.qty);
    const rest = f.qty.sub(ordered);
    if (rest.sign() <= 0) continue;
    for (const part of spreadForecast(rest, p.start, p.end, cal)) {
      if (part.date < asOf) continue; // the share of days already past is dropped
      const b = bix.of(part.date);
      if (b < 0) addBeyond(f.item, part.qty);
      else {
        const last = demands[demands.length - 1];
        if (last && last.kind === 'forecast' && last.item === f.item && last.bucket === b && last.ref === `forecast ${f.period}`) {
          demands[demands.length - 1] = { ...last, qty: last.qty.add(part.qty) };
        } else addDemand({ item: f.item, kind: 'forecast', bucket: b, date: part.date, qty: part.qty, ref: `forecast ${f.period}`, parent: -1 });
      }
    }
  }

  // ---- scheduled receipts (open PO lines, work orders) and allocations
  const receiptsOf = new Map<string, number[]>();
  const supplyByRef = new Map<string, number>();
  const sortedReceipts = [...inp.receipts].sort((a, b) => cmpStr(a.due, b.due) || naturalCompare(a.ref, b.ref));
  const firmStart = new Map<number, IsoDate>();
  for (const r of sortedReceipts) {
    if (r.qty.sign() <= 0 || !known(r.item, r.ref)) continue;
    const b = bix.of(r.due);
    if (b < 0) continue; // beyond the horizon: plays no part
    const id = supplies.length;
    supplies.push({ id, item: r.item, kind: r.kind, ref: r.ref, qty: r.qty, bucket: b, due: r.due, release: null });
    supplyByRef.set(r.ref, id);
    if (r.kind === 'firm') firmStart.set(id, r.start ?? r.due);
    let l = receiptsOf.get(r.item);
    if (!l) receiptsOf.set(r.item, (l = []));
    l.push(id);
  }
  for (const a of inp.allocations) {
    if (a.qty.sign() <= 0 || !known(a.item, `${a.ref} components`)) continue;
    addDemand({ item: a.item, kind: 'allocation', bucket: 0, date: a.date, qty: a.qty, ref: a.ref, parent: supplyByRef.get(a.ref) ?? -1, ...(a.via?.length ? { via: a.via } : {}) });
  }

  const dueOf = (t: number): IsoDate => (t === 0 ? asOf : buckets[t]!.start);
  const records = new Map<string, ItemRecord>();
  const planned: PlannedOrder[] = [];
  const messages: ActionMessage[] = [];
  const order = [...inp.items.keys()].sort((a, b) => llc.get(a)! - llc.get(b)! || naturalCompare(a, b));

  const explode = (parent: string, qty: Dec, bucket: number, date: IsoDate, ref: string, supply: number) => {
    for (const l of bom.linesOf(parent)) {
      addDemand({ item: l.component, kind: 'dependent', bucket, date, qty: componentQty(qty, l.qty, l.output, l.scrap), ref, parent: supply });
    }
  };

  for (const id of order) {
    const it = inp.items.get(id)!;
    const ds = demandsOf.get(id) ?? [];
    const onHand = inp.onHand.get(id) ?? ZERO;
    const gross = new Array<Dec>(T).fill(ZERO);
    let allocated = ZERO;
    for (const di of ds) {
      const d = demands[di]!;
      if (d.kind === 'allocation') allocated = allocated.add(d.qty);
      else gross[d.bucket] = gross[d.bucket]!.add(d.qty);
    }
    const sparse = (arr: readonly Dec[]) => {
      const m = new Map<number, Dec>();
      arr.forEach((v, t) => v.sign() !== 0 && m.set(t, v));
      return m;
    };

    // Phantom: blow the demand through to the components, same bucket and date; never planned.
    if (it.phantom && bom.explodes(id)) {
      if (onHand.sign() !== 0) warn(`${id} is a phantom: its stock of ${onHand.toString()} is not used by MRP`);
      for (const di of ds) {
        const d = demands[di]!;
        if (d.kind === 'allocation') continue;
        for (const l of bom.linesOf(id)) {
          addDemand({ item: l.component, kind: d.kind, bucket: d.bucket, date: d.date, qty: componentQty(d.qty, l.qty, l.output, l.scrap), ref: d.ref, parent: d.parent, via: [...(d.via ?? []), id] });
        }
      }
      records.set(id, { item: id, llc: llc.get(id)!, onHand, allocated, safetyStock: ZERO, leadTime: 0, lotRule: 'lfl', phantom: true, gross: sparse(gross), receipts: new Map(), plannedReceipts: new Map(), plannedReleases: sparse(gross), beyond: beyond.get(id) ?? ZERO });
      continue;
    }
    if (it.type === 'make' && !bom.explodes(id) && (ds.length || receiptsOf.has(id))) warn(`${id} is a make item without a BOM: its orders are not exploded`);

    const srIds = receiptsOf.get(id) ?? [];
    const sr = new Array<Dec>(T).fill(ZERO);
    for (const s of srIds) sr[supplies[s]!.bucket] = sr[supplies[s]!.bucket]!.add(supplies[s]!.qty);
    const ss = it.safety_stock;
    const poh0 = onHand.sub(allocated);
    const rule = effectiveRule(it, ww, warn);

    let segEnd: Int32Array | null = null;
    if (rule === 'ww') {
      // Net requirements under lot-for-lot, exact, for the Wagner–Whitin grouping.
      const r: Dec[] = new Array(T);
      let p = poh0;
      for (let t = 0; t < T; t++) {
        const a = p.add(sr[t]!).sub(gross[t]!);
        r[t] = a.lt(ss) ? ss.sub(a) : ZERO;
        p = a.lt(ss) ? ss : a;
      }
      segEnd = wagnerWhitin(r, it.order_cost!, it.holding_cost!);
    }

    const pr = new Array<Dec>(T).fill(ZERO);
    const rel = new Array<Dec>(T).fill(ZERO);
    const mine: number[] = [];
    const perDue = new Map<string, number>();
    let poh = poh0;
    for (let t = 0; t < T; t++) {
      let avail = poh.add(sr[t]!).sub(gross[t]!);
      if (avail.lt(ss)) {
        const net = ss.sub(avail);
        let lots: Dec[];
        switch (rule) {
          case 'lfl':
            lots = [net];
            break;
          case 'fixed': {
            const n = Number(net.div(it.lot_qty!, 0, 'ceiling').toString());
            lots = new Array<Dec>(n).fill(it.lot_qty!);
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
              cum = cum.add(sr[k]!).sub(gross[k]!);
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
        const release = it.lead_time === 0 ? due : cal.addWorkdays(due, -it.lead_time);
        const rb = bix.of(release);
        for (const lot of lots) {
          const q = modify(lot, it);
          avail = avail.add(q);
          pr[t] = pr[t]!.add(q);
          rel[rb] = rel[rb]!.add(q);
          const k = (perDue.get(due) ?? 0) + 1;
          perDue.set(due, k);
          const pid = `PL-${id}-${due}${k > 1 ? `-${k}` : ''}`;
          const sid = supplies.length;
          supplies.push({ id: sid, item: id, kind: 'planned', ref: pid, qty: q, bucket: t, due, release });
          mine.push(sid);
          const message = release < asOf ? 'past-due' : release <= buckets[0]!.end ? 'release-now' : null;
          planned.push({ id: pid, item: id, type: it.type, qty: q, release, due, releaseBucket: rb, dueBucket: t, supplier: it.type === 'buy' ? (it.supplier ?? null) : null, message, supply: sid });
          if (message) {
            messages.push({
              kind: message,
              item: id,
              supply: sid,
              ref: pid,
              qty: q,
              date: release,
              newDate: null,
              reason: message === 'past-due' ? `release was due ${release} (lead time ${it.lead_time} working days before ${due})` : `release by ${release}`,
            });
          }
          if (bom.explodes(id)) explode(id, q, rb, release, pid, sid);
        }
      }
      poh = avail;
    }
    // Firm planned work orders explode at their start.
    for (const s of srIds) {
      const sup = supplies[s]!;
      if (sup.kind !== 'firm' || !bom.explodes(id)) continue;
      const start = firmStart.get(s)!;
      explode(id, sup.qty, bix.of(start), start, sup.ref, s);
    }

    // ---- action messages for scheduled receipts: the bucket each one is first needed in,
    // using the balance without planned orders and without this and later receipts.
    if (srIds.length) {
      const bal: Dec[] = new Array(T);
      let b = poh0;
      for (let t = 0; t < T; t++) bal[t] = b = b.sub(gross[t]!);
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

    // ---- pegging: supplies (on hand, then receipts and planned orders by bucket) to demands
    // (allocations, then requirements by bucket and date, safety stock after bucket 0's demand), FIFO.
    const sup: number[] = [];
    if (onHand.sign() > 0) {
      const sid = supplies.length;
      supplies.push({ id: sid, item: id, kind: 'onhand', ref: 'on hand', qty: onHand, bucket: -1, due: null, release: null });
      sup.push(sid);
    }
    let i = 0;
    let j = 0;
    while (i < srIds.length || j < mine.length) {
      if (j >= mine.length || (i < srIds.length && supplies[srIds[i]!]!.bucket <= supplies[mine[j]!]!.bucket)) sup.push(srIds[i++]!);
      else sup.push(mine[j++]!);
    }
    const dem = ds.slice();
    if (ss.sign() > 0) {
      addDemand({ item: id, kind: 'safety', bucket: 0, date: asOf, qty: ss, ref: 'safety stock', parent: -1 });
      dem.push(demands.length - 1);
    }
    const cls = (d: Demand) => (d.kind === 'allocation' ? 0 : d.kind === 'safety' ? 2 : 1);
    dem.sort((a, b) => {
      const x = demands[a]!;
      const y = demands[b]!;
      return x.bucket - y.bucket || cls(x) - cls(y) || cmpStr(x.date, y.date) || a - b;
    });
    let si = 0;
    let di = 0;
    let sLeft = sup.length ? supplies[sup[0]!]!.qty : ZERO;
    let dLeft = dem.length ? demands[dem[0]!]!.qty : ZERO;
    while (si < sup.length && di < dem.length) {
      const q = sLeft.min(dLeft);
      if (q.sign() > 0) {
        pegS.push(sup[si]!);
        pegD.push(dem[di]!);
        pegQ.push(q);
      }
      sLeft = sLeft.sub(q);
      dLeft = dLeft.sub(q);
      if (sLeft.sign() <= 0 && ++si < sup.length) sLeft = supplies[sup[si]!]!.qty;
      if (dLeft.sign() <= 0 && ++di < dem.length) dLeft = demands[dem[di]!]!.qty;
    }

    records.set(id, {
      item: id,
      llc: llc.get(id)!,
      onHand,
      allocated,
      safetyStock: ss,
      leadTime: it.lead_time,
      lotRule: rule,
      phantom: false,
      gross: sparse(gross),
      receipts: sparse(sr),
      plannedReceipts: sparse(pr),
      plannedReleases: sparse(rel),
      beyond: beyond.get(id) ?? ZERO,
    });
  }

  const rank = (k: ActionMessage['kind']) => MESSAGE_ORDER.indexOf(k);
  messages.sort((a, b) => rank(a.kind) - rank(b.kind) || cmpStr(a.date, b.date) || naturalCompare(a.item, b.item) || naturalCompare(a.ref, b.ref));
  return {
    asOf,
    bucketKind: inp.bucketKind,
    buckets,
    records,
    planned,
    supplies,
    demands,
    pegs: { supply: Int32Array.from(pegS), demand: Int32Array.from(pegD), qty: pegQ, length: pegS.length },
    messages,
    warnings,
  };
}
