/**
 * Scale-out benchmark (issue #7): the training-day load (40 boards × 6 stock y-websocket
 * providers, each writing a tldraw-sized record 2×/s) on one instance, then split across two
 * instances (the clients of each board alternate between them), both on PostgreSQL + Redis.
 * Reports, per instance: delivery latency p50/p99 and loss for the clients connected to it,
 * delivered updates/s, and server CPU from /proc/<pid>/stat. Writes
 * bench/results/scale-<ISO>.json and bench/results/scale-latest.md.
 * Run with `npm run bench:scale`; knobs: BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (3),
 * BENCH_BOARDS (40), BENCH_CLIENTS (6), BENCH_RATE (writes/s per client, 2), BENCH_DRAIN_MS,
 * DATABASE_URL, REDIS_URL. Exits non-zero only when the bench itself or a server crashed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Cleanup } from '../lib/Cleanup.ts';
import { BenchClient, type DeliverySink } from '../lib/loadgen.ts';
import { clockTicksPerSecond, machineInfo, type MachineInfo } from '../lib/proc.ts';
import { provenance, type Provenance } from '../lib/provenance.ts';
import type { BenchStamp } from '../lib/records.ts';
import { ServerUnderTest } from '../lib/servers.ts';
import { round, SampleBuffer, summarize, type Summary } from '../lib/stats.ts';
import { delay, mapLimit, pollUntil, withTimeout } from '../lib/time.ts';

interface Config {
  seconds: number;
  warmupSeconds: number;
  boards: number;
  clientsPerBoard: number;
  writesPerSecond: number;
  drainMs: number;
  databaseUrl: string;
  redisUrl: string;
  repoRoot: string;
}

/** Read the knobs from the environment, once, in main. */
function readConfig(env: NodeJS.ProcessEnv): Config {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    return v;
  };
  const cwd = process.cwd();
  const repoRoot =
    fs.existsSync(path.join(cwd, 'package.json')) && fs.existsSync(path.join(cwd, 'bench'))
      ? cwd
      : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return {
    seconds: num('BENCH_SECONDS', 30),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
    boards: Math.round(num('BENCH_BOARDS', 40)),
    clientsPerBoard: Math.round(num('BENCH_CLIENTS', 6)),
    writesPerSecond: num('BENCH_RATE', 2),
    drainMs: num('BENCH_DRAIN_MS', 15_000),
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    repoRoot,
  };
}

/** What the clients connected to one instance saw, and what that instance cost. */
interface InstanceResult {
  instance: string;
  clients: number;
  /** Measured writes sent by this instance's clients. */
  writes: number;
  /** Deliveries owed to this instance's clients, received, and the difference. */
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  latencyMs: Summary;
  /** Writer on the same instance / on the other one (two-instance case only). */
  latencySameInstanceMs: Summary;
  latencyCrossInstanceMs: Summary;
  deliveredPerSecond: number;
  serverCpuMs: number;
  /** Over the measured window and drain, as a share of one core. */
  serverCpuPercent: number;
  serverRssMiB: number;
  warnings: string[];
}

interface ScenarioResult {
  id: 'one-instance' | 'two-instances';
  description: string;
  instances: InstanceResult[];
  total: { writes: number; expected: number; received: number; lost: number; duplicates: number; latencyMs: Summary; deliveredPerSecond: number; serverCpuMs: number };
  connectMs: number;
  windowMs: number;
  drainMs: number;
  unexpectedCloses: number;
  closeReasons: string[];
  loadgenCpuPercent: number;
  loadgenEventLoopUtilization: number;
}

interface ScaleReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  /** 1-minute load average before and after: other work on the machine shows here. */
  loadAverage: { before: number; after: number };
  provenance: Provenance;
  params: Omit<Config, 'repoRoot' | 'databaseUrl'> & { database: string };
  scenarios: ScenarioResult[];
  errors: string[];
}

/** Deliveries counted per receiving instance, split by where the writer was connected. */
class ScaleLedger implements DeliverySink {
  measureFrom = Number.POSITIVE_INFINITY;
  readonly instanceOf = new Map<number, number>();
  readonly received: number[];
  readonly duplicates: number[];
  readonly all: SampleBuffer[];
  readonly same: SampleBuffer[];
  readonly cross: SampleBuffer[];

  constructor(instances: number) {
    this.received = new Array<number>(instances).fill(0);
    this.duplicates = new Array<number>(instances).fill(0);
    this.all = Array.from({ length: instances }, () => new SampleBuffer());
    this.same = Array.from({ length: instances }, () => new SampleBuffer());
    this.cross = Array.from({ length: instances }, () => new SampleBuffer());
  }

