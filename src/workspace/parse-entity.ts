/**
 * One entity file (YAML or CSV text) → typed records with source locations.
 * Pure: text in, records and diagnostics out.
 */
import type { EntityDef } from '../domain/entity.js';
import type { Diagnostics, SourceLoc } from '../diagnostics/types.js';
import { CsvRowMap, headerIndex, parseCsv, cellLoc, type CsvTable, type CsvRow } from '../io/csv.js';
import type { Raw, RawMap } from '../io/raw.js';
import { parseYaml } from '../io/yaml.js';
import { convertRecord, type FieldMap, type Locator } from '../schema/record.js';
import { didYouMean } from '../util/suggest.js';

export type AnyRecord = Record<string, unknown> & { readonly loc: SourceLoc; readonly src: Locator };

export function isCsvFile(file: string): boolean {
  return file.toLowerCase().endsWith('.csv');
}

export interface ParsedFile {
  /** Valid records. */
  readonly records: AnyRecord[];
  /** Records with an invalid field, as far as they could be read (their ids still count for duplicates and references). */
  readonly rejected: AnyRecord[];
}

export function parseEntityFile(def: EntityDef, file: string, text: string, diags: Diagnostics): ParsedFile {
  const rejected: AnyRecord[] = [];
  const partial = (r: Record<string, unknown>) => void rejected.push(r as AnyRecord);
  const records = isCsvFile(file) ? parseEntityCsv(def, file, text, diags, partial) : parseEntityYaml(def, file, text, diags, partial);
  return { records, rejected };
}

type Partial = (r: Record<string, unknown> & { loc: SourceLoc; src: Locator }) => void;

/** Label for messages: "customer C0012", or "stock line" with its key values. */
export function recordLabel(def: EntityDef, raw: RawMap | Record<string, unknown>): string {
  const vals = def.key.map((k) => {
    const v = 'kind' in raw && raw.kind === 'map' ? (raw as RawMap).get(k) : (raw as Record<string, unknown>)[k];
    if (v && typeof v === 'object' && 'kind' in v && (v as Raw).kind === 'scalar') return (v as unknown as { text: string }).text;
    return typeof v === 'string' ? v : '';
  });
  const shown = vals.filter((v) => v !== '');
  return shown.length ? `${def.name} ${shown.join(' / ')}` : def.name;
}

// ---------------- YAML ----------------

function parseEntityYaml(def: EntityDef, file: string, text: string, diags: Diagnostics, partial: Partial): AnyRecord[] {
  const y = parseYaml(file, text, diags);
  const root = y.root;
  if (!root) return [];
  if (def.single) {
    if (root.kind !== 'map') {
      diags.push('file-shape', root.loc, `${file} must be a mapping of settings`, 'write "key: value" lines at the top level');
      return [];
    }
    const rec = convertRecord(def.fields, root, { diags, what: def.name }, { checkUnknown: true });
    return rec ? [rec as AnyRecord] : [];
  }
  if (root.kind !== 'seq') {
    diags.push('file-shape', root.loc, `${file} must be a list of ${def.plural}`, `start each ${def.name} with "- " at the left margin`);
    return [];
  }
  const out: AnyRecord[] = [];
  for (const it of root.items) {
    if (it.kind !== 'map') {
      diags.push('file-shape', it.loc, `each item of ${file} must be a ${def.name} (a mapping of fields)`, 'write "- field: value" and indent the following fields by two spaces');
      continue;
    }
    const rec = convertRecord(def.fields, it, { diags, what: recordLabel(def, it) }, { checkUnknown: true, partial });
    if (rec) out.push(rec as AnyRecord);
  }
  return out;
}

// ---------------- CSV ----------------

class CsvLocator implements Locator {
  constructor(
    private readonly table: CsvTable,
    private readonly index: ReadonlyMap<string, number>,
    private readonly line: number,
    private readonly offset: number,
  ) {}
  get loc(): SourceLoc {
    return { file: this.table.file, line: this.line, col: 1 };
  }
  at(field: string): SourceLoc {
    const i = this.index.get(field);
    if (i === undefined) return this.loc;
    return cellLoc(this.table, { line: this.line, offset: this.offset, cells: [] }, i);
  }
}

/** Which columns a CSV file of this entity may have. */
export function csvColumns(def: EntityDef): { header: string[]; line: string[] } {
  const header = Object.keys(def.fields).filter((k) => def.fields[k]!.csv && k !== def.lines?.field);
  const line = def.lines ? Object.keys(def.lines.fields).filter((k) => def.lines!.fields[k]!.csv) : [];
  return { header, line };
}

