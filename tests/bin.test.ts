import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

describe('the bizctl executable', () => {
  it('stops quietly when the reader closes the pipe early (| head)', () => {
    const bin = join(REPO, 'bin', 'bizctl.js');
    const r = spawnSync('bash', ['-c', `node ${bin} -C ${join(REPO, 'data-examples', 'furniture')} --as-of 2026-11-16 ledger register | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stdout).toMatch(/^date\s+id\s+description/);
    expect(r.stdout).toMatch(/status 0\n$/);
  });
});
