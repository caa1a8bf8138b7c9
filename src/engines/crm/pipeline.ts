/**
 * The pipeline of open deals as of a date (pure).
 *
 * - weighted = Σ amount × probability over open deals (the deal's probability when it
 *   overrides its stage's); sums are exact and rounded to the minor unit once, per cell.
 * - forecast: open deals by month of expected close; a date before the as-of date goes to
 *   "overdue", no date to "none".
 * - closing: open deals with as-of ≤ expected close ≤ as-of + N days.
 * - at risk: open deals past their expected close (expected close < as-of), or idle for longer
 *   than their stage's rot_days: idle days = as-of − last activity, where last activity = the
 *   latest of (dates of activities linked to the deal by their `deal` field, dated on or before
 *   the as-of date, any kind, done or not) and the date the deal entered its current stage.
 * - funnel: a deal's level is the furthest open stage it reached (history and current stage);
 *   won deals have passed every open stage. reached(S) = deals at level ≥ S; advanced =
 *   reached(next); conversion = advanced / reached; drop-off = reached − advanced
 *   (= lost at S + still open at S).
 * - time in stage: completed stays in each open stage (from one history entry to the next),
 *   averaged; plus the average age so far of the open deals now in the stage.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { addDays, diffDays, type IsoDate } from '../../domain/dates.js';
import { naturalCompare } from '../../util/natural.js';
import type { DealFacts } from './deals.js';
import { pct, quotient } from './ratio.js';
import type { Stages } from './stages.js';

export interface PipelineSpec {
  readonly asOf: IsoDate;
  /** "Closing soon" window in days. */
  readonly closingDays: number;
  readonly minor: number;
  readonly rounding: RoundingMode;
}

export interface ActivityIn {
  readonly deal?: string;
  readonly date: IsoDate;
}

export interface Sums {
  count: number;
  amount: Dec;
  weighted: Dec;
}

export interface StageRow extends Sums {
  readonly stage: string;
  readonly name: string;
  readonly name_zh: string;
  readonly probability_pct: Dec;
}

export interface OwnerRow extends Sums {
  readonly owner: string | null;
}

export interface ForecastRow extends Sums {
  /** "overdue", "YYYY-MM" or "none". */
  readonly month: string;
}

export interface DealLine {
  readonly id: string;
  readonly title: string;
  readonly customer: string;
  readonly owner: string | null;
  readonly stage: string;
  readonly expected_close: IsoDate | null;
  readonly amount: Dec;
  readonly probability_pct: Dec;
  readonly weighted: Dec;
}

export interface ClosingRow extends DealLine {
  readonly days_left: number;
}

export interface AtRiskRow extends DealLine {
  /** Days past the expected close (null when not past it). */
  readonly days_past_close: number | null;
  readonly last_activity: IsoDate;
  readonly idle_days: number;
  readonly rot_days: number | null;
  readonly reasons: readonly ('past-close' | 'rotting')[];
}

export interface FunnelRow {
  readonly stage: string;
  readonly reached: number;
  readonly advanced: number | null;
  readonly conversion_pct: Dec | null;
  readonly drop_off: number | null;
  readonly drop_off_pct: Dec | null;
  readonly lost_here: number;
  readonly open_here: number;
}

export interface StageTimeRow {
  readonly stage: string;
  readonly stays: number;
  readonly avg_days: Dec | null;
  readonly open_now: number;
  readonly avg_age_now: Dec | null;
}

export interface PipelineReport {
  readonly as_of: IsoDate;
  readonly closing_days: number;
  readonly stages: StageRow[];
  readonly total: Sums;
  readonly owners: OwnerRow[];
  readonly forecast: ForecastRow[];
  readonly closing: ClosingRow[];
  readonly at_risk: AtRiskRow[];
  readonly funnel: FunnelRow[];
  readonly stage_time: StageTimeRow[];
}

const HUNDRED = Dec.int(100);

/** Exact sums, rounded once. */
class Acc {
  count = 0;
  amount = Dec.ZERO;
  weighted = Dec.ZERO;
  add(d: DealFacts): void {
    this.count++;
    this.amount = this.amount.add(d.amount);
    this.weighted = this.weighted.add(d.amount.mul(d.probability));
  }
  out(minor: number, mode: RoundingMode): Sums {
    return { count: this.count, amount: this.amount.round(minor, mode), weighted: this.weighted.round(minor, mode) };
  }
}

