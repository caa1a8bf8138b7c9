/**
 * bizctl.yaml: the schema as written, and the normalised Config every
 * engine receives (every key has a default; see docs/workspace.md).
 */
import { Dec } from '../domain/decimal.js';
import type { IsoDate } from '../domain/dates.js';
import { ROUNDING_MODES, type RoundingMode } from '../domain/decimal.js';
import { Diagnostics } from '../diagnostics/types.js';
import type { RawMap } from '../io/raw.js';
import { duration, f, timeOfDay, COMMODITY_RE, INVALID } from '../schema/fields.js';
import { convertRecord, object, records, type Infer } from '../schema/record.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const stageFields = {
  id: f.id().required().doc('stage id used in deals, e.g. qualified'),
  name: f.text().doc('display name'),
  name_zh: f.text().doc('Chinese display name'),
  kind: f.enum(['open', 'won', 'lost'] as const).default('open').doc('open stages are in the pipeline; won/lost close a deal'),
  probability: f.rate().range('0', '1').doc('win probability used for the weighted pipeline, 0–100%'),
  rot_days: f.int().range('1', '100000').doc('a deal with no activity for longer than this is at risk'),
};

const slaFields = {
  first_response: duration().required().doc('target time to first response, e.g. 4h'),
  resolution: duration().required().doc('target time to resolution, e.g. 3d'),
};

export const configFields = {
  company: object(
    {
      name: f.text().doc('legal or trading name'),
      name_en: f.text().doc('English name'),
      tax_id: f.text().doc('unified social credit code / tax id'),
      address: f.text(),
    },
    'company',
  ),
  base_currency: f.text().doc('currency of the books, ISO code').default('CNY'),
  currencies: f.decmap().doc('minor unit (decimal places) per currency, added to the built-in table'),
  rounding: f.enum(ROUNDING_MODES).default('half-up').doc('rounding of money to the minor unit'),
  locale: f.enum(['en', 'zh-CN'] as const).default('en').doc('language of headers and messages'),
  calendar: object(
    {
      workdays: f.list(f.enum(WEEKDAYS)).doc('working weekdays'),
      holidays: f.list(f.date()).doc('non-working dates'),
      extra_workdays: f.list(f.date()).doc('weekend dates that are worked (调休)'),
      day_start: timeOfDay().doc('start of business hours, HH:MM'),
      day_end: timeOfDay().doc('end of business hours, HH:MM'),
    },
    'calendar',
  ),
  aging: object(
    {
      basis: f.enum(['due', 'document'] as const).doc('age from the due date or the document date'),
      buckets: f.list(f.int().range('1', '100000')).doc('upper bounds of the age buckets in days, ascending'),
    },
    'aging',
  ),
  crm: object(
    {
      stages: records(stageFields, 'stage').doc('pipeline stages in order'),
      dormant_days: f.int().range('1', '100000').doc('no purchase for this many days = dormant'),
      closing_days: f.int().range('1', '100000').doc('"closing soon" window in days'),
    },
    'crm',
  ),
  sla: object(
    {
      clock: f.enum(['calendar', 'business'] as const).doc('count SLA time in calendar or business hours'),
      priorities: f.any().doc('per priority: first_response and resolution durations'),
    },
    'sla',
  ),
  finance: object(
    {
      receivable: f.account(),
      payable: f.account(),
      revenue: f.account(),
      purchases: f.account(),
      tax_output: f.account(),
      tax_input: f.account(),
      bank: f.account(),
      retained_earnings: f.account(),
      fiscal_year_start: f.int().range('1', '12'),
    },
    'finance',
  ),
  inventory: object({ default_location: f.id() }, 'inventory'),
  payroll: object({ preset: f.enum(['china', 'none'] as const) }, 'payroll'),
};

export type ConfigAsWritten = Infer<typeof configFields>;

export interface Stage {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly kind: 'open' | 'won' | 'lost';
  readonly probability: Dec;
  readonly rot_days: number | null;
}

export interface SlaTarget {
  readonly first_response: number;
  readonly resolution: number;
}

export interface Config {
  readonly company: { name: string; name_en: string; tax_id: string; address: string };
  readonly base_currency: string;
  readonly currencies: ReadonlyMap<string, number>;
  readonly rounding: RoundingMode;
  readonly locale: 'en' | 'zh-CN';
  readonly calendar: {
    workdays: readonly Weekday[];
    holidays: ReadonlySet<IsoDate>;
    extra_workdays: ReadonlySet<IsoDate>;
    day_start: number;
    day_end: number;
  };
  readonly aging: { basis: 'due' | 'document'; buckets: readonly number[] };
  readonly crm: { stages: readonly Stage[]; dormant_days: number; closing_days: number };
  readonly sla: { clock: 'calendar' | 'business'; priorities: ReadonlyMap<string, SlaTarget> };
  readonly finance: {
    receivable: string;
    payable: string;
    revenue: string;
    purchases: string;
    tax_output: string;
    tax_input: string;
    bank: string;
    retained_earnings: string;
    fiscal_year_start: number;
  };
  readonly inventory: { default_location: string | null };
  readonly payroll: { preset: 'china' | 'none' };
}

