import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Atomic write: write a temp file beside the target, then rename over it.
 * An interrupted write leaves the old file intact. A file whose content
 * would not change is not touched at all (its mtime stays).
 * Returns true when the file was written.
 */
export function writeFileAtomic(path: string, content: string): boolean {
  // Compared as bytes (sizes first), not by decoding the old file into a string.
  const bytes = Buffer.from(content, 'utf8');
  const st = existsSync(path) ? statSync(path) : null;
  if (st && (st.size === bytes.length || st.isDirectory()) && readFileSync(path).equals(bytes)) return false; // (a folder: read fails as before)
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temp file may not exist */
    }
    throw e;
  }
  return true;
}

/**
 * Atomic write of a long text given as lines (each without its newline),
 * streamed to the temp file in chunks so the whole text never sits in memory.
 * As with writeFileAtomic, an unchanged file is not touched.
 * Returns true when the file was written.
 */
export function writeLinesAtomic(path: string, lines: Iterable<string>): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    let chunk: string[] = [];
    let size = 0;
    for (const l of lines) {
      chunk.push(l);
      size += l.length + 1;
      if (size > 1 << 20) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
    closeSync(fd);
    fd = -1;
    if (sameContent(path, tmp)) {
      unlinkSync(tmp);
      return false;
    }
    renameSync(tmp, path);
    return true;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* the temp file may not exist */
    }
    throw e;
  }
}

/** Byte-equal files (false if a is missing), compared block by block. */
function sameContent(a: string, b: string): boolean {
  if (!existsSync(a)) return false;
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 16);
    const bb = Buffer.alloc(1 << 16);
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      const nb = readSync(fb, bb, 0, bb.length, null);
      if (na !== nb || ba.compare(bb, 0, nb, 0, na) !== 0) return false;
      if (na === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}
