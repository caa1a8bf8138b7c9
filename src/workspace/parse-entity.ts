/**
 * One entity file (YAML or CSV text) → typed records with source locations.
 * Pure: text in, records and diagnostics out.
 */
import type { EntityDef } from '../domain/entity.js';
import { Diagnostics, type SourceLoc } from '../diagnostics/types.js';
import { CsvReader, CsvRowMap, headerIndex, cellLoc, type CsvRow, type CsvText } from '../io/csv.js';
import type { Raw, RawMap } from '../io/raw.js';
import { parseYaml } from '../io/yaml.js';
import { convertRecord, type FieldMap, type Locator } from '../schema/record.js';
import type { FieldCtx } from '../schema/fields.js';
import { didYouMean } from '../util/suggest.js';

export type AnyRecord = Record<string, unknown> & { readonly src: Locator };

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

export type Partial = (r: Record<string, unknown> & { src: Locator }) => void;

/** Label for messages: "customer C0012", or "stock line" with its key values. */
export function recordLabel(def: EntityDef, raw: RawMap | Record<string, unknown>): string {
  const vals = def.key.map((k) => {
    if (raw instanceof CsvRowMap) return raw.cell(k);
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

export class CsvLocator implements Locator {
  constructor(
    private readonly table: CsvText,
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
    return cellLoc(this.table, { line: this.line, offset: this.offset }, i);
  }
}

/** The columns a CSV file of an entity may have. */
export interface CsvColumns {
  readonly header: string[];
  /** Column names of line fields, in schema order. */
  readonly line: string[];
  /** Line column → line field: the same name, except where a header field has it too. */
  readonly lineField: ReadonlyMap<string, string>;
}

/**
 * Which columns a CSV file of this entity may have. A line field named like
 * a header field gets the line's name as prefix (a payment's `amount` and
 * its allocations' `allocation_amount`), so no column means two things.
 */
export function csvColumns(def: EntityDef): CsvColumns {
  const header = Object.keys(def.fields).filter((k) => def.fields[k]!.csv && k !== def.lines?.field);
  const lineField = new Map<string, string>();
  if (def.lines) for (const k of Object.keys(def.lines.fields)) if (def.lines.fields[k]!.csv) lineField.set(lineColumn(def, k), k);
  return { header, line: [...lineField.keys()], lineField };
}

/** The CSV column of line field `k` (see csvColumns). */
export function lineColumn(def: EntityDef, k: string): string {
  return k in def.fields ? `${def.lines!.field.replace(/s$/, '')}_${k}` : k;
}

/**
 * The label of the record being converted, built only if a message needs it
 * (a million rows must not build a million label strings).
 */
class RowCtx implements FieldCtx {
  row: CsvRowMap | null = null;
  lineNo = 0;
  readonly intern = new Map<string, string>();
  readonly columnOf?: (field: string) => string;
  constructor(
    readonly diags: Diagnostics,
    private readonly def: EntityDef,
    private readonly lineWord: string | null,
  ) {
    if (lineWord) this.columnOf = (f) => lineColumn(def, f);
  }
  get what(): string {
    const base = this.row ? recordLabel(this.def, this.row) : this.def.name;
    return this.lineWord ? `${this.lineWord} ${this.lineNo} of ${base}` : base;
  }
}

/** A CSV file of an entity whose header passed the checks: what converting its rows needs. */
export interface OpenCsv {
  readonly reader: CsvReader;
  readonly index: Map<string, number>;
  readonly cols: CsvColumns;
  /** Line field → cell index (line columns may be named apart from their fields, see csvColumns). */
  readonly lineIndex: Map<string, number>;
  /** Locators keep only the file name and text, not the parsed rows, so rows can be freed. */
  readonly ref: CsvText;
  readonly mapOf: (row: CsvRow) => CsvRowMap;
  readonly locOf: (row: CsvRow) => Locator;
  /** The same for the line fields of a row (by lineIndex). */
  readonly lineMapOf: (row: CsvRow) => CsvRowMap;
  readonly lineLocOf: (row: CsvRow) => Locator;
}

/** Read the header and check its columns (unknown, YAML-only); null when the rows cannot be read. */
export function openEntityCsv(def: EntityDef, file: string, text: string, diags: Diagnostics): OpenCsv | null {
  if (def.single) {
    diags.push('file-shape', { file, line: 1, col: 1 }, `${def.name} must be a YAML file`, `rename it to ${def.path}.yaml`);
    return null;
  }
  const reader = new CsvReader(file, text, diags);
  const index = headerIndex(reader.header);
  const cols = csvColumns(def);
  const known = new Set([...cols.header, ...cols.line]);
  let headerOk = true;
  reader.header.forEach((h, i) => {
    if (h === '' || known.has(h)) return;
    headerOk = false;
    const hl = cellLoc(reader, { line: reader.headerLine, offset: text.charCodeAt(0) === 0xfeff ? 1 : 0 }, i);
    if (h in def.fields || (def.lines && h === def.lines.field)) {
      diags.push('unknown-field', hl, `column "${h}" of ${def.plural} cannot be written in CSV`, `use a YAML file for ${def.plural} that need "${h}"`);
      return;
    }
    const guess = didYouMean(h, [...known]);
    diags.push('unknown-field', hl, `unknown column "${h}" for ${def.plural}`, guess ? `did you mean "${guess}"?` : `known columns: ${[...known].join(', ')}`);
  });
  if (!headerOk) return null;
  const ref: CsvText = { file, text, headerLine: reader.headerLine };
  const cursor = CsvRowMap.cursor(ref);
  const mapOf = (row: CsvRow) => new CsvRowMap(ref, reader.header, index, cursor, row);
  const locOf = (row: CsvRow) => new CsvLocator(ref, index, row.line, row.offset);
  const lineIndex = new Map<string, number>();
  for (const [col, field] of cols.lineField) if (index.has(col)) lineIndex.set(field, index.get(col)!);
  const lineMapOf = (row: CsvRow) => new CsvRowMap(ref, reader.header, lineIndex, cursor, row);
  const lineLocOf = (row: CsvRow) => new CsvLocator(ref, lineIndex, row.line, row.offset);
  return { reader, index, cols, lineIndex, ref, mapOf, locOf, lineMapOf, lineLocOf };
}

/** The key column of a CSV of documents with lines (rows sharing it form one record), or undefined after reporting it missing. */
export function groupKeyIndex(def: EntityDef, csv: OpenCsv, diags: Diagnostics): number | undefined {
  const keyField = def.key[0]!;
  const keyIdx = csv.index.get(keyField);
  if (keyIdx === undefined) {
    diags.push('missing-field', { file: csv.ref.file, line: csv.reader.headerLine, col: 1 }, `${def.plural} CSV has no "${keyField}" column`, `add a "${keyField}" column that groups the ${def.lines!.field} of one ${def.name}`);
  }
  return keyIdx;
}

export function groupConverter(def: EntityDef, csv: OpenCsv, diags: Diagnostics, partial: Partial): GroupConverter {
  return new GroupConverter(def, csv, diags, partial);
}

function parseEntityCsv(def: EntityDef, file: string, text: string, diags: Diagnostics, partial: Partial): AnyRecord[] {
  const csv = openEntityCsv(def, file, text, diags);
  if (!csv) return [];
  const out: AnyRecord[] = [];
  if (!def.lines) {
    const conv = rowConverter(def, csv, diags, partial);
    for (let row = csv.reader.next(); row; row = csv.reader.next()) {
      const rec = conv.convert(row);
      if (rec) out.push(rec);
    }
    return out;
  }
  const keyIdx = groupKeyIndex(def, csv, diags);
  if (keyIdx === undefined) return [];
  convertGroups(csv, keyIdx, groupConverter(def, csv, diags, partial), (rec) => void out.push(rec));
  return out;
}

/** Converts the rows of a CSV file of an entity without lines: one row, one record. */
export class RowConverter {
  private readonly fields: FieldMap;
  private readonly ctx: RowCtx;
  private readonly rowMap: CsvRowMap;
  private readonly opts: { checkUnknown: false; partial: Partial };
  constructor(
    def: EntityDef,
    private readonly csv: OpenCsv,
    diags: Diagnostics,
    partial: Partial,
  ) {
    this.fields = csvPlan(def.fields, csv.index, () => true);
    this.ctx = new RowCtx(diags, def, null);
    this.rowMap = csv.mapOf({ line: 0, offset: 0, cells: [] });
    this.opts = { checkUnknown: false, partial };
  }
  convert(row: CsvRow): AnyRecord | null {
    const m = this.rowMap;
    m.row = row;
    this.ctx.row = m;
    return convertRecord(this.fields, m, this.ctx, this.opts, this.csv.locOf(row)) as AnyRecord | null;
  }
}

export function rowConverter(def: EntityDef, csv: OpenCsv, diags: Diagnostics, partial: Partial): RowConverter {
  return new RowConverter(def, csv, diags, partial);
}

/** Documents with lines: consecutive rows sharing the key form one record. */
export function convertGroups(csv: OpenCsv, keyIdx: number, conv: GroupConverter, push: (rec: AnyRecord) => void): void {
  const { reader } = csv;
  const group: CsvRow[] = [];
  let groupKey: string | null = null;
  for (let row = reader.next(); ; row = reader.next()) {
    const k = row ? (row.cells[keyIdx] ?? '').trim() : null;
    if (group.length && (row === null || k !== groupKey)) {
      const rec = conv.convert(group);
      if (rec) push(rec);
      group.length = 0;
    }
    if (!row) break;
    groupKey = k;
    group.push(row);
  }
}

/**
 * Re-reads the records of a CSV of documents with lines from their row
 * positions, converting them exactly as loading did (for stores that keep
 * only positions of records that were valid; problems were reported then).
 */
export function csvRecordReader(def: EntityDef, file: string, text: string): (line: number, offset: number, rows: number) => AnyRecord | null {
  const quiet = new Diagnostics();
  const csv = openEntityCsv(def, file, text, quiet)!;
  const conv = groupConverter(def, csv, quiet, () => {});
  const rows: CsvRow[] = [];
  return (line, offset, count) => {
    csv.reader.seek(offset, line);
    rows.length = 0;
    for (let k = 0; k < count; k++) {
      const r = csv.reader.next();
      if (!r) break;
      rows.push(r);
    }
    quiet.list.length = 0;
    return rows.length ? conv.convert(rows) : null;
  };
}

export class GroupConverter {
  private readonly lineFields: FieldMap;
  private readonly onlyHead: Set<string>;
  private readonly headCtx: RowCtx;
  private readonly lineCtx: RowCtx;
  private readonly keyField: string;
  /** Columns of line fields, when lines are optional (a row with all of them empty has no line). */
  private readonly optionalLineCols: readonly number[] | null;
  private readonly headOpts: { checkUnknown: false; partial: Partial };
  private readonly headFields: FieldMap;
  private lineMap: CsvRowMap | null = null;
  private headMap: CsvRowMap | null = null;
  private readonly headView = new WithLines();
  private readonly ref: CsvText;
  private readonly index: Map<string, number>;
  private readonly headerCols: readonly string[];
  /** Every line column is named as its field (the header's locator can place line cells too). */
  private readonly sameNames: boolean;
  constructor(
    private readonly def: EntityDef,
    private readonly csv: OpenCsv,
    private readonly diags: Diagnostics,
    private readonly partial: Partial,
  ) {
    this.ref = csv.ref;
    this.index = csv.index;
    this.headerCols = csv.cols.header;
    const lineIndex = csv.lineIndex;
    this.lineFields = csvPlan(def.lines!.fields as FieldMap, lineIndex, () => true);
    this.onlyHead = new Set([...this.headerCols, def.lines!.field]);
    this.headFields = csvPlan(def.fields, this.index, (k) => this.onlyHead.has(k), def.lines!.field);
    this.headCtx = new RowCtx(diags, def, null);
    this.lineCtx = new RowCtx(diags, def, def.lines!.field.replace(/s$/, ''));
    this.keyField = def.key[0]!;
    this.headOpts = { checkUnknown: false, partial: this.partial };
    const linesField = def.fields[def.lines!.field]!;
    this.optionalLineCols = linesField.req ? null : [...lineIndex.values()];
    this.sameNames = [...csv.cols.lineField].every(([c, f]) => c === f);
  }

  /** Whether the document's lines are optional (then a row may carry none). */
  get linesOptional(): boolean {
    return this.optionalLineCols !== null;
  }
  /** The file's columns of line fields, when lines are optional: a row with all of them empty has no line. */
  get lineColumns(): readonly number[] {
    return this.optionalLineCols ?? [];
  }

  /** A row of a document whose lines are optional (e.g. a deal with only an amount) may carry no line. */
  private noLine(row: CsvRow): boolean {
    const cols = this.optionalLineCols;
    if (cols === null) return false;
    for (const i of cols) if ((row.cells[i] ?? '').trim() !== '') return false;
    return true;
  }

  convert(rows: readonly CsvRow[]): AnyRecord | null {
    const { def, index, diags } = this;
    const first = rows[0]!;
    // One map and one view reused for every record: converters never keep them.
    const firstMap = this.headMap ?? (this.headMap = this.csv.mapOf(first));
    firstMap.row = first;
    const headLoc = this.csv.locOf(first);
    // Header fields repeated on later rows must agree with the first row.
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r]!;
      for (const h of this.headerCols) {
        const i = index.get(h);
        if (i === undefined || h === this.keyField) continue;
        const v = row.cells[i];
        if (v === undefined || v === '' || v === first.cells[i]) continue;
        const vt = v.trim();
        const v0 = (first.cells[i] ?? '').trim();
        if (vt === '' || vt === v0) continue;
        diags.push('conflicting-value', cellLoc(this.ref, row, i), `${h} of ${recordLabel(def, firstMap)} is "${vt}" here but "${v0}" on its first row`, `leave ${h} empty on continuation rows or repeat the same value`, [
          { loc: cellLoc(this.ref, first, i), message: 'first row' },
        ]);
      }
    }
    const lines: AnyRecord[] = [];
    let ok = true;
    this.lineCtx.row = firstMap;
    const lineMap = this.lineMap ?? (this.lineMap = this.csv.lineMapOf(first));
    let lineNo = 0;
    for (let n = 0; n < rows.length; n++) {
      const row = rows[n]!;
      if (this.noLine(row)) continue;
      this.lineCtx.lineNo = ++lineNo;
      lineMap.row = row;
      const ln = convertRecord(this.lineFields, lineMap, this.lineCtx, LINE_OPTS, row === first && this.sameNames ? headLoc : this.csv.lineLocOf(row));
      this.lineCtx.row = firstMap;
      if (ln) lines.push(ln as AnyRecord);
      else ok = false;
    }
    this.headCtx.row = firstMap;
    this.headView.m = firstMap;
    this.headView.field = def.lines!.field;
    const head = convertRecord(this.headFields, this.headView, this.headCtx, this.headOpts, headLoc);
    if (head && !ok) this.partial(head as AnyRecord);
    if (!head || !ok) return null;
    // A pushed-to array keeps room for 16 elements; a copy has exactly its length (×1,000,000 documents).
    // Optional lines: a document without any has none, as in YAML (not an empty list).
    if (lines.length === 0 && this.optionalLineCols !== null) delete (head as Record<string, unknown>)[def.lines!.field];
    else (head as Record<string, unknown>)[def.lines!.field] = lines.length === 1 ? [lines[0]] : lines.slice();
    return head as AnyRecord;
  }
}

const LINE_OPTS = { checkUnknown: false };

/**
 * The fields a CSV file can fill, in schema order: those with a column, plus absent ones that still
 * matter (a default to apply, a requirement to report). Absent optional fields are left out once per
 * file instead of being looked up on every row. `keep` is always included (the lines field).
 */
function csvPlan(fields: FieldMap, index: ReadonlyMap<string, number>, allowed: (k: string) => boolean, keep?: string): FieldMap {
  const out: FieldMap = {};
  for (const k of Object.keys(fields)) {
    const f = fields[k]!;
    if (k === keep || (allowed(k) && (index.has(k) || f.dflt !== undefined || f.req))) out[k] = f;
  }
  return out;
}

/** A RawMap view of a header row that reports the lines field as present (its rows are parsed separately). */
class WithLines implements RawMap {
  readonly kind = 'map' as const;
  m!: CsvRowMap;
  field = '';
  get loc(): SourceLoc {
    return this.m.loc;
  }
  keys(): readonly string[] {
    return this.m.keys();
  }
  get(k: string): Raw | undefined {
    return k === this.field ? { kind: 'seq', items: [], loc: this.m.loc } : this.m.get(k);
  }
  keyLoc(k: string): SourceLoc {
    return this.m.keyLoc(k);
  }
}