/** ISO 4217 minor units for common currencies; more via `currencies:` in bizctl.yaml. */
export const BUILTIN_MINOR_UNITS: Record<string, number> = {
  CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, TWD: 2, SGD: 2, AUD: 2, CAD: 2, CHF: 2, KRW: 0, JPY: 0, MOP: 2, THB: 2, VND: 0, MYR: 2, INR: 2, RUB: 2,
};

export const DEFAULT_STAGES: Stage[] = [
  { id: 'lead', name: 'Lead', name_zh: '线索', kind: 'open', probability: Dec.of('0.10'), rot_days: 14 },
  { id: 'qualified', name: 'Qualified', name_zh: '已确认需求', kind: 'open', probability: Dec.of('0.25'), rot_days: 14 },
  { id: 'proposal', name: 'Proposal', name_zh: '方案报价', kind: 'open', probability: Dec.of('0.50'), rot_days: 10 },
  { id: 'negotiation', name: 'Negotiation', name_zh: '商务谈判', kind: 'open', probability: Dec.of('0.75'), rot_days: 7 },
  { id: 'won', name: 'Won', name_zh: '赢单', kind: 'won', probability: Dec.of('1'), rot_days: null },
  { id: 'lost', name: 'Lost', name_zh: '输单', kind: 'lost', probability: Dec.of('0'), rot_days: null },
];

export const DEFAULT_SLA: ReadonlyMap<string, SlaTarget> = new Map([
  ['urgent', { first_response: 60, resolution: 8 * 60 }],
  ['high', { first_response: 4 * 60, resolution: 24 * 60 }],
  ['normal', { first_response: 8 * 60, resolution: 72 * 60 }],
  ['low', { first_response: 24 * 60, resolution: 7 * 1440 }],
]);

export function defaultConfig(): Config {
  return normalizeConfig(null, new Diagnostics(), '');
}

/** Read bizctl.yaml's root mapping (or nothing) into a Config; problems go to diags. */
export function readConfig(root: RawMap | null, diags: Diagnostics, file: string): Config {
  if (!root) return normalizeConfig(null, diags, file);
  const w = convertRecord(configFields, root, { diags, what: 'bizctl.yaml' }, { checkUnknown: true });
  return normalizeConfig(w ? { written: w, root } : null, diags, file);
}

