import { Command, CommanderError, Option } from 'commander';
import { Ctx, type GlobalOptions } from './context.js';
import { EXIT, ExitError, localiseExit } from './errors.js';
import { processIO, type CliIO } from './io.js';
import { COMMANDS } from './commands/index.js';
import type { Wrap } from './command.js';

export const VERSION = '0.1.0';

/** Build the command tree. `run` wraps each action with context creation and error mapping. */
export function buildProgram(io: CliIO, exit: { code: number }): Command {
  const program = new Command('bizctl');
  program
    .description('ERP + CRM over a folder of plain YAML/CSV files')
    .version(VERSION, '-V, --version')
    .option('-C, --workspace <dir>', 'workspace folder (default: $BIZCTL_WORKSPACE, else nearest bizctl.yaml upwards)')
    .option('--as-of <date>', 'report date YYYY-MM-DD (default: today)')
    .addOption(new Option('--format <format>', 'output format (ledger export: hledger or ledger)').choices(['table', 'csv', 'tsv', 'json', 'hledger', 'ledger']))
    .option('-o, --output <file>', 'write the report to a file (format from its extension)')
    .addOption(new Option('--color <when>', 'colour').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--lang <lang>', 'language of headers and messages').choices(['en', 'zh-CN']))
    .option('--no-input', 'never prompt (for scripts)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.addHelpText(
    'before',
    `Examples:
  bizctl -C data-examples/furniture --as-of 2026-11-16 check
  bizctl init my-company --template manufacturing
  bizctl ls customers --where city=上海 --format csv
  bizctl show SO-2026-0041
`,
  );
  const run: Wrap = (action) => {
    return async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.optsWithGlobals() as GlobalOptions;
      let ctx: Ctx | null = null;
      let code: unknown;
      try {
        ctx = new Ctx(io, opts, cmd);
        code = await action(ctx, ...args.slice(0, -1));
      } catch (e) {
        const zh = ctx ? ctx.lang === 'zh-CN' : (opts.lang ?? io.env.BIZCTL_LANG) === 'zh-CN';
        throw e instanceof ExitError && e.message && zh ? localiseExit(e) : e;
      }
      exit.code = typeof code === 'number' ? code : EXIT.OK;
    };
  };
  for (const register of COMMANDS) register(program, run);
  // Every command and sub-command (crm pipeline, crm add deal, …) maps commander errors to exit codes.
  const override = (cmd: Command) => {
    for (const c of cmd.commands) {
      c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
      override(c);
    }
  };
  override(program);
  return program;
}

/** Run the CLI; returns the exit code (never calls process.exit). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const exit = { code: EXIT.OK as number };
  try {
    const program = buildProgram(io, exit);
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (e) {
    return handleError(e, io);
  }
}

function handleError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.OK;
    return EXIT.USAGE; // commander already printed the message
  }
  if (e instanceof ExitError) {
    if (e.message) io.stderr.write(`bizctl: ${e.message}\n`);
    if (e.hint) io.stderr.write(`  ${e.hintLabel} ${e.hint}\n`);
    return e.code;
  }
  const err = e as Error;
  io.stderr.write(`bizctl: internal error: ${err?.stack ?? String(e)}\n  hint: this is a bug in bizctl; please report it with the command you ran\n`);
  return EXIT.DATA;
}
