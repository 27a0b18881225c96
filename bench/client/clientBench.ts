/**
 * Client benchmark, in the system Chromium (headless) against the built app:
 * (a) navigation start → interactive board of 2,000 shapes, in a fresh browser, 5 times,
 *     for a board whose shapes all carry text (judged) and one without text (for comparison);
 * (b) browser-to-browser latency of a remote change on the first board, 100 times.
 * Run with `npm run bench:client` (builds, then `node dist/bench/client/clientBench.js`).
 * Knobs (environment): CHROMIUM_PATH, BENCH_CLIENT_SHAPES (2000), BENCH_CLIENT_RUNS (5),
 * BENCH_CLIENT_CHANGES (100), BENCH_CLIENT_PROFILE_DIR (unset: no CPU profiles). Writes bench/results/client-<ISO date>.json and client-latest.md.
 * Exits non-zero only when the bench itself failed; a FAIL is a result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { Cleanup } from '../lib/Cleanup.ts';
import { clockTicksPerSecond, machineInfo } from '../lib/proc.ts';
import { provenance } from '../lib/provenance.ts';
import { ServerUnderTest } from '../lib/servers.ts';
import { median, summarize } from '../lib/stats.ts';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import { coldOpen, freshParticipant, launchChromium, openBoard, remoteLatencies, seedShapes, type ColdOpen, type SeedKind } from './boardPages.ts';
import { clientMarkdown, judgeClient, type BoardLoad, type ClientReport } from './clientReport.ts';

interface ClientBenchConfig {
  chromiumPath: string;
  shapes: number;
  runs: number;
  changes: number;
  warmupChanges: number;
  /** When set, the first cold open of each board is CPU-profiled into this directory. */
  profileDir: string | undefined;
  repoRoot: string;
  resultsDir: string;
}

/** Read the knobs from the environment, once, in main. */
function readConfig(env: NodeJS.ProcessEnv): ClientBenchConfig {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return v;
  };
  // dist/bench/client/clientBench.js → the repository root.
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return {
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    shapes: int('BENCH_CLIENT_SHAPES', 2000),
    runs: int('BENCH_CLIENT_RUNS', 5),
    changes: int('BENCH_CLIENT_CHANGES', 100),
    warmupChanges: 5,
    profileDir: env.BENCH_CLIENT_PROFILE_DIR ? path.resolve(env.BENCH_CLIENT_PROFILE_DIR) : undefined,
    repoRoot,
    resultsDir: path.join(repoRoot, 'bench', 'results'),
  };
}

async function createBoard(baseUrl: string): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'client bench' }),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateBoardResponse;
}

