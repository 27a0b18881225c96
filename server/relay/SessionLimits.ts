import type { Clock } from './Clock.ts';

/** What one session may hold and send (SPEC R10); configurable, see the README. */
export interface SessionLimits {
  /** Bytes queued to a socket beyond which the session is closed as not reading. */
  maxBufferedBytes: number;
  /** Sync step 1 frames a session may send: a burst, then this many per second. */
  step1Burst: number;
  step1PerSecond: number;
  /** Awareness frames: a burst, then this many per second (a cursor moves ~20 times a second). */
  awarenessBurst: number;
  awarenessPerSecond: number;
  /** Largest awareness update a session may send, in bytes. */
  maxAwarenessBytes: number;
}

/** The defaults: generous for a real participant, tight for a script. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  maxBufferedBytes: 8 * 1024 * 1024,
  step1Burst: 5,
  step1PerSecond: 0.5,
  awarenessBurst: 60,
  awarenessPerSecond: 30,
  maxAwarenessBytes: 64 * 1024,
};

/** A token bucket: `take` answers whether one more event fits. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly clock: Clock,
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
    this.at = clock.now();
  }

  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
