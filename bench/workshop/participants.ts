import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { readWorkshopState, workshopMap } from '../../shared/workshop/index.ts';
import { shapeRecord, stampOf, type BenchStamp } from '../lib/records.ts';
import { SampleBuffer } from '../lib/stats.ts';
import { epochNow } from './loadgenMessages.ts';

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
 * Every write and delivery is kept with its send time (this thread's clock) and counted against
 * the measured window afterwards (`counts`, `window`): the window's bounds arrive as messages,
 * and a write is counted or not by when it was sent, not by when the message came.
 */
export class GroupLedger {
  /** Send time and receivers of each write. */
  private readonly writeTimes = new SampleBuffer();
  private readonly writeReceivers = new SampleBuffer();
  /** Latency and send time of each delivery. */
  private readonly latencies = new SampleBuffer();
  private readonly sendTimes = new SampleBuffer();
  duplicates = 0;

  /** A write was sent by a member whose group has `receivers` other members connected. */
  sent(stamp: BenchStamp, receivers: number): void {
    this.writeTimes.push(stamp.t);
    this.writeReceivers.push(receivers);
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
    this.latencies.push(now - stamp.t);
    this.sendTimes.push(stamp.t);
  }

  /** Writes sent within [from, until], the deliveries they owe and those received so far. */
  counts(from: number, until: number): { writes: number; expected: number; received: number } {
    const times = this.writeTimes.values();
    const receivers = this.writeReceivers.values();
    let writes = 0;
    let expected = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      if (t < from || t > until) continue;
      writes++;
      expected += receivers[i] as number;
    }
    let received = 0;
    for (const t of this.sendTimes.values()) if (t >= from && t <= until) received++;
    return { writes, expected, received };
  }

  /** Latency and send time of each delivery of a write sent within [from, until] (fresh arrays). */
  window(from: number, until: number): { latencies: Float64Array; sendTimes: Float64Array } {
    const all = this.latencies.values();
    const sends = this.sendTimes.values();
    const latencies = new SampleBuffer();
    const sendTimes = new SampleBuffer();
    for (let i = 0; i < sends.length; i++) {
      const t = sends[i] as number;
      if (t < from || t > until) continue;
      latencies.push(all[i] as number);
      sendTimes.push(t);
    }
    return { latencies: latencies.values().slice(), sendTimes: sendTimes.values().slice() };
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

/**
 * A participant's view-only connection to the workshop state: times the facilitator's broadcasts.
 * The facilitator sends from another thread, so both ends read the clock threads share:
 * `performance.timeOrigin + performance.now()` (epochNow).
 */
export class StateWatcher {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Promise<void>;
  private lastId = '';

  constructor(serverUrl: string, workshopId: string, token: string, latencies: SampleBuffer) {
    workshopMap(this.doc).observe((_e, tr) => {
      if (tr.local) return;
      const m = readWorkshopState(this.doc).message;
      // The facilitator stamps its send time (epoch clock) into the message id: bench-<n>-<t>.
      const t = m ? Number(/^bench-\d+-([\d.]+)$/.exec(m.id)?.[1]) : NaN;
      if (m && m.id !== this.lastId && Number.isFinite(t)) {
        this.lastId = m.id;
        latencies.push(epochNow() - t);
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
