/**
 * The steps every writing command shares: load the workspace (refusing when it
 * has errors), validate the planned changes against the whole rebuilt
 * workspace, then write each file atomically. Nothing is written unless every
 * change passes.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { validateChange, type PlannedChange } from '../edit/apply.js';
import { writeFileAtomic } from '../io/write.js';
import { keepCanonical } from '../fmt/index.js';
import { loadWorkspace } from '../workspace/load.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Ctx } from './context.js';
import { DataError } from './errors.js';

export interface Loaded {
  readonly ws: Workspace;
  readonly diagnostics: readonly Diagnostic[];
}

/** Load for a write: print warnings, refuse on errors (like every command). */
export function loadForWrite(ctx: Ctx): Loaded {
  const { ws, diagnostics } = loadWorkspace(ctx.workspaceRoot());
  ctx.printLoadDiagnostics(diagnostics.list, ws);
  if (diagnostics.errorCount) throw new DataError(`${diagnostics.errorCount} error${diagnostics.errorCount === 1 ? '' : 's'} in the workspace; nothing was written`, 'fix them first (`bizctl check` lists them all)');
  return { ws, diagnostics: diagnostics.list };
}

/** Refuse (printing the errors) when the changes would make the workspace invalid; print the warnings they add. */
export function validateChanges(ctx: Ctx, loaded: Loaded, changes: readonly PlannedChange[], what: string): void {
  if (!changes.length) return;
  const v = validateChange(loaded.ws, loaded.diagnostics, changes);
  if (v.errors.length) {
    ctx.printDiagnostics(v.errors, v.ws);
    throw new DataError(`${what} would introduce ${v.errors.length} error${v.errors.length === 1 ? '' : 's'}; nothing was written`, 'correct the values shown above and run the command again');
  }
  ctx.printDiagnostics(v.newWarnings, v.ws);
}

/** Write validated changes, each file atomically, in the order given. */
export function writeChanges(loaded: Loaded, changes: readonly PlannedChange[]): void {
  for (const c of changes) writeData(loaded.ws, c.path, c.after);
}

/** Write a workspace data file atomically, kept in canonical form if it was (see keepCanonical). */
export function writeData(ws: Workspace, path: string, text: string): void {
  writeFileAtomic(join(ws.root, path), keepCanonical(ws, path, text));
}
