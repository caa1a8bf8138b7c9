/**
 * The fast reader for CSV files of every entity but the journal (which has
 * its own, journal-csv.ts): rows go straight into the columns of an
 * EntityTable, with no object per row, cell or value.
 *
 * It is exact by construction. A row is scanned here only when it needs no
 * quote handling (SimpleRowScanner); a record is stored here only when every
 * cell it uses is in a form whose conversion is certain: empty (then the
 * field's default, or absent when the field is optional), or without spaces
 * around it and accepted by the same rule as the schema — texts and
 * references as written, ids by the id rule, plain decimals within the
 * field's bounds, and every other kind (dates, enums, booleans, lists…) by
 * the field's own parser, run once per distinct text; for documents with
 * lines, header cells on continuation rows empty or equal to the first row's.
 * Any other record goes, rows and all, through the generic converter
 * (parse-entity.ts), which reports what is wrong at its exact line:col, or
 * gives a valid record that the table keeps as a record.
 */
import { Dec } from '../domain/decimal.js';
import type { EntityDef } from '../domain/entity.js';
import { Diagnostics } from '../diagnostics/types.js';
import { SimpleRowScanner, type CsvRow } from '../io/csv.js';
import type { RawScalar } from '../io/raw.js';
import { ID_RE, INVALID, type Field, type FieldCtx } from '../schema/fields.js';
import { SpanIndex } from '../util/text-index.js';
import { plainDecimal, decimalScale } from './journal-csv.js';
import {
  convertGroups,
  CsvLocator,
  GroupConverter,
  groupConverter,
  groupKeyIndex,
  openEntityCsv,
  rowConverter,
  type AnyRecord,
  type OpenCsv,
  type Partial,
  type RowConverter,
} from './parse-entity.js';
import type { CodeColumn, Column, DecColumn, EntityTable, TableSource, TextColumn } from './table.js';

/** How a field's cell is read. */
const enum How {
  /** Text as written. */
  Text,
  /** An id (the id rule), kept as text. */
  Id,
  /** A reference: the text as written, coded. */
  Ref,
  /** Coded after the field's own parser accepted the text (dates, enums, stages…); once per distinct text. */
  Coded,
  /** An exact decimal. */
  Dec,
  /** The field's own parser, its result cached per distinct text (booleans, whole numbers, date-times). */
  Cached,
  /** The field's own parser on every cell (lists, amounts). */
  Parse,
}

/** One field of a file: where its cell is and how it is read, or what it takes when the file has no column for it. */
interface Slot {
  readonly name: string;
  readonly spec: Field;
  readonly col: Column;
  /** Cell index in the row, −1 when the file has no column for the field. */
  readonly cell: number;
  readonly how: How;
  /** Value for an empty cell or a missing column: the default, else undefined (absent). */
  readonly dflt: unknown;
  /** An empty cell is an error (a required field without default). */
  readonly needed: boolean;
  /** Distinct texts seen: span → code (Ref, Coded) or index in `cache` (Cached). */
  readonly spans: SpanIndex | null;
  /** The last cell read and what it gave (code or cache index): a repeat of it (sorted dates…) is not looked up. */
  lastStart: number;
  lastEnd: number;
  last: number;
  readonly cache: unknown[];
  /** Decimals: a rate may be written as a percentage; bounds checked like the schema. */
  readonly percent: boolean;
  readonly nonNegative: boolean;
  readonly min: Dec | undefined;
  readonly max: Dec | undefined;
}

/** Read one CSV file of an entity into its table; problems go to `diags`, invalid records to `partial`. */
export function readTableCsv(def: EntityDef, file: string, text: string, diags: Diagnostics, table: EntityTable, partial: Partial): void {
  const csv = openEntityCsv(def, file, text, diags);
  if (!csv) return;
  let keyIdx = -1;
  if (def.lines) {
    const k = groupKeyIndex(def, csv, diags);
    if (k === undefined) return;
    keyIdx = k;
  }
  const conv = def.lines ? groupConverter(def, csv, diags, partial) : rowConverter(def, csv, diags, partial);
  const src = table.addSource(tableSource(csv, file, text));
  const head = slotsFor(table.head, csv.index);
  const line = slotsFor(table.lineCols, csv.lineIndex);
  if (!head || (!line && !(conv instanceof GroupConverter && conv.linesOptional))) {
    // A required field has no column: every record (or line) is missing it, and the generic converter says so for each.
    const add = (rec: AnyRecord | null) => void (rec && table.addRecord(rec));
    if (conv instanceof GroupConverter) convertGroups(csv, keyIdx, conv, add);
    else for (let row = csv.reader.next(); row; row = csv.reader.next()) add(conv.convert(row));
    return;
  }
  // Optional lines whose required field has no column: a row that carries a line is missing it (generic converter).
  const r = new Reader(table, csv, text, src, head, line);
  if (conv instanceof GroupConverter) r.groups(conv, keyIdx);
  else r.rows(conv);
}

