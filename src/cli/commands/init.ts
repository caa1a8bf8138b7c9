import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Register } from '../command.js';
import { DataError, EXIT, UsageError } from '../errors.js';

export const TEMPLATES = ['crm', 'trading', 'manufacturing'] as const;

/** The templates folder shipped with the package (…/templates beside dist/). */
export function templatesDir(): string {
  return fileURLToPath(new URL('../../../templates/', import.meta.url));
}

export const registerInit: Register = (program, wrap) => {
  program
    .command('init')
    .description('create a small valid workspace for your adoption stage')
    .argument('[dir]', 'folder to create it in', '.')
    .option('-t, --template <name>', `one of ${TEMPLATES.join(', ')}: crm = CRM only; trading = + stock, purchasing, sales, finance; manufacturing = + BOMs, production, payroll`, 'crm')
    .addHelpText('after', '\nExamples:\n  bizctl init my-company --template manufacturing\n  cd my-company && bizctl check')
    .action(
      wrap((ctx, dir: string, opts: { template: string }) => {
        if (!(TEMPLATES as readonly string[]).includes(opts.template)) throw new UsageError(`unknown template "${opts.template}"`, `use one of: ${TEMPLATES.join(', ')}`);
        const target = resolve(ctx.io.cwd, dir);
        if (existsSync(join(target, 'bizctl.yaml'))) throw new DataError(`${target} already holds a workspace (bizctl.yaml exists); nothing was written`, 'choose an empty folder');
        if (existsSync(target) && readdirSync(target).some((n) => !n.startsWith('.'))) throw new DataError(`${target} is not empty; nothing was written`, 'choose a new or empty folder');
        mkdirSync(target, { recursive: true });
        cpSync(join(templatesDir(), opts.template), target, { recursive: true, errorOnExist: true, force: false });
        ctx.info(`created a ${opts.template} workspace in ${target}\nnext: cd ${dir} && bizctl check`);
        return EXIT.OK;
      }),
    );
};
