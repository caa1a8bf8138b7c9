/**
 * Text of an imported file: UTF-8 (with or without BOM) or GB18030/GBK, the
 * encoding of Chinese Excel exports. Detection: a UTF-8 BOM, else valid
 * UTF-8, else GB18030 (a superset of GBK and GB2312).
 */
export type Encoding = 'utf8' | 'gb18030';

export function normaliseEncoding(name: string): Encoding | null {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8') return 'utf8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030';
  return null;
}

export function decodeText(buf: Uint8Array, forced?: Encoding): { text: string; encoding: Encoding } {
  if (forced === 'gb18030') return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  const hasBom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (forced === 'utf8' || hasBom) return { text: new TextDecoder('utf-8').decode(hasBom ? buf.subarray(3) : buf), encoding: 'utf8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

/**
 * Where the first byte that is not valid UTF-8 is (after a BOM): 1-based line, and column in
 * characters, or null when every byte is valid. For `--encoding utf8` on a file that is not.
 */
export function invalidUtf8At(buf: Uint8Array): { line: number; col: number } | null {
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const off = firstInvalidUtf8(buf, start);
  if (off < 0) return null;
  const before = new TextDecoder('utf-8').decode(buf.subarray(start, off));
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  return { line, col: Array.from(before.slice(nl + 1)).length + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or −1. */
function firstInvalidUtf8(buf: Uint8Array, from: number): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    const c = buf[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF (RFC 3629).
    if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return i;
    i += len;
  }
  return -1;
}
