/**
 * New records of one entity as a file change: appended to the entity's last
 * file (the newest of a folder such as purchasing/purchase-orders/2026.yaml, as
 * `deal won --order` does), or to a new `<path>.yaml` when it has none.
 * Records are plain text values in schema order, document lines as nested records.
 *
 *   YAML  after the last record; every existing byte is kept (records.ts)
 *   CSV   one row per document line, header cells repeated on each row, in the
 *         file's column order (csv-edit.ts); a column the file lacks is added at
 *         the end of its header, the only case where existing lines change
 */
import type { EntityDef } from '../domain/entity.js';
import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import { csvColumns, isCsvFile } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';
import type { PlannedChange } from './apply.js';
import { appendCsvRows, csvHeader } from './csv-edit.js';
import { appendYamlRecords, type PlainRecord } from './records.js';

export interface AppendChange {
  readonly change: PlannedChange;
  /** CSV columns the file did not have (added to its header). */
  readonly addedColumns: readonly string[];
}

export function appendRecordsChange(ws: Workspace, entity: EntityKey, records: readonly PlainRecord[]): AppendChange {
  const def = ENTITIES[entity] as unknown as EntityDef;
  const files = ws.files.get(entity) ?? [];
  const path = files[files.length - 1] ?? `${def.path}.yaml`;
  const before = files.length ? (ws.sources.get(path) ?? '') : null;
  if (!isCsvFile(path)) return { change: { path, entity, before, after: appendYamlRecords(before ?? '', records) }, addedColumns: [] };
  const { header, line, lineField } = csvColumns(def);
  const text = (v: PlainRecord[string]) => (v === undefined ? '' : typeof v === 'string' ? v : (v as string[]).join(';'));
  const rows: Record<string, string>[] = [];
  for (const r of records) {
    const head = Object.fromEntries(header.filter((c) => r[c] !== undefined).map((c) => [c, text(r[c])]));
    const lines = def.lines ? ((r[def.lines.field] as PlainRecord[] | undefined) ?? []) : [];
    if (!lines.length) rows.push(head);
    for (const l of lines) rows.push({ ...head, ...Object.fromEntries(line.filter((c) => l[lineField.get(c)!] !== undefined).map((c) => [c, text(l[lineField.get(c)!])])) });
  }
  const had = before ? csvHeader(before) : [];
  const after = appendCsvRows(before ?? '', rows, { columns: [...header, ...line] });
  const addedColumns = before ? csvHeader(after).filter((c) => !had.includes(c)) : [];
  return { change: { path, entity, before, after }, addedColumns };
}
