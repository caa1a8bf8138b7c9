/**
 * Turn planned creates and updates into new file texts with minimal edits:
 * new records appended to the entity's first file (a new CSV file when the
 * entity has none), updates rewritten in place in the file that holds them.
 */
import type { EntityDef } from '../domain/entity.js';
import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import { appendYamlRecords, updateYamlDocuments, type DocumentEdit, type PlainRecord } from '../edit/records.js';
import { addCsvColumns, appendCsvRows, updateCsvGroups, updateCsvRows, type CsvGroupEdit } from '../edit/csv-edit.js';
import { recordToPlain, valueText } from '../reports/records.js';
import { csvColumns, isCsvFile, lineColumn, type AnyRecord } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Action } from './plan.js';

export function applyImport(ws: Workspace, entity: EntityKey, actions: readonly Action[]): Map<string, string> {
  const def = ENTITIES[entity] as unknown as EntityDef;
  const out = new Map<string, string>();
  const textOf = (f: string) => out.get(f) ?? ws.sources.get(f) ?? '';
  // Updates, grouped by file.
  const updates = actions.filter((a) => a.kind === 'update');
  if (updates.length) {
    const indexInFile = new Map<AnyRecord, number>();
    const counters = new Map<string, number>();
    for (const r of ws.data[entity] as unknown as AnyRecord[]) {
      const f = r.src.loc.file;
      const i = counters.get(f) ?? 0;
      indexInFile.set(r, i);
      counters.set(f, i + 1);
    }
    const yamlEdits = new Map<string, Map<number, DocumentEdit>>();
    const csvEdits = new Map<string, Map<number, Record<string, string>>>();
    const csvGroups = new Map<string, Map<number, CsvGroupEdit>>();
    const linesField = def.lines?.field;
    const cols = csvColumns(def);
    for (const a of updates) {
      const r = a.existing!;
      const f = r.src.loc.file;
      const scalars = a.changes!.filter((c) => c.field !== linesField);
      if (isCsvFile(f)) {
        const set = Object.fromEntries(scalars.map((c) => [c.field, c.to]));
        if (!def.lines) {
          const m = csvEdits.get(f) ?? new Map();
          m.set(r.src.loc.line, set);
          csvEdits.set(f, m);
        } else {
          // A document's rows are rewritten together (continuation rows may repeat the header).
          const m = csvGroups.get(f) ?? new Map();
          const lines = a.lines?.map((l) => Object.fromEntries(Object.entries(l).map(([k, v]) => [lineColumn(def, k), v])));
          m.set(r.src.loc.line, { set, ...(lines ? { lines } : {}) });
          csvGroups.set(f, m);
        }
      } else {
        const m = yamlEdits.get(f) ?? new Map();
        m.set(indexInFile.get(r)!, { set: scalars.map((c) => [c.field, c.to] as [string, string]), ...(a.lineEdits ? { lists: new Map([[linesField!, a.lineEdits]]) } : {}) });
        yamlEdits.set(f, m);
      }
    }
    for (const [f, m] of yamlEdits) out.set(f, updateYamlDocuments(textOf(f), m));
    const needed = (edits: Iterable<Record<string, string>>) => [...new Set([...edits].flatMap((v) => Object.keys(v)))];
    for (const [f, m] of csvEdits) {
      // Columns an update needs but the file lacks: extend the header first.
      out.set(f, updateCsvRows(addCsvColumns(textOf(f), needed(m.values())), m));
    }
    for (const [f, m] of csvGroups) {
      const add = needed([...m.values()].flatMap((e) => [e.set, ...(e.lines ?? [])]));
      out.set(f, updateCsvGroups(addCsvColumns(textOf(f), add), def.key[0]!, cols.header, m));
    }
  }
  // Creates: appended to the entity's first file, or a new file.
  const creates = actions.filter((a) => a.kind === 'create');
  if (creates.length) {
    const canCsv = Object.values(def.fields).every((f) => f.csv || f.kind === 'records');
    const target = ws.files.get(entity)?.[0] ?? `${def.path}.${canCsv ? 'csv' : 'yaml'}`;
    if (isCsvFile(target)) {
      const { header, line, lineField } = csvColumns(def);
      const rows: Record<string, string>[] = [];
      for (const a of creates) {
        const r = a.record!;
        const head = Object.fromEntries(header.filter((c) => r[c] !== undefined).map((c) => [c, valueText(def.fields[c]!, r[c])]));
        if (!def.lines) rows.push(head);
        else for (const l of (r[def.lines.field] as Record<string, unknown>[]) ?? []) rows.push({ ...head, ...Object.fromEntries(line.filter((c) => l[lineField.get(c)!] !== undefined).map((c) => [c, valueText(def.lines!.fields[lineField.get(c)!]!, l[lineField.get(c)!])])) });
      }
      out.set(target, appendCsvRows(textOf(target), rows, { columns: [...header, ...line] }));
    } else {
      out.set(target, appendYamlRecords(textOf(target), creates.map((a) => recordToPlain(def.fields, a.record!) as PlainRecord)));
    }
  }
  return out;
}
