import { Dec } from '../domain/decimal.js';

/**
 * JSON with exact decimals as strings and a stable key order (insertion
 * order of the report value, which engines build deterministically).
 * Maps become objects with keys in codepoint order; Sets become arrays.
 */
export function renderJson(value: unknown): string {
  return JSON.stringify(toPlain(value), null, 2) + '\n';
}

export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Dec) return v.toString();
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) {
    const keys = [...v.keys()].map(String).sort();
    const o: Record<string, unknown> = {};
    for (const k of keys) o[k] = toPlain(v.get(k));
    return o;
  }
  if (v instanceof Set) return [...v].map(toPlain);
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      o[k] = toPlain(x);
    }
    return o;
  }
  return v;
}
