/**
 * Interactive prompts (inquirer), behind a small interface so commands can be
 * tested with scripted answers. Prompts are used only when stdin and stdout are
 * TTYs and --no-input was not given (Ctx.interactive).
 */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface Prompter {
  input(q: { message: string; default?: string; required?: boolean; validate?: (v: string) => true | string }): Promise<string>;
  select(q: { message: string; choices: readonly Choice[]; default?: string }): Promise<string>;
}

/** The real prompter; @inquirer/prompts is loaded only when a prompt is needed. */
export async function inquirerPrompter(): Promise<Prompter> {
  const inq = await import('@inquirer/prompts');
  return {
    input: (q) =>
      inq.input({
        message: q.message,
        ...(q.default !== undefined ? { default: q.default } : {}),
        ...(q.required ? { required: true } : {}),
        ...(q.validate ? { validate: q.validate } : {}),
      }),
    select: (q) => inq.select({ message: q.message, choices: q.choices.map((c) => ({ name: c.name, value: c.value })), ...(q.default !== undefined ? { default: q.default } : {}) }),
  };
}
