/**
 * The fast reader for journal CSV files (one row per posting, consecutive
 * rows with the same id form one entry): rows go straight into the columns
 * of a JournalStore, with no object per row, cell, record or amount.
 *
 * It is exact by construction. A row is scanned here only when it needs no
 * quote handling (SimpleRowScanner); an entry is stored here only when every
 * cell is in a form whose conversion is certain: an id that needs no
 * trimming, a canonical date, a present description, a known or valid
 * account, a plain decimal (or a commodity amount parseAmount accepts), no
 * cost or balance, and header cells on continuation rows empty or equal to
 * the first row's. Any other entry goes, rows and all, through the generic
 * converter (parse-entity.ts), which reports what is wrong at its exact
 * line:col, or gives a valid record that the store keeps as a record.
 */
import { parseDate, type IsoDate } from '../domain/dates.js';
import { journal } from '../domain/entities/finance.js';
import type { EntityDef } from '../domain/entity.js';
import type { Diagnostics } from '../diagnostics/types.js';
import { SimpleRowScanner, type CsvRow } from '../io/csv.js';
import { accountNameOk, ID_RE, parseAmount } from '../schema/fields.js';
import { hashString, SpanIndex } from '../util/text-index.js';
import { BIG, NO_AMOUNT, type CsvSource, type JournalStore } from './journal-store.js';
import { convertGroups, csvRecordReader, CsvLocator, groupConverter, groupKeyIndex, openEntityCsv, type GroupConverter, type OpenCsv, type Partial } from './parse-entity.js';

const JOURNAL = journal as unknown as EntityDef;

