import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE = 'bizctl.yaml';

export type Discovery = { ok: true; root: string; how: 'flag' | 'env' | 'search' } | { ok: false; message: string; hint: string };

/**
 * Find the workspace like git finds a repository:
 * -C/--workspace DIR > BIZCTL_WORKSPACE > nearest bizctl.yaml walking up from cwd.
 */
export function discoverWorkspace(opts: { flag?: string; env?: string; cwd: string }): Discovery {
  if (opts.flag) return explicit(resolve(opts.cwd, opts.flag), 'flag', '-C/--workspace');
  if (opts.env) return explicit(resolve(opts.cwd, opts.env), 'env', 'BIZCTL_WORKSPACE');
  let dir = resolve(opts.cwd);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return { ok: true, root: dir, how: 'search' };
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return {
    ok: false,
    message: `no bizctl workspace found: no ${CONFIG_FILE} in ${resolve(opts.cwd)} or any folder above it`,
    hint: 'run `bizctl init` to create one here, or pass -C DIR (or set BIZCTL_WORKSPACE) to use another folder',
  };
}

function explicit(dir: string, how: 'flag' | 'env', what: string): Discovery {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, message: `workspace folder ${dir} (from ${what}) does not exist`, hint: 'check the path, or run `bizctl init DIR` to create a workspace there' };
  }
  if (!existsSync(join(dir, CONFIG_FILE))) {
    return { ok: false, message: `${dir} (from ${what}) has no ${CONFIG_FILE}`, hint: `run \`bizctl init ${dir}\` to create one` };
  }
  return { ok: true, root: dir, how };
}
