import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { extname, resolve } from 'node:path';
import { parseDate, type IsoDate } from '../domain/dates.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import { writeFileAtomic } from '../io/write.js';
import { render, type Rendered } from '../render/index.js';
import { FORMATS, type Format, type Lang } from '../render/model.js';
import { discoverWorkspace } from '../workspace/discover.js';
import { loadWorkspace } from '../workspace/load.js';
import type { Workspace } from '../workspace/workspace.js';
import { DataError, UsageError } from './errors.js';
import { Progress } from './progress.js';
import type { CliIO } from './io.js';

/** Journal text formats, accepted only by `ledger export`. */
export const JOURNAL_FORMATS: readonly string[] = ['hledger', 'ledger'];

/** What `-o FILE` writes by its extension (a file without an extension gets the table). */
export const OUTPUT_EXTENSIONS: Readonly<Record<string, Format>> = { '.txt': 'table', '.csv': 'csv', '.tsv': 'tsv', '.json': 'json' };

/**
 * The format of an output file from its extension, among `allowed` (`noExtension` for a name without
 * one). Any other extension is a usage error listing the known ones: -o p.xlsx must not quietly get
 * a text table under an Excel name.
 */
export function formatOfFile<F extends string>(file: string, allowed: Readonly<Record<string, F>>, noExtension?: F): F {
  const ext = extname(file).toLowerCase();
  const f = ext === '' ? noExtension : allowed[ext];
  if (f !== undefined) return f;
  const list = Object.entries(allowed).map(([e, k]) => (e === `.${k}` ? e : `${e} (${k})`));
  throw new UsageError(`-o ${file}: cannot write ${ext ? `a ${ext} file` : 'a file without an extension'}`, `use ${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}, or give --format`);
}

const OWN_OUTPUT = new WeakSet<object>();

/** Mark a command that handles -o itself with its own formats (export, ledger export, ledger print): the generic check of the extension is left to it. */
export function handlesOutput<T extends object>(cmd: T): T {
  OWN_OUTPUT.add(cmd);
  return cmd;
}

export interface GlobalOptions {
  workspace?: string;
  asOf?: string;
  format?: string;
  output?: string;
  color?: string;
  lang?: string;
  input?: boolean;
}

/** What every command gets: parsed global options, IO, and helpers for the common steps. */
export class Ctx {
  readonly asOf: IsoDate;
  readonly color: boolean;
  readonly colorErr: boolean;
  /** Box-drawn tables only on a terminal. */
  readonly boxed: boolean;
  private ws: Workspace | null = null;

  /** An input file named on the command line (relative to the current folder): its bytes, or exit 1 saying why it cannot be read. */
  readInput(file: string): Buffer {
    const path = resolve(this.io.cwd, file);
    try {
      return readFileSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      throw new DataError(`cannot read ${file}: ${why}`, 'check the path (relative to the current folder)');
    }
  }