function tableSource(csv: OpenCsv, file: string, text: string): TableSource {
  return {
    file,
    text,
    locator: (line, offset) => new CsvLocator(csv.ref, csv.index, line, offset),
    lineLocator: (line, offset) => new CsvLocator(csv.ref, csv.lineIndex, line, offset),
  };
}

/**
 * The slots of the fields of these columns, in schema order; null when a required field without
 * default has no column. A field without column and without default needs no slot: the table
 * writes each record's values once, at a new index, so its column is already empty there.
 */
function slotsFor(cols: readonly Column[], index: ReadonlyMap<string, number>): Slot[] | null {
  const out: Slot[] = [];
  for (const col of cols) {
    const spec = col.spec;
    const cell = index.get(col.name) ?? -1;
    if (cell < 0 && spec.dflt === undefined) {
      if (spec.req) return null;
      continue;
    }
    const how = howOf(spec, col);
    const min = spec.min;
    const max = spec.max;
    out.push({
      name: col.name,
      spec,
      col,
      cell,
      how,
      dflt: spec.dflt,
      needed: spec.dflt === undefined && spec.req,
      spans: how === How.Coded || how === How.Cached ? new SpanIndex(true) : null,
      lastStart: 0,
      lastEnd: 0,
      last: -1,
      cache: [],
      percent: spec.kind === 'rate',
      nonNegative: min !== undefined && min.isZero() && max === undefined,
      min,
      max,
    });
  }
  return out;
}

function howOf(spec: Field, col: Column): How {
  switch (col.kind) {
    case 'text':
      return spec.kind === 'id' ? How.Id : spec.kind === 'text' ? How.Text : How.Parse;
    case 'code':
      return spec.kind === 'ref' ? How.Ref : How.Coded;
    case 'dec':
      return How.Dec;
    case 'num':
    case 'bool':
      return How.Cached;
    case 'value':
      return How.Parse;
  }
}

// The field's own parser, with its messages discarded: a text it rejects sends the record to the generic converter.
const QUIET = new Diagnostics();
const QUIET_CTX: FieldCtx = { diags: QUIET, what: '' };
const CELL: { -readonly [K in keyof RawScalar]: RawScalar[K] } = { kind: 'scalar', text: '', isNull: false, loc: { file: '', line: 0, col: 0 } };

function parseQuietly(s: Slot, t: string): unknown {
  CELL.text = t;
  QUIET.list.length = 0;
  const v = s.spec.parse(CELL, s.name, QUIET_CTX);
  return QUIET.list.length ? INVALID : v;
}

