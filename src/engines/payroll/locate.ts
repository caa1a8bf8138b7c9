/**
 * Map a character offset inside a formula to file:line:col. A formula is a
 * YAML scalar: plain, quoted or a block (| or >), possibly folded over
 * several lines, so the offset is found by walking the source text from where
 * the scalar starts, matching the formula's characters and letting one space
 * of the formula stand for a line break plus indentation in the file.
 */
import type { SourceLoc } from '../../diagnostics/types.js';

function lineStart(text: string, line: number): number {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return -1;
    start = nl + 1;
  }
  return start;
}

/** Offset (UTF-16) of a 1-based line and code-point column. */
function offsetOf(text: string, loc: SourceLoc): number {
  const ls = lineStart(text, loc.line);
  if (ls < 0) return -1;
  let i = ls;
  for (let c = 1; c < loc.col && i < text.length; c++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

function locOf(text: string, file: string, offset: number): SourceLoc {
  let line = 1;
  let ls = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      ls = i + 1;
    }
  }
  const col = Array.from(text.slice(ls, offset)).length + 1;
  return { file, line, col };
}

/**
 * Where character `offset` of `formula` (the scalar's text, written at
 * `loc`) is in the file. Falls back to the scalar's start when the text
 * cannot be matched (escapes in quoted scalars).
 */
export function formulaLoc(formula: string, loc: SourceLoc, offset: number, source: string | undefined): SourceLoc {
  if (source === undefined) return loc;
  const start = offsetOf(source, loc);
  if (start < 0) return loc;
  let p = start;
  const c0 = source[p];
  if (c0 === '"' || c0 === "'") p++;
  else if (c0 === '|' || c0 === '>') {
    const nl = source.indexOf('\n', p);
    if (nl < 0) return loc;
    p = nl + 1;
    while (source[p] === ' ') p++;
  }
  let i = 0;
  while (i < offset && p < source.length) {
    const fc = formula[i];
    const sc = source[p];
    if (fc === sc) {
      i++;
      p++;
      continue;
    }
    if ((fc === ' ' || fc === '\n') && (sc === '\n' || sc === '\r')) {
      // a folded line break: skip it and the next line's indentation
      p++;
      if (source[p - 1] === '\r' && source[p] === '\n') p++;
      while (source[p] === ' ' || source[p] === '\t') p++;
      i++;
      continue;
    }
    if (sc === ' ' && (source[p - 1] === ' ' || source[p + 1] === ' ')) {
      p++; // YAML folding also trims trailing spaces
      continue;
    }
    return loc;
  }
  return locOf(source, loc.file, p);
}
