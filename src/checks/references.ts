import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { SourceLoc } from '../diagnostics/types.js';
import type { Field } from '../schema/fields.js';
import { didYouMean } from '../util/suggest.js';
import { knownIds } from '../workspace/index.js';
import type { Check } from './check.js';
import { eachFailing, forColumns, forFields, label, where, type FieldSelector } from './walk.js';

const isRef: FieldSelector = (spec) => Boolean(spec.refTo) || (spec.kind === 'list' && Boolean((spec.inner as { refTo?: string } | undefined)?.refTo));

/** The field spec that names the target (a reference, or the items of a list of references). */
function target(spec: Field): { refTo?: string; soft?: boolean } {
  return (spec.kind === 'list' ? (spec.inner as { refTo?: string; soft?: boolean } | undefined) : spec) ?? spec;
}

/** Every reference points at an existing record (soft references only when the target entity has files). */
export const references: Check = {
  name: 'references',
  run(ws, d) {
    // Per field spec: the ids it may point at, or null when it is not checked (soft, target absent).
    const targets = new Map<object, ReadonlySet<string> | null>();
    const idsFor = (spec: Field): ReadonlySet<string> | null => {
      let idx = targets.get(spec);
      if (idx !== undefined) return idx;
      const t = target(spec);
      const refTo = t.refTo as EntityKey | undefined;
      // Not checked: no target, a soft reference to an absent module, or a target file that could not be read whole.
      idx = !refTo || (t.soft && !ws.present.has(refTo)) || ws.incomplete?.has(refTo) ? null : knownIds(ws, refTo);
      targets.set(spec, idx);
      return idx;
    };
    const known = (idx: ReadonlySet<string>, v: unknown) => (typeof v === 'string' ? idx.has(v) : (v as string[]).every((id) => idx.has(id)));
    const report = (spec: Field, idx: ReadonlySet<string>, value: unknown, field: string, at: () => SourceLoc, what: () => string) => {
      const refTo = (target(spec).refTo ?? '') as EntityKey;
      const values = Array.isArray(value) ? (value as string[]) : [value as string];
      for (const id of values) {
        if (idx.has(id)) continue;
        const tdef = ENTITIES[refTo] as unknown as EntityDef;
        const guess = idx.size <= 50_000 ? didYouMean(id, idx) : undefined;
        const file = ws.files.get(refTo)?.[0] ?? `${tdef.path}.yaml`;
        d.push('unknown-ref', at(), `${field} of ${what()} refers to unknown ${tdef.name} "${id}"`, guess ? `did you mean "${guess}"?` : `add ${tdef.name} ${id} to ${file}, or fix the id`);
      }
    };
    forColumns(ws, isRef, (t, col, line) => {
      const idx = idsFor(col.spec);
      if (idx === null) return;
      eachFailing(t, col, line, (v) => known(idx, v), (i, l, v) => report(col.spec, idx, v, col.name, () => where(t, i, l).at(col.name), () => t.label(i)));
    });
    forFields(ws, isRef, (v) => {
      const idx = idsFor(v.spec);
      if (idx === null || known(idx, v.value)) return;
      const { holder, field, def, record } = v;
      report(v.spec, idx, v.value, field, () => holder.src.at(field), () => label(def, record));
    });
  },
};
