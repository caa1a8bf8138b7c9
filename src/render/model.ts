import { Dec } from '../domain/decimal.js';

export type Lang = 'en' | 'zh-CN';
export type Format = 'table' | 'csv' | 'tsv' | 'json';
export const FORMATS: readonly Format[] = ['table', 'csv', 'tsv', 'json'];

/** A column of a report table: a stable key (CSV header, JSON key) and display labels. */
export interface Column {
  readonly key: string;
  readonly en: string;
  readonly zh?: string;
  readonly align?: 'left' | 'right';
}

export type Cell = string | number | boolean | Dec | null | undefined;

/** The row model shared by table, csv and tsv renderers. */
export interface TableModel {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Optional totals rows (one per commodity, say), after a rule in tables and as last rows in CSV. */
  readonly footer?: readonly (readonly Cell[])[];
  /** Lines printed under a table (e.g. the rule a report applies); table format only. */
  readonly notes?: readonly string[];
  readonly title?: string;
}

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Dec) return c.toString();
  return String(c);
}

export function columnLabel(c: Column, lang: Lang): string {
  return lang === 'zh-CN' && c.zh ? c.zh : c.en;
}

/** Right-align numbers by default. */
export function isRight(c: Column, rows: readonly (readonly Cell[])[], idx: number): boolean {
  if (c.align) return c.align === 'right';
  for (const r of rows) {
    const v = r[idx];
    if (v === null || v === undefined || v === '') continue;
    return v instanceof Dec || typeof v === 'number';
  }
  return false;
}