  onDelivery(receiver: BenchClient, stamp: BenchStamp, now: number): void {
    if (stamp.c === receiver.index) return;
    const at = this.instanceOf.get(receiver.index) ?? 0;
    const last = receiver.lastSeen.get(stamp.c);
    if (last !== undefined && stamp.w <= last) {
      this.duplicates[at]!++;
      return;
    }
    receiver.lastSeen.set(stamp.c, stamp.w);
    if (stamp.t < this.measureFrom) return;
    const ms = now - stamp.t;
    this.received[at]!++;
    this.all[at]!.push(ms);
    (this.instanceOf.get(stamp.c) === at ? this.same : this.cross)[at]!.push(ms);
  }
}

type Log = (msg: string) => void;

/** One scenario: boards on `servers`, client j of every board on server j mod n. */
async function runScenario(id: ScenarioResult['id'], description: string, servers: ServerUnderTest[], cfg: Config, log: Log): Promise<ScenarioResult> {
  const n = servers.length;
  const ledger = new ScaleLedger(n);
  const rooms = await mapLimit(Array.from({ length: cfg.boards }, (_, b) => b), 8, (b) => servers[b % n]!.newRoom());
  const boards: BenchClient[][] = rooms.map(() => []);
  const all: BenchClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const connectStart = performance.now();
    const slots = rooms.flatMap((access, b) => Array.from({ length: cfg.clientsPerBoard }, (_, j) => ({ access, b, at: j % n })));
    await mapLimit(slots, 24, async ({ access, b, at }) => {
      const client = new BenchClient({ serverUrl: servers[at]!.wsUrl, access, index: all.length, sink: ledger });
      ledger.instanceOf.set(client.index, at);
      all.push(client);
      boards[b]!.push(client);
      await withTimeout(client.synced, 30_000, `client ${client.index} sync on instance ${at}`);
    });
    const connectMs = performance.now() - connectStart;
    log(`  ${all.length} clients on ${cfg.boards} boards over ${n} instance(s) synced in ${connectMs.toFixed(0)} ms`);
    await delay(500);

    const writesBy = new Map<number, number>();
    let nextWriteId = 0;
    const interval = 1000 / cfg.writesPerSecond;
    ledger.measureFrom = performance.now() + cfg.warmupSeconds * 1000;
    for (const writer of all) {
      let k = 0;
      const tick = () => {
        const t = performance.now();
        writer.writeShape(`shape:c${writer.index}-${k % 4}`, k, { t, w: ++nextWriteId, c: writer.index });
        k++;
        if (t >= ledger.measureFrom) writesBy.set(writer.index, (writesBy.get(writer.index) ?? 0) + 1);
      };
      // Spread writers over the interval so their writes do not arrive in lockstep.
      timers.push(
        setTimeout(() => {
          tick();
          timers.push(setInterval(tick, interval));
        }, Math.random() * interval),
      );
    }

    await delay(ledger.measureFrom - performance.now());
    const cpu0 = servers.map((s) => s.cpuMs());
    const ownCpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    await delay(cfg.seconds * 1000);
    for (const t of timers) clearInterval(t);
    const tEnd = performance.now();
    const elu = performance.eventLoopUtilization(elu0);
    const ownCpu = process.cpuUsage(ownCpu0);

    // Owed deliveries per receiving instance: every measured write, to every other client on its board.
    const expected = new Array<number>(n).fill(0);
    const writesAt = new Array<number>(n).fill(0);
    for (const clients of boards) {
      for (const w of clients) {
        const writes = writesBy.get(w.index) ?? 0;
        writesAt[ledger.instanceOf.get(w.index) ?? 0]! += writes;
        for (const r of clients) if (r !== w) expected[ledger.instanceOf.get(r.index) ?? 0]! += writes;
      }
    }
    const expectedTotal = expected.reduce((a, b) => a + b, 0);
    const receivedTotal = () => ledger.received.reduce((a, b) => a + b, 0);
    await pollUntil(() => receivedTotal() >= expectedTotal, cfg.drainMs, 20);
    const drainMs = performance.now() - tEnd;
    const cpu = servers.map((s, i) => s.cpuMs() - cpu0[i]!);
    const windowMs = performance.now() - t0;
    const seconds = (tEnd - t0) / 1000;

    const instances: InstanceResult[] = servers.map((s, i) => ({
      instance: n === 1 ? 'only' : String.fromCharCode(65 + i),
      clients: all.filter((c) => ledger.instanceOf.get(c.index) === i).length,
      writes: writesAt[i]!,
      expected: expected[i]!,
      received: ledger.received[i]!,
      lost: Math.max(0, expected[i]! - ledger.received[i]!),
      duplicates: ledger.duplicates[i]!,
      latencyMs: summarize(ledger.all[i]!.values()),
      latencySameInstanceMs: summarize(ledger.same[i]!.values()),
      latencyCrossInstanceMs: summarize(ledger.cross[i]!.values()),
      deliveredPerSecond: ledger.received[i]! / seconds,
      serverCpuMs: cpu[i]!,
      serverCpuPercent: (cpu[i]! / windowMs) * 100,
      serverRssMiB: s.rssKiB() / 1024,
      warnings: s.warnings.slice(0, 10),
    }));
    const allLatencies = new SampleBuffer();
    for (const b of ledger.all) for (const v of b.values()) allLatencies.push(v);
    const closes = all.filter((c) => c.unexpectedCloses > 0);
    return {
      id,
      description,
      instances,
      total: {
        writes: writesAt.reduce((a, b) => a + b, 0),
        expected: expectedTotal,
        received: receivedTotal(),
        lost: Math.max(0, expectedTotal - receivedTotal()),
        duplicates: ledger.duplicates.reduce((a, b) => a + b, 0),
        latencyMs: summarize(allLatencies.values()),
        deliveredPerSecond: receivedTotal() / seconds,
        serverCpuMs: cpu.reduce((a, b) => a + b, 0),
      },
      connectMs,
      windowMs,
      drainMs,
      unexpectedCloses: closes.reduce((a, c) => a + c.unexpectedCloses, 0),
      closeReasons: [...new Set(closes.map((c) => c.lastClose ?? '?'))].slice(0, 10),
      loadgenCpuPercent: ((ownCpu.user + ownCpu.system) / 1000 / (tEnd - t0)) * 100,
      loadgenEventLoopUtilization: elu.utilization,
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const c of all) c.destroy();
    await delay(300);
  }
}

