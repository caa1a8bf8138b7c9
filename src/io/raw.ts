import type { SourceLoc } from '../diagnostics/types.js';

/**
 * Format-neutral raw values with source locations: what YAML and CSV readers
 * produce and what schemas convert into typed records. Scalars stay text
 * (YAML is read with the failsafe schema), so numbers are never floats.
 */
export type Raw = RawScalar | RawMap | RawSeq;

export interface RawScalar {
  readonly kind: 'scalar';
  readonly text: string;
  /** An empty CSV cell, or a plain YAML `~`, `null` or empty value. */
  readonly isNull: boolean;
  readonly loc: SourceLoc;
}

export interface RawSeq {
  readonly kind: 'seq';
  readonly items: readonly Raw[];
  readonly loc: SourceLoc;
}

export interface RawMap {
  readonly kind: 'map';
  readonly loc: SourceLoc;
  /** Keys in source order. */
  keys(): readonly string[];
  get(key: string): Raw | undefined;
  /** Where the key itself is written (for "unknown field"). */
  keyLoc(key: string): SourceLoc;
}

/** A RawMap backed by plain entries (YAML mappings, tests). */
export class EntriesMap implements RawMap {
  readonly kind = 'map' as const;
  private readonly byKey = new Map<string, { keyLoc: SourceLoc; value: Raw }>();
  private readonly order: string[] = [];
  constructor(readonly loc: SourceLoc) {}
  set(key: string, keyLoc: SourceLoc, value: Raw): void {
    if (!this.byKey.has(key)) this.order.push(key);
    this.byKey.set(key, { keyLoc, value });
  }
  keys(): readonly string[] {
    return this.order;
  }
  get(key: string): Raw | undefined {
    return this.byKey.get(key)?.value;
  }
  keyLoc(key: string): SourceLoc {
    return this.byKey.get(key)?.keyLoc ?? this.loc;
  }
}

/** The text of a scalar that is present and not null; undefined otherwise. */
export function scalarText(r: Raw | undefined): string | undefined {
  return r && r.kind === 'scalar' && !r.isNull ? r.text : undefined;
}
