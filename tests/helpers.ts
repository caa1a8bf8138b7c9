import { lstatSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  tty?: boolean;
  today?: string;
  /** Scripted answers for interactive prompts (with tty: true). */
  prompter?: import('../src/cli/prompt.js').Prompter;
}

/** Run the CLI in-process with captured streams. */
export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s) => void (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.tty ?? false },
    stdinIsTTY: opts.tty ?? false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    today: () => opts.today ?? '2026-11-16',
    ...(opts.prompter ? { prompter: opts.prompter } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A temporary workspace made of the given files (path → text). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bizctl-test-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Every file under dir (relative path → content), for byte-identical comparisons. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const n of readdirSync(join(dir, rel)).sort()) {
      const p = rel ? `${rel}/${n}` : n;
      const st = lstatSync(join(dir, p));
      if (st.isSymbolicLink()) out[p] = `-> ${readlinkSync(join(dir, p))}`;
      else if (st.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'utf8');
    }
  };
  walk('');
  return out;
}

export const REPO = join(dirname(new URL(import.meta.url).pathname), '..');
