import type { Command } from 'commander';
import type { Ctx } from './context.js';

/** A command action: gets the context and commander's positional args/options; returns an exit code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Action = (ctx: Ctx, ...args: any[]) => number | void | Promise<number | void>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wrap = (action: Action) => (...args: any[]) => Promise<void>;
/** Each command file exports one of these. */
export type Register = (program: Command, wrap: Wrap) => void;
