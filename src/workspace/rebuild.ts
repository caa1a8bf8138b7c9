import { ENTITY_LIST } from '../domain/entities/index.js';
import type { Diagnostics } from '../diagnostics/types.js';
import { CONFIG_FILE } from './discover.js';
import { buildWorkspace, keyOf, type SourceFile, type Workspace } from './workspace.js';

/**
 * The workspace as it would be with some files replaced or added (texts in
 * memory): used to validate a write before anything touches the disk.
 */
export function rebuildWith(ws: Workspace, writes: ReadonlyMap<string, string>): { ws: Workspace; diagnostics: Diagnostics } {
  const all = new Map([...ws.sources, ...writes]);
  const files: SourceFile[] = [];
  for (const [path, text] of all) {
    if (path === CONFIG_FILE) continue;
    const def = ENTITY_LIST.find((e) => path === `${e.path}.yaml` || path === `${e.path}.yml` || path === `${e.path}.csv` || path.startsWith(`${e.path}/`));
    files.push({ path, text, entity: def ? keyOf(def) : null });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return buildWorkspace(ws.root, all.get(CONFIG_FILE) ?? null, files);
}
