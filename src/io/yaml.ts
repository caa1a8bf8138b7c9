import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, Scalar } from 'yaml';
import type { SourceLoc } from '../diagnostics/types.js';
import { Diagnostics } from '../diagnostics/types.js';
import { EntriesMap, type Raw } from './raw.js';

/**
 * YAML → Raw with source positions. The failsafe schema keeps every scalar
 * as text, so "1234.50" stays "1234.50" and is turned into an exact decimal
 * by the schema, never a float.
 */
export interface YamlFile {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document's root as Raw; null when empty or unparseable. */
  readonly root: Raw | null;
}

export function parseYaml(file: string, text: string, diags: Diagnostics): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const locAt = (offset: number): SourceLoc => {
    const p = lines.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  let broken = false;
  const lines_reported = new Set<number>();
  for (const e of doc.errors) {
    broken = true;
    const loc = locAt(errorOffset(text, e.pos[0], e.message));
    // One problem often trips several parser errors on the same line: report the first.
    if (lines_reported.has(loc.line)) continue;
    lines_reported.add(loc.line);
    const msg = e.message.split('\n')[0] ?? e.message;
    const lineText = text.split('\n')[loc.line - 1] ?? '';
    const unclosed = /^Flow (sequence|mapping) in block collection/.test(msg);
    const hint = /^\s*\t/.test(lineText)
      ? 'YAML does not allow tabs for indentation; indent with spaces'
      : unclosed
        ? `close this ${msg.includes('sequence') ? '[' : '{'} on the same line, or quote the value if it is text (e.g. name: "[draft] …")`
        : yamlHint(e.code);
    diags.push('yaml-syntax', loc, msg.replace(/ at line \d+, column \d+:?$/, ''), hint);
    // After an unclosed [ or { the parser reads the rest of the file as its contents: what it says next is noise.
    if (unclosed) break;
  }
  const root = broken || doc.contents == null ? null : toRaw(doc.contents as Node, locAt, diags, file);
  return { file, text, doc, lines, root };
}

/**
 * Where to point for a parser error: an unclosed [ or { is reported where the parser noticed it (the
 * next line, or past the end of the file); point at the bracket instead. Never past the last character.
 */
function errorOffset(text: string, pos: number, message: string): number {
  const m = /^Flow (sequence|mapping) in block collection/.exec(message);
  if (m) {
    const open = m[1] === 'sequence' ? '[' : '{';
    const at = text.lastIndexOf(open, Math.min(pos, text.length) - 1);
    if (at >= 0) return at;
  }
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.max(0, Math.min(pos, end > 0 ? end - 1 : 0));
}

function yamlHint(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
      return 'check the indentation: nested keys use two more spaces than their parent';
    case 'MISSING_CHAR':
      return 'close every quote, [ and { that you open, on the same value';
    case 'TAB_AS_INDENT':
      return 'YAML does not allow tabs for indentation; indent with spaces';
    case 'DUPLICATE_KEY':
      return 'each key may appear once per mapping';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line and be followed by ": "';
    default:
      return 'quote values that contain ": " or start with a special character ([, {, *, &, !, |, >, #)';
  }
}

function toRaw(node: Node, locAt: (o: number) => SourceLoc, diags: Diagnostics, file: string): Raw {
  const loc = locAt(node.range?.[0] ?? 0);
  if (isScalar(node)) {
    const text = node.value == null ? '' : String(node.value);
    const plain = node.type === Scalar.PLAIN || node.type === undefined;
    const isNull = plain && (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL');
    return { kind: 'scalar', text, isNull, loc };
  }
  if (isSeq(node)) {
    const items: Raw[] = [];
    for (const it of node.items) {
      if (it == null) continue;
      items.push(toRaw(it as Node, locAt, diags, file));
    }
    return { kind: 'seq', items, loc };
  }
  if (isMap(node)) {
    const m = new EntriesMap(loc);
    for (const pair of node.items) {
      const k = pair.key as Node | null;
      const keyLoc = locAt(k?.range?.[0] ?? node.range?.[0] ?? 0);
      const key = k && isScalar(k) ? String(k.value ?? '') : null;
      if (key === null) {
        diags.push('bad-type', keyLoc, 'keys must be plain text', 'write the key as a word followed by ": "');
        continue;
      }
      if (m.get(key) !== undefined) {
        diags.push('yaml-syntax', keyLoc, `key "${key}" appears twice in this mapping`, 'each key may appear once per mapping', [
          { loc: m.keyLoc(key), message: 'first written here' },
        ]);
        continue;
      }
      const v = pair.value as Node | null;
      const value: Raw = v == null ? { kind: 'scalar', text: '', isNull: true, loc: keyLoc } : toRaw(v, locAt, diags, file);
      m.set(key, keyLoc, value);
    }
    return m;
  }
  // Aliases and other nodes: resolve to text where possible.
  diags.push('bad-type', loc, 'aliases and tags are not supported in workspace files', 'write the value out in full');
  return { kind: 'scalar', text: '', isNull: true, loc };
}
