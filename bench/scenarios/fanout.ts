import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BenchClient, DeliveryLedger, type AwarenessMode } from '../lib/loadgen.ts';
import { contextSwitches, systemBusyMs, threadCpuDelta, threadCpuMs } from '../lib/proc.ts';
import type { ServerKind, ServerUnderTest } from '../lib/servers.ts';
import { quantileOverExpected, summarizeSorted, type Summary } from '../lib/stats.ts';
import { delay, mapLimit, pollUntil, withTimeout } from '../lib/time.ts';

/** A steady-load scenario: boards × clients, some of them writing at a fixed rate. */
export interface FanoutParams {
  id: string;
  title: string;
  boards: number;
  clientsPerBoard: number;
  writersPerBoard: number;
  writesPerSecond: number;
  seconds: number;
  warmupSeconds: number;
  drainTimeoutMs: number;
  awareness: AwarenessMode;
}

/** What a steady-load scenario measured on one server. */
export interface FanoutResult {
  scenario: string;
  server: ServerKind;
  round: number;
  awareness: AwarenessMode;
  writes: number;
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  latencyMs: Summary;
  /** p99 over all expected deliveries, a lost one counting as never arriving (Infinity once losses exceed 1 %). */
  p99OverExpectedMs: number;
  drainMs: number;
  serverCpuMs: number;
  /** Server CPU by thread over the window and drain, ms: main (JS, SQLite) vs V8 GC helpers vs libuv. */
  serverCpuByThreadMs: Record<string, number>;
  cpuUsPerDelivery: number;
  /**
   * Context switches of the server's main thread per write over the window: voluntary ones
   * are waits (epoll between messages, or blocking I/O); each one, on a busy machine, is a
   * wait for a core before the next delivery can go out.
   */
  serverSwitchesPerWrite: { voluntary: number; nonvoluntary: number };
  /** Server CPU over the measured window as a share of one core (%). */
  serverCpuPercent: number;
  serverRssMiB: number;
  connectMs: number;
  unexpectedCloses: number;
  closeReasons: string[];
  /** The load generator's own health: if it saturates, latencies are its own. */
  loadgen: { cpuPercent: number; eventLoopUtilization: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number };
  /** CPU used by everything else on the machine during the window, in cores: noise from outside the run. */
  otherLoadCores: number;
  serverWarnings: string[];
}

type Log = (msg: string) => void;