const fmt = (v: number, digits = 1): string => (Number.isFinite(v) ? String(round(v, digits)) : '–');

/** The Markdown summary. */
function markdown(r: ScaleReport): string {
  const m = r.machine;
  const rows = r.scenarios.flatMap((s) =>
    [...s.instances, { ...s.total, instance: 'total', clients: s.instances.reduce((a, i) => a + i.clients, 0), serverCpuPercent: (s.total.serverCpuMs / s.windowMs) * 100, latencySameInstanceMs: undefined, latencyCrossInstanceMs: undefined, serverRssMiB: Number.NaN }].map(
      (i) =>
        `| ${s.id} | ${i.instance} | ${i.clients} | ${i.writes} | ${i.expected} | ${i.received} | ${i.lost} | ${fmt(i.latencyMs.p50)} | ${fmt(i.latencyMs.p99)} | ${fmt(i.latencyMs.max, 0)} | ${i.latencySameInstanceMs ? `${fmt(i.latencySameInstanceMs.p50)} / ${fmt(i.latencySameInstanceMs.p99)}` : ''} | ${i.latencyCrossInstanceMs ? `${fmt(i.latencyCrossInstanceMs.p50)} / ${fmt(i.latencyCrossInstanceMs.p99)}` : ''} | ${fmt(i.deliveredPerSecond, 0)} | ${fmt(i.serverCpuPercent)} | ${fmt(i.serverRssMiB, 0)} |`,
    ),
  );
  return [
    '# Scale-out benchmark: one instance vs two (PostgreSQL + Redis)',
    '',
    `Run ${r.startedAt} → ${r.finishedAt} by \`npm run bench:scale\` (bench/scale/scaleBench.ts); raw figures in the JSON beside this file.`,
    `Sources: ${r.provenance.gitHead?.slice(0, 12) ?? '?'}${r.provenance.uncommitted.length ? ` + ${r.provenance.uncommitted.length} uncommitted file(s) under server/ and shared/` : ''}.`,
    '',
    `- Machine: ${m.nproc} CPU(s), ${m.cpuModel}, ${m.memTotalMiB} MiB, Node ${m.node}. PostgreSQL, Redis, the server(s) and the load generator all share it; 1-min load average ${fmt(r.loadAverage.before, 2)} before, ${fmt(r.loadAverage.after, 2)} after (above ~1 means other work competed for the two cores, so tails are noisy).`,
    `- Load: ${r.params.boards} boards × ${r.params.clientsPerBoard} stock y-websocket providers, each writing a ~500-byte tldraw shape record ${r.params.writesPerSecond}×/s; ${r.params.warmupSeconds} s warm-up, ${r.params.seconds} s measured.`,
    '- Both cases run on PostgreSQL (a fresh schema) and Redis, so the only difference is the split: with one instance Redis carries publishes nobody else reads.',
    '- Two instances: board b is created through instance b mod 2 and client j of every board connects to instance j mod 2 (3 + 3), so 3/5 of each delivery crosses Redis.',
    '- Per instance = what the clients connected to that instance received (latency = receive − send on the load generator\'s clock; lost = owed − received after the drain); CPU = utime + stime of that server process over the measured window and drain.',
    '',
    '| case | instance | clients | writes sent | deliveries owed | received | lost | p50 ms | p99 ms | max ms | writer on same instance p50 / p99 | writer on other instance p50 / p99 | delivered/s | server CPU % | RSS MiB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...r.scenarios.map(
      (s) =>
        `- ${s.id}: connect ${fmt(s.connectMs, 0)} ms, drain ${fmt(s.drainMs, 0)} ms, duplicates ${s.total.duplicates}, unexpected closes ${s.unexpectedCloses}${s.closeReasons.length ? ` (${s.closeReasons.join(', ')})` : ''}, load generator CPU ${fmt(s.loadgenCpuPercent)} % (event-loop utilization ${fmt(s.loadgenEventLoopUtilization, 2)}).`,
    ),
    ...(r.errors.length ? ['', '## Errors', '', ...r.errors.map((e) => `- ${e.split('\n')[0]}`)] : []),
    '',
  ].join('\n');
}

