/**
 * Relay benchmark: our server (SQLite persistence on) against the stock
 * `@y/websocket-server` 0.1.1 in memory, driven by the same load generator of stock
 * y-websocket providers. Run with `npm run bench:relay`; see bench/README.md for the knobs.
 * Exits non-zero only when the bench itself or a server crashed; a FAIL is a result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cleanup } from './lib/Cleanup.ts';
import { machineInfo } from './lib/proc.ts';
import { provenance } from './lib/provenance.ts';
import { coldTable, fanoutSummaryTable, idleServerTable, judge, markdown, memoryTable, verdictTable, type RunReport } from './lib/report.ts';
import type { AwarenessMode } from './lib/loadgen.ts';
import { DEFAULT_SERVER_KINDS, isOurs, SERVER_KINDS, ServerUnderTest, type ServerKind, type StartServerOptions } from './lib/servers.ts';
import { pinServerApart } from './lib/pinning.ts';
import { runColdLoad, type ColdLoadParams } from './scenarios/coldLoad.ts';
import { runFanout, type FanoutParams } from './scenarios/fanout.ts';
import { runIdleMemory, type IdleMemoryParams } from './scenarios/idleMemory.ts';
import { runIdleServer, type IdleServerParams } from './scenarios/idleServer.ts';

type ScenarioId = 'training' | 'meeting' | 'cold' | 'memory' | 'idle';

interface BenchConfig {
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  drainMs: number;
  scenarios: ScenarioId[];
  servers: ServerKind[];
  awareness: AwarenessMode;
  cold: ColdLoadParams;
  memory: IdleMemoryParams;
  idle: IdleServerParams;
  oursNodeFlags: string[];
  referenceNodeFlags: string[];
  tolerance: number;
  /** When set, steady-load servers are profiled over the measured window into this directory. */
  profileDir: string | undefined;
  repoRoot: string;
  resultsDir: string;
  timeoutMs: number;
}

/** Read the knobs from the environment, once, in main. */
function readConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return v;
  };
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const raw = env[name];
    if (!raw) return [...allowed];
    const picked = raw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const p of picked) if (!allowed.includes(p as T)) throw new Error(`${name}: unknown "${p}" (allowed: ${allowed.join(', ')})`);
    return picked as T[];
  };
  const flags = (name: string) => (env[name] ?? '').split(/\s+/).filter(Boolean);
  const seconds = num('BENCH_SECONDS', 20);
  const warmupSeconds = num('BENCH_WARMUP_SECONDS', 2);
  const drainMs = num('BENCH_DRAIN_MS', 10_000);
  // `npm run` starts us in the repository; otherwise dist/bench/relay.js sits two levels below it.
  const cwd = process.cwd();
  const repoRoot = fs.existsSync(path.join(cwd, 'package.json')) && fs.existsSync(path.join(cwd, 'bench'))
    ? cwd
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return {
    seconds,
    rounds: Math.max(1, Math.round(num('BENCH_ROUNDS', 2))),
    warmupSeconds,
    drainMs,
    scenarios: list<ScenarioId>('BENCH_SCENARIOS', ['training', 'meeting', 'cold', 'memory', 'idle']),
    servers: env.BENCH_SERVERS ? list<ServerKind>('BENCH_SERVERS', SERVER_KINDS) : [...DEFAULT_SERVER_KINDS],
    awareness: (list<AwarenessMode>('BENCH_AWARENESS', ['stock', 'off'])[0] ?? 'stock'),
    cold: { shapes: num('BENCH_COLD_SHAPES', 5000), batch: 250, repeats: num('BENCH_COLD_REPEATS', 5), unloadWaitMs: 1000 },
    memory: { boards: num('BENCH_IDLE_BOARDS', 200), shapesPerBoard: 5, warmupBoards: 10, settleMs: 1500 },
    // V8's memory reducer shrinks the young generation some 30 s after start-up work ends.
    idle: { settleMs: num('BENCH_IDLE_SETTLE_MS', 40_000) },
    oursNodeFlags: flags('BENCH_NODE_FLAGS'),
    referenceNodeFlags: flags('BENCH_REF_NODE_FLAGS'),
    tolerance: num('BENCH_TOLERANCE', 1.1),
    profileDir: env.BENCH_PROFILE_DIR ? path.resolve(env.BENCH_PROFILE_DIR) : undefined,
    repoRoot,
    resultsDir: env.BENCH_RESULTS_DIR ? path.resolve(env.BENCH_RESULTS_DIR) : path.join(repoRoot, 'bench', 'results'),
    timeoutMs: num('BENCH_TIMEOUT_MS', (4 * Math.max(1, num('BENCH_ROUNDS', 2)) * (seconds + warmupSeconds + drainMs / 1000 + 90) + 900) * 1000),
  };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Run every selected scenario against every selected server, one server at a time. */
