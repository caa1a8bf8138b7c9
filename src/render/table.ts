import Table from 'cli-table3';
import { cellText, columnLabel, isRight, type Lang, type TableModel } from './model.js';
import { displayWidth, padEnd, padStart } from './width.js';

export interface TableStyle {
  /** Box drawing (terminal) or plain aligned text (pipes, e-mail from cron). */
  readonly boxed: boolean;
  readonly lang: Lang;
  readonly bold?: (s: string) => string;
}

/** A report table as text. CJK characters count two columns, so mixed names line up. */
export function renderTable(t: TableModel, style: TableStyle): string {
  const out: string[] = [];
  if (t.title) out.push(t.title, '');
  out.push(style.boxed ? boxed(t, style) : plain(t, style));
  if (t.notes?.length) out.push('', ...t.notes);
  return out.join('\n') + '\n';
}

function plain(t: TableModel, style: TableStyle): string {
  const headers = t.columns.map((c) => columnLabel(c, style.lang));
  const body = t.rows.map((r) => t.columns.map((_, i) => cellText(r[i])));
  const foot = (t.footer ?? []).map((f) => t.columns.map((_, i) => cellText(f[i])));
  const all = [...body, ...foot];
  // A loop, not Math.max(...rows): a spread of a few hundred thousand arguments overflows the stack.
  const widths = headers.map((h, i) => all.reduce((w, r) => Math.max(w, displayWidth(r[i]!)), displayWidth(h)));
  const right = t.columns.map((c, i) => isRight(c, t.rows, i));
  const fmt = (cells: string[]) =>
    cells
      .map((s, i) => (right[i] ? padStart(s, widths[i]!) : i === cells.length - 1 ? s : padEnd(s, widths[i]!)))
      .join('  ')
      .replace(/\s+$/, '');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  // Bold after padding, so escape codes never count in the widths.
  const bold = style.bold ?? ((s: string) => s);
  const lines = [bold(fmt(headers)), rule, ...body.map(fmt)];
  if (foot.length) lines.push(rule, ...foot.map((f) => bold(fmt(f))));
  return lines.join('\n');
}

function boxed(t: TableModel, style: TableStyle): string {
  const bold = style.bold ?? ((s: string) => s);
  const right = t.columns.map((c, i) => isRight(c, t.rows, i));
  const table = new Table({
    head: t.columns.map((c) => bold(columnLabel(c, style.lang))),
    style: { head: [], border: [] },
    colAligns: right.map((r) => (r ? 'right' : 'left')),
  });
  for (const r of t.rows) table.push(t.columns.map((_, i) => cellText(r[i])));
  for (const f of t.footer ?? []) table.push(t.columns.map((_, i) => bold(cellText(f[i]))));
  return table.toString();
}
