import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { shapeRecord, stampOf, type BenchStamp } from './records.ts';
import type { RoomAccess } from './servers.ts';
import { SampleBuffer } from './stats.ts';

/** Where receivers report each record write they see arrive. */
export interface DeliverySink {
  onDelivery(receiver: BenchClient, stamp: BenchStamp, now: number): void;
}

/** Options of a bench client, one typed object. */
export interface BenchClientOptions {
  /** The provider's server URL, e.g. `ws://127.0.0.1:PORT/ws`. */
  serverUrl: string;
  access: RoomAccess;
  /** Global index of this client, written into its stamps. */
  index: number;
  sink?: DeliverySink;
  /**
   * 'stock': the provider's default awareness (an empty local state, renewed every 15 s,
   * and, as stock y-websocket does, every applied awareness change re-broadcast).
   * 'off': local state null from the start, so no awareness traffic at all.
   */
  awareness?: AwarenessMode;
}

/** How a bench client uses awareness. */
export type AwarenessMode = 'stock' | 'off';

/**
 * One participant: a stock y-websocket `WebsocketProvider` (the `ws` package as its
 * WebSocket) with its own document, reporting every remote record write it receives.
 */
export class BenchClient {
  readonly index: number;
  readonly doc = new Y.Doc();
  readonly records: Y.Map<StoredRecord>;
  readonly provider: WebsocketProvider;
  /** Resolves once the provider has synced with the server. */
  readonly synced: Promise<void>;
  /** Time the provider was created, and when it opened its socket (performance.now()). */
  readonly createdAt = performance.now();
  openedAt: number | undefined;
  /** Socket closes seen while the client was meant to be connected. */
  unexpectedCloses = 0;
  lastClose: string | undefined;
  /** Per writer, the last write id received: a repeat or regression is a duplicate. */
  readonly lastSeen = new Map<number, number>();
  private destroyed = false;

  constructor(opts: BenchClientOptions) {
    this.index = opts.index;
    this.records = recordsMap(this.doc);
    const sink = opts.sink;
    if (sink) {
      this.records.observe((event, tr) => {
        if (tr.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const stamp = stampOf(this.records.get(key));
          if (stamp) sink.onDelivery(this, stamp, now);
        }
      });
    }
    this.provider = new WebsocketProvider(opts.serverUrl, opts.access.room, this.doc, {
      params: opts.access.params,
      // ws implements the browser WebSocket interface the provider expects.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 500,
    });
    // The socket opens asynchronously, so nothing has been announced yet.
    if (opts.awareness === 'off') this.provider.awareness.setLocalState(null);
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.openedAt ??= performance.now();
    });
    this.provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
      if (this.destroyed) return;
      this.unexpectedCloses++;
      this.lastClose = `${event?.code ?? '?'} ${event?.reason ?? ''}`.trim();
    });
    this.synced = new Promise<void>((resolve) => {
      if (this.provider.synced) resolve();
      else this.provider.once('sync', (isSynced: boolean) => isSynced && resolve());
    });
  }

  /** Write (create or replace) one tldraw-sized shape record. */
  writeShape(key: string, n: number, stamp?: BenchStamp): void {
    const record = shapeRecord({ key, n, ...(stamp ? { stamp } : {}), kind: n % 4 === 3 ? 'note' : 'geo' });
    this.records.set(key, record);
  }

  /** Bytes queued on the socket but not yet written. */
  get bufferedAmount(): number {
    return (this.provider.ws as unknown as { bufferedAmount?: number } | null)?.bufferedAmount ?? 0;
  }

  /** Close the provider and release the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}

/**
 * Counts deliveries and their latency. A delivery is a record write seen by a client other
 * than its writer; only writes sent at or after `measureFrom` count (warm-up excluded).
 */
export class DeliveryLedger implements DeliverySink {
  measureFrom = Number.POSITIVE_INFINITY;
  readonly latencies = new SampleBuffer();
  received = 0;
  duplicates = 0;

  onDelivery(receiver: BenchClient, stamp: BenchStamp, now: number): void {
    if (stamp.c === receiver.index) return;
    const last = receiver.lastSeen.get(stamp.c);
    if (last !== undefined && stamp.w <= last) {
      this.duplicates++;
      return;
    }
    receiver.lastSeen.set(stamp.c, stamp.w);
    if (stamp.t < this.measureFrom) return;
    this.received++;
    this.latencies.push(now - stamp.t);
  }
}