function parseEntityCsv(def: EntityDef, file: string, text: string, diags: Diagnostics, partial: Partial): AnyRecord[] {
  const table = parseCsv(file, text, diags);
  if (def.single) {
    diags.push('file-shape', { file, line: 1, col: 1 }, `${def.name} must be a YAML file`, `rename it to ${def.path}.yaml`);
    return [];
  }
  const index = headerIndex(table.header);
  const cols = csvColumns(def);
  const known = new Set([...cols.header, ...cols.line]);
  let headerOk = true;
  table.header.forEach((h, i) => {
    if (h === '' || known.has(h)) return;
    headerOk = false;
    const hl = cellLoc(table, { line: table.headerLine, offset: table.text.charCodeAt(0) === 0xfeff ? 1 : 0, cells: [] }, i);
    if (h in def.fields || (def.lines && h === def.lines.field)) {
      diags.push('unknown-field', hl, `column "${h}" of ${def.plural} cannot be written in CSV`, `use a YAML file for ${def.plural} that need "${h}"`);
      return;
    }
    const guess = didYouMean(h, [...known]);
    diags.push('unknown-field', hl, `unknown column "${h}" for ${def.plural}`, guess ? `did you mean "${guess}"?` : `known columns: ${[...known].join(', ')}`);
  });
  if (!headerOk) return [];
  if (!def.lines) {
    const out: AnyRecord[] = [];
    for (const row of table.rows) {
      const m = new CsvRowMap(table, index, row);
      const rec = convertRecord(def.fields, m, { diags, what: recordLabel(def, m) }, { checkUnknown: false, partial }, new CsvLocator(table, index, row.line, row.offset));
      if (rec) out.push(rec as AnyRecord);
    }
    return out;
  }
  return parseGroupedCsv(def, table, index, cols.header, diags, partial);
}

/** Documents with lines: rows sharing a key form one record; header fields repeat (or stay blank) on later rows. */
function parseGroupedCsv(def: EntityDef, table: CsvTable, index: Map<string, number>, headerCols: string[], diags: Diagnostics, partial: Partial): AnyRecord[] {
  const keyField = def.key[0]!;
  const keyIdx = index.get(keyField);
  if (keyIdx === undefined) {
    diags.push('missing-field', { file: table.file, line: table.headerLine, col: 1 }, `${def.plural} CSV has no "${keyField}" column`, `add a "${keyField}" column that groups the ${def.lines!.field} of one ${def.name}`);
    return [];
  }
  const groups = new Map<string, CsvRow[]>();
  for (const row of table.rows) {
    const k = (row.cells[keyIdx] ?? '').trim();
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  const lineFields = def.lines!.fields as FieldMap;
  const onlyHead = new Set([...headerCols, def.lines!.field]);
  const out: AnyRecord[] = [];
  for (const [, rows] of groups) {
    const first = rows[0]!;
    const firstMap = new CsvRowMap(table, index, first);
    const what = recordLabel(def, firstMap);
    // Header fields repeated on later rows must agree with the first row.
    for (const row of rows.slice(1)) {
      for (const h of headerCols) {
        const i = index.get(h);
        if (i === undefined || h === keyField) continue;
        const v = (row.cells[i] ?? '').trim();
        const v0 = (first.cells[i] ?? '').trim();
        if (v !== '' && v !== v0) {
          diags.push('conflicting-value', cellLoc(table, row, i), `${h} of ${what} is "${v}" here but "${v0}" on its first row`, `leave ${h} empty on continuation rows or repeat the same value`, [
            { loc: cellLoc(table, first, i), message: 'first row' },
          ]);
        }
      }
    }
    const lines: AnyRecord[] = [];
    let ok = true;
    rows.forEach((row, n) => {
      const m = new CsvRowMap(table, index, row);
      const ln = convertRecord(lineFields, m, { diags, what: `${def.lines!.field.replace(/s$/, '')} ${n + 1} of ${what}` }, { checkUnknown: false }, new CsvLocator(table, index, row.line, row.offset));
      if (ln) lines.push(ln as AnyRecord);
      else ok = false;
    });
    const head = convertRecord(def.fields, withLines(firstMap, def.lines!.field), { diags, what }, { checkUnknown: false, only: onlyHead, partial }, new CsvLocator(table, index, first.line, first.offset));
    if (head && !ok) partial(head as AnyRecord);
    if (!head || !ok) continue;
    (head as Record<string, unknown>)[def.lines!.field] = lines;
    out.push(head as AnyRecord);
  }
  return out;
}

/** A RawMap view that reports the lines field as present (its rows are parsed separately). */
function withLines(m: CsvRowMap, field: string): RawMap {
  const placeholder: Raw = { kind: 'seq', items: [], loc: m.loc };
  return {
    kind: 'map',
    loc: m.loc,
    keys: () => m.keys(),
    get: (k: string) => (k === field ? placeholder : m.get(k)),
    keyLoc: (k: string) => m.keyLoc(k),
  };
}
