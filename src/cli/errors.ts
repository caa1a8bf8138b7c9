import { zhExit, zhHint } from '../diagnostics/zh.js';

/** Exit codes: 0 ok, 1 data/IO error, 2 usage error, 3 alerts found (with --exit-code). */
export const EXIT = { OK: 0, DATA: 1, USAGE: 2, ALERTS: 3 } as const;

/** Stop the command with an exit code; message/hint (if any) go to stderr. */
export class ExitError extends Error {
  /** The word before the hint (提示 with --lang zh-CN). */
  hintLabel = 'hint:';
  constructor(
    readonly code: number,
    message = '',
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The error with its message and hint in Chinese where the catalogue knows them. */
export function localiseExit(e: ExitError): ExitError {
  const out = new ExitError(e.code, zhExit(e.message) ?? e.message, e.hint === undefined ? undefined : (zhHint(e.hint) ?? e.hint));
  out.hintLabel = '提示:';
  return out;
}

export class UsageError extends ExitError {
  constructor(message: string, hint?: string) {
    super(EXIT.USAGE, message, hint);
  }
}

export class DataError extends ExitError {
  constructor(message: string, hint?: string) {
    super(EXIT.DATA, message, hint);
  }
}
