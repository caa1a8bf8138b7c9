import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Workspace } from '../../workspace/workspace.js';

/**
 * One headline number of the owner's overview. `value(ws, date)` must give
 * exactly the number its dedicated command prints (`source`) for that date;
 * the overview shows it as of the report date and one month earlier.
 */
export interface MetricDef {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly unit: 'money' | 'count';
  /** The command that prints the same number. */
  readonly source: string;
  /** Which way is good news (for the trend arrow's colour). */
  readonly good: 'up' | 'down';
  /** Whether the workspace has the data for it (modules switch on as their files appear). */
  present(ws: Workspace): boolean;
  value(ws: Workspace, date: IsoDate): Dec;
  /** Why the number for that date means nothing to compare with (e.g. before the stock history starts), or null. */
  incomparable?(ws: Workspace, date: IsoDate): string | null;
}

export interface Metric {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly unit: 'money' | 'count';
  readonly source: string;
  readonly good: 'up' | 'down';
  readonly value: Dec;
  /** Null when the earlier number means nothing (`why`). */
  readonly previous: Dec | null;
  readonly change: Dec | null;
  readonly why?: string;
}

/** A chart of the HTML overview: labelled series of exact values. */
export interface Chart {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly kind: 'bars' | 'line' | 'funnel';
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly Dec[] }[];
}

export interface ChartDef {
  readonly key: string;
  present(ws: Workspace): boolean;
  build(ws: Workspace, asOf: IsoDate): Chart;
}
