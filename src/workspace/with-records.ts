import type { EntityKey } from '../domain/entities/index.js';
import { Diagnostics } from '../diagnostics/types.js';
import { runChecks } from '../checks/index.js';
import { ENTITIES } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from './parse-entity.js';
import { EntityTable } from './table.js';
import { dataOf, type Workspace } from './workspace.js';

/**
 * The workspace with some records of one entity replaced and others added,
 * without re-reading any file, and the diagnostics of every check on it:
 * how an import is validated before it writes.
 */
export function withRecords(ws: Workspace, entity: Exclude<EntityKey, 'journal'>, replaced: ReadonlyMap<AnyRecord, AnyRecord>, added: readonly AnyRecord[], sources: ReadonlyMap<string, string>): { ws: Workspace; diagnostics: Diagnostics } {
  const list = (ws.data[entity] as unknown as AnyRecord[]).map((r) => replaced.get(r) ?? r);
  const table = EntityTable.ofRecords(ENTITIES[entity] as unknown as EntityDef, [...list, ...added]);
  const tables = new Map(ws.tables).set(entity, table);
  const present = new Set(ws.present).add(entity);
  const next: Workspace = { ...ws, data: dataOf(tables, ws.journal), tables, present, sources: new Map([...ws.sources, ...sources]) };
  const diagnostics = new Diagnostics();
  runChecks(next, diagnostics);
  return { ws: next, diagnostics };
}
