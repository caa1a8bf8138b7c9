import { join, relative, resolve, sep } from 'node:path';
import { formatWorkspace } from '../../fmt/index.js';
import { writeFileAtomic } from '../../io/write.js';
import type { Register } from '../command.js';
import { DataError, EXIT } from '../errors.js';
import { didYouMean } from '../../util/suggest.js';

export const registerFmt: Register = (program, wrap) => {
  program
    .command('fmt')
    .description('rewrite data files in canonical form (comments kept) for clean git diffs')
    .argument('[files...]', 'only these files (default: every data file)')
    .option('--check', 'write nothing; list files that would change and exit 1 if any')
    .addHelpText(
      'after',
      `
Canonical form: fields in schema order, dates YYYY-MM-DD, decimals without "+" or leading zeros,
money with at least its currency's decimals, true/false, records sorted by id (or date) where
their order carries no meaning, one blank line between YAML records. Comments are kept.
The workspace must load without errors first; nothing is written otherwise.

Examples:
  bizctl fmt
  bizctl fmt crm/customers.yaml inventory/items/finished.yaml
  bizctl fmt --check && bizctl check            a pre-commit hook`,
    )
    .action(
      wrap((ctx, files: string[], opts: { check?: boolean }) => {
        const ws = ctx.workspace({ derived: true });
        let only: Set<string> | undefined;
        if (files.length) {
          only = new Set();
          const known = new Set([...ws.files.values()].flat());
          for (const f of files) {
            const rel = relative(ws.root, resolve(ctx.io.cwd, f)).split(sep).join('/');
            if (!known.has(rel)) {
              // A file the workspace does not have, like an id that is not in the data: exit 1.
              const g = didYouMean(rel, known);
              throw new DataError(`${f} is not a data file of the workspace ${ws.root}`, g ? `did you mean ${g}?` : 'pass paths of workspace data files, or no path to format them all');
            }
            only.add(rel);
          }
        }
        const changed = formatWorkspace(ws, only).filter((f) => f.after !== f.before);
        if (opts.check) {
          for (const f of changed) ctx.io.stdout.write(f.path + '\n');
          if (changed.length) ctx.info(`${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted; run \`bizctl fmt\``);
          return changed.length ? EXIT.DATA : EXIT.OK;
        }
        for (const f of changed) writeFileAtomic(join(ws.root, f.path), f.after);
        ctx.info(changed.length ? `formatted ${changed.length} file${changed.length === 1 ? '' : 's'}: ${changed.map((f) => f.path).join(', ')}` : 'all files already formatted');
        return EXIT.OK;
      }),
    );
};
