import type { Diagnostics } from '../diagnostics/types.js';
import type { Workspace } from '../workspace/workspace.js';

/** One validation over the loaded workspace; pushes diagnostics, never throws. */
export interface Check {
  readonly name: string;
  run(ws: Workspace, d: Diagnostics): void;
}
