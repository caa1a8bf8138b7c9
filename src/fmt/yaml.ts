import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntityDef } from '../domain/entity.js';
import type { Config } from '../workspace/config.js';
import { minorUnit } from '../workspace/config.js';
import type { Field } from '../schema/fields.js';
import type { FieldMap } from '../schema/record.js';
import { naturalCompare } from '../util/natural.js';
import { canonicalValue } from './values.js';

export const YAML_OUTPUT = { lineWidth: 0, indent: 2, indentSeq: false, flowCollectionPadding: false } as const;

/** A value to rewrite in place: source range and new text. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Canonical YAML for an entity file, keeping every comment: keys in schema
 * order, values normalised (dates, decimals, booleans), records sorted where
 * their order carries no meaning (snapshots, forecasts, attendance, prices).
 *
 * Changes are minimal: when only values change, just those values are
 * rewritten in the original text (indentation, comment alignment and blank
 * lines stay byte for byte); only when keys or records must move is the file
 * re-emitted by the yaml printer (comments kept, spacing normalised).
 * A file that needs nothing is returned unchanged. Call only on files that
 * load without errors.
 */
export function formatYamlEntity(def: EntityDef, text: string, cfg: Config): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  if (doc.errors.length) return text;
  const root = doc.contents as Node | null;
  if (!root) return text;
  const edits: Edit[] = [];
  let moved = false;
  if (def.single) {
    if (isMap(root)) moved = orderKeys(root, def.fields) || moved;
  } else if (isSeq(root)) {
    for (const it of root.items) if (isMap(it)) moved = normaliseRecord(it, def.fields, cfg, null, edits) || moved;
    if (def.sort) moved = sortRecords(root, def.sort) || moved;
  }
  if (!moved) return applyEdits(text, edits);
  if (isSeq(root)) {
    // A file header comment separated by a blank line belongs to the file, not to the first record.
    const first = root.items[0] as Node | undefined;
    if (first && typeof first.commentBefore === 'string' && first.commentBefore.includes('\n\n')) {
      const cut = first.commentBefore.lastIndexOf('\n\n');
      const head = first.commentBefore.slice(0, cut);
      doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n\n${head}` : head;
      first.commentBefore = first.commentBefore.slice(cut + 2);
    }
    const head = root.items[0] as Node | undefined;
    if (head && typeof head === 'object') head.spaceBefore = false;
  }
  return doc.toString(YAML_OUTPUT);
}

function applyEdits(text: string, edits: Edit[]): string {
  if (!edits.length) return text;
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function keyOf(p: Pair): string {
  return isScalar(p.key) ? String((p.key as Scalar).value) : '';
}

/** Put keys in schema order; true if anything moved. */
function orderKeys(m: YAMLMap, fields: FieldMap): boolean {
  const order = Object.keys(fields);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const items = m.items as Pair[];
  const before = items.slice();
  items.sort((a, b) => rank(keyOf(a)) - rank(keyOf(b))); // stable: unknown keys keep their order
  return items.some((p, i) => p !== before[i]);
}

function normaliseRecord(m: YAMLMap, fields: FieldMap, cfg: Config, parentCurrency: string | null, edits: Edit[]): boolean {
  let moved = orderKeys(m, fields);
  const curPair = (m.items as Pair[]).find((p) => keyOf(p) === 'currency');
  const currency = curPair && isScalar(curPair.value) ? String((curPair.value as Scalar).value) : parentCurrency;
  const minor = minorUnit(cfg, currency);
  for (const p of m.items as Pair[]) {
    const spec: Field | undefined = fields[keyOf(p)];
    if (!spec) continue;
    const v = p.value as Node | null;
    if (!v) continue;
    if (spec.kind === 'records' && isSeq(v)) {
      for (const it of (v as YAMLSeq).items) if (isMap(it)) moved = normaliseRecord(it as YAMLMap, spec.inner as FieldMap, cfg, currency, edits) || moved;
    } else if (spec.kind === 'object' && isMap(v)) {
      moved = normaliseRecord(v as YAMLMap, spec.inner as FieldMap, cfg, currency, edits) || moved;
    } else if (spec.kind === 'list' && isSeq(v)) {
      for (const it of (v as YAMLSeq).items) if (isScalar(it)) setCanonical(it as Scalar, spec.inner as Field, minor, edits);
    } else if (isScalar(v)) setCanonical(v as Scalar, spec, minor, edits);
  }
  return moved;
}

function setCanonical(s: Scalar, spec: Field, minor: number, edits: Edit[]): void {
  if (s.value === null || s.value === undefined) return;
  const before = String(s.value);
  const after = canonicalValue(spec, before, minor);
  if (after === before) return;
  s.value = after;
  if (s.range) {
    const quoted = s.type === Scalar.QUOTE_DOUBLE ? JSON.stringify(after) : s.type === Scalar.QUOTE_SINGLE ? `'${after.replace(/'/g, "''")}'` : after;
    edits.push({ start: s.range[0], end: s.range[1], text: quoted });
  }
}

/** Sort records by the given keys (natural order); true if the order changed. */
function sortRecords(seq: YAMLSeq, sortKeys: readonly string[]): boolean {
  const keyText = (n: unknown, k: string): string => {
    if (!isMap(n)) return '';
    const p = (n.items as Pair[]).find((x) => keyOf(x) === k);
    return p && isScalar(p.value) ? String((p.value as Scalar).value) : '';
  };
  const before = seq.items.slice();
  seq.items.sort((a, b) => {
    for (const k of sortKeys) {
      const c = naturalCompare(keyText(a, k), keyText(b, k));
      if (c !== 0) return c;
    }
    return 0;
  });
  return seq.items.some((it, i) => it !== before[i]);
}
