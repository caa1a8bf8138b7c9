import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsDoc, workspaceDoc } from '../src/docs/workspace-doc.js';
import { REPO } from './helpers.js';

describe('generated reference docs are up to date (run `npm run docs`)', () => {
  it('docs/workspace.md', () => {
    expect(readFileSync(join(REPO, 'docs', 'workspace.md'), 'utf8')).toBe(workspaceDoc());
  });
  it('docs/diagnostics.md', () => {
    expect(readFileSync(join(REPO, 'docs', 'diagnostics.md'), 'utf8')).toBe(diagnosticsDoc());
  });
});
