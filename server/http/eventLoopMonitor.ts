import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

/** How the event loop fared over the last full window, for health and benchmarks. */
export interface EventLoopFigures {
  /** Length of the window the figures cover (s). */
  windowS: number;
  /** Delay of timers beyond their due time: p99 and max (ms). */
  delayP99Ms: number;
  delayMaxMs: number;
  /** Share of the window the loop was busy (0–1). */
  utilization: number;
}

/**
 * Watches this process's event loop: how late its timers fire (Node's sampling histogram, one
 * cheap timer) and how busy it is, over consecutive windows. Health reports the last full window,
 * so an operator (or a benchmark) sees a stall of the whole server — every board waits on it.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram;
  private timer: NodeJS.Timeout | undefined;
  private elu = performance.eventLoopUtilization();
  private last: EventLoopFigures | undefined;
  private startedAt = performance.now();

  constructor(private readonly windowMs = 60_000, resolutionMs = 20) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  }

  start(): void {
    this.histogram.enable();
    this.startedAt = performance.now();
    this.elu = performance.eventLoopUtilization();
    this.timer = setInterval(() => this.roll(), this.windowMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  /** The last full window, or the one running when none has ended yet. */
  figures(): EventLoopFigures {
    return this.last ?? this.current();
  }

  private current(): EventLoopFigures {
    const h = this.histogram;
    const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
    return {
      windowS: Math.round((performance.now() - this.startedAt) / 1000),
      delayP99Ms: h.count > 0 ? ms(h.percentile(99)) : 0,
      delayMaxMs: h.count > 0 ? ms(h.max) : 0,
      utilization: Math.round(performance.eventLoopUtilization(this.elu).utilization * 1000) / 1000,
    };
  }

  private roll(): void {
    this.last = this.current();
    this.histogram.reset();
    this.elu = performance.eventLoopUtilization();
    this.startedAt = performance.now();
  }
}