/** `base` with every connection's search_path set to `schema`. */
function withSearchPath(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function main(): Promise<void> {
  const cfg = readConfig(process.env);
  const log: Log = (msg) => process.stdout.write(`${msg}\n`);
  // Each stock provider adds a process 'exit' listener; hundreds of them are expected here.
  process.setMaxListeners(0);
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const cleanup = new Cleanup();
  cleanup.install((err) => process.stderr.write(`bench crashed: ${(err as Error).stack ?? String(err)}\n`));
  const startedAt = new Date().toISOString();
  const schema = `rb_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cfg.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const env = {
    DATABASE_URL: withSearchPath(cfg.databaseUrl, schema),
    REDIS_URL: cfg.redisUrl,
    // Compaction at its default pace; rooms stay loaded for the whole run.
    ROOM_IDLE_MS: '600000',
  };
  const ticksPerSecond = clockTicksPerSecond();
  const start = () => ServerUnderTest.start({ kind: 'renkei', cleanup, env, ticksPerSecond });
  const scenarios: ScenarioResult[] = [];
  const errors: string[] = [];
  try {
    log(`scale bench: ${cfg.boards} boards × ${cfg.clientsPerBoard} clients × ${cfg.writesPerSecond}/s, ${cfg.seconds} s (schema ${schema})`);
    for (const [id, count, description] of [
      ['one-instance', 1, 'one instance on PostgreSQL + Redis'],
      ['two-instances', 2, 'two instances on one PostgreSQL and one Redis, clients of each board alternating'],
    ] as const) {
      log(`${id}: starting ${count} instance(s)`);
      const servers: ServerUnderTest[] = [];
      try {
        for (let i = 0; i < count; i++) servers.push(await start());
        const result = await runScenario(id, description, servers, cfg, log);
        scenarios.push(result);
        for (const i of result.instances) {
          log(`  ${i.instance}: p50 ${fmt(i.latencyMs.p50)} ms, p99 ${fmt(i.latencyMs.p99)} ms, lost ${i.lost}/${i.expected}, ${fmt(i.deliveredPerSecond, 0)} delivered/s, CPU ${fmt(i.serverCpuPercent)} %`);
        }
      } catch (err) {
        errors.push(`${id}: ${(err as Error).stack ?? String(err)}`);
        log(`  ${id} failed: ${(err as Error).message}`);
      } finally {
        for (const s of servers) await s.stop();
      }
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
  const { repoRoot, databaseUrl, ...params } = cfg;
  const report: ScaleReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? Number.NaN },
    provenance: provenance(repoRoot),
    params: { ...params, database: new URL(databaseUrl).host, redisUrl: cfg.redisUrl },
    scenarios,
    errors,
  };
  const dir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `scale-${startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'scale-latest.md'), markdown(report));
  log(`wrote ${path.relative(repoRoot, json)} and bench/results/scale-latest.md`);
  cleanup.runNow();
  if (errors.length > 0) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`scale bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
