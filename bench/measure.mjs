import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Run a command once; wall time (s) and peak RSS (MB, from /usr/bin/time -v when available). */
export function timed(argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const cmd = TIME ? [TIME, '-v', ...argv] : argv;
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const u = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sy = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  // CPU time (user + system) is steadier than wall time on a shared machine
  const cpu = u && sy ? Number(u[1]) + Number(sy[1]) : null;
  return { wall, cpu, userS: u ? Number(u[1]) : null, rssMB: m ? Number(m[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: TIME ? (r.stderr ?? '').replace(/\n\tCommand being timed[\s\S]*$/, '') : r.stderr };
}

export function fmtRow(r) {
  const user = r.userS === null || r.userS === undefined ? '' : ` (${r.userS.toFixed(2)} s user CPU)`;
  return `${r.name.padEnd(48)} ${r.wall.toFixed(2).padStart(7)} s${user}  ${r.rssMB === null ? '   n/a' : r.rssMB.toFixed(0).padStart(6)} MB  exit ${r.status}`;
}
