/**
 * Ids named on the command line that are not in the data: exit 1 (a data error, like
 * `show X-1`), with the closest existing id as a suggestion, else where the ids are listed.
 */
import { didYouMean } from '../util/suggest.js';
import { DataError } from './errors.js';

/** `unknown item "DESK-160"` + `hint: did you mean DESK-1600?` (or `` `bizctl ls items` lists them ``). */
export function unknownId(what: string, id: string, known: Iterable<string>, list: string): DataError {
  const g = didYouMean(id, known);
  return new DataError(`unknown ${what} "${id}"`, g ? `did you mean ${g}?` : `${list} lists them`);
}

/** Stop with `unknownId` unless `id` is one of `known`. */
export function requireId(what: string, id: string, known: readonly string[] | ReadonlySet<string>, list: string): void {
  const has = Array.isArray(known) ? (known as readonly string[]).includes(id) : (known as ReadonlySet<string>).has(id);
  if (!has) throw unknownId(what, id, known, list);
}
