/**
 * Check a planned file change against the whole workspace before writing it:
 * the workspace is rebuilt from its sources with the new text in place, and the
 * change is refused when it would introduce an error. Pure: texts in, result out.
 */
import type { EntityKey } from '../domain/entities/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { rebuildWith } from '../workspace/rebuild.js';
import type { Workspace } from '../workspace/workspace.js';

export interface PlannedChange {
  /** Path relative to the workspace root. */
  readonly path: string;
  readonly entity: EntityKey;
  readonly before: string | null;
  readonly after: string;
}

export interface Validation {
  readonly ws: Workspace;
  /** Errors in the changed workspace (the write is refused when any). */
  readonly errors: readonly Diagnostic[];
  /** Warnings that the change introduces. */
  readonly newWarnings: readonly Diagnostic[];
}

const keyOfDiag = (d: Diagnostic) => `${d.code}\u0000${d.message}`;

/** Validate one change, or several changes (to different files) together, as one workspace. */
export function validateChange(ws: Workspace, before: readonly Diagnostic[], change: PlannedChange | readonly PlannedChange[]): Validation {
  const list = Array.isArray(change) ? (change as readonly PlannedChange[]) : [change as PlannedChange];
  const after = rebuildWith(ws, new Map(list.map((c) => [c.path, c.after])));
  const old = new Set(before.map(keyOfDiag));
  return {
    ws: after.ws,
    errors: after.diagnostics.list.filter((d) => d.severity === 'error'),
    newWarnings: after.diagnostics.list.filter((d) => d.severity === 'warning' && !old.has(keyOfDiag(d))),
  };
}
