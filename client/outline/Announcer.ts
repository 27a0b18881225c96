/** Timers an announcer uses; injected so tests can drive them. */
export interface AnnouncerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of an announcer, one typed object. */
export interface AnnouncerOptions {
  /** Called with each text to put into the live region. */
  onAnnounce: (text: string) => void;
  /** The least time between two announcements (the issue: at most one per second). */
  minIntervalMs?: number;
  /** How to join several messages that waited for the same slot; `rest` counts those left out. */
  join?: (messages: readonly string[], rest: number) => string;
  clock?: AnnouncerClock;
}

const realClock: AnnouncerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Paces the outline's polite announcements: the first goes out at once, later ones wait for
 * the next free slot and are joined into one text, so a screen reader is never flooded.
 */
export class Announcer {
  private readonly opts: Required<AnnouncerOptions>;
  private pending: string[] = [];
  private last = Number.NEGATIVE_INFINITY;
  private timer: unknown = undefined;

  constructor(opts: AnnouncerOptions) {
    this.opts = {
      minIntervalMs: 1000,
      join: (m, rest) => m.join(' ') + (rest > 0 ? ` (+${rest})` : ''),
      clock: realClock,
      ...opts,
    };
  }

  /** Queue a message; it is spoken at the next free slot. */
  say(message: string): void {
    this.pending.push(message);
    if (this.timer !== undefined) return;
    const wait = this.last + this.opts.minIntervalMs - this.opts.clock.now();
    if (wait <= 0) this.flush();
    else this.timer = this.opts.clock.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const shown = this.pending.slice(0, 3);
    const rest = this.pending.length - shown.length;
    this.pending = [];
    this.last = this.opts.clock.now();
    this.opts.onAnnounce(this.opts.join(shown, rest));
  }

  /** Drop what waits and stop the timer. */
  dispose(): void {
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
