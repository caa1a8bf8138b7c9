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
  const k = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  return { wall, cpu: u && k ? Number(u[1]) + Number(k[1]) : null, rssMB: m ? Number(m[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: TIME ? (r.stderr ?? '').replace(/\n\tCommand being timed[\s\S]*$/, '') : r.stderr };
}

export function fmtRow(r) {
  const cpu = r.cpu === null || r.cpu === undefined ? '' : ` (cpu ${r.cpu.toFixed(2)} s)`;
  return `${r.name.padEnd(48)} ${r.wall.toFixed(2).padStart(7)} s${cpu}  ${r.rssMB === null ? '   n/a' : r.rssMB.toFixed(0).padStart(6)} MB  exit ${r.status}`;
}
