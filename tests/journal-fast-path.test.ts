/**
 * The fast journal CSV reader (src/workspace/journal-csv.ts) against the
 * generic converter (parse-entity.ts): on the same text they must give the
 * same records (values and source locations), the same rejected records and
 * the same diagnostics. Hand-written journals with one error each, then
 * random journals with random damage.
 */
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../src/domain/entities/index.js';
import type { EntityDef } from '../src/domain/entity.js';
import { Diagnostics, sortDiagnostics } from '../src/diagnostics/types.js';
import { readJournalCsv } from '../src/workspace/journal-csv.js';
import { hashString } from '../src/util/text-index.js';
import { JournalStore } from '../src/workspace/journal-store.js';
import { parseEntityFile, type AnyRecord } from '../src/workspace/parse-entity.js';

const JOURNAL = ENTITIES.journal as unknown as EntityDef;

/** A fixed pseudo-random sequence in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const FILE = 'finance/journal.csv';

/** A record as plain data: every field, and where the record and each field are written. */
function plain(r: AnyRecord): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'src') continue;
    out[k] = k === 'postings' ? (v as AnyRecord[]).map(plain) : v;
  }
  out.loc = r.src.loc;
  out.at = Object.keys(r)
    .filter((k) => k !== 'src')
    .map((k) => [k, r.src.at(k)]);
  return out;
}

function generic(text: string) {
  const d = new Diagnostics();
  const p = parseEntityFile(JOURNAL, FILE, text, d);
  return { records: p.records.map(plain), rejected: p.rejected.map(plain), diags: sortDiagnostics(d.list) };
}

function fast(text: string) {
  const d = new Diagnostics();
  const store = new JournalStore('CNY');
  const rejected: AnyRecord[] = [];
  readJournalCsv(FILE, text, d, store, (r) => void rejected.push(r as AnyRecord));
  return { records: store.records().map(plain), rejected: rejected.map(plain), diags: sortDiagnostics(d.list), store };
}

function same(text: string) {
  const f = fast(text);
  const g = generic(text);
  expect({ records: f.records, rejected: f.rejected, diags: f.diags }).toEqual(g);
  return f;
}

const HEAD = 'id,date,description,account,amount\n';

