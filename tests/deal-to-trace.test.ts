import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, workspace } from './helpers.js';

/** Issue 7's "done when": a deal won with --order shows up as demand in mrp run and in order trace. */
describe('won deal → sales order → plan → trace', () => {
  it('D-2026-0022 (20 DESK-LIFT-1600, 20 CHAIR-ERG) becomes SO-2026-0047, planned and traceable', async () => {
    const ws = workspace({});
    cpSync(join(REPO, 'data-examples', 'furniture'), ws, { recursive: true });
    const base = ['-C', ws, '--as-of', '2026-11-16'];
    const won = await run([...base, 'crm', 'deal', 'won', 'D-2026-0022', '--order']);
    expect(won.code).toBe(0);
    const so = JSON.parse((await run([...base, '--format', 'json', 'show', 'SO-2026-0047'])).stdout)[0].record;
    expect(so.deal).toBe('D-2026-0022');
    expect(so.lines.map((l: { item: string; qty: string }) => `${l.item} ${l.qty}`)).toEqual(['DESK-LIFT-1600 20', 'CHAIR-ERG 20']);
    const peg = await run([...base, 'mrp', 'pegging', 'SO-2026-0047']);
    expect(peg.code).toBe(0);
    expect(peg.stdout).toContain('DESK-LIFT-1600');
    const trace = await run([...base, '--format', 'json', 'order', 'trace', 'SO-2026-0047']);
    expect(trace.code).toBe(0);
    const t = JSON.parse(trace.stdout);
    // due = order date 11-16 + lead time on the working calendar (DESK-LIFT-1600: 4 days → 11-20, CHAIR-ERG: 3 → 11-19)
    expect(t.lines.map((l: { item: string; due: string }) => `${l.item} ${l.due}`)).toEqual(['DESK-LIFT-1600 2026-11-20', 'CHAIR-ERG 2026-11-19']);
    // the desks are short (the story's HANDSET shortage): the trace says why
    expect(t.lines[0].late).toBe(true);
    expect(t.lines[0].why).toContain('HANDSET');
    expect((await run([...base, 'check'])).code).toBe(0);
  });
});
