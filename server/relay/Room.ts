import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocKind } from '../../shared/doc/index.ts';
import { canWrite, CloseCode, CloseReason } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/index.ts';
import type { RelayMetrics } from './metrics.ts';
import type { Session } from './Session.ts';
import {
  encodeAwarenessEntries,
  encodeAwarenessFrame,
  encodeSyncStep1,
  encodeSyncUpdate,
  parseClientMessage,
  type ClientMessage,
} from './wire.ts';

/** Where a room is in its life (SPEC R6). */
export type RoomState = 'loading' | 'ready' | 'closing' | 'closed';

/** Hooks a room calls; names say the phase. */
export interface RoomHooks {
  /** After an update from a local session was stored, before it is relayed. */
  afterStore?: (room: Room, update: Uint8Array, seq: number) => void;
  /** After awareness changed because of a local session (joined, moved, left). */
  afterAwareness?: (room: Room, awarenessUpdate: Uint8Array) => void;
  /** When the last session left. */
  onEmpty?: (room: Room) => void;
}

/** Options of a room, one typed object. */
export interface RoomOptions {
  boardId: string;
  /** The kind of document, which decides the layout its updates must keep. */
  kind: DocKind;
  storage: Storage;
  logger: Logger;
  metrics: RelayMetrics;
  compactEveryUpdates: number;
  compactIdleMs: number;
  hooks?: RoomHooks;
}

/** Origin of updates applied while loading from storage or from another instance. */
const LOAD_ORIGIN = Symbol('load');
const REMOTE_ORIGIN = Symbol('remote');

/**
 * One open board: its document, awareness and sessions. Every document update from a
 * session is stored before anyone else receives it (SPEC R1); outbound document data is
 * sent in the order it was stored, through one queue.
 */
export class Room {
  readonly boardId: string;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly sessions = new Map<number, Session>();
  private readonly opts: RoomOptions;
  private stateValue: RoomState = 'loading';
  /** Stored-then-relayed work, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private lastStoredSeq = 0;
  /** When the document last changed (ms since epoch), for dashboards. */
  lastChangeAt = 0;
  /** Bumped on every change, so derived views (thumbnails) know when to recompute. */
  version = 0;
  private pendingRemote: { kind: 'update' | 'awareness'; data: Uint8Array }[] = [];
  private updatesSinceCompaction = 0;
  private compactTimer: NodeJS.Timeout | undefined;
  private compacting = false;

