import type { Register } from '../command.js';
import { registerCheck } from './check.js';
import { registerCrm } from './crm.js';
import { registerFmt } from './fmt.js';
import { registerInit } from './init.js';
import { registerLs } from './ls.js';
import { registerShow } from './show.js';

/** Every top-level command, in help order. */
export const COMMANDS: readonly Register[] = [registerInit, registerCheck, registerFmt, registerLs, registerShow, registerCrm];
