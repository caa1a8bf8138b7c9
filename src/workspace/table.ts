/**
 * The records of one entity as columns (every entity but the journal, which
 * has its own store). CSV rows go straight into the columns (table-csv.ts
 * reads them without an object per row, cell or value); YAML records, and
 * CSV rows that needed the generic converter, are kept as records with their
 * CSV-able values copied into the same columns. Checks and the readers of
 * big inputs (CRM purchases, deals, activities, customer names) read the
 * columns; records (`ws.data.<entity>`) are rebuilt from the rows, by the
 * generic converter, only when a command asks for them.
 *
 *   record i   head field f → head column f, value at i
 *              lines (documents with lines) [lineStart[i], lineStart[i + 1])
 *   line l     line field f → line column f, value at l
 *
 * Every CSV-able field of the schema has a column; fields that CSV cannot
 * hold (stage history, payroll versions…) exist only in the kept records.
 * A column's storage is allocated when its first value arrives, so a field
 * that no row uses costs nothing.
 */
import { Dec } from '../domain/decimal.js';
import type { EntityDef } from '../domain/entity.js';
import type { Field } from '../schema/fields.js';
import type { Locator } from '../schema/record.js';
import { SpanIndex } from '../util/text-index.js';
import type { AnyRecord } from './parse-entity.js';

/** Room wanted by the owner: columns grow to at least this many values. */
interface Room {
  n: number;
}

function room(have: number, need: number, r: Room): number {
  return Math.max(need, r.n, have * 2, 64);
}

