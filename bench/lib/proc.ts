import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`, almost always 100). */
export function clockTicksPerSecond(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 2000 }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

/** User + system CPU time of a process in ms, from /proc/<pid>/stat; undefined once it is gone. */
export function processCpuMs(pid: number, ticksPerSecond: number): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return ((utime + stime) * 1000) / ticksPerSecond;
}

/**
 * User + system CPU time of the calling thread in ms (/proc/thread-self/stat: a worker thread
 * reads its own, the main thread its own; `process.cpuUsage()` is the whole process's).
 */
export function currentThreadCpuMs(ticksPerSecond: number): number {
  const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / ticksPerSecond;
}

/** Resident set size of a process in KiB, from /proc/<pid>/status VmRSS. */
export function processRssKiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The machine a run happened on, for the report. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memTotalMiB: number;
  node: string;
  platform: string;
  kernel: string;
  clockTicksPerSecond: number;
}

/** Describe this machine: cores, CPU model, memory, Node version. */
export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpuModel = m[1].trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel,
    memTotalMiB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    clockTicksPerSecond: clockTicksPerSecond(),
  };
}

/** Busy CPU time of the whole machine so far in ms (all cores: /proc/stat minus idle and iowait). */
export function systemBusyMs(ticksPerSecond: number): number | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0);
    return (busy * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** CPU time per thread name of a process in ms (e.g. "node" main thread, "V8 DefaultWorke" GC helpers, "libuv-worker"). */
export function threadCpuMs(pid: number, ticksPerSecond: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(rest[11]) + Number(rest[12])) * 1000) / ticksPerSecond;
      const key = tid === String(pid) ? 'main' : name.trim();
      out.set(key, (out.get(key) ?? 0) + ms);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return out;
}

/** Per-thread CPU used between two `threadCpuMs` readings, largest first. */
export function threadCpuDelta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const delta: Array<[string, number]> = [];
  for (const [k, v] of after) delta.push([k, v - (before.get(k) ?? 0)]);
  return Object.fromEntries(delta.filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]));
}

/** Context switches of a process's main thread so far (/proc/<pid>/status). */
export function contextSwitches(pid: number): { voluntary: number; nonvoluntary: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const v = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(status);
    const n = /^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status);
    return v && n ? { voluntary: Number(v[1]), nonvoluntary: Number(n[1]) } : undefined;
  } catch {
    return undefined;
  }
}
