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
  return '\n' + (v as PlainRecord[]).map((r) => recordYaml(r, indent)).join('').replace(/\n$/, '');
}

/** "- a: 1\n  b: 2\n" with keys in the given order (the record's own order). */
export function recordYaml(r: PlainRecord, indent = ''): string {
  const keys = Object.keys(r).filter((k) => r[k] !== undefined);
  // Nested lists sit at the column of the keys ("  postings:\n  - account: …"), as bizctl fmt writes them.
  return keys.map((k, i) => `${indent}${i === 0 ? '- ' : '  '}${k}:${valueYaml(r[k]!, indent + '  ')}`).join('\n') + '\n';
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
 * Change fields of records of a YAML list (index → changes), parsing the file
 * once: existing scalar values are replaced in place (double quotes kept);
 * missing keys are inserted as new lines after their record, in the order given.
 */
export function updateYamlRecords(text: string, changesByIndex: ReadonlyMap<number, readonly [string, string][]>): string {
  if (changesByIndex.size === 0) return text;
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lc });
  const seq = doc.contents;
  if (!isSeq(seq)) throw new Error('not a YAML list');
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [index, changes] of changesByIndex) {
    const map = seq.items[index];
    if (!isMap(map)) throw new Error(`record ${index} is not a mapping`);
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
      let at = (map as YAMLMap).range![1];
      while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === ' ')) at--;
      const nl = text.indexOf('\n', at);
      const pos = nl < 0 ? text.length : nl;
      edits.push({ start: pos, end: pos, text: missing.map(([k, v]) => `\n${' '.repeat(col)}${k}: ${yamlScalar(v)}`).join('') });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  const parts: string[] = [];
  let tail = text.length;
  for (const e of edits) {
    parts.push(text.slice(e.end, tail), e.text);
    tail = e.start;
  }
  parts.push(text.slice(0, tail));
  return parts.reverse().join('');
}

export function updateYamlRecord(text: string, index: number, changes: readonly [string, string][]): string {
  return updateYamlRecords(text, new Map([[index, changes]]));
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

/** Replace data rows (by the line they start on) with new cell values by column name, in one pass; other rows untouched. */
export function updateCsvRows(text: string, valuesByLine: ReadonlyMap<number, Record<string, string>>): string {
  if (valuesByLine.size === 0) return text;
  const reader = new CsvReader('', text, new Diagnostics());
  const header = reader.header;
  const parts: string[] = [];
  let copied = 0;
  let found = 0;
  let row = reader.next();
  while (row) {
    const next = reader.next();
    const values = valuesByLine.get(row.line);
    if (values) {
      found++;
      let end = next ? next.offset : text.length;
      while (end > row.offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      const r = row;
      parts.push(text.slice(copied, r.offset), csvLine(header.map((h, i) => (h in values ? values[h]! : (r.cells[i] ?? '')))));
      copied = end;
    }
    row = next;
  }
  if (found !== valuesByLine.size) throw new Error('a CSV row to update was not found');
  parts.push(text.slice(copied));
  return parts.join('');
}

export function updateCsvRow(text: string, line: number, values: Record<string, string>): string {
  return updateCsvRows(text, new Map([[line, values]]));
}
