/**
 * The fast CSV reader of entity tables (src/workspace/table-csv.ts) against
 * the generic converter (parse-entity.ts): on the same text they must give
 * the same records (values and source locations), the same rejected records
 * and the same diagnostics; and every column value must be the record's
 * value (what the checks and the CRM readers use instead of records).
 * Hand-written files with one problem each, then random files of several
 * entities (plain, documents with lines, optional lines) with random damage.
 */
import { describe, expect, it } from 'vitest';
import { ENTITIES, type EntityKey } from '../src/domain/entities/index.js';
import type { EntityDef } from '../src/domain/entity.js';
import { Diagnostics, sortDiagnostics } from '../src/diagnostics/types.js';
import { parseEntityFile, type AnyRecord } from '../src/workspace/parse-entity.js';
import { EntityTable } from '../src/workspace/table.js';
import { readTableCsv } from '../src/workspace/table-csv.js';

/** A fixed pseudo-random sequence in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const defOf = (key: EntityKey) => ENTITIES[key] as unknown as EntityDef;

/** A record as plain data: every field, and where the record and each field are written. */
function plain(r: AnyRecord, linesField: string | null): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'src') continue;
    out[k] = k === linesField ? (v as AnyRecord[]).map((l) => plain(l, null)) : v;
  }
  out.loc = r.src.loc;
  out.at = Object.keys(r)
    .filter((k) => k !== 'src')
    .map((k) => [k, r.src.at(k)]);
  return out;
}

/** Values without locations (what EntityTable.values gives). */
function valuesOf(r: Record<string, unknown>, linesField: string | null): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'src') continue;
    out[k] = k === linesField ? (v as Record<string, unknown>[]).map((l) => valuesOf(l, null)) : v;
  }
  return out;
}

function generic(key: EntityKey, file: string, text: string) {
  const def = defOf(key);
  const d = new Diagnostics();
  const p = parseEntityFile(def, file, text, d);
  const lf = def.lines?.field ?? null;
  return { records: p.records.map((r) => plain(r, lf)), rejected: p.rejected.map((r) => plain(r, lf)), diags: sortDiagnostics(d.list) };
}

function fast(key: EntityKey, file: string, text: string) {
  const def = defOf(key);
  const d = new Diagnostics();
  const table = new EntityTable(def);
  const rejected: AnyRecord[] = [];
  readTableCsv(def, file, text, d, table, (r) => void rejected.push(r as AnyRecord));
  const lf = def.lines?.field ?? null;
  return { records: table.records().map((r) => plain(r, lf)), rejected: rejected.map((r) => plain(r, lf)), diags: sortDiagnostics(d.list), table };
}

/** Every column value of every record is the record's value; locations and values() agree with the record. */
function columnsMatch(t: EntityTable): void {
  const lf = t.linesField;
  for (let i = 0; i < t.size; i++) {
    const rec = t.record(i);
    for (const c of t.head) expect([c.name, c.get(i)]).toEqual([c.name, rec[c.name]]);
    expect(t.src(i).loc).toEqual(rec.src.loc);
    for (const c of t.head) expect(t.src(i).at(c.name)).toEqual(rec.src.at(c.name));
    expect(t.label(i)).toBe(labelOf(t.def, rec));
    expect(valuesOf(t.values(i), lf)).toEqual(valuesOf(rec, lf));
    if (!lf) continue;
    const lines = (rec[lf] as AnyRecord[] | undefined) ?? [];
    expect(t.lineStart[i + 1]! - t.lineStart[i]!).toBe(lines.length);
    lines.forEach((ln, k) => {
      const l = t.lineStart[i]! + k;
      for (const c of t.lineCols) expect([c.name, c.get(l)]).toEqual([c.name, ln[c.name]]);
      expect(t.lineSrc(i, l).loc).toEqual(ln.src.loc);
      for (const c of t.lineCols) expect(t.lineSrc(i, l).at(c.name)).toEqual(ln.src.at(c.name));
      expect(t.recordOfLine(l)).toBe(i);
    });
  }
}

