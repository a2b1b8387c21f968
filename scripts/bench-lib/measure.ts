/**
 * Run one child process and measure it: wall time (our own clock) and peak resident memory.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -f '%e %M'`, exact: the kernel's ru_maxrss) when it
 * is installed; otherwise from polling /proc/<pid>/status VmHWM every 10 ms (a lower bound: a peak
 * in the last few milliseconds before exit can be missed) — the result says which. Set
 * SMTP_DOCTOR_BENCH_RSS=proc to force the /proc way.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export type RssMethod = 'gnu-time' | 'proc-sampled' | 'none';

export interface Measurement {
  /** Seconds, wall clock. */
  readonly wall: number;
  /** Peak resident set size in bytes, or null when it could not be read. */
  readonly peakRss: number | null;
  readonly rssMethod: RssMethod;
  readonly exitCode: number;
  /** Standard output when `capture` was asked for, else ''. */
  readonly stdout: string;
  /** The first 4 KB of standard error. */
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where standard output goes: a file path, 'devnull' (default) or 'capture'. */
  readonly stdout?: string;
  /** A scratch directory for the helper files. */
  readonly scratch: string;
}

let gnuTimeWorks: boolean | undefined;

/** Whether /usr/bin/time is GNU time (supports -f and -o). Checked once. */
export async function hasGnuTime(scratch: string): Promise<boolean> {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  gnuTimeWorks = false;
  // SMTP_DOCTOR_BENCH_RSS=proc forces the /proc sampling (to check that path on a machine with GNU time).
  if (process.env.SMTP_DOCTOR_BENCH_RSS === 'proc' || !existsSync(GNU_TIME)) return false;
  const probe = join(scratch, 'time-probe.txt');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', probe, 'true'], { stdio: 'ignore' });
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c ?? -1));
  });
  if (code === 0 && existsSync(probe)) gnuTimeWorks = /^\d+(\.\d+)? \d+\s*$/.test(readFileSync(probe, 'utf8').trim().split('\n').pop() ?? '');
  rmSync(probe, { force: true });
  return gnuTimeWorks;
}

function readVmHwm(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m?.[1] ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

let runCounter = 0;

export async function measure(cmd: string, args: readonly string[], opts: RunOptions): Promise<Measurement> {
  const id = ++runCounter;
  const useTime = await hasGnuTime(opts.scratch);
  const timeFile = join(opts.scratch, `time-${id}.txt`);
  const errFile = join(opts.scratch, `stderr-${id}.txt`);
  const outFile = opts.stdout === undefined || opts.stdout === 'devnull' ? '/dev/null' : opts.stdout === 'capture' ? join(opts.scratch, `stdout-${id}.txt`) : opts.stdout;
  const outFd = openSync(outFile, 'w');
  const errFd = openSync(errFile, 'w');
  const argv = useTime ? ['-f', '%e %M', '-o', timeFile, cmd, ...args] : [...args];
  const started = process.hrtime.bigint();
  let sampled: number | null = null;
  let spawnError = '';
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(useTime ? GNU_TIME : cmd, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', outFd, errFd],
    });
    let timer: NodeJS.Timeout | undefined;
    if (!useTime && child.pid !== undefined) {
      const pid = child.pid;
      timer = setInterval(() => {
        const v = readVmHwm(pid);
        if (v !== null && (sampled === null || v > sampled)) sampled = v;
      }, 10);
    }
    child.on('error', (err) => {
      if (timer) clearInterval(timer);
      spawnError = `${cmd}: ${err.message}\n`;
      resolve(127);
    });
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve(code ?? (signal ? 128 : -1));
    });
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(outFd);
  closeSync(errFd);

  let peakRss: number | null = sampled;
  let rssMethod: RssMethod = sampled === null ? 'none' : 'proc-sampled';
  if (useTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const m = /^(\d+(?:\.\d+)?) (\d+)$/.exec(last.trim());
    if (m?.[2]) {
      peakRss = Number(m[2]) * 1024;
      rssMethod = 'gnu-time';
    }
  }
  const stderr = spawnError + readFileSync(errFile, 'utf8').slice(0, 4096);
  const stdout = opts.stdout === 'capture' ? readFileSync(outFile, 'utf8') : '';
  for (const f of [timeFile, errFile, ...(opts.stdout === 'capture' ? [outFile] : [])]) rmSync(f, { force: true });
  return { wall, peakRss, rssMethod, exitCode, stdout, stderr };
}

/**
 * One run; if it took less than `shortSeconds`, two more, keeping the fastest (its memory figure is
 * the highest of the three, so memory is never understated).
 */
export async function measureBest(cmd: string, args: readonly string[], opts: RunOptions, shortSeconds = 2): Promise<Measurement & { runs: number }> {
  const first = await measure(cmd, args, opts);
  if (first.exitCode > 1 || first.wall >= shortSeconds) return { ...first, runs: 1 };
  let best = first;
  let peak = first.peakRss;
  for (let i = 0; i < 2; i++) {
    const next = await measure(cmd, args, opts);
    if (next.peakRss !== null && (peak === null || next.peakRss > peak)) peak = next.peakRss;
    if (next.wall < best.wall) best = next;
  }
  return { ...best, peakRss: peak, runs: 3 };
}
