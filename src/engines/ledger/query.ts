/**
 * Which postings a report looks at: a date range [begin, end) as in hledger
 * (begin inclusive, end exclusive), account patterns (case-insensitive
 * regular expressions, any of them may match), and tags (all must match).
 */
import type { IsoDate } from '../../domain/dates.js';
import type { Posting, Txn } from './types.js';

export interface TagFilter {
  readonly name: string;
  /** Exact value, or undefined for "has the tag". */
  readonly value?: string;
}

export interface Query {
  readonly begin?: IsoDate;
  readonly end?: IsoDate;
  readonly accounts?: readonly RegExp[];
  readonly tags?: readonly TagFilter[];
  /** An extra account test (e.g. by account type), applied with the patterns. */
  readonly accept?: (account: string) => boolean;
}

export function parseTagFilter(text: string): TagFilter {
  const t = text.replace(/^tag:/, '');
  const i = t.search(/[=:]/);
  return i < 0 ? { name: t } : { name: t.slice(0, i), value: t.slice(i + 1) };
}

/** An account pattern as a case-insensitive regular expression, or why it is not a valid one. */
export function parseAccountPattern(text: string): { ok: true; re: RegExp } | { ok: false; why: string } {
  try {
    return { ok: true, re: new RegExp(text, 'i') };
  } catch (e) {
    const m = (e as Error).message;
    return { ok: false, why: m.slice(m.lastIndexOf(': ') + 2) };
  }
}

/** Lenient form for patterns from configuration: an invalid expression matches its text literally. */
export function accountPattern(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

export function txnTags(t: Pick<Txn, 'tags'>): Map<string, string> {
  const m = new Map<string, string>();
  for (const tag of t.tags) {
    const i = tag.indexOf(':');
    if (i < 0) m.set(tag, '');
    else m.set(tag.slice(0, i), tag.slice(i + 1));
  }
  return m;
}

export function txnMatches(t: Txn, q: Query): boolean {
  if (q.begin && t.date < q.begin) return false;
  if (q.end && t.date >= q.end) return false;
  return !q.tags || q.tags.length === 0 || tagsMatch(t.tags, q.tags);
}

/** Tags carry every tag filter (all must match). */
export function tagsMatch(tags: readonly string[], filters: readonly TagFilter[]): boolean {
  const m = txnTags({ tags });
  for (const f of filters) {
    const v = m.get(f.name);
    if (v === undefined) return false;
    if (f.value !== undefined && v !== f.value) return false;
  }
  return true;
}

/** Per account of a list: whether the query's account patterns and test accept it (postingMatches, once per account). */
export function accountsMatching(accounts: readonly string[], q: Query): Uint8Array {
  const out = new Uint8Array(accounts.length);
  accounts.forEach((a, i) => {
    if (postingMatches({ account: a }, q)) out[i] = 1;
  });
  return out;
}

export function postingMatches(p: Pick<Posting, 'account'>, q: Query): boolean {
  if (q.accept && !q.accept(p.account)) return false;
  if (!q.accounts || q.accounts.length === 0) return true;
  for (const re of q.accounts) if (re.test(p.account)) return true;
  return false;
}
