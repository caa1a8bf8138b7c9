import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/** Two records of one entity with the same key. */
export const duplicateIds: Check = {
  name: 'duplicate-ids',
  run(ws, d) {
    for (const key of Object.keys(ENTITIES) as EntityKey[]) {
      const def = ENTITIES[key] as unknown as EntityDef;
      if (def.key.length === 0) continue;
      const seen = new Map<string, AnyRecord>();
      const rj = ws.rejected.get(key) ?? [];
      const all = rj.length === 0 ? (ws.data[key] as unknown as AnyRecord[]) : [...(ws.data[key] as unknown as AnyRecord[]), ...rj].sort((a, b) => (a.src.loc.file < b.src.loc.file ? -1 : a.src.loc.file > b.src.loc.file ? 1 : a.src.loc.line - b.src.loc.line));
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
        const shown = def.key.map((f) => `${f} ${keyText(r[f]) || '(empty)'}`).join(', ');
        d.push('duplicate-id', r.src.at(def.key[0]!), `${def.name} with ${shown} is defined twice`, def.key.length === 1 ? `give one of them another ${def.key[0]}, or merge the two` : 'merge the two rows into one', [
          { loc: first.src.at(def.key[0]!), message: 'first defined here' },
        ]);
      }
    }
  },
};

function keyText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v);
}
