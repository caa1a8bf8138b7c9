// Test helper (not built: see tsconfig.build.json). Deal facts with the default stages, CNY, half-up.
import type { Dec } from '../../domain/decimal.js';
import type { IsoDate } from '../../domain/dates.js';
import { DEFAULT_STAGES } from '../../workspace/config.js';
import { dealFacts, type DealIn } from './deals.js';
import { ToBase } from './money.js';
import { Stages } from './stages.js';

export const stages = new Stages(DEFAULT_STAGES);

export function facts(deals: DealIn[], asOf = '2026-11-16' as IsoDate, itemPrice: (i: string) => Dec | undefined = () => undefined) {
  return dealFacts(deals, stages, { asOf, minor: 2, rounding: 'half-up', itemPrice, toBase: new ToBase('CNY', 2, 'half-up', asOf, []) });
}
