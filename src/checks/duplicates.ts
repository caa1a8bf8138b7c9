import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Diagnostics } from '../diagnostics/types.js';
import type { JournalStore } from '../workspace/journal-store.js';
import type { EntityTable, TextColumn } from '../workspace/table.js';
import { firstOccurrences } from '../util/text-index.js';
import type { Check } from './check.js';

/** Two records of one entity with the same key. */
export const duplicateIds: Check = {
  name: 'duplicate-ids',
  run(ws, d) {
    for (const key of Object.keys(ENTITIES) as EntityKey[]) {
      const def = ENTITIES[key] as unknown as EntityDef;
      if (def.key.length === 0) continue;
      const rj = ws.rejected.get(key) ?? [];
      if (key === 'journal' && rj.length === 0) {
        journalIds(def, ws.journal, d);
        continue;
      }
      const table = key === 'journal' ? undefined : ws.tables.get(key)!;
      if (table && rj.length === 0 && tableIds(table, d)) continue;
      // Rejected records too (their keys count), merged in by position.
      const records = table ? tableKeyed(table) : journalKeyed(ws.journal);
      const all = rj.length === 0 ? records : [...records, ...rj].sort((a, b) => (a.src.loc.file < b.src.loc.file ? -1 : a.src.loc.file > b.src.loc.file ? 1 : a.src.loc.line - b.src.loc.line));
      const seen = new Map<string, Keyed>();
      for (const r of all) {
        let k: string;
        if (def.key.length === 1) {
          const v = r[def.key[0]!];
          if (v === undefined) continue;
          k = typeof v === 'string' ? v : keyText(v);
        } else {
          if (def.key.some((f) => r[f] === undefined)) continue;
          k = def.key.map((f) => keyText(r[f])).join('\u0000');
        }
        const first = seen.get(k);
        if (!first) {
          seen.set(k, r);
          continue;
        }
        duplicate(d, def, r, first);
      }
    }
  },
};

type Keyed = Pick<AnyRecord, 'src'> & Record<string, unknown>;

/** Journal entries as keyed values with their locators (no records built). */
function journalKeyed(j: JournalStore): Keyed[] {
  const out: Keyed[] = [];
  for (let e = 0; e < j.size; e++) out.push({ id: j.ids[e], src: j.entrySrc(e) });
  return out;
}

/** A table's records as keyed values with their locators (no records built). */
function tableKeyed(t: EntityTable): Keyed[] {
  const cols = t.def.key.map((k) => t.col(k)!);
  const out: Keyed[] = [];
  for (let i = 0; i < t.size; i++) {
    const r: Keyed = { src: t.src(i) };
    for (const c of cols) r[c.name] = c.get(i);
    out.push(r);
  }
  return out;
}

/** Duplicate keys of a table with a one-field text key, straight from the column; false when the key is not such a column. */
function tableIds(t: EntityTable, d: Diagnostics): boolean {
  if (t.def.key.length !== 1) return false;
  const col = t.col(t.def.key[0]!);
  if (!col || (col.kind !== 'text' && col.kind !== 'code')) return false;
  // Keys in strictly increasing order (documents numbered as they were written) have no repeat: compared in place.
  if (col.kind === 'text' && allHave(col, t.size)) {
    let i = 1;
    while (i < t.size && col.less(i - 1, i)) i++;
    if (i >= t.size) return true;
  }
  const ids: string[] = new Array<string>(t.size);
  for (let i = 0; i < t.size; i++) {
    const v = col.get(i);
    if (v === undefined) return false; // a record without its key: the general path skips it
    ids[i] = v;
  }
  const first = firstOccurrences(ids, t.size);
  for (let i = 0; i < t.size; i++) {
    const f = first[i]!;
    if (f !== i) duplicate(d, t.def, { [col.name]: ids[i], src: t.src(i) }, { [col.name]: ids[f], src: t.src(f) });
  }
  return true;
}

function allHave(col: TextColumn, n: number): boolean {
  for (let i = 0; i < n; i++) if (!col.has(i)) return false;
  return true;
}

/** Duplicate journal ids, straight from the columns (the common case: no rejected entry to merge in by position). */
function journalIds(def: EntityDef, j: JournalStore, d: Diagnostics): void {
  const { ids } = j;
  const first = firstOccurrences(ids, j.size, j.idHash);
  for (let e = 0; e < j.size; e++) {
    const f = first[e]!;
    if (f !== e) duplicate(d, def, { id: ids[e], src: j.entrySrc(e) }, { id: ids[f], src: j.entrySrc(f) });
  }
}

function duplicate(d: Diagnostics, def: EntityDef, r: Keyed, first: Keyed): void {
  const shown = def.key.map((f) => `${f} ${keyText(r[f]) || '(empty)'}`).join(', ');
  d.push('duplicate-id', r.src.at(def.key[0]!), `${def.name} with ${shown} is defined twice`, def.key.length === 1 ? `give one of them another ${def.key[0]}, or merge the two` : 'merge the two rows into one', [
    { loc: first.src.at(def.key[0]!), message: 'first defined here' },
  ]);
}

function keyText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v);
}
