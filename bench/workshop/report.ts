import type { MachineInfo } from '../lib/proc.ts';
import type { Pinning } from '../lib/pinning.ts';
import type { Provenance } from '../lib/provenance.ts';
import type { StallCauses } from '../lib/gcWatch.ts';
import type { StallSummary } from '../lib/stalls.ts';
import { round, type Summary } from '../lib/stats.ts';

/** One load-generator thread over the measured window. */
export interface ThreadReport {
  /** This thread's own CPU (/proc/thread-self), % of one core. */
  cpuPercentOfOneCore: number;
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Its event loop held up over 15 ms (StallWatch). */
  stalls: StallSummary;
  /** Why, as far as the spans tell: its own GC, a stall of another bench thread at the same time, neither. */
  stallCauses: StallCauses;
  /** Its isolate's garbage collections in the window (GcWatch). */
  gc: { count: number; major: number; totalMs: number; longestMs: number };
}

/** Everything a training-day run measured; written as JSON and summarised in Markdown. */
export interface TrainingDayReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  /** Whether the server and the load generator had cores of their own (BENCH_PIN). */
  pinning: Pinning;
  provenance: Provenance;
  params: Record<string, number | string>;
  setup: { createMs: number; joinMs: number; connectMs: number; connections: number };
  relay: {
    writes: number; expected: number; received: number; lost: number; duplicates: number; latencyMs: Summary; unexpectedCloses: number; drainMs: number;
    /** Deliveries whose journey overlapped a dashboard call, and the others. */
    duringOverviewMs: Summary;
    outsideOverviewMs: Summary;
    /** Deliveries in flight while the receiving worker's event loop stalled (its StallWatch), and the rest. */
    duringLoadgenStallMs: Summary;
    outsideLoadgenStallMs: Summary;
  };
  /** Sent on the main thread, received in the workers: latency on the epoch clock (`performance.timeOrigin + performance.now()`). */
  state: { broadcasts: number; expected: number; received: number; latencyMs: Summary };
  dashboard: {
    polls: number;
    failures: number;
    rttMs: Summary;
    /** Server CPU around each call beyond the background rate (ms per call). */
    excessCpuMs: Summary;
    /** The dashboard's share of one core over the measured window (%). */
    cpuSharePercent: number;
    responseKiB: number;
    quiet: { unchanged: { rttMs: Summary; cpuMs: Summary }; allGroupsChanged: { rttMs: Summary; cpuMs: Summary } };
  };
  /** The pushed dashboard (issue 15). */
  stream: { used: boolean; failures: number; firstPictureMs: number; firstPictureKiB: number; groupEvents: number; thumbnails: number; wireKiBPerMinutePerGroup: number; decodedKiBPerMinutePerGroup: number; cpuSharePercent: number };
  server: { cpuPercentOfOneCore: number; backgroundCpuPercent: number; rssMiB: { start: number; peak: number; end: number }; warnings: string[] };
  loadgen: {
    /** Worker threads hosting the participants (whole groups each). */
    workers: number;
    /** The whole bench process (every thread), % of one core. */
    cpuPercentOfOneCore: number;
    /** Server, workshop, dashboard, facilitator's broadcasts, timeline. */
    mainThread: ThreadReport;
    perWorker: (ThreadReport & { worker: number; groups: number; connections: number; deliveries: number })[];
    /** The workers' stalls: count and total summed, the longest of all. */
    stalls: StallSummary;
  };
  /**
   * The machine over the window (/proc/stat, all cores): busy CPU, and what of it was neither the
   * server nor this bench (other processes: the figures of a disturbed run say so); 1-minute load average at the end.
   */
  machineLoad: { busyPercentOfOneCore: number; othersPercentOfOneCore: number; loadAverage1m: number };
  /** The server's event loop per one-minute window of the measured time (from its health answer). */
  serverEventLoop: { windowS: number; delayP99Ms: number; delayMaxMs: number; utilization: number }[];
  verdicts: { target: string; value: string; result: 'PASS' | 'FAIL' }[];
}

const ms = (v: number) => `${round(v, 1)} ms`;

const threadRow = (name: string, groups: string, connections: string, deliveries: string, t: ThreadReport) =>
  `| ${name} | ${groups} | ${connections} | ${deliveries} | ${round(t.cpuPercentOfOneCore, 1)} % | ${round(t.eventLoopUtilization, 2)} | ${ms(t.eventLoopDelayP99Ms)} | ${ms(t.eventLoopDelayMaxMs)} | ${t.stalls.count} | ${t.stalls.totalMs} ms | ${t.stalls.longestMs} ms | ${t.stallCauses.ownGc} / ${t.stallCauses.shared} / ${t.stallCauses.other} | ${t.gc.count} (${t.gc.major}) | ${t.gc.totalMs} ms | ${t.gc.longestMs} ms |`;

