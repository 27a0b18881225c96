/**
 * A training day at this machine's size (issue #6): 40 groups × 6 participants on one
 * workshop, stock y-websocket providers writing tldraw-sized records at a participant's pace
 * with bursts and moving cursors, a facilitator's dashboard open on the pushed overview stream
 * (issue 15; `BENCH_DASHBOARD=poll` polls `/overview` every 3 s as before) and broadcasting on
 * the state document. Reports relay latency and loss, the dashboard's cost
 * and the server's RSS; writes bench/results/workshop-<ISO>.json and workshop-latest.md.
 * Run with `npm run bench:workshop` (BENCH_SECONDS to shorten; other knobs below).
 * The participants run in BENCH_LOADGEN_WORKERS worker threads (loadgenWorker.ts, whole groups
 * each): one thread holding ~480 Y.Docs stalled on its own GC and bursts, and its stalls were
 * what the latencies showed. This thread keeps the server, the workshop and the joins, the
 * dashboard, the facilitator's broadcasts, the timeline and the report.
 * Exits non-zero only when the bench itself or the server crashed; a FAIL is a result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { CreateWorkshopResponse, JoinWorkshopResponse } from '../../shared/protocol/index.ts';
import { writeWorkshopState } from '../../shared/workshop/index.ts';
import * as Y from 'yjs';
import type { EventLoopFigures } from '../../server/http/eventLoopMonitor.ts';
import { Cleanup } from '../lib/Cleanup.ts';
import { GcWatch, classifyStalls, summarizeGc, toSharedClock, type StallCauses } from '../lib/gcWatch.ts';
import { StallWatch, summarizeStalls, type Stall, type StallSummary } from '../lib/stalls.ts';
import { clockTicksPerSecond, currentThreadCpuMs, machineInfo, systemBusyMs } from '../lib/proc.ts';
import { provenance } from '../lib/provenance.ts';
import { pinServerApart } from '../lib/pinning.ts';
import { ServerUnderTest } from '../lib/servers.ts';
import { round, summarize } from '../lib/stats.ts';
import { delay, mapLimit, withTimeout } from '../lib/time.ts';
import { DashboardPoller, DashboardStream, overviewOnce, splitByWindows } from './dashboard.ts';
import { epochNow, type ThreadFigures, type WorkerLedger } from './loadgenMessages.ts';
import { LoadgenPool } from './loadgenPool.ts';
import { nodeProvider, whenSynced } from './participants.ts';
import { trainingDayMarkdown, type ThreadReport, type TrainingDayReport } from './report.ts';

interface Config {
  seconds: number;
  warmupSeconds: number;
  groups: number;
  groupSize: number;
  template: string;
  pollMs: number;
  dashboard: 'stream' | 'poll';
  presenceHz: number;
  writeMinMs: number;
  writeMaxMs: number;
  burstProbability: number;
  burstWrites: number;
  burstGapMs: number;
  stateEverySeconds: number;
  drainMs: number;
  shapesOwned: number;
  loadgenWorkers: number;
  repoRoot: string;
}

/** Read the knobs from the environment, once, in main. */
function readConfig(env: NodeJS.ProcessEnv): Config {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return v;
  };
  const cwd = process.cwd();
  const repoRoot = fs.existsSync(path.join(cwd, 'package.json')) && fs.existsSync(path.join(cwd, 'bench')) ? cwd : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return {
    seconds: num('BENCH_SECONDS', 300),
    warmupSeconds: Math.max(4, num('BENCH_WARMUP_SECONDS', 10)),
    groups: Math.min(60, Math.max(1, Math.round(num('BENCH_GROUPS', 40)))),
    groupSize: Math.max(2, Math.round(num('BENCH_GROUP_SIZE', 6))),
    template: env.BENCH_TEMPLATE || 'exercise-1',
    pollMs: num('BENCH_POLL_MS', 3000),
    dashboard: env.BENCH_DASHBOARD === 'poll' ? 'poll' : 'stream',
    presenceHz: num('BENCH_PRESENCE_HZ', 1),
    writeMinMs: num('BENCH_WRITE_MIN_MS', 2000),
    writeMaxMs: num('BENCH_WRITE_MAX_MS', 3000),
    burstProbability: num('BENCH_BURST_P', 0.1),
    burstWrites: Math.round(num('BENCH_BURST_WRITES', 5)),
    burstGapMs: num('BENCH_BURST_GAP_MS', 60),
    stateEverySeconds: num('BENCH_STATE_EVERY_S', 30),
    drainMs: num('BENCH_DRAIN_MS', 10_000),
    shapesOwned: 6,
    loadgenWorkers: Math.max(1, Math.round(num('BENCH_LOADGEN_WORKERS', 4))),
    repoRoot,
  };
}

