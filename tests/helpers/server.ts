import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type ServerConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { RenkeiServer, type RenkeiServerOptions } from '../../server/RenkeiServer.ts';
import type { Storage } from '../../server/storage/index.ts';
import type { Clock } from '../../server/relay/Clock.ts';
import { dropTestStorage, openTestStorage, TEST_ON_POSTGRES } from './testStorage.ts';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';

/** A running server on an ephemeral port with its own temporary data directory. */
export interface TestServer {
  server: RenkeiServer;
  port: number;
  baseUrl: string;
  wsUrl: string;
  dataDir: string;
  /** Create a board through the API. */
  createBoard(body?: { title?: string; template?: string }): Promise<CreateBoardResponse>;
  /** Stop the server (the data directory is kept for restarts). */
  stop(): Promise<void>;
}

/** A fresh temporary directory, removed by `removeDir`. */
export function tempDir(prefix = 'renkei-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Remove a directory tree, ignoring absence (and its PostgreSQL schema when on PostgreSQL). */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  if (TEST_ON_POSTGRES) void dropTestStorage(dir).catch(() => undefined);
}

/** Config for tests: port 0, quiet logs, overrides on top. */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CLIENT_DIR: '/nonexistent', ...env });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return loaded.config;
}

/** Start a server in this process on port 0 over SQLite in `dataDir` (or a new temp dir). */
export async function startServer(opts: { dataDir?: string; env?: Record<string, string>; storage?: Storage; clock?: Clock; dashboard?: RenkeiServerOptions['dashboard'] } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const config = testConfig({ DATA_DIR: dataDir, ...opts.env });
  const logger = createLogger(config.logLevel);
  const storage = opts.storage ?? (TEST_ON_POSTGRES ? await openTestStorage(dataDir) : undefined);
  const server = new RenkeiServer({ config, logger, ...(storage ? { storage } : {}), ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.dashboard ? { dashboard: opts.dashboard } : {}) });
  const port = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    createBoard: (body = {}) => createBoardAt(baseUrl, body),
    stop: () => server.stop(),
  };
}

/** Create a board on a server at `baseUrl`. */
export async function createBoardAt(baseUrl: string, body: { title?: string; template?: string } = {}, token?: string): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateBoardResponse;
}
