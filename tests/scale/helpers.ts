import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { PostgresStorage } from '../../server/storage/PostgresStorage.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { REPO_ROOT } from '../helpers/processServer.ts';

/** The PostgreSQL the suite runs against (CI exports it; trust auth on localhost otherwise). */
export const BASE_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The Redis the instances share; channels are per board id, so no prefix is needed. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const SERVER_ENTRY = path.join(REPO_ROOT, 'dist', 'server', 'main.js');
const SOURCE_DIRS = ['server', 'shared'].map((d) => path.join(REPO_ROOT, d));
const READY_LINE = /Renkei Board is running: (http:\/\/\S+?)\/?\s*$/m;
const LOG_LINES_KEPT = 400;

/** Newest modification time of the .ts files under `dirs`. */
function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) walk(d);
  return newest;
}

/**
 * Make sure `dist/server/main.js` is built from the current sources: `npm run test:scale`
 * builds first, a bare `npx vitest run --project scale` may not have. Returns the entry point.
 */
export function ensureServerBuilt(): string {
  const builtAt = fs.existsSync(SERVER_ENTRY) ? fs.statSync(SERVER_ENTRY).mtimeMs : 0;
  if (builtAt >= newestSourceMtime(SOURCE_DIRS)) return SERVER_ENTRY;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'tsconfig.server.json')], { cwd: REPO_ROOT, encoding: 'utf8' });
  // tsc emits even with type errors elsewhere (e.g. in bench/); only a missing or stale entry is fatal.
  if (!fs.existsSync(SERVER_ENTRY) || fs.statSync(SERVER_ENTRY).mtimeMs < builtAt) {
    throw new Error(`server build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  // Then the same bundle `npm run build:server` makes: the instances run what a deployment runs.
  const bundled = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bundleServer.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (bundled.status !== 0) throw new Error(`server bundle failed (exit ${bundled.status}):\n${bundled.stdout}\n${bundled.stderr}`);
  return SERVER_ENTRY;
}

/** `base` with `options=-c search_path=<schema>`, so every connection of a pool lands in the schema. */
export function withSearchPath(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** A private PostgreSQL schema: its name, a URL whose connections use it, and a pool on it. */
export interface TestSchema {
  name: string;
  /** A DATABASE_URL for instances and storages: every connection's search_path is the schema. */
  url: string;
  /** A pool inside the schema, for direct SQL (renames, counts). */
  pool: pg.Pool;
  /** Drop the schema and everything in it. */
  drop(): Promise<void>;
}

/** Our schemas: `rb_<creation time, base 36>_<random>`, with an optional `_gate` twin. */
const SCHEMA_NAME = /^rb_([0-9a-z]{8,9})_[0-9a-f]{12}(?:_gate)?$/;
/** A schema of ours older than this was left by an interrupted run. */
const STALE_SCHEMA_MS = 2 * 3600_000;

/**
 * Create `rb_<time>_<random>` and check that a connection made with its URL really uses it.
 * Schemas an interrupted run left behind (older than two hours) are dropped on the way.
 */
export async function createSchema(): Promise<TestSchema> {
  const name = `rb_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect();
  try {
    const { rows: existing } = await admin.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rb\\_%'`);
    for (const { nspname } of existing) {
      const born = SCHEMA_NAME.exec(nspname)?.[1];
      if (born && Date.now() - parseInt(born, 36) > STALE_SCHEMA_MS) await admin.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
    }
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const url = withSearchPath(BASE_DATABASE_URL, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  const { rows } = await pool.query<{ search_path: string }>('SHOW search_path');
  if (rows[0]?.search_path !== name) throw new Error(`pg ignored options=-c search_path (got ${rows[0]?.search_path})`);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: BASE_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** How a child process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One server instance running as `node dist/server/main.js`. */
export interface Instance {
  name: string;
  pid: number;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The provider's server URL, `ws://127.0.0.1:<port>/ws`. */
  wsUrl: string;
  /** Output lines so far (pino JSON lines and the banner), the last few hundred. */
  logs: string[];
  exited: Promise<Exit>;
  /** Resolve with the first output line matching `re`, now or later. */
  waitForLog(re: RegExp): Promise<string>;
  /** Send a signal and wait for the exit. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
  /** SIGTERM (the server stores every open board), SIGKILL after 10 s. */
  stop(): Promise<Exit>;
}

/** What an instance is started with. */
export interface InstanceOptions {
  name: string;
  entry: string;
  /** DATABASE_URL; omitted means SQLite in a temporary directory. */
  databaseUrl?: string;
  /** REDIS_URL; omitted means no cross-instance relay. */
  redisUrl?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

/** Start an instance on port 0 and resolve once it printed its URL. */
export async function startInstance(opts: InstanceOptions): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-scale-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    CLIENT_DIR: '/nonexistent',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  };
  const proc: ChildProcess = spawn(process.execPath, [opts.entry], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const exited = new Promise<Exit>((resolve) =>
    proc.once('exit', (code, signal) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const onLine = (line: string) => {
    if (line.trim() === '') return;
    logs.push(line);
    if (logs.length > LOG_LINES_KEPT) logs.shift();
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  for (const stream of [proc.stdout, proc.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      parts.forEach(onLine);
    });
  }
  const waitForLog = (re: RegExp) => {
    const seen = logs.find((l) => re.test(l));
    return seen !== undefined ? Promise.resolve(seen) : new Promise<string>((resolve) => waiters.push({ re, resolve }));
  };
  const kill = (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };
  const timeoutMs = opts.startTimeoutMs ?? 20_000;
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${opts.name} did not start within ${timeoutMs} ms:\n${logs.join('\n')}`));
    }, timeoutMs);
    void waitForLog(READY_LINE).then((line) => {
      clearTimeout(timer);
      resolve((READY_LINE.exec(line)?.[1] ?? '').replace(/\/$/, ''));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${code ?? signal}) before it listened:\n${logs.join('\n')}`));
    });
  });
  return {
    name: opts.name,
    pid: proc.pid as number,
    baseUrl,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/ws`,
    logs,
    exited,
    waitForLog,
    kill,
    stop: async () => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const exit = await kill('SIGTERM');
      clearTimeout(timer);
      return exit;
    },
  };
}

/**
 * Everything one test file uses against the real PostgreSQL and Redis: a private schema,
 * instances on it, storages opened directly and clients; `dispose` removes all of it.
 */
export class ScaleFixture {
  readonly schema: TestSchema;
  readonly entry: string;
  private readonly instances: Instance[] = [];
  private readonly storages: PostgresStorage[] = [];
  private readonly clients: TestClient[] = [];

  private constructor(schema: TestSchema, entry: string) {
    this.schema = schema;
    this.entry = entry;
  }

  /** Build the server if needed and create a fresh schema. */
  static async create(): Promise<ScaleFixture> {
    const entry = ensureServerBuilt();
    return new ScaleFixture(await createSchema(), entry);
  }

  /** Start an instance on this fixture's schema, with the shared Redis unless told otherwise. */
  async start(name: string, opts: { redisUrl?: string | null; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<Instance> {
    const redisUrl = opts.redisUrl === null ? undefined : (opts.redisUrl ?? REDIS_URL);
    const instance = await startInstance({
      name,
      entry: this.entry,
      databaseUrl: opts.databaseUrl ?? this.schema.url,
      ...(redisUrl ? { redisUrl } : {}),
      ...(opts.env ? { env: opts.env } : {}),
    });
    this.instances.push(instance);
    return instance;
  }

  /** Open PostgresStorage on the schema, as a third process would. */
  async openStorage(): Promise<PostgresStorage> {
    const s = await PostgresStorage.open({ connectionString: this.schema.url, max: 4 });
    this.storages.push(s);
    return s;
  }

  /** A stock y-websocket provider on an instance (optionally carrying an existing Y.Doc). */
  connect(instance: Instance, boardId: string, token: string, opts: { doc?: Y.Doc } = {}): TestClient {
    const c = connectClient(instance.wsUrl, boardId, token, opts);
    this.clients.push(c);
    return c;
  }

  /** Kill every instance, close storages and clients, drop the schema. */
  async dispose(): Promise<void> {
    for (const c of this.clients.splice(0)) c.destroy();
    await Promise.all(this.instances.splice(0).map((i) => i.kill('SIGKILL')));
    for (const s of this.storages.splice(0)) await s.close().catch(() => undefined);
    await this.schema.drop();
  }
}

/** Plain JSON of a document's `records` map, for deep comparisons. */
export function recordsJson(doc: Y.Doc): Record<string, unknown> {
  return recordsMap(doc).toJSON() as Record<string, unknown>;
}

/** The records as a string independent of insertion order (Y.Map iterates in local order). */
export function canonicalRecords(doc: Y.Doc): string {
  return JSON.stringify([...recordsMap(doc).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Resolve when every document's `records` holds `size` records and all are equal, re-checking
 * on each update of any of them.
 */
export function waitForConvergence(docs: Y.Doc[], size: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (docs.some((d) => recordsMap(d).size !== size)) return;
      const first = canonicalRecords(docs[0]!);
      if (docs.some((d) => canonicalRecords(d) !== first)) return;
      for (const d of docs) d.off('update', check);
      resolve();
    };
    for (const d of docs) d.on('update', check);
    check();
  });
}

/** `promise`, or a rejection naming `what` after `ms` (for events that also happen by timeout). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolve with the code of the provider's next socket close (a close sent by the server). */
export function nextClose(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    const on = (event: { code?: number } | null) => {
      if (!event) return;
      provider.off('connection-close', on);
      resolve(event.code ?? 0);
    };
    provider.on('connection-close', on);
  });
}

/** `GET /api/health` of an instance: status and body. */
export async function health(instance: Instance): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`${instance.baseUrl}/api/health`);
  return { status: res.status, body: (await res.json()) as HealthBody };
}

/** The health answer of a scaled-out instance. */
export interface HealthBody {
  ok: boolean;
  version: string;
  storage: { kind: string; ok: boolean; detail?: string };
  relay?: { kind: string; ok: boolean; state: string };
}
