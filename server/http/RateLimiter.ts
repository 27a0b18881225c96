/** Options of a fixed-window counter. */
export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * Counts failures per key in a fixed window, e.g. upgrade attempts with bad tokens per
 * IP per minute. Memory is bounded by sweeping expired keys on each window turn.
 */
export class RateLimiter {
  private readonly counts = new Map<string, { n: number; windowStart: number }>();
  private readonly opts: Required<RateLimiterOptions>;
  private lastSweep = 0;

  constructor(opts: RateLimiterOptions) {
    this.opts = { now: Date.now, ...opts };
  }

  /** True while `key` is over its limit. */
  isBlocked(key: string): boolean {
    const c = this.counts.get(key);
    return c !== undefined && this.opts.now() - c.windowStart < this.opts.windowMs && c.n >= this.opts.limit;
  }

  /** How long until `key`'s window turns (0 when it is not counted). */
  retryAfterMs(key: string): number {
    const c = this.counts.get(key);
    return c ? Math.max(0, this.opts.windowMs - (this.opts.now() - c.windowStart)) : 0;
  }

  /** Count one failure for `key`. */
  hit(key: string): void {
    const now = this.opts.now();
    this.sweep(now);
    const c = this.counts.get(key);
    if (!c || now - c.windowStart >= this.opts.windowMs) this.counts.set(key, { n: 1, windowStart: now });
    else c.n++;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.opts.windowMs) return;
    this.lastSweep = now;
    for (const [k, c] of this.counts) if (now - c.windowStart >= this.opts.windowMs) this.counts.delete(k);
  }
}
