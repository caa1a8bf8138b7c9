/** `bizctl bom explode | where-used | cost`. */
import { Dec } from '../../domain/decimal.js';
import { costRollup, explode, whereUsed, type CostRow, type ExplodeRow, type WhereUsedRow } from '../../engines/inventory/bom.js';
import type { Lang, TableModel } from '../../render/model.js';
import { minorUnit } from '../../workspace/config.js';
import type { Workspace } from '../../workspace/workspace.js';
import { tr } from '../crm/inputs.js';
import { typeText } from '../mrp/words.js';
import { bomIndex, itemNames } from './common.js';

export interface BomSpec {
  readonly sku: string;
  readonly qty: Dec;
  readonly lang: Lang;
  /** Indent item ids by level (table output). */
  readonly indent: boolean;
}

const pct = (x: Dec | null) => (x === null || x.isZero() ? '' : `${x.mul(Dec.int(100)).normalize().toString()}%`);
const ind = (spec: BomSpec, level: number, id: string) => (spec.indent ? '  '.repeat(level) + id : id);

/** A row of the explosion (JSON keys snake_case). */
export interface ExplodeReportRow {
  readonly level: number;
  readonly item: string;
  readonly per: Dec | null;
  readonly scrap: Dec | null;
  readonly qty: Dec;
  readonly kind: ExplodeRow['kind'];
  /** A make item without a BOM: cannot be exploded further. */
  readonly no_bom: boolean;
  readonly name: string;
  readonly unit: string;
}

export interface ExplodeReport {
  readonly item: string;
  readonly qty: Dec;
  readonly rows: readonly ExplodeReportRow[];
}

export function explodeReport(ws: Workspace, spec: BomSpec): ExplodeReport {
  const name = itemNames(ws, spec.lang);
  const unit = new Map(ws.data.items.map((i) => [i.id, i.unit]));
  return { item: spec.sku, qty: spec.qty, rows: explode(bomIndex(ws), spec.sku, spec.qty).map((r) => ({ level: r.level, item: r.item, per: r.per, scrap: r.scrap, qty: r.qty, kind: r.kind, no_bom: r.noBom, name: name(r.item), unit: unit.get(r.item) ?? '' })) };
}

export function explodeTable(r: ExplodeReport, spec: BomSpec): TableModel {
  const L = (en: string, zh: string) => tr(spec.lang, en, zh);
  const noBom = r.rows.filter((x) => x.no_bom).map((x) => x.item);
  return {
    columns: [
      { key: 'level', en: 'level', zh: '层级' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'name', en: 'name', zh: '名称' },
      { key: 'qty_per', en: 'qty per', zh: '单位用量' },
      { key: 'scrap', en: 'scrap', zh: '损耗率', align: 'right' as const },
      { key: 'qty', en: 'qty', zh: '需求量' },
      { key: 'unit', en: 'unit', zh: '单位' },
      { key: 'type', en: 'type', zh: '类型' },
    ],
    rows: r.rows.map((x) => [x.level, ind(spec, x.level, x.item), x.name, x.per, pct(x.scrap), x.qty, x.unit, typeText(spec.lang, x.kind)]),
    notes: [
      L(
        `Components for ${r.qty.toString()} × ${r.item}: qty = parent qty × qty per ÷ output_qty ÷ (1 − scrap), rounded up to 4 decimals when divided.`,
        `${r.qty.toString()} × ${r.item} 的组件：需求量 = 上级数量 × 单位用量 ÷ output_qty ÷ (1 − 损耗率)，有除法时向上取整到 4 位小数。`,
      ),
      ...(noBom.length ? [L(`Make items without a BOM (not exploded): ${[...new Set(noBom)].join(', ')}.`, `没有 BOM 的自制件（未展开）：${[...new Set(noBom)].join('、')}。`)] : []),
    ],
  };
}

export interface WhereUsedReport {
  readonly item: string;
  readonly rows: readonly (WhereUsedRow & { name: string })[];
}

export function whereUsedReport(ws: Workspace, spec: BomSpec): WhereUsedReport {
  const name = itemNames(ws, spec.lang);
  return { item: spec.sku, rows: whereUsed(bomIndex(ws), spec.sku).map((r) => ({ ...r, name: name(r.item) })) };
}

