import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

/**
 * A copy of the example company with one planted error of each kind:
 * `check` reports every one at the right file and line, exits 1, and leaves
 * every file byte-identical. Each expected line is found in the edited text.
 */
interface Plant {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** Text on the line the diagnostic must point at. */
  readonly at: string;
  readonly code: string;
}

const PLANTS: Plant[] = [
  { file: 'crm/customers.yaml', from: '- id: C0003\n  name: 南京金陵置业集团有限公司\n  status: active', to: '- id: C0003\n  name: 南京金陵置业集团有限公司\n  statsu: active', at: '  statsu: active', code: 'unknown-field' },
  { file: 'crm/contacts.csv', from: 'P0002,C0001,', to: 'P0002,C9999,', at: 'P0002,C9999,', code: 'unknown-ref' },
  { file: 'hr/attendance/2026-10.csv', from: 'E002,2026-10,18,', to: 'E099,2026-10,18,', at: 'E099,2026-10,18,', code: 'unknown-ref' },
  { file: 'finance/journal/2026-06.yaml', from: '  - account: assets:bank:icbc\n    amount: -3000.00\n', to: '  - account: assets:bank:icbc\n    amount: -2999.00\n', at: '- id: JE-2026-0002', code: 'unbalanced-entry' },
  { file: 'finance/payments.yaml', from: '  - document: INV-2026-0081\n    amount: 34804.00', to: '  - document: INV-2026-0081\n    amount: 94804.00', at: '    amount: 94804.00', code: 'over-allocated' },
  { file: 'crm/campaigns.yaml', from: '  start: 2026-09-08\n  end: 2026-09-11', to: '  start: 2026-09-08\n  end: 2026-09-31', at: '  end: 2026-09-31', code: 'bad-date' },
  { file: 'inventory/boms.yaml', from: '- item: FRAME-LIFT\n  components:\n  - component: LIFT-COL', to: '- item: FRAME-LIFT\n  components:\n  - component: DESK-LIFT-1600\n    qty: 1\n  - component: LIFT-COL', at: '  - component: DESK-LIFT-1600', code: 'bom-cycle' },
];

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`planted text not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

describe('planted errors in a copy of the example company', () => {
  it('are all reported at their file and line, exit 1, nothing changed', async () => {
    const ws = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const expected: string[] = [];
    for (const p of PLANTS) {
      const path = join(ws, p.file);
      const text = readFileSync(path, 'utf8');
      expect(text.includes(p.from)).toBe(true);
      const next = text.replace(p.from, p.to);
      writeFileSync(path, next);
      expected.push(`${p.file}:${lineOf(next, p.at)}:`);
    }
    // plus a syntax error in a CSV and in a YAML file
    const stock = join(ws, 'inventory/stock.csv');
    writeFileSync(stock, readFileSync(stock, 'utf8') + '2026-11-01,DESK-1600,"WH-SH,5\n');
    const stockLine = readFileSync(stock, 'utf8').trimEnd().split('\n').length;
    const loc = join(ws, 'inventory/locations.yaml');
    writeFileSync(loc, readFileSync(loc, 'utf8') + '- id: X\n  name: [unclosed\n');
    const before = snapshotDir(ws);
    const r = await run(['-C', ws, 'check']);
    expect(r.code).toBe(1);
    for (const [i, p] of PLANTS.entries()) {
      const line = r.stderr.split('\n').find((l) => l.startsWith(expected[i]!) && l.includes(`error[${p.code}]`));
      expect(line, `${p.code} at ${expected[i]}`).toBeDefined();
    }
    expect(r.stderr).toMatch(new RegExp(`inventory/stock.csv:${stockLine}:\\d+: error\\[csv-syntax\\]`));
    expect(r.stderr).toMatch(/inventory\/locations\.yaml:\d+:\d+: error\[yaml-syntax\]/);
    expect(snapshotDir(ws)).toEqual(before);
  });
});
