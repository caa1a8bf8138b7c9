import type { Command } from 'commander';
import type { IsoDate } from '../domain/dates.js';
import type { PeriodKind } from '../domain/periods.js';
import { parseAccountPattern, parseTagFilter, type Query } from '../engines/ledger/query.js';
import type { PriceDb } from '../engines/ledger/prices.js';
import type { Ctx } from './context.js';
import { UsageError } from './errors.js';
import { addRangeOptions, rangeFrom, type RangeFlags } from './period.js';

export interface LedgerFlags extends RangeFlags {
  tag?: string[];
  monthly?: boolean;
  quarterly?: boolean;
  yearly?: boolean;
  depth?: string;
  flat?: boolean;
  empty?: boolean;
}

/** The report-range options shared by ledger reports (hledger-compatible meanings). */
export function addQueryOptions(cmd: Command, opts: { periods?: boolean; tree?: boolean } = {}): Command {
  addRangeOptions(cmd, { begin: 'include postings on or after this date', end: 'include postings before this date (exclusive, like hledger); default: the day after --as-of' })
    .option('--tag <tag...>', 'only transactions with this tag (name or name=value); repeat to require several');
  if (opts.periods) cmd.option('-M, --monthly', 'one column per month').option('-Q, --quarterly', 'one column per quarter').option('-Y, --yearly', 'one column per year');
  if (opts.tree) cmd.option('--flat', 'a flat list of accounts with their own postings only').option('--depth <n>', 'hide accounts deeper than N (their amounts roll up)').option('-E, --empty', 'also show accounts with a zero balance');
  return cmd;
}

/** An account pattern from the command line: a malformed regular expression is a usage error, never a silent empty report. */
function pattern(text: string): RegExp {
  const p = parseAccountPattern(text);
  if (p.ok) return p.re;
  throw new UsageError(`account pattern "${text}" is not a valid regular expression: ${p.why.toLowerCase()}`, 'patterns are case-insensitive regular expressions; put a \\ before a special character to match it as itself, e.g. "\\[old\\]"');
}

export function queryFrom(flags: LedgerFlags, patterns: readonly string[], asOf: IsoDate): Query & { interval?: PeriodKind; depth?: number; flat: boolean; empty: boolean } {
  const { begin, end } = rangeFrom(flags, asOf);
  const kinds = [flags.monthly && 'month', flags.quarterly && 'quarter', flags.yearly && 'year'].filter(Boolean) as PeriodKind[];
  if (kinds.length > 1) throw new UsageError('choose one of -M, -Q, -Y');
  let depth: number | undefined;
  if (flags.depth !== undefined) {
    depth = Number(flags.depth);
    if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`--depth must be a whole number ≥ 1, not "${flags.depth}"`);
  }
  const q: Query & { interval?: PeriodKind; depth?: number; flat: boolean; empty: boolean } = {
    ...(begin ? { begin } : {}),
    end,
    accounts: patterns.map(pattern),
    tags: (flags.tag ?? []).map(parseTagFilter),
    flat: flags.flat === true,
    empty: flags.empty === true,
    ...(kinds[0] ? { interval: kinds[0] } : {}),
    ...(depth ? { depth } : {}),
  };
  return q;
}

/**
 * After -X: say on stderr which commodities had no price to the target (they stay in their own
 * commodity, as in hledger); the report itself is still printed, exit 0. Returns the commodity the
 * table may leave unlabelled: the target when something stayed unconverted (so those amounts carry
 * their commodity, e.g. CNY, instead of passing for target amounts), else the base currency.
 */
export function warnUnconverted(ctx: Ctx, db: PriceDb, target: string, base: string): string {
  const missing = db.unconverted.get(target);
  if (!missing?.size) return base;
  const list = [...missing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [c, date] of list) ctx.info(`warning: -X ${target}: no price converts ${c} to ${target} on or before ${date}; ${c} amounts are shown in ${c}`);
  const [c, date] = list[list.length - 1]!;
  ctx.info(`  hint: add the rate to finance/prices, e.g. "- { date: ${date}, commodity: ${target}, price: <${c} per ${target}> ${c} }"`);
  return target;
}
