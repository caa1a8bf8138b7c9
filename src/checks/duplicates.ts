import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Diagnostics } from '../diagnostics/types.js';
import type { JournalStore } from '../workspace/journal-store.js';
import { firstOccurrences } from '../util/text-index.js';
import type { Check } from './check.js';

/** Two records of one entity with the same key. */
export const duplicateIds: Check = {
  name: 'duplicate-ids',
  run(ws, d) {
    for (const key of Object.keys(ENTITIES) as EntityKey[]) {
      const def = ENTITIES[key] as unknown as EntityDef;
      if (def.key.length === 0) continue;
      const seen = new Map<string, Keyed>();
      const rj = ws.rejected.get(key) ?? [];
      if (key === 'journal' && rj.length === 0) {
        journalIds(def, ws.journal, d);
        continue;
      }
      const records = key === 'journal' ? journalKeyed(ws.journal) : (ws.data[key] as unknown as AnyRecord[]);
      const all = rj.length === 0 ? records : [...records, ...rj].sort((a, b) => (a.src.loc.file < b.src.loc.file ? -1 : a.src.loc.file > b.src.loc.file ? 1 : a.src.loc.line - b.src.loc.line));
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
