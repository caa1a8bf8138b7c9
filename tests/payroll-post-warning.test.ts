import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers.js';

describe('payroll post: payroll cost already booked by hand in the month', () => {
  it('warns with the entry and the accounts (an accrual), not for paying last month (no expense posting)', async () => {
    const r = await run(['-C', join(REPO, 'data-examples', 'furniture'), '--as-of', '2026-11-16', 'payroll', 'post', '--period', '2026-10', '--dry-run']);
    expect(r.code).toBe(0);
    // finance/journal/2026-10.yaml: JE-2026-0067 (line 155) accrues October's salaries, social insurance and housing fund;
    // JE-2026-0058 and JE-2026-0059 pay September's (liabilities and bank only): no warning for them.
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([
      'warning: journal entry JE-2026-0067 (2026-10-31, finance/journal/2026-10.yaml:155) already books payroll cost in 2026-10 (expenses:salaries, expenses:social-insurance, expenses:housing-fund); with PAYROLL-2026-10 it is booked twice unless one of them is removed or reversed',
    ]);
  });
});
