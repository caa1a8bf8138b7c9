/**
 * The id of a new record: the next free number in the pattern of the existing
 * ids. The pattern is the prefix + digit run of the last record in load order
 * (the one added most recently): "C0040" → C0041, "D-2026-0027" → D-2026-0028.
 * The number is one more than the largest id with that prefix and digit width.
 * With no records yet, `fallback` is used (e.g. C0001, D-2026-0001).
 */
export function nextId(existing: readonly string[], fallback: string): string {
  return idAllocator(existing, fallback)();
}

/**
 * Ids for several new records at once (an import of 100,000 rows): the same
 * pattern rule as nextId, the largest number found once, then counting up.
 */
export function idAllocator(existing: readonly string[], fallback: string): () => string {
  const taken = new Set(existing);
  const last = existing[existing.length - 1];
  const m = last === undefined ? null : /^(.*?)(\d+)$/.exec(last);
  if (!m && !taken.has(fallback)) {
    let first = true;
    const f = /^(.*?)(\d+)$/.exec(fallback)!;
    const rest = counter(f[1]!, f[2]!.length, existing, taken);
    return () => {
      if (first) {
        first = false;
        taken.add(fallback);
        return fallback;
      }
      return rest();
    };
  }
  const p = m ?? /^(.*?)(\d+)$/.exec(fallback)!;
  return counter(p[1]!, p[2]!.length, existing, taken);
}

function counter(prefix: string, width: number, existing: readonly string[], taken: Set<string>): () => string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (rest.length === width && /^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max;
  return () => {
    let id = prefix + String(++n).padStart(width, '0');
    while (taken.has(id)) id = prefix + String(++n).padStart(width, '0');
    taken.add(id);
    return id;
  };
}
