/**
 * The pipeline stages of bizctl.yaml (crm.stages), in order, with lookups.
 * Open stages form the pipeline; won and lost stages close a deal.
 */
import type { Dec } from '../../domain/decimal.js';
import type { Stage } from '../../workspace/config.js';

export class Stages {
  readonly list: readonly Stage[];
  /** Open stages in pipeline order. */
  readonly open: readonly Stage[];
  private readonly byId = new Map<string, Stage>();
  private readonly openIdx = new Map<string, number>();

  constructor(stages: readonly Stage[]) {
    this.list = stages;
    this.open = stages.filter((s) => s.kind === 'open');
    for (const s of stages) this.byId.set(s.id, s);
    this.open.forEach((s, i) => this.openIdx.set(s.id, i));
  }

  get(id: string): Stage | undefined {
    return this.byId.get(id);
  }

  kind(id: string): 'open' | 'won' | 'lost' {
    return this.byId.get(id)?.kind ?? 'open';
  }

  /** Position among the open stages (0 = first), or -1 for won/lost/unknown stages. */
  openIndex(id: string): number {
    return this.openIdx.get(id) ?? -1;
  }

  /** The first stage of a kind (the target of `deal won` / `deal lost`). */
  firstOf(kind: 'won' | 'lost'): Stage | undefined {
    return this.list.find((s) => s.kind === kind);
  }

  probability(id: string): Dec | undefined {
    return this.byId.get(id)?.probability;
  }
}
