// CPU and memory of processes, read from /proc the way `top` does: CPU time
// from /proc/<pid>/stat (utime + stime, in clock ticks), resident memory from
// the VmRSS line of /proc/<pid>/status, and the whole host's busy time from
// /proc/stat (so a run can tell when something else shared the machine).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { wallClockMs } from './clock.js';

export interface ProcessSample {
  atMs: number;
  cpuSeconds: number;
  rssBytes: number;
}

export interface ProcessUsage {
  /** CPU time over wall time: 1 is one core busy all the time. */
  cpuCores: number;
  /** The largest resident set seen in the window. */
  rssBytes: number;
}

let clockTicksPerSecond: number | undefined;

function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100; // the Linux default
    }
  }
  return clockTicksPerSecond;
}

/** utime + stime of /proc/<pid>/stat content, in clock ticks. */
export function parseCpuTicks(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** VmRSS of /proc/<pid>/status content, in bytes. */
export function parseRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Busy CPU ticks of all cores (everything but idle and iowait) from /proc/stat content. */
export function parseHostBusyTicks(stat: string): number {
  const [, ...ticks] = stat.slice(0, stat.indexOf('\n')).trim().split(/\s+/).map(Number);
  const [user, nice, system, /* idle */, /* iowait */, irq, softirq, steal] = ticks;
  return user + nice + system + irq + softirq + steal;
}

function readHost(atMs: number): ProcessSample | undefined {
  try {
    return { atMs, cpuSeconds: parseHostBusyTicks(readFileSync('/proc/stat', 'utf8')) / ticksPerSecond(), rssBytes: 0 };
  } catch {
    return undefined;
  }
}

/** One reading of a process; undefined once it has exited. */
export function readProcess(pid: number, atMs = wallClockMs()): ProcessSample | undefined {
  try {
    const ticks = parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const rssBytes = parseRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { atMs, cpuSeconds: ticks / ticksPerSecond(), rssBytes };
  } catch {
    return undefined;
  }
}

/** The usage of a process between two times, from samples covering them. */
export function usageBetween(samples: readonly ProcessSample[], fromMs: number, toMs: number): ProcessUsage {
  const inside = samples.filter((sample) => sample.atMs >= fromMs && sample.atMs <= toMs);
  if (inside.length < 2) return { cpuCores: 0, rssBytes: inside[0]?.rssBytes ?? 0 };
  const first = inside[0];
  const last = inside[inside.length - 1];
  const seconds = (last.atMs - first.atMs) / 1000;
  return {
    cpuCores: seconds > 0 ? (last.cpuSeconds - first.cpuSeconds) / seconds : 0,
    rssBytes: Math.max(...inside.map((sample) => sample.rssBytes)),
  };
}

const MIN_CHART_INTERVAL_MS = 250;

/** Samples a set of processes at an interval (and on demand, at phase boundaries). */
export class ProcessSampler {
  readonly samples = new Map<number, ProcessSample[]>();
  /** The whole host, as if it were one process. */
  readonly host: ProcessSample[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;

  watch(pid: number): void {
    if (!this.samples.has(pid)) this.samples.set(pid, []);
  }

  start(intervalMs: number): void {
    this.sampleNow();
    this.#timer = setInterval(() => this.sampleNow(), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Takes a sample of every watched process; returns the time it was taken. */
  sampleNow(): number {
    const atMs = wallClockMs();
    const host = readHost(atMs);
    if (host) this.host.push(host);
    for (const [pid, samples] of this.samples) {
      const sample = readProcess(pid, atMs);
      if (sample) samples.push(sample);
    }
    return atMs;
  }

  usage(pid: number, fromMs: number, toMs: number): ProcessUsage {
    return usageBetween(this.samples.get(pid) ?? [], fromMs, toMs);
  }

  /** Cores busy on the whole host, whoever used them. */
  hostBusyCores(fromMs: number, toMs: number): number {
    return usageBetween(this.host, fromMs, toMs).cpuCores;
  }

  /**
   * CPU cores per sampling interval, for charts: [seconds since `fromMs`, cores].
   * Intervals shorter than MIN_CHART_INTERVAL_MS (extra samples at phase
   * boundaries) are merged into the next: CPU time counts in 10 ms ticks.
   */
  coresOverTime(pid: number, fromMs: number): Array<[number, number]> {
    const samples = this.samples.get(pid) ?? [];
    const points: Array<[number, number]> = [];
    let previous = samples[0];
    for (const sample of samples.slice(1)) {
      const seconds = (sample.atMs - previous.atMs) / 1000;
      if (seconds * 1000 < MIN_CHART_INTERVAL_MS) continue;
      points.push([(sample.atMs - fromMs) / 1000, (sample.cpuSeconds - previous.cpuSeconds) / seconds]);
      previous = sample;
    }
    return points;
  }

  /** Resident memory at every sample, for charts: [seconds since `fromMs`, bytes]. */
  rssOverTime(pid: number, fromMs: number): Array<[number, number]> {
    return (this.samples.get(pid) ?? []).map((sample) => [(sample.atMs - fromMs) / 1000, sample.rssBytes]);
  }
}
