import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../src/cli/prompt.js';
import { run, snapshotDir, workspace } from './helpers.js';

const CONFIG = `# test workspace
base_currency: CNY
`;
const CUSTOMERS = `# Customers. A header comment that must stay.
#
- id: C0039
  name: 甲乙科技有限公司   # inline comment
  owner: E1
  source: CMP-1

- id: C0040
  name: 丙丁贸易有限公司
  owner: E2
`;
const DEALS = `# Deals. A header comment.
#
- id: D-2026-0001
  title: First   # inline comment
  customer: C0039
  owner: E1
  stage: proposal
  amount: 1000.00
  created: 2026-10-01
  expected_close: 2026-12-01
  history:
  - stage: lead
    date: 2026-10-01
  # moved after the call
  - stage: proposal
    date: 2026-10-10

- id: D-2026-0002
  title: Second
  customer: C0040
  stage: lead
  amount: 500.00
  created: 2026-11-01
  notes: keep me
`;
const ACTIVITIES = `id,date,kind,customer,deal,owner,subject,due,done
A-2026-0007,2026-11-02,call,C0039,D-2026-0001,E1,"first call, with a comma",,true
`;
const CAMPAIGNS = `- id: CMP-1
  name: Expo
  start: 2026-09-01
  cost: 1000.00
`;

const files = () => ({ 'bizctl.yaml': CONFIG, 'crm/customers.yaml': CUSTOMERS, 'crm/deals.yaml': DEALS, 'crm/activities.csv': ACTIVITIES, 'crm/campaigns.yaml': CAMPAIGNS });
const read = (ws: string, p: string) => readFileSync(join(ws, p), 'utf8');
const crm = (ws: string, ...args: string[]) => run(['-C', ws, '--as-of', '2026-11-16', 'crm', ...args]);

describe('crm deal move / won / lost', () => {
  it('changes the stage line and appends to the history; every other line stays', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'deal', 'move', 'D-2026-0001', 'negotiation', '--note', 'call went well');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(ws, 'crm/deals.yaml')).toBe(
      DEALS.replace('  stage: proposal\n  amount: 1000.00', '  stage: negotiation\n  amount: 1000.00').replace(
        '  - stage: proposal\n    date: 2026-10-10\n',
        '  - stage: proposal\n    date: 2026-10-10\n  - stage: negotiation\n    date: 2026-11-16\n    note: call went well\n',
      ),
    );
  });

  it('lost: stage, closed date and reason in schema order, a new history list before notes', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'deal', 'lost', 'D-2026-0002', '--reason', 'price: too high', '--date', '2026-11-15');
    expect(r.code).toBe(0);
    expect(read(ws, 'crm/deals.yaml')).toBe(
      DEALS.replace(
        `  stage: lead
  amount: 500.00
  created: 2026-11-01
  notes: keep me
`,
        `  stage: lost
  amount: 500.00
  created: 2026-11-01
  closed: 2026-11-15
  lost_reason: "price: too high"
  history:
  - stage: lost
    date: 2026-11-15
  notes: keep me
`,
      ),
    );
    // the deal now counts as lost in the stats (closed 11-15, in 2026-Q4)
    const s = JSON.parse((await run(['-C', ws, '--as-of', '2026-11-16', '--format', 'json', 'crm', 'stats'])).stdout);
    expect([s.won, s.lost, s.lost_reasons[0].reason]).toEqual([0, 1, 'price: too high']);
  });

  it('won: the first stage of kind won, closed = --as-of', async () => {
    const ws = workspace(files());
    expect((await crm(ws, 'deal', 'won', 'D-2026-0001')).code).toBe(0);
    const text = read(ws, 'crm/deals.yaml');
    expect(text).toContain('  stage: won\n  amount: 1000.00\n  created: 2026-10-01\n  expected_close: 2026-12-01\n  closed: 2026-11-16\n  history:\n');
    expect(text).toContain('    date: 2026-10-10\n  - stage: won\n    date: 2026-11-16\n\n- id: D-2026-0002');
  });

  it('refuses unknown stages, closed deals, dates before the last change, CSV deals', async () => {
    const ws = workspace(files());
    const before = snapshotDir(ws);
    const bad = await crm(ws, 'deal', 'move', 'D-2026-0001', 'negotation');
    // What the data refuses exits 1: a stage bizctl.yaml lacks, an unknown deal, a date before the last change.
    expect([bad.code, bad.stderr.includes('did you mean "negotiation"?')]).toEqual([1, true]);
    expect((await crm(ws, 'deal', 'move', 'D-2026-9999', 'lead')).code).toBe(1);
    expect((await crm(ws, 'deal', 'move', 'D-2026-0001', 'negotiation', '--date', '2026-10-09')).code).toBe(1); // before 10-10
    expect(snapshotDir(ws)).toEqual(before);
    expect((await crm(ws, 'deal', 'won', 'D-2026-0001')).code).toBe(0);
    const again = await crm(ws, 'deal', 'lost', 'D-2026-0001');
    expect([again.code, again.stderr.includes('already won')]).toEqual([1, true]);

    const csv = workspace({ 'bizctl.yaml': CONFIG, 'crm/customers.yaml': CUSTOMERS, 'crm/deals.csv': 'id,title,customer,stage,amount,created\nD1,x,C0039,lead,100.00,2026-11-01\n' });
    const c = await crm(csv, 'deal', 'move', 'D1', 'qualified');
    expect([c.code, c.stderr.includes('CSV files cannot hold a stage history')]).toEqual([1, true]);
  });

  it('keeps an indented list style', async () => {
    const ws = workspace({
      'bizctl.yaml': CONFIG,
      'crm/customers.yaml': CUSTOMERS,
      'crm/deals.yaml': '- id: D1\n  title: x\n  customer: C0039\n  stage: lead\n  amount: 1.00\n  created: 2026-11-01\n  history:\n    - stage: lead\n      date: 2026-11-01\n',
    });
    expect((await crm(ws, 'deal', 'move', 'D1', 'qualified')).code).toBe(0);
    expect(read(ws, 'crm/deals.yaml')).toBe('- id: D1\n  title: x\n  customer: C0039\n  stage: qualified\n  amount: 1.00\n  created: 2026-11-01\n  history:\n    - stage: lead\n      date: 2026-11-01\n    - stage: qualified\n      date: 2026-11-16\n');
  });
});

