import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, snapshotDir, workspace } from './helpers.js';

describe('bizctl init', () => {
  for (const template of ['crm', 'trading', 'manufacturing']) {
    it(`--template ${template} writes the template exactly, and it checks clean and formatted`, async () => {
      const dir = join(workspace({}), 'co');
      const r = await run(['init', dir, '--template', template]);
      expect(r.code).toBe(0);
      expect(snapshotDir(dir)).toEqual(snapshotDir(join(REPO, 'templates', template)));
      const chk = await run(['-C', dir, 'check']);
      expect(chk.code).toBe(0);
      expect(chk.stderr).toMatch(/0 errors, 0 warnings/);
      expect((await run(['-C', dir, 'fmt', '--check'])).code).toBe(0);
    });
  }
  it('a CRM-only workspace has only bizctl.yaml and crm/', async () => {
    const dir = join(workspace({}), 'co');
    await run(['init', dir]);
    expect(Object.keys(snapshotDir(dir)).every((f) => f === 'bizctl.yaml' || f.startsWith('crm/'))).toBe(true);
  });
  it('refuses an existing workspace or a non-empty folder and writes nothing', async () => {
    const dir = workspace({ 'bizctl.yaml': '# mine\n' });
    const before = snapshotDir(dir);
    const r = await run(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already holds a workspace');
    expect(snapshotDir(dir)).toEqual(before);
    const other = join(workspace({}), 'x');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'hello');
    expect((await run(['init', other])).code).toBe(1);
    expect(existsSync(join(other, 'bizctl.yaml'))).toBe(false);
  });
  it('rejects an unknown template with a usage error', async () => {
    expect((await run(['init', join(workspace({}), 'y'), '--template', 'bakery'])).code).toBe(2);
  });
});
