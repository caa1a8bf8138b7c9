import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntityDef } from '../domain/entity.js';
import type { Config } from '../workspace/config.js';
import { minorUnit } from '../workspace/config.js';
import type { Field } from '../schema/fields.js';
import type { FieldMap } from '../schema/record.js';
import { naturalCompare } from '../util/natural.js';
import { canonicalValue } from './values.js';

export const YAML_OUTPUT = { lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false } as const;

/**
 * Canonical YAML for an entity file, keeping every comment: keys in schema
 * order, values normalised (dates, decimals, booleans), records sorted where
 * their order carries no meaning, one blank line between records.
 * Call only on files that load without errors.
 */
export function formatYamlEntity(def: EntityDef, text: string, cfg: Config): string {
  const doc = parseDocument(text, { schema: 'failsafe', keepSourceTokens: false });
  if (doc.errors.length) return text;
  const root = doc.contents as Node | null;
  if (!root) return text;
  if (def.single) {
    if (isMap(root)) orderKeys(root, def.fields);
  } else if (isSeq(root)) {
    // A file header comment separated by a blank line belongs to the file, not to the first record.
    const first = root.items[0] as Node | undefined;
    if (first && typeof first.commentBefore === 'string' && first.commentBefore.includes('\n\n')) {
      const cut = first.commentBefore.lastIndexOf('\n\n');
      const head = first.commentBefore.slice(0, cut);
      doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n\n${head}` : head;
      first.commentBefore = first.commentBefore.slice(cut + 2);
    }
    for (const it of root.items) if (isMap(it)) normaliseRecord(it, def.fields, cfg, null);
    if (def.sort) sortRecords(root, def.sort);
    root.items.forEach((it, i) => {
      if (it && typeof it === 'object') (it as Node).spaceBefore = i > 0;
    });
  }
  const out = doc.toString(YAML_OUTPUT);
  return out;
}

function keyOf(p: Pair): string {
  return isScalar(p.key) ? String((p.key as Scalar).value) : '';
}

function orderKeys(m: YAMLMap, fields: FieldMap): void {
  const order = Object.keys(fields);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  // Array.prototype.sort is stable, so unknown keys keep their relative order.
  (m.items as Pair[]).sort((a, b) => rank(keyOf(a)) - rank(keyOf(b)));
}

function normaliseRecord(m: YAMLMap, fields: FieldMap, cfg: Config, parentCurrency: string | null): void {
  orderKeys(m, fields);
  const curPair = (m.items as Pair[]).find((p) => keyOf(p) === 'currency');
  const currency = curPair && isScalar(curPair.value) ? String((curPair.value as Scalar).value) : parentCurrency;
  const minor = minorUnit(cfg, currency);
  for (const p of m.items as Pair[]) {
    const spec: Field | undefined = fields[keyOf(p)];
    if (!spec) continue;
    const v = p.value as Node | null;
    if (!v) continue;
    if (spec.kind === 'records' && isSeq(v)) {
      for (const it of (v as YAMLSeq).items) if (isMap(it)) normaliseRecord(it as YAMLMap, spec.inner as FieldMap, cfg, currency);
    } else if (spec.kind === 'object' && isMap(v)) {
      normaliseRecord(v as YAMLMap, spec.inner as FieldMap, cfg, currency);
    } else if (spec.kind === 'list' && isSeq(v)) {
      for (const it of (v as YAMLSeq).items) if (isScalar(it)) setCanonical(it as Scalar, spec.inner as Field, minor);
    } else if (isScalar(v)) setCanonical(v as Scalar, spec, minor);
  }
}

function setCanonical(s: Scalar, spec: Field, minor: number): void {
  if (s.value === null || s.value === undefined) return;
  const before = String(s.value);
  const after = canonicalValue(spec, before, minor);
  if (after !== before) s.value = after;
}

function sortRecords(seq: YAMLSeq, sortKeys: readonly string[]): void {
  const keyText = (n: unknown, k: string): string => {
    if (!isMap(n)) return '';
    const p = (n.items as Pair[]).find((x) => keyOf(x) === k);
    return p && isScalar(p.value) ? String((p.value as Scalar).value) : '';
  };
  seq.items.sort((a, b) => {
    for (const k of sortKeys) {
      const c = naturalCompare(keyText(a, k), keyText(b, k));
      if (c !== 0) return c;
    }
    return 0;
  });
}
