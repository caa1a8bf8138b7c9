/**
 * Sales performance over a period (pure).
 *
 * Closed in the period = won or lost with a close date in [period start, min(period end, as-of)].
 * - win rate = won / (won + lost), as a percentage rounded half-up to 2 decimals;
 * - average won size = Σ won amounts / won, rounded to the minor unit;
 * - average cycle = Σ (closed − created) days of won deals / won, rounded half-up to 1 decimal;
 * - sales velocity (per day) = open deals × average won size × win rate ÷ average cycle days,
 *   computed from the unrounded parts, i.e. open × Σwon amount × won ÷ ((won + lost) × Σcycle days),
 *   and rounded once to the minor unit. Open deals are those open on the as-of date.
 *   Undefined (null) when nothing was won or the won deals' cycles add up to 0 days.
 * - lost reasons: lost deals of the period grouped by their exact `lost_reason` text.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { diffDays, type IsoDate } from '../../domain/dates.js';
import type { Period } from '../../domain/periods.js';
import { naturalCompare } from '../../util/natural.js';
import type { DealFacts } from './deals.js';
import { pct, quotient } from './ratio.js';

export interface StatsSpec {
  readonly period: Period;
  readonly asOf: IsoDate;
  readonly minor: number;
  readonly rounding: RoundingMode;
}

export interface Performance {
  readonly won: number;
  readonly lost: number;
  readonly won_amount: Dec;
  readonly lost_amount: Dec;
  readonly win_rate_pct: Dec | null;
  readonly avg_won_size: Dec | null;
  readonly avg_cycle_days: Dec | null;
}

export interface OwnerPerformance extends Performance {
  readonly owner: string | null;
}

export interface LostReason {
  readonly reason: string | null;
  readonly count: number;
  readonly amount: Dec;
}

export interface StatsReport extends Performance {
  readonly period: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly as_of: IsoDate;
  readonly open_deals: number;
  readonly cycle_days_total: number;
  readonly velocity_per_day: Dec | null;
  readonly deals: readonly { id: string; customer: string; owner: string | null; outcome: 'won' | 'lost'; created: IsoDate; closed: IsoDate; cycle_days: number; amount: Dec; lost_reason: string | null }[];
  readonly lost_reasons: LostReason[];
  readonly owners: OwnerPerformance[];
}

class Perf {
  won = 0;
  lost = 0;
  wonAmount = Dec.ZERO;
  lostAmount = Dec.ZERO;
  cycle = 0;
  add(d: DealFacts): void {
    if (d.kind === 'won') {
      this.won++;
      this.wonAmount = this.wonAmount.add(d.amount);
      this.cycle += diffDays(d.closed!, d.created);
    } else {
      this.lost++;
      this.lostAmount = this.lostAmount.add(d.amount);
    }
  }
  out(minor: number, mode: RoundingMode): Performance {
    return {
      won: this.won,
      lost: this.lost,
      won_amount: this.wonAmount.round(minor, mode),
      lost_amount: this.lostAmount.round(minor, mode),
      win_rate_pct: pct(this.won, this.won + this.lost),
      avg_won_size: quotient(this.wonAmount, this.won, minor, mode),
      avg_cycle_days: quotient(this.cycle, this.won, 1),
    };
  }
}

export function salesStats(deals: readonly DealFacts[], spec: StatsSpec): StatsReport {
  const to = spec.period.end < spec.asOf ? spec.period.end : spec.asOf;
  const closed = deals
    .filter((d) => d.kind !== 'open' && d.closed !== null && d.closed >= spec.period.start && d.closed <= to)
    .sort((a, b) => (a.closed! < b.closed! ? -1 : a.closed! > b.closed! ? 1 : naturalCompare(a.id, b.id)));
  const all = new Perf();
  const byOwner = new Map<string | null, Perf>();
  const reasons = new Map<string | null, { count: number; amount: Dec }>();
  for (const d of closed) {
    all.add(d);
    let p = byOwner.get(d.owner);
    if (!p) byOwner.set(d.owner, (p = new Perf()));
    p.add(d);
    if (d.kind === 'lost') {
      const r = reasons.get(d.lostReason) ?? { count: 0, amount: Dec.ZERO };
      r.count++;
      r.amount = r.amount.add(d.amount);
      reasons.set(d.lostReason, r);
    }
  }
  const open = deals.filter((d) => d.kind === 'open').length;
  // velocity = open × (S / won) × (won / (won + lost)) ÷ (C / won) = open × S × won ÷ ((won + lost) × C)
  const velocity = all.won > 0 && all.cycle > 0 ? all.wonAmount.mul(Dec.int(open * all.won)).div(Dec.int((all.won + all.lost) * all.cycle), spec.minor, spec.rounding) : null;
  const { minor, rounding } = spec;
  return {
    period: spec.period.name,
    from: spec.period.start,
    to,
    as_of: spec.asOf,
    ...all.out(minor, rounding),
    open_deals: open,
    cycle_days_total: all.cycle,
    velocity_per_day: velocity,
    deals: closed.map((d) => ({
      id: d.id,
      customer: d.customer,
      owner: d.owner,
      outcome: d.kind as 'won' | 'lost',
      created: d.created,
      closed: d.closed!,
      cycle_days: diffDays(d.closed!, d.created),
      amount: d.amount,
      lost_reason: d.lostReason,
    })),
    lost_reasons: [...reasons.entries()]
      .map(([reason, r]) => ({ reason, count: r.count, amount: r.amount.round(minor, rounding) }))
      .sort((a, b) => b.count - a.count || (a.reason === null ? 1 : b.reason === null ? -1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
    owners: [...byOwner.entries()]
      .sort(([a], [b]) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : naturalCompare(a, b)))
      .map(([owner, p]) => ({ owner, ...p.out(minor, rounding) })),
  };
}
