/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  readonly stdout: { write(s: string): void; readonly isTTY: boolean };
  readonly stderr: { write(s: string): void; readonly isTTY: boolean };
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Today's date as YYYY-MM-DD: the only place bizctl reads the clock. */
  today(): string;
  /** Scripted answers for interactive prompts (tests); the real inquirer prompts when absent. */
  readonly prompter?: import('./prompt.js').Prompter;
}

export function processIO(): CliIO {
  return {
    stdout: { write: (s) => void process.stdout.write(s), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    today: () => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    },
  };
}
