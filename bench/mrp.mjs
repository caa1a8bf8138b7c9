// Benchmark: `bizctl mrp run` over generated plants of 1,000 / 10,000 / 50,000 items,
// BOMs 8 levels deep with components shared between parents and across levels,
// 52 weekly buckets, 5 sales-order lines per end item.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lcg } from './gen.mjs';
import { fmtRow, timed } from './measure.mjs';

export const AS_OF = '2026-01-05'; // a Monday
const LEVELS = 8; // level 0 = end items … level 7 = purchased materials
const LOT_BASE = [10, 10, 20, 50, 200, 1000, 4000, 4000];
const RULES = ['lfl', 'lfl', 'lfl', 'lfl', 'lfl', 'fixed', 'min', 'multiple', 'poq', 'poq', 'ww'];

function day(offset) {
  const d = new Date(Date.UTC(2026, 0, 5 + offset));
  return d.toISOString().slice(0, 10);
}

/** Share of items per level: 10% end items, 8% per sub-assembly level, the rest purchased. */
function levelSizes(n) {
  const sizes = [Math.round(n * 0.1)];
  for (let l = 1; l < LEVELS - 1; l++) sizes.push(Math.round(n * 0.08));
  sizes.push(n - sizes.reduce((a, b) => a + b, 0));
  return sizes;
}

export function genPlant(dir, n, seed = 11) {
  const rnd = lcg(seed);
  const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  for (const d of ['inventory', 'sales', 'purchasing', 'production', 'crm']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'bizctl.yaml'), 'base_currency: CNY\ninventory:\n  default_location: WH\n');
  writeFileSync(join(dir, 'crm', 'customers.csv'), 'id,name\nC1,Customer one\n');
  writeFileSync(join(dir, 'purchasing', 'suppliers.csv'), 'id,name\n' + Array.from({ length: 20 }, (_, i) => `S${i + 1},Supplier ${i + 1}`).join('\n') + '\n');
  writeFileSync(join(dir, 'inventory', 'locations.csv'), 'id,name\nWH,Warehouse\n');
  const sizes = levelSizes(n);
  const levels = [];
  let k = 0;
  for (let l = 0; l < LEVELS; l++) levels.push(Array.from({ length: sizes[l] }, () => `I${String(++k).padStart(6, '0')}`));
  const items = ['id,name,type,lead_time,safety_stock,lot_size,lot_qty,poq_periods,order_cost,holding_cost,supplier,cost'];
  const boms = ['item,component,qty,scrap'];
  const stock = ['date,item,location,qty'];
  let bomLines = 0;
  for (let l = 0; l < LEVELS; l++) {
    const buy = l === LEVELS - 1;
    for (const [pos, id] of levels[l].entries()) {
      const rule = pick(RULES);
      // lot sizes of roughly one to four weeks of typical demand at this level (demand grows down the BOM)
      const lotQty = rule === 'fixed' || rule === 'min' || rule === 'multiple' ? String(int(1, 4) * LOT_BASE[l]) : '';
      const poq = rule === 'poq' ? String(int(2, 4)) : '';
      const costs = rule === 'ww' ? ['50.00', '0.5'] : ['', ''];
      items.push([id, `Item ${id}`, buy ? 'buy' : 'make', int(1, buy ? 15 : 5), int(0, 3) * 5, rule, lotQty, poq, ...costs, buy ? `S${int(1, 20)}` : '', buy ? `${int(1, 200)}.${int(10, 99)}` : ''].join(','));
      stock.push(`${day(-5)},${id},WH,${int(0, 400)}`);
      if (buy) continue;
      // 3–4 components from the next level: mostly parts near this one (dedicated), some from anywhere;
      // half the items also use a common part of a deeper level (shared across levels)
      const comps = new Set();
      const m = int(3, 4);
      const next = levels[l + 1];
      const at = Math.floor((pos / levels[l].length) * next.length);
      const win = Math.max(3, Math.floor(next.length * 0.01));
      while (comps.size < m) comps.add(rnd() < 0.8 ? next[Math.min(next.length - 1, Math.max(0, at + int(-win, win)))] : pick(next));
      if (l + 2 < LEVELS && rnd() < 0.5) {
        const deep = levels[int(l + 2, LEVELS - 1)];
        comps.add(deep[int(0, Math.max(0, Math.floor(deep.length * 0.05) - 1))]);
      }
      for (const c of comps) {
        const r = rnd();
        boms.push(`${id},${c},${r < 0.75 ? 1 : r < 0.95 ? 2 : 4},${rnd() < 0.2 ? '2%' : ''}`);
        bomLines++;
      }
    }
  }
  writeFileSync(join(dir, 'inventory', 'items.csv'), items.join('\n') + '\n');
  writeFileSync(join(dir, 'inventory', 'boms.csv'), boms.join('\n') + '\n');
  writeFileSync(join(dir, 'inventory', 'stock.csv'), stock.join('\n') + '\n');
  // 5 sales-order lines per end item, due over the 52 weeks
  const so = ['id,customer,date,line,item,qty,price,due'];
  let s = 0;
  for (const id of levels[0]) for (let i = 0; i < 5; i++) so.push(`SO-${++s},C1,${day(-10)},1,${id},${int(1, 50)},100,${day(int(0, 51 * 7))}`);
  writeFileSync(join(dir, 'sales', 'sales-orders.csv'), so.join('\n') + '\n');
  // open purchase orders for a fifth of the purchased items, work orders for a tenth of the made ones
  const po = ['id,supplier,date,line,item,qty,price,due'];
  let p = 0;
  for (const id of levels[LEVELS - 1]) if (rnd() < 0.2) po.push(`PO-${++p},S${int(1, 20)},${day(-20)},1,${id},${int(50, 500)},10,${day(int(-10, 40))}`);
  writeFileSync(join(dir, 'purchasing', 'purchase-orders.csv'), po.join('\n') + '\n');
  const wo = ['id,item,qty,start,due,status'];
  let w = 0;
  for (let l = 0; l < LEVELS - 1; l++) for (const id of levels[l]) if (rnd() < 0.1) wo.push(`WO-${++w},${id},${int(10, 100)},${day(int(-10, 10))},${day(int(11, 30))},released`);
  writeFileSync(join(dir, 'production', 'work-orders.csv'), wo.join('\n') + '\n');
  return { items: n, bomLines, salesLines: s, purchaseLines: p, workOrders: w };
}

export async function benchMrp(out, bin) {
  const rows = [];
  for (const n of [1_000, 10_000, 50_000]) {
    const dir = join(out, `mrp-${n}`);
    if (!existsSync(join(dir, 'inventory', 'items.csv'))) {
      const g = genPlant(dir, n);
      console.error(`generated ${dir}: ${g.items} items, ${g.bomLines} BOM lines, ${g.salesLines} sales lines, ${g.purchaseLines} PO lines, ${g.workOrders} work orders`);
    }
    const base = ['node', bin, '-C', dir, '--as-of', AS_OF, 'mrp', 'run', '--horizon', '52w', '--format', 'csv'];
    const variants = [
      [`mrp run ${n} items × 52 weeks`, base],
      [`mrp run --for ${n} items`, [...base, '--for']],
      [`mrp run --write ${n} items`, [...base, '--write']],
    ];
    for (const [name, argv] of variants) {
      const r = timed(argv);
      rows.push({ name, ...r });
      console.log(fmtRow(rows[rows.length - 1]) + (r.status !== 0 ? `\n${r.stderr}` : ''));
    }
    rmSync(join(dir, 'production', 'planned-orders.csv'), { force: true });
  }
  return rows;
}
