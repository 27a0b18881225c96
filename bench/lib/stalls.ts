import { performance } from 'node:perf_hooks';

/** A span during which this process's event loop could not run (ms, `performance.now()` clock). */
export interface Stall {
  from: number;
  to: number;
}

/**
 * Records when this process's event loop stalls: a timer due every `everyMs` that fires more than
 * `thresholdMs` late marks the span it was held up. A load generator's stall delays every
 * delivery it was receiving then, which says nothing about the server: the report splits
 * latencies by these spans (`splitByWindows`).
 */
export class StallWatch {
  readonly stalls: Stall[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(private readonly everyMs = 5, private readonly thresholdMs = 15) {}

  start(): void {
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.last - this.everyMs;
      if (late > this.thresholdMs) this.stalls.push({ from: now - late, to: now });
      this.last = now;
    }, this.everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Stalls within [from, to]: how many, their total and longest (ms). */
  summary(from: number, to: number): StallSummary {
    return summarizeStalls(this.stalls, from, to);
  }
}

/** How many stalls, their total and the longest (ms). */
export interface StallSummary {
  count: number;
  totalMs: number;
  longestMs: number;
}

/** Summarise the stalls within [from, to] (one thread's clock; e.g. those a worker sent). */
export function summarizeStalls(stalls: readonly Stall[], from: number, to: number): StallSummary {
  const within = stalls.filter((s) => s.to >= from && s.from <= to);
  return {
    count: within.length,
    totalMs: Math.round(within.reduce((a, s) => a + (s.to - s.from), 0)),
    longestMs: Math.round(Math.max(0, ...within.map((s) => s.to - s.from))),
  };
}
