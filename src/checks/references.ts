import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import { didYouMean } from '../util/suggest.js';
import { knownIds } from '../workspace/index.js';
import type { Check } from './check.js';
import { forFields, label, type FieldSelector } from './walk.js';

const isRef: FieldSelector = (spec) => Boolean(spec.refTo) || (spec.kind === 'list' && Boolean((spec.inner as { refTo?: string } | undefined)?.refTo));

/** Every reference points at an existing record (soft references only when the target entity has files). */
export const references: Check = {
  name: 'references',
  run(ws, d) {
    forFields(ws, isRef, (v) => {
      const spec = v.spec;
      const target = (spec.kind === 'list' ? (spec.inner as { refTo?: string; soft?: boolean } | undefined) : spec) ?? spec;
      const refTo = target.refTo as EntityKey | undefined;
      if (!refTo) return;
      if (target.soft && !ws.present.has(refTo)) return;
      const idx = knownIds(ws, refTo);
      const values = Array.isArray(v.value) ? (v.value as string[]) : [v.value as string];
      for (const id of values) {
        if (idx.has(id)) continue;
        const tdef = ENTITIES[refTo] as unknown as EntityDef;
        const guess = idx.size <= 50_000 ? didYouMean(id, idx) : undefined;
        const where = ws.files.get(refTo)?.[0] ?? `${tdef.path}.yaml`;
        d.push(
          'unknown-ref',
          v.holder.src.at(v.field),
          `${v.field} of ${label(v.def, v.record)} refers to unknown ${tdef.name} "${id}"`,
          guess ? `did you mean "${guess}"?` : `add ${tdef.name} ${id} to ${where}, or fix the id`,
        );
      }
    });
  },
};
