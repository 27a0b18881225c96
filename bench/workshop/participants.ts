import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { readWorkshopState, workshopMap } from '../../shared/workshop/index.ts';
import { shapeRecord, stampOf, type BenchStamp } from '../lib/records.ts';
import { SampleBuffer } from '../lib/stats.ts';

/** A stock y-websocket provider in Node (the `ws` package as its WebSocket), without tab broadcast. */
export function nodeProvider(serverUrl: string, room: string, doc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(serverUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

/** Resolves once the provider has synced. */
export function whenSynced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (s: boolean) => s && resolve());
  });
}

/**
 * Deliveries of group-board writes: latency of each write seen by each other member of the
 * writer's group, and what was expected, so that loss is `expected − received` after the drain.
 */
export class GroupLedger {
  measureFrom = Number.POSITIVE_INFINITY;
  measureUntil = Number.POSITIVE_INFINITY;
  readonly latencies = new SampleBuffer();
  /** The send time of each delivery in `latencies`, to tell which overlapped a dashboard call. */
  readonly sendTimes = new SampleBuffer();
  writes = 0;
  expected = 0;
  received = 0;
  duplicates = 0;

  /** A write was sent by a member whose group has `receivers` other members connected. */
  sent(stamp: BenchStamp, receivers: number): void {
    if (stamp.t < this.measureFrom || stamp.t > this.measureUntil) return;
    this.writes++;
    this.expected += receivers;
  }

  /** A member saw a write of another member. */
  delivered(receiver: GroupMember, stamp: BenchStamp, now: number): void {
    if (stamp.c === receiver.opts.index) return;
    const last = receiver.lastSeen.get(stamp.c);
    if (last !== undefined && stamp.w <= last) {
      this.duplicates++;
      return;
    }
    receiver.lastSeen.set(stamp.c, stamp.w);
    if (stamp.t < this.measureFrom || stamp.t > this.measureUntil) return;
    this.received++;
    this.latencies.push(now - stamp.t);
    this.sendTimes.push(stamp.t);
  }
}

const ROLES = ['soudan', 'caremanager', 'client', 'family', 'soudan', 'caremanager'];
const COLORS = ['#0b5cad', '#b35900', '#1a7f37', '#8250df', '#0b5cad', '#b35900'];

/**
 * One participant's browser as the relay sees it: the group board (tldraw-sized shape
 * records, a presence in awareness) and the workshop state document (view only).
 */
export class GroupMember {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly lastSeen = new Map<number, number>();
  readonly synced: Promise<void>;
  unexpectedCloses = 0;
  private writeSeq = 0;
  private destroyed = false;

  constructor(
    readonly opts: { serverUrl: string; boardId: string; token: string; index: number; groupIndex: number; shapesOwned: number; ledger: GroupLedger },
  ) {
    const records = recordsMap(this.doc);
    records.observe((event, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const stamp = stampOf(records.get(key));
        if (stamp) opts.ledger.delivered(this, stamp, now);
      }
    });
    this.provider = nodeProvider(opts.serverUrl, opts.boardId, this.doc, opts.token);
    this.provider.on('connection-close', () => {
      if (!this.destroyed) this.unexpectedCloses++;
    });
    this.synced = whenSynced(this.provider);
    const slot = opts.index % ROLES.length;
    this.provider.awareness.setLocalStateField('user', { id: `bench-${opts.index}`, name: `参加者${opts.index}`, role: ROLES[slot], color: COLORS[slot] });
  }

  /** Move or edit one of this member's shapes (a whole tldraw record replaced, as the binding does). */
  write(receivers: number): void {
    const w = ++this.writeSeq;
    const stamp: BenchStamp = { t: performance.now(), w, c: this.opts.index };
    const key = `shape:bench-${this.opts.index}-${w % this.opts.shapesOwned}`;
    // On the template's page, so that the dashboard's thumbnails draw it.
    const record: StoredRecord = { ...shapeRecord({ key, n: w + this.opts.index, stamp, kind: w % 3 === 0 ? 'note' : 'geo' }), parentId: 'page:main' };
    recordsMap(this.doc).set(key, record);
    this.opts.ledger.sent(stamp, receivers);
  }

  /** Publish a cursor move, about what tldraw's presence carries. */
  movePointer(n: number): void {
    this.provider.awareness.setLocalStateField('presence', {
      userId: `user:bench-${this.opts.index}`,
      userName: `参加者${this.opts.index}`,
      cursor: { x: (n * 37) % 1600, y: (n * 53) % 900, rotation: 0, type: 'default' },
      camera: { x: 0, y: 0, z: 1 },
      currentPageId: 'page:page',
      lastActivityTimestamp: Date.now(),
      selectedShapeIds: [],
      color: COLORS[this.opts.index % COLORS.length],
    });
  }

  destroy(): void {
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A participant's view-only connection to the workshop state: times the facilitator's broadcasts. */
export class StateWatcher {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Promise<void>;
  private lastId = '';

  constructor(serverUrl: string, workshopId: string, token: string, latencies: SampleBuffer) {
    workshopMap(this.doc).observe((_e, tr) => {
      if (tr.local) return;
      const m = readWorkshopState(this.doc).message;
      // The facilitator stamps its send time (bench clock) into the message id: bench-<n>-<t>.
      const t = m ? Number(/^bench-\d+-([\d.]+)$/.exec(m.id)?.[1]) : NaN;
      if (m && m.id !== this.lastId && Number.isFinite(t)) {
        this.lastId = m.id;
        latencies.push(performance.now() - t);
      }
    });
    this.provider = nodeProvider(serverUrl, workshopId, this.doc, token);
    this.provider.awareness.setLocalState(null);
    this.synced = whenSynced(this.provider);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
