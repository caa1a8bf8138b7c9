import { diagnosticToJson } from '../../diagnostics/format.js';
import { localiseDiagnostic } from '../../diagnostics/zh.js';
import { sortDiagnostics } from '../../diagnostics/types.js';
import { loadWorkspace } from '../../workspace/load.js';
import type { Register } from '../command.js';
import { EXIT } from '../errors.js';

export const registerCheck: Register = (program, wrap) => {
  program
    .command('check')
    .description('validate every file of the workspace and report all problems at once')
    .option('--strict', 'treat warnings as errors')
    .addHelpText('after', '\nExit code 1 when any error is found (or any warning with --strict).\n\nExamples:\n  bizctl check\n  bizctl check --strict --format json\n  bizctl check || exit 1                 a pre-commit hook\n')
    .action(
      wrap((ctx, opts: { strict?: boolean }) => {
        const progress = ctx.progress();
        const { ws, diagnostics } = loadWorkspace(ctx.workspaceRoot(), { progress: (stage, done, total) => progress.update(stage === 'read' ? 'reading workspace' : 'checking', done, total) });
        progress.done();
        ctx.noteLocale(ws);
        const list = sortDiagnostics(diagnostics.list);
        const failed = diagnostics.errorCount > 0 || (opts.strict === true && list.length > 0);
        const summary = () => {
          // Sizes of the columns, not data.<entity>: reading it would build every record.
          const records = [...ws.tables.values()].reduce((n, t) => n + t.size, ws.journal.size);
          const files = [...ws.files.values()].reduce((n, l) => n + l.length, 0);
          const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
          ctx.info(
            ctx.lang === 'zh-CN'
              ? `${failed ? '未通过' : '通过'}：${files} 个文件，${records} 条记录，${diagnostics.errorCount} 个错误，${diagnostics.warningCount} 个警告`
              : `${failed ? 'FAILED' : 'ok'}: ${n(files, 'file')}, ${n(records, 'record')}, ${n(diagnostics.errorCount, 'error')}, ${n(diagnostics.warningCount, 'warning')}`,
          );
        };
        if (ctx.format !== 'table') {
          // The diagnostics are the data: JSON with the counts, or one CSV/TSV row each (the summary line on stderr).
          const shown = list.map((d) => diagnosticToJson(ctx.lang === 'zh-CN' ? localiseDiagnostic(d) : d));
          const cols = ['file', 'line', 'col', 'severity', 'code', 'message', 'hint'] as const;
          ctx.output({
            table: { columns: cols.map((k) => ({ key: k, en: k })), rows: shown.map((d) => cols.map((k) => d[k] as string | number | null)) },
            json: { ok: !failed, errors: diagnostics.errorCount, warnings: diagnostics.warningCount, diagnostics: shown },
          });
          if (ctx.format !== 'json') summary();
        } else {
          ctx.printDiagnostics(list, ws);
          summary();
        }
        return failed ? EXIT.DATA : EXIT.OK;
      }),
    );
};
