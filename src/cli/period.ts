/**
 * Report ranges from the command line, shared by every command that takes them:
 * `--begin DATE` (inclusive), `--end DATE` (exclusive, like hledger), or `--period P`
 * as a shorthand for both — a month 2026-10, a quarter 2026-Q3, a year 2026, an ISO
 * week 2026-W42 or a day — which may not be combined with them.
 */
import type { Command } from 'commander';
import { addDays, parseDate, type IsoDate } from '../domain/dates.js';
import { parsePeriod, type Period } from '../domain/periods.js';
import { UsageError } from './errors.js';

export const PERIOD_HINT = 'write a month (2026-10), a quarter (2026-Q3), a year (2026) or an ISO week (2026-W42)';

/** A --period value, or a usage error. */
export function periodFlag(text: string, flag = '--period'): Period {
  const p = parsePeriod(text);
  if (!p) throw new UsageError(`${flag} "${text}" is not a period`, PERIOD_HINT);
  return p;
}

export interface RangeFlags {
  begin?: string;
  end?: string;
  period?: string;
}

/** -b/--begin, -e/--end and -p/--period, with the command's own words for what they select. */
export function addRangeOptions(cmd: Command, what: { begin: string; end: string }): Command {
  return cmd
    .option('-b, --begin <date>', what.begin)
    .option('-e, --end <date>', what.end)
    .option('-p, --period <period>', 'shorthand for --begin and --end: a month 2026-10, quarter 2026-Q3, year 2026 or ISO week 2026-W42');
}

function date(text: string, flag: string): IsoDate {
  const d = parseDate(text);
  if (!d) throw new UsageError(`${flag} "${text}" is not a date`, 'write YYYY-MM-DD');
  return d;
}

/** [begin, end): from --period, or --begin/--end (end default: the day after --as-of). */
export function rangeFrom(flags: RangeFlags, asOf: IsoDate): { begin: IsoDate | null; end: IsoDate } {
  if (flags.period !== undefined) {
    const p = periodFlag(flags.period);
    const range = { begin: p.start, end: addDays(p.end, 1) };
    if (flags.begin !== undefined || flags.end !== undefined) throw new UsageError('give --period or --begin/--end, not both', `--period ${flags.period} is --begin ${range.begin} --end ${range.end}`);
    return range;
  }
  const begin = flags.begin !== undefined ? date(flags.begin, '--begin') : null;
  const end = flags.end !== undefined ? date(flags.end, '--end') : addDays(asOf, 1);
  if (begin && end <= begin) throw new UsageError(`--end ${end} is not after --begin ${begin}`);
  return { begin, end };
}
