import type { Logger } from '../logger.ts';
import type { Clock, TimerHandle } from '../relay/Clock.ts';
import type { BoardPresence, RelayBus } from './RelayBus.ts';

/** Options of presence sharing, one typed object. */
export interface PresenceSharingOptions {
  bus: RelayBus;
  /** This instance's presence on its loaded boards now. */
  local: () => ReadonlyMap<string, BoardPresence>;
  clock: Clock;
  logger: Logger;
  /** How often it is shared; well under the bus's expiry. */
  everyMs: number;
}

/**
 * Shares this instance's presence on the bus at a steady pace, so that a dashboard on any
 * instance shows who is where on every instance (issue 15). One share at a time: a slow Redis
 * delays the next one instead of piling them up.
 */
export class PresenceSharing {
  private timer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly opts: PresenceSharingOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Share now (tests; a dashboard that must not wait for the next tick). */
  async shareNow(): Promise<void> {
    try {
      await this.opts.bus.sharePresence(this.opts.local());
    } catch (err) {
      this.opts.logger.debug({ err: (err as Error).message }, 'sharing presence failed');
    }
  }

  stop(): void {
    this.stopped = true;
    this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = this.opts.clock.setTimeout(() => {
      void this.shareNow().then(() => this.schedule(this.opts.everyMs));
    }, delayMs);
  }
}
