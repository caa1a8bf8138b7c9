import type { EntityKey } from '../domain/entities/index.js';
import type { Workspace } from './workspace.js';
import type { AnyRecord } from './parse-entity.js';
import type { EntityTable } from './table.js';

/** The table of an entity (every entity but the journal has one). */
export function tableOf(ws: Workspace, key: Exclude<EntityKey, 'journal'>): EntityTable {
  return ws.tables.get(key)!;
}

const cache = new WeakMap<Workspace, Map<EntityKey, Map<string, AnyRecord>>>();

/** Records of an entity by id (first record wins on duplicates, which `check` reports). */
export function indexOf(ws: Workspace, key: EntityKey): ReadonlyMap<string, AnyRecord> {
  let per = cache.get(ws);
  if (!per) cache.set(ws, (per = new Map()));
  let m = per.get(key);
  if (!m) {
    m = new Map();
    for (const r of ws.data[key] as unknown as AnyRecord[]) {
      const id = r.id as string | undefined;
      if (id !== undefined && !m.has(id)) m.set(id, r);
    }
    per.set(key, m);
  }
  return m;
}

const knownCache = new WeakMap<Workspace, Map<EntityKey, Set<string>>>();

/** Ids of every record read, valid or not: references to a record with a bad field are not "unknown". */
export function knownIds(ws: Workspace, key: EntityKey): ReadonlySet<string> {
  let per = knownCache.get(ws);
  if (!per) knownCache.set(ws, (per = new Map()));
  let m = per.get(key);
  if (!m) {
    // From the id column (no record is built), else from the records.
    const table = key === 'journal' ? undefined : ws.tables.get(key);
    const col = table?.col('id');
    if (table && col) {
      m = new Set();
      for (let i = 0; i < table.size; i++) {
        const v = col.get(i);
        if (typeof v === 'string') m.add(v);
      }
    } else m = new Set(indexOf(ws, key).keys());
    for (const r of ws.rejected.get(key) ?? []) if (typeof r.id === 'string') m.add(r.id);
    per.set(key, m);
  }
  return m;
}
