import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAG_CODE_LIST } from '../src/diagnostics/types.js';
import { REPO, run, snapshotDir } from './helpers.js';

/**
 * The error catalogue: tests/errors/<code>/ws is a tiny workspace that
 * triggers exactly that diagnostic; expected.txt is the exact stderr of
 * `bizctl check` (or of the command in `args`, run from the case folder;
 * positions counted by hand), exit the exit code.
 */
const DIR = join(REPO, 'tests', 'errors');
const cases = readdirSync(DIR).filter((n) => existsSync(join(DIR, n, 'ws')));

describe('error catalogue', () => {
  it('has one reproducer per diagnostic code', () => {
    expect([...cases].sort()).toEqual([...DIAG_CODE_LIST].sort());
  });
  for (const code of cases) {
    it(code, async () => {
      const ws = join(DIR, code, 'ws');
      const before = snapshotDir(ws);
      const argsFile = join(DIR, code, 'args');
      const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/) : ['check'];
      const r = await run(['-C', ws, ...args], { cwd: join(DIR, code) });
      expect(r.stderr).toBe(readFileSync(join(DIR, code, 'expected.txt'), 'utf8'));
      expect(r.code).toBe(Number(readFileSync(join(DIR, code, 'exit'), 'utf8').trim()));
      expect(r.stderr).toContain(`[${code}]`);
      expect(snapshotDir(ws)).toEqual(before);
    });
  }
});
