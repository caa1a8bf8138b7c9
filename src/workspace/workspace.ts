/**
 * The Workspace value: config + typed records of every entity + the source
 * texts (for excerpts). Built purely from a set of file texts, so tests can
 * build one from strings; `load.ts` does the reading.
 */
import { ENTITIES, ENTITY_LIST, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef, RecordOf } from '../domain/entity.js';
import { Diagnostics } from '../diagnostics/types.js';
import { parseYaml } from '../io/yaml.js';
import { CONFIG_FILE } from './discover.js';
import { readConfig, type Config } from './config.js';
import { isCsvFile, parseEntityFile, type AnyRecord, type ParsedFile } from './parse-entity.js';
import { JournalStore } from './journal-store.js';
import { readJournalCsv } from './journal-csv.js';
import { EntityTable } from './table.js';
import { readTableCsv } from './table-csv.js';
import { runChecks } from '../checks/index.js';

export type Data = { readonly [K in EntityKey]: readonly RecordOf<(typeof ENTITIES)[K]>[] };

export interface Workspace {
  readonly root: string;
  readonly config: Config;
  readonly data: Data;
  /** Entities that have at least one file: their modules are switched on. */
  readonly present: ReadonlySet<EntityKey>;
  /** Data files per entity, in load order. */
  readonly files: ReadonlyMap<EntityKey, readonly string[]>;
  /** Records with invalid fields, as far as they were read: their keys count for duplicate and reference checks. */
  readonly rejected: ReadonlyMap<EntityKey, readonly AnyRecord[]>;
  /** Texts of every file read, for excerpts. */
  readonly sources: ReadonlyMap<string, string>;
  /** The journal as columns; `data.journal` (its records) is built from it on first use. */
  readonly journal: JournalStore;
  /** Every other entity as columns; `data.<entity>` (its records) is built from its table on first use. */
  readonly tables: Tables;
  /**
   * Entities with a file that could not be read whole (a YAML or CSV syntax error, a wrong shape, an
   * unreadable file): an id missing from them may be in the unread part, so references to them are
   * not reported as unknown (the file's own error says what to fix).
   */
  readonly incomplete?: ReadonlySet<EntityKey>;
}

/** Diagnostics that mean a file could not be read whole. */
const UNREAD = new Set(['yaml-syntax', 'csv-syntax', 'file-shape', 'bad-encoding', 'io-error']);

/** The table of every entity but the journal. */
export type Tables = ReadonlyMap<Exclude<EntityKey, 'journal'>, EntityTable>;

/** `data`: each entity's records, built from its table (the journal's from its store) on first use. */
export function dataOf(tables: Tables, journal: JournalStore): Data {
  const data = {};
  for (const key of Object.keys(ENTITIES) as EntityKey[]) {
    const get = key === 'journal' ? () => journal.records() : () => tables.get(key)!.records();
    Object.defineProperty(data, key, { enumerable: true, get });
  }
  return data as Data;
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** Entity key, or null for a file bizctl does not know (warned). */
  readonly entity: EntityKey | null;
}

export interface LoadResult {
  readonly ws: Workspace;
  readonly diagnostics: Diagnostics;
}

export function keyOf(def: EntityDef): EntityKey {
  for (const [k, v] of Object.entries(ENTITIES)) if (v === (def as unknown)) return k as EntityKey;
  throw new Error(`entity ${def.name} is not registered`);
}

/**
 * Build a workspace from file texts: parse config, parse each entity file,
 * then run every check. Problems are collected, never thrown.
 */
/** Reports how far a long load has got (bytes of files parsed out of the total, then checks run). */
export type LoadProgress = (stage: 'read' | 'check', done: number, total: number) => void;

export function buildWorkspace(root: string, configText: string | null, files: readonly SourceFile[], opts: { checks?: boolean; progress?: LoadProgress } = {}): LoadResult {
  const diags = new Diagnostics();
  const sources = new Map<string, string>();
  let config: Config;
  if (configText !== null) {
    sources.set(CONFIG_FILE, configText);
    const y = parseYaml(CONFIG_FILE, configText, diags);
    if (y.root && y.root.kind !== 'map') {
      diags.push('file-shape', y.root.loc, `${CONFIG_FILE} must be a mapping of settings`, 'write "key: value" lines at the top level');
      config = readConfig(null, diags, CONFIG_FILE);
    } else config = readConfig(y.root && y.root.kind === 'map' ? y.root : null, diags, CONFIG_FILE);
  } else config = readConfig(null, diags, CONFIG_FILE);

  const fileMap = new Map<EntityKey, string[]>();
  const present = new Set<EntityKey>();
  const rejected = new Map<EntityKey, AnyRecord[]>();
  const incomplete = new Set<EntityKey>();
  const totalBytes = files.reduce((n, f) => n + f.text.length, 0);
  let doneBytes = 0;
  const journal = new JournalStore(config.base_currency);
  const tables = new Map<Exclude<EntityKey, 'journal'>, EntityTable>();
  for (const key of Object.keys(ENTITIES) as EntityKey[]) if (key !== 'journal') tables.set(key, new EntityTable(ENTITIES[key] as unknown as EntityDef));
  for (const f of files) {
    opts.progress?.('read', doneBytes, totalBytes);
    doneBytes += f.text.length;
    sources.set(f.path, f.text);
    if (f.entity === null) {
      diags.push('unknown-file', { file: f.path, line: 1, col: 1 }, `${f.path} is not a file bizctl knows; it is ignored`, `data files go in the places listed in docs/workspace.md, e.g. ${suggestPath(f.path)}`);
      continue;
    }
    const def = ENTITIES[f.entity] as unknown as EntityDef;
    present.add(f.entity);
    let list = fileMap.get(f.entity);
    if (!list) fileMap.set(f.entity, (list = []));
    list.push(f.path);
    const rj: AnyRecord[] = [];
    const partial = (r: AnyRecord) => void rj.push(r);
    const seen = diags.list.length;
    if (f.entity === 'journal') {
      if (isCsvFile(f.path)) readJournalCsv(f.path, f.text, diags, journal, partial);
      else {
        const parsed = parseEntityFile(def, f.path, f.text, diags);
        for (const r of parsed.records) journal.addRecord(r);
        for (const r of parsed.rejected) rj.push(r);
      }
    } else {
      const table = tables.get(f.entity)!;
      if (isCsvFile(f.path) && !def.single) readTableCsv(def, f.path, f.text, diags, table, partial);
      else {
        const parsed: ParsedFile = parseEntityFile(def, f.path, f.text, diags);
        for (const r of parsed.records) table.addRecord(r);
        for (const r of parsed.rejected) rj.push(r);
      }
    }
    for (let k = seen; k < diags.list.length; k++) if (UNREAD.has(diags.list[k]!.code)) incomplete.add(f.entity);
    if (rj.length) {
      const all = rejected.get(f.entity) ?? [];
      for (const r of rj) all.push(r); // not push(...list): a huge list overflows the stack
      rejected.set(f.entity, all);
    }
  }
  const ws: Workspace = { root, config, data: dataOf(tables, journal), present, files: fileMap, rejected, sources, journal, tables, incomplete };
  if (opts.checks !== false) runChecks(ws, diags, opts.progress ? (done, total) => opts.progress!('check', done, total) : undefined);
  return { ws, diagnostics: diags };
}

function suggestPath(path: string): string {
  const dir = path.split('/')[0];
  const inDir = ENTITY_LIST.filter((e) => e.path.startsWith(dir + '/')).map((e) => e.path + '.yaml');
  return inDir.slice(0, 3).join(', ') || 'crm/customers.yaml';
}