function acc<K>(m: Map<K, Acc>, k: K): Acc {
  let a = m.get(k);
  if (!a) m.set(k, (a = new Acc()));
  return a;
}

/** Latest activity date per deal, on or before the as-of date. */
export function lastActivityByDeal(activities: readonly ActivityIn[], asOf: IsoDate): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const a of activities) {
    if (!a.deal || a.date > asOf) continue;
    const prev = last.get(a.deal);
    if (prev === undefined || a.date > prev) last.set(a.deal, a.date);
  }
  return last;
}

export function dealLine(d: DealFacts, minor: number, mode: RoundingMode): DealLine {
  return {
    id: d.id,
    title: d.title,
    customer: d.customer,
    owner: d.owner,
    stage: d.stage,
    expected_close: d.expectedClose,
    amount: d.amount,
    probability_pct: d.probability.mul(HUNDRED).normalize(),
    weighted: d.amount.mul(d.probability).round(minor, mode),
  };
}

// The rows below are built field by field in dealLine's order (then their own fields), not with
// `{ ...dealLine(d) }`: spreading cost more than the rest of the pipeline for 10,000s of deals.

function closingRow(d: DealFacts, minor: number, mode: RoundingMode, daysLeft: number): ClosingRow {
  return {
    id: d.id,
    title: d.title,
    customer: d.customer,
    owner: d.owner,
    stage: d.stage,
    expected_close: d.expectedClose,
    amount: d.amount,
    probability_pct: d.probability.mul(HUNDRED).normalize(),
    weighted: d.amount.mul(d.probability).round(minor, mode),
    days_left: daysLeft,
  };
}

function atRiskRow(d: DealFacts, minor: number, mode: RoundingMode, r: Pick<AtRiskRow, 'days_past_close' | 'last_activity' | 'idle_days' | 'rot_days' | 'reasons'>): AtRiskRow {
  return {
    id: d.id,
    title: d.title,
    customer: d.customer,
    owner: d.owner,
    stage: d.stage,
    expected_close: d.expectedClose,
    amount: d.amount,
    probability_pct: d.probability.mul(HUNDRED).normalize(),
    weighted: d.amount.mul(d.probability).round(minor, mode),
    days_past_close: r.days_past_close,
    last_activity: r.last_activity,
    idle_days: r.idle_days,
    rot_days: r.rot_days,
    reasons: r.reasons,
  };
}

const byId = (a: { id: string }, b: { id: string }) => naturalCompare(a.id, b.id);

export function pipeline(deals: readonly DealFacts[], activities: readonly ActivityIn[], stages: Stages, spec: PipelineSpec): PipelineReport {
  const { asOf, minor, rounding } = spec;
  const open = deals.filter((d) => d.kind === 'open').sort(byId);

  const byStage = new Map<string, Acc>();
  const byOwner = new Map<string | null, Acc>();
  const byMonth = new Map<string, Acc>();
  const total = new Acc();
  const lastAct = lastActivityByDeal(activities, asOf);
  const closing: ClosingRow[] = [];
  const atRisk: AtRiskRow[] = [];
  const horizon = addDays(asOf, spec.closingDays);

  for (const d of open) {
    total.add(d);
    acc(byStage, d.stage).add(d);
    acc(byOwner, d.owner).add(d);
    const ec = d.expectedClose;
    acc(byMonth, ec === null ? 'none' : ec < asOf ? 'overdue' : ec.slice(0, 7)).add(d);
    if (ec !== null && ec >= asOf && ec <= horizon) closing.push(closingRow(d, minor, rounding, diffDays(ec, asOf)));
    const act = lastAct.get(d.id);
    const last = act !== undefined && act > d.entered ? act : d.entered;
    const idle = diffDays(asOf, last);
    const rot = stages.get(d.stage)?.rot_days ?? null;
    const reasons: ('past-close' | 'rotting')[] = [];
    if (ec !== null && ec < asOf) reasons.push('past-close');
    if (rot !== null && idle > rot) reasons.push('rotting');
    if (reasons.length)
      atRisk.push(atRiskRow(d, minor, rounding, { days_past_close: ec !== null && ec < asOf ? diffDays(asOf, ec) : null, last_activity: last, idle_days: idle, rot_days: rot, reasons }));
  }

  const stageRows: StageRow[] = stages.open.map((s) => ({
    stage: s.id,
    name: s.name,
    name_zh: s.name_zh,
    probability_pct: s.probability.mul(HUNDRED).normalize(),
    ...(byStage.get(s.id) ?? new Acc()).out(minor, rounding),
  }));
  const owners: OwnerRow[] = [...byOwner.entries()]
    .sort(([a], [b]) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : naturalCompare(a, b)))
    .map(([owner, a]) => ({ owner, ...a.out(minor, rounding) }));
  const monthKey = (m: string) => (m === 'overdue' ? '' : m === 'none' ? '~' : m);
  const forecast: ForecastRow[] = [...byMonth.entries()]
    .sort(([a], [b]) => (monthKey(a) < monthKey(b) ? -1 : monthKey(a) > monthKey(b) ? 1 : 0))
    .map(([month, a]) => ({ month, ...a.out(minor, rounding) }));
  closing.sort((a, b) => (a.expected_close! < b.expected_close! ? -1 : a.expected_close! > b.expected_close! ? 1 : byId(a, b)));

  return {
    as_of: asOf,
    closing_days: spec.closingDays,
    stages: stageRows,
    total: total.out(minor, rounding),
    owners,
    forecast,
    closing,
    at_risk: atRisk,
    funnel: funnel(deals, stages),
    stage_time: stageTime(deals, stages, asOf),
  };
}