function labelOf(def: EntityDef, rec: AnyRecord): string {
  const vals = def.key.map((k) => rec[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return vals.length ? `${def.name} ${vals.join(' / ')}` : def.name;
}

function same(key: EntityKey, text: string, file = `${defOf(key).path}.csv`) {
  const f = fast(key, file, text);
  const g = generic(key, file, text);
  expect({ records: f.records, rejected: f.rejected, diags: f.diags }).toEqual(g);
  columnsMatch(f.table);
  return f;
}

const INV = 'id,customer,date,qty,price,tax_rate\n';

describe('fast table CSV reader = generic converter', () => {
  it('a clean file of invoices is stored as columns (no record kept), and reads back the same', () => {
    const f = same('invoices', INV + 'I1,C1,2026-01-05,2,10.50,13%\nI1,,,1,3,\nI2,C2,2026-01-06,1,99.999,0.06\n');
    const t = f.table;
    expect(t.size).toBe(2);
    expect([...t.source.subarray(0, 2)]).toEqual([0, 0]); // both kept as rows
    expect(t.lineCount).toBe(3);
    expect([...t.lineStart.subarray(0, 3)]).toEqual([0, 2, 3]);
    const qty = t.colOf('qty', 'dec', true);
    // 2 = 2 / 10^0; price 10.50 = 1050 / 10^2; 13% = 13 / 10^2
    expect([...qty.mant.subarray(0, 3)]).toEqual([2, 1, 1]);
    expect(t.colOf('price', 'dec', true).get(0)!.toString()).toBe('10.50');
    expect(t.colOf('tax_rate', 'dec', true).get(0)!.toString()).toBe('0.13');
    expect(t.colOf('tax_rate', 'dec', true).has(1)).toBe(false);
    const customer = t.colOf('customer', 'code');
    expect(customer.values).toEqual(['C1', 'C2']);
    // row 3 is "I1,,,1,3,": qty starts after the five characters "I1,,,"
    expect(t.lineSrc(0, 1).at('qty')).toEqual({ file: 'finance/invoices.csv', line: 3, col: 6 });
    expect(t.src(1).at('date')).toEqual({ file: 'finance/invoices.csv', line: 4, col: 7 });
  });

  const cases: [string, EntityKey, string][] = [
    ['bad price', 'invoices', INV + 'I1,C1,2026-01-05,2,1O.5,13%\nI2,C1,2026-01-05,2,1,13%\n'],
    ['negative quantity', 'invoices', INV + 'I1,C1,2026-01-05,-2,1,13%\n'],
    ['rate above 100%', 'invoices', INV + 'I1,C1,2026-01-05,2,1,130%\nI2,C1,2026-01-05,2,1,1.5\nI3,C1,2026-01-05,2,1,1\n'],
    ['percentages written other ways', 'invoices', INV + 'I1,C1,2026-01-05,2,1,13 %\nI2,C1,2026-01-05,2,1,%\nI3,C1,2026-01-05,2,1,0.5%\nI4,C1,2026-01-05,2,1,100%\n'],
    ['bad date', 'invoices', INV + 'I1,C1,2026-02-30,2,1,13%\nI2,C1,2026/2/3,2,1,13%\n'],
    ['empty customer', 'invoices', INV + 'I1,,2026-01-05,2,1,13%\n'],
    ['conflicting customer on a continuation row', 'invoices', INV + 'I1,C1,2026-01-05,2,1,13%\nI1,C2,,1,1,\nI1, C1 ,,1,1,\n'],
    ['ids with a semicolon, a tab or a non-ASCII space inside', 'activities', 'id,date,kind,subject\nA;1,2026-01-05,call,s\nA\t2,2026-01-05,call,s\nA\u30003,2026-01-05,call,s\n甲4,2026-01-05,call,s\n'],
    ['id with spaces', 'invoices', INV + 'I 1,C1,2026-01-05,2,1,13%\n I2 ,C1,2026-01-05,2,1,13%\nI2,C1,2026-01-05,2,1,13%\n'],
    ['duplicate invoice after other rows', 'invoices', INV + 'I1,C1,2026-01-05,2,1,13%\nI2,C1,2026-01-05,2,1,13%\nI1,C1,2026-01-05,2,1,13%\n'],
    ['huge and odd numbers', 'invoices', INV + 'I1,C1,2026-01-05,123456789012345678901.5,1,13%\nI2,C1,2026-01-05,+.5,5.,0\nI3,C1,2026-01-05,-0,1e5,\nI4,C1,2026-01-05,.,-,13%\n'],
    ['quoted and multi-line cells', 'invoices', 'id,customer,date,qty,price,tax_rate,notes\nI1,C1,2026-01-05,2,"1,5",13%,\nI2,C1,2026-01-05,2,1,13%,"two\nlines"\nI3,C1,2026-01-05,2,1,13%,x\n'],
    ['CRLF, blank lines, BOM, no final newline', 'invoices', '\ufeffid,customer,date,qty,price,tax_rate\r\nI1,C1,2026-01-05,2,1,13%\r\n\r\nI2,C1,2026-01-05,2,1x,13%\r\nI3,C1,2026-01-05,2,1,13%'],
    ['too many and too few cells', 'invoices', INV + 'I1,C1,2026-01-05,2,1,13%,9\nI2,C1,2026-01-05,2\nI3,C1,2026-01-05,2,1,13%\n'],
    ['unknown column', 'invoices', 'id,customer,date,qty,prise\nI1,C1,2026-01-05,2,1\n'],
    ['no customer column', 'invoices', 'id,date,qty,price\nI1,2026-01-05,2,1\n'],
    ['no id column', 'invoices', 'customer,date,qty,price\nC1,2026-01-05,2,1\n'],
    ['header only', 'invoices', INV],
    ['empty file', 'invoices', ''],
    ['non-ASCII text and full-width spaces', 'customers', 'id,name,city,notes\nC1,客户一有限公司,上海,\nC2,\u3000客户二,北京,x\nC3,客户三\u00a0,广州,\nC4,客户,深圳,\u3000\n'],
    ['customers: defaults, enums, whole numbers, lists, money', 'customers', 'id,name,kind,status,payment_terms,credit_limit,tags,currency\nC1,A,,,30,1000.00,a;b,\nC2,B,person,prospect,1.5,10.001,;,USD\nC3,C,firm,,+7,-1,a; b ;,\nC4,D,company,inactive,99999999999999999,5,x,CNY\n'],
    ['activities: booleans and dates', 'activities', 'id,date,kind,customer,deal,subject,due,done\nA1,2026-01-05,call,C1,D1,hi,,true\nA2,2026-01-05,call,C1,,hi,2026-01-04,是\nA3,2026-01-05,Call,C1,,hi,,maybe\nA4,2026-01-05,visit,,,  ,,no\nA5,2026-01-05,visit,,,x,,TRUE\n'],
    ['deals: optional lines, percentages, stages', 'deals', 'id,title,customer,stage,amount,probability,created,closed,item,qty,price,discount\nD1,T,C1,won,100.00,35%,2026-01-01,2026-02-01,,,,\nD2,T,C1,lead,,,2026-01-01,,P1,2,5,10%\nD2,,,,,,,,P2,1,,\nD3,T,C1,lead,,150%,2026-01-01,,P1,2,5,\nD4,T,C1,lead,,,2026-01-01,,, ,,\n'],
    ['tickets: date-times and a defaulted id field', 'tickets', 'id,customer,subject,priority,opened,first_response,status\nT1,C1,s,,2026-01-05 09:30,2026-01-05 10:00,\nT2,C1,s,high,2026-01-05,2026-01-05 25:00,open\nT3,C1,s,h i,2026-01-05 9:30,,closed\n'],
    ['attendance: a key of two fields, months', 'attendance', 'employee,month,days_worked,absence_days\nE1,2026-01,21,\nE1,2026-1,20,1\nE2,2026-13,20,\nE1,2026-01,21.5,0\n'],
    ['sales orders: whole-number lines, defaults on lines', 'sales-orders', 'id,customer,date,status,line,item,qty,price,discount,due,shipped\nS1,C1,2026-01-05,,1,P1,2,5,,2026-02-01,\nS1,,,,2,P2,1,5,5%,2026-02-01,1\nS2,C1,2026-01-05,draft,0,P1,2,5,,2026-02-01,\nS3,C1,2026-01-05,open,1,P1,2,5,,,\n'],
    ['payments: optional allocations', 'payments', 'id,date,direction,customer,amount,document\nP1,2026-01-05,in,C1,100.00,\nP2,2026-01-05,in,C1,100.00,I1\nP2,,,,,I2\nP3,2026-01-05,sideways,C1,1,\n'],
    ['campaigns: a list of references, a defaulted money field', 'campaigns', 'id,name,start,cost,items\nK1,A,2026-01-01,,P1;P2\nK2,B,2026-01-01,12.345,\nK3,C,2026-01-01,5,P1;;P3 \n'],
  ];
  for (const [name, key, text] of cases) it(name, () => void same(key, text));

  it('deals without line columns (their lines are optional) are stored as columns', () => {
    const f = same('deals', 'id,title,customer,stage,amount,probability,created\nD1,deal 1,C1,won,100.00,35%,2026-01-01\nD2,deal 2,C1,lead,,,2026-01-02\n');
    expect([...f.table.source.subarray(0, 2)]).toEqual([0, 0]);
    expect(f.table.lineCount).toBe(0);
    // a line column without the required item: rows that fill it lack the item, the others have no line
    const g = same('deals', 'id,title,customer,stage,created,qty\nD1,deal 1,C1,won,2026-01-01,\nD2,deal 2,C1,lead,2026-01-02,3\nD3,deal 3,C1,lead,2026-01-02, \n');
    expect(g.table.size).toBe(2);
    expect(g.diags.map((d) => [d.code, d.loc?.line])).toEqual([['missing-field', 3]]);
  });

  it('records of several files follow each other in one table', () => {
    const def = defOf('invoices');
    const t = new EntityTable(def);
    const d = new Diagnostics();
    readTableCsv(def, 'finance/invoices/a.csv', INV + 'I1,C1,2026-01-05,2,1,13%\nI2,C1,2026-01-05,2,1,bad\n', d, t, () => {});
    readTableCsv(def, 'finance/invoices/b.csv', 'id,customer,date,qty,price\nI3,C2,2026-01-06,1,1\nI4,C2,2026-01-06,1,-1\nI5,C3,2026-01-07,1,2\n', d, t, () => {});
    expect(t.size).toBe(3);
    expect([0, 1, 2].map((i) => t.col('id')!.get(i))).toEqual(['I1', 'I3', 'I5']);
    // I5 follows the rejected I4: none of I4's values stayed in the columns
    expect(t.colOf('tax_rate', 'dec', true).has(2)).toBe(false);
    expect(t.src(2).loc).toEqual({ file: 'finance/invoices/b.csv', line: 4, col: 1 });
    columnsMatch(t);
  });

  interface Spec {
    readonly key: EntityKey;
    /** Columns and a valid value for each (row number, first row of its document). */
    readonly cols: Record<string, (n: number, first: boolean) => string>;
    /** Values that are wrong (or odd) for some kind. */
    readonly bad: readonly string[];
  }

  const rnd = lcg(2027);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const date = () => `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
  const dec = (places: number) => (rnd() < 0.2 ? '' : rnd() < 0.1 ? '-' : '') + (Math.floor(rnd() * 100000) / 10 ** places).toFixed(places);
  const BAD = [' ', '\t', '""', '1e5', '12.3.4', '-1', '+5', '5.', '.', '13%', '150%', '99999999999999999999', '0.12345', '2026-02-30', '2026/1/2', '2026-1', '2026-13', 'Call', 'yes', '是', 'TRUE', '1.5', 'A 1', 'A;1', 'a;b', '2026-01-01 25:00', '2026-01-01 9:00', '客户', '\u3000x'];
  const specs: Spec[] = [
    {
      key: 'invoices',
      cols: {
        id: (n) => `I${n}`,
        customer: () => pick(['C1', 'C2', 'C3']),
        date: () => date(),
        due: () => (rnd() < 0.7 ? '' : date()),
        currency: () => pick(['', '', 'USD', 'CNY']),
        notes: () => pick(['', 'n', '说明']),
        item: () => pick(['', 'P1', 'P2']),
        qty: () => String(1 + Math.floor(rnd() * 20)),
        price: () => dec(2).replace('-', ''),
        tax_rate: () => pick(['', '13%', '0.06', '9%']),
      },
      bad: BAD,
    },
    {
      key: 'deals',
      cols: {
        id: (n) => `D${n}`,
        title: (n) => `deal ${n}`,
        customer: () => pick(['C1', 'C2']),
        stage: () => pick(['lead', 'qualified', 'won', 'lost']),
        amount: () => (rnd() < 0.5 ? '' : dec(2).replace('-', '')),
        probability: () => pick(['', '', '35%', '0.5']),
        created: () => date(),
        closed: () => (rnd() < 0.7 ? '' : date()),
        item: () => (rnd() < 0.5 ? '' : pick(['P1', 'P2'])),
        qty: () => (rnd() < 0.5 ? '' : String(1 + Math.floor(rnd() * 5))),
        price: () => (rnd() < 0.7 ? '' : dec(1).replace('-', '')),
        discount: () => pick(['', '', '10%']),
      },
      bad: BAD,
    },
    {
      key: 'activities',
      cols: {
        id: (n) => `A${n}`,
        date: () => date(),
        kind: () => pick(['call', 'visit', 'email']),
        customer: () => pick(['', 'C1', 'C2']),
        deal: () => pick(['', 'D1']),
        subject: (n) => `s${n}`,
        due: () => (rnd() < 0.7 ? '' : date()),
        done: () => pick(['', 'true', 'false', 'yes', '否']),
      },
      bad: BAD,
    },
    {
      key: 'customers',
      cols: {
        id: (n) => `C${n}`,
        name: (n) => pick([`客户${n}有限公司`, `Customer ${n}`]),
        kind: () => pick(['', 'company', 'person']),
        owner: () => pick(['', 'E1']),
        payment_terms: () => pick(['', '30', '0']),
        credit_limit: () => (rnd() < 0.5 ? '' : dec(2).replace('-', '')),
        tags: () => pick(['', 'a', 'a;b']),
        created: () => (rnd() < 0.5 ? '' : date()),
      },
      bad: BAD,
    },
    {
      key: 'sales-orders',
      cols: {
        id: (n) => `S${n}`,
        customer: () => pick(['C1', 'C2']),
        date: () => date(),
        status: () => pick(['', 'open', 'draft']),
        line: (n) => String(1 + (n % 3)),
        item: () => pick(['P1', 'P2']),
        qty: () => String(1 + Math.floor(rnd() * 5)),
        price: () => dec(2).replace('-', ''),
        discount: () => pick(['', '', '5%']),
        due: () => date(),
        shipped: () => pick(['', '0', '1']),
      },
      bad: BAD,
    },
  ];

  it('random files with random damage', () => {
    const damage: ((c: string, s: Spec) => string)[] = [
      (c) => ` ${c}`,
      (c) => `${c} `,
      (c) => `"${c}"`,
      (c) => `"${c.replace(/./, '""')}"`,
      () => '',
      () => ' ',
      () => '\t',
      (c) => c + ',',
      (c) => c + '"',
      (c) => `"${c}\nmore"`,
      (_c, s) => pick(s.bad),
      (_c, s) => pick(s.bad),
    ];
    let columns = 0;
    let kept = 0;
    for (let round = 0; round < 600; round++) {
      const spec = specs[round % specs.length]!;
      const def = defOf(spec.key);
      const all = Object.keys(spec.cols);
      const cols = all.filter((c) => def.key.includes(c) || rnd() < 0.85);
      if (rnd() < 0.2) cols.sort(() => rnd() - 0.5);
      const nl = rnd() < 0.2 ? '\r\n' : '\n';
      let text = (rnd() < 0.1 ? '\ufeff' : '') + cols.join(',') + nl;
      const records = 1 + Math.floor(rnd() * 7);
      for (let r = 0; r < records; r++) {
        const n = rnd() < 0.1 ? 0 : r + 1;
        const rows = def.lines ? 1 + Math.floor(rnd() * 3) : 1;
        const first: Record<string, string> = {};
        for (let k = 0; k < rows; k++) {
          const headFields = new Set(Object.keys(def.fields));
          const cells = cols.map((c) => {
            let v: string;
            if (k > 0 && headFields.has(c)) v = def.key.includes(c) ? first[c]! : rnd() < 0.5 ? '' : first[c]!;
            else v = spec.cols[c]!(n, k === 0);
            if (k === 0) first[c] = v;
            return rnd() < 0.04 ? pick(damage)(v, spec) : v;
          });
          if (rnd() < 0.02) cells.pop();
          text += cells.join(',') + (rnd() < 0.02 ? '\r' : rnd() < 0.03 ? nl + nl : nl);
        }
      }
      if (rnd() < 0.2) text = text.replace(/\r?\n$/, '');
      const { table } = same(spec.key, text);
      for (let i = 0; i < table.size; i++) if (table.source[i]! >= 0) columns++;
      else kept++;
    }
    // both kinds of records were compared
    expect(columns).toBeGreaterThan(500);
    expect(kept).toBeGreaterThan(150);
  });
});
