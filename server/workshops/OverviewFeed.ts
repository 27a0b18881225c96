import type { GroupChange, OverviewEvent } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import type { Clock, TimerHandle } from '../relay/Clock.ts';
import type { WorkshopRow } from '../storage/index.ts';
import { yieldToRelay, type WorkshopOverview } from './overview.ts';

/** Options of the feed, one typed object. */
export interface OverviewFeedOptions {
  overview: WorkshopOverview;
  clock: Clock;
  logger: Logger;
  /** How often open dashboards' groups are checked for changes (cheap: no document is read). */
  checkEveryMs: number;
  /** A group's thumbnail is redrawn and sent at most this often while it keeps changing. */
  thumbnailEveryMs: number;
}

/** What was last sent of one group. */
interface Sent {
  presence: string;
  pictureKey: string;
  pictureAt: number;
}

type Send = (event: OverviewEvent) => void;

/** The open dashboards of one workshop and what they were last sent. */
interface Watch {
  workshop: WorkshopRow;
  subscribers: Set<Send>;
  sent: Map<number, Sent>;
  timer: TimerHandle | undefined;
  checking: boolean;
}

/**
 * The facilitator's dashboard, pushed (issue 15): a dashboard that opens gets the whole picture
 * once; afterwards every open dashboard of the workshop gets a group's change only when that
 * group changed — its members and who is on its board at once, its thumbnail (redrawn only when
 * its document changed) at most every `thumbnailEveryMs`. One check loop per workshop with open
 * dashboards, however many are open; none without.
 */
export class OverviewFeed {
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly opts: OverviewFeedOptions) {}

  /** Number of workshops with an open dashboard (for tests and metrics). */
  get watched(): number {
    return this.watches.size;
  }

  /** Open a dashboard: `send` gets the whole picture, then changes; call the answer to close it. */
  async subscribe(workshop: WorkshopRow, send: Send): Promise<() => void> {
    let watch = this.watches.get(workshop.id);
    const snapshot = await this.opts.overview.presence(workshop);
    const groups = await this.opts.overview.groups(workshop, snapshot);
    const now = this.opts.clock.now();
    if (!watch) {
      watch = { workshop, subscribers: new Set(), sent: new Map(), timer: undefined, checking: false };
      this.watches.set(workshop.id, watch);
      for (const g of groups) {
        const def = workshop.groups.find((d) => d.index === g.index);
        watch.sent.set(g.index, { presence: presenceKey(g.members, g.participants), pictureKey: def ? this.opts.overview.pictureKey(def, snapshot.presence) : '', pictureAt: now });
      }
      this.schedule(watch);
    }
    send({ type: 'full', now, groups });
    watch.subscribers.add(send);
    const w = watch;
    return () => {
      w.subscribers.delete(send);
      if (w.subscribers.size > 0) return;
      this.opts.clock.clearTimeout(w.timer);
      if (this.watches.get(w.workshop.id) === w) this.watches.delete(w.workshop.id);
    };
  }

  /** Close every dashboard's loop (server shutdown). */
  close(): void {
    for (const w of this.watches.values()) this.opts.clock.clearTimeout(w.timer);
    this.watches.clear();
  }

  private schedule(watch: Watch): void {
    watch.timer = this.opts.clock.setTimeout(() => void this.check(watch), this.opts.checkEveryMs);
  }

  /** Compare every group with what was sent; send what changed; then check again later. */
  private async check(watch: Watch): Promise<void> {
    if (this.watches.get(watch.workshop.id) !== watch) return;
    try {
      const changes = await this.changes(watch);
      const now = this.opts.clock.now();
      for (const group of changes) for (const send of watch.subscribers) send({ type: 'group', now, group });
    } catch (err) {
      this.opts.logger.warn({ workshopId: watch.workshop.id, err: (err as Error).message }, 'dashboard check failed; trying again');
    }
    if (this.watches.get(watch.workshop.id) === watch) this.schedule(watch);
  }

  private async changes(watch: Watch): Promise<GroupChange[]> {
    const { overview } = this.opts;
    const { members: rows, presence } = await overview.presence(watch.workshop);
    const members = overview.members(watch.workshop, rows, presence);
    const out: GroupChange[] = [];
    for (const g of watch.workshop.groups) {
      const sent = watch.sent.get(g.index) ?? { presence: '', pictureKey: '', pictureAt: 0 };
      const change: GroupChange = { index: g.index };
      const groupMembers = members.get(g.boardId) ?? [];
      const participants = presence.participants(g.boardId);
      const seen = presenceKey(groupMembers, participants);
      if (seen !== sent.presence) {
        Object.assign(change, { members: groupMembers, participants });
        sent.presence = seen;
      }
      const key = overview.pictureKey(g, presence);
      const now = this.opts.clock.now();
      if (key !== sent.pictureKey && now - sent.pictureAt >= this.opts.thumbnailEveryMs) {
        const picture = await overview.picture(g, presence);
        await yieldToRelay();
        Object.assign(change, { svg: picture.svg, shapeCount: picture.shapeCount, lastActivity: picture.lastActivity });
        sent.pictureKey = key;
        sent.pictureAt = now;
      }
      watch.sent.set(g.index, sent);
      if (Object.keys(change).length > 1) out.push(change);
    }
    return out;
  }
}

function presenceKey(members: unknown, participants: unknown): string {
  return JSON.stringify([members, participants]);
}