/** Run one steady-load scenario against one server; clients are gone when it resolves. */
export async function runFanout(server: ServerUnderTest, p: FanoutParams, ctx: { round: number; ticksPerSecond: number; log: Log; profileDir?: string | undefined }): Promise<FanoutResult> {
  const { log } = ctx;
  const ledger = new DeliveryLedger();
  const rooms = await mapLimit(Array.from({ length: p.boards }, (_, i) => i), 8, () => server.newRoom());
  const boards: BenchClient[][] = rooms.map(() => []);
  const all: BenchClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const connectStart = performance.now();
    const slots = rooms.flatMap((access, b) => Array.from({ length: p.clientsPerBoard }, () => ({ access, b })));
    // Connect in small waves, as people join a session, rather than one thundering herd.
    await mapLimit(slots, 24, async ({ access, b }) => {
      const client = new BenchClient({ serverUrl: server.wsUrl, access, index: all.length, sink: ledger, awareness: p.awareness });
      all.push(client);
      boards[b]?.push(client);
      await withTimeout(client.synced, 30_000, `client ${client.index} sync on ${server.kind}`);
    });
    const connectMs = performance.now() - connectStart;
    log(`  ${all.length} clients on ${p.boards} board(s) synced in ${connectMs.toFixed(0)} ms`);
    await delay(500);

    const measuredWrites = new Array<number>(p.boards).fill(0);
    let nextWriteId = 0;
    const interval = 1000 / p.writesPerSecond;
    const start = performance.now();
    ledger.measureFrom = start + p.warmupSeconds * 1000;
    boards.forEach((clients, b) => {
      for (const writer of clients.slice(0, p.writersPerBoard)) {
        let n = 0;
        const tick = () => {
          const t = performance.now();
          writer.writeShape(`shape:c${writer.index}-${n % 4}`, n, { t, w: ++nextWriteId, c: writer.index });
          n++;
          if (t >= ledger.measureFrom) measuredWrites[b] = (measuredWrites[b] ?? 0) + 1;
        };
        // Spread writers over the interval so their writes do not arrive in lockstep.
        const first = setTimeout(() => {
          tick();
          timers.push(setInterval(tick, interval));
        }, Math.random() * interval);
        timers.push(first);
      }
    });

    await delay(ledger.measureFrom - performance.now());
    const profiling = ctx.profileDir !== undefined && server.inspector !== undefined;
    // BENCH_PROFILE_KIND=heap samples allocations instead of CPU time.
    const heapProfile = process.env.BENCH_PROFILE_KIND === 'heap';
    if (profiling && server.inspector) {
      await withTimeout(heapProfile ? server.inspector.startHeapSampling() : server.inspector.startProfiling(), 10_000, 'start profiler');
    }
    const cpu0 = server.cpuMs();
    const threads0 = threadCpuMs(server.pid, ctx.ticksPerSecond);
    const switches0 = contextSwitches(server.pid);
    const ownCpu0 = process.cpuUsage();
    const busy0 = systemBusyMs(ctx.ticksPerSecond);
    const elu0 = performance.eventLoopUtilization();
    const eld = monitorEventLoopDelay({ resolution: 10 });
    eld.enable();
    const t0 = performance.now();
    await delay(p.seconds * 1000);
    for (const t of timers) clearInterval(t);
    const tEnd = performance.now();
    eld.disable();
    const elu = performance.eventLoopUtilization(elu0);
    const ownCpu = process.cpuUsage(ownCpu0);
    const busy1 = systemBusyMs(ctx.ticksPerSecond);
    const serverCpuWriting = server.cpuMs() - cpu0;
    if (profiling && ctx.profileDir && server.inspector) {
      // The measured window only: no start-up, connections or shutdown in it.
      const file = path.join(ctx.profileDir, `${p.id}-${server.kind}-r${ctx.round}.${heapProfile ? 'heapprofile' : 'cpuprofile'}`);
      fs.mkdirSync(ctx.profileDir, { recursive: true });
      const profile = await withTimeout(heapProfile ? server.inspector.stopHeapSampling() : server.inspector.stopProfiling(), 30_000, 'stop profiler');
      fs.writeFileSync(file, JSON.stringify(profile));
      log(`  ${heapProfile ? 'Allocation' : 'CPU'} profile of the window: ${file}`);
    }

    const writes = measuredWrites.reduce((a, b) => a + b, 0);
    const expected = measuredWrites.reduce((sum, w, b) => sum + w * ((boards[b]?.length ?? 1) - 1), 0);
    await pollUntil(() => ledger.received >= expected, p.drainTimeoutMs, 20);
    const drainMs = performance.now() - tEnd;
    const serverCpuMs = server.cpuMs() - cpu0;
    const serverCpuByThreadMs = threadCpuDelta(threads0, threadCpuMs(server.pid, ctx.ticksPerSecond));
    const switches1 = contextSwitches(server.pid);
    const serverRssMiB = server.rssKiB() / 1024;
    const windowMs = performance.now() - t0;
    const closes = all.filter((c) => c.unexpectedCloses > 0);
    const sorted = Float64Array.from(ledger.latencies.values()).sort();
    return {
      scenario: p.id,
      server: server.kind,
      round: ctx.round,
      awareness: p.awareness,
      writes,
      expected,
      received: ledger.received,
      lost: Math.max(0, expected - ledger.received),
      duplicates: ledger.duplicates,
      latencyMs: summarizeSorted(sorted),
      p99OverExpectedMs: quantileOverExpected(sorted, expected, 0.99),
      drainMs,
      serverCpuMs,
      serverCpuByThreadMs,
      serverSwitchesPerWrite: {
        voluntary: switches0 && switches1 && writes > 0 ? (switches1.voluntary - switches0.voluntary) / writes : Number.NaN,
        nonvoluntary: switches0 && switches1 && writes > 0 ? (switches1.nonvoluntary - switches0.nonvoluntary) / writes : Number.NaN,
      },
      cpuUsPerDelivery: ledger.received > 0 ? (serverCpuMs * 1000) / ledger.received : Number.NaN,
      serverCpuPercent: (serverCpuMs / windowMs) * 100,
      serverRssMiB,
      connectMs,
      unexpectedCloses: closes.reduce((a, c) => a + c.unexpectedCloses, 0),
      closeReasons: [...new Set(closes.map((c) => c.lastClose ?? '?'))].slice(0, 10),
      loadgen: {
        cpuPercent: ((ownCpu.user + ownCpu.system) / 1000 / (tEnd - t0)) * 100,
        eventLoopUtilization: elu.utilization,
        eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
        eventLoopDelayMaxMs: eld.max / 1e6,
      },
      otherLoadCores:
        busy0 === undefined || busy1 === undefined ? Number.NaN : Math.max(0, busy1 - busy0 - serverCpuWriting - (ownCpu.user + ownCpu.system) / 1000) / (tEnd - t0),
      serverWarnings: server.warnings.slice(0, 20),
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const c of all) c.destroy();
    await delay(300);
  }
}
