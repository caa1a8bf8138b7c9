/**
 * Market prices (finance/prices): one unit of `commodity` is worth `price`
 * (in another commodity) from `date` on. Valuation converts an amount with the
 * latest price on or before the valuation date; a direct price is used when
 * there is one, else the inverse of a price in the other direction. Amounts
 * with no usable price stay in their own commodity (as in hledger).
 */
import type { IsoDate } from '../../domain/dates.js';
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import { addTo, type Amounts } from './balances.js';

export interface PricePoint {
  readonly date: IsoDate;
  readonly from: string;
  readonly to: string;
  readonly rate: Dec;
}

export class PriceDb {
  private readonly byPair = new Map<string, PricePoint[]>();
  /**
   * Commodities that `value` could not convert (a non-zero amount and no price), each with the latest
   * date it failed on, by target: the caller says so (hledger keeps them silently in their own commodity).
   * No price on or before that date means none on or before any earlier one either.
   */
  readonly unconverted = new Map<string, Map<string, IsoDate>>();
  constructor(points: readonly PricePoint[]) {
    for (const p of points) {
      const k = `${p.from}\u0000${p.to}`;
      const l = this.byPair.get(k) ?? [];
      l.push(p);
      this.byPair.set(k, l);
    }
    for (const l of this.byPair.values()) l.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  private latest(from: string, to: string, date: IsoDate): PricePoint | undefined {
    const l = this.byPair.get(`${from}\u0000${to}`);
    if (!l) return undefined;
    let hit: PricePoint | undefined;
    for (const p of l) {
      if (p.date > date) break;
      hit = p;
    }
    return hit;
  }

  /** The rate from → to on a date (exact for direct prices; 12 decimal places for inverted ones). */
  rate(from: string, to: string, date: IsoDate): Dec | null {
    if (from === to) return Dec.ONE;
    const direct = this.latest(from, to, date);
    if (direct) return direct.rate;
    const inverse = this.latest(to, from, date);
    if (inverse && !inverse.rate.isZero()) return Dec.ONE.div(inverse.rate, 12, 'half-up');
    return null;
  }

  /** Amounts converted to `target` where a price exists, rounded to `minor` places; others kept as they are. */
  value(a: Amounts, target: string, date: IsoDate, minor: number, mode: RoundingMode): Amounts {
    const out: Amounts = new Map();
    let converted: Dec | null = null;
    for (const [c, v] of a) {
      const r = this.rate(c, target, date);
      if (r === null) {
        addTo(out, c, v);
        if (!v.isZero()) this.noteUnconverted(c, target, date);
      } else converted = (converted ?? Dec.ZERO).add(v.mul(r));
    }
    if (converted) addTo(out, target, converted.round(minor, mode));
    return out;
  }

  private noteUnconverted(commodity: string, target: string, date: IsoDate): void {
    let m = this.unconverted.get(target);
    if (!m) this.unconverted.set(target, (m = new Map()));
    const seen = m.get(commodity);
    if (seen === undefined || seen < date) m.set(commodity, date);
  }
}
