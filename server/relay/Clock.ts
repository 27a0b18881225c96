/** A timer handle as a clock gives it out; only its clock can cancel it. */
export interface TimerHandle {
  /** Let the process exit while only this timer is pending (Node's `unref`). */
  unref?(): void;
}

/**
 * Time as the relay sees it: `now` and timers. Rooms, pipelines and the registry take one, so
 * tests drive step-1 waits, retry back-off, idle unloads and compaction with a fake clock
 * instead of sleeping (STYLE 10).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** The process's own clock; its timers never keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
};
