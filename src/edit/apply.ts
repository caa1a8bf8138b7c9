/**
 * Check a planned file change against the whole workspace before writing it:
 * the workspace is rebuilt from its sources with the new text in place, and the
 * change is refused when it would introduce an error. Pure: texts in, result out.
 */
import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { CONFIG_FILE } from '../workspace/discover.js';
import { buildWorkspace, type SourceFile, type Workspace } from '../workspace/workspace.js';

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
  const changes = new Map((Array.isArray(change) ? (change as readonly PlannedChange[]) : [change as PlannedChange]).map((c) => [c.path, c]));
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const key of Object.keys(ENTITIES) as EntityKey[]) {
    for (const path of ws.files.get(key) ?? []) {
      const c = changes.get(path);
      if (c) {
        seen.add(path);
        files.push({ path, text: c.after, entity: key });
      } else files.push({ path, text: ws.sources.get(path) ?? '', entity: key });
    }
  }
  for (const c of changes.values()) if (!seen.has(c.path)) files.push({ path: c.path, text: c.after, entity: c.entity });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const after = buildWorkspace(ws.root, ws.sources.get(CONFIG_FILE) ?? null, files);
  const old = new Set(before.map(keyOfDiag));
  return {
    ws: after.ws,
    errors: after.diagnostics.list.filter((d) => d.severity === 'error'),
    newWarnings: after.diagnostics.list.filter((d) => d.severity === 'warning' && !old.has(keyOfDiag(d))),
  };
}
