import { describe, expect, it } from 'vitest';
import { appendYamlRecords, updateYamlRecord, yamlScalar } from './records.js';
import { addCsvColumns, appendCsvRows, updateCsvRows } from './csv-edit.js';

const YAML = `# customers   (aligned comment kept)
- id: C1
  name: 甲公司        # the first
  phone: "021-1"
  tags: [a, b]

- id: C2
  name: 乙
  city: 北京
`;

describe('YAML record edits', () => {
  it('scalars: plain when safe, quoted otherwise', () => {
    expect(yamlScalar('上海')).toBe('上海');
    expect(yamlScalar('1234.50')).toBe('1234.50');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('null')).toBe('"null"');
    expect(yamlScalar('- x')).toBe('"- x"');
    expect(yamlScalar('#x')).toBe('"#x"');
  });
  it('append keeps every existing byte and the blank-line habit', () => {
    const out = appendYamlRecords(YAML, [{ id: 'C3', name: '丙: 分公司', tags: ['x'] }]);
    expect(out).toBe(YAML + '\n- id: C3\n  name: "丙: 分公司"\n  tags: [x]\n');
  });
  it('nested lists sit at the key column, as fmt writes them', () => {
    expect(appendYamlRecords('', [{ id: 'J1', tags: ['bank'], postings: [{ account: 'a:b', amount: '1.00' }, { account: 'c' }] }])).toBe('- id: J1\n  tags: [bank]\n  postings:\n  - account: a:b\n    amount: 1.00\n  - account: c\n');
  });
  it('update changes only the values, keeps quotes and comments, adds missing keys as new lines', () => {
    const out = updateYamlRecord(YAML, 0, [
      ['name', '甲公司(新)'],
      ['phone', '021-2'],
      ['city', '上海'],
    ]);
    expect(out).toBe(`# customers   (aligned comment kept)
- id: C1
  name: 甲公司(新)        # the first
  phone: "021-2"
  tags: [a, b]
  city: 上海

- id: C2
  name: 乙
  city: 北京
`);
    const second = updateYamlRecord(YAML, 1, [['city', '天津']]);
    expect(second).toBe(YAML.replace('city: 北京', 'city: 天津'));
  });
});

describe('CSV record edits', () => {
  const CSV = 'id,name,phone\nC1,甲,021-1\nC2,"乙, 分部",021-2\n';
  it('append adds rows only', () => {
    expect(appendCsvRows(CSV, [{ id: 'C3', name: '丙', phone: '' }])).toBe(CSV + 'C3,丙,\n');
  });
  it('a new column extends the header and pads existing rows', () => {
    expect(() => appendCsvRows(CSV, [{ id: 'C3', city: '上海' }])).toThrow('the file has no column for city');
    expect(appendCsvRows(CSV, [{ id: 'C3', name: '丙', city: '上海' }], { columns: ['id', 'name', 'phone', 'city'] })).toBe('id,name,phone,city\nC1,甲,021-1,\nC2,"乙, 分部",021-2,\nC3,丙,,上海\n');
  });
  it('an update that needs a new column extends the header first', () => {
    expect(updateCsvRows(addCsvColumns(CSV, ['city']), new Map([[2, { city: '上海' }]]))).toBe('id,name,phone,city\nC1,甲,021-1,上海\nC2,"乙, 分部",021-2,\n');
  });
  it('update rewrites one row', () => {
    expect(updateCsvRows(CSV, new Map([[3, { phone: '021-9' }]]))).toBe('id,name,phone\nC1,甲,021-1\nC2,"乙, 分部",021-9\n');
  });
});
