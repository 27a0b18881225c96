import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * Where the bench put the server and itself: on a small machine the load generator and the
 * server otherwise take turns on the same cores, and the server's latency then measures the
 * generator's bursts and pauses (bench/README.md, workshop). `taskset` (util-linux) sets the
 * CPU affinity of every thread of a process; threads started later inherit it.
 */
export interface Pinning {
  /** 'split': the server alone on `serverCpus`, the bench on `benchCpus`; 'off': the scheduler's choice. */
  mode: 'split' | 'off';
  serverCpus: string;
  benchCpus: string;
  /** Why it is off, when it is. */
  reason?: string;
}

/** The CPUs this process may run on (its affinity), from `taskset -p`. */
function allowedCpus(pid: number): number[] {
  const out = execFileSync('taskset', ['-cp', String(pid)], { encoding: 'utf8' });
  const list = /:\s*([\d,\- ]+)\s*$/.exec(out.trim())?.[1] ?? '';
  const cpus: number[] = [];
  for (const part of list.split(',')) {
    const [a, b] = part.trim().split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let c = a; c <= (b ?? a); c++) cpus.push(c);
  }
  return cpus;
}

let startingCpus: number[] | undefined;

function setAffinity(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
}

/**
 * Split the machine's CPUs between the server (the first ⌈n/2⌉) and this process (the rest),
 * when asked (`wanted`: BENCH_PIN, default on) and possible (two CPUs or more, taskset present).
 * Call it before starting worker threads, so they inherit the bench's side.
 */
export function pinServerApart(serverPid: number, wanted: boolean): Pinning {
  const off = (reason: string): Pinning => ({ mode: 'off', serverCpus: 'any', benchCpus: 'any', reason });
  if (!wanted) return off('BENCH_PIN=off');
  if (os.platform() !== 'linux') return off(`not Linux (${os.platform()})`);
  let cpus: number[];
  try {
    // The set this process started with: after the first call it is pinned to its own half.
    cpus = startingCpus ??= allowedCpus(process.pid);
  } catch {
    return off('taskset is not installed');
  }
  if (cpus.length < 2) return off(`${cpus.length} CPU available`);
  const serverSide = cpus.slice(0, Math.ceil(cpus.length / 2)).join(',');
  const benchSide = cpus.slice(Math.ceil(cpus.length / 2)).join(',');
  setAffinity(serverPid, serverSide);
  setAffinity(process.pid, benchSide);
  return { mode: 'split', serverCpus: serverSide, benchCpus: benchSide };
}
