/** Account name helpers: colon-separated hierarchy. */

export function parentOf(account: string): string | null {
  const i = account.lastIndexOf(':');
  return i < 0 ? null : account.slice(0, i);
}

export function depthOf(account: string): number {
  let n = 1;
  for (let i = 0; i < account.length; i++) if (account.charCodeAt(i) === 58) n++;
  return n;
}

/** The account clipped to at most `depth` segments. */
export function clip(account: string, depth: number): string {
  let seen = 0;
  for (let i = 0; i < account.length; i++) {
    if (account.charCodeAt(i) === 58 && ++seen === depth) return account.slice(0, i);
  }
  return account;
}

/** The account and all its ancestors, shortest first. */
export function withAncestors(account: string): string[] {
  const parts = account.split(':');
  return parts.map((_, i) => parts.slice(0, i + 1).join(':'));
}

/** Tree order: compare segment by segment, so a parent is directly followed by its children. */
export function compareAccounts(a: string, b: string): number {
  const x = a.split(':');
  const y = b.split(':');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}
