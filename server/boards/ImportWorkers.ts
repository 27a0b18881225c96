import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { parseImportBody, type ImportBodyResult } from './importBody.ts';

/** Options of {@link ImportWorkers}. */
export interface ImportWorkersOptions {
  /** Bodies up to this size are parsed on the main thread (a worker's start costs more). */
  inlineBelowBytes?: number;
  /** Imports parsed at once; more wait in turn, so a burst cannot take every core and MBs of RAM. */
  concurrency?: number;
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * Parses and checks import bodies (docs/SPEC.md D5) off the event loop: a large body in a
 * worker thread of its own, started for that import and ended after it, so an idle server
 * holds no worker. Other boards are served meanwhile. Emits `parsing` when a worker has
 * the body and starts on it (for tests and metrics).
 */
export class ImportWorkers extends EventEmitter<{ parsing: [bytes: number] }> {
  private readonly inlineBelow: number;
  private readonly concurrency: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(opts: ImportWorkersOptions = {}) {
    super();
    this.inlineBelow = opts.inlineBelowBytes ?? 256 * 1024;
    this.concurrency = Math.max(1, opts.concurrency ?? 1);
  }

  /** The board state an import body makes, or the 400 to answer; rejects only on a bug. */
  async parse(bytes: Uint8Array): Promise<ImportBodyResult> {
    if (bytes.length < this.inlineBelow) return parseImportBody(bytes);
    await this.turn();
    try {
      return await runWorker(bytes, () => this.emit('parsing', bytes.length));
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private turn(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running++;
        resolve();
      }),
    );
  }
}

function runWorker(bytes: Uint8Array, onStart: () => void): Promise<ImportBodyResult> {
  // From the sources (tests, development) the worker's .ts files are transpiled as they load.
  const entry = FROM_SOURCES
    ? new URL(`data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(new URL('./tsSourceHooks.mjs', import.meta.url).href)}); await import(${JSON.stringify(new URL('./importWorker.ts', import.meta.url).href)});`)}`)
    : new URL('./importWorker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { bytes } });
    let settled = false;
    worker.on('message', (message: ImportBodyResult | { crashed: string } | { started: true }) => {
      if ('started' in message) return onStart();
      settled = true;
      if ('crashed' in message) reject(new Error(`import worker failed: ${message.crashed}`));
      else resolve(message);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code} before answering`));
      settled = true;
    });
  });
}
