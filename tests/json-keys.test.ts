/**
 * The naming rule of every report's JSON: keys are snake_case, the same names as
 * the CSV header. Every report command of the README's command table runs with
 * --format json on the example company, and every object key of the output must
 * match KEY, except in the maps keyed by user data, listed by path below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers.js';

const WS = join(REPO, 'data-examples', 'furniture');
const KEY = /^[a-z0-9]+(_[a-z0-9]+)*$/;

// Maps whose keys are user data, by path ("[]" = every element of an array).
/** Ledger amounts: commodity → amount ({ "CNY": "…" }). */
const commodities = (...paths: string[]) => paths;
const BALANCE = commodities('$.rows[].balance', '$.total');
const SECTIONS = commodities('$.sections[].rows[].amount', '$.sections[].total');
/** … and with -M/-Q/-Y, one per period. */
const BALANCE_PERIODS = [...BALANCE, ...commodities('$.rows[].columns[]', '$.total_columns[]')];
const SECTIONS_PERIODS = [...SECTIONS, ...commodities('$.sections[].rows[].columns[]', '$.sections[].total_columns[]')];
/** Aging columns: bucket label → amount; the labels come from the configured buckets ("not due", "1-30", "over 120"). */
const AGING = '$.rows[].columns';
/** Payroll: component codes and accumulator names are the names written in hr/payroll.yaml. */
const PAY = (at: string) => [`${at}.components`, `${at}.ytd_before`];

interface Case {
  readonly args: readonly string[];
  /** Paths of the maps keyed by user data. */
  readonly maps?: readonly string[];
}

const CASES: readonly Case[] = [
  { args: ['check'] },
  { args: ['ls', 'customers'] },
  { args: ['show', 'SO-2026-0041'] },
  { args: ['export', 'deals'] },
  { args: ['export', 'employees'] },
  { args: ['overview'] },
  { args: ['ledger', 'balance'], maps: BALANCE },
  { args: ['ledger', 'balance', '--flat', '-M'], maps: BALANCE_PERIODS },
  { args: ['ledger', 'register', 'assets:bank'] },
  { args: ['ledger', 'trial-balance'], maps: commodities('$.debit', '$.credit') },
  { args: ['ledger', 'income-statement'], maps: [...SECTIONS, ...commodities('$.net')] },
  { args: ['ledger', 'income-statement', '-Q'], maps: [...SECTIONS_PERIODS, ...commodities('$.net', '$.net_columns[]')] },
  { args: ['ledger', 'balance-sheet'], maps: [...SECTIONS, ...commodities('$.current_earnings', '$.earlier_earnings', '$.total_assets', '$.total_liabilities_equity_earnings', '$.difference')] },
  {
    args: ['ledger', 'balance-sheet', '-X', 'CNY'],
    maps: [...SECTIONS, ...commodities('$.current_earnings', '$.earlier_earnings', '$.revaluation', '$.total_assets', '$.total_liabilities_equity_earnings', '$.difference')],
  },
  { args: ['ledger', 'print'] },
  { args: ['ar', 'aging'], maps: [AGING] },
  { args: ['ar', 'aging', '--detail'] },
  { args: ['ar', 'statement', 'C0001'], maps: ['$.aging[].columns'] },
  { args: ['ap', 'aging'], maps: [AGING] },
  { args: ['ap', 'statement', 'S001'], maps: ['$.aging[].columns'] },
  { args: ['payroll', 'run', '--period', '2026-10'], maps: [...PAY('$.employees[]'), '$.totals'] },
  { args: ['payroll', 'run', '--period', '2026'], maps: PAY('$.periods[].employees[]') },
  { args: ['payroll', 'payslip', 'E003', '--period', '2026-10'], maps: PAY('$') },
  { args: ['payroll', 'bank-file', '--period', '2026-10'] },
  { args: ['crm', 'pipeline'] },
  { args: ['crm', 'stats', '--period', '2026-Q3'] },
  { args: ['crm', 'today'] },
  { args: ['crm', 'segment', 'rfm'] },
  { args: ['crm', 'segment', 'abc'] },
  { args: ['crm', 'dormant', '--days', '60'] },
  { args: ['crm', 'campaigns'] },
  { args: ['crm', 'tickets'] },
  { args: ['stock'] },
  { args: ['stock', '--by', 'item'] },
  { args: ['stock', 'reorder'] },
  { args: ['purchase', 'overdue'] },
  { args: ['purchase', 'suppliers'] },
  { args: ['bom', 'explode', 'DESK-LIFT-1600'] },
  { args: ['bom', 'where-used', 'DRAWER-BOX'] },
  { args: ['bom', 'cost', 'DESK-LIFT-1600'] },
  { args: ['mrp', 'run', '--all', '--for'] },
  { args: ['mrp', 'explain', 'DESK-LIFT-1600'] },
  { args: ['mrp', 'pegging', 'SO-2026-0041'] },
  { args: ['mrp', 'release', '--all-due', '--dry-run'] },
  { args: ['order', 'trace', 'SO-2026-0041'] },
  { args: ['order', 'trace', 'T-2026-0048'] },
  { args: ['sales', 'at-risk'] },
  { args: ['sales', 'promise', 'DESK-1600', '--qty', '20'] },
  { args: ['sales', 'promise', 'DESK-LIFT-1600', '--qty', '10'] },
  { args: ['report', 'margin'] },
  { args: ['report', 'margin', '--by', 'customer'] },
  { args: ['report', 'margin', '--by', 'month'] },
];

