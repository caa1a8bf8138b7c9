/**
 * Minimal edits of YAML entity files, for the recording commands. The yaml
 * Document API (failsafe schema, as the loader reads) locates nodes and renders
 * new values; the edits are then spliced into the original text, so every
 * other byte — comments, blank lines, quoting, alignment — stays as it was and
 * `git diff` shows only the lines that changed.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { YAML_OUTPUT } from '../fmt/yaml.js';

/** A value to write: text, a list of texts (flow style), or a list of records (block style). */
export type YamlValue = string | readonly string[] | readonly (readonly [string, string][])[];
export type YamlRecord = readonly (readonly [string, YamlValue])[];

export class YamlEditError extends Error {}

/** Does the file indent nested block sequences ("key:\n  - x") or not ("key:\n- x")? */
export function detectIndentSeq(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^(\s*)[^\s#-][^:#]*:\s*(#.*)?$/.exec(lines[i]!);
    if (!m) continue;
    const next = /^(\s*)- /.exec(lines[i + 1]!);
    if (next) return next[1]!.length > m[1]!.length;
  }
  return false;
}

function toDocValue(v: YamlValue): unknown {
  if (typeof v === 'string') return v;
  if (v.length && Array.isArray(v[0])) return (v as readonly (readonly [string, string][])[]).map((r) => Object.fromEntries(r));
  return v;
}

/** A record (or any mapping) rendered as YAML lines; lists of texts in flow style. */
function renderMap(rec: YamlRecord, indentSeq: boolean): string {
  const doc = new Document(Object.fromEntries(rec.map(([k, v]) => [k, toDocValue(v)])), { schema: 'failsafe' });
  const map = doc.contents as YAMLMap;
  for (const p of map.items as Pair[]) {
    const v = p.value as Node;
    if (isSeq(v) && (v as YAMLSeq).items.every((x) => isScalar(x))) (v as YAMLSeq).flow = true;
  }
  return doc.toString({ ...YAML_OUTPUT, indentSeq });
}

/** One scalar as YAML text (quoted when needed), on one line. */
export function scalarText(v: string): string {
  const s = new Document(v, { schema: 'failsafe' }).toString({ lineWidth: 0 }).replace(/\n$/, '');
  return s.includes('\n') ? JSON.stringify(v) : s;
}

function indentLines(block: string, first: string, rest: string): string {
  return block
    .replace(/\n$/, '')
    .split('\n')
    .map((l, i) => (i === 0 ? first : l === '' ? '' : rest) + l)
    .join('\n') + '\n';
}

/** Offset just after the end of the line on which `end` (exclusive) falls. */
function lineEndAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

function lineStart(text: string, off: number): number {
  return text.lastIndexOf('\n', off - 1) + 1;
}

/** Append a record to a YAML file that is a list of records; other lines are not touched. */
export function appendYamlRecord(text: string, rec: YamlRecord): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  if (doc.errors.length) throw new YamlEditError(`the file does not parse: ${doc.errors[0]!.message}`);
  const root = doc.contents as Node | null;
  const block = indentLines(renderMap(rec, detectIndentSeq(text)), '- ', '  ');
  if (root === null || (isScalar(root) && (root as Scalar).value === null)) {
    const head = text === '' || text.endsWith('\n') ? text : text + '\n';
    return head + block;
  }
  if (!isSeq(root)) throw new YamlEditError('the file is not a list of records');
  const seq = root as YAMLSeq;
  if (seq.flow) {
    if (seq.items.length) throw new YamlEditError('the file is a flow list ([...]); run `bizctl fmt` on it first');
    // "[]": replace it with the record
    const [a, , c] = seq.range!;
    return text.slice(0, a) + block + text.slice(lineEndAfter(text, c));
  }
  const items = seq.items as Node[];
  // Records separated by blank lines get one before the new record too.
  const last = items[items.length - 1];
  const blank = items.length >= 2 && /\n[ \t]*\n$/.test(text.slice(0, lineStart(text, last!.range![0])));
  let head = text.endsWith('\n') ? text : text + '\n';
  if (blank && !head.endsWith('\n\n')) head += '\n';
  return head + block;
}

