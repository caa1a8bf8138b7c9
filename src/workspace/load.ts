import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Diagnostics } from '../diagnostics/types.js';
import { CONFIG_FILE } from './discover.js';
import { listWorkspaceFiles, readText } from './files.js';
import { buildWorkspace, keyOf, type LoadProgress, type LoadResult, type SourceFile } from './workspace.js';

/**
 * Read the workspace files under root, then build and check the workspace.
 * `derived: false` leaves out files of derived entities (written by bizctl, read by no engine).
 */
export function loadWorkspace(root: string, opts: { checks?: boolean; derived?: boolean; progress?: LoadProgress } = {}): LoadResult {
  const ioDiags = new Diagnostics();
  const configText = existsSync(join(root, CONFIG_FILE)) ? readText(root, CONFIG_FILE, ioDiags) : null;
  const files: SourceFile[] = [];
  for (const f of listWorkspaceFiles(root)) {
    if (opts.derived === false && f.entity?.derived) continue;
    const text = readText(root, f.path, ioDiags);
    if (text === null) continue;
    files.push({ path: f.path, text, entity: f.entity ? keyOf(f.entity) : null });
  }
  const res = buildWorkspace(root, configText, files, opts);
  for (const d of ioDiags.list) res.diagnostics.add(d);
  return res;
}