const log = (msg: string) => process.stdout.write(`[workshop bench] ${msg}\n`);

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  const cfg = readConfig(process.env);
  // Each stock provider in Node adds an exit listener; hundreds of them are expected here.
  process.setMaxListeners(0);
  const cleanup = new Cleanup();
  cleanup.install((err) => process.stderr.write(`workshop bench crashed: ${(err as Error)?.stack ?? String(err)}\n`));
  const ticks = clockTicksPerSecond();
  const startedAt = new Date();
  log(`${cfg.groups} groups × ${cfg.groupSize}, ${cfg.seconds} s measured after ${cfg.warmupSeconds} s warm-up`);

  const server = await ServerUnderTest.start({ kind: 'renkei', cleanup, ticksPerSecond: ticks, env: { MAX_CONNECTIONS_PER_BOARD: '10000' } });
  // The server on its own cores, the load generator's threads (started below) on the others.
  const pinning = pinServerApart(server.pid, process.env.BENCH_PIN !== 'off');
  log(pinning.mode === 'split' ? `server on CPU ${pinning.serverCpus}, load generator on CPU ${pinning.benchCpus}` : `not pinned: ${pinning.reason}`);

  // The facilitator creates the workshop; every participant joins through the API.
  let t = performance.now();
  const w = await post<CreateWorkshopResponse>(`${server.baseUrl}/api/workshops`, { title: '研修ベンチ', template: cfg.template, groups: cfg.groups });
  const createMs = performance.now() - t;
  t = performance.now();
  const seats = Array.from({ length: cfg.groups * cfg.groupSize }, (_, i) => ({ group: Math.floor(i / cfg.groupSize), i }));
  const joins = await mapLimit(seats, 8, (s) => post<JoinWorkshopResponse>(`${server.baseUrl}/api/workshops/join`, { code: w.joinCode, group: s.group, name: `参加者${s.i}`, role: 'soudan' }));
  const joinMs = performance.now() - t;

  // Each participant's browser (the group board and the state document), in the workers.
  t = performance.now();
  const pace = { shapesOwned: cfg.shapesOwned, presenceHz: cfg.presenceHz, writeMinMs: cfg.writeMinMs, writeMaxMs: cfg.writeMaxMs, burstProbability: cfg.burstProbability, burstWrites: cfg.burstWrites, burstGapMs: cfg.burstGapMs };
  const participants = joins.map((j, index) => ({ boardId: j.boardId, token: j.token, index, groupIndex: j.groupIndex }));
  const { pool, ready } = await LoadgenPool.start({ count: cfg.loadgenWorkers, serverUrl: server.wsUrl, workshopId: w.id, seats: participants, pace, ticksPerSecond: ticks, connectLimit: 24 });
  const stateDoc = new Y.Doc();
  const facilitatorState = nodeProvider(server.wsUrl, w.id, stateDoc, w.tokens.facilitator);
  facilitatorState.awareness.setLocalState(null);
  await withTimeout(whenSynced(facilitatorState), 30_000, 'facilitator state sync');
  const connectMs = performance.now() - t;
  const connections = ready.reduce((n, r) => n + r.connections, 0) + 1;
  const watcherCount = participants.length;
  log(`${connections} connections in ${round(connectMs / 1000, 1)} s from ${pool.size} load-generator workers`);

  // Participants at work: a write every 2–3 s, sometimes a drag (a burst), a cursor in awareness.
  pool.broadcast({ type: 'start' });

  // Warm-up; the server's background CPU rate is read over its second half, before the dashboard opens.
  await delay((cfg.warmupSeconds / 2) * 1000);
  const bg0 = { cpu: server.cpuMs(), at: performance.now() };
  await delay((cfg.warmupSeconds / 2) * 1000);
  const backgroundCpuPerMs = (server.cpuMs() - bg0.cpu) / (performance.now() - bg0.at);

  // The measured window: dashboard polling, state broadcasts, RSS sampling.
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const stalls = new StallWatch();
  stalls.start();
  const gcs = new GcWatch();
  gcs.start();
  const elu0 = performance.eventLoopUtilization();
  const benchCpu0 = process.cpuUsage();
  const mainCpu0 = currentThreadCpuMs(ticks);
  // The whole machine, to show when something besides the server and this bench was running.
  const machineBusy0 = systemBusyMs(ticks);
  const rssStart = server.rssKiB();
  let rssPeak = rssStart;
  const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssKiB())), 1000);
  // The server's own event loop, from its health answer (one-minute windows): a stall there
  // delays every board, a stall in a load-generator worker only the deliveries it was receiving.
  const serverLoop = new Map<string, EventLoopFigures>();
  const readServerLoop = async () => {
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { eventLoop?: EventLoopFigures };
      if (body.eventLoop && body.eventLoop.windowS >= 55) serverLoop.set(JSON.stringify(body.eventLoop), body.eventLoop);
    } catch {
      // a missed sample only narrows the picture
    }
  };
  const loopTimer = setInterval(() => void readServerLoop(), 15_000);
  let measuring = true;
  const windowStart = performance.now();
  // Writes count from this moment, on each worker's clock (the epoch clock threads share).
  pool.broadcast({ type: 'window-start', atEpochMs: performance.timeOrigin + windowStart });
  const cpuStart = server.cpuMs();
  const dashboard = new DashboardPoller({ server, workshopId: w.id, token: w.tokens.facilitator, everyMs: cfg.pollMs, baselineCpuPerMs: () => backgroundCpuPerMs, measuring: () => measuring });
  const stream = new DashboardStream({ server, workshopId: w.id, token: w.tokens.facilitator, measuring: () => measuring });
  if (cfg.dashboard === 'poll' && cfg.pollMs > 0) dashboard.start();
  if (cfg.dashboard === 'stream') stream.start();
  let broadcasts = 0;
  const broadcast = () => {
    broadcasts++;
    // The send time on the epoch clock: the watchers receiving it are on other threads.
    writeWorkshopState(stateDoc, { phaseIndex: broadcasts % 5, message: { id: `bench-${broadcasts}-${epochNow()}`, text: `あと${broadcasts}分です`, at: Date.now() } });
  };
  const stateTimer = cfg.stateEverySeconds > 0 ? setInterval(broadcast, cfg.stateEverySeconds * 1000) : undefined;
  setTimeout(broadcast, 1000);
  const progress = setInterval(() => {
    void pool.ask({ type: 'progress' }, 'progress').then((counts) => {
      const sum = (k: 'writes' | 'received' | 'expected') => counts.reduce((n, c) => n + c[k], 0);
      log(`${round((performance.now() - windowStart) / 1000, 0)} s: ${sum('writes')} writes, ${sum('received')}/${sum('expected')} deliveries, ${dashboard.samples.length} polls, ${stream.groupEvents} pushed group changes`);
    });
  }, 30_000);

  await delay(cfg.seconds * 1000);
  const windowEnd = performance.now();
  measuring = false;
  const cpuEnd = server.cpuMs();
  const benchCpu = process.cpuUsage(benchCpu0);
  const mainCpuMs = currentThreadCpuMs(ticks) - mainCpu0;
  const machineBusyMs = (systemBusyMs(ticks) ?? Number.NaN) - (machineBusy0 ?? Number.NaN);
  const loadAverage = os.loadavg()[0] ?? Number.NaN;
  const elu = performance.eventLoopUtilization(elu0);
  eld.disable();
  stalls.stop();
  gcs.stop();
  dashboard.stop();
  stream.stop();
  clearInterval(stateTimer);
  clearInterval(progress);
  // Each worker stops writing, waits for its stragglers and sends its ledger.
  const drain0 = performance.now();
  const ledgers = await pool.ask({ type: 'window-end', atEpochMs: performance.timeOrigin + windowEnd, broadcasts, drainMs: cfg.drainMs }, 'ledger');
  const drainMs = Math.max(0, ...ledgers.map((l) => l.drainMs));
  clearInterval(rssTimer);
  clearInterval(loopTimer);
  await readServerLoop();
  const rssEnd = server.rssKiB();
  const sumOf = (k: 'writes' | 'expected' | 'received' | 'duplicates') => ledgers.reduce((n, l) => n + l[k], 0);
  log(`window done: ${sumOf('received')}/${sumOf('expected')} deliveries after ${round(drainMs, 0)} ms of drain (${round(performance.now() - drain0, 0)} ms until every worker reported)`);

  // The call itself on a quiet server: cached thumbnails, then every group changed.
  await delay(1000);
  const unchanged = [];
  for (let i = 0; i < 5; i++) unchanged.push(await overviewOnce(server, w.id, w.tokens.facilitator));
  const changed = [];
  for (let round_ = 0; round_ < 5; round_++) {
    await pool.ask({ type: 'touch' }, 'touched');
    await delay(500);
    changed.push(await overviewOnce(server, w.id, w.tokens.facilitator));
  }

  const warnings = server.warnings;
  const unexpectedCloses = await pool.stop();
  facilitatorState.destroy();
  await server.stop();

  // Merge the workers' ledgers. Each split is made on the receiving worker's own clock: the
  // dashboard's windows moved onto it, and that worker's own stalls.
  const ledger = mergeLedgers(ledgers, dashboard.windows);
  const mainFigures: ThreadFigures = { cpuMs: mainCpuMs, windowMs: windowEnd - windowStart, eventLoopUtilization: elu.utilization, eventLoopDelayP99Ms: eld.percentile(99) / 1e6, eventLoopDelayMaxMs: eld.max / 1e6, stalls: stalls.stalls, gcs: gcs.spans, windowFrom: windowStart, windowTo: windowEnd };
  // Each thread's stalls against its own collections and the other threads' stalls, on the shared clock.
  const [mainCauses, ...workerCauses] = classifyStalls([
    { stalls: toSharedClock(stalls.stalls), gcs: toSharedClock(gcs.spans) },
    ...ledgers.map((l) => ({ stalls: toSharedClock(l.stalls, l.timeOrigin), gcs: toSharedClock(l.gcs, l.timeOrigin) })),
  ]);

  const windowMs = windowEnd - windowStart;
  const latency = summarize(ledger.latencies);
  const polls = dashboard.samples;
  const excess = summarize(dashboard.excessCpu.values());
  const dashCpuShare = (dashboard.excessCpu.values().reduce((a, b) => a + b, 0) / windowMs) * 100;
  const lost = Math.max(0, ledger.expected - ledger.received);
  const report: TrainingDayReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    pinning,
    provenance: provenance(cfg.repoRoot),
    params: {
      loadgenNodeFlags: process.execArgv.join(' ') || 'none', seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds, groups: cfg.groups, groupSize: cfg.groupSize, template: cfg.template, pollMs: cfg.pollMs,
      presenceHz: cfg.presenceHz, writeMinMs: cfg.writeMinMs, writeMaxMs: cfg.writeMaxMs, burstProbability: cfg.burstProbability, burstWrites: cfg.burstWrites,
      burstGapMs: cfg.burstGapMs, stateEverySeconds: cfg.stateEverySeconds, shapesPerParticipant: cfg.shapesOwned,
    },
    setup: { createMs, joinMs, connectMs, connections },
    relay: {
      writes: ledger.writes, expected: ledger.expected, received: ledger.received, lost, duplicates: ledger.duplicates, latencyMs: latency, unexpectedCloses, drainMs,
      duringOverviewMs: summarize(ledger.duringOverview),
      outsideOverviewMs: summarize(ledger.outsideOverview),
      duringLoadgenStallMs: summarize(ledger.duringStall),
      outsideLoadgenStallMs: summarize(ledger.outsideStall),
    },
    state: { broadcasts, expected: broadcasts * watcherCount, received: ledger.stateLatencies.length, latencyMs: summarize(ledger.stateLatencies) },
    dashboard: {
      polls: polls.length,
      failures: dashboard.failures,
      rttMs: summarize(dashboard.rtt.values()),
      excessCpuMs: excess,
      cpuSharePercent: dashCpuShare,
      responseKiB: polls.length ? polls.reduce((a, s) => a + s.bytes, 0) / polls.length / 1024 : 0,
      quiet: {
        unchanged: { rttMs: summarize(unchanged.map((s) => s.rttMs)), cpuMs: summarize(unchanged.map((s) => s.cpuMs)) },
        allGroupsChanged: { rttMs: summarize(changed.map((s) => s.rttMs)), cpuMs: summarize(changed.map((s) => s.cpuMs)) },
      },
    },
    stream: {
      used: cfg.dashboard === 'stream',
      failures: stream.failures,
      firstPictureMs: stream.firstPictureMs,
      firstPictureKiB: stream.firstPictureBytes / 1024,
      groupEvents: stream.groupEvents,
      thumbnails: stream.thumbnails,
      wireKiBPerMinutePerGroup: stream.wireBytes / 1024 / (windowMs / 60_000) / cfg.groups,
      decodedKiBPerMinutePerGroup: stream.decodedBytes / 1024 / (windowMs / 60_000) / cfg.groups,
      // The server's CPU rate in the window beyond the warm-up's (before the dashboard opened).
      cpuSharePercent: ((cpuEnd - cpuStart) / windowMs - backgroundCpuPerMs) * 100,
    },
    server: {
      cpuPercentOfOneCore: ((cpuEnd - cpuStart) / windowMs) * 100,
      backgroundCpuPercent: backgroundCpuPerMs * 100,
      rssMiB: { start: Math.round(rssStart / 1024), peak: Math.round(rssPeak / 1024), end: Math.round(rssEnd / 1024) },
      warnings,
    },
    loadgen: {
      workers: ledgers.length,
      cpuPercentOfOneCore: ((benchCpu.user + benchCpu.system) / 1000 / windowMs) * 100,
      mainThread: threadReport(mainFigures, mainCauses),
      perWorker: ledgers.map((l, i) => ({ worker: l.worker, groups: l.groups, connections: l.connections, deliveries: l.received, ...threadReport(l, workerCauses[i]) })),
      stalls: ledger.stalls,
    },
    machineLoad: {
      busyPercentOfOneCore: (machineBusyMs / windowMs) * 100,
      othersPercentOfOneCore: ((machineBusyMs - (cpuEnd - cpuStart) - (benchCpu.user + benchCpu.system) / 1000) / windowMs) * 100,
      loadAverage1m: loadAverage,
    },
    serverEventLoop: [...serverLoop.values()],
    verdicts: [],
  };
  report.verdicts = [
    { target: 'relay latency p99 < 20 ms', value: `${round(latency.p99, 1)} ms`, result: latency.p99 < 20 ? 'PASS' : 'FAIL' },
    { target: 'relay latency max < 100 ms', value: `${round(latency.max, 1)} ms`, result: latency.max < 100 ? 'PASS' : 'FAIL' },
    ...(cfg.dashboard === 'stream'
      ? [
          { target: 'dashboard ≤ 50 KB per minute per group (wire)', value: `${round(report.stream.wireKiBPerMinutePerGroup, 2)} KiB (decoded ${round(report.stream.decodedKiBPerMinutePerGroup, 1)} KiB)`, result: report.stream.wireKiBPerMinutePerGroup * 1.024 <= 50 && stream.failures === 0 ? ('PASS' as const) : ('FAIL' as const) },
          { target: 'dashboard server CPU ≤ 2 % of one core', value: `${round(report.stream.cpuSharePercent, 2)} % (window minus warm-up rate)`, result: report.stream.cpuSharePercent <= 2 ? ('PASS' as const) : ('FAIL' as const) },
        ]
      : []),
    { target: 'no loss (group boards)', value: `${lost} of ${ledger.expected}`, result: lost === 0 && ledger.expected > 0 ? 'PASS' : 'FAIL' },
    { target: 'no loss (state broadcasts)', value: `${report.state.expected - report.state.received} of ${report.state.expected}`, result: report.state.received >= report.state.expected ? 'PASS' : 'FAIL' },
    ...(cfg.dashboard === 'poll' && cfg.pollMs > 0 ? [{ target: 'every dashboard poll answered', value: `${polls.length - dashboard.failures} of ${polls.length}`, result: dashboard.failures === 0 && polls.length > 0 ? ('PASS' as const) : ('FAIL' as const) }] : []),
  ];

  const resultsDir = path.join(cfg.repoRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = report.finishedAt.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(resultsDir, `workshop-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'workshop-latest.md'), trainingDayMarkdown(report));
  log(`relay p50 ${round(latency.p50, 1)} ms, p99 ${round(latency.p99, 1)} ms, max ${round(latency.max, 1)} ms, lost ${lost}/${ledger.expected}; stream ${round(report.stream.wireKiBPerMinutePerGroup, 2)} KiB/min/group on the wire, ${stream.groupEvents} group changes, whole picture in ${round(stream.firstPictureMs, 0)} ms; overview p50 ${round(report.dashboard.rttMs.p50, 1)} ms p99 ${round(report.dashboard.rttMs.p99, 1)} ms; server RSS peak ${report.server.rssMiB.peak} MiB`);
  for (const v of report.verdicts) log(`${v.result}  ${v.target}: ${v.value}`);
  log(`wrote bench/results/workshop-${stamp}.json and workshop-latest.md`);
  cleanup.runNow();
  process.exit(0);
}

/** A thread's figures over the window, as the report gives them. */
function threadReport(f: ThreadFigures, causes: StallCauses | undefined): ThreadReport {
  return {
    cpuPercentOfOneCore: f.windowMs > 0 ? (f.cpuMs / f.windowMs) * 100 : Number.NaN,
    eventLoopUtilization: f.eventLoopUtilization,
    eventLoopDelayP99Ms: f.eventLoopDelayP99Ms,
    eventLoopDelayMaxMs: f.eventLoopDelayMaxMs,
    stalls: summarizeStalls(f.stalls, f.windowFrom, f.windowTo),
    stallCauses: causes ?? { ownGc: 0, shared: 0, other: 0 },
    gc: summarizeGc(f.gcs, f.windowFrom, f.windowTo),
  };
}

/** One array holding all of `parts`, in order. */
function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The workers' ledgers as one, with the splits by dashboard call and by load-generator stall. */
interface MergedLedger {
  writes: number;
  expected: number;
  received: number;
  duplicates: number;
  latencies: Float64Array;
  duringOverview: Float64Array;
  outsideOverview: Float64Array;
  /** Deliveries in flight while the receiving worker's event loop stalled, and the others. */
  duringStall: Float64Array;
  outsideStall: Float64Array;
  /** Every worker's stalls within its window: count and total summed, the longest of all. */
  stalls: StallSummary;
  stateLatencies: Float64Array;
}

/**
 * Merge the workers' ledgers. A delivery's send and receive times are on its worker's clock, so
 * each split is made per worker: by that worker's own stalls, and by the dashboard's calls (this
 * thread's clock) moved onto the worker's by the difference of the two time origins.
 */
function mergeLedgers(ledgers: readonly WorkerLedger[], dashboardWindows: readonly Stall[]): MergedLedger {
  const byOverview = ledgers.map((l) => {
    const shift = performance.timeOrigin - l.timeOrigin;
    return splitByWindows(l.latencies, l.sendTimes, dashboardWindows.map((d) => ({ from: d.from + shift, to: d.to + shift })));
  });
  const byStall = ledgers.map((l) => splitByWindows(l.latencies, l.sendTimes, l.stalls));
  const stallSummaries = ledgers.map((l) => summarizeStalls(l.stalls, l.windowFrom, l.windowTo));
  const sum = (k: 'writes' | 'expected' | 'received' | 'duplicates') => ledgers.reduce((n, l) => n + l[k], 0);
  return {
    writes: sum('writes'),
    expected: sum('expected'),
    received: sum('received'),
    duplicates: sum('duplicates'),
    latencies: concat(ledgers.map((l) => l.latencies)),
    duringOverview: concat(byOverview.map((s) => s.during)),
    outsideOverview: concat(byOverview.map((s) => s.outside)),
    duringStall: concat(byStall.map((s) => s.during)),
    outsideStall: concat(byStall.map((s) => s.outside)),
    stalls: {
      count: stallSummaries.reduce((n, s) => n + s.count, 0),
      totalMs: stallSummaries.reduce((n, s) => n + s.totalMs, 0),
      longestMs: Math.max(0, ...stallSummaries.map((s) => s.longestMs)),
    },
    stateLatencies: concat(ledgers.map((l) => l.stateLatencies)),
  };
}

void main();