function normalizeConfig(src: { written: ConfigAsWritten; root: RawMap } | null, diags: Diagnostics, file: string): Config {
  const w = src?.written;
  const at = (path: string[]) => {
    let m: RawMap | undefined = src?.root;
    let loc = m?.loc ?? { file, line: 1, col: 1 };
    for (const p of path) {
      const v = m?.get(p);
      if (!v) break;
      loc = v.loc;
      m = v.kind === 'map' ? v : undefined;
    }
    return loc;
  };
  const currencies = new Map<string, number>(Object.entries(BUILTIN_MINOR_UNITS));
  for (const [k, v] of Object.entries(w?.currencies ?? {})) {
    if (!COMMODITY_RE.test(k) || v.s !== 0 || v.sign() < 0 || v.gt(Dec.int(8))) {
      diags.push('bad-config', at(['currencies', k]), `currencies.${k} must be a whole number of decimal places from 0 to 8`, 'e.g. CNY: 2, JPY: 0');
      continue;
    }
    currencies.set(k, Number(v.m.toString()));
  }
  const base = w?.base_currency ?? 'CNY';
  if (!currencies.has(base)) {
    diags.push('bad-config', at(['base_currency']), `base currency ${base} has no known minor unit`, `add it under currencies:, e.g. currencies: { ${base}: 2 }`);
  }
  const cal = w?.calendar;
  const dayStart = cal?.day_start ?? 9 * 60;
  const dayEnd = cal?.day_end ?? 18 * 60;
  if (dayEnd <= dayStart) diags.push('bad-config', at(['calendar', 'day_end']), 'calendar.day_end must be after calendar.day_start', 'e.g. day_start: "09:00", day_end: "18:00"');
  const workdays = cal?.workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (workdays.length === 0) diags.push('bad-config', at(['calendar', 'workdays']), 'calendar.workdays is empty', 'list at least one working weekday, e.g. [mon, tue, wed, thu, fri]');

  const buckets = w?.aging?.buckets ?? [30, 60, 90, 120];
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i]! <= buckets[i - 1]!) {
      diags.push('bad-config', at(['aging', 'buckets']), `aging.buckets must ascend; ${buckets[i]} follows ${buckets[i - 1]}`, 'e.g. [30, 60, 90, 120]');
      break;
    }
  }

  const stages: Stage[] = w?.crm?.stages
    ? w.crm.stages.map((s) => ({
        id: s.id,
        name: s.name ?? s.id,
        name_zh: s.name_zh ?? s.name ?? s.id,
        kind: s.kind,
        probability: s.probability ?? (s.kind === 'won' ? Dec.ONE : Dec.ZERO),
        rot_days: s.rot_days ?? null,
      }))
    : DEFAULT_STAGES;
  checkStages(stages, diags, at(['crm', 'stages']));

  const priorities = readSla(w?.sla?.priorities, diags);

  const fin = w?.finance;
  return {
    company: { name: w?.company?.name ?? '', name_en: w?.company?.name_en ?? '', tax_id: w?.company?.tax_id ?? '', address: w?.company?.address ?? '' },
    base_currency: base,
    currencies,
    rounding: w?.rounding ?? 'half-up',
    locale: w?.locale ?? 'en',
    calendar: {
      workdays,
      holidays: new Set(cal?.holidays ?? []),
      extra_workdays: new Set(cal?.extra_workdays ?? []),
      day_start: dayStart,
      day_end: dayEnd,
    },
    aging: { basis: w?.aging?.basis ?? 'due', buckets },
    crm: { stages, dormant_days: w?.crm?.dormant_days ?? 365, closing_days: w?.crm?.closing_days ?? 30 },
    sla: { clock: w?.sla?.clock ?? 'calendar', priorities },
    finance: {
      receivable: fin?.receivable ?? 'assets:receivable',
      payable: fin?.payable ?? 'liabilities:payable',
      revenue: fin?.revenue ?? 'income:sales',
      purchases: fin?.purchases ?? 'expenses:purchases',
      tax_output: fin?.tax_output ?? 'liabilities:tax:vat-output',
      tax_input: fin?.tax_input ?? 'assets:tax:vat-input',
      bank: fin?.bank ?? 'assets:bank',
      retained_earnings: fin?.retained_earnings ?? 'equity:retained-earnings',
      fiscal_year_start: fin?.fiscal_year_start ?? 1,
    },
    inventory: { default_location: w?.inventory?.default_location ?? null },
    payroll: { preset: w?.payroll?.preset ?? 'china' },
  };
}

function checkStages(stages: Stage[], diags: Diagnostics, loc: { file: string; line: number; col: number }): void {
  const seen = new Set<string>();
  for (const s of stages) {
    if (seen.has(s.id)) diags.push('bad-config', loc, `crm.stages lists "${s.id}" twice`, 'give every stage a distinct id');
    seen.add(s.id);
  }
  if (!stages.some((s) => s.kind === 'won')) diags.push('bad-config', loc, 'crm.stages has no stage of kind won', 'add e.g. { id: won, kind: won }');
  if (!stages.some((s) => s.kind === 'lost')) diags.push('bad-config', loc, 'crm.stages has no stage of kind lost', 'add e.g. { id: lost, kind: lost }');
}

function readSla(raw: unknown, diags: Diagnostics): ReadonlyMap<string, SlaTarget> {
  if (raw === undefined) return DEFAULT_SLA;
  const r = raw as import('../io/raw.js').Raw;
  if (r.kind !== 'map') {
    diags.push('bad-config', r.loc, 'sla.priorities must map each priority to its targets', 'e.g. high: { first_response: 4h, resolution: 1d }');
    return DEFAULT_SLA;
  }
  const out = new Map<string, SlaTarget>();
  for (const k of r.keys()) {
    const v = r.get(k)!;
    if (v.kind !== 'map') {
      diags.push('bad-config', v.loc, `sla.priorities.${k} must have first_response and resolution`, 'e.g. { first_response: 4h, resolution: 1d }');
      continue;
    }
    const t = convertRecord(slaFields, v, { diags, what: `sla priority ${k}` }, { checkUnknown: true });
    if (t) out.set(k, { first_response: t.first_response, resolution: t.resolution });
  }
  return out;
}

export function minorUnit(cfg: Config, currency: string | null | undefined): number {
  return cfg.currencies.get(currency ?? cfg.base_currency) ?? 2;
}

export { INVALID };
