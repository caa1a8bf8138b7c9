import type { Register } from '../command.js';
import { registerCheck } from './check.js';

/** Every top-level command, in help order. */
export const COMMANDS: readonly Register[] = [registerCheck];
