import { ENTITIES } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import { isCsvFile } from '../workspace/parse-entity.js';
import type { Workspace } from '../workspace/workspace.js';
import { formatCsvEntity } from './csv.js';
import { formatYamlEntity } from './yaml.js';

export interface FormattedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** Canonical text of every data file of a loaded, error-free workspace (pure: texts in, texts out). */
export function formatWorkspace(ws: Workspace, only?: ReadonlySet<string>): FormattedFile[] {
  const out: FormattedFile[] = [];
  for (const [key, files] of ws.files) {
    const def = ENTITIES[key] as unknown as EntityDef;
    for (const path of files) {
      if (only && !only.has(path)) continue;
      const before = ws.sources.get(path)!;
      const after = isCsvFile(path) ? formatCsvEntity(def, before, ws.config) : formatYamlEntity(def, before, ws.config);
      out.push({ path, before, after });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
