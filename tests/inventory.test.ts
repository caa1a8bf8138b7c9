/**
 * End-to-end: stock, reorder, purchasing and BOM commands on the example company
 * (data-examples/furniture, story day 2026-11-16; see its README). Expected values
 * are worked out from the data files in the comments.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO, run } from './helpers.js';

const WS = join(REPO, 'data-examples', 'furniture');
const bz = (...args: string[]) => run(['-C', WS, '--as-of', '2026-11-16', ...args]);
const json = async (...args: string[]) => {
  const r = await bz(...args, '--format', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('stock', () => {
  it('positions: DESK-LIFT-1600 is 63 short, CHAIR-ERG 40 short', async () => {
    const r = await json('stock', '--item', 'DESK-LIFT-1600', 'CHAIR-ERG', 'LIFT-COL');
    const pick = (id: string) => {
      const x = r.items.find((i: { item: string }) => i.item === id);
      return [x.on_hand, x.on_order, x.allocated, x.available];
    };
    // DESK-LIFT-1600: count WH-SH 8 + WH-KS 4; +10 made (11-09), 4 moved KS→SH, −20 shipped → 2 on hand;
    // on order WO-0042 40 − 10 = 30; allocated SO-0041 60 − 20 = 40, SO-0043 30, SO-0044 25 = 95 → 2 + 30 − 95 = −63
    expect(pick('DESK-LIFT-1600')).toEqual(['2', '30', '95', '-63']);
    // CHAIR-ERG: 70 + 12 − 60 shipped = 22; WO-0044 80; SO-0040 80 + SO-0042 32 + SO-0043 30 = 142 → −40
    expect(pick('CHAIR-ERG')).toEqual(['22', '80', '142', '-40']);
    // LIFT-COL: 40 − 24 consumed by WO-0043 = 16; PO-2026-0188 200; WO-0043 still needs (40 − 12) × 2 = 56 → 160
    expect(pick('LIFT-COL')).toEqual(['16', '200', '56', '160']);
  });
  it('a row per item and location; --location filters', async () => {
    const r = await bz('stock', '--item', 'CAB-STEEL', '--format', 'csv');
    // count WH-SH 14, WH-KS 3; 8 moved SH → KS on 11-13; SO-2026-0045 ships 8 from WH-KS
    expect(r.stdout).toBe('item,name,location,on_hand,on_order,allocated,available,unit,status\nCAB-STEEL,Steel double-door filing cabinet,WH-KS,11,0,8,3,pcs,\nCAB-STEEL,Steel double-door filing cabinet,WH-SH,6,0,0,6,pcs,\n');
    const k = await json('stock', '--location', 'WH-KS', '--item', 'CAB-STEEL');
    expect(k.items[0].locations.map((l: { location: string }) => l.location)).toEqual(['WH-KS']);
  });
  it('a past as-of date gives the position then', async () => {
    const r = await json('--as-of', '2026-11-05', 'stock', '--item', 'LIFT-COL', '--by', 'item');
    expect(r.items[0].on_hand).toBe('40'); // before WO-0043 consumed 24 on 11-06
  });
  it('rejects an unknown item', async () => {
    const r = await bz('stock', '--item', 'NOPE');
    expect([r.code, r.stderr]).toEqual([1, 'bizctl: unknown item "NOPE"\n  hint: `bizctl ls items` lists them\n']);
  });
});

describe('stock reorder', () => {
  it('lists exactly the five purchased items at or below their reorder point', async () => {
    const r = await json('stock', 'reorder');
    const rows = r.alerts.map((a: Record<string, string>) => [a.item, a.available, a.reorder_point, a.order_qty, a.supplier, a.needed_by, a.order_by, a.late]);
    expect(rows).toEqual([
      // 28 on hand − 28 for WO-0043 = 0 < safety 20 today → needed 11-16, 25 working days earlier = 10-12: late.
      // order 100 (reorder_qty; moq 50; multiple of 10)
      ['HANDSET', '0', '50', '100', 'S001', '2026-11-16', '2026-10-12', true],
      // 16 + 200 (overdue PO counted today) − 56 = 160 ≥ safety 40: never below → needed today + 25 wd, order today
      ['LIFT-COL', '160', '240', '200', 'S001', '2026-12-21', '2026-11-16', false],
      // exactly at the reorder point (80 = 80): listed
      ['LOCK-3', '80', '80', '200', 'S004', '2026-12-02', '2026-11-16', false],
      // 90 − 80 for WO-0044 (starts 11-16) = 10 < 40 → needed today; 15 wd earlier = 10-26
      ['MECH-TILT', '10', '120', '300', 'S005', '2026-11-16', '2026-10-26', true],
      // 140 − 3 written off = 137 ≤ 150; order 300 (multiple of 10)
      ['PANEL-MFC-18', '137', '150', '300', 'S003', '2026-11-30', '2026-11-16', false],
    ]);
  });
  it('reads well as plain text and exits 3 with --exit-code', async () => {
    const r = await bz('stock', 'reorder', '--exit-code');
    expect(r.code).toBe(3);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('5 items at or below the reorder point on 2026-11-16');
    expect(r.stdout).not.toMatch(/[┌│─]/);
    expect(r.stdout).toContain('Rule: an item is listed when available ≤ reorder point');
    expect(lines.find((l) => l.startsWith('LOCK-3'))).toMatch(/^LOCK-3 +Central lock \(3 drawers\) +80 +80 +200 +pcs +S004 +Foshan Shunda Hardware +12 +2026-12-02 +2026-11-16 +order today$/);
  });
  it('speaks Chinese with --lang zh-CN', async () => {
    const r = await bz('--lang', 'zh-CN', 'stock', 'reorder');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('2026-11-16：5 个物料达到或低于再订货点');
    expect(lines.find((l) => l.startsWith('HANDSET'))).toMatch(/记忆手控器 .* 宁波力德传动科技有限公司 .* 已逾期$/);
    expect(r.stdout).toContain('规则：可用量 ≤ 再订货点时列出');
  });
  it('prints the rule in --help', async () => {
    const r = await run(['stock', 'reorder', '--help']);
    expect(r.stdout).toContain('available ≤ reorder point');
    expect(r.stdout).toContain('rounded UP to a whole unit and to a multiple of order_multiple');
  });
  it('is silent on stdout and exits 0 when nothing needs ordering', async () => {
    // a workspace without inventory has nothing to reorder
    const r = await run(['-C', join(REPO, 'data-examples', 'crm-only'), 'stock', 'reorder', '--exit-code']);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });
});

describe('purchase', () => {
  it('overdue: the four late purchase orders, partial receipt shown, cancelled order ignored', async () => {
    const r = await json('purchase', 'overdue');
    expect(r.lines.map((l: Record<string, string>) => [l.po, l.line, l.item, l.ordered, l.received, l.open, l.due, l.days_late, l.contact])).toEqual([
      ['PO-2026-0183', 1, 'PANEL-E1-25', '400', '200', '200', '2026-10-28', 19, '沈慧'],
      ['PO-2026-0185', 1, 'GAS-LIFT', '500', '0', '500', '2026-11-02', 14, '潘建华'],
      ['PO-2026-0188', 1, 'LIFT-COL', '200', '0', '200', '2026-11-06', 10, '钱志远'],
      ['PO-2026-0186', 1, 'SLIDE-350', '600', '0', '600', '2026-11-12', 4, '何国强'],
      ['PO-2026-0186', 2, 'HANDLE-AL', '600', '0', '600', '2026-11-12', 4, '何国强'],
    ]);
    expect(r.lines[0].last_receipt).toBe('2026-10-30');
    expect((await bz('purchase', 'overdue', '--exit-code')).code).toBe(3);
    // on 2026-10-27 nothing was late yet
    const early = await run(['-C', WS, '--as-of', '2026-10-27', 'purchase', 'overdue', '--exit-code']);
    expect([early.code, early.stdout, early.stderr]).toEqual([0, '', 'no purchase-order line is overdue on 2026-10-27\n']);
  });
  it('suppliers: on-time rate, average delay and open value', async () => {
    const r = await json('purchase', 'suppliers');
    const s = (id: string) => r.suppliers.find((x: { supplier: string }) => x.supplier === id);
    // S001: PO-0173 ×3 and PO-0181 ×3 on time; PO-0188/1 overdue; PO-0188/2 received 11-10, 4 days after 11-06 → 6 of 8
    expect([s('S001').judged, s('S001').on_time, s('S001').on_time_rate, s('S001').late_receipts, s('S001').avg_delay_days]).toEqual([8, 6, '75.0', 1, '4.0']);
    expect(s('S001').open_value).toEqual([{ currency: 'CNY', amount: '84000.00' }]); // 200 × 420.00
    // S004: PO-0174 ×5 on time, PO-0186 ×2 overdue, PO-0179 cancelled → 5 of 7 = 71.4%
    expect([s('S004').judged, s('S004').on_time, s('S004').on_time_rate]).toEqual([7, 5, '71.4']);
    // S002: PO-0189 (due 11-18) not judged yet; open value 1200 × 18.80 + 900 × 9.80 = 31380.00
    expect([s('S002').judged, s('S002').open_value[0].amount]).toEqual([6, '31380.00']);
  });
});

describe('bom', () => {
  it('explodes multi-level with scrap, phantom blown through', async () => {
    const r = await json('bom', 'explode', 'DESK-LIFT-1600', '--qty', '40');
    const q = (id: string) => r.rows.filter((x: { item: string }) => x.item === id).map((x: { level: number; qty: string }) => `${x.level}:${x.qty}`);
    expect(q('LIFT-COL')).toEqual(['2:80']); // 40 × 1 × 2
    expect(q('SCREW-KIT')).toEqual(['2:40', '1:40']); // in FRAME-LIFT and in the desk itself
    expect(q('CONNECTOR')).toEqual(['2:326.5307']); // 40 × 1 × 8 ÷ 0.98 = 326.530612… rounded up
    expect(q('TUBE-5030')).toEqual(['2:98.9691']); // 40 × 2.4 ÷ 0.97 = 98.969072…
    expect(r.rows.find((x: { item: string }) => x.item === 'KIT-HW-DESK').kind).toBe('phantom');
  });
  it('where-used at all levels', async () => {
    const r = await json('bom', 'where-used', 'LIFT-COL');
    expect(r.rows.map((x: { level: number; item: string }) => `${x.level} ${x.item}`)).toEqual(['1 FRAME-LIFT', '2 DESK-LIFT-1600']);
  });
  it('cost roll-up', async () => {
    // FRAME-LIFT: 2 × 420 + 220 + 65 + 2.4743 m × 18.50 + 0.4706 kg × 28 + 3.50 + 45 + 20 = 1252.45135 → 1252.4514
    // TOP-1600: 1.3914 × 58 + 5.0527 × 1.20 + 14 + 9 = 109.76444 → 109.7644
    // KIT-HW-DESK: 8.1633 × 0.80 + 2 × 2 + 0.60 = 11.13064 → 11.1306
    // DESK-LIFT-1600: 1252.4514 + 109.7644 + 3.50 + 11.1306 + 18 + 35 + 15 = 1444.8464
    const r = await json('bom', 'cost', 'DESK-LIFT-1600', '--qty', '2');
    expect([r.unit_cost, r.total, r.missing]).toEqual(['1444.8464', '2889.69', []]);
    expect(r.rows.filter((x: { level: number }) => x.level === 1).map((x: { item: string; unit_cost: string }) => `${x.item} ${x.unit_cost}`)).toEqual([
      'FRAME-LIFT 1252.4514',
      'TOP-1600 109.7644',
      'SCREW-KIT 3.50',
      'KIT-HW-DESK 11.1306',
      'CARTON-DESK 18.00',
    ]);
  });
  it('indents in tables only; rejects bad input', async () => {
    const t = await bz('bom', 'explode', 'FRAME-LIFT');
    expect(t.stdout.split('\n')[3]).toMatch(/^ +1 +LIFT-COL /);
    const c = await bz('bom', 'explode', 'FRAME-LIFT', '--format', 'csv');
    expect(c.stdout.split('\n')[2]).toMatch(/^1,LIFT-COL,/);
    expect((await bz('bom', 'explode', 'FRAME-LIFT', '--qty', '-2')).code).toBe(2);
    expect((await bz('bom', 'cost', 'nope')).code).toBe(1);
  });
});