describe('crm add', () => {
  it('appends a customer in schema key order with the next id; the rest of the file is unchanged', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'add', 'customer', '--phone', '0571-8888 0000', '--name', '杭州新客户: 测试有限公司', '--owner', 'E3', '--source', 'CMP-1', '--tags', 'a; b');
    expect([r.code, r.stderr]).toEqual([0, '']);
    // name before owner before phone (schema order, not flag order); created = --as-of; a blank line as between the others
    expect(read(ws, 'crm/customers.yaml')).toBe(CUSTOMERS + '\n- id: C0041\n  name: "杭州新客户: 测试有限公司"\n  owner: E3\n  phone: 0571-8888 0000\n  source: CMP-1\n  created: 2026-11-16\n  tags: [a, b]\n');
    const j = JSON.parse((await run(['-C', ws, '--format', 'json', 'show', 'C0041'])).stdout);
    expect(j[0].record.name).toBe('杭州新客户: 测试有限公司');
  });

  it('appends a deal with lines and its first history entry; owner from the customer', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'add', 'deal', '--title', '40 desks', '--customer', 'C0040', '--stage', 'proposal', '--line', 'DESK,40,1180', '--line', 'CHAIR,40,1380,5%', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ action: 'added', entity: 'deal', id: 'D-2026-0003', file: 'crm/deals.yaml', line: 26 }); // 24 lines, a blank line, then the record
    expect(read(ws, 'crm/deals.yaml')).toBe(
      DEALS +
        '\n- id: D-2026-0003\n  title: 40 desks\n  customer: C0040\n  owner: E2\n  stage: proposal\n  created: 2026-11-16\n  lines:\n  - item: DESK\n    qty: 40\n    price: 1180\n  - item: CHAIR\n    qty: 40\n    price: 1380\n    discount: 5%\n  history:\n  - stage: proposal\n    date: 2026-11-16\n',
    );
    // amount = 40 × 1180 + 40 × 1380 × 95% = 47200 + 52440 = 99640; proposal 50% → 49820
    const p = JSON.parse((await run(['-C', ws, '--as-of', '2026-11-16', '--format', 'json', 'crm', 'pipeline'])).stdout);
    expect(p.stages.find((s: { stage: string }) => s.stage === 'proposal')).toMatchObject({ count: 2, amount: '100640.00', weighted: '50320.00' }); // + D-0001 1000 × 50%
  });

  it('appends a CSV row to activities without touching the other rows; customer and owner from the deal', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'add', 'activity', '--kind', 'task', '--deal', 'D-2026-0001', '--subject', 'send the "quote", today', '--due', '2026-11-20');
    expect(r.code).toBe(0);
    expect(read(ws, 'crm/activities.csv')).toBe(ACTIVITIES + 'A-2026-0008,2026-11-16,task,C0039,D-2026-0001,E1,"send the ""quote"", today",2026-11-20,\n');
  });

  it('creates the file when the entity has none yet', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'add', 'ticket', '--customer', 'C0040', '--subject', 'chairs damaged', '--priority', 'high', '--opened', '2026-11-16 10:30');
    expect(r.code).toBe(0);
    expect(read(ws, 'crm/tickets.yaml')).toBe('- id: T-2026-0001\n  customer: C0040\n  subject: chairs damaged\n  priority: high\n  opened: 2026-11-16 10:30\n');
  });

  it('without a terminal, missing required flags are a usage error naming them', async () => {
    const ws = workspace(files());
    const before = snapshotDir(ws);
    const r = await crm(ws, 'add', 'activity', '--deal', 'D-2026-0001');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --kind, --subject');
    const t = await run(['-C', ws, '--no-input', 'crm', 'add', 'customer'], { tty: true });
    expect([t.code, t.stderr.includes('missing --name')]).toEqual([2, true]);
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('refuses a record that would introduce an error, and writes nothing', async () => {
    const ws = workspace(files());
    const before = snapshotDir(ws);
    const r = await crm(ws, 'add', 'deal', '--title', 'x', '--customer', 'C9999', '--amount', '100.00');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crm/deals.yaml:28:13: error[unknown-ref]: customer of deal D-2026-0003 refers to unknown customer "C9999"');
    expect(r.stderr).toContain('nothing was written');
    const d = await crm(ws, 'add', 'ticket', '--customer', 'C0040', '--subject', 's', '--opened', '2026-13-01 10:00');
    expect([d.code, d.stderr.includes('error[bad-date]')]).toEqual([1, true]);
    const dup = await crm(ws, 'add', 'customer', '--id', 'C0039', '--name', 'dup');
    expect([dup.code, dup.stderr]).toEqual([1, 'bizctl: customer C0039 already exists\n  hint: leave out --id to take the next free one\n']);
    expect(snapshotDir(ws)).toEqual(before);
  });

  it('prints a warning the new record introduces (a likely duplicate customer) and still writes', async () => {
    const ws = workspace(files());
    const r = await crm(ws, 'add', 'customer', '--name', '丙丁贸易 有限公司');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[duplicate-customer]: customer C0041 has the same name as C0040');
  });

  it('asks for the values on a terminal', async () => {
    const ws = workspace(files());
    const asked: string[] = [];
    const answers: Record<string, string> = { Kind: 'meeting', Subject: '现场拜访', 'Customer id': 'C0040', 'Deal id': '', 'Due (YYYY-MM-DD, empty if none)': '' };
    const prompter: Prompter = {
      input: async (q) => {
        asked.push(q.message);
        return q.message === 'Owner' ? (q.default ?? '') : (answers[q.message] ?? '');
      },
      select: async (q) => {
        asked.push(q.message);
        expect(q.choices.map((c) => c.value)).toContain(answers[q.message]);
        return answers[q.message]!;
      },
    };
    const r = await run(['-C', ws, '--as-of', '2026-11-16', 'crm', 'add', 'activity', '--date', '2026-11-15'], { tty: true, prompter });
    expect(r.code).toBe(0);
    expect(asked).toEqual(['Kind', 'Subject', 'Customer id', 'Deal id', 'Owner', 'Due (YYYY-MM-DD, empty if none)']);
    // the owner prompt defaulted to the customer's owner (E2)
    expect(read(ws, 'crm/activities.csv')).toBe(ACTIVITIES + 'A-2026-0008,2026-11-15,meeting,C0040,,E2,现场拜访,,\n');
  });

  it('answers equal to the schema default are not written', async () => {
    const ws = workspace(files());
    const prompter: Prompter = {
      input: async (q) => (q.message === 'Name' ? '戊己有限公司' : ''),
      select: async (q) => (q.message === 'Kind' ? 'company' : q.message === 'Status' ? 'prospect' : ''),
    };
    const r = await run(['-C', ws, '--as-of', '2026-11-16', 'crm', 'add', 'customer'], { tty: true, prompter });
    expect(r.code).toBe(0);
    // kind: company is the default and left out; status: prospect is not
    expect(read(ws, 'crm/customers.yaml')).toBe(CUSTOMERS + '\n- id: C0041\n  name: 戊己有限公司\n  status: prospect\n  created: 2026-11-16\n');
  });
});
