import type { Diagnostics } from '../diagnostics/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { accounts } from './accounts.js';
import { allocations } from './allocations.js';
import { balanceAssertions } from './balance-assertions.js';
import { bomCycles } from './bom-cycles.js';
import type { Check } from './check.js';
import { configValues } from './config-values.js';
import { dateOrder } from './date-order.js';
import { duplicateIds } from './duplicates.js';
import { duplicateCustomers } from './duplicate-customers.js';
import { journalBalance } from './journal-balance.js';
import { payroll } from './payroll.js';
import { precision } from './precision.js';
import { references } from './references.js';

/** Every validation, run in this order after loading. Each is one small file. */
export const CHECKS: readonly Check[] = [duplicateIds, references, configValues, precision, dateOrder, bomCycles, journalBalance, allocations, accounts, balanceAssertions, duplicateCustomers, payroll];

export function runChecks(ws: Workspace, d: Diagnostics, progress?: (done: number, total: number) => void): void {
  CHECKS.forEach((c, i) => {
    progress?.(i, CHECKS.length);
    c.run(ws, d);
  });
}
