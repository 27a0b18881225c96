import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocKind } from '../../shared/doc/index.ts';
import { canWrite, CloseCode, CloseReason, LINK_NAME_KEY, LockedNotice } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from '../storage/index.ts';
import { systemClock, type Clock, type TimerHandle } from './Clock.ts';
import { DocumentPipeline } from './DocumentPipeline.ts';
import { isEmptyStateVector } from './storedDocument.ts';
import type { RelayMetrics } from './metrics.ts';
import type { Session } from './Session.ts';
import type { SharedFrame } from './SocketLike.ts';
import type { RecordValidator } from './UpdateGate.ts';
import { encodeAwarenessEntries, encodeAwarenessFrame, encodePermissionDenied, encodeSyncUpdate, parseClientMessage, type AwarenessEntry, type ClientMessage } from './wire.ts';

/** Where a room is in its life (SPEC R6). */
export type RoomState = 'loading' | 'ready' | 'closing' | 'closed';

/** Hooks a room calls; names say the phase. */
export interface RoomHooks {
  /** After an update (a session's, or the server's own repair) was stored, before it is relayed. */
  afterStore?: (update: Uint8Array, seq: number) => void;
  /** After awareness changed because of a local session (joined, moved, left). */
  afterAwareness?: (awarenessUpdate: Uint8Array) => void;
  /** When the last session left. */
  onEmpty?: () => void;
}

/** Options of a room, one typed object. */
export interface RoomOptions {
  boardId: string;
  /** The kind of document, which decides the layout its updates must keep. */
  kind: DocKind;
  store: DocumentStore;
  logger: Logger;
  metrics: RelayMetrics;
  compactEveryUpdates: number;
  compactIdleMs: number;
  clock?: Clock;
  /** Checks each record an update creates or changes (SPEC D1). */
  validateRecord?: RecordValidator;
  hooks?: RoomHooks;
}

/** The server's step 1 waits at most this long for a session's own step 1 (SPEC R6). */
const STEP1_WAIT_MS = 200;
const REMOTE = Symbol('remote');

/**
 * One open board as its participants see it: sessions, the sync handshake, awareness and the
 * per-session limits. Its document and the ordered store-then-relay path live in a
 * `DocumentPipeline`; like tldraw's `TLSocketRoom`, the surface is small: connect, handle a
 * message, disconnect, close sessions where, session count, destroy.
 */
export class Room {
  readonly boardId: string;
  /** Who is here (awareness has a document of its own: the board's is rebuilt after a refusal). */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly pipeline: DocumentPipeline<Session>;
  private readonly sessions = new Map<number, Session>();
  private readonly opts: RoomOptions;
  private readonly clock: Clock;
  private stateValue: RoomState = 'loading';
  /** Awareness ids whose state came from another instance: no local session may speak for them. */
  private readonly remoteAwareness = new Set<number>();
  /** Sessions whose server step 1 waits until they spoke (or a short while passed). */
  private readonly step1Due = new Map<Session, TimerHandle>();

  constructor(opts: RoomOptions) {
    this.opts = opts;
    this.boardId = opts.boardId;
    this.clock = opts.clock ?? systemClock;
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.pipeline = new DocumentPipeline<Session>({
      boardId: opts.boardId,
      kind: opts.kind,
      store: opts.store,
      logger: opts.logger,
      metrics: opts.metrics,
      clock: this.clock,
      compactEveryUpdates: opts.compactEveryUpdates,
      compactIdleMs: opts.compactIdleMs,
      ...(opts.validateRecord ? { validateRecord: opts.validateRecord } : {}),
      authorOf: (session) => session.credential?.author,
      mayChangeLocks: (session) => session.capability === 'owner',
      hooks: {
        broadcast: (frame, except) => this.broadcast(frame, except),
        refused: (session, reason) => this.refuse(session, reason),
        lockedRestored: (session, ids) => this.sendTo(session, encodePermissionDenied(LockedNotice.encode(ids))),
        storeFailed: (session) => this.closeSession(session, CloseCode.StorageUnavailable),
        abandoned: () => this.abandon(),
        ...(opts.hooks?.afterStore ? { afterStore: opts.hooks.afterStore } : {}),
      },
    });
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
    await this.pipeline.load();
    if (this.stateValue === 'loading') this.stateValue = 'ready';
  }