  constructor(
    readonly io: CliIO,
    readonly opts: GlobalOptions,
    command?: object,
  ) {
    const asOf = opts.asOf ?? io.today();
    const d = parseDate(asOf);
    if (!d) throw new UsageError(`--as-of "${asOf}" is not a date`, 'write it as YYYY-MM-DD, e.g. --as-of 2026-10-31');
    this.asOf = d;
    // --color always forces colour (piped, -o FILE, NO_COLOR or TERM=dumb: like git); NO_COLOR and TERM=dumb only turn off auto.
    const when = opts.color ?? 'auto';
    if (!['auto', 'always', 'never'].includes(when)) throw new UsageError(`--color must be auto, always or never, not "${when}"`);
    const noColor = (io.env.NO_COLOR ?? '') !== '' || io.env.TERM === 'dumb';
    this.color = when === 'always' || (when === 'auto' && io.stdout.isTTY && !noColor && !opts.output);
    this.boxed = io.stdout.isTTY && !opts.output && io.env.TERM !== 'dumb';
    this.colorErr = when === 'always' || (when === 'auto' && io.stderr.isTTY && !noColor);
    if (opts.lang !== undefined && opts.lang !== 'en' && opts.lang !== 'zh-CN') throw new UsageError(`--lang must be en or zh-CN, not "${opts.lang}"`);
    if (opts.format !== undefined && !FORMATS.includes(opts.format as Format) && !JOURNAL_FORMATS.includes(opts.format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${opts.format}"`);
    }
    // Checked before the command runs, so a command that writes data does not stop after writing it.
    if (opts.output !== undefined && opts.format === undefined && !(command && OWN_OUTPUT.has(command))) formatOfFile(opts.output, OUTPUT_EXTENSIONS, 'table');
  }

  get lang(): Lang {
    if (this.opts.lang) return this.opts.lang as Lang;
    const env = this.io.env.BIZCTL_LANG;
    if (env === 'en' || env === 'zh-CN') return env;
    return this.ws?.config.locale ?? this.locale ?? 'en';
  }

  /** The locale of a workspace that was read (even one with errors), for the language of messages. */
  private locale: Lang | undefined;
  noteLocale(ws: Workspace | null): void {
    if (ws) this.locale = ws.config.locale;
  }

  /** --format, else the -o file's extension, else table. */
  get format(): Format {
    if (this.opts.format && JOURNAL_FORMATS.includes(this.opts.format)) {
      throw new UsageError(`--format ${this.opts.format} is only for \`bizctl ledger export\``, `reports take ${FORMATS.join(', ')}`);
    }
    if (this.opts.format) return this.opts.format as Format;
    return this.opts.output ? formatOfFile(this.opts.output, OUTPUT_EXTENSIONS, 'table') : 'table';
  }

  /** Interactive prompts are allowed only with TTYs on both ends and without --no-input. */
  get interactive(): boolean {
    return this.opts.input !== false && this.io.stdinIsTTY && this.io.stdout.isTTY;
  }

  workspaceRoot(): string {
    const found = discoverWorkspace({ flag: this.opts.workspace, env: this.io.env.BIZCTL_WORKSPACE, cwd: this.io.cwd });
    if (!found.ok) throw new DataError(found.message, found.hint);
    return found.root;
  }

  /**
   * Load and check the workspace; print warnings; stop with exit 1 on errors. Derived files
   * (e.g. MRP's planned orders) are left out unless `derived` is asked for.
   */
  workspace(opts: { derived?: boolean } = {}): Workspace {
    if (this.ws) return this.ws;
    const progress = this.progress();
    const { ws, diagnostics } = loadWorkspace(this.workspaceRoot(), { derived: opts.derived === true, progress: (stage, done, total) => progress.update(stage === 'read' ? 'reading workspace' : 'checking', done, total) });
    progress.done();
    const errors = diagnostics.errorCount;
    this.noteLocale(ws);
    this.printLoadDiagnostics(diagnostics.list, ws);
    if (errors > 0) throw new DataError(`${errors} error${errors === 1 ? '' : 's'} in the workspace; nothing was done`, 'fix them and run again (`bizctl check` lists them all)');
    this.ws = ws;
    return ws;
  }

  /**
   * What loading found, before a command runs: with errors, every diagnostic (the command stops);
   * with warnings only, one line saying how many (a report or a cron job is not the place to
   * repeat them each time; `bizctl check` lists them).
   */
  printLoadDiagnostics(list: readonly Diagnostic[], ws: Workspace | null): void {
    if (list.some((d) => d.severity === 'error')) return this.printDiagnostics(list, ws);
    const n = list.length;
    if (n === 0) return;
    this.info(this.lang === 'zh-CN' ? `注意：工作区有 ${n} 个警告（\`bizctl check\` 会列出）` : `note: ${n} warning${n === 1 ? '' : 's'} in the workspace (\`bizctl check\` lists ${n === 1 ? 'it' : 'them'})`);
  }

  printDiagnostics(list: readonly Diagnostic[], ws: Workspace | null): void {
    const c = new Chalk({ level: this.colorErr ? 1 : 0 });
    const paint = { error: (s: string) => c.red.bold(s), warning: (s: string) => c.yellow.bold(s), dim: (s: string) => c.blue(s) };
    for (const d of sortDiagnostics(list)) {
      this.io.stderr.write(formatDiagnostic(d, { sources: (f) => ws?.sources.get(f), paint, zh: this.lang === 'zh-CN' }) + '\n');
    }
  }

  /** Render a report to stdout (or -o FILE, atomically). `defaultFormat` replaces table when neither --format nor -o says. */
  output(r: Rendered, opts: { defaultFormat?: Format } = {}): void {
    const format = opts.defaultFormat && !this.opts.format && !this.opts.output ? opts.defaultFormat : this.format;
    // A Chalk of our own: the default instance looks at process.stdout and stays colourless when piped, even with --color always.
    const c = new Chalk({ level: this.color ? 1 : 0 });
    const text = render(r, { format, lang: this.lang, boxed: this.boxed, bold: (s) => c.bold(s) });
    if (this.opts.output) {
      writeFileAtomic(resolve(this.io.cwd, this.opts.output), text);
      this.info(`wrote ${this.opts.output}`);
    } else this.io.stdout.write(text);
  }

  /** A progress line for long work: shown on a terminal after a second, never when stderr is piped. */
  progress(): Progress {
    return new Progress((s) => this.io.stderr.write(s), this.io.stderr.isTTY && this.io.env.TERM !== 'dumb');
  }

  /** A message for the user (stderr, never mixed with data). */
  info(msg: string): void {
    this.io.stderr.write(msg + '\n');
  }
}
