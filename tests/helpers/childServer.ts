import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Compile the server into a private directory inside the repository (so `node_modules`
 * resolves and a concurrent `npm run build` into dist/ is not disturbed). Returns the entry
 * point and a function removing the build.
 */
export function buildServerForChild(): { entry: string; remove: () => void } {
  const outDir = path.join(ROOT, 'node_modules', '.cache', `renkei-child-server-${process.pid}-${Date.now()}`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.server.json'), '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const entry = path.join(outDir, 'server', 'main.js');
  // tsc emits even with type errors elsewhere; only a missing entry point is fatal here.
  if (!fs.existsSync(entry)) {
    throw new Error(`server build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { entry, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

/** A server running in a child process. */
export interface ChildServer {
  proc: ChildProcess;
  baseUrl: string;
  wsUrl: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a signal and wait for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Start `node <entry>` with PORT=0 and a minimal environment, and read the bound URL from the
 * line the server prints ("… Renkei Board is running: http://127.0.0.1:PORT/").
 */
export async function startChildServer(entry: string, env: Record<string, string>, timeoutMs = 15_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CLIENT_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /is running: (http:\/\/[^\s/]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`child server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full buffer.
  proc.stdout.resume();
  proc.stderr.resume();
  return {
    proc,
    baseUrl,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/ws`,
    exited,
    kill: (signal) => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