/** Whether a character is one String.prototype.trim removes (or a control character: left to the generic converter). */
function isSpace(c: number): boolean {
  return c <= 32 || (c >= 0x80 && (c === 0x85 || c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** A non-empty cell with a space at either end (its value would be trimmed). */
function spaced(t: string, s: number, e: number): boolean {
  const a = t.charCodeAt(s);
  const b = t.charCodeAt(e - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return false;
  return isSpace(a) || isSpace(b);
}

/** The id rule on an unspaced cell: printable ASCII other than ";" decides at once; anything else by ID_RE. */
function idOk(t: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x3b) return ID_RE.test(t.slice(s, e));
  }
  return true;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Compare m / 10^s (m a safe integer) with a bound: −1, 0 or 1. */
function cmpBound(m: number, s: number, b: Dec): number {
  const bm = b.raw;
  if (typeof bm === 'number') {
    // Align the scales in safe integers when they stay safe; else let Dec compare.
    let x = m;
    let y = bm;
    if (s > b.s && s - b.s < 16) y = bm * POW10[s - b.s]!;
    else if (b.s > s && b.s - s < 16) x = m * POW10[b.s - s]!;
    else if (s !== b.s) return new Dec(m, s).cmp(b);
    if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) return x < y ? -1 : x > y ? 1 : 0;
  }
  return new Dec(m, s).cmp(b);
}

/** The first row's cells of the document being read, and its rows. */
class Pending {
  rows = 0;
  /** Rows: offset, line and, for rows CsvReader read, the row. */
  readonly offset: number[] = [];
  readonly line: number[] = [];
  readonly row: (CsvRow | null)[] = [];
  /** Lines written to the table's line columns. */
  lines = 0;
  /** Some row needs the generic converter: the document is converted as a whole when it ends. */
  slow = false;
  /** The key: a span of the first row (ks < 0: known only as text). */
  ks = -1;
  ke = -1;
  private keyText: string | null = null;
  constructor(private readonly text: string) {}
  key(): string {
    return (this.keyText ??= this.text.slice(this.ks, this.ke));
  }
  begin(ks: number, ke: number, key: string | null): void {
    this.rows = 0;
    this.lines = 0;
    this.slow = false;
    this.ks = ks;
    this.ke = ke;
    this.keyText = key;
  }
  keep(offset: number, line: number, row: CsvRow | null): void {
    this.offset[this.rows] = offset;
    this.line[this.rows] = line;
    this.row[this.rows] = row;
    this.rows++;
  }
}

class Reader {
  private readonly sc: SimpleRowScanner;
  private readonly start: Int32Array;
  private readonly end: Int32Array;

  constructor(
    private readonly table: EntityTable,
    private readonly csv: OpenCsv,
    private readonly text: string,
    private readonly src: number,
    private readonly head: readonly Slot[],
    /** Null when a required line field has no column (documents whose lines are optional). */
    private readonly line: readonly Slot[] | null,
  ) {
    this.sc = new SimpleRowScanner(text, csv.reader.header.length);
    this.start = this.sc.start;
    this.end = this.sc.end;
  }

  /** An entity without lines: each row is a record. */
  rows(conv: RowConverter): void {
    const { text, sc, table, csv } = this;
    const { reader } = csv;
    const n = text.length;
    let pos = reader.offset;
    let line = reader.line;
    this.reserve(pos, -1);
    while (pos < n) {
      const kind = sc.scan(pos);
      if (kind === 0) {
        pos = sc.next;
        line++;
        continue;
      }
      if (kind < 0) {
        reader.seek(pos, line);
        const row = reader.next();
        pos = reader.offset;
        line = reader.line;
        if (!row) break;
        const rec = conv.convert(row);
        if (rec) table.addRecord(rec);
        continue;
      }
      if (this.writeFields(this.head, table.size)) table.commitRows(this.src, line, pos, 0);
      else {
        table.clearPending(0);
        const rec = conv.convert(simpleRow(text, pos, line));
        if (rec) table.addRecord(rec);
      }
      pos = sc.next;
      line++;
    }
  }

  /** Documents with lines: consecutive rows with the same key form one record. */
  groups(conv: GroupConverter, keyIdx: number): void {
    const { text, sc, table, csv, start, end } = this;
    const { reader } = csv;
    const n = text.length;
    // Header fields that continuation rows may repeat (the key excepted).
    const repeat = Int32Array.from(this.head.filter((s) => s.cell >= 0 && s.cell !== keyIdx).map((s) => s.cell));
    const firstStart = new Int32Array(repeat.length);
    const firstEnd = new Int32Array(repeat.length);
    // Line columns of the file, when a row may carry no line (documents whose lines are optional).
    const optional = conv.linesOptional ? Int32Array.from(conv.lineColumns) : null;
    const g = new Pending(text);
    const flush = () => {
      if (g.rows === 0) return;
      if (!g.slow) table.commitRows(this.src, g.line[0]!, g.offset[0]!, g.lines);
      else {
        table.clearPending(g.lines);
        const rows: CsvRow[] = [];
        for (let k = 0; k < g.rows; k++) rows.push(g.row[k] ?? simpleRow(text, g.offset[k]!, g.line[k]!));
        const rec = conv.convert(rows);
        if (rec) table.addRecord(rec);
      }
      g.rows = 0;
    };
    let pos = reader.offset;
    let line = reader.line;
    this.reserve(pos, keyIdx);
    while (pos < n) {
      const kind = sc.scan(pos);
      if (kind === 0) {
        pos = sc.next;
        line++;
        continue;
      }
      if (kind < 0) {
        // Quotes, a stray carriage return or a wrong cell count: CsvReader reads (and reports) this row.
        reader.seek(pos, line);
        const row = reader.next();
        pos = reader.offset;
        line = reader.line;
        if (!row) break;
        const k = (row.cells[keyIdx] ?? '').trim();
        if (g.rows === 0 || k !== g.key()) {
          flush();
          g.begin(-1, -1, k);
        }
        g.slow = true;
        g.keep(row.offset, row.line, row);
        continue;
      }
      const rowOffset = pos;
      const rowLine = line;
      pos = sc.next;
      line++;
      const ks = start[keyIdx]!;
      const ke = end[keyIdx]!;
      const keySpaced = ke > ks && spaced(text, ks, ke);
      let same = false;
      if (g.rows > 0) {
        if (keySpaced) same = text.slice(ks, ke).trim() === g.key();
        else if (g.ks >= 0) same = spanEq(text, ks, ke, g.ks, g.ke);
        else same = ke - ks === g.key().length && text.startsWith(g.key(), ks);
      }
      if (!same) {
        flush();
        if (keySpaced) g.begin(-1, -1, text.slice(ks, ke).trim());
        else g.begin(ks, ke, null);
        g.keep(rowOffset, rowLine, null);
        if (keySpaced || !this.writeFields(this.head, table.size)) {
          g.slow = true;
          continue;
        }
        for (let r = 0; r < repeat.length; r++) {
          firstStart[r] = start[repeat[r]!]!;
          firstEnd[r] = end[repeat[r]!]!;
        }
      } else {
        g.keep(rowOffset, rowLine, null);
        if (g.slow) continue;
        if (!repeatsFirst(text, repeat, start, end, firstStart, firstEnd)) {
          g.slow = true;
          continue;
        }
      }
      // The row's line (unless the document's lines are optional and this row carries none).
      if (optional !== null) {
        const has = this.hasLine(optional);
        if (has < 0) {
          g.slow = true;
          continue;
        }
        if (has === 0) continue;
      }
      if (this.line === null) {
        g.slow = true;
        continue;
      }
      const l = table.lineCount + g.lines;
      table.ensureLine(l);
      table.lineOffset[l] = rowOffset;
      g.lines++;
      if (!this.writeFields(this.line, l)) g.slow = true;
    }
    flush();
  }

  /** Whether the row has a line: 1 some line cell is filled, 0 all are empty, −1 a cell of only spaces (the generic converter decides). */
  private hasLine(cells: Int32Array): number {
    const { text, start, end } = this;
    let has = 0;
    for (let k = 0; k < cells.length; k++) {
      const s = start[cells[k]!]!;
      const e = end[cells[k]!]!;
      if (e === s) continue;
      if (spaced(text, s, e)) return -1;
      has = 1;
    }
    return has;
  }

  /** Write the fields of the scanned row at index i of their columns; false when a cell needs the generic converter. */
  private writeFields(slots: readonly Slot[], i: number): boolean {
    const { text, start, end } = this;
    for (let k = 0; k < slots.length; k++) {
      const sl = slots[k]!;
      const c = sl.cell;
      if (c < 0 || end[c] === start[c]) {
        // Empty: the default, else absent (the column is already empty at a new index), else missing.
        if (sl.dflt !== undefined) (sl.col as { put(i: number, v: unknown): void }).put(i, sl.dflt);
        else if (sl.needed) return false;
        continue;
      }
      const s = start[c]!;
      const e = end[c]!;
      if (spaced(text, s, e)) return false;
      switch (sl.how) {
        case How.Text:
          (sl.col as TextColumn).setSpan(i, this.src, s, e);
          break;
        case How.Id:
          if (!idOk(text, s, e)) return false;
          (sl.col as TextColumn).setSpan(i, this.src, s, e);
          break;
        case How.Ref:
        case How.Coded: {
          const col = sl.col as CodeColumn;
          let code = sl.last;
          if (code < 0 || !spanEq(text, s, e, sl.lastStart, sl.lastEnd)) {
            if (sl.how === How.Ref) code = col.codeOfSpan(text, s, e); // kept as written
            else {
              code = sl.spans!.find(text, s, e);
              if (code < 0) {
                // Coded as the field's parser gives it (when it accepts the text).
                const t = text.slice(s, e);
                const v = parseQuietly(sl, t);
                if (v === INVALID) return false;
                code = col.code(v as string);
                sl.spans!.add(t, code);
              }
            }
            sl.last = code;
            sl.lastStart = s;
            sl.lastEnd = e;
          }
          col.setCode(i, code);
          break;
        }
        case How.Dec:
          if (!this.writeDec(sl, i, s, e)) return false;
          break;
        case How.Cached: {
          let at = sl.last;
          if (at < 0 || !spanEq(text, s, e, sl.lastStart, sl.lastEnd)) at = sl.spans!.find(text, s, e);
          let v: unknown;
          if (at >= 0) v = sl.cache[at];
          else {
            const t = text.slice(s, e);
            v = parseQuietly(sl, t);
            if (v === INVALID) return false;
            if (sl.cache.length < 4096) {
              at = sl.cache.length;
              sl.cache.push(v);
              sl.spans!.add(t, at);
            }
          }
          sl.last = at;
          sl.lastStart = s;
          sl.lastEnd = e;
          (sl.col as { put(i: number, v: unknown): void }).put(i, v);
          break;
        }
        case How.Parse: {
          const v = parseQuietly(sl, text.slice(s, e));
          if (v === INVALID) return false;
          (sl.col as { put(i: number, v: unknown): void }).put(i, v);
          break;
        }
      }
    }
    return true;
  }

  /** A decimal cell: a plain decimal (or a percentage, for rates) within the field's bounds; anything else by the field's parser. */
  private writeDec(sl: Slot, i: number, s: number, e: number): boolean {
    const { text } = this;
    const col = sl.col as DecColumn;
    const pct = sl.percent && text.charCodeAt(e - 1) === 37; /* % */
    let m = plainDecimal(text, s, pct ? e - 1 : e);
    let sc = decimalScale();
    if (m === m && pct) sc += 2; // 13% = 13 / 10^2 (the schema divides by 100 keeping every digit)
    if (m !== m || sc > 255) {
      // A mantissa beyond 2^53, a sign or point alone, spaces inside a percentage…: as the schema reads it.
      const v = parseQuietly(sl, text.slice(s, e));
      if (v === INVALID) return false;
      col.put(i, v as Dec);
      return true;
    }
    if (sl.nonNegative) {
      if (m < 0) return false;
    } else if ((sl.min && cmpBound(m, sc, sl.min) < 0) || (sl.max && cmpBound(m, sc, sl.max) > 0)) return false;
    col.setDec(i, m, sc);
    return true;
  }

  /** Reserve room from the first rows: their mean length (and rows per record), plus a tenth. */
  private reserve(from: number, keyIdx: number): void {
    const { text, sc } = this;
    let rows = 0;
    let records = 0;
    let ps = -1;
    let pe = -1;
    let at = from;
    while (rows < 200 && at < text.length && sc.scan(at) === 1) {
      const s = keyIdx < 0 ? 0 : sc.start[keyIdx]!;
      const e = keyIdx < 0 ? 0 : sc.end[keyIdx]!;
      if (keyIdx < 0 || ps < 0 || !spanEq(text, s, e, ps, pe)) records++;
      ps = s;
      pe = e;
      rows++;
      at = sc.next;
    }
    if (rows < 200) return; // a small file (or an unusual start): grow as needed
    const total = Math.ceil(((text.length - from) / (at - from)) * rows * 1.1);
    this.table.reserve(Math.ceil((total * records) / rows), keyIdx < 0 ? 0 : total);
  }
}

/** text[a, b) = text[c, d). */
function spanEq(t: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (t.charCodeAt(a + i) !== t.charCodeAt(c + i)) return false;
  return true;
}

/** Header cells of a continuation row: each empty or equal to the first row's (else the generic converter compares them). */
function repeatsFirst(text: string, repeat: Int32Array, start: Int32Array, end: Int32Array, firstStart: Int32Array, firstEnd: Int32Array): boolean {
  for (let r = 0; r < repeat.length; r++) {
    const s = start[repeat[r]!]!;
    const e = end[repeat[r]!]!;
    if (e === s) continue;
    if (!spanEq(text, s, e, firstStart[r]!, firstEnd[r]!)) return false;
  }
  return true;
}

/** A CsvRow for a row the scanner found simple (no quotes, no stray carriage return): its cells are the comma-separated parts. */
function simpleRow(text: string, offset: number, line: number): CsvRow {
  let le = text.indexOf('\n', offset);
  if (le < 0) le = text.length;
  if (le > offset && text.charCodeAt(le - 1) === 13) le--;
  return { line, offset, cells: text.slice(offset, le).split(',') };
}
