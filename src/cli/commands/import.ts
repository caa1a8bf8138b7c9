import { relative, resolve } from 'node:path';
import { ENTITY_LIST, entityByName } from '../../domain/entities/index.js';
import { Diagnostics } from '../../diagnostics/types.js';
import { applyImport } from '../../import/apply.js';
import { normaliseEncoding } from '../../import/encoding.js';
import { decodeInput } from '../decode.js';
import { EMPTY_MAP, parseImportMap } from '../../import/map.js';
import { importTargets, planImport, type Action, type Mode } from '../../import/plan.js';
import { csvLine } from '../../io/csv.js';
import { writeFileAtomic } from '../../io/write.js';
import { keyOf } from '../../workspace/workspace.js';
import { withRecords } from '../../workspace/with-records.js';
import { rebuildWith } from '../../workspace/rebuild.js';
import type { Register } from '../command.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { writeData } from '../write.js';

const describe = (a: Action) =>
  a.reason ?? (a.changes ? a.changes.map((c) => `${c.field}: ${c.from || '∅'} → ${c.to}`).join('; ') : a.record ? String(a.record.name ?? a.record.title ?? '') : (a.diagnostics ?? []).map((d) => d.message).join('; '));

export const registerImport: Register = (program, wrap) => {
  program
    .command('import')
    .description('import records of an entity from a CSV export (mapping, dedupe, upsert, dry run)')
    .argument('<entity>', `one of: ${ENTITY_LIST.filter((e) => !e.single).map((e) => e.plural).join(', ')}`)
    .argument('<file>', 'CSV file (UTF-8, UTF-8 with BOM, or GBK/GB18030)')
    .option('--map <file>', 'column mapping (YAML): columns, constants, values, dates, numbers')
    .option('--key <fields>', 'fields that identify a record, comma-separated (default: the entity key); phones and e-mails are normalised')
    .option('--mode <mode>', 'create (skip matches), upsert (update matches, create others) or update (only matches)', 'create')
    .option('--dry-run', 'print what would change; write nothing')
    .option('--skip-invalid', 'write the valid rows and a reject file (<file>.rejects.csv) with the reasons')
    .option('--encoding <name>', 'utf8 or gbk/gb18030 (default: detected)')
    .addHelpText('after', '\nNothing is written if any row is invalid (unless --skip-invalid), or if the result would not pass `bizctl check`.\n\nExamples:\n  bizctl import customers crm-export.csv --map map.yaml --key phone,email --mode upsert --dry-run\n  bizctl import deals deals.csv --encoding gbk')
    .action(
      wrap((ctx, entity: string, file: string, opts: { map?: string; key?: string; mode: string; dryRun?: boolean; skipInvalid?: boolean; encoding?: string }) => {
        const def = entityByName(entity);
        if (!def || def.single) throw new UsageError(`cannot import "${entity}"`, `use one of: ${ENTITY_LIST.filter((e) => !e.single).map((e) => e.plural).join(', ')}`);
        if (!['create', 'upsert', 'update'].includes(opts.mode)) throw new UsageError(`--mode must be create, upsert or update, not "${opts.mode}"`);
        const enc = opts.encoding ? normaliseEncoding(opts.encoding) : undefined;
        if (opts.encoding && !enc) throw new UsageError(`unknown --encoding "${opts.encoding}"`, 'use utf8 or gbk');
        const keys = opts.key ? opts.key.split(',').map((k) => k.trim()) : [...def.key];
        for (const k of keys) if (!(k in def.fields)) throw new UsageError(`--key ${k}: ${def.plural} have no field "${k}"`);
        const ws = ctx.workspace();
        const path = resolve(ctx.io.cwd, file);
        const shown = relative(ctx.io.cwd, path) || file;
        const text = decodeInput(ctx, file, shown, enc ?? undefined, 'nothing was imported');
        const diags = new Diagnostics();
        const map = opts.map ? parseImportMap(opts.map, ctx.readInput(opts.map).toString('utf8'), importTargets(def), diags) : EMPTY_MAP;
        if (diags.errorCount) {
          ctx.printDiagnostics(diags.list, null);
          throw new DataError(`the map ${opts.map} has errors; nothing was done`);
        }
        const key = keyOf(def);
        const plan = planImport(ws, { entity: key, file: shown, text, map, keys, mode: opts.mode as Mode, ...(opts.map ? { mapFile: opts.map } : {}) });
        const invalid = plan.actions.filter((a) => a.kind === 'invalid');
        const sources = new Map(ws.sources).set(shown, text);
        ctx.printDiagnostics(invalid.flatMap((a) => a.diagnostics ?? []), { ...ws, sources } as typeof ws);
        ctx.output({
          table: {
            columns: [{ key: 'row', en: 'row', zh: '行' }, { key: 'action', en: 'action', zh: '操作' }, { key: 'id', en: 'id' }, { key: 'details', en: 'details', zh: '说明' }],
            rows: plan.actions.map((a) => [a.rows.join(','), a.kind, a.id, describe(a)]),
          },
          json: plan.actions.map((a) => ({ rows: a.rows, action: a.kind, id: a.id, ...(a.changes ? { changes: a.changes } : {}), ...(a.reason ? { reason: a.reason } : {}), ...(a.diagnostics?.length ? { errors: a.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.col} ${d.message}`) } : {}) })),
        });
        const count = (k: Action['kind']) => plan.actions.filter((a) => a.kind === k);
        const rowsText = (l: Action[]) => (l.length > 10 ? `${l.slice(0, 10).map((a) => a.rows[0]).join(', ')}, … and ${l.length - 10} more` : l.map((a) => a.rows[0]).join(', '));
        const part = (k: Action['kind']) => `${count(k).length} ${k === 'create' ? 'created' : k === 'update' ? 'updated' : k}${count(k).length ? ` (rows ${rowsText(count(k))})` : ''}`;
        const summary = (['create', 'update', 'unchanged', 'skipped', 'invalid'] as const).map(part).join(', ');
        if (plan.ignoredColumns.length) ctx.info(`ignored columns: ${plan.ignoredColumns.join(', ')}`);
        if (invalid.length && !opts.skipInvalid) {
          ctx.info(`${opts.dryRun ? 'dry run: ' : ''}${summary}`);
          throw new DataError(`${invalid.length} invalid row${invalid.length === 1 ? '' : 's'}; nothing was written`, 'fix them, or pass --skip-invalid to write the valid rows and a reject file');
        }
        const writes = applyImport(ws, key, plan.actions);
        const replaced = new Map(plan.actions.filter((a) => a.kind === 'update').map((a) => [a.existing!, a.record as never]));
        const added = plan.actions.filter((a) => a.kind === 'create').map((a) => a.record as never);
        // The journal is checked from its columns, so journal imports are validated by re-reading the written texts.
        const after = key === 'journal' ? rebuildWith(ws, writes) : withRecords(ws, key, replaced, added, new Map([[shown, text]]));
        if (after.diagnostics.errorCount) {
          ctx.printDiagnostics(after.diagnostics.list, after.ws);
          throw new DataError('the imported records would not pass `bizctl check`; nothing was written');
        }
        if (opts.dryRun) {
          ctx.info(`dry run: would write ${[...writes.keys()].join(', ') || 'nothing'}; ${summary}`);
          return EXIT.OK;
        }
        for (const [f, t] of writes) writeData(ws, f, t);
        if (invalid.length) {
          const rejects = `${path}.rejects.csv`;
          const rows = invalid.flatMap((a) => a.rows.map((r) => csvLine([...(plan.rowCells.get(r) ?? []), describe(a)])));
          writeFileAtomic(rejects, [csvLine([...plan.header, 'reason']), ...rows].join('\n') + '\n');
          ctx.info(`rejected rows written to ${relative(ctx.io.cwd, rejects)}`);
        }
        ctx.info(`${summary}${writes.size ? `; wrote ${[...writes.keys()].join(', ')}` : ''}`);
        return EXIT.OK;
      }),
    );
};
