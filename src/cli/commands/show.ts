import { ENTITIES, type EntityKey } from '../../domain/entities/index.js';
import type { EntityDef } from '../../domain/entity.js';
import { recordToPlain, valueText } from '../../reports/records.js';
import type { FieldMap } from '../../schema/record.js';
import type { AnyRecord } from '../../workspace/parse-entity.js';
import type { Register } from '../command.js';
import { DataError } from '../errors.js';
import { didYouMean } from '../../util/suggest.js';
import type { Cell } from '../../render/model.js';

export const registerShow: Register = (program, wrap) => {
  program
    .command('show')
    .description('show one record by id, whatever entity it belongs to')
    .argument('<id>', 'record id, e.g. C0012, SO-2026-0041, DESK-1600')
    .addHelpText('after', '\nExamples:\n  bizctl show C0012\n  bizctl show SO-2026-0041 --format json')
    .action(
      wrap((ctx, id: string) => {
        const ws = ctx.workspace({ derived: true });
        const hits: { key: EntityKey; def: EntityDef; rec: AnyRecord }[] = [];
        for (const key of Object.keys(ENTITIES) as EntityKey[]) {
          const def = ENTITIES[key] as unknown as EntityDef;
          if (def.key.length !== 1) continue;
          for (const r of ws.data[key] as unknown as AnyRecord[]) if (r[def.key[0]!] === id) hits.push({ key, def, rec: r });
        }
        if (hits.length === 0) {
          const ids = (Object.keys(ENTITIES) as EntityKey[]).flatMap((key) => {
            const def = ENTITIES[key] as unknown as EntityDef;
            return def.key.length === 1 ? (ws.data[key] as unknown as AnyRecord[]).map((r) => String(r[def.key[0]!])) : [];
          });
          const g = didYouMean(id, ids);
          throw new DataError(`no record with id "${id}"`, g ? `did you mean ${g}?` : 'ids are case-sensitive; `bizctl ls ENTITY` lists them');
        }
        const rows: Cell[][] = [];
        for (const h of hits) {
          rows.push(['entity', h.def.name], ['file', `${h.rec.src.loc.file}:${h.rec.src.loc.line}`]);
          rows.push(...fieldRows(h.def.fields, h.rec, ''));
        }
        ctx.output({
          table: { columns: [{ key: 'field', en: 'field', zh: '字段' }, { key: 'value', en: 'value', zh: '值' }], rows },
          json: hits.map((h) => ({ entity: h.def.name, file: h.rec.src.loc.file, line: h.rec.src.loc.line, record: recordToPlain(h.def.fields, h.rec) })),
        });
      }),
    );
};

/** field/value rows; nested lines as "lines[1].item" rows. */
function fieldRows(fields: FieldMap, rec: Record<string, unknown>, prefix: string): Cell[][] {
  const rows: Cell[][] = [];
  for (const name in fields) {
    const spec = fields[name]!;
    const v = rec[name];
    if (v === undefined) continue;
    if (spec.kind === 'records') {
      (v as Record<string, unknown>[]).forEach((l, i) => rows.push(...fieldRows(spec.inner as FieldMap, l, `${prefix}${name}[${i + 1}].`)));
    } else if (spec.kind === 'object') rows.push(...fieldRows(spec.inner as FieldMap, v as Record<string, unknown>, `${prefix}${name}.`));
    else rows.push([prefix + name, valueText(spec, v)]);
  }
  return rows;
}
