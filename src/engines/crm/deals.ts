/**
 * Deals as the CRM engines see them ("facts"), as of a date:
 *
 * - A deal exists from its `created` date; deals created after the as-of date are left out.
 * - Its stage as of the date: when every history entry is on or before the as-of date, the
 *   `stage` field (the file is the truth); otherwise the stage of the last history entry on or
 *   before the as-of date (or the first entry, if none is), so a past `--as-of` shows the
 *   pipeline as it stood then.
 * - `entered`: the date of the last history entry for that stage (on or before the as-of date),
 *   else `created`.
 * - `closed` (won/lost deals): the `closed` field, else the date it entered the won/lost stage.
 * - amount: `amount`, else Σ lines round(qty × price × (1 − discount)) to the minor unit, a
 *   missing line price taken from the item's list price (0 when there is none); in the base currency.
 * - probability: the deal's `probability` when given, else its stage's.
 */
import { Dec, type RoundingMode } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { lineAmounts } from '../../domain/documents.js';
import type { Stages } from './stages.js';
import type { ToBase } from './money.js';

export interface DealLineIn {
  readonly item: string;
  readonly qty: Dec;
  readonly price?: Dec;
  readonly discount?: Dec;
}

export interface StageChangeIn {
  readonly stage: string;
  readonly date: IsoDate;
}

/** The fields of a deal record the engines read. */
export interface DealIn {
  readonly id: string;
  readonly title: string;
  readonly customer: string;
  readonly owner?: string;
  readonly stage: string;
  readonly amount?: Dec;
  readonly currency?: string;
  readonly probability?: Dec;
  readonly created: IsoDate;
  readonly expected_close?: IsoDate;
  readonly closed?: IsoDate;
  readonly lost_reason?: string;
  readonly campaign?: string;
  readonly next_step?: string;
  readonly next_step_date?: IsoDate;
  readonly lines?: readonly DealLineIn[];
  readonly history?: readonly StageChangeIn[];
}

export interface DealFacts {
  readonly id: string;
  readonly title: string;
  readonly customer: string;
  readonly owner: string | null;
  /** Stage as of the date. */
  readonly stage: string;
  readonly kind: 'open' | 'won' | 'lost';
  /** Date the deal entered its stage. */
  readonly entered: IsoDate;
  /** Amount in the base currency. */
  readonly amount: Dec;
  /** Effective probability: the deal's override, else the stage's. */
  readonly probability: Dec;
  readonly overridden: boolean;
  readonly created: IsoDate;
  readonly expectedClose: IsoDate | null;
  /** Won/lost date (null for open deals). */
  readonly closed: IsoDate | null;
  readonly lostReason: string | null;
  readonly campaign: string | null;
  /** Stage changes up to the as-of date, oldest first. */
  readonly history: readonly StageChangeIn[];
  readonly nextStep: string | null;
  readonly nextStepDate: IsoDate | null;
}

export interface DealFactsOptions {
  readonly asOf: IsoDate;
  readonly minor: number;
  readonly rounding: RoundingMode;
  /** List price of an item (items.price), for deal lines without a price. */
  readonly itemPrice: (item: string) => Dec | undefined;
  readonly toBase: ToBase;
}

/** Σ lines round(qty × price × (1 − discount), minor). */
export function linesAmount(lines: readonly DealLineIn[], o: Pick<DealFactsOptions, 'minor' | 'rounding' | 'itemPrice'>): Dec {
  let sum = Dec.ZERO.withScale(o.minor);
  for (const l of lines) {
    const price = l.price ?? o.itemPrice(l.item) ?? Dec.ZERO;
    const a = lineAmounts(l.discount ? { qty: l.qty, price, discount: l.discount } : { qty: l.qty, price }, o.minor, o.rounding);
    sum = sum.add(a.net);
  }
  return sum;
}

/** A deal's amount in its own currency: `amount`, else the sum of its lines (linesAmount). */
export function dealAmount(d: Pick<DealIn, 'amount' | 'lines'>, o: Pick<DealFactsOptions, 'minor' | 'rounding' | 'itemPrice'>): Dec {
  return d.amount ?? linesAmount(d.lines ?? [], o);
}

export function dealFacts(deals: readonly DealIn[], stages: Stages, o: DealFactsOptions): DealFacts[] {
  const out: DealFacts[] = [];
  for (const d of deals) {
    if (d.created > o.asOf) continue;
    const all = d.history ?? NO_HISTORY;
    const hist = all.length === 0 ? NO_HISTORY : sortedHistory(all.filter((h) => h.date <= o.asOf));
    const later = hist.length < all.length;
    let stage = d.stage;
    if (later) stage = hist.length ? hist[hist.length - 1]!.stage : (sortedHistory(all)[0]?.stage ?? d.stage);
    let entered = d.created;
    for (const h of hist) if (h.stage === stage) entered = h.date;
    const kind = stages.kind(stage);
    const closed = kind === 'open' ? null : d.closed && d.closed <= o.asOf ? d.closed : entered;
    const raw = dealAmount(d, o);
    const amount = o.toBase.convert(raw, d.currency, `deal ${d.id}`) ?? Dec.ZERO;
    const stageP = stages.probability(stage) ?? Dec.ZERO;
    out.push({
      id: d.id,
      title: d.title,
      customer: d.customer,
      owner: d.owner ?? null,
      stage,
      kind,
      entered,
      amount,
      probability: d.probability ?? stageP,
      overridden: d.probability !== undefined,
      created: d.created,
      expectedClose: d.expected_close ?? null,
      closed,
      lostReason: kind === 'lost' ? (d.lost_reason ?? null) : null,
      campaign: d.campaign ?? null,
      history: hist,
      nextStep: d.next_step ?? null,
      nextStepDate: d.next_step_date ?? null,
    });
  }
  return out;
}

/** The history of a deal without stage changes (shared: no arrays per deal for the common case). */
const NO_HISTORY: readonly StageChangeIn[] = Object.freeze([]);

/** History oldest first (stable for entries on the same date). */
function sortedHistory(h: readonly StageChangeIn[]): StageChangeIn[] {
  return h
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.date < b.x.date ? -1 : a.x.date > b.x.date ? 1 : a.i - b.i))
    .map((e) => e.x);
}
