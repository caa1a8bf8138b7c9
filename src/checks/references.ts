import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import { didYouMean } from '../util/suggest.js';
import { knownIds } from '../workspace/index.js';
import type { Check } from './check.js';
import { forFields, label, type FieldSelector, type Visit } from './walk.js';

const isRef: FieldSelector = (spec) => Boolean(spec.refTo) || (spec.kind === 'list' && Boolean((spec.inner as { refTo?: string } | undefined)?.refTo));

/** Every reference points at an existing record (soft references only when the target entity has files). */
export const references: Check = {
  name: 'references',
  run(ws, d) {
    // Per field spec: the ids it may point at, or null when it is not checked (soft, target absent).
    const targets = new Map<object, ReadonlySet<string> | null>();
    const idsFor = (spec: Visit['spec']): ReadonlySet<string> | null => {
      let idx = targets.get(spec);
      if (idx !== undefined) return idx;
      const target = (spec.kind === 'list' ? (spec.inner as { refTo?: string; soft?: boolean } | undefined) : spec) ?? spec;
      const refTo = target.refTo as EntityKey | undefined;
      idx = !refTo || (target.soft && !ws.present.has(refTo)) ? null : knownIds(ws, refTo);
      targets.set(spec, idx);
      return idx;
    };
    forFields(ws, isRef, (v) => {
      const idx = idsFor(v.spec);
      if (idx === null) return;
      if (typeof v.value === 'string' && idx.has(v.value)) return;
      const spec = v.spec;
      const refTo = ((spec.kind === 'list' ? (spec.inner as { refTo?: string }) : spec).refTo ?? '') as EntityKey;
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
