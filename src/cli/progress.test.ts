import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

describe('progress', () => {
  it('stays silent for the first second, then draws at most every 100 ms, and erases itself', () => {
    let t = 0;
    let out = '';
    const p = new Progress((s) => (out += s), true, () => t);
    p.update('reading', 10, 100);
    expect(out).toBe('');
    t = 1200;
    p.update('reading', 50, 100);
    expect(out).toBe('\r\x1b[Kreading [############............] 50%');
    t = 1250;
    p.update('reading', 60, 100); // within 100 ms: not drawn
    expect(out.endsWith('50%')).toBe(true);
    p.done();
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
  it('never writes when disabled (stderr piped)', () => {
    let t = 0;
    let out = '';
    const p = new Progress((s) => (out += s), false, () => t);
    t = 5000;
    p.update('reading', 50, 100);
    p.done();
    expect(out).toBe('');
  });
});
