/** Exit codes: 0 ok, 1 data/IO error, 2 usage error, 3 alerts found (with --exit-code). */
export const EXIT = { OK: 0, DATA: 1, USAGE: 2, ALERTS: 3 } as const;

/** Stop the command with an exit code; message/hint (if any) go to stderr. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message = '',
    readonly hint?: string,
  ) {
    super(message);
  }
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
