import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import type { Cleanup } from './Cleanup.ts';
import { Inspector } from './Inspector.ts';
import { processCpuMs, processRssKiB } from './proc.ts';
import { withTimeout } from './time.ts';

/**
 * Which server a child runs: ours, the stock `@y/websocket-server` in memory, the same stock
 * server with its own persistence (`YPERSISTENCE`, y-leveldb: every update written to LevelDB),
 * or (for diagnostics, never by default) ours with its update append ablated
 * (bench/ablationServer.ts).
 */
export type ServerKind = 'renkei' | 'reference' | 'reference-leveldb' | 'renkei-nostore' | 'renkei-groupcommit' | 'renkei-exclusive';

/** Every server kind, in the order a run uses them. */
export const SERVER_KINDS: readonly ServerKind[] = ['renkei', 'reference', 'reference-leveldb', 'renkei-nostore', 'renkei-groupcommit', 'renkei-exclusive'];

/** The kinds a run uses unless BENCH_SERVERS names others. */
export const DEFAULT_SERVER_KINDS: readonly ServerKind[] = ['renkei', 'reference', 'reference-leveldb'];

/** Whether a kind is the stock `@y/websocket-server` (in memory or on LevelDB). */
export function isReference(kind: ServerKind): boolean {
  return kind === 'reference' || kind === 'reference-leveldb';
}

/** Whether a kind is our server (boards through the API, SQLite data directory). */
export function isOurs(kind: ServerKind): boolean {
  return !isReference(kind);
}

/** What a provider needs to join one room: its name and the URL parameters. */
export interface RoomAccess {
  room: string;
  params: Record<string, string>;
}

/** Options of a server child, one typed object. */
export interface StartServerOptions {
  kind: ServerKind;
  cleanup: Cleanup;
  /** Extra environment for the child (ours: ROOM_IDLE_MS, …). */
  env?: Record<string, string>;
  /** Extra flags for `node` (e.g. `--cpu-prof`). */
  nodeFlags?: readonly string[];
  /** Start with `--inspect=127.0.0.1:0` and connect, to force GC and read heap figures. */
  inspect?: boolean;
  ticksPerSecond: number;
  startTimeoutMs?: number;
}

const LOG_TAIL_LINES = 40;
const SCRIPTS: Record<ServerKind, string> = {
  renkei: fileURLToPath(new URL('../../server/main.js', import.meta.url)),
  reference: fileURLToPath(new URL('../referenceServer.js', import.meta.url)),
  'reference-leveldb': fileURLToPath(new URL('../referenceServer.js', import.meta.url)),
  'renkei-nostore': fileURLToPath(new URL('../ablationServer.js', import.meta.url)),
  'renkei-groupcommit': fileURLToPath(new URL('../ablationServer.js', import.meta.url)),
  'renkei-exclusive': fileURLToPath(new URL('../ablationServer.js', import.meta.url)),
};
const ABLATION: Partial<Record<ServerKind, string>> = { 'renkei-nostore': 'nostore', 'renkei-groupcommit': 'groupcommit', 'renkei-exclusive': 'exclusive' };

/**
 * A server under test running as a child process: where it listens, how to open a room on
 * it, and its CPU time and RSS read from /proc. Stop it with `stop()`.
 */
export class ServerUnderTest {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly baseUrl: string;
  /** The provider's `serverUrl`: rooms live at `<wsUrl>/<room>`. */
  readonly wsUrl: string;
  /** Ours: the SQLite data directory; reference-leveldb: its LevelDB directory. */
  readonly dataDir: string | undefined;
  readonly inspector: Inspector | undefined;
  private readonly child: ChildProcess;
  private readonly logs: LogTap;
  private readonly opts: StartServerOptions;
  private roomCounter = 0;

  private constructor(init: { opts: StartServerOptions; child: ChildProcess; logs: LogTap; baseUrl: string; dataDir: string | undefined; inspector: Inspector | undefined }) {
    this.opts = init.opts;
    this.kind = init.opts.kind;
    this.child = init.child;
    this.pid = init.child.pid as number;
    this.logs = init.logs;
    this.baseUrl = init.baseUrl;
    this.wsUrl = `${init.baseUrl.replace(/^http/, 'ws')}/ws`;
    this.dataDir = init.dataDir;
    this.inspector = init.inspector;
  }

