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
