/**
 * Minimal, comment-preserving edits of entity files, so `git diff` shows only
 * the real change: appending records (YAML or CSV) leaves every existing byte
 * alone; updating a YAML record rewrites only the changed values (adding a
 * missing key as one new line after the record); updating a CSV row rewrites
 * only that row. Inputs are canonical texts (plain records of strings).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { Diagnostics } from '../diagnostics/types.js';
import { csvLine, CsvReader } from './csv.js';

export type PlainValue = string | string[] | PlainRecord[];
export interface PlainRecord {
  readonly [field: string]: PlainValue | undefined;
}

const RESERVED = new Set(['null', 'Null', 'NULL', '~', 'true', 'false', 'True', 'False', 'yes', 'no', '']);

/** A YAML scalar: plain when it reads back as the same text, else double-quoted (JSON syntax). */
export function yamlScalar(text: string): string {
  const plain =
    !RESERVED.has(text) &&
    text === text.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|[\n\r\t]/.test(text) &&
    !/^[-+]?\.(inf|nan)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

function valueYaml(v: PlainValue, indent: string): string {
  if (typeof v === 'string') return ` ${yamlScalar(v)}`;
  if (v.length === 0) return ' []';
  if (typeof v[0] === 'string') return ` [${(v as string[]).map(yamlScalar).join(', ')}]`;
  return '\n' + (v as PlainRecord[]).map((r) => recordYaml(r, indent)).join('');
}

/** "- a: 1\n  b: 2\n" with keys in the given order (the record's own order). */
export function recordYaml(r: PlainRecord, indent = ''): string {
  const keys = Object.keys(r).filter((k) => r[k] !== undefined);
  return keys.map((k, i) => `${indent}${i === 0 ? '- ' : '  '}${k}:${valueYaml(r[k]!, indent)}`).join('\n') + '\n';
}

/** Append records at the end of a YAML list file; everything before stays byte for byte. */
export function appendYamlRecords(text: string, records: readonly PlainRecord[]): string {
  const body = records.map((r) => recordYaml(r)).join('');
  if (text.trim() === '' || /^\s*\[\s*\]\s*$/.test(text)) return body;
  const sep = text.endsWith('\n') ? '' : '\n';
  const blank = /\n\s*\n- /.test(text) ? '\n' : ''; // keep the file's habit of blank lines between records
  return text + sep + blank + (blank ? records.map((r) => recordYaml(r)).join('\n') : body);
}

/**
 * Change fields of the index-th record of a YAML list: existing scalar
 * values are replaced in place (quote style kept when possible); missing keys
 * are inserted as new lines after the record, in the order given.
 */
export function updateYamlRecord(text: string, index: number, changes: readonly [string, string][]): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lc });
  const seq = doc.contents;
  if (!isSeq(seq)) throw new Error('not a YAML list');
  const map = seq.items[index];
  if (!isMap(map)) throw new Error(`record ${index} is not a mapping`);
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of changes) {
    const pair = (map as YAMLMap).items.find((p) => isScalar((p as Pair).key) && String(((p as Pair).key as Scalar).value) === key) as Pair | undefined;
    const v = pair?.value as Scalar | null | undefined;
    if (pair && v && isScalar(v) && v.range) edits.push({ start: v.range[0], end: v.range[1], text: v.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : yamlScalar(value) });
    else if (pair && !v) {
      const k = pair.key as Scalar;
      edits.push({ start: k.range![1], end: k.range![1] + 1, text: `: ${yamlScalar(value)}` });
    } else missing.push([key, value]);
  }
  if (missing.length) {
    const firstKey = ((map as YAMLMap).items[0] as Pair).key as Scalar;
    const col = lc.linePos(firstKey.range![0]).col - 1;
    const end = (map as YAMLMap).range![1];
    // insert after the last line of the record (end may sit on the next line's start)
    let at = end;
    while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === ' ')) at--;
    const nl = text.indexOf('\n', at);
    const pos = nl < 0 ? text.length : nl;
    edits.push({ start: pos, end: pos, text: missing.map(([k, v]) => `\n${' '.repeat(col)}${k}: ${yamlScalar(v)}`).join('') });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The header of a CSV text. */
export function csvHeader(text: string): string[] {
  return new CsvReader('', text, new Diagnostics()).header;
}

/**
 * Append rows to a CSV file. Columns the file lacks are added to the header
 * (the only case where existing lines change: each gets empty cells).
 */
export function appendCsvRows(text: string, rows: readonly Record<string, string>[], order: readonly string[]): string {
  if (text.trim() === '') {
    const cols = order.filter((c) => rows.some((r) => (r[c] ?? '') !== ''));
    return [csvLine(cols), ...rows.map((r) => csvLine(cols.map((c) => r[c] ?? '')))].join('\n') + '\n';
  }
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let header = csvHeader(text);
  let base = text;
  const extra = order.filter((c) => !header.includes(c) && rows.some((r) => (r[c] ?? '') !== ''));
  if (extra.length) {
    const d = new Diagnostics();
    const reader = new CsvReader('', text, d);
    const old: string[][] = [];
    for (let r = reader.next(); r; r = reader.next()) old.push(r.cells);
    header = [...header, ...extra];
    base = bom + [csvLine(header), ...old.map((c) => csvLine([...c, ...extra.map(() => '')]))].join('\n') + '\n';
  }
  const sep = base.endsWith('\n') ? '' : '\n';
  return base + sep + rows.map((r) => csvLine(header.map((c) => r[c] ?? ''))).join('\n') + '\n';
}

/** Replace the data row that starts on `line` with new cell values (by column name); other rows untouched. */
export function updateCsvRow(text: string, line: number, values: Record<string, string>): string {
  const d = new Diagnostics();
  const reader = new CsvReader('', text, d);
  const header = reader.header;
  for (let r = reader.next(); r; r = reader.next()) {
    if (r.line !== line) continue;
    const next = reader.next();
    let end = next ? next.offset : text.length;
    while (end > r.offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const cells = header.map((h, i) => (h in values ? values[h]! : (r.cells[i] ?? '')));
    return text.slice(0, r.offset) + csvLine(cells) + text.slice(end);
  }
  throw new Error(`no CSV row on line ${line}`);
}