describe('fast journal CSV reader = generic converter', () => {
  it('a clean journal is stored as columns (no record kept), and reads back the same', () => {
    const f = same(HEAD + 'J1,2026-01-05,rent,expenses:rent,1200.00\nJ1,2026-01-05,rent,assets:bank,-1200.00\nJ2,2026-01-06,sale,assets:bank,99.5\nJ2,,,income:sales,\n');
    const s = f.store;
    expect(s.size).toBe(2);
    expect(s.ids).toEqual(['J1', 'J2']);
    expect([...s.idHash.subarray(0, 2)]).toEqual([hashString('J1') | 0, hashString('J2') | 0]); // hashed while reading
    expect([...s.entrySource.subarray(0, 2)]).toEqual([0, 0]); // both kept as positions
    expect(s.postings).toBe(4);
    // amounts: 1200.00 = 120000 / 10^2; 99.5 = 995 / 10^1; the last has none
    expect([...s.mant.subarray(0, 3)]).toEqual([120000, -120000, 995]);
    expect([...s.scale.subarray(0, 3)]).toEqual([2, 2, 1]);
    expect(s.flags[3]).toBe(1);
    expect(s.accounts).toEqual(['expenses:rent', 'assets:bank', 'income:sales']);
    // row 5 is "J2,,,income:sales,": the account starts after four characters
    expect(s.postingSrc(1, 3).at('account')).toEqual({ file: FILE, line: 5, col: 6 });
    expect(s.entrySrc(1).at('date')).toEqual({ file: FILE, line: 4, col: 4 });
  });

  const cases: [string, string][] = [
    ['bad amount', HEAD + 'J1,2026-01-05,rent,expenses:rent,12O0\nJ1,2026-01-05,rent,assets:bank,-1200\n'],
    ['unbalanced entry is still read', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ1,2026-01-05,rent,assets:bank,-2\n'],
    ['empty date on the first entry', HEAD + 'J1,,rent,expenses:rent,1\nJ1,,rent,assets:bank,-1\nJ2,2026-01-05,x,a:b,0\n'],
    ['bad date', HEAD + 'J1,2026-02-30,rent,expenses:rent,1\nJ1,2026-02-30,rent,assets:bank,-1\n'],
    ['date written another way', HEAD + 'J1,2026/2/3,rent,expenses:rent,1\nJ1,,rent,assets:bank,-1\n'],
    ['missing description', HEAD + 'J1,2026-01-05,,expenses:rent,1\nJ1,2026-01-05,,assets:bank,-1\n'],
    ['blank description with spaces', HEAD + 'J1,2026-01-05,  ,expenses:rent,1\n'],
    ['tab description is present', HEAD + 'J1,2026-01-05,\t,expenses:rent,1\n'],
    ['conflicting date on a continuation row', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ1,2026-01-06,rent,assets:bank,-1\n'],
    ['same date with spaces on a continuation row', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ1, 2026-01-05 ,rent,assets:bank,-1\n'],
    ['bad account', HEAD + 'J1,2026-01-05,rent,expenses::rent,1\nJ1,2026-01-05,rent,assets:bank,-1\n'],
    ['account with spaces around', HEAD + 'J1,2026-01-05,rent, expenses:rent ,1\n'],
    ['bad id', HEAD + 'J 1,2026-01-05,rent,expenses:rent,1\n'],
    ['empty id', HEAD + ',2026-01-05,rent,expenses:rent,1\n,2026-01-05,rent,assets:bank,-1\n'],
    ['id with a space after it on a continuation row', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ1 ,2026-01-05,rent,assets:bank,-1\n'],
    ['duplicate id after other rows', HEAD + 'J1,2026-01-05,a,x:y,1\nJ2,2026-01-05,b,x:y,1\nJ1,2026-01-05,c,x:y,1\n'],
    ['too many cells', HEAD + 'J1,2026-01-05,rent,expenses:rent,1,2\nJ1,2026-01-05,rent,assets:bank,-1\n'],
    ['too few cells', HEAD + 'J1,2026-01-05,rent,expenses:rent\n'],
    ['quoted cells', HEAD + 'J1,2026-01-05,"rent, January",expenses:rent,"1,200.00"\nJ1,2026-01-05,"rent, January",assets:bank,-1200\n'],
    ['multi-line quoted description', HEAD + 'J1,2026-01-05,"two\nlines",expenses:rent,1\nJ1,,,assets:bank,-1\nJ2,2026-01-05,x,a:b,bad\n'],
    ['text after a closing quote', HEAD + 'J1,2026-01-05,"rent"x,expenses:rent,1\n'],
    ['unterminated quote', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ2,2026-01-05,"open,a:b,1\n'],
    ['CRLF and blank lines', 'id,date,description,account,amount\r\nJ1,2026-01-05,rent,expenses:rent,1\r\n\r\nJ1,2026-01-05,rent,assets:bank,-1x\r\n\r\n'],
    ['stray carriage return', HEAD + 'J1,2026-01-05,rent,expenses:rent,1\rJ1,2026-01-05,rent,assets:bank,-1\n'],
    ['BOM and no final newline', '\ufeff' + HEAD + 'J1,2026-01-05,rent,expenses:rent,1\nJ1,2026-01-05,rent,assets:bank,-1'],
    ['commodities', HEAD + 'J1,2026-01-05,fx,assets:usd,100 USD\nJ1,2026-01-05,fx,assets:eur,EUR -100\nJ1,2026-01-05,fx,x:y,100  USD\nJ1,2026-01-05,fx,x:y,1 2\n'],
    ['huge and odd numbers', HEAD + 'J1,2026-01-05,n,a:b,123456789012345678901.5\nJ1,2026-01-05,n,a:b,-9007199254740993\nJ1,2026-01-05,n,a:b,+.5\nJ1,2026-01-05,n,a:b,5.\nJ1,2026-01-05,n,a:b,-\nJ1,2026-01-05,n,a:b,1e5\nJ1,2026-01-05,n,a:b,-0\n'],
    ['whitespace amount', HEAD + 'J1,2026-01-05,n,a:b, \nJ1,2026-01-05,n,a:b, 5 \n'],
    ['unknown column', 'id,date,descripton,account,amount\nJ1,2026-01-05,rent,expenses:rent,1\n'],
    ['no id column', 'date,description,account,amount\n2026-01-05,rent,expenses:rent,1\n'],
    ['no description column', 'id,date,account,amount\nJ1,2026-01-05,expenses:rent,1\n'],
    ['a header column after the posting columns differs on a continuation row', 'id,date,description,account,amount,tags\nJ1,2026-01-05,x,a:b,1,\nJ1,2026-01-05,x,a:c,-1,t1\nJ2,2026-01-05,x,a:b,1,t\nJ2,2026-01-05,x,a:c,-1,t\n'],
    ['header columns between posting columns', 'account,id,amount,date,description\na:b,J1,1,2026-01-05,x\na:c,J1,-1,2026-01-06,x\na:b,J2,1,2026-01-05,y\na:c,J2,-1,,y\n'],
    ['header only', HEAD],
    ['empty file', ''],
    [
      'every column',
      'id,date,description,payee,tags,notes,account,amount,cost,balance,memo\n' +
        'J1,2026-01-05,fx,Bank,a;b:1,n,assets:usd,100 USD,712.34 CNY,,m1\nJ1,,,,,,assets:bank,-712.34,,5000,\n' +
        'J2,2026-01-06,x,,,,a:b,1,,,\nJ2,2026-01-06,x,Other,,,a:c,-1,,,\n' +
        'J3,2026-01-07,y,P,t,,a:b,2,,,memo, with comma\n',
    ],
  ];
  for (const [name, text] of cases) it(name, () => void same(text));

  it('random journals with random damage', () => {
    const rnd = lcg(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const COLS = ['id', 'date', 'description', 'payee', 'tags', 'notes', 'account', 'amount', 'cost', 'balance', 'memo'];
    const damage: ((c: string, col: string) => string)[] = [
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
      (c, col) => (col === 'amount' ? pick(['1e5', '12.3.4', 'abc', '100 USD', 'CNY 5', '99999999999999999999', '-', '.', '+1', '0.000', '1 2']) : c),
      (c, col) => (col === 'date' ? pick(['2026-02-29', '2024-02-29', '2026/1/2', '2026-13-01', '26-01-01']) : c),
      (c, col) => (col === 'account' ? pick(['a::b', 'a :b', ':a', 'a;b', 'a  b', 'assets:bank']) : c),
      (c, col) => (col === 'id' ? pick(['J 1', 'J;1', '', 'J1', 'J2']) : c),
    ];
    let columns = 0;
    let records = 0;
    for (let round = 0; round < 500; round++) {
      const cols = COLS.filter((c) => ['id', 'account'].includes(c) || rnd() < 0.8);
      if (rnd() < 0.3) cols.sort(() => rnd() - 0.5);
      const nl = rnd() < 0.2 ? '\r\n' : '\n';
      let text = (rnd() < 0.1 ? '\ufeff' : '') + cols.join(',') + nl;
      const entries = 1 + Math.floor(rnd() * 6);
      for (let e = 0; e < entries; e++) {
        const id = rnd() < 0.1 ? 'J0' : `J${e + 1}`;
        const date = `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
        const k = 1 + Math.floor(rnd() * 4);
        for (let p = 0; p < k; p++) {
          const vals: Record<string, string> = {
            id,
            date: p > 0 && rnd() < 0.3 ? '' : date,
            description: p > 0 && rnd() < 0.3 ? '' : `entry ${e}`,
            payee: rnd() < 0.5 ? '' : 'Shop',
            tags: rnd() < 0.7 ? '' : 'a;b:c',
            notes: rnd() < 0.8 ? '' : 'note',
            account: pick(['assets:bank', 'expenses:rent', 'income:sales', 'liabilities:card']),
            amount: p === k - 1 && rnd() < 0.3 ? '' : (rnd() < 0.5 ? '-' : '') + Math.floor(rnd() * 100000) / 100,
            cost: rnd() < 0.97 ? '' : '7.12 CNY',
            balance: rnd() < 0.97 ? '' : '100',
            memo: rnd() < 0.8 ? '' : 'm',
          };
          const cells = cols.map((c) => (rnd() < 0.03 ? pick(damage)(vals[c]!, c) : vals[c]!));
          if (rnd() < 0.02) cells.pop();
          text += cells.join(',') + (rnd() < 0.02 ? '\r' : rnd() < 0.03 ? nl + nl : nl);
        }
      }
      if (rnd() < 0.2) text = text.replace(/\r?\n$/, '');
      const { store } = same(text);
      for (let e = 0; e < store.size; e++) expect(store.idHash[e]).toBe(hashString(store.ids[e]!) | 0);
      for (let e = 0; e < store.size; e++) if (store.entrySource[e]! >= 0) columns++;
      else records++;
    }
    // both kinds of entries were compared
    expect(columns).toBeGreaterThan(300);
    expect(records).toBeGreaterThan(300);
  });
});