/** Resolve once the server's copy of the board (its .tldr export) holds `count` shapes. */
async function awaitServerShapes(baseUrl: string, board: CreateBoardResponse, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/boards/${board.id}/export.tldr`, { headers: { authorization: `Bearer ${board.tokens.owner}` } });
    const file = (await res.json()) as { records: Array<{ typeName: string }> };
    const have = file.records.filter((r) => r.typeName === 'shape').length;
    if (have >= count) return;
    if (Date.now() > deadline) throw new Error(`the server holds ${have} of ${count} seeded shapes after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Seed a new board with `shapes` shapes of `kind` and time `runs` cold opens of it. */
async function measureBoard(browser: Browser, baseUrl: string, cfg: ClientBenchConfig, kind: SeedKind, log: (line: string) => void): Promise<{ board: CreateBoardResponse; result: BoardLoad }> {
  const board = await createBoard(baseUrl);
  log(`${kind} board: seeding ${cfg.shapes} shapes through one browser's editor…`);
  const seeder = await freshParticipant(browser, '準備');
  const seedPage = await openBoard(seeder, board.links.owner, 0, 30_000);
  const seedStart = performance.now();
  await seedShapes(seedPage, cfg.shapes, kind);
  await awaitServerShapes(baseUrl, board, cfg.shapes, 120_000);
  const seedMs = performance.now() - seedStart;
  await seeder.close();
  log(`  stored on the server in ${Math.round(seedMs)} ms`);

  const opens: ColdOpen[] = [];
  for (let i = 0; i < cfg.runs; i++) {
    // The first run of each board is profiled when asked (BENCH_CLIENT_PROFILE_DIR).
    const cpuProfilePath = cfg.profileDir && i === 0 ? path.join(cfg.profileDir, `client-load-${kind}.cpuprofile`) : undefined;
    const o = await coldOpen(browser, board.links.edit, cfg.shapes, { timeoutMs: 60_000, ...(cpuProfilePath ? { cpuProfilePath } : {}) });
    opens.push(o);
    log(`  cold open ${i + 1}/${cfg.runs}: editor with ${cfg.shapes} shapes ${Math.round(o.shapesMs)} ms, interactive ${Math.round(o.interactiveMs)} ms`);
  }
  const interactive = opens.map((o) => o.interactiveMs);
  return { board, result: { kind, seedMs, coldOpens: opens, interactiveMs: { median: median(interactive), max: Math.max(...interactive) } } };
}

async function run(cfg: ClientBenchConfig, cleanup: Cleanup, log: (line: string) => void): Promise<ClientReport> {
  const startedAt = new Date().toISOString();
  // Other work on the machine inflates every figure: the report says how busy it was.
  const loadAtStart = os.loadavg();
  const server = await ServerUnderTest.start({ kind: 'renkei', cleanup, ticksPerSecond: clockTicksPerSecond() });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(cfg.chromiumPath);
    const labelled = await measureBoard(browser, server.baseUrl, cfg, 'labelled', log);
    const plain = await measureBoard(browser, server.baseUrl, cfg, 'plain', log);

    log(`remote-change latency on the labelled board, ${cfg.changes} changes (after ${cfg.warmupChanges} warm-up)…`);
    const writerCtx = await freshParticipant(browser, 'A');
    const readerCtx = await freshParticipant(browser, 'B');
    const writer = await openBoard(writerCtx, labelled.board.links.owner, cfg.shapes, 60_000);
    const reader = await openBoard(readerCtx, labelled.board.links.edit, cfg.shapes, 60_000);
    const latencies = await remoteLatencies(writer, reader, 'shape:bench-0', { count: cfg.changes, warmup: cfg.warmupChanges, timeoutMs: 10_000 });
    await writerCtx.close();
    await readerCtx.close();

    const report: ClientReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      chromium: browser.version(),
      source: provenance(cfg.repoRoot),
      params: { shapes: cfg.shapes, runs: cfg.runs, changes: cfg.changes, warmupChanges: cfg.warmupChanges, viewport: '1400x850' },
      boards: [labelled.result, plain.result],
      latencyMs: summarize(latencies),
      latencySamples: latencies,
      serverWarnings: server.warnings,
      verdicts: [],
    };
    report.verdicts = judgeClient(report);
    return report;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const cfg = readConfig(process.env);
  if (cfg.profileDir) fs.mkdirSync(cfg.profileDir, { recursive: true });
  const cleanup = new Cleanup();
  cleanup.install((err) => process.stderr.write(`client bench crashed: ${(err as Error)?.stack ?? String(err)}\n`));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const report = await run(cfg, cleanup, log);

  fs.mkdirSync(cfg.resultsDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const jsonPath = path.join(cfg.resultsDir, `client-${stamp}.json`);
  fs.writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(cfg.resultsDir, 'client-latest.md'), clientMarkdown(report, path.basename(jsonPath)));
  for (const v of report.verdicts) log(`${v.result}  ${v.target}: ${v.measured}`);
  log(`results: ${path.relative(process.cwd(), jsonPath)} and bench/results/client-latest.md`);
}

main().catch((err: unknown) => {
  process.stderr.write(`client bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
