/**
 * Recording commands: `crm add customer|deal|activity|ticket` and
 * `crm deal move|won|lost`. Values come from flags, or from prompts on a TTY;
 * the new file text is validated against the whole workspace before it is
 * written atomically, and only the lines that change are touched.
 */
import { Command, Option } from 'commander';
import { ENTITIES, type EntityKey } from '../../domain/entities/index.js';
import type { EntityDef } from '../../domain/entity.js';
import { parseDate, type IsoDate } from '../../domain/dates.js';
import { WorkCalendar } from '../../domain/calendar.js';
import { Dec } from '../../domain/decimal.js';
import { orderFromDeal } from '../../engines/crm/deal-order.js';
import { effectiveLeadTime } from '../../engines/inventory/leadtime.js';
import { Stages } from '../../engines/crm/stages.js';
import type { PlannedChange } from '../../edit/apply.js';
import { appendCsvRows, CsvEditError } from '../../edit/csv-edit.js';
import { nextId } from '../../edit/ids.js';
import { appendYamlRecord, editYamlRecord, YamlEditError, type YamlRecord, type YamlValue } from '../../edit/yaml-edit.js';
import { didYouMean } from '../../util/suggest.js';
import { isCsvFile } from '../../workspace/parse-entity.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Wrap } from '../command.js';
import type { Ctx } from '../context.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { unknownId } from '../ids.js';
import { inquirerPrompter, type Choice, type Prompter } from '../prompt.js';
import { loadForWrite, validateChanges, writeChanges, type Loaded } from '../write.js';

type AddEntity = 'customer' | 'deal' | 'activity' | 'ticket';

/** One field of an `add` command: its flag, and its prompt when interactive. */
interface AddField {
  readonly field: string;
  readonly arg: string;
  readonly help: string;
  readonly required?: boolean;
  /** Prompted on a TTY when the flag is not given. */
  readonly prompt?: string;
  readonly choices?: (ws: Workspace) => readonly Choice[];
  /** A list field: the flag takes values separated by ";" or ",". */
  readonly list?: boolean;
}

const none: Choice = { name: '(none)', value: '' };
const ids = (xs: readonly { id: string; name?: string }[]): Choice[] => xs.map((x) => ({ name: x.name ? `${x.id}  ${x.name}` : x.id, value: x.id }));

