import type { Register } from '../command.js';
import { registerArAp } from './arap.js';
import { registerCheck } from './check.js';
import { registerExport } from './export.js';
import { registerCrm } from './crm.js';
import { registerFmt } from './fmt.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerLedger } from './ledger.js';
import { registerLs } from './ls.js';
import { registerOverview } from './overview.js';
import { registerPayroll } from './payroll.js';
import { registerShow } from './show.js';
import { registerStock } from './stock.js';
import { registerPurchase } from './purchase.js';
import { registerBom } from './bom.js';
import { registerMrp } from './mrp.js';
import { registerOrder } from './order.js';
import { registerSales } from './sales.js';
import { registerReport } from './report.js';

/** Every top-level command, in help order. */
export const COMMANDS: readonly Register[] = [registerInit, registerCheck, registerFmt, registerLs, registerShow, registerLedger, registerArAp, registerExport, registerImport, registerCrm, registerStock, registerPurchase, registerBom, registerMrp, registerOrder, registerSales, registerPayroll, registerReport, registerOverview];
