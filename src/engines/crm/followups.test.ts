import { describe, expect, it } from 'vitest';
import { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { facts } from './fixtures.test-util.js';
import { followups } from './followups.js';

const d = (s: string) => s as IsoDate;

describe('follow-ups due', () => {
  it('not-done activities due by the as-of date and next steps of open deals, by owner then due date', () => {
    const deals = facts([
      { id: 'D1', title: 't', customer: 'K1', owner: 'E2', stage: 'proposal', amount: Dec.of('1'), created: d('2026-10-01'), next_step: 'call back', next_step_date: d('2026-11-16') },
      { id: 'D2', title: 't', customer: 'K2', owner: 'E2', stage: 'won', amount: Dec.of('1'), created: d('2026-10-01'), closed: d('2026-11-01'), next_step: 'x', next_step_date: d('2026-11-01') }, // closed: ignored
    ]);
    const acts = [
      { id: 'A1', date: d('2026-11-01'), kind: 'task', owner: 'E2', deal: 'D1', subject: 'quote', due: d('2026-11-06'), done: false }, // 10 days overdue
      { id: 'A2', date: d('2026-11-01'), kind: 'task', owner: 'E1', subject: 'ok', due: d('2026-11-06'), done: true }, // done
      { id: 'A3', date: d('2026-11-10'), kind: 'call', owner: 'E1', customer: 'K3', subject: 'no due', done: false }, // due = its date
      { id: 'A4', date: d('2026-11-10'), kind: 'task', owner: 'E1', subject: 'later', due: d('2026-11-17'), done: false }, // tomorrow
      { id: 'A5', date: d('2026-11-10'), kind: 'task', subject: 'nobody', due: d('2026-11-16'), done: false },
      { id: 'A6', date: d('2026-11-17'), kind: 'task', owner: 'E1', subject: 'created later', due: d('2026-11-10'), done: false }, // not there yet
    ];
    expect(followups(acts, deals, d('2026-11-16')).map((f) => [f.owner, f.id, f.kind, f.due, f.days_overdue, f.customer])).toEqual([
      ['E1', 'A3', 'call', '2026-11-10', 6, 'K3'],
      ['E2', 'A1', 'task', '2026-11-06', 10, 'K1'], // customer from the deal
      ['E2', 'D1', 'next-step', '2026-11-16', 0, 'K1'],
      [null, 'A5', 'task', '2026-11-16', 0, null],
    ]);
  });
});
