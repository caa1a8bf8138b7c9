import { describe, expect, it } from 'vitest';
import { nextId } from './ids.js';

describe('next id', () => {
  it('continues the pattern of the last record', () => {
    expect(nextId(['C0001', 'C0040'], 'C0001')).toBe('C0041');
    expect(nextId(['D-2026-0026', 'D-2026-0027'], 'D-2026-0001')).toBe('D-2026-0028');
    expect(nextId(['A9', 'A10', 'A2'], 'A1')).toBe('A11'); // last is A2 (width 1): largest A9, A10 is taken → A11
  });
  it('takes the largest number of that prefix and width, skipping taken ids', () => {
    expect(nextId(['C0007', 'C0012', 'C0003'], 'C0001')).toBe('C0013');
    expect(nextId([], 'T-2026-0001')).toBe('T-2026-0001');
    expect(nextId(['ACME'], 'C0001')).toBe('C0001');
    expect(nextId(['C0001', 'ACME'], 'C0001')).toBe('C0002');
  });
});
