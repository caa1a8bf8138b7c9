import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO, run, workspace } from './helpers.js';

const FURNITURE = join(REPO, 'data-examples', 'furniture');
const CRM_ONLY = join(REPO, 'data-examples', 'crm-only');
const at = (ws: string) => ['-C', ws, '--as-of', '2026-11-16'];
const json = async (ws: string, ...args: string[]) => {
  const r = await run([...at(ws), '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('crm pipeline on the example company (2026-11-16)', () => {
  it('stage totals by hand from deals.yaml', async () => {
    const p = await json(FURNITURE, 'crm', 'pipeline');
    // lead: D-0019 150000 + D-0020 (2680 + 1380 = 4060) + D-0023 120000 = 274060 → × 10% = 27406
    // qualified: D-0017 30 × 2680 = 80400 + D-0018 380000 + D-0026 210000 = 670400 → × 25% = 167600
    // proposal: D-0015 47200 + 27200 + 55200 = 129600, D-0016 95000, D-0022 53600 + 27600 = 81200 → 305800 × 50% = 152900
    // negotiation: D-0014 216000 + 100000 + 14000 = 330000, D-0021 120 × 490 = 58800, D-0025 14400 + 14400 = 28800 → 417600 × 75% = 313200
    expect(p.stages.map((s: { stage: string; count: number; amount: string; weighted: string }) => [s.stage, s.count, s.amount, s.weighted])).toEqual([
      ['lead', 3, '274060.00', '27406.00'],
      ['qualified', 3, '670400.00', '167600.00'],
      ['proposal', 3, '305800.00', '152900.00'],
      ['negotiation', 3, '417600.00', '313200.00'],
    ]);
    expect(p.total).toEqual({ count: 12, amount: '1667860.00', weighted: '661106.00' });
    expect(p.currency).toBe('CNY');
  });

  it('at-risk deals: past expected close, or idle longer than the stage rot days', async () => {
    const p = await json(FURNITURE, 'crm', 'pipeline');
    const risk = Object.fromEntries(p.at_risk.map((a: { id: string; reasons: string[]; idle_days: number }) => [a.id, [a.reasons.join('+'), a.idle_days]]));
    expect(risk).toEqual({
      'D-2026-0014': ['past-close+rotting', 14], // negotiation (7 days): last activity task A-0344 of 11-02; expected 11-10
      'D-2026-0016': ['past-close+rotting', 11], // proposal (10): task A-0349 of 11-05; expected 10-31
      'D-2026-0017': ['rotting', 19], // qualified (14): entered 10-28, visit the same day
      'D-2026-0018': ['past-close', 6], // expected 11-13; task A-0353 of 11-10
      'D-2026-0019': ['rotting', 57], // lead (14): e-mail of 09-20
      'D-2026-0026': ['rotting', 27], // qualified (14): entered 10-20
    });
    expect((await run([...at(FURNITURE), 'crm', 'pipeline', '--exit-code'])).code).toBe(3);
  });

  it('every view prints; a bad view is a usage error', async () => {
    for (const v of ['stages', 'owners', 'forecast', 'closing', 'at-risk', 'funnel', 'time']) {
      const r = await run([...at(FURNITURE), 'crm', 'pipeline', '--view', v]);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
    expect((await run([...at(FURNITURE), 'crm', 'pipeline', '--view', 'nope'])).code).toBe(2);
    expect((await run([...at(FURNITURE), 'crm', 'pipeline', '--days', '0'])).code).toBe(2);
  });

  it('closing soon: open deals expected within --days', async () => {
    const p = await json(FURNITURE, 'crm', 'pipeline', '--days', '7');
    // 11-16 … 11-23: D-2026-0020 (11-20) only
    expect(p.closing.map((c: { id: string; days_left: number }) => [c.id, c.days_left])).toEqual([['D-2026-0020', 4]]);
  });

  it('Chinese headers with --lang zh-CN', async () => {
    const r = await run([...at(FURNITURE), '--lang', 'zh-CN', 'crm', 'pipeline']);
    expect(r.stdout).toContain('加权金额');
    expect(r.stdout).toContain('方案报价');
  });
});

describe('crm stats', () => {
  it('2026-Q3 on the example company', async () => {
    const s = await json(FURNITURE, 'crm', 'stats', '--period', '2026-Q3');
    // closed in Q3: D-0005 won 07-27 (75464.00, 37 days), D-0004 lost 08-12, D-0003 won 08-28 (128000.00, 58 days), D-0006 lost 09-20
    // win rate 2 / 4 = 50%; average won (75464 + 128000) / 2 = 101732; cycle (37 + 58) / 2 = 47.5
    // velocity = 12 open × 203464 × 2 / (4 × 95) = 4883136 / 380 = 12850.357… → 12850.36
    expect([s.won, s.lost, s.win_rate_pct, s.won_amount, s.avg_won_size, s.avg_cycle_days, s.open_deals, s.velocity_per_day]).toEqual([2, 2, '50.00', '203464.00', '101732.00', '47.5', 12, '12850.36']);
    expect(s.lost_reasons.map((r: { count: number; amount: string }) => [r.count, r.amount])).toEqual([
      [1, '38220.00'], // D-0004: 12 × 1180 + 6 × 1250 + 12 × 1380
      [1, '420000.00'], // D-0006 (reasons ordered by count, then text: "价格…" < "未入…")
    ]);
  });

  it('2026 on the CRM-only example, clipped to the as-of date', async () => {
    const s = await json(CRM_ONLY, 'crm', 'stats', '--period', '2026');
    // won D-001 186000 (03-12 → 05-08 = 57 days), D-002 92000 (05-20 → 07-02 = 43), D-011 18500 (06-30 → 07-20 = 20); lost D-003, D-012
    // win rate 3/5 = 60%; average 296500 / 3 = 98833.33; cycle 120 / 3 = 40.0; velocity 7 × 296500 × 3 / (5 × 120) = 10377.50
    expect([s.to, s.win_rate_pct, s.avg_won_size, s.avg_cycle_days, s.velocity_per_day]).toEqual(['2026-11-16', '60.00', '98833.33', '40.0', '10377.50']);
  });

  it('a bad period is a usage error', async () => {
    expect((await run([...at(FURNITURE), 'crm', 'stats', '--period', '2026-Q5'])).code).toBe(2);
  });
});

describe('crm today', () => {
  it('tasks due by 11-16 and not done, and next steps of open deals', async () => {
    const t = await json(FURNITURE, 'crm', 'today');
    const acts = t.followups.filter((f: { kind: string }) => f.kind !== 'next-step').map((f: { id: string }) => f.id).sort();
    expect(acts).toEqual(['A-2026-0344', 'A-2026-0349', 'A-2026-0352', 'A-2026-0353', 'A-2026-0357', 'A-2026-0358', 'A-2026-0362']);
    const steps = t.followups.filter((f: { kind: string }) => f.kind === 'next-step').map((f: { id: string }) => f.id);
    expect(steps).toEqual(['D-2026-0014', 'D-2026-0018', 'D-2026-0021']); // next_step_date 11-06, 11-12, 11-16
    expect(t.followups.map((f: { owner: string }) => f.owner)).toEqual(['E003', 'E003', 'E005', 'E005', 'E005', 'E005', 'E006', 'E006', 'E006', 'E006']);
    expect((await run([...at(FURNITURE), 'crm', 'today', '--exit-code'])).code).toBe(3);
    expect((await run([...at(FURNITURE), 'crm', 'today', '--owner', 'E005', '--exit-code'])).code).toBe(3);
    // An owner who is not an employee is an unknown id (exit 1), not an empty list.
    const none = await run([...at(FURNITURE), 'crm', 'today', '--owner', 'E999', '--exit-code']);
    expect([none.code, none.stdout, none.stderr]).toEqual([1, '', 'bizctl: unknown owner "E999"\n  hint: `bizctl ls employees` lists them\n']); // E999 is 2 edits from E009: too far to suggest
  });
});

describe('crm tickets', () => {
  it('open tickets past their SLA on the example company (calendar clock)', async () => {
    const t = await json(FURNITURE, 'crm', 'tickets');
    const overdue = t.tickets.filter((x: { overdue: boolean }) => x.overdue).map((x: { id: string }) => x.id);
    expect(overdue).toEqual(['T-2026-0049', 'T-2026-0048', 'T-2026-0051']); // by opening time
    const t48 = t.tickets.find((x: { id: string }) => x.id === 'T-2026-0048');
    // first response 10:15 → 11:40 = 85 min > 60: breached; open since 11-13 10:15 → 11-17 00:00 = 85h45m > 8h
    expect([t48.first_response.elapsed_min, t48.first_response.state, t48.resolution.elapsed_min, t48.resolution.state, t48.order_status]).toEqual([85, 'breached', 5145, 'overdue', 'partly shipped']);
    expect((await run([...at(FURNITURE), 'crm', 'tickets', '--exit-code'])).code).toBe(3);
  });

  it('business hours: the weekend does not count', async () => {
    const t = await json(FURNITURE, 'crm', 'tickets', '--clock', 'business');
    const byId = Object.fromEntries(t.tickets.map((x: { id: string; resolution: { elapsed_min: number; state: string }; first_response: { state: string } }) => [x.id, x]));
    // T-0048 (Fri 11-13 10:15): Friday 10:15–18:00 = 7h45 + Monday 9h = 16h45 = 1005 min > 8h
    expect([byId['T-2026-0048'].resolution.elapsed_min, byId['T-2026-0048'].resolution.state]).toEqual([1005, 'overdue']);
    // T-0051 (Sat 11-14 16:00), low 24h: only Monday 9h = 540 min counts → still running
    expect([byId['T-2026-0051'].first_response.elapsed_min, byId['T-2026-0051'].first_response.state]).toEqual([540, 'running']);
  });

  it('T-002 is past its SLA on the CRM-only example', async () => {
    const t = await json(CRM_ONLY, 'crm', 'tickets');
    expect(t.tickets.filter((x: { overdue: boolean }) => x.overdue).map((x: { id: string }) => x.id)).toEqual(['T-002']);
    // high: resolution 24h; open 11-12 14:10 → 11-17 00:00 = 105h50m; no sales order (no sales/ folder)
    expect(t.tickets.find((x: { id: string }) => x.id === 'T-002').resolution.elapsed_min).toBe(105 * 60 + 50);
  });

  it('--time moves "now" within the as-of day', async () => {
    // at 09:00 on 11-16, T-0052 (opened 08:45, low) has run 15 minutes
    const t = await json(FURNITURE, 'crm', 'tickets', '--time', '09:00');
    expect(t.tickets.find((x: { id: string }) => x.id === 'T-2026-0052').first_response.elapsed_min).toBe(15);
    expect((await run([...at(FURNITURE), 'crm', 'tickets', '--time', '25:00'])).code).toBe(2);
  });
});

describe('crm campaigns', () => {
  it('a campaign with several won deals counts its cost once', async () => {
    const c = await json(FURNITURE, 'crm', 'campaigns');
    const x = c.campaigns.find((r: { campaign: string }) => r.campaign === 'CMP-2026-01');
    // won D-0007 (154800 + 81000), D-0009 (33600 + 7200), D-0010 (62400 + 44160) = 383160
    // leads: C0004 C0006 C0023 C0030 C0036 C0040 (source) ∪ deal customers = 6; new: C0004 C0006 C0030 (won deals) + C0023 (invoiced) = 4
    // cost per lead 86000 / 6 = 14333.33; CAC 86000 / 4 = 21500; ROI (383160 − 86000) / 86000 = 345.53%
    expect([x.cost, x.leads, x.deals, x.won, x.new_customers, x.revenue, x.cost_per_lead, x.cac, x.roi_pct]).toEqual(['86000.00', 6, 5, 3, 4, '383160.00', '14333.33', '21500.00', '345.53']);
    expect(c.total.cost).toBe('163000.00'); // 15000 + 24000 + 86000 + 3000 + 35000
  });

  it('invoice attribution needs invoices', async () => {
    const r = await run([...at(CRM_ONLY), 'crm', 'campaigns', '--attribution', 'invoices']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('needs finance/invoices');
  });
});

describe('segmentation and win-back on a small workspace', () => {
  // Six customers with invoices (net = qty × price; VAT does not count), as of 2026-11-16.
  const inv = (id: string, c: string, date: string, price: string) => `- id: ${id}\n  customer: ${c}\n  date: ${date}\n  lines:\n  - qty: 1\n    price: ${price}\n    tax_rate: 13%\n`;
  const ws = () =>
    workspace({
      'bizctl.yaml': 'base_currency: CNY\n',
      'crm/customers.yaml': ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'].map((k) => `- id: ${k}\n  name: Customer ${k}\n  owner: E1\n`).join(''),
      'finance/invoices.yaml': [
        inv('I1', 'K1', '2026-11-16', '500.00'), // recency 0 (the analysis date itself)
        inv('I2', 'K2', '2026-11-06', '300.00'), // 10
        inv('I3', 'K2', '2026-10-01', '0.00'),
        inv('I4', 'K3', '2026-11-06', '100.00'), // 10
        inv('I5', 'K4', '2026-06-01', '60.00'), // 168
        inv('I6', 'K5', '2025-11-16', '40.00'), // 365
        inv('I7', 'K6', '2026-11-17', '999.00'), // after the analysis date: not a purchase yet
      ].join(''),
    });

  it('RFM: ties at a cut share the bin, R reversed from the analysis date', async () => {
    const r = await json(ws(), 'crm', 'segment', 'rfm');
    // 5 buyers: cut ranks ⌈k·5/5⌉ = 1, 2, 3, 4
    // recency sorted 0 10 10 168 365 → cuts 0, 10, 10, 168; score(0) = 1 → R 5; score(10) = 2 (10 > 0 only) → R 4 (K2, K3 tie);
    //   score(168) = 4 → R 2; score(365) = 5 → R 1
    // frequency 1 1 1 1 2 → cuts 1, 1, 1, 1: 1 → F 1; 2 → F 5
    // monetary 40 60 100 300 500 → cuts 40, 60, 100, 300: 500 → 5, 300 → 4, 100 → 3, 60 → 2, 40 → 1
    expect(r.cuts).toEqual({ recency_days: [0, 10, 10, 168], frequency: [1, 1, 1, 1], monetary: ['40.00', '60.00', '100.00', '300.00'] });
    expect(r.rows.map((x: { customer: string; r: number; f: number; m: number; score: number; segment: string }) => [x.customer, x.r, x.f, x.m, x.score, x.segment])).toEqual([
      ['K1', 5, 1, 5, 515, 'new'],
      ['K2', 4, 5, 4, 454, 'loyal'],
      ['K3', 4, 1, 3, 413, 'promising'],
      ['K4', 2, 1, 2, 212, 'hibernating'],
      ['K5', 1, 1, 1, 111, 'lost'],
    ]);
    expect(r.source).toBe('invoices');
    // a later analysis date moves recency: K1 bought on 11-16, so on 11-26 its recency is 10 days
    const later = JSON.parse((await run(['-C', ws(), '--as-of', '2026-11-26', '--format', 'json', 'crm', 'segment', 'rfm'])).stdout);
    expect(later.rows.find((x: { customer: string }) => x.customer === 'K1').recency_days).toBe(10);
  });

  it('ABC: the customer that crosses 80% is A', async () => {
    const r = await json(ws(), 'crm', 'segment', 'abc');
    // total 1000: K1 500 (50%), K2 300 (80% — reaches 80% exactly, share before 50%: A), K3 100 (90%: B), K4 60 (96%: crosses 95%, B), K5 40 (C)
    expect(r.rows.map((x: { customer: string; cumulative_pct: string; class: string }) => [x.customer, x.cumulative_pct, x.class])).toEqual([
      ['K1', '50.00', 'A'],
      ['K2', '80.00', 'A'],
      ['K3', '90.00', 'B'],
      ['K4', '96.00', 'B'],
      ['K5', '100.00', 'C'],
    ]);
  });

  it('dormant: bought before but not within N days', async () => {
    const r = await json(ws(), 'crm', 'dormant', '--days', '168');
    expect(r.customers.map((c: { customer: string; days_since: number; lifetime_value: string; owner: string }) => [c.customer, c.days_since, c.lifetime_value, c.owner])).toEqual([
      ['K4', 168, '60.00', 'E1'],
      ['K5', 365, '40.00', 'E1'],
    ]);
    expect((await run([...at(ws()), 'crm', 'dormant', '--days', '168', '--exit-code'])).code).toBe(3);
  });

  it('works from won deals on the CRM-only example', async () => {
    const r = await json(CRM_ONLY, 'crm', 'segment', 'rfm');
    expect(r.source).toBe('deals');
    expect(r.rows.map((x: { customer: string }) => x.customer).sort()).toEqual(['C001', 'C002', 'C011']); // D-001, D-002, D-011 won
  });
});

describe('every CRM report on both examples, in every format', () => {
  const cmds = [
    ['crm', 'pipeline'],
    ['crm', 'stats'],
    ['crm', 'today'],
    ['crm', 'segment', 'rfm'],
    ['crm', 'segment', 'abc'],
    ['crm', 'dormant'],
    ['crm', 'campaigns'],
    ['crm', 'tickets'],
  ];
  for (const ws of [FURNITURE, CRM_ONLY])
    for (const c of cmds)
      it(`${ws.split('/').pop()}: ${c.join(' ')}`, async () => {
        for (const f of ['table', 'csv', 'json']) {
          const r = await run([...at(ws), '--format', f, ...c]);
          expect(r.code).toBe(0);
          expect(r.stderr).toBe('');
          if (f === 'json') JSON.parse(r.stdout);
          const again = await run([...at(ws), '--format', f, ...c]);
          expect(again.stdout).toBe(r.stdout); // deterministic
        }
      });
});
