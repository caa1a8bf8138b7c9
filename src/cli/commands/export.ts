import { resolve } from 'node:path';
import { ENTITY_LIST, entityByName } from '../../domain/entities/index.js';
import { writeFileAtomic } from '../../io/write.js';
import { renderJson } from '../../render/json.js';
import { exportCsv } from '../../reports/export.js';
import { recordToPlain } from '../../reports/records.js';
import { keyOf } from '../../workspace/workspace.js';
import type { Register } from '../command.js';
import { formatOfFile, handlesOutput } from '../context.js';
import { UsageError } from '../errors.js';
import { filterRecords, parseWhere } from '../where.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';

export const registerExport: Register = (program, wrap) => {
  handlesOutput(program.command('export'))
    .description('export every record of an entity as CSV (the format bizctl imports back) or JSON')
    .argument('<entity>', `one of: ${ENTITY_LIST.map((e) => e.plural).join(', ')}`)
    .option('--where <cond...>', 'filter: field=value, field!=value, field~text')
    .addHelpText('after', '\nCSV is the default; --format json keeps nested fields (deal history, deductions) that CSV cannot hold.\n\nExamples:\n  bizctl export customers > customers.csv\n  bizctl export invoices --format json -o invoices.json')
    .action(
      wrap((ctx, entity: string, opts: { where?: string[] }) => {
        const def = entityByName(entity);
        if (!def) throw new UsageError(`unknown entity "${entity}"`, `use one of: ${ENTITY_LIST.map((e) => e.plural).join(', ')}`);
        const fmt = ctx.opts.format ?? (ctx.opts.output ? formatOfFile(ctx.opts.output, { '.csv': 'csv', '.json': 'json' }, 'csv') : 'csv');
        if (fmt !== 'csv' && fmt !== 'json') throw new UsageError('export writes --format csv or json');
        const ws = ctx.workspace();
        const recs = filterRecords(def, ws.data[keyOf(def)] as unknown as AnyRecord[], (opts.where ?? []).map((w) => parseWhere(w, def)));
        let text: string;
        if (fmt === 'json') text = renderJson(recs.map((r) => recordToPlain(def.fields, r)));
        else {
          const csv = exportCsv(def, recs);
          if (csv.dropped.length) ctx.info(`note: CSV cannot hold ${csv.dropped.join(', ')}; use --format json to keep ${csv.dropped.length === 1 ? 'it' : 'them'}`);
          text = csv.text;
        }
        if (ctx.opts.output) {
          writeFileAtomic(resolve(ctx.io.cwd, ctx.opts.output), text);
          ctx.info(`wrote ${recs.length} ${def.plural} to ${ctx.opts.output}`);
        } else ctx.io.stdout.write(text);
      }),
    );
};
