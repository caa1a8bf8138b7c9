/**
 * Generates docs/workspace.md and docs/diagnostics.md from the schemas, so
 * the documentation lists exactly the fields bizctl reads (a test compares).
 */
import { EXAMPLES } from '../domain/entities/examples.js';
import { ENTITIES, type EntityKey } from '../domain/entities/index.js';
import type { EntityDef, ModuleName } from '../domain/entity.js';
import { DIAGNOSTIC_CODES, DIAG_CODE_LIST } from '../diagnostics/types.js';
import type { Field } from '../schema/fields.js';
import type { FieldMap } from '../schema/record.js';
import { configFields } from '../workspace/config.js';
import { csvColumns } from '../workspace/parse-entity.js';
import { formatDiagnostic } from '../diagnostics/format.js';

const MODULE_TITLES: Record<ModuleName, string> = {
  crm: 'CRM (`crm/`)',
  inventory: 'Inventory (`inventory/`)',
  purchasing: 'Purchasing (`purchasing/`)',
  sales: 'Sales (`sales/`)',
  production: 'Production (`production/`)',
  finance: 'Finance (`finance/`)',
  hr: 'HR and payroll (`hr/`)',
};

function typeText(f: Field): string {
  switch (f.kind) {
    case 'enum':
      return (f.values ?? []).join(' \\| ');
    case 'ref':
      return `→ ${f.refTo}${f.soft ? ' (checked when present)' : ''}`;
    case 'list': {
      const inner = f.inner as Field;
      return `list of ${typeText(inner)}`;
    }
    case 'records':
      return 'list of lines (below)';
    case 'object':
      return 'mapping (below)';
    case 'decmap':
      return 'mapping name → number';
    case 'money':
      return 'money (≤ currency decimals)';
    case 'rate':
      return 'rate (0.13 or 13%)';
    case 'datetime':
      return 'date-time YYYY-MM-DD HH:MM';
    case 'date':
      return 'date YYYY-MM-DD';
    case 'amount':
      return 'amount [commodity]';
    case 'any':
      return 'structured (see module docs)';
    case 'formula':
      return 'formula (docs/payroll.md)';
    default:
      return f.kind;
  }
}

function defaultText(f: Field): string {
  const d = f.dflt as unknown;
  if (d === undefined) return '';
  if (Array.isArray(d)) return d.join(', ');
  return String(d);
}

function fieldTable(fields: FieldMap): string[] {
  const rows = ['| field | type | required | default | meaning |', '|---|---|---|---|---|'];
  for (const [name, f] of Object.entries(fields)) {
    const range = f.min || f.max ? ` ${f.min ? `≥ ${f.min.toString()}` : ''}${f.min && f.max ? ', ' : ''}${f.max ? `≤ ${f.max.toString()}` : ''}` : '';
    rows.push(`| \`${name}\` | ${typeText(f)}${range} | ${f.req ? 'yes' : ''} | ${defaultText(f)} | ${f.description.replace(/\|/g, '\\|')} |`);
  }
  return rows;
}

function entitySection(key: EntityKey, def: EntityDef): string[] {
  const out: string[] = [];
  out.push(`### ${def.plural}`, '');
  out.push(def.description, '');
  const where = def.single ? `\`${def.path}.yaml\`` : `\`${def.path}.yaml\` or \`${def.path}.csv\`, or any number of such files in the folder \`${def.path}/\``;
  out.push(`- **Files:** ${where}`);
  if (def.derived) out.push('- **Derived:** written by bizctl, read by no engine; only `check`, `fmt`, `ls` and `show` load it, so a large file does not slow other commands down.');
  if (def.key.length) out.push(`- **Key:** ${def.key.map((k) => `\`${k}\``).join(' + ')} (unique)`);
  if (def.sort) out.push(`- **\`fmt\` order:** by ${def.sort.map((k) => `\`${k}\``).join(', ')}`);
  else if (!def.single) out.push('- **`fmt` order:** as written (order carries meaning)');
  if (def.lines) {
    const cols = csvColumns(def);
    out.push(`- **CSV:** one row per ${def.lines.field.replace(/s$/, '')}; consecutive rows with the same \`${def.key[0]}\` form one ${def.name}; header columns (${cols.header.map((c) => `\`${c}\``).join(', ')}) may be left empty on continuation rows. Line columns: ${cols.line.map((c) => (cols.lineField.get(c) === c ? `\`${c}\`` : `\`${c}\` (the ${def.lines!.field.replace(/s$/, '')}'s \`${cols.lineField.get(c)}\`)`)).join(', ')}${def.fields[def.lines.field]!.req ? '' : `; a row whose line columns are all empty adds no ${def.lines.field.replace(/s$/, '')} (a ${def.name} may have none)`}.`);
  } else if (!def.single) {
    const nonCsv = Object.entries(def.fields).filter(([, f]) => !f.csv).map(([n]) => `\`${n}\``);
    out.push(`- **CSV:** one row per record; header = field names${nonCsv.length ? `; ${nonCsv.join(', ')} need YAML` : ''}.`);
  }
  out.push('', ...fieldTable(def.fields), '');
  // nested lists and mappings, at any depth (payroll rules: versions → components)
  const nested = (fields: FieldMap, prefix: string) => {
    for (const [name, f] of Object.entries(fields)) {
      if ((f.kind === 'records' || f.kind === 'object') && f.inner) {
        const path = prefix ? `${prefix}.${name}` : name;
        out.push(`Fields of each entry of \`${path}\`:`, '', ...fieldTable(f.inner as FieldMap), '');
        nested(f.inner as FieldMap, path);
      }
    }
  };
  nested(def.fields, '');
  const ex = EXAMPLES[key];
  out.push(`Example (\`${ex.file}\`):`, '', '```' + (ex.file.endsWith('.csv') ? 'csv' : 'yaml'), ex.text.trimEnd(), '```', '');
  return out;
}