  /** Start a server child on a free port and wait until it says where it listens. */
  static async start(opts: StartServerOptions): Promise<ServerUnderTest> {
    const dataDir = isOurs(opts.kind)
      ? opts.cleanup.tempDir('renkei-bench-data-')
      : opts.kind === 'reference-leveldb'
        ? opts.cleanup.tempDir('renkei-bench-leveldb-')
        : undefined;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      HOST: '127.0.0.1',
      ...(isOurs(opts.kind) ? { DATA_DIR: dataDir as string, LOG_LEVEL: 'warn', MAX_CONNECTIONS_PER_BOARD: '10000', CREATES_PER_IP_PER_HOUR: '0' } : {}),
      // @y/websocket-server reads YPERSISTENCE when its utils load and then stores every update with y-leveldb.
      ...(opts.kind === 'reference-leveldb' ? { YPERSISTENCE: dataDir as string } : {}),
      ...(ABLATION[opts.kind] ? { BENCH_ABLATION: ABLATION[opts.kind] as string } : {}),
      ...(process.env.BENCH_GROUP_COMMIT_MS ? { BENCH_GROUP_COMMIT_MS: process.env.BENCH_GROUP_COMMIT_MS } : {}),
      ...opts.env,
    };
    const flags = [...(opts.inspect ? ['--inspect=127.0.0.1:0'] : []), ...(opts.nodeFlags ?? [])];
    const child = spawn(process.execPath, [...flags, SCRIPTS[opts.kind]], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    opts.cleanup.track(child);
    const logs = new LogTap(child);
    try {
      const baseUrl = await withTimeout(logs.waitFor(/is running: (http:\/\/\S+?)\/?\s*$/m, 'stdout'), opts.startTimeoutMs ?? 20_000, `${opts.kind} server start`);
      const inspectorUrl = opts.inspect ? await withTimeout(logs.waitFor(/Debugger listening on (ws:\/\/\S+)/, 'stderr'), 5000, 'inspector URL') : undefined;
      const inspector = inspectorUrl ? await withTimeout(Inspector.connect(inspectorUrl), 5000, 'inspector connect') : undefined;
      return new ServerUnderTest({ opts, child, logs, baseUrl, dataDir, inspector });
    } catch (err) {
      child.kill('SIGKILL');
      if (dataDir) opts.cleanup.removeDir(dataDir);
      throw new Error(`${(err as Error).message}\n--- ${opts.kind} output ---\n${logs.tail().join('\n')}`);
    }
  }

  /** Open a new, empty room: on ours a board created through the API, joined with its edit token. */
  async newRoom(): Promise<RoomAccess> {
    if (isReference(this.kind)) return { room: `bench-${process.pid}-${++this.roomCounter}`, params: {} };
    const res = await fetch(`${this.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `bench ${++this.roomCounter}` }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 201) throw new Error(`POST /api/boards: ${res.status} ${await res.text()}`);
    const board = (await res.json()) as CreateBoardResponse;
    return { room: board.id, params: { token: board.tokens.edit } };
  }

  /** CPU time (user + system) the child has used so far, in ms. */
  cpuMs(): number {
    const v = processCpuMs(this.pid, this.opts.ticksPerSecond);
    if (v === undefined) throw new Error(`${this.kind} server (pid ${this.pid}) is gone\n${this.logs.tail().join('\n')}`);
    return v;
  }

  /** Resident set size of the child now, in KiB. */
  rssKiB(): number {
    const v = processRssKiB(this.pid);
    if (v === undefined) throw new Error(`${this.kind} server (pid ${this.pid}) is gone\n${this.logs.tail().join('\n')}`);
    return v;
  }

  /** Whether the child is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Warnings and errors the child logged (pino levels ≥ 40, or any stderr line). */
  get warnings(): string[] {
    return this.logs.warnings;
  }

  /** Stop with SIGTERM (ours stores every open board), SIGKILL after `graceMs`; remove its data. */
  async stop(graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.inspector?.close();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (!this.alive) resolve({ code: this.child.exitCode, signal: this.child.signalCode });
      else this.child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    if (this.alive) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    if (this.dataDir) this.opts.cleanup.removeDir(this.dataDir);
    return result;
  }
}

/** Reads a child's output line by line: keeps a tail, collects warnings, finds patterns. */
class LogTap {
  readonly warnings: string[] = [];
  private readonly lines: string[] = [];
  private readonly waiters: Array<{ re: RegExp; stream: 'stdout' | 'stderr'; resolve: (m: string) => void; reject: (e: Error) => void }> = [];
  private exited: string | undefined;

  constructor(child: ChildProcess) {
    this.attach(child.stdout, 'stdout');
    this.attach(child.stderr, 'stderr');
    child.once('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? code}`;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`server ${this.exited}`));
    });
  }

  private attach(stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.line(line, name);
    });
  }

  private line(line: string, stream: 'stdout' | 'stderr'): void {
    if (line.trim() === '') return;
    // Diagnostics: BENCH_CHILD_LOG=<file> keeps every line the servers print (e.g. V8 traces).
    if (process.env.BENCH_CHILD_LOG) fs.appendFileSync(process.env.BENCH_CHILD_LOG, `[${stream}] ${line}\n`);
    this.lines.push(`[${stream}] ${line}`);
    if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
    const pinoLevel = /"level":(\d+)/.exec(line);
    const inspectorNoise = /Debugger (listening|attached)|For help, see|nodejs\.org\/en\/docs\/inspector/.test(line);
    if ((pinoLevel && Number(pinoLevel[1]) >= 40) || (stream === 'stderr' && !inspectorNoise)) {
      if (this.warnings.length < 200) this.warnings.push(line.slice(0, 400));
    }
    for (const w of [...this.waiters]) {
      if (w.stream !== stream) continue;
      const m = w.re.exec(line);
      if (m) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(m[1] ?? m[0]);
      }
    }
  }

  /** Resolve with the first capture group of the first line matching `re`. */
  waitFor(re: RegExp, stream: 'stdout' | 'stderr'): Promise<string> {
    for (const l of this.lines) {
      const prefix = `[${stream}] `;
      if (!l.startsWith(prefix)) continue;
      const m = re.exec(l.slice(prefix.length));
      if (m) return Promise.resolve(m[1] ?? m[0]);
    }
    if (this.exited) return Promise.reject(new Error(`server ${this.exited}`));
    return new Promise((resolve, reject) => this.waiters.push({ re, stream, resolve, reject }));
  }

  /** The last lines of output. */
  tail(): string[] {
    return [...this.lines, ...(this.exited ? [`(${this.exited})`] : [])];
  }
}
