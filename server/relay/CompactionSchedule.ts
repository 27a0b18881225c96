import type { Clock, TimerHandle } from './Clock.ts';

/** Options of a compaction schedule. */
export interface CompactionScheduleOptions {
  clock: Clock;
  /** Compact once this many updates were stored since the last snapshot. */
  everyUpdates: number;
  /** Or once no update was stored for this long. */
  idleMs: number;
  /** Called when a compaction is due (the pipeline queues it). */
  due: () => void;
}

/**
 * When to fold a board's stored updates into a snapshot (SPEC S3): by count, or after an idle
 * time. One timer per board, re-armed for the rest of the wait when it fires early, instead of
 * a new timer for every update.
 */
export class CompactionSchedule {
  private sinceSnapshot = 0;
  private lastStoreAt = 0;
  private timer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly opts: CompactionScheduleOptions) {}

  /** Updates stored since the last snapshot. */
  get pending(): number {
    return this.sinceSnapshot;
  }

  /** The document was (re)loaded with `updates` stored after its snapshot. */
  loaded(updates: number): void {
    this.sinceSnapshot = updates;
    if (updates > 0) this.armIdle();
  }

  /** One more update is stored. */
  stored(): void {
    this.sinceSnapshot++;
    if (this.sinceSnapshot >= this.opts.everyUpdates) this.opts.due();
    else this.armIdle();
  }

  /** A compaction folded `covered` updates. */
  compacted(covered: number): void {
    this.sinceSnapshot = Math.max(0, this.sinceSnapshot - covered);
    if (this.sinceSnapshot === 0) this.clear();
  }

  /** No more compactions (the board closes). */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private armIdle(): void {
    this.lastStoreAt = this.opts.clock.now();
    if (this.timer === undefined && !this.stopped) this.wait(this.opts.idleMs);
  }

  private wait(ms: number): void {
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      const idle = this.opts.clock.now() - this.lastStoreAt;
      if (idle >= this.opts.idleMs) this.opts.due();
      else this.wait(this.opts.idleMs - idle);
    }, ms);
    this.timer.unref?.();
  }

  private clear(): void {
    this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
