import type { Register } from '../command.js';
import { registerCheck } from './check.js';
import { registerFmt } from './fmt.js';
import { registerInit } from './init.js';
import { registerLs } from './ls.js';
import { registerShow } from './show.js';
import { registerStock } from './stock.js';
import { registerPurchase } from './purchase.js';
import { registerBom } from './bom.js';
import { registerMrp } from './mrp.js';

/** Every top-level command, in help order. */
export const COMMANDS: readonly Register[] = [registerInit, registerCheck, registerFmt, registerLs, registerShow, registerStock, registerPurchase, registerBom, registerMrp];
