import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import { startChildServer, type ChildServer } from './childServer.ts';

/** The repository root, from this file's place in tests/helpers. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What `npm run build` produces and the browser tests run against. */
const SERVER_ENTRY = path.join(REPO_ROOT, 'dist', 'server', 'main.js');
const CLIENT_DIR = path.join(REPO_ROOT, 'dist', 'client');

/** The built app (server and client) running as a child process on an ephemeral port. */
export interface ProcessServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** `ws://127.0.0.1:<port>/ws`. */
  wsUrl: string;
  dataDir: string;
  child: ChildServer;
  /** Create a board through the HTTP API. */
  createBoard(body?: { title?: string; template?: string }): Promise<CreateBoardResponse>;
  /** SIGTERM, await the exit, then remove the temporary data directory. */
  stop(): Promise<void>;
}

/** Fail clearly when the build the browser tests run against is missing. */
export function assertBuilt(): void {
  const missing = [SERVER_ENTRY, path.join(CLIENT_DIR, 'index.html')].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `The built app is missing (${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}): run \`npm run build\` first (\`npm run test:e2e\` builds before testing).`,
    );
  }
}

/**
 * Start `node dist/server/main.js` (PORT=0, LOG_LEVEL=warn, a fresh temporary DATA_DIR,
 * serving dist/client) and resolve once it prints its URL.
 */
export async function startProcessServer(opts: { env?: Record<string, string> } = {}): Promise<ProcessServer> {
  assertBuilt();
  // E2E_SERVER_ENTRY and E2E_CLIENT_DIR run the same tests against another build (e.g. a patched copy).
  const entry = process.env.E2E_SERVER_ENTRY ?? SERVER_ENTRY;
  const clientDir = process.env.E2E_CLIENT_DIR ?? CLIENT_DIR;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-e2e-'));
  let child: ChildServer;
  try {
    child = await startChildServer(entry, { DATA_DIR: dataDir, CLIENT_DIR: clientDir, ...opts.env });
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    baseUrl: child.baseUrl,
    wsUrl: child.wsUrl,
    dataDir,
    child,
    createBoard: (body = {}) => createBoardVia(child.baseUrl, body),
    stop: async () => {
      // A server that does not finish its shutdown in time is killed, so a test never hangs here.
      const timer = setTimeout(() => void child.kill('SIGKILL'), 10_000);
      await child.kill('SIGTERM');
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Create a board through `POST /api/boards` on a server at `baseUrl`. */
export async function createBoardVia(baseUrl: string, body: { title?: string; template?: string } = {}): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateBoardResponse;
}