async function main(): Promise<number> {
  const cfg = readConfig(process.env);
  // Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
  process.setMaxListeners(2000);
  const cleanup = new Cleanup();
  cleanup.install((err) => log(`bench crashed: ${(err as Error)?.stack ?? String(err)}`));
  const watchdog = setTimeout(() => {
    log(`bench: watchdog fired after ${cfg.timeoutMs} ms; stopping servers`);
    cleanup.runNow();
    process.exit(2);
  }, cfg.timeoutMs);
  watchdog.unref();

  const machine = machineInfo();
  const training: FanoutParams = {
    id: 'training-day', title: 'training day', boards: 40, clientsPerBoard: 6, writersPerBoard: 6, writesPerSecond: 2,
    seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds, drainTimeoutMs: cfg.drainMs, awareness: cfg.awareness,
  };
  const meeting: FanoutParams = {
    id: 'big-meeting', title: 'big meeting', boards: 1, clientsPerBoard: 50, writersPerBoard: 10, writesPerSecond: 5,
    seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds, drainTimeoutMs: cfg.drainMs, awareness: cfg.awareness,
  };
  const report: RunReport = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine,
    params: {
      source: provenance(cfg.repoRoot),
      servers: cfg.servers,
      rounds: cfg.rounds,
      awareness: cfg.awareness,
      scenarios: cfg.scenarios,
      trainingDay: training,
      bigMeeting: meeting,
      coldLoad: cfg.cold,
      idleMemory: cfg.memory,
      idleServer: cfg.idle,
      oursNodeFlags: cfg.oursNodeFlags,
      referenceNodeFlags: cfg.referenceNodeFlags,
      tolerance: cfg.tolerance,
      profiled: cfg.profileDir !== undefined,
    },
    fanout: [],
    coldLoad: [],
    idleMemory: [],
    idleServer: [],
    errors: [],
    verdicts: [],
  };
  log(`bench: ${machine.nproc} CPU(s) ${machine.cpuModel}, Node ${machine.node}; scenarios ${cfg.scenarios.join(',')}; servers ${cfg.servers.join(',')}`);

  const withServer = async (
    scenario: string,
    kind: ServerKind,
    extra: Pick<StartServerOptions, 'env' | 'inspect'>,
    run: (s: ServerUnderTest) => Promise<void>,
  ) => {
    log(`\n[${scenario}] ${kind}`);
    let server: ServerUnderTest | undefined;
    try {
      server = await ServerUnderTest.start({
        kind,
        cleanup,
        ticksPerSecond: machine.clockTicksPerSecond,
        nodeFlags: isOurs(kind) ? cfg.oursNodeFlags : cfg.referenceNodeFlags,
        ...extra,
      });
      // The server on cores of its own, the load generator on the others (bench/lib/pinning.ts).
      const pinning = pinServerApart(server.pid, process.env.BENCH_PIN !== 'off');
      report.params.pinning ??= pinning.mode === 'split' ? `server on CPU ${pinning.serverCpus}, load generator on CPU ${pinning.benchCpus}` : `off (${pinning.reason ?? ''})`;
      await run(server);
      if (!server.alive) throw new Error(`${kind} server died during ${scenario}`);
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      log(`  ERROR: ${message}`);
      report.errors.push({ scenario, server: kind, error: message });
    } finally {
      const exit = await server?.stop();
      if (exit && exit.code !== 0 && exit.signal !== 'SIGTERM') log(`  (${kind} exited with ${exit.signal ?? exit.code})`);
    }
  };

  for (let round = 1; round <= cfg.rounds; round++) {
    // Take turns, so drift in the machine's background load does not favour one server.
    const order = round % 2 === 1 ? cfg.servers : [...cfg.servers].reverse();
    for (const params of [training, meeting]) {
      if (!cfg.scenarios.includes(params === training ? 'training' : 'meeting')) continue;
      for (const kind of order) {
        await withServer(`${params.id} round ${round}`, kind, { inspect: cfg.profileDir !== undefined }, async (s) => {
          const r = await runFanout(s, params, { round, ticksPerSecond: machine.clockTicksPerSecond, log, profileDir: cfg.profileDir });
          log(
            `  writes ${r.writes}, delivered ${r.received}/${r.expected} (lost ${r.lost}, ${r.unexpectedCloses} closes), p50/p95/p99 ${r.latencyMs.p50.toFixed(2)}/${r.latencyMs.p95.toFixed(2)}/${r.latencyMs.p99.toFixed(2)} ms, CPU ${r.cpuUsPerDelivery.toFixed(1)} µs/delivery, RSS ${r.serverRssMiB.toFixed(0)} MiB, other load ${r.otherLoadCores.toFixed(2)} cores; server threads ms ${JSON.stringify(r.serverCpuByThreadMs)}; switches/write vol ${r.serverSwitchesPerWrite.voluntary.toFixed(2)} invol ${r.serverSwitchesPerWrite.nonvoluntary.toFixed(2)}`,
          );
          report.fanout.push(r);
        });
      }
    }
  }
  if (cfg.scenarios.includes('cold')) {
    for (const kind of cfg.servers) {
      // COMPACT_IDLE_MS long: only unloading folds updates into a snapshot, which is how the unload is verified.
      await withServer('cold-load', kind, { env: { ROOM_IDLE_MS: '200', COMPACT_IDLE_MS: '3600000' } }, async (s) => {
        const r = await runColdLoad(s, cfg.cold, log);
        log(`  join with no session: median ${r.coldMedianMs.toFixed(1)} ms; warm join median ${r.warmMedianMs.toFixed(1)} ms`);
        report.coldLoad.push(r);
      });
    }
  }
  if (cfg.scenarios.includes('memory')) {
    for (const kind of cfg.servers) {
      await withServer('idle-memory', kind, { env: { ROOM_IDLE_MS: '3600000' }, inspect: true }, async (s) => {
        report.idleMemory.push(await runIdleMemory(s, cfg.memory, log));
      });
    }
  }

  if (cfg.scenarios.includes('idle')) {
    // Both fresh servers sit idle side by side: the wait is the same for each.
    await Promise.all(
      cfg.servers.map((kind) =>
        withServer('idle-server', kind, {}, async (s) => {
          report.idleServer.push(await runIdleServer(s, cfg.idle, log));
        }),
      ),
    );
  }

  report.finishedAt = new Date().toISOString();
  report.verdicts = judge(report, cfg.tolerance);
  fs.mkdirSync(cfg.resultsDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  // A run without awareness is a diagnostic variant: keep it beside, not over, the default.
  const variant = cfg.awareness === 'off' ? 'relay-awareness-off' : 'relay';
  const jsonPath = path.join(cfg.resultsDir, `${variant}-${stamp}.json`);
  const mdPath = path.join(cfg.resultsDir, `${variant}-latest.md`);
  fs.writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(mdPath, markdown(report, cfg.tolerance));
  process.stdout.write(
    ['', fanoutSummaryTable(report.fanout), '', coldTable(report.coldLoad), '', memoryTable(report.idleMemory), '', idleServerTable(report.idleServer), '', verdictTable(report.verdicts), ''].join('\n'),
  );
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), jsonPath)} and ${path.relative(process.cwd(), mdPath)}\n`);
  if (report.errors.length > 0) log(`bench: ${report.errors.length} scenario(s) did not complete; see the report`);
  clearTimeout(watchdog);
  cleanup.runNow();
  return report.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench crashed: ${(err as Error)?.stack ?? String(err)}`);
    process.exit(1);
  },
);
