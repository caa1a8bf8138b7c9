/**
 * Plan an import: read the rows of the input CSV through the column map,
 * convert them with the entity's schema (every problem located at the input
 * file's row and column), resolve references by id or unique name, dedupe
 * within the file and against the workspace by the chosen keys, and decide
 * per record: create, update, unchanged, skipped or invalid. Pure.
 */
import type { EntityDef } from '../domain/entity.js';
import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import { Diagnostics, type Diagnostic, type SourceLoc } from '../diagnostics/types.js';
import { cellLoc, CsvReader, type CsvRow } from '../io/csv.js';
import { EntriesMap, type RawScalar } from '../io/raw.js';
import type { Field } from '../schema/fields.js';
import { convertRecord, type FieldMap } from '../schema/record.js';
import { normaliseEmail, normaliseName, normalisePhone } from '../checks/duplicate-customers.js';
import { recordToPlain } from '../reports/records.js';
import { didYouMean } from '../util/suggest.js';
import { lineColumn, type AnyRecord } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';
import { importDate, importDateHint, importNumber } from './formats.js';
import { idAllocator } from '../edit/ids.js';
import { sameValue } from '../fmt/values.js';
import type { ListEdit } from '../edit/records.js';
import type { ImportMap } from './map.js';

export type Mode = 'create' | 'upsert' | 'update';
export type ActionKind = 'create' | 'update' | 'unchanged' | 'skipped' | 'invalid';

