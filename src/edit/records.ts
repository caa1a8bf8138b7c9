/**
 * Batch edits of YAML entity files for imports and bank statements (many
 * records in one pass, parsing the file once): appending records leaves every
 * existing byte alone; updating rewrites only the changed values (a missing
 * key becomes one new line after its record). yaml-edit.ts holds the
 * single-record edits of the recording commands. CSV edits: csv-edit.ts.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';

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
    !/^([?:,[\]{}#&*!|>'"%@`]|-(\s|$))/.test(text) && // "-12.50" is a plain number, "- x" would be a list
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
  return updateYamlDocuments(text, new Map([...changesByIndex].map(([i, set]) => [i, { set }])));
}

/** Edits of a nested list of records (a document's lines). */
export interface ListEdit {
  /** Changed fields of existing items, by position. */
  readonly set: ReadonlyMap<number, readonly [string, string][]>;
  /** Items kept (the rest are removed). */
  readonly keep: number;
  /** New items after the kept ones. */
  readonly append: readonly PlainRecord[];
}

export interface DocumentEdit {
  readonly set?: readonly [string, string][];
  readonly lists?: ReadonlyMap<string, ListEdit>;
}

type Edit = { start: number; end: number; text: string };

/** Scalar edits of one mapping: values replaced in place, missing keys added after it. */
function mapEdits(text: string, lc: LineCounter, map: YAMLMap, changes: readonly [string, string][], edits: Edit[]): void {
  const missing: [string, string][] = [];
  for (const [key, value] of changes) {
    const pair = findPair(map, key);
    const v = pair?.value as Scalar | null | undefined;
    if (pair && v && isScalar(v) && v.range) edits.push({ start: v.range[0], end: v.range[1], text: v.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : yamlScalar(value) });
    else if (pair && !v) {
      const k = pair.key as Scalar;
      edits.push({ start: k.range![1], end: k.range![1] + 1, text: `: ${yamlScalar(value)}` });
    } else missing.push([key, value]);
  }
  if (missing.length) {
    const pos = endOfLastLine(text, map);
    edits.push({ start: pos, end: pos, text: missing.map(([k, v]) => `\n${' '.repeat(keyCol(lc, map))}${k}: ${yamlScalar(v)}`).join('') });
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar((p as Pair).key) && String(((p as Pair).key as Scalar).value) === key) as Pair | undefined;
}

function keyCol(lc: LineCounter, map: YAMLMap): number {
  return lc.linePos(((map.items[0] as Pair).key as Scalar).range![0]).col - 1;
}

/** The end of the last line of a node's own text (before trailing blank lines). */
function endOfLastLine(text: string, node: { range?: [number, number, number] | null }): number {
  let at = node.range![1];
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === ' ')) at--;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/**
 * Edit records of a YAML list in one pass: scalar fields (see updateYamlRecords)
 * and nested lists of records — fields of existing items changed in place,
 * items beyond `keep` removed, new items appended in bizctl's layout at the
 * column of the list's items. Everything else, comments included, stays.
 */
export function updateYamlDocuments(text: string, byIndex: ReadonlyMap<number, DocumentEdit>): string {
  if (byIndex.size === 0) return text;
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lc });
  const seq = doc.contents;
  if (!isSeq(seq)) throw new Error('not a YAML list');
  const edits: Edit[] = [];
  for (const [index, edit] of byIndex) {
    const map = seq.items[index];
    if (!isMap(map)) throw new Error(`record ${index} is not a mapping`);
    if (edit.set?.length) mapEdits(text, lc, map as YAMLMap, edit.set, edits);
    for (const [field, le] of edit.lists ?? []) listEdits(text, lc, map as YAMLMap, field, le, edits);
  }
  return applyEdits(text, edits);
}

function listEdits(text: string, lc: LineCounter, map: YAMLMap, field: string, le: ListEdit, edits: Edit[]): void {
  const pair = findPair(map, field);
  const list = pair?.value;
  const items = isSeq(list) ? list.items : [];
  if (!pair || !isSeq(list) || items.length === 0 || le.keep === 0) {
    // No list to edit in place: write the whole list anew.
    const indent = ' '.repeat(keyCol(lc, map));
    const block = le.append.length ? valueYaml([...le.append], indent) : ' []';
    if (pair) {
      const k = pair.key as Scalar;
      const end = list && (list as Scalar).range ? endOfLastLine(text, list as Scalar) : k.range![1] + 1;
      edits.push({ start: k.range![1], end, text: `:${block}` });
    } else {
      const pos = endOfLastLine(text, map);
      edits.push({ start: pos, end: pos, text: `\n${indent}${field}:${block}` });
    }
    return;
  }
  for (const [i, set] of le.set) if (i < le.keep && isMap(items[i])) mapEdits(text, lc, items[i] as YAMLMap, set, edits);
  const itemIndent = ' '.repeat(lc.linePos((items[0] as YAMLMap).range![0]).col - 3);
  if (le.keep < items.length) {
    // Remove items keep… : from the end of the last kept item's line to the end of the list.
    const from = endOfLastLine(text, items[le.keep - 1] as YAMLMap);
    const to = endOfLastLine(text, items[items.length - 1] as YAMLMap);
    edits.push({ start: from, end: to, text: '' });
  }
  if (le.append.length) {
    const pos = endOfLastLine(text, items[Math.min(le.keep, items.length) - 1] as YAMLMap);
    edits.push({ start: pos, end: pos, text: '\n' + le.append.map((r) => recordYaml(r, itemIndent)).join('').replace(/\n$/, '') });
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
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

