import type { Command } from 'commander';
import type { Wrap } from '../command.js';

export function registerLedgerImport(_ledger: Command, _wrap: Wrap): void {
  // implemented in the next step
}
