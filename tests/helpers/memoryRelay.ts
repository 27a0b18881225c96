import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { createLogger } from '../../server/logger.ts';
import { createMetrics, type RelayMetrics } from '../../server/relay/metrics.ts';
import { Room } from '../../server/relay/Room.ts';
import { createSession, type Session } from '../../server/relay/Session.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from '../../server/relay/SessionLimits.ts';
import type { RelaySocket } from '../../server/relay/SocketLike.ts';
import { relayRecordValidator } from '../../server/relay/recordValidator.ts';
import type { DocumentStore, StoredDocument } from '../../server/storage/index.ts';
import { MessageType, SyncStep, type Capability } from '../../shared/protocol/index.ts';
import { FakeClock } from './fakeClock.ts';

/** What a memory socket received, decoded far enough to assert on. */
export type Received =
  | { kind: 'sync-step1' }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness' };

/**
 * The server end of an in-memory socket pair: what the room sends lands in `received`, in order,
 * synchronously; `buffered` plays the socket's unsent bytes (a test sets it to play a client that
 * does not read). No network, no timers: a deterministic pair for protocol edge cases (STYLE 10).
 */
export class MemorySocket implements RelaySocket {
  readonly received: Received[] = [];
  closed: { code: number; reason: string } | undefined;
  buffered = 0;

  send(data: Uint8Array): void {
    if (this.closed) throw new Error('send on a closed socket');
    this.received.push(decode(data));
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  get bufferedAmount(): number {
    return this.buffered;
  }

  /** Received frames of one kind. */
  of<K extends Received['kind']>(kind: K): Extract<Received, { kind: K }>[] {
    return this.received.filter((r): r is Extract<Received, { kind: K }> => r.kind === kind);
  }
}

function decode(frame: Uint8Array): Received {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === MessageType.Awareness) return { kind: 'awareness' };
  if (type !== MessageType.Sync) throw new Error(`unexpected message type ${type}`);
  const step = decoding.readVarUint(d);
  if (step === SyncStep.Step1) return { kind: 'sync-step1' };
  const update = decoding.readVarUint8Array(d);
  return step === SyncStep.Step2 ? { kind: 'sync-step2', update } : { kind: 'sync-update', update };
}

/**
 * A `DocumentStore` in memory with a switch that makes appends fail (a storage outage), and a
 * promise per append, so tests see exactly what was stored.
 */
export class MemoryDocumentStore implements DocumentStore {
  readonly updates = new Map<string, Uint8Array[]>();
  readonly snapshots = new Map<string, { data: Uint8Array; upto: number }>();
  private seq = new Map<string, number>();
  failing = false;
  appends = 0;

  seed(boardId: string, state: Uint8Array): void {
    this.snapshots.set(boardId, { data: state, upto: 0 });
    this.updates.set(boardId, []);
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    const snap = this.snapshots.get(boardId);
    const updates = this.updates.get(boardId) ?? [];
    return { snapshot: snap?.data, updates: [...updates], lastSeq: this.seq.get(boardId) ?? 0 };
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    if (this.failing) throw Object.assign(new Error('storage is down'), { code: 'ECONNREFUSED' });
    this.appends++;
    const seq = (this.seq.get(boardId) ?? 0) + 1;
    this.seq.set(boardId, seq);
    this.updates.set(boardId, [...(this.updates.get(boardId) ?? []), update]);
    return seq;
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const all = this.updates.get(boardId) ?? [];
    const before = this.seq.get(boardId) ?? 0;
    // Keep the updates after uptoSeq (they are the last `before - uptoSeq`).
    this.updates.set(boardId, all.slice(all.length - (before - uptoSeq)));
    this.snapshots.set(boardId, { data: snapshot, upto: uptoSeq });
  }

  async countUpdates(boardId: string): Promise<number> {
    return (this.updates.get(boardId) ?? []).length;
  }

  async touchBoard(): Promise<void> {}

  /** The stored document, applied. */
  async document(boardId: string): Promise<Y.Doc> {
    const stored = await this.loadDocument(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  }
}

/** A room over a memory store and a fake clock, with helpers to open sessions on memory sockets. */
export interface MemoryRoom {
  room: Room;
  store: MemoryDocumentStore;
  clock: FakeClock;
  metrics: RelayMetrics;
  open(capability?: Capability, limits?: Partial<SessionLimits>): { session: Session; socket: MemorySocket };
  /** Wait until everything queued (stores, relays, rebuilds) is done: the pipeline's own barrier. */
  settle(): Promise<void>;
}

/** A ready room for `initial` (a document's state), on a fake clock. */
export async function memoryRoom(initial: Uint8Array, opts: { boardId?: string; limits?: Partial<SessionLimits> } = {}): Promise<MemoryRoom> {
  const boardId = opts.boardId ?? 'board-under-test';
  const store = new MemoryDocumentStore();
  store.seed(boardId, initial);
  const clock = new FakeClock();
  const metrics = createMetrics();
  const room = new Room({
    boardId,
    kind: 'board',
    store,
    logger: createLogger('silent'),
    metrics,
    compactEveryUpdates: 1000,
    compactIdleMs: 60_000,
    clock,
    validateRecord: relayRecordValidator(),
  });
  await room.load();
  return {
    room,
    store,
    clock,
    metrics,
    open: (capability = 'edit', limits = {}) => {
      const socket = new MemorySocket();
      const session = createSession({ socket, capability, limits: { ...DEFAULT_SESSION_LIMITS, ...opts.limits, ...limits }, clock });
      room.connect(session);
      return { session, socket };
    },
    settle: () => room.pipeline.flush(),
  };
}