export function workspaceDoc(): string {
  const out: string[] = [];
  out.push('# Workspace reference', '');
  out.push('<!-- Generated from the schemas by `npm run docs`; tests fail when it is out of date. Edit src/docs/workspace-doc.ts or the schemas, not this file. -->', '');
  out.push(
    'A bizctl workspace is a folder with a `bizctl.yaml` at its root and data files in module folders.',
    'Every module is optional: **a workspace with only `crm/` files is complete and valid**, and a module switches on as soon as one of its files appears.',
    'References to a module that is absent are not checked (they are marked "checked when present" below); all others are.',
    '',
    '```',
    'bizctl.yaml                 company, currency, calendar, aging buckets, CRM stages, SLA, finance accounts',
    'crm/        customers, contacts, deals, activities, campaigns, tickets',
    'inventory/  items, boms, locations, stock (snapshot), moves',
    'purchasing/ suppliers, purchase-orders',
    'sales/      sales-orders, forecast',
    'production/ work-orders, planned-orders (written by `bizctl mrp run --write`)',
    'finance/    accounts, journal/, assertions, prices, invoices, bills, payments, credit-notes',
    'hr/         employees, attendance/, payroll.yaml',
    '```',
    '',
    '## General rules',
    '',
    '- **YAML or CSV.** Each entity may be one YAML file (a list of records), one CSV file (a header row of field names, then one row per record), or a folder of such files in any mix, e.g. `finance/journal/2026-10.yaml`. Files load in path order.',
    '- **Text only.** bizctl reads YAML with the failsafe schema: every value is text until the field says what it is. `1234.50` stays exactly 1234.50; it never becomes a float.',
    '- **Dates** are `YYYY-MM-DD` (`2026/1/3` is read too and `bizctl fmt` rewrites it); date-times are `YYYY-MM-DD HH:MM`.',
    '- **Money and quantities** are exact decimals written plainly (`1234.50`, `-3`, `0.5`): no thousands separators, no currency signs. Money may not have more decimals than its currency (CNY 2, JPY 0). Rates are `0.13` or `13%`.',
    '- **Lists** are YAML lists; in CSV, items separated by `;`.',
    '- **Ids** have no spaces, commas or semicolons (`C0012`, `SO-2026-0041`, `DESK-1600`). Account names are colon-separated (`assets:bank:icbc`).',
    '- **Empty** CSV cells and YAML `~`/`null`/empty values mean "not given"; the default applies.',
    '- **Unknown fields are errors**, with a "did you mean" for typos, so misspelt data is never silently ignored.',
    '- **Comments** (`# …`) are kept by every command that writes YAML; `bizctl fmt` keeps them attached to their record.',
    '',
    '## bizctl.yaml',
    '',
    'Every key is optional and has a default. `bizctl check` validates it like any data file.',
    '',
    ...fieldTable(configFields),
    '',
  );
  for (const [name, f] of Object.entries(configFields)) {
    if ((f.kind === 'records' || f.kind === 'object') && f.inner) out.push(`\`${name}:\``, '', ...fieldTable(f.inner as FieldMap), '');
  }
  out.push(
    'Defaults: base currency CNY; workdays Monday–Friday, business hours 09:00–18:00; aging buckets 30, 60, 90, 120 days by due date;',
    'CRM stages lead (10%, at risk after 14 days without activity), qualified (25%, 14), proposal (50%, 10), negotiation (75%, 7), won, lost;',
    'SLA urgent 1h/8h, high 4h/24h, normal 8h/72h, low 24h/7d (first response/resolution);',
    'finance accounts assets:receivable, liabilities:payable, income:sales, expenses:purchases, liabilities:tax:vat-output, assets:tax:vat-input, assets:bank, equity:retained-earnings.',
    '',
    '```yaml',
    'company:',
    '  name: 上海明达办公家具有限公司',
    '  name_en: Shanghai Mingda Office Furniture Co., Ltd.',
    'base_currency: CNY',
    'calendar:',
    '  workdays: [mon, tue, wed, thu, fri]',
    '  holidays: [2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07]',
    '  extra_workdays: [2026-09-27, 2026-10-10]   # adjusted working weekends (调休)',
    'aging:',
    '  basis: due',
    '  buckets: [30, 60, 90, 120]',
    'crm:',
    '  stages:',
    '    - { id: lead, name: Lead, name_zh: 线索, probability: 10%, rot_days: 14 }',
    '    - { id: proposal, name: Proposal, name_zh: 方案报价, probability: 50%, rot_days: 10 }',
    '    - { id: won, kind: won }',
    '    - { id: lost, kind: lost }',
    'sla:',
    '  clock: business',
    '  priorities:',
    '    high: { first_response: 4h, resolution: 2d }',
    '    normal: { first_response: 1d, resolution: 5d }',
    'finance:',
    '  bank: assets:bank:icbc',
    '```',
    '',
  );
  const byModule = new Map<ModuleName, EntityKey[]>();
  for (const key of Object.keys(ENTITIES) as EntityKey[]) {
    const def = ENTITIES[key] as unknown as EntityDef;
    const l = byModule.get(def.module) ?? [];
    l.push(key);
    byModule.set(def.module, l);
  }
  for (const [mod, keys] of byModule) {
    out.push(`## ${MODULE_TITLES[mod]}`, '');
    for (const k of keys) out.push(...entitySection(k, ENTITIES[k] as unknown as EntityDef));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function diagnosticsDoc(): string {
  const out = [
    '# Diagnostics',
    '',
    '<!-- Generated by `npm run docs` from src/diagnostics/types.ts. -->',
    '',
    '`bizctl check` (and every command, before it does anything) reports every problem it finds, sorted by file and line:',
    '',
    '```',
    'crm/customers.yaml:3:3: error[unknown-field]: unknown field "phne" in customer C0001',
    '  |',
    '3 |   phne: "13800000000"',
    '  |   ^',
    '  hint: did you mean "phone"?',
    '```',
    '',
    'Errors make the command exit 1 and nothing is written; warnings do not fail (`check --strict` fails on them too). Every command loads and checks the',
    'workspace first: with errors it prints them all and stops; with warnings only, other commands than `check` print one line (`note: 1 warning in the',
    'workspace (`bizctl check` lists it)`), so reports and cron jobs do not repeat them every time.',
    '`bizctl check --format json` prints `{ok, errors, warnings, diagnostics: [{file, line, col, severity, code, message, hint, related}]}` for editors and CI.',
    '`--format csv` (or `tsv`) prints one row per diagnostic with the columns `file,line,col,severity,code,message,hint`',
    '(empty cells where a diagnostic has no position or hint; `related` notes are JSON only), and the summary line on stderr;',
    '`-o FILE` writes either form to a file. The exit code is the same in every format.',
    'Each code has a minimal reproducer with its exact expected output in `tests/errors/<code>/`.',
    '',
    'One mistake gives one diagnostic: an unterminated CSV quote or an unclosed YAML `[`/`{` is reported where it opens, and the rest of that file is not read',
    '(what it would say is noise); references into a file that could not be read whole are not reported as unknown; a record with an invalid field still',
    'exists for the records that refer to it; a value is quoted in a message up to 40 characters, on one line.',
    '',
    '**In Chinese.** With `--lang zh-CN` (or `BIZCTL_LANG=zh-CN`, or `locale: zh-CN` in bizctl.yaml, which counts even when the workspace has errors)',
    'labels, messages, hints and notes are Chinese; codes, positions, field names, ids and values stay as written, so tools, scripts and searches keep working,',
    'and `check --format json` carries the Chinese texts under the same keys. The texts come from a catalogue of message shapes (`src/diagnostics/zh.ts`)',
    'applied where diagnostics are shown; a message that no shape knows stays English (a test requires every reproducer in `tests/errors/` to come out in',
    'Chinese). Messages of commands that stop (`bizctl: …`) follow the same rule. The example above:',
    '',
    '```',
    ...formatDiagnostic(
      { code: 'unknown-field', severity: 'error', loc: { file: 'crm/customers.yaml', line: 3, col: 3 }, message: 'unknown field "phne" in customer C0001', hint: 'did you mean "phone"?' },
      { zh: true, sources: () => '- id: C0001\n  name: 甲\n  phne: "13800000000"\n' },
    ).split('\n'),
    '```',
    '',
    '| code | severity | meaning |',
    '|---|---|---|',
    ...DIAG_CODE_LIST.map((c) => `| \`${c}\` | ${DIAGNOSTIC_CODES[c][0]} | ${DIAGNOSTIC_CODES[c][1]} |`),
    '',
  ];
  return out.join('\n');
}
