import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocKind } from '../../shared/doc/index.ts';
import { canWrite, CloseCode, CloseReason } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import type { Storage, StoredDocument } from '../storage/index.ts';
import type { RelayMetrics } from './metrics.ts';
import type { Session } from './Session.ts';
import type { SharedFrame } from './SocketLike.ts';
import {
  encodeAwarenessEntries,
  encodeAwarenessFrame,
  encodeSyncStep1,
  encodeSyncUpdate,
  checkUpdate,
  findLayoutViolation,
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

/** What the update being applied did, filled in by the document's `afterTransaction` event. */
interface Applying {
  origin: unknown;
  changed: boolean;
  violation: string | undefined;
}

/**
 * One open board: its document, awareness and sessions. Every document update from a
 * session is stored before anyone else receives it (SPEC R1); outbound document data is
 * sent in the order it was stored, through one queue.
 *
 * An update is applied once and checked on what it integrated (SPEC R3); what is stored and
 * relayed are the bytes the client sent, so Yjs never re-encodes an update. An update that
 * breaks the layout is neither stored nor relayed; since it already touched the document,
 * the room then rebuilds its document from storage (`repair`), holding new frames meanwhile.
 */
export class Room {
  readonly boardId: string;
  private docValue = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.docValue);
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
  private lastStoreAt = 0;
  /** Tasks in the queue not finished yet; 0 means a store can happen at once. */
  private pendingTasks = 0;
  private compacting = false;
  /** Set while an update is applied, so the transaction it makes can be judged. */
  private applying: Applying | undefined;
  /** True from a refused update that touched the document until the document is rebuilt. */
  private repairing = false;
  /** Frames that arrived while repairing, replayed in order afterwards. */
  private held: { session: Session; frame: Uint8Array }[] = [];
  /**
   * The stored document while it is not applied yet. A room is ready as soon as storage
   * answered; the document is built on first need (an update, a record, a step 1 that is not
   * empty), so a fresh joiner of a cold board gets the stored bytes at once (SPEC R6).
   */
  private unapplied: StoredDocument | undefined;
  /** The unapplied document as one update, made once for the fresh joiners that ask. */
  private unappliedUpdate: Uint8Array | undefined;
  /** Sessions whose server step 1 waits until they spoke (or a short while passed). */
  private readonly step1Due = new Map<Session, NodeJS.Timeout>();

  constructor(opts: RoomOptions) {
    this.opts = opts;
    this.boardId = opts.boardId;
    this.awareness.setLocalState(null);
    this.docValue.on('afterTransaction', this.onAfterTransaction);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The room's document. It is replaced when a refused update has to be undone (`repair`). */
  get doc(): Y.Doc {
    return this.materialize();
  }

  /** Whether the stored document is applied (false until something needs it). */
  get materialized(): boolean {
    return this.unapplied === undefined;
  }

  /** Apply the stored document if that has not happened yet; the room's document. */
  private materialize(): Y.Doc {
    const stored = this.unapplied;
    if (stored) {
      this.unapplied = undefined;
      this.unappliedUpdate = undefined;
      applyStored(this.docValue, stored);
      this.replayPendingRemote();
    }
    return this.docValue;
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
    this.unapplied = stored;
    this.lastStoredSeq = stored.lastSeq;
    this.updatesSinceCompaction = stored.updates.length;
    this.stateValue = 'ready';
    // What other instances published meanwhile goes on top of the stored document now.
    if (this.pendingRemote.length > 0) this.materialize();
    if (this.updatesSinceCompaction > 0) this.scheduleIdleCompaction();
  }

  private replayPendingRemote(): void {
    const pending = this.pendingRemote;
    this.pendingRemote = [];
    for (const p of pending) {
      if (p.kind === 'update') this.applyRemoteUpdate(p.data);
      else this.applyRemoteAwareness(p.data);
    }
  }

  /** Add a session and start the sync handshake (server step 1 and current awareness). */
  connect(session: Session): void {
    if (this.stateValue !== 'ready') throw new Error(`room ${this.boardId} is ${this.stateValue}`);
    this.sessions.set(session.id, session);
    if (this.unapplied) {
      // Building the document takes long for a big board; a client's own step 1 comes first,
      // so the stored bytes can answer it before the server's step 1 needs the document.
      const timer = setTimeout(() => this.sendStep1(session), 200);
      timer.unref();
      this.step1Due.set(session, timer);
    } else {
      this.sendStep1(session);
    }
    const states = this.awareness.getStates();
    if (states.size > 0) {
      this.sendTo(session, encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Forget a session's pending server step 1. */
  private cancelStep1(session: Session): void {
    clearTimeout(this.step1Due.get(session));
    this.step1Due.delete(session);
  }

  /** Send the server's step 1, once the document stands (after a rebuild, in the queue). */
  private sendStep1(session: Session): void {
    this.cancelStep1(session);
    if (this.repairing) this.enqueue(async () => this.sendTo(session, encodeSyncStep1(this.docValue)));
    else this.sendTo(session, encodeSyncStep1(this.materialize()));
  }

  /** Handle one frame from a session; a bad frame closes only that session (SPEC R3). */
  handleMessage(session: Session, frame: Uint8Array): void {
    if (session.state !== 'open' || this.stateValue !== 'ready') return;
    if (this.repairing) {
      this.held.push({ session, frame });
      return;
    }
    const parsed = parseClientMessage(frame);
    if (!parsed.ok) {
      this.refuse(session, parsed.error);
      return;
    }
    this.dispatch(session, parsed.value, frame);
  }

  /** Close a session that sent a frame we do not accept (SPEC R3). */
  private refuse(session: Session, reason: string): void {
    this.opts.metrics.malformedFrames++;
    this.opts.logger.warn({ boardId: this.boardId, session: session.id, reason }, 'closing session after malformed frame');
    this.closeSession(session, CloseCode.MalformedMessage);
  }

  private dispatch(session: Session, msg: ClientMessage, frame: Uint8Array): void {
    // An update from a session whose server step 1 still waits sends that step 1 first, so the
    // session is asked before its update is handled; awareness never needs the document.
    const step1Due = this.step1Due.has(session);
    if (step1Due && msg.kind === 'sync-update') this.sendStep1(session);
    switch (msg.kind) {
      case 'sync-step1': {
        const holdsNothing = isEmptyStateVector(msg.stateVector);
        if (this.unapplied && holdsNothing) {
          // Nothing is applied, so nothing waits to be stored: the stored bytes are the answer.
          this.unappliedUpdate ??= storedAsUpdate(this.unapplied);
          this.sendTo(session, encodeSyncUpdate(this.unappliedUpdate, 'step2'));
        } else {
          // Encoded now, sent once everything applied so far is stored (SPEC R1).
          const reply = encodeSyncUpdate(Y.encodeStateAsUpdate(this.materialize(), msg.stateVector), 'step2');
          this.enqueue(async () => this.sendTo(session, reply));
        }
        if (step1Due) {
          // The server's step 1 asks a session for what it holds that the server lacks; a
          // session that just said it holds nothing is not asked (its later edits come as
          // updates), so a fresh joiner of an unloaded board never makes the server build it.
          if (holdsNothing) this.cancelStep1(session);
          else this.sendStep1(session);
        }
        return;
      }
      case 'sync-update': {
        if (!canWrite(session.capability)) {
          this.opts.metrics.droppedViewWrites++;
          return;
        }
        this.applyFromSession(session, msg, frame);
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

  /**
   * Apply a session's update, check what it integrated, then store the update as sent and
   * relay it (SPEC R1, R3). Others get an incremental-update frame: the frame as received when
   * it is one, so nothing is encoded again.
   */
  private applyFromSession(session: Session, msg: Extract<ClientMessage, { kind: 'sync-update' }>, frame: Uint8Array): void {
    const store = this.materialize().store;
    const pendingBefore = store.pendingStructs;
    if (pendingBefore !== null) {
      // The document already waits for missing data (from another instance): an update that
      // itself lacks data could not be told apart afterwards, so it is checked before.
      const checked = checkUpdate(msg.update, this.opts.kind, this.docValue);
      if (!checked.ok) {
        this.refuse(session, checked.error);
        return;
      }
    }
    const result = this.apply(msg.update, session);
    const failure =
      result.error ??
      result.violation ??
      (pendingBefore === null && store.pendingStructs !== null ? 'an item depends on data the server does not have' : undefined);
    if (failure !== undefined) {
      this.refuse(session, failure);
      if (result.changed || store.pendingStructs !== pendingBefore || result.error !== undefined) this.repair();
      return;
    }
    if (!result.changed) return;
    const update = msg.update;
    const out = msg.step === 'update' && msg.exact ? frame : encodeSyncUpdate(update, 'update');
    // With nothing queued and a storage that can append at once (SQLite), store and relay now:
    // the same order and guarantee as the queue, without its promises.
    const appendNow = this.opts.storage.appendUpdateNow;
    if (this.pendingTasks === 0 && appendNow) {
      let seq: number | undefined;
      try {
        seq = appendNow.call(this.opts.storage, this.boardId, update);
        this.opts.metrics.lastStoreSuccessAt = Date.now();
      } catch {
        // The queued path below retries, says so and closes the writer (SPEC S4).
      }
      if (seq !== undefined) {
        this.afterStored(update, seq, out, session);
        return;
      }
    }
    this.enqueue(async () => {
      const seq = await this.storeWithRetry(update, session);
      if (seq !== undefined) this.afterStored(update, seq, out, session);
    });
  }

  /** An update from `from` is stored as `seq`: tell other instances, relay it, count it. */
  private afterStored(update: Uint8Array, seq: number, frame: Uint8Array, from: Session): void {
    this.lastStoredSeq = Math.max(this.lastStoredSeq, seq);
    this.opts.metrics.storedUpdates++;
    this.opts.hooks?.afterStore?.(this, update, seq);
    this.broadcast(frame, from);
    this.noteStored();
  }

  /** Apply an update with an origin; say whether it changed the document and whether it kept the layout. */
  private apply(update: Uint8Array, origin: unknown): Applying & { error: string | undefined } {
    const state: Applying = { origin, changed: false, violation: undefined };
    this.applying = state;
    let error: string | undefined;
    try {
      Y.applyUpdate(this.docValue, update, origin);
    } catch (err) {
      error = `update failed to integrate: ${(err as Error).message}`;
    } finally {
      this.applying = undefined;
    }
    return { ...state, error };
  }

  private readonly onAfterTransaction = (tr: Y.Transaction): void => {
    const changed = tr.deleteSet.clients.size > 0 || stateChanged(tr);
    if (!changed) return;
    this.version++;
    if (tr.origin === LOAD_ORIGIN) return;
    this.lastChangeAt = Date.now();
    const applying = this.applying;
    if (!applying || applying.origin !== tr.origin) return;
    applying.changed = true;
    if (applying.origin === REMOTE_ORIGIN || applying.violation !== undefined) return;
    try {
      applying.violation = findLayoutViolation(tr, this.opts.kind);
    } catch (err) {
      applying.violation = `update could not be checked: ${(err as Error).message}`;
    }
  };

  /**
   * Rebuild the document from storage after a refused update touched it. Runs in the queue,
   * after every update accepted before it was stored; frames arriving meanwhile are held and
   * replayed. Compaction and records wait for it (they run in the same queue).
   */
  private repair(): void {
    if (this.repairing) return;
    this.repairing = true;
    this.opts.metrics.repairs++;
    this.enqueue(async () => {
      let stored: StoredDocument;
      try {
        stored = await this.opts.storage.loadDocument(this.boardId);
      } catch (err) {
        this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'could not reload the document after a refused update; closing the room');
        this.abandon();
        return;
      }
      const doc = new Y.Doc({ gc: true });
      applyStored(doc, stored);
      this.docValue.off('afterTransaction', this.onAfterTransaction);
      // The old document is dropped, not destroyed: destroying it would destroy the awareness.
      this.docValue = doc;
      this.awareness.doc = doc;
      doc.on('afterTransaction', this.onAfterTransaction);
      this.lastStoredSeq = stored.lastSeq;
      this.updatesSinceCompaction = stored.updates.length;
      this.version++;
      this.repairing = false;
      this.opts.logger.info({ boardId: this.boardId }, 'document rebuilt from storage after a refused update');
      this.replayPendingRemote();
      const held = this.held;
      this.held = [];
      for (const h of held) this.handleMessage(h.session, h.frame);
    });
  }

  /** Give up on a room whose document cannot be trusted: close everyone, store nothing. */
  private abandon(): void {
    this.stateValue = 'closing';
    this.held = [];
    this.closeSessionsWhere(() => true, CloseCode.StorageUnavailable);
    this.stopIdleCompaction();
    this.stateValue = 'closed';
    this.awareness.destroy();
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
    if (this.stateValue === 'loading' || (this.stateValue === 'ready' && this.repairing)) {
      this.pendingRemote.push({ kind: 'update', data: update });
      return;
    }
    if (this.stateValue !== 'ready') return;
    this.materialize();
    const result = this.apply(update, REMOTE_ORIGIN);
    if (result.error) this.opts.logger.error({ boardId: this.boardId, err: result.error }, 'a relayed update failed to apply');
    // Stored by the instance that received it; relayed in order with our own.
    if (result.changed) this.relayRemote(update);
  }

  private relayRemote(update: Uint8Array): void {
    const frame = encodeSyncUpdate(update, 'update');
    this.enqueue(async () => this.broadcast(frame, undefined));
  }

  /** Apply an awareness update relayed from another instance. */
  applyRemoteAwareness(awarenessUpdate: Uint8Array): void {
    if (this.stateValue === 'loading' || (this.stateValue === 'ready' && this.repairing)) {
      this.pendingRemote.push({ kind: 'awareness', data: awarenessUpdate });
      return;
    }
    if (this.stateValue !== 'ready') return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessUpdate, REMOTE_ORIGIN);
    } catch (err) {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'a relayed awareness update failed to apply');
    }
  }

  /** Bring the document up to what storage holds (after a gap in cross-instance relay). */
  async catchUp(): Promise<void> {
    if (this.stateValue !== 'ready') return;
    const stored = await this.opts.storage.loadDocument(this.boardId);
    if (this.stateValue !== 'ready' || this.repairing) return;
    const before = Y.encodeStateVector(this.materialize());
    this.applying = { origin: REMOTE_ORIGIN, changed: false, violation: undefined };
    const state = this.applying;
    try {
      applyStored(this.docValue, stored, REMOTE_ORIGIN);
    } catch (err) {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'catching up from storage failed');
    } finally {
      this.applying = undefined;
    }
    if (state.changed) this.relayRemote(Y.encodeStateAsUpdate(this.docValue, before));
  }

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
    const shared: SharedFrame = { data: frame };
    for (const s of this.sessions.values()) {
      if (s !== except) this.sendTo(s, frame, shared);
    }
    this.opts.metrics.deliveredFrames += this.sessions.size - (except && this.sessions.has(except.id) ? 1 : 0);
  }

  private sendTo(session: Session, frame: Uint8Array, shared?: SharedFrame): void {
    if (session.state !== 'open') return;
    try {
      const socket = session.socket;
      if (shared && socket.sendShared) socket.sendShared(shared);
      else socket.send(frame);
    } catch (err) {
      this.opts.logger.warn({ boardId: this.boardId, session: session.id, err: (err as Error).message }, 'send failed');
      this.disconnect(session);
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.pendingTasks++;
    this.queue = this.queue
      .then(task)
      .catch((err: unknown) => {
        this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'room task failed');
      })
      .finally(() => this.pendingTasks--);
  }

  private noteStored(): void {
    this.updatesSinceCompaction++;
    if (this.updatesSinceCompaction >= this.opts.compactEveryUpdates) this.enqueue(() => this.compact());
    else this.scheduleIdleCompaction();
  }

  /**
   * Compact once no update was stored for `compactIdleMs`. One timer per room, re-armed for
   * the rest of the wait when it fires too early, instead of a new timer for every update.
   */
  private scheduleIdleCompaction(): void {
    this.lastStoreAt = Date.now();
    if (this.compactTimer === undefined) this.armIdleCompaction(this.opts.compactIdleMs);
  }

  private armIdleCompaction(ms: number): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      const idle = Date.now() - this.lastStoreAt;
      if (idle >= this.opts.compactIdleMs) this.enqueue(() => this.compact());
      else this.armIdleCompaction(this.opts.compactIdleMs - idle);
    }, ms);
    this.compactTimer.unref();
  }

  private stopIdleCompaction(): void {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
  }

  /**
   * Fold the stored updates into one snapshot (SPEC S3). Runs in the queue, so every
   * update applied before it was stored; the snapshot may also hold later, not yet stored
   * updates, which is harmless because applying an update twice changes nothing.
   */
  private async compact(): Promise<void> {
    if (this.compacting || this.repairing || this.updatesSinceCompaction === 0) return;
    this.compacting = true;
    this.stopIdleCompaction();
    const upto = this.lastStoredSeq;
    const covered = this.updatesSinceCompaction;
    try {
      await this.opts.storage.compact(this.boardId, Y.encodeStateAsUpdate(this.materialize()), upto);
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
    this.cancelStep1(session);
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
    this.stopIdleCompaction();
    this.stateValue = 'closed';
    this.awareness.destroy();
    this.docValue.destroy();
  }
}

/** Apply a stored document (snapshot, then the updates after it) in one transaction with `origin`. */
function applyStored(doc: Y.Doc, stored: StoredDocument, origin: symbol = LOAD_ORIGIN): void {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
      for (const u of stored.updates) Y.applyUpdate(doc, u, origin);
    },
    origin,
  );
}

/** A stored document (snapshot and the updates after it) as one update. */
function storedAsUpdate(stored: StoredDocument): Uint8Array {
  const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
  if (parts.length === 1 && parts[0]) return parts[0];
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
}

/** True for the state vector of an empty document (a client that has nothing yet). */
function isEmptyStateVector(sv: Uint8Array): boolean {
  return sv.length === 1 && sv[0] === 0;
}

/** True when a transaction added structs (its deletions are checked by the caller). */
function stateChanged(tr: Y.Transaction): boolean {
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}
