import type { Logger } from '../logger.ts';
import { StorageUnavailableError, type DocumentStore } from '../storage/index.ts';
import type { Clock } from './Clock.ts';
import type { RelayMetrics } from './metrics.ts';

/** Store an update, then relay `frame` (to all but `from`). */
export interface StoreTask<S> {
  kind: 'store';
  update: Uint8Array;
  frame: Uint8Array;
  from: S | undefined;
}

/** Work done in order, one at a time (SPEC R1). */
export type QueueTask<S> = StoreTask<S> | { kind: 'run'; run: () => void } | { kind: 'compact' } | { kind: 'repair' };

/** Options of a board's work queue, one typed object. */
export interface WorkQueueOptions<S> {
  boardId: string;
  store: DocumentStore;
  logger: Logger;
  metrics: RelayMetrics;
  clock: Clock;
  /** An update is stored as `seq`: publish and relay it. */
  stored(task: StoreTask<S>, seq: number): void;
  /** Storing a session's update failed (it is kept and retried). */
  storeFailed(from: S): void;
  compact(): Promise<void>;
  repair(): Promise<void>;
}

/**
 * A board's ordered work: stores (each retried with back-off until it succeeds, SPEC S4),
 * answers that must wait for them, compactions and rebuilds, one at a time, in arrival order.
 * Readers can wait for it, or learn at once that storage is failing; closing gives up at a deadline.
 */
export class WorkQueue<S> {
  private readonly tasks: QueueTask<S>[] = [];
  private draining = false;
  private failingNow = false;
  private givingUp = false;
  private wakeRetry: (() => void) | undefined;
  private readonly failureWaiters = new Set<(err: Error) => void>();

  constructor(private readonly opts: WorkQueueOptions<S>) {}

  /** Whether an append is failing now. */
  get failing(): boolean {
    return this.failingNow;
  }

  enqueue(task: QueueTask<S>): void {
    this.tasks.push(task);
    void this.drain();
  }

  /** Run `fn` now when nothing is queued, else after what is queued. */
  afterQueued(fn: () => void): void {
    if (this.tasks.length === 0 && !this.draining) fn();
    else this.enqueue({ kind: 'run', run: fn });
  }

  /** Wait until everything queued so far is done. */
  flush(): Promise<void> {
    return new Promise((resolve) => this.afterQueued(resolve));
  }

  /** Like `flush`, but rejects with `StorageUnavailableError` as soon as (or if) an append fails. */
  async settled(): Promise<void> {
    if (this.failingNow) throw new StorageUnavailableError('updates of this board cannot be stored now');
    let onFailure: ((err: Error) => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      onFailure = reject;
      this.failureWaiters.add(reject);
    });
    try {
      await Promise.race([this.flush(), failed]);
    } finally {
      if (onFailure) this.failureWaiters.delete(onFailure);
    }
  }

  /**
   * Finish what is queued within `deadlineMs`. At the deadline retries stop, queued answers are
   * released and the updates that could not be stored are counted: `done` false, how many, bytes.
   */
  async finishWithin(deadlineMs: number): Promise<{ done: boolean; unstored: number; bytes: number }> {
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = this.opts.clock.setTimeout(() => resolve('deadline'), deadlineMs)));
    const outcome = await Promise.race([this.flush().then(() => 'flushed' as const), deadline]);
    this.opts.clock.clearTimeout(timer);
    if (outcome === 'flushed') return { done: true, unstored: 0, bytes: 0 };
    this.givingUp = true;
    this.wakeRetry?.();
    const left = this.tasks.splice(0);
    let unstored = this.failingNow ? 1 : 0;
    let bytes = 0;
    for (const t of left) {
      if (t.kind === 'run') t.run();
      if (t.kind === 'store') {
        unstored++;
        bytes += t.update.byteLength;
      }
    }
    return { done: false, unstored, bytes };
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
        try {
          await this.run(task);
        } catch (err) {
          this.opts.logger.error({ boardId: this.opts.boardId, err: (err as Error).message }, 'board task failed');
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(task: QueueTask<S>): Promise<void> {
    switch (task.kind) {
      case 'store': {
        const seq = await this.storeWithRetry(task.update, task.from);
        if (seq !== undefined) this.opts.stored(task, seq);
        return;
      }
      case 'run':
        return task.run();
      case 'compact':
        return this.opts.compact();
      case 'repair':
        return this.opts.repair();
      default: {
        const never: never = task;
        throw new Error(`unhandled task ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * Store an update; on failure keep it, say so loudly, tell the writer's session (its client
   * then shows it is not saved) and retry with back-off until stored, or until `finishWithin`
   * gives up (SPEC S4).
   */
  private async storeWithRetry(update: Uint8Array, from: S | undefined): Promise<number | undefined> {
    const { store, boardId, metrics, clock, logger } = this.opts;
    let delay = 100;
    let told = false;
    for (;;) {
      try {
        const seq = await store.appendUpdate(boardId, update);
        metrics.lastStoreSuccessAt = clock.now();
        this.failingNow = false;
        return seq;
      } catch (err) {
        metrics.storeFailures++;
        metrics.lastStoreFailureAt = clock.now();
        this.failingNow = true;
        for (const w of this.failureWaiters) w(new StorageUnavailableError('updates of this board cannot be stored now', { cause: err }));
        logger.error({ boardId, err: (err as Error).message }, 'storing an update failed; it is kept in memory and not relayed');
        if (from !== undefined && !told) {
          told = true;
          this.opts.storeFailed(from);
        }
        if (this.givingUp) return undefined;
        await new Promise<void>((resolve) => {
          const timer = clock.setTimeout(resolve, delay);
          this.wakeRetry = () => {
            clock.clearTimeout(timer);
            resolve();
          };
        });
        this.wakeRetry = undefined;
        if (this.givingUp) return undefined;
        delay = Math.min(delay * 2, 5000);
      }
    }
  }
}