function growInt32(a: Int32Array, need: number, r: Room, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(room(a.length, need, r));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

const NO_INT32: Int32Array<ArrayBuffer> = new Int32Array(0);
const NO_LINES: readonly Record<string, unknown>[] = Object.freeze([]);

abstract class ColumnBase<T> {
  constructor(
    readonly name: string,
    readonly spec: Field,
    protected readonly room: Room,
  ) {}
  abstract has(i: number): boolean;
  /** The value as the record holds it (undefined when absent). */
  abstract get(i: number): T | undefined;
  /** Store a record's value (undefined: absent). */
  abstract put(i: number, v: T | undefined): void;
  /** Whether any value was ever stored (a column no row uses is never allocated). */
  abstract get used(): boolean;
}

/**
 * Texts kept one per value: ids, names, free text. A cell the fast reader took from a file is kept as
 * its span of the file's text (start, end, and which text), sliced only when read: most of a big file's
 * ids and titles are never read one by one. Other values (kept records) are kept as strings.
 */
export class TextColumn extends ColumnBase<string> {
  readonly kind = 'text' as const;
  values: (string | undefined)[] = [];
  /** Per value: index in `texts` of the text its span is in, −1 when it is not a span. */
  private inText = NO_INT32;
  private start = NO_INT32;
  private end = NO_INT32;
  constructor(
    name: string,
    spec: Field,
    r: Room,
    /** The texts of the table's files (shared with the table). */
    private readonly texts: readonly string[],
  ) {
    super(name, spec, r);
  }
  get used(): boolean {
    return this.values.length > 0 || this.inText.length > 0;
  }
  private span(i: number): number {
    return i < this.inText.length ? this.inText[i]! : -1;
  }
  has(i: number): boolean {
    return this.span(i) >= 0 || (i < this.values.length && this.values[i] !== undefined);
  }
  get(i: number): string | undefined {
    const f = this.span(i);
    if (f >= 0) return this.texts[f]!.slice(this.start[i]!, this.end[i]!);
    return i < this.values.length ? this.values[i] : undefined;
  }
  put(i: number, v: string | undefined): void {
    if (i < this.inText.length) this.inText[i] = -1;
    const vs = this.values;
    if (v === undefined) {
      if (i < vs.length) vs[i] = undefined;
      return;
    }
    while (vs.length < i) vs.push(undefined);
    vs[i] = v;
  }
  /** Value i is text[s, e) of the table's text number f (a non-empty cell the fast reader accepted). */
  setSpan(i: number, f: number, s: number, e: number): void {
    if (i >= this.inText.length) {
      this.inText = growInt32(this.inText, i + 1, this.room, -1);
      this.start = growInt32(this.start, i + 1, this.room, 0);
      this.end = growInt32(this.end, i + 1, this.room, 0);
    }
    this.inText[i] = f;
    this.start[i] = s;
    this.end[i] = e;
    if (i < this.values.length) this.values[i] = undefined;
  }
  /** value(i) < value(j) in code-unit order (as `<` on strings), comparing spans without slicing them. */
  less(i: number, j: number): boolean {
    const fi = this.span(i);
    const fj = this.span(j);
    if (fi < 0 || fj < 0) return (this.get(i) ?? '') < (this.get(j) ?? '');
    const a = this.texts[fi]!;
    const b = this.texts[fj]!;
    let x = this.start[i]!;
    let y = this.start[j]!;
    const xe = this.end[i]!;
    const ye = this.end[j]!;
    for (; x < xe && y < ye; x++, y++) {
      const c = a.charCodeAt(x) - b.charCodeAt(y);
      if (c !== 0) return c < 0;
    }
    return xe - x < ye - y;
  }
}

/**
 * Repetitive texts (references, dates, enums, stages…) as codes into a
 * dictionary of distinct values: `values[codes[i]]`, code −1 when absent.
 */
export class CodeColumn extends ColumnBase<string> {
  readonly kind = 'code' as const;
  codes: Int32Array = NO_INT32;
  readonly values: string[] = [];
  /** Value → code; also found by a span of a text (a reader looks a cell up without slicing it). */
  readonly index = new SpanIndex(true);
  get used(): boolean {
    return this.codes.length > 0;
  }
  /** The code of a value (added to the dictionary when new). */
  code(v: string): number {
    if (v === '') return this.codeOfEmpty();
    let c = this.index.find(v, 0, v.length);
    if (c < 0) {
      c = this.values.length;
      this.values.push(v);
      this.index.add(v, c);
    }
    return c;
  }
  /** The code of text[s, e) (not empty), added when new. */
  codeOfSpan(text: string, s: number, e: number): number {
    let c = this.index.find(text, s, e);
    if (c < 0) {
      const v = text.slice(s, e);
      c = this.values.length;
      this.values.push(v);
      this.index.add(v, c);
    }
    return c;
  }
  /** (An index holds no empty name; a kept record may still have an empty value.) */
  private codeOfEmpty(): number {
    let c = this.values.indexOf('');
    if (c < 0) {
      c = this.values.length;
      this.values.push('');
    }
    return c;
  }
  has(i: number): boolean {
    return i < this.codes.length && this.codes[i]! >= 0;
  }
  get(i: number): string | undefined {
    const c = i < this.codes.length ? this.codes[i]! : -1;
    return c >= 0 ? this.values[c] : undefined;
  }
  /** The code at i, −1 when absent. */
  codeAt(i: number): number {
    return i < this.codes.length ? this.codes[i]! : -1;
  }
  setCode(i: number, c: number): void {
    if (i >= this.codes.length) {
      if (c < 0) return;
      this.codes = growInt32(this.codes, i + 1, this.room, -1);
    }
    this.codes[i] = c;
  }
  put(i: number, v: string | undefined): void {
    this.setCode(i, v === undefined ? -1 : this.code(v));
  }
}

/**
 * Exact decimals as mantissa and scale: value = mant[i] / 10^scale[i];
 * scale −1 when absent; a mantissa beyond 2^53 is NaN in `mant` and kept in `big`.
 */
export class DecColumn extends ColumnBase<Dec> {
  readonly kind = 'dec' as const;
  mant = new Float64Array(0);
  scale = new Int16Array(0);
  readonly big = new Map<number, bigint>();
  get used(): boolean {
    return this.scale.length > 0;
  }
  private grow(need: number): void {
    const n = room(this.scale.length, need, this.room);
    const m = new Float64Array(n);
    m.set(this.mant);
    const s = new Int16Array(n).fill(-1);
    s.set(this.scale);
    this.mant = m;
    this.scale = s;
  }
  has(i: number): boolean {
    return i < this.scale.length && this.scale[i]! >= 0;
  }
  /** Decimals are immutable: repeated values (quantities, rates, days) share one Dec, as the schema's parser shares them. */
  private readonly shared: (Dec | undefined)[] = new Array<Dec | undefined>(1024);
  get(i: number): Dec | undefined {
    const s = i < this.scale.length ? this.scale[i]! : -1;
    if (s < 0) return undefined;
    const m = this.mant[i]!;
    if (m !== m) return new Dec(this.big.get(i)!, s);
    const k = (Math.imul(m | 0, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b) ^ ((m / 4294967296) | 0)) & 1023;
    const hit = this.shared[k];
    if (hit !== undefined && hit.s === s && hit.raw === m) return hit;
    const d = new Dec(m, s);
    this.shared[k] = d;
    return d;
  }
  /** Store m / 10^s (m a safe integer). */
  setDec(i: number, m: number, s: number): void {
    if (i >= this.scale.length) this.grow(i + 1);
    this.mant[i] = m;
    this.scale[i] = s;
    if (this.big.size !== 0) this.big.delete(i);
  }
  clear(i: number): void {
    if (i < this.scale.length) this.scale[i] = -1;
  }
  put(i: number, v: Dec | undefined): void {
    if (v === undefined) return this.clear(i);
    const raw = v.raw;
    if (typeof raw === 'number') return this.setDec(i, raw, v.s);
    this.setDec(i, NaN, v.s);
    this.big.set(i, raw);
  }
}

/** Whole numbers and date-times (minutes): NaN when absent. */
export class NumColumn extends ColumnBase<number> {
  readonly kind = 'num' as const;
  values = new Float64Array(0);
  get used(): boolean {
    return this.values.length > 0;
  }
  has(i: number): boolean {
    return i < this.values.length && this.values[i] === this.values[i];
  }
  get(i: number): number | undefined {
    const v = i < this.values.length ? this.values[i]! : NaN;
    return v === v ? v : undefined;
  }
  put(i: number, v: number | undefined): void {
    if (i >= this.values.length) {
      if (v === undefined) return;
      const n = new Float64Array(room(this.values.length, i + 1, this.room)).fill(NaN);
      n.set(this.values);
      this.values = n;
    }
    this.values[i] = v === undefined ? NaN : v;
  }
}

/** Booleans: 1, 0, or −1 when absent. */
export class BoolColumn extends ColumnBase<boolean> {
  readonly kind = 'bool' as const;
  values = new Int8Array(0);
  get used(): boolean {
    return this.values.length > 0;
  }
  has(i: number): boolean {
    return i < this.values.length && this.values[i]! >= 0;
  }
  get(i: number): boolean | undefined {
    const v = i < this.values.length ? this.values[i]! : -1;
    return v < 0 ? undefined : v === 1;
  }
  put(i: number, v: boolean | undefined): void {
    if (i >= this.values.length) {
      if (v === undefined) return;
      const n = new Int8Array(room(this.values.length, i + 1, this.room)).fill(-1);
      n.set(this.values);
      this.values = n;
    }
    this.values[i] = v === undefined ? -1 : v ? 1 : 0;
  }
}

/** Any other value, as the record holds it (lists, amounts). */
export class ValueColumn extends ColumnBase<unknown> {
  readonly kind = 'value' as const;
  values: unknown[] = [];
  get used(): boolean {
    return this.values.length > 0;
  }
  has(i: number): boolean {
    return i < this.values.length && this.values[i] !== undefined;
  }
  get(i: number): unknown {
    return i < this.values.length ? this.values[i] : undefined;
  }
  put(i: number, v: unknown): void {
    const vs = this.values;
    if (v === undefined) {
      if (i < vs.length) vs[i] = undefined;
      return;
    }
    while (vs.length < i) vs.push(undefined);
    vs[i] = v;
  }
}

export type Column = TextColumn | CodeColumn | DecColumn | NumColumn | BoolColumn | ValueColumn;

const DEC_KINDS = new Set(['money', 'qty', 'price', 'rate', 'decimal']);
const CODE_KINDS = new Set(['id', 'ref', 'date', 'enum', 'account', 'month', 'period']);

/** The column that holds a field: texts one per value for keys and free text, codes for repetitive texts. */
function columnFor(name: string, spec: Field, isKey: boolean, r: Room, texts: readonly string[]): Column {
  if (DEC_KINDS.has(spec.kind)) return new DecColumn(name, spec, r);
  if (spec.kind === 'int' || spec.kind === 'datetime') return new NumColumn(name, spec, r);
  if (spec.kind === 'bool') return new BoolColumn(name, spec, r);
  if (spec.kind === 'text' || (spec.kind === 'id' && isKey)) return new TextColumn(name, spec, r, texts);
  if (CODE_KINDS.has(spec.kind)) return new CodeColumn(name, spec, r);
  return new ValueColumn(name, spec, r);
}

/** A CSV file whose rows the table keeps as positions. */
export interface TableSource {
  readonly file: string;
  readonly text: string;
  /** The locator of the record (or line) whose row starts at `offset` on `line`. */
  locator(line: number, offset: number): Locator;
  /** The same for a line of a document (its fields may have columns named apart, see csvColumns). */
  lineLocator(line: number, offset: number): Locator;
}

export class EntityTable {
  /** Columns of the CSV-able fields (the lines field excepted), in schema order. */
  readonly head: readonly Column[];
  /** Columns of the line fields (documents with lines), or empty. */
  readonly lineCols: readonly Column[];
  readonly linesField: string | null;
  /** A document may have no lines: then it has no lines field at all (as in YAML), not an empty list. */
  private readonly linesOptional: boolean;
  /** Number of head columns before the lines field in the schema (where a record has its lines), −1 without lines. */
  private readonly linesAt: number = -1;
  private readonly byName = new Map<string, Column>();
  private readonly lineByName = new Map<string, Column>();
  private readonly recRoom: Room = { n: 0 };
  private readonly lineRoom: Room = { n: 0 };

  /** Number of records. */
  size = 0;
  /** Number of lines. */
  lineCount = 0;
  /** Per record: index in `sources`, or −1 for a kept record. */
  source = NO_INT32;
  /** Per record: line and offset of its first row. */
  rowLine = NO_INT32;
  rowOffset = NO_INT32;
  /** Per record: its first line (lineStart[size] = lineCount). */
  lineStart = new Int32Array(1);
  /** Per line: offset of its row (records kept as rows). */
  lineOffset = NO_INT32;
  readonly sources: TableSource[] = [];
  /** The text of each source (text columns keep spans of them). */
  private readonly texts: string[] = [];
  private readonly recs = new Map<number, AnyRecord>();
  private all: AnyRecord[] | null = null;
  private byKey: Map<string, number> | null = null;

  constructor(readonly def: EntityDef) {
    this.linesField = def.lines?.field ?? null;
    this.linesOptional = this.linesField !== null && !def.fields[this.linesField]!.req;
    const head: Column[] = [];
    for (const [name, spec] of Object.entries(def.fields)) {
      if (name === this.linesField) this.linesAt = head.length;
      if (!spec.csv || name === this.linesField) continue;
      const c = columnFor(name, spec, def.key.includes(name), this.recRoom, this.texts);
      head.push(c);
      this.byName.set(name, c);
    }
    const lines: Column[] = [];
    if (def.lines) {
      for (const [name, spec] of Object.entries(def.lines.fields)) {
        if (!spec.csv) continue;
        const c = columnFor(name, spec, false, this.lineRoom, this.texts);
        lines.push(c);
        this.lineByName.set(name, c);
      }
    }
    this.head = head;
    this.lineCols = lines;
  }

  /** A table holding these records (all kept as records). */
  static ofRecords(def: EntityDef, records: readonly AnyRecord[]): EntityTable {
    const t = new EntityTable(def);
    for (const r of records) t.addRecord(r);
    return t;
  }

  col(name: string): Column | undefined {
    return this.byName.get(name);
  }
  lineCol(name: string): Column | undefined {
    return this.lineByName.get(name);
  }
  /** The column of a field, typed; throws when the schema gives the field another kind of column. */
  colOf<C extends Column['kind']>(name: string, kind: C, line = false): Extract<Column, { kind: C }> {
    const c = (line ? this.lineByName : this.byName).get(name);
    if (!c || c.kind !== kind) throw new Error(`${this.def.plural}.${name} is not a ${kind} column`);
    return c as Extract<Column, { kind: C }>;
  }

  /** Make room for this many more records and lines (an estimate: spares copying while reading a big file). */
  reserve(records: number, lines: number): void {
    this.recRoom.n = this.size + records;
    this.lineRoom.n = this.lineCount + lines;
    this.ensureRecord(this.recRoom.n - 1);
    if (this.linesField) this.ensureLine(this.lineRoom.n - 1);
  }

  private ensureRecord(i: number): void {
    if (i < this.source.length) return;
    const r = this.recRoom;
    this.source = growInt32(this.source, i + 1, r, 0);
    this.rowLine = growInt32(this.rowLine, i + 1, r, 0);
    this.rowOffset = growInt32(this.rowOffset, i + 1, r, 0);
    if (this.linesField) this.lineStart = growInt32(this.lineStart, i + 2, r, 0);
  }

  /** Make room for line l (the reader writes a document's lines before it commits the document). */
  ensureLine(l: number): void {
    if (l >= this.lineOffset.length) this.lineOffset = growInt32(this.lineOffset, l + 1, this.lineRoom, 0);
  }

  addSource(s: TableSource): number {
    this.sources.push(s);
    this.texts.push(s.text);
    return this.sources.length - 1;
  }

  /** Close the record whose values were written at index `size` (and its lines after `lineCount`), kept as rows. */
  commitRows(source: number, line: number, offset: number, lines: number): void {
    const i = this.size;
    this.ensureRecord(i);
    this.source[i] = source;
    this.rowLine[i] = line;
    this.rowOffset[i] = offset;
    if (this.linesField) {
      this.lineCount += lines;
      this.lineStart[i + 1] = this.lineCount;
    }
    this.size = i + 1;
    this.all = null;
    this.byKey = null;
  }

  /** Forget values written at index `size` and from line `lineCount` on (a record the reader gave up on). */
  clearPending(lines: number): void {
    const i = this.size;
    for (const c of this.head) if (c.used) c.put(i, undefined);
    for (let l = this.lineCount; l < this.lineCount + lines; l++) for (const c of this.lineCols) if (c.used) c.put(l, undefined);
  }

  /** Add a converted record (YAML, or CSV rows that needed the generic converter): kept, and its values copied into the columns. */
  addRecord(rec: AnyRecord): void {
    const i = this.size;
    this.ensureRecord(i);
    // A new index is empty in every column (see clearPending): only present values are written.
    for (const c of this.head) {
      const v = rec[c.name];
      if (v !== undefined) (c as ColumnBase<unknown>).put(i, v);
    }
    this.source[i] = -1;
    if (this.linesField) {
      const lines = (rec[this.linesField] as AnyRecord[] | undefined) ?? [];
      let l = this.lineCount;
      for (const ln of lines) {
        this.ensureLine(l);
        for (const c of this.lineCols) {
          const v = ln[c.name];
          if (v !== undefined) (c as ColumnBase<unknown>).put(l, v);
        }
        l++;
      }
      this.lineCount = l;
      this.lineStart[i + 1] = l;
    }
    this.recs.set(i, rec);
    this.size = i + 1;
    this.all = null;
    this.byKey = null;
  }

  /** The kept record of i (YAML, or converted generically), or undefined when i is kept as rows. */
  kept(i: number): AnyRecord | undefined {
    return this.source[i]! < 0 ? this.recs.get(i) : undefined;
  }
  /** Indexes of the kept records, in order. */
  keptIndexes(): IterableIterator<number> {
    return this.recs.keys();
  }

  /** Where record i is written. */
  src(i: number): Locator {
    const s = this.source[i]!;
    if (s < 0) return this.recs.get(i)!.src;
    return this.sources[s]!.locator(this.rowLine[i]!, this.rowOffset[i]!);
  }

  /** Where line l of record i is written. */
  lineSrc(i: number, l: number): Locator {
    const s = this.source[i]!;
    if (s < 0) return ((this.recs.get(i)![this.linesField!] as AnyRecord[])[l - this.lineStart[i]!]!).src;
    const src = this.sources[s]!;
    const t = src.text;
    const to = this.lineOffset[l]!;
    let line = this.rowLine[i]!;
    for (let k = this.rowOffset[i]!; ; ) {
      const j = t.indexOf('\n', k);
      if (j < 0 || j >= to) break;
      line++;
      k = j + 1;
    }
    return src.lineLocator(line, to);
  }

  /** The record owning line l (binary search). */
  recordOfLine(l: number): number {
    let lo = 0;
    let hi = this.size - 1;
    const ls = this.lineStart;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= l) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** "invoice INV-1" (the entity name and its key values), as checks label a record. */
  label(i: number): string {
    const vals: string[] = [];
    for (const k of this.def.key) {
      const v = this.byName.get(k)?.get(i);
      if (typeof v === 'string' && v !== '') vals.push(v);
    }
    return vals.length ? `${this.def.name} ${vals.join(' / ')}` : this.def.name;
  }

  /**
   * Record i, as the generic converter gives it: the kept record, or built from the columns — the
   * fields with a value in schema order (a document's lines at their place, as a list of line records),
   * then `src`. tests/table-fast-path.test.ts compares these with the generic converter's records.
   */
  record(i: number): AnyRecord {
    if (this.all) return this.all[i]!;
    return this.kept(i) ?? (this.build(i, true) as AnyRecord);
  }

  /** The values of record i as engines read them: the kept record, or its values from the columns (without locations). */
  values(i: number): Record<string, unknown> {
    return this.kept(i) ?? this.build(i, false);
  }

  private build(i: number, located: boolean): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    const [before, after] = this.usedHead();
    for (const c of before) {
      const v = c.get(i);
      if (v !== undefined) o[c.name] = v;
    }
    if (this.linesField && !(this.linesOptional && this.lineStart[i] === this.lineStart[i + 1])) o[this.linesField] = this.buildLines(i, located);
    for (const c of after) {
      const v = c.get(i);
      if (v !== undefined) o[c.name] = v;
    }
    if (located) o.src = this.src(i);
    return o;
  }

  private buildLines(i: number, located: boolean): readonly Record<string, unknown>[] {
    // Engines never change their inputs: values share one empty list (a record gets its own).
    if (!located && this.lineStart[i] === this.lineStart[i + 1]) return NO_LINES;
    const out: Record<string, unknown>[] = [];
    const cols = this.usedLines();
    for (let l = this.lineStart[i]!; l < this.lineStart[i + 1]!; l++) {
      const ln: Record<string, unknown> = {};
      for (const c of cols) {
        const v = c.get(l);
        if (v !== undefined) ln[c.name] = v;
      }
      if (located) ln.src = this.lineSrc(i, l);
      out.push(ln);
    }
    return out;
  }

  // The columns that hold any value (the others hold none for any record), before and after the lines field.
  private used: { size: number; head: [Column[], Column[]]; lines: Column[] } | null = null;
  private usedHead(): [Column[], Column[]] {
    return this.usedCols().head;
  }
  private usedLines(): Column[] {
    return this.usedCols().lines;
  }
  private usedCols(): { size: number; head: [Column[], Column[]]; lines: Column[] } {
    if (this.used && this.used.size === this.size) return this.used;
    const at = this.linesAt < 0 ? this.head.length : this.linesAt;
    const head: [Column[], Column[]] = [this.head.slice(0, at).filter((c) => c.used), this.head.slice(at).filter((c) => c.used)];
    return (this.used = { size: this.size, head, lines: this.lineCols.filter((c) => c.used) });
  }

  /** Every record, in file order (built on first use). */
  records(): AnyRecord[] {
    if (!this.all) {
      const out = new Array<AnyRecord>(this.size);
      for (let i = 0; i < this.size; i++) out[i] = this.record(i);
      this.all = out;
    }
    return this.all;
  }

  /** The record index of a key value (single-field keys; the first record on duplicates), or −1. */
  find(key: string): number {
    if (!this.byKey) {
      const m = new Map<string, number>();
      const c = this.byName.get(this.def.key[0]!);
      if (c && this.def.key.length === 1) {
        for (let i = 0; i < this.size; i++) {
          const v = c.get(i);
          if (typeof v === 'string' && !m.has(v)) m.set(v, i);
        }
      }
      this.byKey = m;
    }
    return this.byKey.get(key) ?? -1;
  }
}