  /** Add a session and start the sync handshake (server step 1 and current awareness). */
  connect(session: Session): void {
    if (this.stateValue !== 'ready') throw new Error(`room ${this.boardId} is ${this.stateValue}`);
    this.sessions.set(session.id, session);
    if (this.pipeline.built) {
      this.sendStep1(session);
    } else {
      // Building the document takes long for a big board; a client's own step 1 comes first,
      // so the stored bytes can answer it before the server's step 1 needs the document.
      this.step1Due.set(session, this.clock.setTimeout(() => this.sendStep1(session), STEP1_WAIT_MS));
    }
    const states = this.awareness.getStates();
    if (states.size > 0) this.sendTo(session, encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  private sendStep1(session: Session): void {
    this.cancelStep1(session);
    this.pipeline.serverStep1((frame) => this.sendTo(session, frame));
  }

  private cancelStep1(session: Session): void {
    this.clock.clearTimeout(this.step1Due.get(session));
    this.step1Due.delete(session);
  }

  /** Handle one frame from a session; a bad frame closes only that session (SPEC R3). */
  handleMessage(session: Session, frame: Uint8Array): void {
    if (session.state !== 'open' || this.stateValue !== 'ready') return;
    // While the document is rebuilt after a refused update, frames wait, in order.
    if (this.pipeline.holdWhileRepairing(() => this.handleMessage(session, frame))) return;
    const parsed = parseClientMessage(frame);
    if (!parsed.ok) return this.refuse(session, parsed.error);
    this.dispatch(session, parsed.value, frame);
  }

  private dispatch(session: Session, msg: ClientMessage, frame: Uint8Array): void {
    // An update from a session whose server step 1 still waits sends that step 1 first.
    const step1Due = this.step1Due.has(session);
    if (step1Due && msg.kind === 'sync-update') this.sendStep1(session);
    switch (msg.kind) {
      case 'sync-step1': {
        if (!session.rates.step1.take()) {
          // A client asks once per connection; a flood of questions is dropped, not answered.
          this.opts.metrics.droppedStep1++;
          return;
        }
        const holdsNothing = isEmptyStateVector(msg.stateVector);
        this.pipeline.answerStep1(msg.stateVector, (reply) => this.sendTo(session, reply));
        // A session that holds nothing is not asked what it holds (SPEC R6).
        if (step1Due) (holdsNothing ? this.cancelStep1(session) : this.sendStep1(session));
        return;
      }
      case 'sync-update': {
        if (!canWrite(session.capability)) {
          this.opts.metrics.droppedViewWrites++;
          return;
        }
        // Relayed as received when the frame is exactly one incremental update (nothing re-encoded).
        const out = msg.step === 'update' && msg.exact ? frame : undefined;
        this.pipeline.submit(msg.update, out ?? reframe(msg.update), session);
        return;
      }
      case 'awareness':
        return this.receiveAwareness(session, msg);
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
   * A session's awareness: within its rate and size, and only for the client ids it introduced
   * (the stock provider echoes every change it sees; those echoes are dropped, SPEC R5).
   */
  private receiveAwareness(session: Session, msg: Extract<ClientMessage, { kind: 'awareness' }>): void {
    if (msg.update.byteLength > session.limits.maxAwarenessBytes || !session.rates.awareness.take()) {
      this.opts.metrics.droppedAwareness++;
      return;
    }
    const own = msg.entries.filter((e) => {
      const owner = this.awarenessOwner(e.clientId);
      return owner === undefined || owner === session;
    });
    if (own.length === 0) return;
    // The link a session came with is the server's to say (SPEC P3): stamped on its states,
    // removed where a session claims one it does not have.
    const link = session.credential?.linkName;
    const stamped = own.map((e) => withLinkName(e, link));
    const update = own.length === msg.entries.length && stamped.every((e, i) => e === own[i]) ? msg.update : encodeAwarenessEntries(stamped);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, session);
  }

  private awarenessOwner(clientId: number): Session | 'remote' | undefined {
    if (this.remoteAwareness.has(clientId)) return 'remote';
    for (const s of this.sessions.values()) if (s.awarenessClients.has(clientId)) return s;
    return undefined;
  }

  /** Close a session that sent what we do not accept (SPEC R3). */
  private refuse(session: Session, reason: string): void {
    this.opts.metrics.malformedFrames++;
    this.opts.logger.warn({ boardId: this.boardId, session: session.id, reason }, 'closing session after a refused frame');
    this.closeSession(session, CloseCode.MalformedMessage);
  }

  /** Apply an update that another instance already stored (SPEC R9). */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.stateValue === 'closing' || this.stateValue === 'closed') return;
    this.pipeline.applyRemote(update);
  }

  /** Apply an awareness update relayed from another instance. */
  applyRemoteAwareness(awarenessUpdate: Uint8Array): void {
    if (this.stateValue !== 'ready' && this.stateValue !== 'loading') return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessUpdate, REMOTE);
    } catch (err) {
      this.opts.logger.error({ boardId: this.boardId, err: (err as Error).message }, 'a relayed awareness update failed to apply');
    }
  }

  /** A change of the server's own to the document, stored and relayed like any update (see `DocumentPipeline.serverEdit`). */
  serverEdit(edit: (doc: Y.Doc) => void): Promise<boolean> {
    return this.pipeline.serverEdit(edit);
  }

  /** Bring the document up to what storage holds (after a gap in cross-instance relay). */
  catchUp(): Promise<void> {
    return this.stateValue === 'ready' ? this.pipeline.catchUp() : Promise.resolve();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === REMOTE) for (const id of [...added, ...updated]) if (this.awareness.getStates().has(id)) this.remoteAwareness.add(id);
    for (const id of removed) this.remoteAwareness.delete(id);
    if (origin !== REMOTE && origin !== null && typeof origin === 'object' && 'awarenessClients' in origin) {
      const s = origin as Session;
      for (const id of added) s.awarenessClients.add(id);
      for (const id of removed) s.awarenessClients.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    // To the sender too, as y-websocket-server does: a stock provider closes a socket that has
    // heard nothing for 30 s, and its own renewals are all a lone participant hears.
    this.broadcast(encodeAwarenessFrame(update), undefined);
    if (origin !== REMOTE) this.opts.hooks?.afterAwareness?.(update);
  };

  private broadcast(frame: Uint8Array, except: Session | undefined): void {
    const shared: SharedFrame = { data: frame };
    let n = 0;
    for (const s of this.sessions.values()) {
      if (s === except) continue;
      this.sendTo(s, frame, shared);
      n++;
    }
    this.opts.metrics.deliveredFrames += n;
  }

  /**
   * Send to one session. A session whose socket holds more than `maxBufferedBytes` unsent is
   * not reading: it is closed (SPEC R10), so one slow or hostile socket never grows the server.
   */
  private sendTo(session: Session, frame: Uint8Array, shared?: SharedFrame): void {
    if (session.state !== 'open') return;
    const socket = session.socket;
    try {
      if (shared && socket.sendShared) socket.sendShared(shared);
      else socket.send(frame);
    } catch (err) {
      this.opts.logger.warn({ boardId: this.boardId, session: session.id, err: (err as Error).message }, 'send failed');
      this.disconnect(session);
      return;
    }
    if (socket.bufferedAmount > session.limits.maxBufferedBytes) {
      this.opts.metrics.slowConsumers++;
      this.opts.logger.warn({ boardId: this.boardId, session: session.id, buffered: socket.bufferedAmount }, 'closing a session that does not read');
      this.closeSession(session, CloseCode.SlowConsumer);
    }
  }

  /** Remove a session (its socket closed) and its awareness states. */
  disconnect(session: Session): void {
    if (!this.sessions.delete(session.id)) return;
    this.cancelStep1(session);
    session.state = 'closed';
    if (session.awarenessClients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...session.awarenessClients], null);
    if (this.sessions.size === 0) this.opts.hooks?.onEmpty?.();
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

  /** Close every session matching `predicate` (e.g. those of a revoked link); how many. */
  closeSessionsWhere(predicate: (s: Session) => boolean, code: CloseCode): number {
    let n = 0;
    for (const s of [...this.sessions.values()]) {
      if (!predicate(s)) continue;
      this.closeSession(s, code);
      n++;
    }
    return n;
  }

  /** Every open session (for re-checking their links). */
  openSessions(): readonly Session[] {
    return [...this.sessions.values()];
  }

  /** Give up on a room whose document cannot be trusted: close everyone, store nothing. */
  private abandon(): void {
    this.stateValue = 'closed';
    this.closeSessionsWhere(() => true, CloseCode.StorageUnavailable);
    this.awareness.destroy();
  }

  /**
   * Close all sessions, store what is queued and a final snapshot within `deadlineMs` (at the
   * deadline, what could not be stored is logged), and release the document.
   */
  async destroy(code: CloseCode = CloseCode.ServerShutdown, deadlineMs = 10_000): Promise<void> {
    if (this.stateValue === 'closing' || this.stateValue === 'closed') return;
    this.stateValue = 'closing';
    this.closeSessionsWhere(() => true, code);
    for (const timer of this.step1Due.values()) this.clock.clearTimeout(timer);
    this.step1Due.clear();
    await this.pipeline.close(deadlineMs);
    this.stateValue = 'closed';
    this.awareness.destroy();
  }
}

/** An update as an incremental-update frame, for one that came in another frame (step 2). */
function reframe(update: Uint8Array): Uint8Array {
  return encodeSyncUpdate(update, 'update');
}

/** An awareness entry whose state carries exactly `link` as its link name (the same entry when it already does). */
function withLinkName(entry: AwarenessEntry, link: string | undefined): AwarenessEntry {
  const state = entry.state;
  if (state === null || state[LINK_NAME_KEY] === link || (link === undefined && !(LINK_NAME_KEY in state))) return entry;
  const { [LINK_NAME_KEY]: _claimed, ...rest } = state;
  return { ...entry, state: link === undefined ? rest : { ...rest, [LINK_NAME_KEY]: link } };
}
