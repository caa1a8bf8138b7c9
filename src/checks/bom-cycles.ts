import type { AnyRecord } from '../workspace/parse-entity.js';
import type { Check } from './check.js';

/** A BOM may not contain its own parent at any depth; each cycle is printed with its path. */
export const bomCycles: Check = {
  name: 'bom-cycles',
  run(ws, d) {
    const boms = ws.data.boms as unknown as AnyRecord[];
    const children = new Map<string, { id: string; line: AnyRecord }[]>();
    const bomOf = new Map<string, AnyRecord>();
    for (const b of boms) {
      const id = b.item as string;
      if (bomOf.has(id)) continue;
      bomOf.set(id, b);
      children.set(
        id,
        (b.components as AnyRecord[]).map((c) => ({ id: c.component as string, line: c })),
      );
    }
    // Iterative DFS with colours; report each cycle once (keyed by its sorted node set).
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const roots = [...children.keys()].sort();
    for (const root of roots) {
      if (state.has(root)) continue;
      const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
      const path: string[] = [root];
      state.set(root, 1);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const kids = children.get(top.id) ?? [];
        if (top.i >= kids.length) {
          state.set(top.id, 2);
          stack.pop();
          path.pop();
          continue;
        }
        const kid = kids[top.i++]!;
        const s = state.get(kid.id);
        if (s === 1) {
          const cyc = [...path.slice(path.indexOf(kid.id)), kid.id];
          const sig = [...new Set(cyc)].sort().join(',');
          if (!reported.has(sig)) {
            reported.add(sig);
            d.push('bom-cycle', kid.line.src.at('component'), `BOM cycle: ${cyc.join(' → ')}`, `remove ${kid.id} from the components of ${top.id}, or fix the BOM that makes ${kid.id}`);
          }
        } else if (s === undefined) {
          state.set(kid.id, 1);
          stack.push({ id: kid.id, i: 0 });
          path.push(kid.id);
        }
      }
    }
  },
};
