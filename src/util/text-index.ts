/**
 * Open-addressing hash tables on Int32Arrays for the million-row paths,
 * where a Map of a million strings (or a string sliced per cell only to look
 * it up) costs more than the rest of the work. Equality is always checked on
 * the full text, so a hash only decides where to look, never the answer.
 */

/** FNV-1a over the UTF-16 code units of s. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * For each of the first n keys, the index of the first key equal to it (its
 * own index when it is the first). Duplicate detection without a Map.
 * `hashes`, when given, must be hashString of each key (computed by a reader
 * that walked the characters anyway).
 */
export function firstOccurrences(keys: readonly string[], n: number = keys.length, hashes?: Int32Array): Int32Array {
  const out = new Int32Array(n);
  // Keys in strictly increasing order (ids numbered as documents were written) are all distinct: no table.
  let sorted = 0;
  while (sorted + 1 < n && keys[sorted]! < keys[sorted + 1]!) sorted++;
  if (sorted + 1 >= n) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let at = (hashes ? hashes[i]! : hashString(k)) & mask;
    for (;;) {
      const j = table[at]!;
      if (j < 0) {
        table[at] = i;
        out[i] = i;
        break;
      }
      if (keys[j] === k) {
        out[i] = j;
        break;
      }
      at = (at + 1) & mask;
    }
  }
  return out;
}

/**
 * A set of names found by a span of a big text, without slicing the span; a
 * candidate is confirmed with startsWith. By default the hash samples the
 * span's length and a few characters (fast for a small set of long names:
 * accounts of a chart); `full` hashes every character (many short names that
 * differ anywhere: customer ids, dates).
 */
export class SpanIndex {
  /** Open addressing: slot k holds a name's index at 2k (−1 when free) and its hash at 2k + 1. */
  private table = new Int32Array(128).fill(-1);
  private readonly names: string[] = [];
  private readonly values: number[] = [];
  constructor(private readonly full = false) {}

  /** Number of names. */
  get size(): number {
    return this.names.length;
  }

  private hashOf(t: string, s: number, len: number): number {
    return this.full ? fullSpanHash(t, s, len) : spanHash(t, s, len);
  }

  /** The value stored for text[s, e), or −1. */
  find(text: string, s: number, e: number): number {
    const len = e - s;
    if (len === 0) return -1;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const h = this.hashOf(text, s, len);
    // A slot whose hash differs is passed over without reading its name.
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const j = table[2 * at]!;
      if (j < 0) return -1;
      if (table[2 * at + 1] !== h) continue;
      const name = this.names[j]!;
      if (name.length === len && text.startsWith(name, s)) return this.values[j]!;
    }
  }

  /** Store a value for a name (not already present). */
  add(name: string, value: number): void {
    if (name.length === 0) return;
    if ((this.names.length + 1) * 4 > this.table.length) this.rehash(this.table.length); // at most half the slots used
    this.names.push(name);
    this.values.push(value);
    this.place(this.names.length - 1);
  }

  private place(j: number): void {
    const name = this.names[j]!;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const h = this.hashOf(name, 0, name.length);
    let at = h & mask;
    while (table[2 * at]! >= 0) at = (at + 1) & mask;
    table[2 * at] = j;
    table[2 * at + 1] = h;
  }

  private rehash(slots: number): void {
    this.table = new Int32Array(slots * 2).fill(-1);
    for (let j = 0; j < this.names.length; j++) this.place(j);
  }
}

/** FNV-1a of every character of a span, mixed. */
function fullSpanHash(t: string, s: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = s, e = s + len; i < e; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/** Hash of a non-empty span from its length, first, middle and last three characters. */
function spanHash(t: string, s: number, len: number): number {
  const e = s + len;
  let h = Math.imul(len, 0x9e3779b1);
  h = Math.imul(h ^ t.charCodeAt(s), 0x01000193);
  h = Math.imul(h ^ t.charCodeAt(s + (len >> 1)), 0x01000193);
  h = Math.imul(h ^ t.charCodeAt(e - 1), 0x01000193);
  if (len > 1) h = Math.imul(h ^ t.charCodeAt(e - 2), 0x01000193);
  if (len > 2) h = Math.imul(h ^ t.charCodeAt(e - 3), 0x01000193);
  return h ^ (h >>> 15);
}