/** Furthest open-stage index a deal reached; won deals are past every open stage. */
function level(d: DealFacts, stages: Stages): number {
  if (d.kind === 'won') return stages.open.length;
  let lv = Math.max(0, stages.openIndex(d.stage));
  for (const h of d.history) lv = Math.max(lv, stages.openIndex(h.stage));
  return lv;
}

export function funnel(deals: readonly DealFacts[], stages: Stages): FunnelRow[] {
  const n = stages.open.length;
  const atLevel = new Array<number>(n + 1).fill(0);
  const lostAt = new Array<number>(n).fill(0);
  const openAt = new Array<number>(n).fill(0);
  for (const d of deals) {
    const lv = level(d, stages);
    atLevel[lv]!++;
    if (d.kind === 'lost') lostAt[lv]!++;
    else if (d.kind === 'open') openAt[lv]!++;
  }
  // reached(i) = Σ atLevel[j], j ≥ i
  const reached = new Array<number>(n + 1).fill(0);
  for (let i = n, run = 0; i >= 0; i--) reached[i] = run += atLevel[i]!;
  const rows: FunnelRow[] = stages.open.map((s, i) => {
    const r = reached[i]!;
    const adv = reached[i + 1]!;
    return { stage: s.id, reached: r, advanced: adv, conversion_pct: pct(adv, r), drop_off: r - adv, drop_off_pct: pct(r - adv, r), lost_here: lostAt[i]!, open_here: openAt[i]! };
  });
  rows.push({ stage: stages.firstOf('won')?.id ?? 'won', reached: reached[n]!, advanced: null, conversion_pct: null, drop_off: null, drop_off_pct: null, lost_here: 0, open_here: 0 });
  return rows;
}

export function stageTime(deals: readonly DealFacts[], stages: Stages, asOf: IsoDate): StageTimeRow[] {
  const stays = new Map<string, { n: number; days: number }>();
  const now = new Map<string, { n: number; days: number }>();
  const bump = (m: Map<string, { n: number; days: number }>, k: string, days: number) => {
    const e = m.get(k) ?? { n: 0, days: 0 };
    e.n++;
    e.days += days;
    m.set(k, e);
  };
  for (const d of deals) {
    const h = d.history;
    for (let i = 0; i + 1 < h.length; i++) {
      if (stages.kind(h[i]!.stage) !== 'open') continue;
      bump(stays, h[i]!.stage, diffDays(h[i + 1]!.date, h[i]!.date));
    }
    if (d.kind === 'open') bump(now, d.stage, diffDays(asOf, d.entered));
  }
  return stages.open.map((s) => {
    const a = stays.get(s.id);
    const b = now.get(s.id);
    return {
      stage: s.id,
      stays: a?.n ?? 0,
      avg_days: a ? quotient(a.days, a.n, 1) : null,
      open_now: b?.n ?? 0,
      avg_age_now: b ? quotient(b.days, b.n, 1) : null,
    };
  });
}