/** Commands of the README table that are not reports: they write to the workspace (or need an input file). */
const NOT_REPORTS = [
  'init',
  'fmt',
  'import',
  'ledger export',
  'ledger import-bank',
  'payroll post',
  'crm add customer',
  'crm add deal',
  'crm add activity',
  'crm add ticket',
  'crm deal move',
  'crm deal won',
  'crm deal lost',
];

/** Command paths of the README's command table: "`bizctl bom explode\|where-used SKU`" → bom explode, bom where-used. */
function readmeCommands(): string[] {
  const text = readFileSync(join(REPO, 'README.md'), 'utf8');
  const table = text.slice(text.indexOf('## Commands'), text.indexOf('Global options'));
  const out = new Set<string>();
  for (const row of table.split('\n').filter((l) => l.startsWith('| `bizctl'))) {
    for (const m of row.split(' | ')[0]!.matchAll(/`bizctl ([^`]*)`/g)) {
      let paths: string[][] = [[]];
      for (const tok of m[1]!.split(' ')) {
        if (!/^[a-z][a-z-]*(\\\|[a-z][a-z-]*)*$/.test(tok)) break;
        const alts = tok.split('\\|');
        paths = paths.flatMap((p) => alts.map((a) => [...p, a]));
      }
      for (const p of paths) out.add(p.join(' '));
    }
  }
  return [...out];
}

/**
 * Paths of the object keys that are not snake_case, outside the maps of user data
 * (whose values are still walked), and the map paths that were found.
 */
function keysOf(value: unknown, maps: ReadonlySet<string>): { bad: string[]; found: Set<string> } {
  const bad: string[] = [];
  const found = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, `${path}[]`));
    else if (v !== null && typeof v === 'object') {
      const isMap = maps.has(path);
      if (isMap) found.add(path);
      for (const [k, x] of Object.entries(v)) {
        if (!isMap && !KEY.test(k)) bad.push(`${path}.${k}`);
        walk(x, isMap ? `${path}.*` : `${path}.${k}`);
      }
    }
  };
  walk(value, '$');
  return { bad: [...new Set(bad)], found };
}

describe('JSON keys are snake_case in every report', () => {
  it('the cases cover every report command of the README', () => {
    const covered = (cmd: string) => NOT_REPORTS.includes(cmd) || CASES.some((c) => c.args.join(' ').startsWith(cmd));
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(40);
    expect(commands.filter((c) => !covered(c))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.args.join(' '), c] as const))('%s', async (_, c) => {
    const r = await run(['-C', WS, '--as-of', '2026-11-16', '--format', 'json', ...c.args]);
    expect(r.stderr.startsWith('bizctl:')).toBe(false);
    const maps = new Set(c.maps ?? []);
    const { bad, found } = keysOf(JSON.parse(r.stdout), maps);
    expect(bad).toEqual([]);
    // every exception listed is in the output: no stale entry
    expect([...maps].filter((m) => !found.has(m))).toEqual([]);
  });
});
