import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_LIST } from '../domain/entities/index.js';
import type { EntityDef } from '../domain/entity.js';
import type { Diagnostics } from '../diagnostics/types.js';
import { CONFIG_FILE } from './discover.js';

export interface WorkspaceFile {
  /** Relative path with "/" separators. */
  readonly path: string;
  readonly entity: EntityDef | null;
}

const DATA_EXT = /\.(ya?ml|csv)$/i;
export const MODULE_DIRS = ['crm', 'inventory', 'purchasing', 'sales', 'production', 'finance', 'hr'];

/**
 * The data files of a workspace: for each entity `path.yaml|yml|csv` and any
 * such file under the folder `path/` (recursively), sorted by path. Other data
 * files inside module folders are returned with entity null (reported as unknown).
 */
export function listWorkspaceFiles(root: string): WorkspaceFile[] {
  const claimed = new Map<string, EntityDef>();
  for (const def of ENTITY_LIST) {
    for (const ext of ['.yaml', '.yml', '.csv']) {
      const p = def.path + ext;
      if (isFile(join(root, p))) claimed.set(p, def);
    }
    const dir = join(root, def.path);
    if (isDir(dir)) for (const p of walk(root, def.path)) if (DATA_EXT.test(p)) claimed.set(p, def);
  }
  const out: WorkspaceFile[] = [...claimed].map(([path, entity]) => ({ path, entity }));
  for (const m of MODULE_DIRS) {
    if (!isDir(join(root, m))) continue;
    for (const p of walk(root, m)) if (DATA_EXT.test(p) && !claimed.has(p)) out.push({ path: p, entity: null });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(root: string, rel: string): string[] {
  const out: string[] = [];
  const names = readdirSync(join(root, rel)).sort();
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const p = `${rel}/${n}`;
    const abs = join(root, p);
    if (isDir(abs)) out.push(...walk(root, p));
    else out.push(p);
  }
  return out;
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}
function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Read a text file as UTF-8; report unreadable files. */
export function readText(root: string, rel: string, diags: Diagnostics): string | null {
  try {
    const buf = readFileSync(join(root, rel));
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    const bad = text.indexOf('\ufffd');
    if (bad >= 0 && !buf.includes(Buffer.from('\ufffd', 'utf8'))) {
      const before = text.slice(0, bad);
      const line = before.split('\n').length;
      const col = bad - before.lastIndexOf('\n');
      diags.push('bad-encoding', { file: rel, line, col }, `${rel} is not valid UTF-8`, 'save it as UTF-8 (Excel: "CSV UTF-8"), or convert it: iconv -f GBK -t UTF-8; `bizctl import --encoding gbk` reads GBK exports');
      return null;
    }
    return text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'it does not exist (a broken link?)' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : `system error ${code}`;
    diags.push('io-error', { file: rel, line: 1, col: 1 }, `cannot read ${rel}: ${why}`, 'check that the file exists and is readable, or remove it');
    return null;
  }
}

export { CONFIG_FILE };