/** Read one journal CSV file into the store; problems go to `diags`, invalid entries to `partial`. */
export function readJournalCsv(file: string, text: string, diags: Diagnostics, store: JournalStore, partial: Partial): void {
  const csv = openEntityCsv(JOURNAL, file, text, diags);
  if (!csv) return;
  const keyIdx = groupKeyIndex(JOURNAL, csv, diags);
  if (keyIdx === undefined) return;
  const conv = groupConverter(JOURNAL, csv, diags, partial);
  const { index, reader } = csv;
  const col = (name: string) => index.get(name) ?? -1;
  const iDate = col('date');
  const iDesc = col('description');
  const iAcc = col('account');
  const iAmt = col('amount');
  const iCost = col('cost');
  const iBal = col('balance');
  const src = store.addSource(csvSource(csv, file, text));
  if (iDate < 0 || iDesc < 0 || iAcc < 0) {
    // Every entry lacks a required field: the generic converter says so for each.
    convertGroups(csv, keyIdx, conv, (rec) => store.addRecord(rec));
    return;
  }
  // Header fields that continuation rows may repeat (the key excepted).
  const repeat = Int32Array.from(csv.cols.header.filter((h) => h !== JOURNAL.key[0]).map(col).filter((i) => i >= 0)).sort();
  const firstStart = new Int32Array(repeat.length);
  const firstEnd = new Int32Array(repeat.length);
  const firstText: (string | null)[] = Array.from(repeat, () => null);
  // When the header columns come first (id,date,description,account,…), a continuation row
  // that starts with the same text as the entry's first row repeats its id and every header cell.
  const lineCols = csv.cols.line.map(col).filter((i) => i >= 0);
  const prefixCol = Math.min(...lineCols);
  const usePrefix = prefixCol > keyIdx;
  // Header columns after the prefix (repeat is sorted) are still compared one by one.
  let tail = 0;
  while (tail < repeat.length && repeat[tail]! < prefixCol) tail++;

  const sc = new SimpleRowScanner(text, reader.header.length);
  const { start, end } = sc;
  const n = text.length;
  let pos = reader.offset;
  let line = reader.line;
  reserveFor(store, text, pos, keyIdx, sc);
  const g = new Pending(store, conv, text, src);
  // Account cells already validated, found without slicing them.
  const accounts = new SpanIndex();
  // The last date cell seen, to skip re-validating repeats.
  let lastDate = '';
  let lastDateId = -1;

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
      if (g.rows === 0 || k !== g.key) g.begin(k, 0); // a CsvReader row: the entry is converted generically
      g.slow = true;
      g.keep(row.offset, row.line, row);
      continue;
    }
    const rowOffset = pos;
    const rowLine = line;
    pos = sc.next;
    line++;
    const prefix = g.prefix;
    // (slice and === compare faster than startsWith here: a slice of 13 or more characters is a view, not a copy)
    if (prefix !== null && start[prefixCol]! - rowOffset === prefix.length && text.slice(rowOffset, start[prefixCol]!) === prefix) {
      g.keep(rowOffset, rowLine, null);
      if (g.slow) continue;
      if (tail < repeat.length && !repeatsFirst(text, repeat, start, end, firstStart, firstEnd, firstText, tail)) {
        g.slow = true;
        continue;
      }
    } else {
      const ks = start[keyIdx]!;
      const ke = end[keyIdx]!;
      const key = g.key;
      if (g.rows > 0 && ke - ks === key.length && text.startsWith(key, ks)) {
        g.keep(rowOffset, rowLine, null);
        if (g.slow) continue;
        if (!repeatsFirst(text, repeat, start, end, firstStart, firstEnd, firstText)) g.slow = true;
      } else {
        const raw = text.slice(ks, ke);
        const plain = plainId(text, ks, ke);
        const ok = plain || ID_RE.test(raw); // then raw needs no trimming
        const k = ok ? raw : raw.trim();
        if (g.rows > 0 && k === key) {
          g.keep(rowOffset, rowLine, null);
          if (g.slow) continue;
          if (!repeatsFirst(text, repeat, start, end, firstStart, firstEnd, firstText)) g.slow = true;
        } else {
          g.begin(k, plain ? idHash : hashString(k));
          g.keep(rowOffset, rowLine, null);
          if (usePrefix) g.prefix = text.slice(rowOffset, start[prefixCol]!);
          if (!ok) g.slow = true;
          else {
            // Header fields come from the first row.
            const ds = start[iDate]!;
            const de = end[iDate]!;
            const d = text.slice(ds, de);
            if (lastDateId >= 0 && d === lastDate) g.date = lastDateId;
            else {
              if (parseDate(d) === d) {
                lastDate = d;
                lastDateId = g.date = store.dateId(d as IsoDate);
              } else g.slow = true;
            }
            if (!presentText(text, start[iDesc]!, end[iDesc]!)) g.slow = true;
            for (let r = 0; r < repeat.length; r++) {
              firstStart[r] = start[repeat[r]!]!;
              firstEnd[r] = end[repeat[r]!]!;
              firstText[r] = null;
            }
          }
        }
      }
      if (g.slow) continue;
    }
    // Posting fields.
    if ((iCost >= 0 && end[iCost]! > start[iCost]!) || (iBal >= 0 && end[iBal]! > start[iBal]!)) {
      g.slow = true;
      continue;
    }
    let acc = accounts.find(text, start[iAcc]!, end[iAcc]!);
    if (acc < 0) {
      const name = text.slice(start[iAcc]!, end[iAcc]!);
      const known = store.knownAccount(name);
      if (known === undefined && (name === '' || name.trim() !== name || !accountNameOk(name))) {
        g.slow = true;
        continue;
      }
      acc = known ?? store.accountId(name);
      accounts.add(name, acc);
    }
    if (iAmt < 0 || end[iAmt] === start[iAmt]) {
      store.addPosting(acc, 0, 0, 0, NO_AMOUNT, rowOffset);
      continue;
    }
    const as = start[iAmt]!;
    const ae = end[iAmt]!;
    const m = plainDecimal(text, as, ae);
    if (m === m) {
      store.addPosting(acc, 0, m, decScale, 0, rowOffset); // commodity 0: the base currency
      continue;
    }
    // Not a plain decimal: a commodity, or a mantissa beyond 2^53. parseAmount decides, as the schema does.
    const t = text.slice(as, ae);
    const a = t.trim() === t ? parseAmount(t) : null;
    if (!a) {
      g.slow = true;
      continue;
    }
    const c = store.commodityId(a.commodity ?? store.base);
    const raw = a.qty.raw;
    if (typeof raw === 'number') store.addPosting(acc, c, raw, a.qty.s, 0, rowOffset);
    else store.big.set(store.addPosting(acc, c, 0, a.qty.s, BIG, rowOffset), raw);
  }
  g.flush();
}

/** The store's view of a CSV file: locators and re-reading of records. */
function csvSource(csv: OpenCsv, file: string, text: string): CsvSource {
  let reread: ReturnType<typeof csvRecordReader> | null = null;
  return {
    file,
    text,
    hasTags: csv.index.has('tags'),
    locator: (line, offset) => new CsvLocator(csv.ref, csv.index, line, offset),
    read: (line, offset, rows) => (reread ??= csvRecordReader(JOURNAL, file, text))(line, offset, rows),
  };
}

/** The entry being read: its rows (positions; rows CsvReader read are kept), key and state. */
class Pending {
  rows = 0;
  key = '';
  /** hashString(key), for the store (entries kept as columns only). */
  hash = 0;
  /** Some row needs the generic converter: the entry is converted as a whole when it ends. */
  slow = false;
  date = -1;
  /** Store posting count when the entry began (its postings are dropped if it turns slow). */
  post = 0;
  /** The first row's text up to its first posting column (when the header columns come first). */
  prefix: string | null = null;
  private readonly offset: number[] = [];
  private readonly line: number[] = [];
  private readonly row: (CsvRow | null)[] = [];

  constructor(
    private readonly store: JournalStore,
    private readonly conv: GroupConverter,
    private readonly text: string,
    private readonly src: number,
  ) {}