export interface RecordEdit {
  /** Scalars to set (replaced in place) or add (inserted in schema order). */
  readonly set?: readonly (readonly [string, string])[];
  /** Entries to append to nested lists of records (the list is created if missing). */
  readonly append?: readonly { readonly key: string; readonly item: readonly (readonly [string, string])[] }[];
}

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
  /** Schema rank of the key inserted (insertions at one offset go in schema order). */
  readonly rank: number;
}

/**
 * Edit the record whose `keyField` is `keyValue` in a YAML list of records.
 * `order` is the schema's field order, used to place new keys.
 */
export function editYamlRecord(text: string, keyField: string, keyValue: string, order: readonly string[], edit: RecordEdit): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  if (doc.errors.length) throw new YamlEditError(`the file does not parse: ${doc.errors[0]!.message}`);
  const root = doc.contents as Node | null;
  if (!isSeq(root)) throw new YamlEditError('the file is not a list of records');
  const rec = (root as YAMLSeq).items.find((it) => isMap(it) && valueOf(it as YAMLMap, keyField) === keyValue) as YAMLMap | undefined;
  if (!rec) throw new YamlEditError(`no record with ${keyField} ${keyValue}`);
  const pairs = rec.items as Pair[];
  const keyCol = (p: Pair) => (p.key as Node).range![0] - lineStart(text, (p.key as Node).range![0]);
  const indent = ' '.repeat(keyCol(pairs[0]!));
  const indentSeq = detectIndentSeq(text);
  const splices: Splice[] = [];

  /** Where a new key goes: after the last present key that comes before it in schema order. */
  const insertAt = (key: string): number => {
    const rank = order.indexOf(key);
    let after: Pair | undefined;
    for (const p of pairs) {
      const r = order.indexOf(keyName(p));
      if (r >= 0 && r < rank) after = p;
    }
    after ??= pairs[pairs.length - 1]!;
    const v = after.value as Node | null;
    return lineEndAfter(text, v?.range ? v.range[2] : (after.key as Node).range![2]);
  };
  const insert = (at: number, key: string, s: string) => splices.push({ at, end: at, text: s, rank: order.indexOf(key) });

  for (const [key, value] of edit.set ?? []) {
    const p = pairs.find((x) => keyName(x) === key);
    const v = p?.value as Node | null | undefined;
    if (p && v && isScalar(v) && v.range) splices.push({ at: v.range[0], end: v.range[1], text: scalarText(value), rank: -1 });
    else if (p && (v === null || v === undefined)) {
      const k = (p.key as Node).range!;
      const colon = text.indexOf(':', k[1]);
      splices.push({ at: colon + 1, end: colon + 1, text: ' ' + scalarText(value), rank: -1 });
    } else if (p) throw new YamlEditError(`${key} of ${keyValue} is not a single value`);
    else insert(insertAt(key), key, `${indent}${key}: ${scalarText(value)}\n`);
  }

  for (const { key, item } of edit.append ?? []) {
    const p = pairs.find((x) => keyName(x) === key);
    const v = p?.value as Node | null | undefined;
    const body = renderMap(item, indentSeq);
    if (p && v && isSeq(v) && !(v as YAMLSeq).flow && (v as YAMLSeq).items.length) {
      const items = (v as YAMLSeq).items as Node[];
      const last = items[items.length - 1]!;
      const prefix = text.slice(lineStart(text, last.range![0]), last.range![0]); // e.g. "  - "
      insert(lineEndAfter(text, last.range![2]), key, indentLines(body, prefix, ' '.repeat(prefix.length)));
    } else if (!p) {
      const dash = indent + (indentSeq ? '  ' : '') + '- ';
      insert(insertAt(key), key, `${indent}${key}:\n` + indentLines(body, dash, ' '.repeat(dash.length)));
    } else throw new YamlEditError(`${key} of ${keyValue} is not a block list; run \`bizctl fmt\` on the file first`);
  }

  let out = text;
  // Back to front; at one offset the later key in schema order first, so the earlier ends up above it.
  for (const s of [...splices].sort((a, b) => b.at - a.at || b.rank - a.rank)) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}

function keyName(p: Pair): string {
  return isScalar(p.key) ? String((p.key as Scalar).value) : '';
}

function valueOf(m: YAMLMap, key: string): string | undefined {
  const p = (m.items as Pair[]).find((x) => keyName(x) === key);
  return p && isScalar(p.value) ? String((p.value as Scalar).value) : undefined;
}