export interface Action {
  readonly kind: ActionKind;
  /** Input rows (line numbers in the input file) this record came from. */
  readonly rows: readonly number[];
  readonly id: string;
  /** The typed record as it will be after the import (create and update). */
  readonly record?: Record<string, unknown>;
  readonly existing?: AnyRecord;
  readonly changes?: readonly { field: string; from: string; to: string }[];
  /** Update of a document whose lines the input changes: all its lines as they will be (plain text values)… */
  readonly lines?: readonly Record<string, string>[];
  /** …and as edits of the existing lines (changed fields by position, lines kept, lines added). */
  readonly lineEdits?: ListEdit;
  readonly reason?: string;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ImportPlan {
  readonly actions: readonly Action[];
  readonly ignoredColumns: readonly string[];
  readonly header: readonly string[];
  /** Input row cells by line, for reject files. */
  readonly rowCells: ReadonlyMap<number, readonly string[]>;
}

export interface PlanOptions {
  readonly entity: EntityKey;
  readonly file: string;
  readonly text: string;
  readonly map: ImportMap;
  readonly keys: readonly string[];
  readonly mode: Mode;
  /** The --map file, named in hints. */
  readonly mapFile?: string;
}

/** How a key field's values are compared. */
export function normaliseKey(field: string, v: string): string {
  if (field === 'phone' || field === 'mobile') return normalisePhone(v);
  if (field === 'email') return normaliseEmail(v);
  if (field === 'name') return normaliseName(v);
  return v.trim();
}

function canonical(spec: Field, text: string, map: ImportMap): string {
  switch (spec.kind) {
    case 'date':
      return importDate(text, map.dateOrder) ?? text;
    case 'money':
    case 'qty':
    case 'price':
    case 'decimal':
    case 'int':
      return importNumber(text, { decimal: map.decimal }) ?? text;
    case 'rate': {
      if (text.trim().endsWith('%')) {
        const n = importNumber(text.trim().slice(0, -1), { decimal: map.decimal });
        return n === null ? text : `${n}%`;
      }
      return importNumber(text, { decimal: map.decimal }) ?? text;
    }
    default:
      return text;
  }
}

/** The first id of an entity that has none yet. */
const FIRST_ID: Partial<Record<EntityKey, string>> = { customers: 'C0001', contacts: 'P0001', deals: 'D-0001', activities: 'A-0001', campaigns: 'CMP-0001', tickets: 'T-0001', suppliers: 'S001', employees: 'E001', payments: 'PAY-0001', invoices: 'INV-0001', bills: 'BILL-0001', 'credit-notes': 'CN-0001', 'sales-orders': 'SO-0001', 'purchase-orders': 'PO-0001', 'work-orders': 'WO-0001', moves: 'MV-0001', journal: 'JE-0001' };

/** The names an import map may fill: the entity's fields and its line columns, as bizctl's own CSV names them. */
export function importTargets(def: EntityDef): string[] {
  return [...Object.keys(def.fields), ...Object.keys(def.lines?.fields ?? {}).map((k) => lineColumn(def, k))];
}

export function planImport(ws: Workspace, o: PlanOptions): ImportPlan {
  const def = ENTITIES[o.entity] as unknown as EntityDef;
  // Problems of the file's shape (a row with more or fewer cells than the header, a stray quote) make their rows invalid.
  const shape = new Diagnostics();
  const reader = new CsvReader(o.file, o.text, shape);
  const header = reader.header;
  const rows: CsvRow[] = [];
  for (let r = reader.next(); r; r = reader.next()) rows.push(r);
  // Targets are named as in bizctl's own CSV (a payment's allocation amount is allocation_amount).
  const fieldsAll: FieldMap = { ...def.fields };
  for (const [k, f] of Object.entries(def.lines?.fields ?? {})) fieldsAll[lineColumn(def, k)] = f;
  // Which input column feeds which field.
  const colFor = new Map<string, number[]>();
  const lowerHeader = header.map((h) => h.toLowerCase());
  const used = new Set<number>();
  for (const f of Object.keys(fieldsAll)) {
    const named = o.map.columns.get(f);
    const idxs = named ? named.map((h) => header.indexOf(h)).filter((i) => i >= 0) : [lowerHeader.indexOf(f.toLowerCase())].filter((i) => i >= 0);
    if (idxs.length) {
      colFor.set(f, idxs);
      idxs.forEach((i) => used.add(i));
    }
  }
  const ignoredColumns = header.filter((h, i) => h !== '' && !used.has(i));
  // Line fields the input gives (a column or a constant): an update of a document then updates its lines.
  const lineTargets = Object.keys(def.lines?.fields ?? {}).filter((k) => colFor.has(lineColumn(def, k)) || o.map.constants.has(lineColumn(def, k)));
  const ref = { file: o.file, text: o.text, headerLine: reader.headerLine };
  const locOf = (row: CsvRow, col: number): SourceLoc => cellLoc(ref, row, col);
  // Date cells the import formats could not read, by position: their bad-date diagnostics get a hint
  // about the map's date order, or say the date does not exist (importDateHint).
  const unreadDates = new Map<string, string>();
  const at = (l: SourceLoc) => `${l.line}:${l.col}`;
  const explain = (list: readonly Diagnostic[]): Diagnostic[] =>
    list.map((d) => {
      const text = d.code === 'bad-date' && d.loc ? unreadDates.get(at(d.loc)) : undefined;
      return text === undefined ? d : { ...d, hint: importDateHint(text, o.map.dateOrder, o.mapFile ? `the map ${o.mapFile}` : 'an import map (--map FILE)') };
    });

  /** A raw map of one row for the given fields, values mapped and reformatted. */
  const rawOf = (row: CsvRow, fields: FieldMap, diags: Diagnostics, target = (f: string) => f): EntriesMap => {
    const m = new EntriesMap({ file: o.file, line: row.line, col: 1 });
    for (const f of Object.keys(fields)) {
      const spec = fields[f]!;
      const t = target(f);
      const idxs = colFor.get(t);
      let text: string | undefined;
      let loc: SourceLoc = { file: o.file, line: row.line, col: 1 };
      for (const i of idxs ?? []) {
        const v = (row.cells[i] ?? '').trim();
        if (v !== '') {
          text = v;
          loc = locOf(row, i);
          break;
        }
      }
      if (text === undefined) text = o.map.constants.get(t);
      if (text === undefined) continue;
      const table = o.map.values.get(t);
      if (table && table.has(text)) text = table.get(text)!;
      if (spec.kind === 'date' && importDate(text, o.map.dateOrder) === null) unreadDates.set(at(loc), text);
      text = canonical(spec, text, o.map);
      if (spec.kind === 'ref' && spec.refTo) text = resolveRef(ws, spec.refTo as EntityKey, spec.soft === true, text, loc, f, diags);
      const s: RawScalar = { kind: 'scalar', text, isNull: false, loc };
      m.set(f, loc, s);
    }
    return m;
  };

  // Group rows into records: documents with lines by their key, others one row each.
  const groups: CsvRow[][] = [];
  if (def.lines) {
    const keyCols = colFor.get(def.key[0]!);
    const byKey = new Map<string, CsvRow[]>();
    for (const r of rows) {
      const k = keyCols ? (r.cells[keyCols[0]!] ?? '').trim() : '';
      if (!k) groups.push([r]);
      else {
        let g = byKey.get(k);
        if (!g) {
          byKey.set(k, (g = []));
          groups.push(g);
        }
        g.push(r);
      }
    }
  } else for (const r of rows) groups.push([r]);

  const existing = ws.data[o.entity] as unknown as AnyRecord[];
  const keyIndex = new Map<string, Map<string, AnyRecord[]>>();
  for (const k of o.keys) {
    const m = new Map<string, AnyRecord[]>();
    for (const r of existing) {
      const v = r[k];
      if (typeof v !== 'string' || !v) continue;
      const n = normaliseKey(k, v);
      if (!n) continue;
      const l = m.get(n) ?? [];
      l.push(r);
      m.set(n, l);
    }
    keyIndex.set(k, m);
  }
  const seenInFile = new Map<string, number>();
  const nextId = idAllocator(existing.map((r) => r[def.key[0]!] as string).filter((x) => typeof x === 'string'), FIRST_ID[o.entity] ?? `${o.entity.slice(0, 1).toUpperCase()}0001`);
  /** An id drawn for a row that turned out invalid, for the next record created. */
  let spareId: string | undefined;
  const actions: Action[] = [];
  const idField = def.key.length === 1 ? def.key[0]! : null;

  const shapeByLine = new Map<number, Diagnostic[]>();
  for (const d of shape.list) if (d.severity === 'error' && d.loc) shapeByLine.set(d.loc.line, [...(shapeByLine.get(d.loc.line) ?? []), d]);
  const headerProblems = shape.list.filter((d) => d.severity === 'error' && d.loc && d.loc.line <= reader.headerLine);

  for (const g of groups) {
    const first = g[0]!;
    const lines = g.map((r) => r.line);
    const broken = [...headerProblems, ...g.flatMap((r) => shapeByLine.get(r.line) ?? [])];
    if (broken.length) {
      actions.push({ kind: 'invalid', rows: lines, id: '', diagnostics: broken });
      continue;
    }
    const diags = new Diagnostics();
    const raw = rawOf(first, def.fields, diags);
    const matchIds = new Set<AnyRecord>();
    let dupRow: number | undefined;
    for (const k of o.keys) {
      const v = raw.get(k);
      if (!v || v.kind !== 'scalar') continue;
      const n = normaliseKey(k, v.text);
      if (!n) continue;
      for (const r of keyIndex.get(k)?.get(n) ?? []) matchIds.add(r);
      const fk = `${k}\u0000${n}`;
      if (seenInFile.has(fk)) dupRow ??= seenInFile.get(fk);
    }
    if (dupRow !== undefined) {
      actions.push({ kind: 'skipped', rows: lines, id: '', reason: `duplicate of row ${dupRow} in this file` });
      continue;
    }
    for (const k of o.keys) {
      const v = raw.get(k);
      if (v && v.kind === 'scalar' && normaliseKey(k, v.text)) seenInFile.set(`${k}\u0000${normaliseKey(k, v.text)}`, first.line);
    }
    if (matchIds.size > 1) {
      const ids = [...matchIds].map((r) => String(r[idField ?? def.key[0]!])).sort();
      actions.push({ kind: 'invalid', rows: lines, id: '', reason: `matches ${ids.length} existing records (${ids.join(', ')}) by ${o.keys.join('/')}`, diagnostics: [] });
      continue;
    }
    const match = [...matchIds][0];
    if (!match && o.mode === 'update') {
      actions.push({ kind: 'skipped', rows: lines, id: '', reason: 'no existing record matches (mode update)' });
      continue;
    }
    if (match && o.mode === 'create') {
      actions.push({ kind: 'skipped', rows: lines, id: String(match[def.key[0]!]), reason: `exists already (mode create)` });
      continue;
    }
    if (match) {
      // Update: convert the given fields only, against the existing record.
      const rec = convertRecord(def.fields, raw, { diags, what: `row ${first.line}` }, { checkUnknown: false, only: new Set(raw.keys()) });
      if (!rec || diags.errorCount) {
        actions.push({ kind: 'invalid', rows: lines, id: String(match[def.key[0]!]), diagnostics: explain(diags.list) });
        continue;
      }
      const before = recordToPlain(def.fields, match);
      const after = recordToPlain(def.fields, rec);
      const changes: { field: string; from: string; to: string }[] = [];
      for (const [f, v] of Object.entries(after)) {
        if (def.key.includes(f) || typeof v !== 'string') continue;
        // A match key written differently (138 1234 5678 vs 13812345678) is the same value: keep the existing text.
        if (o.keys.includes(f) && typeof before[f] === 'string' && normaliseKey(f, before[f] as string) === normaliseKey(f, v)) continue;
        const was = before[f];
        if (typeof was === 'string' && sameValue(def.fields[f]!, was, v)) continue;
        if (was !== v) changes.push({ field: f, from: (was as string | undefined) ?? '', to: v });
      }
      const id = String(match[def.key[0]!]);
      // The record as it will be: the existing one with the changed fields (typed), keeping its source location.
      const merged = { ...match } as Record<string, unknown>;
      for (const c of changes) merged[c.field] = (rec as Record<string, unknown>)[c.field];
      const newLines = def.lines && lineTargets.length ? updatedLines(def, match, g, (r) => rawOf(r, def.lines!.fields, diags, (k) => lineColumn(def, k)), diags) : null;
      if (diags.errorCount) {
        actions.push({ kind: 'invalid', rows: lines, id, diagnostics: explain(diags.list) });
        continue;
      }
      if (newLines && newLines.change) {
        changes.push({ field: def.lines!.field, from: newLines.change.from, to: newLines.change.to });
        merged[def.lines!.field] = newLines.typed;
      }
      const lineUpdate = newLines?.change ? { lines: newLines.plain, lineEdits: newLines.edits } : {};
      actions.push(changes.length ? { kind: 'update', rows: lines, id, existing: match, changes, record: merged, ...lineUpdate } : { kind: 'unchanged', rows: lines, id });
      continue;
    }
    // Create: a full record, with a new id when the row has none. The id is drawn only for a record that
    // is created: an invalid row gives it back, and the next created record takes it (no gaps).
    let drawn: string | undefined;
    if (idField && !raw.get(idField)) {
      drawn = spareId ?? nextId();
      spareId = undefined;
      raw.set(idField, raw.loc, { kind: 'scalar', text: drawn, isNull: false, loc: raw.loc });
    }
    if (def.lines) {
      const ls = g.map((r) => rawOf(r, def.lines!.fields, diags, (k) => lineColumn(def, k)));
      raw.set(def.lines.field, raw.loc, { kind: 'seq', items: ls, loc: raw.loc });
    }
    const rec = convertRecord(def.fields, raw, { diags, what: `row ${first.line}` }, { checkUnknown: false });
    const id = idField ? ((raw.get(idField) as RawScalar | undefined)?.text ?? '') : '';
    if (!rec || diags.errorCount) {
      if (drawn !== undefined) spareId = drawn;
      actions.push({ kind: 'invalid', rows: lines, id: drawn === undefined ? id : '', diagnostics: explain(diags.list) });
      continue;
    }
    actions.push({ kind: 'create', rows: lines, id, record: rec as Record<string, unknown> });
  }
  return { actions, ignoredColumns, header, rowCells: new Map(rows.map((r) => [r.line, r.cells])) };
}

/** A reference given as an id, or as the unique name of a record of the target entity. */
function resolveRef(ws: Workspace, target: EntityKey, soft: boolean, text: string, loc: SourceLoc, field: string, diags: Diagnostics): string {
  if (soft && !ws.present.has(target)) return text;
  const recs = ws.data[target] as unknown as AnyRecord[];
  if (recs.some((r) => r.id === text)) return text;
  const byName = recs.filter((r) => r.name === text || r.title === text);
  if (byName.length === 1) return byName[0]!.id as string;
  const tdef = ENTITIES[target] as unknown as EntityDef;
  if (byName.length > 1) {
    diags.push('unknown-ref', loc, `${field} "${text}" is ambiguous: ${byName.length} ${tdef.plural} have that name (${byName.map((r) => r.id as string).sort().join(', ')})`, 'write the id instead of the name');
    return text;
  }
  const n = normaliseName(text);
  const loose = recs.filter((r) => typeof r.name === 'string' && normaliseName(r.name) === n);
  if (loose.length === 1) return loose[0]!.id as string;
  const g = didYouMean(text, recs.map((r) => (r.name as string | undefined) ?? (r.id as string)));
  diags.push('unknown-ref', loc, `${field} "${text}" is neither the id nor the name of a ${tdef.name}`, g ? `did you mean "${g}"?` : `import the ${tdef.plural} first, or write an existing id`);
  return text;
}

/**
 * The lines of an existing document after an import row group: line i of the
 * input updates line i of the document, a line field the input does not give
 * keeps the document's value, extra input lines are added and missing ones
 * removed. Null change when the lines stay the same.
 */
function updatedLines(def: EntityDef, existing: AnyRecord, group: readonly CsvRow[], rawOf: (r: CsvRow) => EntriesMap, diags: Diagnostics) {
  const fields = def.lines!.fields as FieldMap;
  const old = ((existing[def.lines!.field] as AnyRecord[] | undefined) ?? []).map((l) => recordToPlain(fields, l) as Record<string, string>);
  const typed: Record<string, unknown>[] = [];
  const plain: Record<string, string>[] = [];
  for (const row of group) {
    const raw = rawOf(row);
    if (raw.keys().length === 0 && !def.fields[def.lines!.field]!.req) continue; // a row without a line
    const before = old[plain.length];
    for (const [k, v] of Object.entries(before ?? {})) {
      if (typeof v === 'string' && !raw.get(k)) raw.set(k, raw.loc, { kind: 'scalar', text: v, isNull: false, loc: raw.loc });
    }
    const ln = convertRecord(fields, raw, { diags, what: `row ${row.line}` }, { checkUnknown: false });
    if (!ln) continue;
    typed.push(ln as Record<string, unknown>);
    plain.push(recordToPlain(fields, ln) as Record<string, string>);
  }
  const keep = Math.min(plain.length, old.length);
  // Fields of line i that change (the same value written differently is no change: 50 = 50.00).
  const differs = (i: number, k: string) => {
    const a = old[i]![k];
    const b = plain[i]![k];
    return b !== undefined && (a === undefined || !sameValue(fields[k]!, a, b));
  };
  const set = new Map<number, [string, string][]>();
  for (let i = 0; i < keep; i++) {
    const d = Object.keys(fields).filter((k) => differs(i, k));
    if (d.length) set.set(i, d.map((k) => [k, plain[i]![k]!]));
  }
  const same = plain.length === old.length && set.size === 0;
  const edits: ListEdit = { set, keep, append: plain.slice(keep) };
  if (same) return { change: null, typed, plain, edits };
  // What changed, line by line: "line 1 qty 6 → 7; +1 line".
  const parts: string[] = [];
  for (let i = 0; i < Math.min(plain.length, old.length); i++) {
    const diff = Object.keys(fields).filter((k) => differs(i, k));
    if (diff.length) parts.push(`line ${i + 1} ${diff.map((k) => `${k} ${old[i]![k] ?? '∅'} → ${plain[i]![k] ?? '∅'}`).join(', ')}`);
  }
  if (plain.length > old.length) parts.push(`+${plain.length - old.length} line${plain.length - old.length === 1 ? '' : 's'}`);
  if (plain.length < old.length) parts.push(`−${old.length - plain.length} line${old.length - plain.length === 1 ? '' : 's'}`);
  return { change: { from: `${old.length} line${old.length === 1 ? '' : 's'}`, to: parts.join('; ') }, typed, plain, edits };
}