  constructor(opts: RoomOptions) {
    this.opts = opts;
    this.boardId = opts.boardId;
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get state(): RoomState {
    return this.stateValue;
  }

  /** Number of open sessions. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Load the stored document; the room is ready when this resolves. */
  async load(): Promise<void> {
    const stored = await this.opts.storage.loadDocument(this.boardId);
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, LOAD_ORIGIN);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u, LOAD_ORIGIN);
      },
      LOAD_ORIGIN,
    );
    this.lastStoredSeq = stored.lastSeq;
    this.updatesSinceCompaction = stored.updates.length;
    this.stateValue = 'ready';
    const pending = this.pendingRemote;
    this.pendingRemote = [];
    for (const p of pending) {
      if (p.kind === 'update') this.applyRemoteUpdate(p.data);
      else this.applyRemoteAwareness(p.data);
    }
    if (this.updatesSinceCompaction > 0) this.scheduleIdleCompaction();
  }

  /** Add a session and start the sync handshake (server step 1 and current awareness). */
  connect(session: Session): void {
    if (this.stateValue !== 'ready') throw new Error(`room ${this.boardId} is ${this.stateValue}`);
    this.sessions.set(session.id, session);
    this.sendTo(session, encodeSyncStep1(this.doc));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      this.sendTo(session, encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Handle one frame from a session; a bad frame closes only that session (SPEC R3). */
  handleMessage(session: Session, frame: Uint8Array): void {
    if (session.state !== 'open' || this.stateValue !== 'ready') return;
    const parsed = parseClientMessage(frame, this.opts.kind, this.doc);
    if (!parsed.ok) {
      this.opts.metrics.malformedFrames++;
      this.opts.logger.warn({ boardId: this.boardId, session: session.id, reason: parsed.error }, 'closing session after malformed frame');
      this.closeSession(session, CloseCode.MalformedMessage);
      return;
    }
    this.dispatch(session, parsed.value);
  }

  private dispatch(session: Session, msg: ClientMessage): void {
    switch (msg.kind) {
      case 'sync-step1': {
        // Encoded now, sent once everything applied so far is stored (SPEC R1).
        const reply = encodeSyncUpdate(Y.encodeStateAsUpdate(this.doc, msg.stateVector), 'step2');
        this.enqueue(async () => this.sendTo(session, reply));
        return;
      }
      case 'sync-update': {
        if (!canWrite(session.capability)) {
          this.opts.metrics.droppedViewWrites++;
          return;
        }
        try {
          Y.applyUpdate(this.doc, msg.update, session);
        } catch (err) {
          this.opts.metrics.malformedFrames++;
          this.opts.logger.warn({ boardId: this.boardId, session: session.id, err: (err as Error).message }, 'update failed to integrate');
          this.closeSession(session, CloseCode.MalformedMessage);
        }
        return;
      }
      case 'awareness': {
        // The stock provider re-sends every awareness change it sees, others' included: those
        // echoes are dropped, so a session only ever speaks for its own client ids (SPEC R5).
        const own = msg.entries.filter((e) => {
          const owner = this.awarenessOwner(e.clientId);
          return owner === undefined || owner === session;
        });
        if (own.length === 0) return;
        const update = own.length === msg.entries.length ? msg.update : encodeAwarenessEntries(own);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, session);
        return;
      }
      case 'query-awareness': {
        const ids = [...this.awareness.getStates().keys()];
        this.sendTo(session, encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
        return;
      }
      case 'auth':
        return;
      default: {
        const never: never = msg;
        throw new Error(`unhandled message ${JSON.stringify(never)}`);
      }
    }
  }

  /** Awareness ids whose state came from another instance: no local session may speak for them. */
  private readonly remoteAwareness = new Set<number>();

  private awarenessOwner(clientId: number): Session | 'remote' | undefined {
    if (this.remoteAwareness.has(clientId)) return 'remote';
    for (const s of this.sessions.values()) if (s.awarenessClients.has(clientId)) return s;
    return undefined;
  }

  /**
   * Apply an update that another instance already stored; relay it to local sessions only.
   * While the room loads, remote traffic is kept and applied after the load (SPEC R9).
   */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.stateValue === 'loading') this.pendingRemote.push({ kind: 'update', data: update });
    else if (this.stateValue === 'ready') this.applyRemote(() => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN));
  }

  /** Apply an awareness update relayed from another instance. */
  applyRemoteAwareness(awarenessUpdate: Uint8Array): void {
    if (this.stateValue === 'loading') this.pendingRemote.push({ kind: 'awareness', data: awarenessUpdate });
    else if (this.stateValue === 'ready') this.applyRemote(() => awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessUpdate, REMOTE_ORIGIN));
  }

  /** Bring the document up to what storage holds (after a gap in cross-instance relay). */
  async catchUp(): Promise<void> {
    if (this.stateValue !== 'ready') return;
    const stored = await this.opts.storage.loadDocument(this.boardId);
    if (this.stateValue !== 'ready') return;
    this.applyRemote(() => {
      Y.transact(this.doc, () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE_ORIGIN);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
    });
  }

  private applyRemote(apply: () => void): void {
    try {
      apply();
    } catch (err) {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'a relayed update failed to apply');
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.version++;
    if (origin === LOAD_ORIGIN) return;
    this.lastChangeAt = Date.now();
    if (origin === REMOTE_ORIGIN) {
      // Stored by the instance that received it; relay in order with our own.
      const frame = encodeSyncUpdate(update, 'update');
      this.enqueue(async () => this.broadcast(frame, undefined));
      return;
    }
    const from = origin as Session;
    const frame = encodeSyncUpdate(update, 'update');
    this.enqueue(async () => {
      const seq = await this.storeWithRetry(update, from);
      if (seq === undefined) return;
      this.lastStoredSeq = Math.max(this.lastStoredSeq, seq);
      this.opts.metrics.storedUpdates++;
      this.opts.hooks?.afterStore?.(this, update, seq);
      this.broadcast(frame, from);
      this.noteStored();
    });
  };

  /**
   * Store an update; on failure keep it in memory, say so loudly, close the writer so its
   * client shows it is not saved, and retry until it is stored or the room closes (SPEC S4).
   */
  private async storeWithRetry(update: Uint8Array, from: Session): Promise<number | undefined> {
    let delay = 100;
    for (;;) {
      try {
        const seq = await this.opts.storage.appendUpdate(this.boardId, update);
        this.opts.metrics.lastStoreSuccessAt = Date.now();
        return seq;
      } catch (err) {
        this.opts.metrics.storeFailures++;
        this.opts.metrics.lastStoreFailureAt = Date.now();
        this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'storing an update failed; it is kept in memory and not relayed');
        if (from.state === 'open') this.closeSession(from, CloseCode.StorageUnavailable);
        if (this.stateValue === 'closed') return undefined;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin === REMOTE_ORIGIN) {
      for (const id of [...added, ...updated]) if (this.awareness.getStates().has(id)) this.remoteAwareness.add(id);
    }
    for (const id of removed) this.remoteAwareness.delete(id);
    if (origin && typeof origin === 'object' && 'awarenessClients' in origin) {
      const s = origin as Session;
      for (const id of added) s.awarenessClients.add(id);
      for (const id of removed) s.awarenessClients.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // To the sender too, as y-websocket-server does: a stock provider closes a socket that has
    // heard nothing for 30 s, and its own renewals (every 15 s) are all a lone participant hears.
    this.broadcast(encodeAwarenessFrame(update), undefined);
    if (origin !== REMOTE_ORIGIN) this.opts.hooks?.afterAwareness?.(this, update);
  };

  private broadcast(frame: Uint8Array, except: Session | undefined): void {
    for (const s of this.sessions.values()) {
      if (s !== except) this.sendTo(s, frame);
    }
    this.opts.metrics.deliveredFrames += this.sessions.size - (except && this.sessions.has(except.id) ? 1 : 0);
  }

  private sendTo(session: Session, frame: Uint8Array): void {
    if (session.state !== 'open') return;
    try {
      session.socket.send(frame);
    } catch (err) {
      this.opts.logger.warn({ boardId: this.boardId, session: session.id, err: (err as Error).message }, 'send failed');
      this.disconnect(session);
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'room task failed');
    });
  }

  private noteStored(): void {
    this.updatesSinceCompaction++;
    if (this.updatesSinceCompaction >= this.opts.compactEveryUpdates) this.enqueue(() => this.compact());
    else this.scheduleIdleCompaction();
  }

  private scheduleIdleCompaction(): void {
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => this.enqueue(() => this.compact()), this.opts.compactIdleMs);
    this.compactTimer.unref();
  }

  /**
   * Fold the stored updates into one snapshot (SPEC S3). Runs in the queue, so every
   * update applied before it was stored; the snapshot may also hold later, not yet stored
   * updates, which is harmless because applying an update twice changes nothing.
   */
  private async compact(): Promise<void> {
    if (this.compacting || this.updatesSinceCompaction === 0) return;
    this.compacting = true;
    clearTimeout(this.compactTimer);
    const upto = this.lastStoredSeq;
    const covered = this.updatesSinceCompaction;
    try {
      await this.opts.storage.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), upto);
      this.updatesSinceCompaction -= covered;
      this.opts.metrics.compactions++;
      await this.opts.storage.touchBoard(this.boardId, new Date());
    } catch (err) {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'compaction failed; updates stay as they are');
    } finally {
      this.compacting = false;
    }
  }

  /** Remove a session (its socket closed) and its awareness states. */
  disconnect(session: Session): void {
    if (!this.sessions.delete(session.id)) return;
    session.state = 'closed';
    if (session.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...session.awarenessClients], null);
    }
    if (this.sessions.size === 0) this.opts.hooks?.onEmpty?.(this);
  }

  /** Close a session with a named close code. */
  closeSession(session: Session, code: CloseCode): void {
    if (session.state !== 'open') return;
    try {
      session.socket.close(code, CloseReason[code]);
    } catch {
      // The socket is already gone; disconnecting below is all that is left to do.
    }
    this.disconnect(session);
  }

  /** Close every session matching `predicate` (e.g. those of a rotated link). */
  closeSessionsWhere(predicate: (s: Session) => boolean, code: CloseCode): number {
    let n = 0;
    for (const s of [...this.sessions.values()]) {
      if (predicate(s)) {
        this.closeSession(s, code);
        n++;
      }
    }
    return n;
  }

  /** Wait until everything queued so far is stored and sent. */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Close all sessions, store a final snapshot and release the document. */
  async destroy(code: CloseCode = CloseCode.ServerShutdown): Promise<void> {
    if (this.stateValue === 'closing' || this.stateValue === 'closed') return;
    this.stateValue = 'closing';
    this.closeSessionsWhere(() => true, code);
    await this.flush();
    await this.compact();
    clearTimeout(this.compactTimer);
    this.stateValue = 'closed';
    this.awareness.destroy();
    this.doc.destroy();
  }
}
