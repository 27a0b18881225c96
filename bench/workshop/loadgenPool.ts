import { Worker } from 'node:worker_threads';
import type { LoadgenWorkerData, MainToWorker, ParticipantPace, Seat, WorkerMessage, WorkerToMain } from './loadgenMessages.ts';

/** One worker and the replies it sent that nobody has claimed yet. */
class LoadgenWorker {
  private readonly inbox: WorkerToMain[] = [];
  private readonly waiting: { type: WorkerToMain['type']; resolve: (msg: WorkerToMain) => void }[] = [];
  private stopping = false;

  constructor(readonly thread: Worker) {
    thread.on('message', (msg: WorkerToMain) => {
      const i = this.waiting.findIndex((w) => w.type === msg.type);
      if (i >= 0) this.waiting.splice(i, 1)[0]?.resolve(msg);
      else this.inbox.push(msg);
    });
    // A worker that fails fails the run: rethrown here, it reaches the bench's crash handler
    // (Cleanup: the server is stopped, exit 1).
    thread.on('error', (err) => {
      throw err;
    });
    thread.on('exit', (code) => {
      if (!this.stopping) throw new Error(`load-generator worker ${thread.threadId} exited early (code ${code})`);
    });
  }

  /** The next message of `type` from this worker (one already received, or the next to come). */
  next<T extends WorkerToMain['type']>(type: T): Promise<WorkerMessage<T>> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as WorkerMessage<T>);
    return new Promise((resolve) => this.waiting.push({ type, resolve: (msg) => resolve(msg as WorkerMessage<T>) }));
  }

  post(msg: MainToWorker): void {
    this.thread.postMessage(msg);
  }

  /** From now on the worker's exit is expected. */
  expectExit(): void {
    this.stopping = true;
  }
}

/**
 * The simulated participants of a training day, in `count` worker threads (loadgenWorker.js):
 * whole groups per worker, dealt round-robin, each group's members and their state-document
 * watchers together. The main thread talks to them only through these calls.
 */
export class LoadgenPool {
  private constructor(private readonly workers: LoadgenWorker[]) {}

  /** Start the workers and wait until every participant of every worker has synced. */
  static async start(opts: { count: number; serverUrl: string; workshopId: string; seats: readonly Seat[]; pace: ParticipantPace; ticksPerSecond: number; connectLimit: number }): Promise<{ pool: LoadgenPool; ready: WorkerMessage<'ready'>[] }> {
    const groups = [...new Set(opts.seats.map((s) => s.groupIndex))].sort((a, b) => a - b);
    const count = Math.max(1, Math.min(opts.count, groups.length));
    const workerOf = new Map(groups.map((g, i) => [g, i % count]));
    const workers = Array.from({ length: count }, (_, worker) => {
      const data: LoadgenWorkerData = {
        worker,
        serverUrl: opts.serverUrl,
        workshopId: opts.workshopId,
        seats: opts.seats.filter((s) => workerOf.get(s.groupIndex) === worker),
        pace: opts.pace,
        // The same number of participants connecting at once over all workers as one thread had.
        connectLimit: Math.max(2, Math.ceil(opts.connectLimit / count)),
        ticksPerSecond: opts.ticksPerSecond,
      };
      // Beside this file in dist/: tsc compiles loadgenWorker.ts there.
      return new LoadgenWorker(new Worker(new URL('./loadgenWorker.js', import.meta.url), { workerData: data }));
    });
    const pool = new LoadgenPool(workers);
    return { pool, ready: await pool.collect('ready') };
  }

  get size(): number {
    return this.workers.length;
  }

  /** Send `msg` to every worker. */
  broadcast(msg: MainToWorker): void {
    for (const w of this.workers) w.post(msg);
  }

  /** The next message of `type` from every worker, in worker order. */
  collect<T extends WorkerToMain['type']>(type: T): Promise<WorkerMessage<T>[]> {
    return Promise.all(this.workers.map((w) => w.next(type)));
  }

  /** Send `msg` to every worker and wait for each one's reply of `replyType`. */
  ask<T extends WorkerToMain['type']>(msg: MainToWorker, replyType: T): Promise<WorkerMessage<T>[]> {
    const replies = this.collect(replyType);
    this.broadcast(msg);
    return replies;
  }

  /** Close every connection and end the workers; the unexpected socket closes they saw. */
  async stop(): Promise<number> {
    for (const w of this.workers) w.expectExit();
    const stopped = await this.ask({ type: 'stop' }, 'stopped');
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
    return stopped.reduce((n, s) => n + s.unexpectedCloses, 0);
  }
}