export function whereUsedTable(r: WhereUsedReport, spec: BomSpec): TableModel {
  const L = (en: string, zh: string) => tr(spec.lang, en, zh);
  return {
    columns: [
      { key: 'level', en: 'level', zh: '层级' },
      { key: 'item', en: 'used in', zh: '上级物料' },
      { key: 'name', en: 'name', zh: '名称' },
      { key: 'qty_per', en: 'qty per', zh: '单位用量' },
      { key: 'of', en: 'of', zh: '下级物料' },
      { key: 'type', en: 'type', zh: '类型' },
    ],
    rows: r.rows.map((x) => [x.level, ind(spec, x.level - 1, x.item), x.name, x.output.eq(Dec.ONE) ? x.per : `${x.per.toString()} / ${x.output.toString()}`, x.child, typeText(spec.lang, x.kind)]),
    notes: r.rows.length
      ? [L(`Every BOM that uses ${r.item}, directly (level 1) or through its parents.`, `用到 ${r.item} 的所有 BOM：直接使用（第 1 层）或经由其上级物料。`)]
      : [L(`${r.item} is not used in any BOM.`, `${r.item} 没有被任何 BOM 使用。`)],
  };
}

/** A row of the cost roll-up (JSON keys snake_case, as the CSV columns). */
export interface CostReportRow {
  readonly level: number;
  readonly item: string;
  readonly qty: Dec;
  /** Rolled-up cost of one unit. */
  readonly unit_cost: Dec;
  readonly labour: Dec;
  readonly overhead: Dec;
  readonly extended: Dec;
  readonly kind: CostRow['kind'];
  readonly name: string;
  readonly unit: string;
}

export interface CostReport {
  readonly item: string;
  readonly qty: Dec;
  readonly currency: string;
  readonly unit_cost: Dec;
  /** Total, rounded to the currency's minor unit. */
  readonly total: Dec;
  readonly missing: readonly string[];
  readonly rows: readonly CostReportRow[];
}

export function costReport(ws: Workspace, spec: BomSpec): CostReport {
  const name = itemNames(ws, spec.lang);
  const unit = new Map(ws.data.items.map((i) => [i.id, i.unit]));
  const c = costRollup(bomIndex(ws), spec.sku, spec.qty);
  const currency = ws.config.base_currency;
  return {
    item: spec.sku,
    qty: spec.qty,
    currency,
    unit_cost: c.unitCost,
    total: c.total.round(minorUnit(ws.config, currency), ws.config.rounding),
    missing: c.missing,
    rows: c.rows.map((r) => ({ level: r.level, item: r.item, qty: r.qty, unit_cost: r.unitCost, labour: r.labour, overhead: r.overhead, extended: r.extended, kind: r.kind, name: name(r.item), unit: unit.get(r.item) ?? '' })),
  };
}

export function costTable(r: CostReport, spec: BomSpec): TableModel {
  const L = (en: string, zh: string) => tr(spec.lang, en, zh);
  // amounts: 4 decimals at most, at least 2
  const money = (x: Dec) => {
    const r = x.round(4, 'half-up').normalize();
    return r.s < 2 ? r.withScale(2) : r;
  };
  const perUnit = (kind: string, x: Dec) => (kind === 'buy' || (kind === 'phantom' && x.isZero()) ? '' : x);
  return {
    columns: [
      { key: 'level', en: 'level', zh: '层级' },
      { key: 'item', en: 'item', zh: '物料' },
      { key: 'name', en: 'name', zh: '名称' },
      { key: 'qty', en: 'qty', zh: '数量' },
      { key: 'unit', en: 'unit', zh: '单位' },
      { key: 'unit_cost', en: 'unit cost', zh: '单位成本' },
      { key: 'labour', en: 'labour', zh: '人工' },
      { key: 'overhead', en: 'overhead', zh: '制造费用' },
      { key: 'extended', en: 'extended', zh: '金额' },
    ],
    rows: r.rows.map((x) => [x.level, ind(spec, x.level, x.item), x.name, x.qty, x.unit, x.unit_cost, perUnit(x.kind, x.labour), perUnit(x.kind, x.overhead), money(x.extended)]),
    footer: [['', L('total', '合计'), '', r.qty, '', r.unit_cost, '', '', r.total]],
    notes: [
      L(
        `Cost of ${r.qty.toString()} × ${r.item} in ${r.currency}. A buy item costs its cost; a make item costs Σ component qty (scrap included) × unit cost + its labour_cost + overhead_cost, rounded to 4 decimals per level.`,
        `${r.qty.toString()} × ${r.item} 的成本（${r.currency}）。外购件取其 cost；自制件 = Σ 组件数量（含损耗）× 单位成本 + 其 labour_cost + overhead_cost，每层四舍五入到 4 位小数。`,
      ),
      L('labour and overhead are per unit of the item on that row; its unit cost already contains them and everything below it.', '人工和制造费用按该行物料的单位计；其单位成本已包含它们及下层的全部成本。'),
      ...(r.missing.length ? [L(`No cost (counted as 0): ${r.missing.join(', ')}.`, `没有成本（按 0 计）：${r.missing.join('、')}。`)] : []),
    ],
  };
}
