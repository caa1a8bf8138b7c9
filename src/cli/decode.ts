/**
 * The text of an input file for the import commands: detected (UTF-8, else GB18030), or as
 * --encoding says. Forced UTF-8 on bytes that are not UTF-8 is a bad-encoding error at the
 * first invalid byte (exit 1), not a text full of replacement characters that fails row by row.
 */
import { Diagnostics } from '../diagnostics/types.js';
import { decodeText, invalidUtf8At, type Encoding } from '../import/encoding.js';
import type { Ctx } from './context.js';
import { DataError } from './errors.js';

export function decodeInput(ctx: Ctx, file: string, shown: string, forced: Encoding | undefined, nothing: string): string {
  const buf = ctx.readInput(file);
  if (forced === 'utf8') {
    const at = invalidUtf8At(buf);
    if (at) {
      const d = new Diagnostics();
      d.push('bad-encoding', { file: shown, ...at }, `${shown} is not valid UTF-8, as --encoding utf8 says it is`, 'a Chinese Excel export is usually GBK: use --encoding gbk, or leave --encoding out to detect it');
      ctx.printDiagnostics(d.list, null);
      throw new DataError(nothing);
    }
  }
  return decodeText(buf, forced).text;
}