/** The run as Markdown for `bench/results/workshop-latest.md`. */
export function trainingDayMarkdown(r: TrainingDayReport): string {
  const p = r.params;
  const lines = [
    '# Workshop training day — benchmark',
    '',
    `Run ${r.startedAt} → ${r.finishedAt} on ${r.machine.cpuModel} (${r.machine.nproc} cores, ${r.machine.memTotalMiB} MiB), Node ${r.machine.node}.`,
    `Code: ${r.provenance.gitHead ?? 'unknown'}${r.provenance.uncommitted.length ? ` + ${r.provenance.uncommitted.length} uncommitted files under server/ and shared/` : ''} (sources sha256 ${r.provenance.sourceSha256.slice(0, 12)}).`,
    '',
    `**Load**: ${p.groups} groups × ${p.groupSize} participants on \`${p.template}\` boards, each participant a stock y-websocket provider on its group board`,
    `and one on the workshop state document (${r.setup.connections} connections), run in ${r.loadgen.workers} worker threads of the bench process, whole groups each. Each writes a tldraw-sized shape record every ${p.writeMinMs}–${p.writeMaxMs} ms`,
    `(a burst of ${p.burstWrites} writes ${p.burstGapMs} ms apart with probability ${p.burstProbability}) and moves its cursor ${p.presenceHz}×/s in awareness.`,
    r.stream.used
      ? `The facilitator's dashboard is open on the pushed stream (\`GET /overview/stream\`, gzip) and broadcasts on the state document every ${p.stateEverySeconds} s.`
      : `The facilitator's dashboard polls \`GET /overview\` every ${p.pollMs} ms and broadcasts on the state document every ${p.stateEverySeconds} s.`,
    `Measured for ${p.seconds} s after ${p.warmupSeconds} s of warm-up; the server is \`node dist/server/main.js\` (SQLite, temp DATA_DIR) as a child process.`,
    '',
    '## Verdicts',
    '',
    '| target | value | result |',
    '| --- | --- | --- |',
    ...r.verdicts.map((v) => `| ${v.target} | ${v.value} | ${v.result} |`),
    '',
    '## Relay (group boards)',
    '',
    '| writes | deliveries expected | received | lost | duplicates | p50 | p95 | p99 | max | unexpected closes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.relay.writes} | ${r.relay.expected} | ${r.relay.received} | ${r.relay.lost} | ${r.relay.duplicates} | ${ms(r.relay.latencyMs.p50)} | ${ms(r.relay.latencyMs.p95)} | ${ms(r.relay.latencyMs.p99)} | ${ms(r.relay.latencyMs.max)} | ${r.relay.unexpectedCloses} |`,
    '',
    `Split by the dashboard: ${r.relay.duringOverviewMs.count} deliveries in flight while an overview was being served: p50 ${ms(r.relay.duringOverviewMs.p50)}, p99 ${ms(r.relay.duringOverviewMs.p99)}, max ${ms(r.relay.duringOverviewMs.max)};`,
    `the other ${r.relay.outsideOverviewMs.count}: p50 ${ms(r.relay.outsideOverviewMs.p50)}, p99 ${ms(r.relay.outsideOverviewMs.p99)}, max ${ms(r.relay.outsideOverviewMs.max)}.`,
    '',
    `Split by the load generator's own stalls, those of the worker that received (its event loop held up over 15 ms: ${r.loadgen.stalls.count} stalls over ${r.loadgen.workers} workers, ${r.loadgen.stalls.totalMs} ms in all, longest ${r.loadgen.stalls.longestMs} ms): ` +
      `${r.relay.duringLoadgenStallMs.count} deliveries in flight during one: p50 ${ms(r.relay.duringLoadgenStallMs.p50)}, p99 ${ms(r.relay.duringLoadgenStallMs.p99)}, max ${ms(r.relay.duringLoadgenStallMs.max)}; ` +
      `the other ${r.relay.outsideLoadgenStallMs.count}: p50 ${ms(r.relay.outsideLoadgenStallMs.p50)}, p99 ${ms(r.relay.outsideLoadgenStallMs.p99)}, max ${ms(r.relay.outsideLoadgenStallMs.max)}.`,
    '',
    `State document broadcasts (facilitator → every participant): ${r.state.received}/${r.state.expected} received, p50 ${ms(r.state.latencyMs.p50)}, p99 ${ms(r.state.latencyMs.p99)}, max ${ms(r.state.latencyMs.max)}`,
    `(sent on the main thread, received in the workers: both ends read \`performance.timeOrigin + performance.now()\`).`,
    '',
    '## Pushed dashboard (`GET /api/workshops/:id/overview/stream`)',
    '',
    '| whole picture | group changes pushed | thumbnails | wire per minute per group | decoded | server CPU beyond warm-up | failures |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${ms(r.stream.firstPictureMs)} (${round(r.stream.firstPictureKiB, 1)} KiB) | ${r.stream.groupEvents} | ${r.stream.thumbnails} | ${round(r.stream.wireKiBPerMinutePerGroup, 2)} KiB | ${round(r.stream.decodedKiBPerMinutePerGroup, 1)} KiB | ${round(r.stream.cpuSharePercent, 2)} % of one core | ${r.stream.failures} |`,
    '',
    '## Dashboard refresh cost (`GET /api/workshops/:id/overview`)',
    '',
    '| under load | polls | round trip p50 | p99 | max | server CPU beyond background, p50 | p99 | share of one core | response |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${p.groups} groups changing | ${r.dashboard.polls} (${r.dashboard.failures} failed) | ${ms(r.dashboard.rttMs.p50)} | ${ms(r.dashboard.rttMs.p99)} | ${ms(r.dashboard.rttMs.max)} | ${ms(r.dashboard.excessCpuMs.p50)} | ${ms(r.dashboard.excessCpuMs.p99)} | ${round(r.dashboard.cpuSharePercent, 1)} % | ${round(r.dashboard.responseKiB, 1)} KiB |`,
    '',
    'Quiet server (writers stopped), five calls each — the cost of the call itself:',
    '',
    '| case | round trip p50 | max | server CPU p50 | max |',
    '| --- | --- | --- | --- | --- |',
    `| nothing changed (thumbnails cached) | ${ms(r.dashboard.quiet.unchanged.rttMs.p50)} | ${ms(r.dashboard.quiet.unchanged.rttMs.max)} | ${ms(r.dashboard.quiet.unchanged.cpuMs.p50)} | ${ms(r.dashboard.quiet.unchanged.cpuMs.max)} |`,
    `| every group changed (${p.groups} thumbnails redrawn) | ${ms(r.dashboard.quiet.allGroupsChanged.rttMs.p50)} | ${ms(r.dashboard.quiet.allGroupsChanged.rttMs.max)} | ${ms(r.dashboard.quiet.allGroupsChanged.cpuMs.p50)} | ${ms(r.dashboard.quiet.allGroupsChanged.cpuMs.max)} |`,
    '',
    'CPU is read from /proc at clock-tick resolution (10 ms); "beyond background" subtracts the server\'s CPU rate measured in the warm-up, before the dashboard opened.',
    '',
    '## Server and load generator',
    '',
    `- Server CPU: ${round(r.server.cpuPercentOfOneCore, 1)} % of one core over the window (${round(r.server.backgroundCpuPercent, 1)} % before the dashboard opened).`,
    `- Server RSS: ${r.server.rssMiB.start} MiB after connecting, peak ${r.server.rssMiB.peak} MiB, ${r.server.rssMiB.end} MiB at the end.`,
    `- Server event loop per minute (from /api/health): ${r.serverEventLoop.length ? r.serverEventLoop.map((e) => `delay p99 ${ms(e.delayP99Ms)}, max ${ms(e.delayMaxMs)}, busy ${round(e.utilization * 100, 0)} %`).join('; ') : 'not reported'}.`,
    `- Load generator (same machine): ${round(r.loadgen.cpuPercentOfOneCore, 1)} % of one core in all (every thread of the bench process). Latencies include its queueing; per thread below.`,
    `- Cores: ${r.pinning.mode === 'split' ? `the server alone on CPU ${r.pinning.serverCpus}, this bench (every load-generator thread) on CPU ${r.pinning.benchCpus} (taskset; BENCH_PIN=off to share them)` : `shared, not pinned (${r.pinning.reason ?? ''})`}.`,
    `- The machine (${r.machine.nproc} cores) over the window: ${round(r.machineLoad.busyPercentOfOneCore, 0)} % of one core busy, ${round(r.machineLoad.othersPercentOfOneCore, 0)} % of it neither the server nor this bench; load average ${round(r.machineLoad.loadAverage1m, 2)} at the end.`,
    `- Setup: workshop created in ${ms(r.setup.createMs)}, ${Number(p.groups) * Number(p.groupSize)} joins in ${ms(r.setup.joinMs)}, connected in ${ms(r.setup.connectMs)}.`,
    '',
    '| load-generator thread | groups | connections | deliveries received | CPU (% of one core) | event-loop use | delay p99 | delay max | stalls > 15 ms | in all | longest | stalls with own GC / with another thread\'s stall / neither | GC (full) | GC in all | longest GC |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    threadRow('main (server, dashboard, facilitator)', '–', '1', '–', r.loadgen.mainThread),
    ...r.loadgen.perWorker.map((w) => threadRow(`worker ${w.worker}`, String(w.groups), String(w.connections), String(w.deliveries), w)),
    ...(r.server.warnings.length ? ['', 'Server warnings:', '', ...r.server.warnings.slice(0, 10).map((w) => `    ${w}`)] : []),
    '',
  ];
  return lines.join('\n');
}