  keep(offset: number, line: number, row: CsvRow | null): void {
    this.offset[this.rows] = offset;
    this.line[this.rows] = line;
    this.row[this.rows] = row;
    this.rows++;
  }

  begin(key: string, hash: number): void {
    this.flush();
    this.key = key;
    this.hash = hash;
    this.post = this.store.postings;
    this.prefix = null;
  }

  /** Store the entry: as columns, or (slow) as the generic converter's record. */
  flush(): void {
    if (this.rows === 0) return;
    const { store } = this;
    if (!this.slow) store.addCsvEntry(this.key, this.hash, this.date, this.src, this.line[0]!, this.offset[0]!);
    else {
      store.truncate(this.post);
      const rows: CsvRow[] = [];
      for (let k = 0; k < this.rows; k++) rows.push(this.row[k] ?? simpleRow(this.text, this.offset[k]!, this.line[k]!));
      const rec = this.conv.convert(rows);
      if (rec) store.addRecord(rec);
    }
    this.rows = 0;
    this.slow = false;
  }
}

/** hashString of the last id plainId accepted. */
let idHash = 0;

/**
 * An id cell of printable ASCII without space, comma or semicolon: valid, and
 * needs no trimming (others: ID_RE decides). Sets idHash (FNV-1a, as hashString).
 */
function plainId(text: string, s: number, e: number): boolean {
  if (e === s) return false;
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x3b) return false;
    h = Math.imul(h ^ c, 0x01000193);
  }
  idHash = h;
  return true;
}

/** Reserve room for the file from its first rows: their mean length and rows per entry, plus a tenth. */
function reserveFor(store: JournalStore, text: string, from: number, keyIdx: number, sc: SimpleRowScanner): void {
  let rows = 0;
  let entries = 0;
  let prev = '';
  let at = from;
  while (rows < 200 && at < text.length && sc.scan(at) === 1) {
    const key = text.slice(sc.start[keyIdx]!, sc.end[keyIdx]!);
    if (key !== prev) entries++;
    prev = key;
    rows++;
    at = sc.next;
  }
  if (rows < 200) return; // a small file (or an unusual start): grow as needed
  const postings = Math.ceil(((text.length - from) / (at - from)) * rows * 1.1);
  store.reserve(Math.ceil((postings * entries) / rows), postings);
}

/**
 * Header cells of a continuation row: each empty or equal to the first row's
 * (else the converter compares them). The first row's cell is sliced once per
 * entry, when a continuation row repeats it.
 */
function repeatsFirst(text: string, repeat: Int32Array, start: Int32Array, end: Int32Array, firstStart: Int32Array, firstEnd: Int32Array, firstText: (string | null)[], from = 0): boolean {
  for (let r = from; r < repeat.length; r++) {
    const i = repeat[r]!;
    const s = start[i]!;
    const e = end[i]!;
    if (e === s) continue;
    if (e - s !== firstEnd[r]! - firstStart[r]!) return false;
    const f = (firstText[r] ??= text.slice(firstStart[r]!, firstEnd[r]!));
    if (!text.startsWith(f, s)) return false;
  }
  return true;
}

/** A required text cell is present: not empty, and not blank with a space at either end (which reads as empty). */
function presentText(text: string, s: number, e: number): boolean {
  if (e === s) return false;
  if (text.charCodeAt(s) !== 32 && text.charCodeAt(e - 1) !== 32) return true;
  return text.slice(s, e).trim() !== '';
}

/** Scale of the last plainDecimal result. */
let decScale = 0;

/** The scale (fraction digits) of the last number plainDecimal returned. */
export function decimalScale(): number {
  return decScale;
}

/**
 * The mantissa of text[s, e) when it is a plain decimal (sign, digits, one
 * optional point, at least one digit: what parseDec accepts) whose mantissa
 * is a safe integer, else NaN. Sets decScale.
 */
export function plainDecimal(text: string, s: number, e: number): number {
  if (e - s > 80) return NaN;
  let i = s;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let digits = 0;
  let frac = 0;
  let dot = false;
  let m = 0;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot) return NaN;
      dot = true;
      continue;
    }
    if (c < 48 || c > 57) return NaN;
    if (m > 900719925474098) return NaN; // the next digit could leave the safe range (parseDec goes to bigint)
    m = m * 10 + (c - 48);
    digits++;
    if (dot) frac++;
  }
  if (digits === 0) return NaN;
  decScale = frac;
  return neg ? (m === 0 ? 0 : -m) : m;
}

/** A CsvRow for a row the scanner found simple (no quotes, no stray carriage return): its cells are the comma-separated parts. */
function simpleRow(text: string, offset: number, line: number): CsvRow {
  let le = text.indexOf('\n', offset);
  if (le < 0) le = text.length;
  if (le > offset && text.charCodeAt(le - 1) === 13) le--;
  return { line, offset, cells: text.slice(offset, le).split(',') };
}
