import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../src/domain/dates.js';
import { countedOnlyAfter } from '../src/engines/inventory/position.js';
import { run, workspace } from './helpers.js';

describe('stock as of a date before the first count', () => {
  it('countedOnlyAfter: items with no count on or before the date, with their first count', () => {
    const stock = [
      { item: 'B', date: '2026-11-01' as IsoDate },
      { item: 'A', date: '2026-11-01' as IsoDate },
      { item: 'A', date: '2026-10-01' as IsoDate }, // A was counted before 10-16
      { item: 'C', date: '2026-12-01' as IsoDate },
      { item: 'C', date: '2026-11-05' as IsoDate },
    ];
    expect(countedOnlyAfter(stock, '2026-10-16' as IsoDate)).toEqual([
      { item: 'B', first: '2026-11-01' },
      { item: 'C', first: '2026-11-05' },
    ]);
    expect(countedOnlyAfter(stock, '2026-11-05' as IsoDate)).toEqual([]);
  });

  it('stock and stock reorder say so on stderr; the data on stdout is unchanged', async () => {
    const dir = workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'inventory/items.yaml': '- id: A\n  name: a\n  type: buy\n- id: B\n  name: b\n  type: buy\n',
      'inventory/stock.csv': 'item,location,qty,date\nA,WH,5,2026-10-01\nB,WH,7,2026-11-01\n',
    });
    const r = await run(['-C', dir, '--as-of', '2026-10-16', '--format', 'csv', 'stock']);
    expect(r.stderr).toBe('warning: 1 item is first counted after 2026-10-16 (B 2026-11-01): their on hand then is moves only\n');
    // unit defaults to pcs; B (no count yet, no moves) has nothing to show.
    expect(r.stdout).toBe('item,name,location,on_hand,on_order,allocated,available,unit,status\nA,a,WH,5,0,0,5,pcs,\n');
    const later = await run(['-C', dir, '--as-of', '2026-11-16', '--format', 'csv', 'stock']);
    expect(later.stderr).toBe('');
  });
});
