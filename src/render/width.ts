import stringWidth from 'string-width';

/** Terminal display width: CJK and other wide characters count 2 columns. */
export function displayWidth(s: string): number {
  // Fast path for plain ASCII, which is most cells.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      ascii = false;
      break;
    }
  }
  return ascii ? s.length : stringWidth(s);
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}