const SPECS: Record<AddEntity, { key: EntityKey; fallback: (year: string) => string; fields: readonly AddField[] }> = {
  customer: {
    key: 'customers',
    fallback: () => 'C0001',
    fields: [
      { field: 'name', arg: '<text>', help: 'name as on documents', required: true, prompt: 'Name' },
      { field: 'name_en', arg: '<text>', help: 'English or pinyin name' },
      { field: 'kind', arg: '<kind>', help: 'company or person', prompt: 'Kind', choices: () => [{ name: 'company', value: 'company' }, { name: 'person', value: 'person' }] },
      { field: 'status', arg: '<status>', help: 'prospect, active or inactive (default active)', prompt: 'Status', choices: () => ['active', 'prospect', 'inactive'].map((v) => ({ name: v, value: v })) },
      { field: 'owner', arg: '<id>', help: 'account owner (employee id)', prompt: 'Owner (employee id)' },
      { field: 'industry', arg: '<text>', help: 'industry' },
      { field: 'phone', arg: '<text>', help: 'phone', prompt: 'Phone' },
      { field: 'email', arg: '<text>', help: 'e-mail', prompt: 'E-mail' },
      { field: 'province', arg: '<text>', help: 'province' },
      { field: 'city', arg: '<text>', help: 'city', prompt: 'City' },
      { field: 'address', arg: '<text>', help: 'address' },
      { field: 'source', arg: '<campaign>', help: 'campaign that brought the customer', prompt: 'Source campaign', choices: (ws) => [none, ...ids(ws.data.campaigns)] },
      { field: 'created', arg: '<date>', help: 'first contact date (default: --as-of)' },
      { field: 'currency', arg: '<code>', help: 'invoice currency' },
      { field: 'payment_terms', arg: '<days>', help: 'days from invoice to due date' },
      { field: 'credit_limit', arg: '<amount>', help: 'credit limit' },
      { field: 'tags', arg: '<tags>', help: 'labels separated by ";" or ","', list: true },
      { field: 'notes', arg: '<text>', help: 'notes' },
    ],
  },
  deal: {
    key: 'deals',
    fallback: (y) => `D-${y}-0001`,
    fields: [
      { field: 'title', arg: '<text>', help: 'what the deal is', required: true, prompt: 'Title' },
      { field: 'customer', arg: '<id>', help: 'customer id', required: true, prompt: 'Customer id' },
      { field: 'owner', arg: '<id>', help: "owner (default: the customer's owner)", prompt: 'Owner' },
      { field: 'stage', arg: '<stage>', help: 'stage (default: the first stage)', prompt: 'Stage', choices: (ws) => ws.config.crm.stages.filter((s) => s.kind === 'open').map((s) => ({ name: `${s.id}  ${s.name}`, value: s.id })) },
      { field: 'amount', arg: '<amount>', help: 'expected amount (default: sum of --line)', prompt: 'Amount (empty: sum of the lines)' },
      { field: 'currency', arg: '<code>', help: 'currency (default: base currency)' },
      { field: 'probability', arg: '<rate>', help: "win probability overriding the stage's, e.g. 60%" },
      { field: 'created', arg: '<date>', help: 'date created (default: --as-of)' },
      { field: 'expected_close', arg: '<date>', help: 'expected close date', prompt: 'Expected close (YYYY-MM-DD)' },
      { field: 'campaign', arg: '<id>', help: 'campaign the deal came from', prompt: 'Campaign', choices: (ws) => [none, ...ids(ws.data.campaigns)] },
      { field: 'requested_date', arg: '<date>', help: 'delivery date the customer asks for' },
      { field: 'next_step', arg: '<text>', help: 'next step', prompt: 'Next step' },
      { field: 'next_step_date', arg: '<date>', help: 'date of the next step', prompt: 'Next step date (YYYY-MM-DD)' },
      { field: 'notes', arg: '<text>', help: 'notes' },
    ],
  },
  activity: {
    key: 'activities',
    fallback: (y) => `A-${y}-0001`,
    fields: [
      { field: 'kind', arg: '<kind>', help: 'call, meeting, visit, email, wechat, task or note', required: true, prompt: 'Kind', choices: () => ['call', 'meeting', 'visit', 'email', 'wechat', 'task', 'note'].map((v) => ({ name: v, value: v })) },
      { field: 'subject', arg: '<text>', help: 'what it is about', required: true, prompt: 'Subject' },
      { field: 'customer', arg: '<id>', help: "customer id (default: the deal's customer)", prompt: 'Customer id' },
      { field: 'deal', arg: '<id>', help: 'deal id', prompt: 'Deal id' },
      { field: 'owner', arg: '<id>', help: "owner (default: the deal's or customer's owner)", prompt: 'Owner' },
      { field: 'date', arg: '<date>', help: 'date it happened or was created (default: --as-of)' },
      { field: 'due', arg: '<date>', help: 'for follow-ups and tasks: when it must be done', prompt: 'Due (YYYY-MM-DD, empty if none)' },
      { field: 'notes', arg: '<text>', help: 'notes' },
    ],
  },
  ticket: {
    key: 'tickets',
    fallback: (y) => `T-${y}-0001`,
    fields: [
      { field: 'customer', arg: '<id>', help: 'customer id', required: true, prompt: 'Customer id' },
      { field: 'subject', arg: '<text>', help: 'what the complaint or request is', required: true, prompt: 'Subject' },
      { field: 'category', arg: '<text>', help: 'e.g. delivery, quality, installation, invoice', prompt: 'Category' },
      { field: 'priority', arg: '<priority>', help: 'one of sla.priorities (default normal)', prompt: 'Priority', choices: (ws) => [...ws.config.sla.priorities.keys()].map((v) => ({ name: v, value: v })) },
      { field: 'status', arg: '<status>', help: 'open, pending, resolved or closed (default open)' },
      { field: 'opened', arg: '<datetime>', help: '"YYYY-MM-DD HH:MM"', required: true, prompt: 'Opened (YYYY-MM-DD HH:MM)' },
      { field: 'first_response', arg: '<datetime>', help: 'first response "YYYY-MM-DD HH:MM"' },
      { field: 'owner', arg: '<id>', help: 'owner', prompt: 'Owner' },
      { field: 'sales_order', arg: '<id>', help: 'sales order it is about', prompt: 'Sales order (empty if none)' },
      { field: 'notes', arg: '<text>', help: 'notes' },
    ],
  },
};

