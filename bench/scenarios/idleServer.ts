import fs from 'node:fs';
import type { ServerKind, ServerUnderTest } from '../lib/servers.ts';
import { delay } from '../lib/time.ts';

/** Parameters of the idle-server scenario. */
export interface IdleServerParams {
  /** How long the fresh server sits with no board and no connection before the settled reading. */
  settleMs: number;
}

/** Resident memory of a process split as the kernel reports it. */
export interface RssBreakdown {
  rssKiB: number;
  /** Private anonymous pages: the V8 heap, malloc, thread stacks. */
  anonKiB: number;
  /** File-backed pages: the node binary's code and data, native add-ons (shared, reclaimable). */
  fileKiB: number;
}

/** What the idle-server scenario measured on one server. */
export interface IdleServerResult {
  scenario: 'idle-server';
  server: ServerKind;
  /** Just after it said it is listening. */
  started: RssBreakdown;
  /** After `settleMs` with nothing to do: V8's memory reducer has shrunk the young generation. */
  settled: RssBreakdown;
  settleMs: number;
  serverWarnings: string[];
}

function rssBreakdown(pid: number): RssBreakdown {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKiB: field('VmRSS'), anonKiB: field('RssAnon'), fileKiB: field('RssFile') };
}

/**
 * Resident memory of a fresh server that nobody uses: read from /proc (no inspector attached,
 * which would add its own memory) when it starts and again after it has sat idle.
 */
export async function runIdleServer(server: ServerUnderTest, p: IdleServerParams, log: (msg: string) => void): Promise<IdleServerResult> {
  const started = rssBreakdown(server.pid);
  await delay(p.settleMs);
  const settled = rssBreakdown(server.pid);
  const mib = (k: number) => (k / 1024).toFixed(1);
  log(`  idle RSS ${mib(started.rssKiB)} MiB at start, ${mib(settled.rssKiB)} MiB after ${p.settleMs / 1000} s (anon ${mib(settled.anonKiB)}, file ${mib(settled.fileKiB)})`);
  return { scenario: 'idle-server', server: server.kind, started, settled, settleMs: p.settleMs, serverWarnings: server.warnings.slice(0, 20) };
}
