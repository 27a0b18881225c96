import type { Clock, TimerHandle } from '../../server/relay/Clock.ts';

interface Timer extends TimerHandle {
  at: number;
  fn: () => void;
  seq: number;
}

/**
 * A clock for tests: time moves only when `advance` is called, and timers due by then fire in
 * order, synchronously. Rooms, pipelines and the registry take it instead of the system clock,
 * so a test proves "nothing happened within 400 ms" by advancing 400 ms, not by sleeping.
 */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Set<Timer>();

  constructor(start = Date.UTC(2026, 3, 13, 1, 0, 0)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: Timer = { at: this.t + Math.max(0, ms), fn, seq: this.seq++ };
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.timers.delete(handle as Timer);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /** Move time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const timer of this.timers) if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) next = timer;
      if (!next) break;
      this.timers.delete(next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
}
