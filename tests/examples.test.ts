import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../src/domain/entities/examples.js';
import { ENTITIES } from '../src/domain/entities/index.js';
import { run, workspace } from './helpers.js';

describe('documentation examples', () => {
  it('cover every entity and together form a valid workspace', async () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(ENTITIES).sort());
    const files: Record<string, string> = { 'bizctl.yaml': 'base_currency: CNY\nfinance:\n  bank: assets:bank:icbc\n' };
    for (const e of Object.values(EXAMPLES)) files[e.file] = e.text;
    const ws = workspace(files);
    const r = await run(['-C', ws, 'check']);
    // 7 CRM + 15 inventory + 7 supply + 2 planned orders + 17 finance + 5 HR records, counted in examples.ts
    expect(r.stderr).toBe('ok: 30 files, 53 records, 0 errors, 0 warnings\n');
    expect(r.code).toBe(0);
  });
});
