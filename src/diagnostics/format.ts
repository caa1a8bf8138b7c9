import { displayWidth } from '../render/width.js';
import type { Diagnostic } from './types.js';
import { localiseDiagnostic } from './zh.js';

/** Looks up the text of a workspace file (for excerpts); undefined when not at hand. */
export type SourceLookup = (file: string) => string | undefined;

export interface FormatOptions {
  readonly sources?: SourceLookup;
  /** Wrap severity words in colour (the caller decides whether colour is on). */
  readonly paint?: { error(s: string): string; warning(s: string): string; dim(s: string): string };
  /** Labels and texts in Chinese (错误/警告/提示/参见, src/diagnostics/zh.ts); codes and positions stay as they are for tools. */
  readonly zh?: boolean;
}

const plain = { error: (s: string) => s, warning: (s: string) => s, dim: (s: string) => s };

/** `file:line:col: error[code]: message`, an excerpt with a caret, then `hint: …`. */
export function formatDiagnostic(diag: Diagnostic, opts: FormatOptions = {}): string {
  const d = opts.zh ? localiseDiagnostic(diag) : diag;
  const paint = opts.paint ?? plain;
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}: ` : '';
  const [err, warn, note, hint] = opts.zh ? ['错误', '警告', '参见:', '提示:'] : ['error', 'warning', 'note:', 'hint:'];
  const sev = d.severity === 'error' ? paint.error(`${err}[${d.code}]`) : paint.warning(`${warn}[${d.code}]`);
  const out = [`${where}${sev}: ${d.message}`];
  const text = d.loc && opts.sources ? opts.sources(d.loc.file) : undefined;
  if (d.loc && text !== undefined) out.push(...excerpt(text, d.loc.line, d.loc.col, paint.dim));
  for (const r of d.related ?? []) out.push(`  ${paint.dim(note)} ${r.loc.file}:${r.loc.line}:${r.loc.col}: ${r.message}`);
  if (d.hint) out.push(`  ${paint.dim(hint)} ${d.hint}`);
  return out.join('\n');
}

/** The source line with a caret under the column (display-width aware for CJK). */
export function excerpt(text: string, line: number, col: number, dim: (s: string) => string = (s) => s): string[] {
  const src = lineAt(text, line);
  if (src === undefined) return [];
  const shown = src.replace(/\t/g, ' ');
  const chars = Array.from(shown);
  const before = chars.slice(0, Math.max(0, col - 1)).join('');
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  return [`${pad} ${dim('|')}`, `${gutter} ${dim('|')} ${shown}`, `${pad} ${dim('|')} ${' '.repeat(displayWidth(before))}^`];
}

function lineAt(text: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  if (start > text.length) return undefined;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  let s = text.slice(start, end);
  if (s.endsWith('\r')) s = s.slice(0, -1);
  if (start === 0 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.loc?.file ?? null,
    line: d.loc?.line ?? null,
    col: d.loc?.col ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? null,
    related: (d.related ?? []).map((r) => ({ file: r.loc.file, line: r.loc.line, col: r.loc.col, message: r.message })),
  };
}
