import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import type { Stall } from './stalls.ts';

/** A garbage collection of this thread's isolate (ms, `performance.now()` clock). */
export interface GcSpan {
  from: number;
  to: number;
  /** Mark-compact (a full collection); otherwise a scavenge or an incremental step. */
  major: boolean;
}

/** Records this thread's garbage collections (a PerformanceObserver on 'gc' entries). */
export class GcWatch {
  readonly spans: GcSpan[] = [];
  private observer: PerformanceObserver | undefined;

  start(): void {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // Node ≥ 16 puts the kind in `detail` (the entry's own `kind` is deprecated); not in every @types/node.
        const kind = (e as { detail?: { kind?: number } | null }).detail?.kind;
        this.spans.push({ from: e.startTime, to: e.startTime + e.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer?.disconnect();
  }
}

/** Collections within [from, to]: how many, their total and longest (ms), and how many were full ones. */
export function summarizeGc(spans: readonly GcSpan[], from: number, to: number): { count: number; major: number; totalMs: number; longestMs: number } {
  const within = spans.filter((s) => s.to >= from && s.from <= to);
  return {
    count: within.length,
    major: within.filter((s) => s.major).length,
    totalMs: Math.round(within.reduce((a, s) => a + (s.to - s.from), 0)),
    longestMs: Math.round(Math.max(0, ...within.map((s) => s.to - s.from))),
  };
}

/** One thread's stalls and collections on a clock all threads share (performance.timeOrigin + performance.now()). */
export interface ThreadSpans {
  stalls: readonly Stall[];
  gcs: readonly GcSpan[];
}

/** Why a thread's stalls happened, as far as can be told from the spans. */
export interface StallCauses {
  /** A collection of the thread's own isolate fell within the stall for at least half of the part it overlapped. */
  ownGc: number;
  /** Not its own GC, but another thread of the bench stalled at the same time: the machine (CPU) or the process, not this thread. */
  shared: number;
  /** Neither: this thread's own work (a burst of messages) or a pause it did not record. */
  other: number;
}

const overlap = (a: { from: number; to: number }, b: { from: number; to: number }) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));

/**
 * Classify each thread's stalls (all spans on one shared clock): own GC when this thread's
 * collections cover at least half of the stall, else shared when another thread stalled during it
 * too, else other.
 */
export function classifyStalls(threads: readonly ThreadSpans[]): StallCauses[] {
  return threads.map((t, i) => {
    const causes: StallCauses = { ownGc: 0, shared: 0, other: 0 };
    for (const s of t.stalls) {
      const gc = t.gcs.reduce((a, g) => a + overlap(s, g), 0);
      if (gc >= (s.to - s.from) / 2) causes.ownGc++;
      else if (threads.some((o, j) => j !== i && o.stalls.some((x) => overlap(s, x) > 0))) causes.shared++;
      else causes.other++;
    }
    return causes;
  });
}

/** Move spans from a thread's own `performance.now()` clock onto the shared one. */
export function toSharedClock<T extends { from: number; to: number }>(spans: readonly T[], timeOrigin = performance.timeOrigin): T[] {
  return spans.map((s) => ({ ...s, from: s.from + timeOrigin, to: s.to + timeOrigin }));
}