const flagOf = (field: string) => '--' + field.replace(/_/g, '-');
const optKey = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

// ---------------------------------------------------------------- loading and writing

/** Validate the changes against the whole workspace, then write them atomically (in the order given). */
function commitAll(ctx: Ctx, loaded: Loaded, changes: readonly PlannedChange[], what: string): void {
  validateChanges(ctx, loaded, changes, what);
  writeChanges(loaded, changes);
}

function commit(ctx: Ctx, loaded: Loaded, change: PlannedChange, what: string): void {
  commitAll(ctx, loaded, [change], what);
}

/** The line number of the first non-blank line appended to `before`. */
function firstNewLine(before: string | null, after: string): number {
  let start = before === null || before === '' || before.endsWith('\n') ? (before ?? '').length : after.indexOf('\n', before.length) + 1;
  while (after[start] === '\n' || after[start] === '\r') start++;
  return lineOfOffset(after, start);
}

function lineOfOffset(text: string, off: number): number {
  let n = 1;
  for (let i = 0; i < off; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function report(ctx: Ctx, action: string, entity: string, id: string, file: string, line: number): void {
  ctx.output({
    table: { columns: [{ key: 'action', en: 'Action', zh: '操作' }, { key: 'entity', en: 'Entity', zh: '类型' }, { key: 'id', en: 'Id', zh: '编号' }, { key: 'file', en: 'File', zh: '文件' }, { key: 'line', en: 'Line', zh: '行' }], rows: [[action, entity, id, file, line]] },
    json: { action, entity, id, file, line },
  });
}

// ---------------------------------------------------------------- add

type Values = Map<string, string>;

async function collect(ctx: Ctx, ws: Workspace, entity: AddEntity, opts: Record<string, unknown>): Promise<Values> {
  const spec = SPECS[entity];
  const values: Values = new Map();
  for (const f of spec.fields) {
    const v = opts[optKey(f.field)];
    if (typeof v === 'string' && v.trim() !== '') values.set(f.field, v.trim());
  }
  if (ctx.interactive) {
    const p: Prompter = ctx.io.prompter ?? (await inquirerPrompter());
    for (const f of spec.fields) {
      if (!f.prompt || values.has(f.field)) continue;
      const dflt = derivedDefault(ws, entity, f.field, values);
      let answer: string;
      if (f.choices) {
        const choices = f.choices(ws);
        answer = await p.select({ message: f.prompt, choices, ...(dflt !== undefined ? { default: dflt } : {}) });
      } else answer = await p.input({ message: f.prompt, ...(dflt !== undefined ? { default: dflt } : {}), ...(f.required ? { required: true } : {}) });
      // An answer equal to the schema default (kind: company, status: active…) is not written.
      const schemaDefault = (ENTITIES[spec.key] as unknown as EntityDef).fields[f.field]?.dflt;
      if (answer.trim() !== '' && answer.trim() !== schemaDefault) values.set(f.field, answer.trim());
    }
  }
  const missing = spec.fields.filter((f) => f.required && !values.has(f.field)).map((f) => flagOf(f.field));
  if (missing.length)
    throw new UsageError(
      `missing ${missing.join(', ')} for \`crm add ${entity}\``,
      ctx.interactive ? 'answer every required question' : 'give them as flags (prompts are only shown on a terminal without --no-input)',
    );
  return values;
}

/** Defaults that depend on other values: the owner from the deal or customer. */
function derivedDefault(ws: Workspace, entity: AddEntity, field: string, v: Values): string | undefined {
  if (field !== 'owner' || entity === 'customer' || entity === 'ticket') return undefined;
  const deal = v.get('deal') ? ws.data.deals.find((d) => d.id === v.get('deal')) : undefined;
  if (deal?.owner) return deal.owner;
  const customer = v.get('customer') ?? deal?.customer;
  return customer ? (ws.data.customers.find((c) => c.id === customer)?.owner ?? undefined) : undefined;
}

function parseLine(s: string): [string, string][] {
  const parts = s.split(',').map((x) => x.trim());
  if (parts.length < 2 || parts.length > 4 || parts.some((x, i) => x === '' && i < 2)) throw new UsageError(`--line "${s}" is not ITEM,QTY[,PRICE[,DISCOUNT]]`, 'e.g. --line DESK-1600,10,1150.00 or --line CHAIR-ERG,24,1380,5%');
  const out: [string, string][] = [['item', parts[0]!], ['qty', parts[1]!]];
  if (parts[2]) out.push(['price', parts[2]]);
  if (parts[3]) out.push(['discount', parts[3]]);
  return out;
}

/** The new record in schema order. */
function buildRecord(ctx: Ctx, ws: Workspace, entity: AddEntity, values: Values, opts: Record<string, unknown>, existing: readonly string[]): { id: string; rec: YamlRecord } {
  const spec = SPECS[entity];
  const def = ENTITIES[spec.key] as unknown as EntityDef;
  const given = typeof opts.id === 'string' ? opts.id.trim() : '';
  if (given && existing.includes(given)) throw new DataError(`${entity} ${given} already exists`, 'leave out --id to take the next free one');
  const id = given || nextId(existing, spec.fallback(ctx.asOf.slice(0, 4)));
  const v = new Map(values);
  v.set('id', id);
  const dateField = { customer: 'created', deal: 'created', activity: 'date', ticket: '' }[entity];
  if (dateField && !v.has(dateField)) v.set(dateField, ctx.asOf);
  if (entity === 'deal' || entity === 'activity') {
    const o = derivedDefault(ws, entity, 'owner', v);
    if (!v.has('owner') && o) v.set('owner', o);
  }
  if (entity === 'activity' && !v.has('customer') && v.get('deal')) {
    const c = ws.data.deals.find((d) => d.id === v.get('deal'))?.customer;
    if (c) v.set('customer', c);
  }
  const extra = new Map<string, YamlValue>();
  if (entity === 'deal') {
    if (!v.has('stage')) v.set('stage', ws.config.crm.stages.find((s) => s.kind === 'open')?.id ?? 'lead');
    const lines = ((opts.line as string[] | undefined) ?? []).map(parseLine);
    if (lines.length) extra.set('lines', lines);
    if (!v.has('amount') && !lines.length) throw new UsageError('a deal needs --amount or at least one --line', 'e.g. --amount 360000 or --line DESK-1600,200,1800');
    extra.set('history', [[['stage', v.get('stage')!], ['date', v.get('created')!]]]);
  }
  if (entity === 'activity' && opts.done === true) v.set('done', 'true');
  const rec: [string, YamlValue][] = [];
  for (const field of Object.keys(def.fields)) {
    if (extra.has(field)) rec.push([field, extra.get(field)!]);
    else if (v.has(field)) {
      const spec = SPECS[entity].fields.find((f) => f.field === field);
      rec.push([field, spec?.list ? v.get(field)!.split(/[;,]/).map((x) => x.trim()).filter(Boolean) : v.get(field)!]);
    }
  }
  return { id, rec };
}

function csvRows(def: EntityDef, rec: YamlRecord, ctx: Ctx): Record<string, string>[] {
  const head: Record<string, string> = {};
  let lines: readonly (readonly [string, string][])[] = [];
  for (const [k, v] of rec) {
    if (def.lines && k === def.lines.field) lines = v as readonly (readonly [string, string][])[];
    else if (typeof v === 'string') head[k] = v;
    else if (v.length && Array.isArray(v[0])) ctx.info(`note: ${k} is not kept in CSV files; use a YAML file for ${def.plural} that need it`);
    else head[k] = (v as readonly string[]).join(';');
  }
  if (!lines.length) return [head];
  return lines.map((l, i) => ({ ...(i === 0 ? head : { id: head.id! }), ...Object.fromEntries(l) }));
}

async function add(ctx: Ctx, entity: AddEntity, opts: Record<string, unknown>): Promise<number> {
  const loaded = loadForWrite(ctx);
  const { ws } = loaded;
  const spec = SPECS[entity];
  const def = ENTITIES[spec.key] as unknown as EntityDef;
  const values = await collect(ctx, ws, entity, opts);
  const existing = (ws.data[spec.key] as readonly { id: string }[]).map((r) => r.id);
  const { id, rec } = buildRecord(ctx, ws, entity, values, opts, existing);
  const files = ws.files.get(spec.key) ?? [];
  const path = files[files.length - 1] ?? `${def.path}.yaml`;
  const before = files.length ? (ws.sources.get(path) ?? '') : null;
  let after: string;
  try {
    after = isCsvFile(path) ? appendCsvRows(before ?? '', csvRows(def, rec, ctx)) : appendYamlRecord(before ?? '', rec);
  } catch (e) {
    if (e instanceof YamlEditError || e instanceof CsvEditError) throw new DataError(`cannot add to ${path}: ${e.message}`);
    throw e;
  }
  const firstLine = firstNewLine(before, after);
  commit(ctx, loaded, { path, entity: spec.key, before, after }, `the new ${entity}`);
  report(ctx, 'added', entity, id, path, firstLine);
  return EXIT.OK;
}

// ---------------------------------------------------------------- deal move / won / lost

interface MoveOpts {
  date?: string;
  reason?: string;
  note?: string;
  /** won: create the sales order from the deal's lines. */
  order?: boolean;
  /** won --order: due date of every order line. */
  due?: string;
}

function moveDeal(ctx: Ctx, dealId: string, target: string | 'won' | 'lost', byKind: boolean, opts: MoveOpts): number {
  if (opts.due !== undefined && !opts.order) throw new UsageError('--due is for the sales order: give --order too', `e.g. bizctl crm deal won ${dealId} --order --due ${opts.due}`);
  const loaded = loadForWrite(ctx);
  const { ws } = loaded;
  const stages = new Stages(ws.config.crm.stages);
  const deal = ws.data.deals.find((d) => d.id === dealId);
  if (!deal) throw unknownId('deal', dealId, ws.data.deals.map((d) => d.id), '`bizctl ls deals`');
  const stage = byKind ? stages.firstOf(target as 'won' | 'lost') : stages.get(target);
  if (!stage) {
    const g = didYouMean(target, stages.list.map((s) => s.id));
    throw new DataError(byKind ? `crm.stages has no stage of kind ${target}` : `"${target}" is not a stage in bizctl.yaml`, g ? `did you mean "${g}"?` : `use one of: ${stages.list.map((s) => s.id).join(', ')}`);
  }
  const current = stages.kind(deal.stage);
  if (opts.order && current === 'won') return orderOnly(ctx, loaded, deal, opts);
  if (current !== 'open') throw new DataError(`deal ${dealId} is already ${deal.stage}${deal.closed ? ` (closed ${deal.closed})` : ''}`, 'reopening a closed deal is not supported; edit its file by hand if it must be reopened');
  if (deal.stage === stage.id) throw new DataError(`deal ${dealId} is already in stage ${stage.id}`, 'nothing was written');
  const date = opts.date === undefined ? ctx.asOf : parseDate(opts.date);
  if (!date) throw new UsageError(`--date "${opts.date}" is not a date`, 'write it as YYYY-MM-DD');
  const last = (deal.history ?? []).reduce<IsoDate>((m, h) => (h.date > m ? h.date : m), deal.created);
  if (date < last) throw new DataError(`--date ${date} is before the deal's last stage change or creation (${last})`, `use ${last} or later`);
  if (opts.reason !== undefined && stage.kind === 'open') throw new UsageError('--reason is for won or lost deals', 'use --note for a note on the stage change');
  const path = deal.src.loc.file;
  if (isCsvFile(path)) throw new DataError(`deal ${dealId} is in ${path}, and CSV files cannot hold a stage history`, `move the deals to crm/deals.yaml to record stage changes, or edit the stage column by hand`);
  const before = ws.sources.get(path)!;
  const note = stage.kind === 'lost' ? opts.note : (opts.note ?? opts.reason);
  const set: [string, string][] = [['stage', stage.id]];
  if (stage.kind !== 'open') set.push(['closed', date]);
  if (stage.kind === 'lost' && opts.reason) set.push(['lost_reason', opts.reason]);
  const item: [string, string][] = [['stage', stage.id], ['date', date]];
  if (note) item.push(['note', note]);
  const so = opts.order ? planOrder(ctx, ws, deal, date, opts.due) : null;
  if (so) set.push(['sales_order', so.id]);
  let after: string;
  try {
    after = editYamlRecord(before, 'id', dealId, Object.keys(ENTITIES.deals.fields), { set, append: [{ key: 'history', item }] });
  } catch (e) {
    if (e instanceof YamlEditError) throw new DataError(`cannot edit ${path}: ${e.message}`);
    throw e;
  }
  const dealChange: PlannedChange = { path, entity: 'deals', before, after };
  if (!so) {
    commit(ctx, loaded, dealChange, `moving deal ${dealId}`);
    report(ctx, stage.kind === 'open' ? `moved to ${stage.id}` : stage.kind, 'deal', dealId, path, deal.src.loc.line);
    return EXIT.OK;
  }
  commitAll(ctx, loaded, [so.change, dealChange], `winning deal ${dealId} with a sales order`);
  reportOrder(ctx, 'won', dealId, path, deal.src.loc.line, so);
  return EXIT.OK;
}

// ---------------------------------------------------------------- deal won --order

type DealRec = Workspace['data']['deals'][number];

interface PlannedOrder {
  readonly id: string;
  readonly change: PlannedChange;
  /** First line of the new order in its file. */
  readonly line: number;
  readonly lines: number;
}

/**
 * The sales order of a won deal (engines/crm/deal-order.ts), appended to the last
 * sales-orders file (sales/sales-orders.yaml when there is none). Refused when the
 * deal already has an order (its sales_order field, or an order whose deal: names it).
 */
function planOrder(ctx: Ctx, ws: Workspace, deal: DealRec, date: IsoDate, dueText: string | undefined): PlannedOrder {
  if (deal.sales_order) throw new DataError(`deal ${deal.id} already has sales order ${deal.sales_order}`, 'a deal makes one order; change that order (or remove sales_order from the deal) by hand');
  const linked = ws.data['sales-orders'].find((o) => o.deal === deal.id);
  if (linked) throw new DataError(`sales order ${linked.id} (${linked.src.loc.file}:${linked.src.loc.line}) is already for deal ${deal.id}`, `a deal makes one order; to link them, add "sales_order: ${linked.id}" to the deal`);
  let due: IsoDate | undefined;
  if (dueText !== undefined) {
    const d = parseDate(dueText);
    if (!d) throw new UsageError(`--due "${dueText}" is not a date`, 'write it as YYYY-MM-DD');
    due = d;
  }
  const def = ENTITIES['sales-orders'] as unknown as EntityDef;
  const files = ws.files.get('sales-orders') ?? [];
  const path = files[files.length - 1] ?? `${def.path}.yaml`;
  const id = nextId(
    ws.data['sales-orders'].map((o) => o.id),
    `SO-${date.slice(0, 4)}-0001`,
  );
  const supplierLt = new Map(ws.data.suppliers.map((s) => [s.id, s.lead_time]));
  const items = new Map(ws.data.items.map((i) => [i.id, i]));
  const cal = new WorkCalendar(ws.config.calendar);
  const r = orderFromDeal(deal, {
    id,
    date,
    ...(due ? { due } : {}),
    item: (sku) => {
      const it = items.get(sku);
      return it ? { ...(it.price ? { price: it.price } : {}), ...(it.tax_rate ? { tax_rate: it.tax_rate } : {}), leadTime: effectiveLeadTime(it, (s) => supplierLt.get(s)) } : undefined;
    },
    addWorkdays: (d, n) => cal.addWorkdays(d, n),
  });
  if (!r.ok) throw new DataError(r.message, r.hint);
  const o = r.order;
  for (const l of o.lines) {
    if (l.dueFrom === 'lead_time') ctx.info(`note: line ${l.line} (${l.item}) is due ${l.due}: the deal has no requested_date, so the order date + ${items.get(l.item) ? effectiveLeadTime(items.get(l.item)!, (s) => supplierLt.get(s)) : 0} working days of lead time (--due sets another date)`);
    if (l.priceFrom === 'item') ctx.info(`note: line ${l.line} (${l.item}) takes the item's list price ${l.price.toString()}`);
  }
  const pct = (x: Dec) => `${x.mul(Dec.int(100)).normalize().toString()}%`;
  const rec: [string, YamlValue][] = [['id', o.id], ['customer', o.customer], ['date', o.date]];
  if (o.currency) rec.push(['currency', o.currency]);
  rec.push(['status', 'open'], ['deal', o.deal]);
  if (o.owner) rec.push(['owner', o.owner]);
  rec.push([
    'lines',
    o.lines.map((l) => {
      const f: [string, string][] = [['line', String(l.line)], ['item', l.item], ['qty', l.qty.toString()], ['price', l.price.toString()]];
      if (l.discount) f.push(['discount', pct(l.discount)]);
      if (l.tax_rate) f.push(['tax_rate', pct(l.tax_rate)]);
      f.push(['due', l.due]);
      return f;
    }),
  ]);
  const before = files.length ? (ws.sources.get(path) ?? '') : null;
  let after: string;
  try {
    after = isCsvFile(path) ? appendCsvRows(before ?? '', csvRows(def, rec, ctx)) : appendYamlRecord(before ?? '', rec);
  } catch (e) {
    if (e instanceof YamlEditError || e instanceof CsvEditError) throw new DataError(`cannot add to ${path}: ${e.message}`);
    throw e;
  }
  return { id, change: { path, entity: 'sales-orders', before, after }, line: firstNewLine(before, after), lines: o.lines.length };
}

/** `deal won DEAL --order` on a deal that is won already: only the order and the deal's link. */
function orderOnly(ctx: Ctx, loaded: Loaded, deal: DealRec, opts: MoveOpts): number {
  const { ws } = loaded;
  const path = deal.src.loc.file;
  if (isCsvFile(path)) throw new DataError(`deal ${deal.id} is in ${path}; linking it to an order needs a YAML deals file`, 'move the deals to crm/deals.yaml');
  const date = opts.date === undefined ? (deal.closed ?? ctx.asOf) : parseDate(opts.date);
  if (!date) throw new UsageError(`--date "${opts.date}" is not a date`, 'write it as YYYY-MM-DD');
  const so = planOrder(ctx, ws, deal, date, opts.due);
  const before = ws.sources.get(path)!;
  let after: string;
  try {
    after = editYamlRecord(before, 'id', deal.id, Object.keys(ENTITIES.deals.fields), { set: [['sales_order', so.id]] });
  } catch (e) {
    if (e instanceof YamlEditError) throw new DataError(`cannot edit ${path}: ${e.message}`);
    throw e;
  }
  ctx.info(`note: deal ${deal.id} was won already${deal.closed ? ` (closed ${deal.closed})` : ''}; only its sales order is created`);
  commitAll(ctx, loaded, [so.change, { path, entity: 'deals', before, after }], `the sales order of deal ${deal.id}`);
  reportOrder(ctx, 'linked', deal.id, path, deal.src.loc.line, so);
  return EXIT.OK;
}

function reportOrder(ctx: Ctx, action: string, dealId: string, dealFile: string, dealLine: number, so: PlannedOrder): void {
  ctx.output({
    table: {
      columns: [{ key: 'action', en: 'Action', zh: '操作' }, { key: 'entity', en: 'Entity', zh: '类型' }, { key: 'id', en: 'Id', zh: '编号' }, { key: 'file', en: 'File', zh: '文件' }, { key: 'line', en: 'Line', zh: '行' }],
      rows: [
        [action, 'deal', dealId, dealFile, dealLine],
        ['added', 'sales order', so.id, so.change.path, so.line],
      ],
      notes: [
        ctx.lang === 'zh-CN'
          ? `销售订单 ${so.id}（${so.lines} 行）来自商机 ${dealId}；下一次 \`bizctl mrp run\` 会为它计划`
          : `sales order ${so.id} (${so.lines} line${so.lines === 1 ? '' : 's'}) is for deal ${dealId}; the next \`bizctl mrp run\` plans for it`,
      ],
    },
    json: { action, entity: 'deal', id: dealId, file: dealFile, line: dealLine, sales_order: { action: 'added', entity: 'sales order', id: so.id, file: so.change.path, line: so.line, lines: so.lines } },
  });
}

// ---------------------------------------------------------------- registration

export function registerCrmRecording(crm: Command, wrap: Wrap): void {
  const addCmd = crm.command('add').description('record a customer, deal, activity or ticket (prompts on a terminal, flags for scripts)');
  const examples: Record<AddEntity, string> = {
    customer: 'bizctl crm add customer --name "杭州新客户有限公司" --owner E004 --phone "0571-8888 0000" --source CMP-2026-03',
    deal: 'bizctl crm add deal --title "40 desks" --customer C0009 --stage proposal --expected-close 2026-12-20 --line DESK-1600,40,1180',
    activity: 'bizctl crm add activity --kind task --deal D-2026-0015 --subject "send the revised quote" --due 2026-11-20',
    ticket: 'bizctl crm add ticket --customer C0006 --subject "two chairs damaged" --priority high --opened "2026-11-16 10:30"',
  };
  for (const entity of Object.keys(SPECS) as AddEntity[]) {
    const c = addCmd.command(entity).description(`add ${entity === 'activity' ? 'an' : 'a'} ${entity}; the id is the next free one in the existing pattern unless --id is given`);
    c.option('--id <id>', 'id of the new record (default: the next free id)');
    for (const f of SPECS[entity].fields) c.option(`${flagOf(f.field)} ${f.arg}`, f.help + (f.required ? ' (required)' : ''));
    if (entity === 'deal') c.option('--line <item,qty[,price[,discount]]>', 'a product line (repeat for more)', (v: string, prev: string[] = []) => [...prev, v]);
    if (entity === 'activity') c.option('--done', 'it is done already');
    c.addHelpText('after', `\nExamples:\n  ${examples[entity]}\n  bizctl crm add ${entity}            # on a terminal: asks for the values\n\nWithout a terminal (or with --no-input) every required flag must be given (exit 2 otherwise).`);
    c.action(wrap((ctx, opts: Record<string, unknown>) => add(ctx, entity, opts)));
  }

  const deal = crm.command('deal').description('move a deal through the pipeline: move, won, lost');
  deal
    .command('move')
    .description("move a deal to a stage; the change is appended to the deal's history")
    .argument('<deal>', 'deal id')
    .argument('<stage>', 'stage id from crm.stages')
    .option('--date <date>', 'date of the change (default: --as-of)')
    .option('--note <text>', 'note on the stage change')
    .addHelpText('after', '\nExamples:\n  bizctl crm deal move D-2026-0015 negotiation\n  bizctl crm deal move D-2026-0015 negotiation --date 2026-11-16 --note "price agreed"')
    .action(wrap((ctx, id: string, stage: string, opts: MoveOpts) => moveDeal(ctx, id, stage, false, opts)));
  deal
    .command('won')
    .description('mark a deal won: stage, closed date and history; with --order, create its sales order')
    .argument('<deal>', 'deal id')
    .option('--date <date>', 'date won (default: --as-of); also the date of the order')
    .addOption(new Option('--reason <text>', 'why it was won (kept as the note of the stage change)'))
    .option('--order', "create the sales order from the deal's lines, linked both ways (deal: / sales_order:)")
    .option('--due <date>', "with --order: due date of every order line (default: the deal's requested_date, else the order date + each item's lead time)")
    .addHelpText(
      'after',
      '\nExamples:\n  bizctl crm deal won D-2026-0021 --date 2026-11-16\n  bizctl crm deal won D-2026-0022 --order            # the order goes to sales/sales-orders.yaml; mrp run plans for it\n  bizctl crm deal won D-2026-0022 --order --due 2026-12-18\n\nWith --order on a deal that is won already, only the order is created and linked.\nSee docs/integration.md.',
    )
    .action(wrap((ctx, id: string, opts: MoveOpts) => moveDeal(ctx, id, 'won', true, opts)));
  deal
    .command('lost')
    .description('mark a deal lost: stage, closed date, lost reason and history')
    .argument('<deal>', 'deal id')
    .option('--reason <text>', 'why it was lost (lost_reason)')
    .option('--date <date>', 'date lost (default: --as-of)')
    .option('--note <text>', 'note on the stage change')
    .addHelpText('after', '\nExamples:\n  bizctl crm deal lost D-2026-0016 --reason "price: chose a cheaper supplier"')
    .action(wrap((ctx, id: string, opts: MoveOpts) => moveDeal(ctx, id, 'lost', true, opts)));
}

