import { ENTITIES, ENTITY_LIST } from '../domain/entities/index.js';
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

/** The entity a data file belongs to: by the files the workspace has, else by its place (a new file). */
function entityOfPath(ws: Workspace, path: string): EntityDef | undefined {
  for (const [key, files] of ws.files) if (files.includes(path)) return ENTITIES[key] as unknown as EntityDef;
  const stem = path.replace(/\.(ya?ml|csv)$/i, '');
  return ENTITY_LIST.find((d) => stem === d.path || stem.startsWith(d.path + '/'));
}

/**
 * The text to write to a data file after bizctl edited it: in canonical form when the file was
 * canonical before (or is new), so bizctl's own writes never make `fmt --check` fail; a file that
 * was not canonical gets just the edit (formatting it would mix unrelated changes into git diff).
 * Formatting keeps comments and changes only what is not canonical, i.e. the edited lines.
 */
export function keepCanonical(ws: Workspace, path: string, after: string): string {
  const def = entityOfPath(ws, path);
  if (!def) return after;
  const format = (t: string) => (isCsvFile(path) ? formatCsvEntity(def, t, ws.config) : formatYamlEntity(def, t, ws.config));
  const before = ws.sources.get(path);
  if (before !== undefined && format(before) !== before) return after;
  return format(after);
}
