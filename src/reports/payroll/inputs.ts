/**
 * Workspace → payroll engine inputs, and the run itself with input problems
 * turned into one error type the command reports. The only place the payroll
 * module looks at the workspace.
 */
import { WorkCalendar } from '../../domain/calendar.js';
import { Diagnostics, type SourceLoc } from '../../diagnostics/types.js';
import type { SalesSource } from '../../engines/payroll/commission.js';
import { PayrollError } from '../../engines/payroll/compute.js';
import { compileRules, type CompiledRules, type RuleVersion } from '../../engines/payroll/rules.js';
import { forEachPayrollMonth, PayrollInputError, runPayrollMonths, versionFor, type PayrollData, type PayrollRun, type PayrollSink } from '../../engines/payroll/run.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';

/** Why a payroll cannot be computed; `loc` when a rule is at fault. */
export class PayrollStop extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly loc?: SourceLoc | null,
  ) {
    super(message);
  }
}

export function payrollRules(ws: Workspace): CompiledRules {
  const rec = ws.data['payroll-rules'][0];
  if (!rec) throw new PayrollStop('this workspace has no payroll rules (hr/payroll.yaml)', 'copy the China preset: bizctl init --template manufacturing DIR, then take DIR/hr/payroll.yaml (docs/payroll.md)');
  const d = new Diagnostics();
  const rules = compileRules(rec, { minor: minorUnit(ws.config, ws.config.base_currency), rounding: ws.config.rounding, sourceOf: (f) => ws.sources.get(f) }, d);
  // `check` reports these; a loaded workspace has none, so this is only a guard.
  if (!rules) throw new PayrollStop(`hr/payroll.yaml has ${d.errorCount} error(s)`, 'run bizctl check');
  return rules;
}

export function payrollData(ws: Workspace): PayrollData {
  const cfg = ws.config;
  const minor = minorUnit(cfg, cfg.base_currency);
  const customers = new Map<string, { owner?: string; currency?: string }>();
  for (const c of ws.data.customers) customers.set(c.id, { ...(c.owner ? { owner: c.owner } : {}), ...(c.currency ? { currency: c.currency } : {}) });
  const itemPrices = new Map<string, import('../../domain/decimal.js').Dec>();
  for (const it of ws.data.items) if (it.price) itemPrices.set(it.id, it.price);
  const sales: SalesSource = {
    invoices: ws.data.invoices,
    creditNotes: ws.data['credit-notes'],
    deals: ws.data.deals,
    customers,
    itemPrices,
    wonStages: new Set(cfg.crm.stages.filter((s) => s.kind === 'won').map((s) => s.id)),
    baseCurrency: cfg.base_currency,
    minor,
    rounding: cfg.rounding,
  };
  return {
    employees: ws.data.employees,
    attendance: ws.data.attendance,
    payItems: ws.data['pay-items'],
    openings: ws.data['payroll-ytd'],
    sales,
    calendar: new WorkCalendar(cfg.calendar),
    minor,
    rounding: cfg.rounding,
    sourceOf: (f) => ws.sources.get(f),
  };
}

/** "YYYY-MM" → canonical month, or null. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}

/**
 * Run the payroll of some months of one year; input problems become
 * PayrollStop. With a sink, each employee-month is handed over when done and
 * nothing is returned (a year of a big company is not held in memory at once).
 */
export function computePayroll(ws: Workspace, months: readonly string[], sink?: PayrollSink): PayrollRun[] {
  const rules = payrollRules(ws);
  try {
    if (!sink) return runPayrollMonths(rules, payrollData(ws), months);
    forEachPayrollMonth(rules, payrollData(ws), months, sink);
    return [];
  } catch (e) {
    if (e instanceof PayrollInputError) throw new PayrollStop(e.message, e.hint);
    if (e instanceof PayrollError) throw new PayrollStop(e.message, e.hint, e.loc);
    throw e;
  }
}

/** The rule versions in force in these months (for the columns of a year register). */
export function versionsFor(ws: Workspace, months: readonly string[]): RuleVersion[] {
  const rules = payrollRules(ws);
  try {
    return [...new Set(months.map((m) => versionFor(rules, m)))];
  } catch (e) {
    if (e instanceof PayrollInputError) throw new PayrollStop(e.message, e.hint);
    throw e;
  }
}
