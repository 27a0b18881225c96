import { CloseCode, CloseReason, participantOf } from '../../shared/protocol/index.ts';
import type { Capability } from '../../shared/protocol/index.ts';
import type { DocKind } from '../../shared/doc/index.ts';
import type { Logger } from '../logger.ts';
import type { BoardPresence, RelayBus } from '../scale/index.ts';
import type { DocumentStore } from '../storage/index.ts';
import { systemClock, type Clock, type TimerHandle } from './Clock.ts';
import type { RelayMetrics } from './metrics.ts';
import { Room } from './Room.ts';
import { createSession, type Session, type SessionCredential } from './Session.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './SessionLimits.ts';
import type { RelaySocket } from './SocketLike.ts';
import type { RecordValidator } from './UpdateGate.ts';
import { matchesRevocation, type Revocation } from './revocation.ts';

/** Options of the registry, one typed object. */
export interface RoomRegistryOptions {
  store: DocumentStore;
  logger: Logger;
  metrics: RelayMetrics;
  /** How long a room stays loaded after its last session left. */
  idleUnloadMs: number;
  compactEveryUpdates: number;
  compactIdleMs: number;
  /** How long closing a room may take to store what it holds (shutdown, unload). */
  closeDeadlineMs?: number;
  limits?: SessionLimits;
  clock?: Clock;
  validateRecord?: RecordValidator;
  /** Cross-instance relay (Redis) when several instances serve the same boards. */
  bus?: RelayBus;
  /**
   * Whether a token (by its hash) still grants `capability` on a board; asked for every open
   * session after a bus outage, when revocations may have been missed (SPEC R7).
   */
  stillValid?: (boardId: string, credential: SessionCredential, capability: Capability) => Promise<boolean>;
}

/** How long a revocation is remembered, for sessions whose token was checked just before it. */
const REVOCATION_MEMORY_MS = 60_000;

/** A connection as the transport sees it: feed it frames, tell it when the socket closed. */
export interface ConnectionHandle {
  readonly session: Session;
  /** Pass a frame received on the socket. */
  receive(frame: Uint8Array): void;
  /** The socket closed. */
  closed(): void;
}

interface Entry {
  room: Room;
  ready: Promise<Room>;
  unloadTimer: TimerHandle | undefined;
  /** Sessions accepted while the room loads (counted against the limit). */
  pending: number;
  /** Those sessions, so that a rotation can close them before they attach. */
  waiting: Set<Session>;
}

/**
 * Loads rooms on demand, buffers frames that arrive while a room loads, and unloads a
 * room once its last session has been gone for `idleUnloadMs` (SPEC R6).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Entry>();
  /** Rooms being dropped (`dropRoom`), until their destroy has finished. */
  private readonly dropping = new Map<string, Promise<void>>();
  private readonly opts: RoomRegistryOptions;
  private readonly clock: Clock;
  private readonly limits: SessionLimits;
  private closing = false;
  /** Recent revocations per board, received at (this clock's) time `at`. */
  private readonly revocations = new Map<string, { revocation: Revocation; at: number }[]>();

  constructor(opts: RoomRegistryOptions) {
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.limits = opts.limits ?? DEFAULT_SESSION_LIMITS;
    // After a relay outage, every open room reads what it missed from storage, and every
    // session's link is checked again: a revocation may have been published meanwhile.
    opts.bus?.onReconnect(() => {
      for (const [boardId, e] of this.rooms) {
        void e.room.catchUp().catch(() => undefined);
        void this.recheck(boardId, e).catch((err: unknown) => this.opts.logger.warn({ boardId, err: (err as Error).message }, 're-checking links failed'));
      }
    });
  }

  /** Number of loaded (or loading) rooms. */
  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room of a board, if any. */
  peek(boardId: string): Room | undefined {
    const e = this.rooms.get(boardId);
    return e && e.room.state === 'ready' ? e.room : undefined;
  }

  /** Per awareness client id of this instance's sessions on a board, the name of the link it came with (issue 17). */
  linkNames(boardId: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.peek(boardId)?.openSessions() ?? []) {
      const name = s.credential?.linkName;
      if (name) for (const id of s.awarenessClients) out[String(id)] = name;
    }
    return out;
  }

  /**
   * Use a board's room, loading it if needed, as a session would (kept loaded meanwhile, then
   * unloaded when idle): for a feature's own change to a document (the facilitator's lock).
   */
  async withRoom<T>(boardId: string, kind: DocKind, use: (room: Room) => Promise<T>): Promise<T> {
    if (this.closing) throw new Error('the relay is shutting down');
    const entry = this.acquire(boardId, kind);
    entry.pending++;
    try {
      return await use(await entry.ready);
    } finally {
      entry.pending--;
      this.maybeScheduleUnload(boardId, entry);
    }
  }

  /**
   * This instance's presence on every loaded board, for other instances' dashboards: the token
   * hashes of its open sessions, the participants those sessions announce (not the ones relayed
   * from elsewhere, which their own instance shares) and the document's last change here.
   */
  localPresence(): Map<string, BoardPresence> {
    const out = new Map<string, BoardPresence>();
    for (const boardId of this.rooms.keys()) {
      const room = this.peek(boardId);
      if (!room) continue;
      const tokens = new Set<string>();
      const participants: BoardPresence['participants'] = [];
      const states = room.awareness.getStates();
      for (const s of room.openSessions()) {
        if (s.credential) tokens.add(s.credential.tokenHash.toString('hex'));
        for (const id of s.awarenessClients) {
          const p = participantOf(states.get(id));
          if (p) participants.push({ name: p.name, role: p.role });
        }
      }
      out.set(boardId, { tokens: [...tokens], participants, lastChangeAt: room.pipeline.lastChangeAt });
    }
    return out;
  }

  /** Sessions open or opening on a board. */
  sessionCount(boardId: string): number {
    const e = this.rooms.get(boardId);
    return e ? e.room.sessionCount + e.pending : 0;
  }

  /** Accept a socket for a board; frames are buffered until the room is ready. */
  connect(boardId: string, socket: RelaySocket, capability: Capability, kind: DocKind = 'board', credential?: SessionCredential): ConnectionHandle {
    const session = createSession({ socket, capability, limits: this.limits, clock: this.clock, credential });
    const entry = this.acquire(boardId, kind);
    entry.pending++;
    entry.waiting.add(session);
    let buffered: Uint8Array[] | undefined = [];
    let room: Room | undefined;
    let gone = false;
    entry.ready.then(
      (r) => {
        entry.pending--;
        entry.waiting.delete(session);
        if (gone || session.state !== 'open') {
          this.maybeScheduleUnload(boardId, entry);
          return;
        }
        // A revocation that arrived after this session's token was checked closes it now.
        if (this.revokedSince(boardId, session)) {
          this.opts.metrics.revokedSessions++;
          session.state = 'closed';
          socket.close(CloseCode.TokenRevoked, CloseReason[CloseCode.TokenRevoked]);
          this.maybeScheduleUnload(boardId, entry);
          return;
        }
        room = r;
        r.connect(session);
        const frames = buffered ?? [];
        buffered = undefined;
        for (const f of frames) r.handleMessage(session, f);
      },
      (err: unknown) => {
        entry.pending--;
        entry.waiting.delete(session);
        this.opts.logger.error({ boardId, err: (err as Error).message }, 'room failed to load');
        socket.close(CloseCode.StorageUnavailable, 'storage-unavailable');
      },
    );
    return {
      session,
      receive: (frame) => {
        if (room) room.handleMessage(session, frame);
        else buffered?.push(frame);
      },
      closed: () => {
        gone = true;
        buffered = undefined;
        if (room) room.disconnect(session);
        session.state = 'closed';
      },
    };
  }

  private acquire(boardId: string, kind: DocKind): Entry {
    const existing = this.rooms.get(boardId);
    if (existing && existing.room.state !== 'closing' && existing.room.state !== 'closed') {
      this.clock.clearTimeout(existing.unloadTimer);
      existing.unloadTimer = undefined;
      return existing;
    }
    const bus = this.opts.bus;
    // A room still closing is replaced once its final snapshot is stored.
    const previous = existing ? existing.room.destroy(CloseCode.ServerShutdown, this.closeDeadlineMs) : Promise.resolve();
    const room = new Room({
      boardId,
      kind,
      store: this.opts.store,
      logger: this.opts.logger,
      metrics: this.opts.metrics,
      compactEveryUpdates: this.opts.compactEveryUpdates,
      compactIdleMs: this.opts.compactIdleMs,
      clock: this.clock,
      ...(this.opts.validateRecord ? { validateRecord: this.opts.validateRecord } : {}),
      hooks: {
        onEmpty: () => this.maybeScheduleUnload(boardId, entry),
        ...(bus && {
          afterStore: (update) => bus.publish(boardId, { kind: 'update', data: update }),
          afterAwareness: (update) => bus.publish(boardId, { kind: 'awareness', data: update }),
        }),
      },
    });
    // Subscribe before loading: what others publish meanwhile is kept and applied after.
    const subscribe = async () =>
      bus?.subscribe(boardId, (msg) => {
        switch (msg.kind) {
          case 'update':
            return room.applyRemoteUpdate(msg.data);
          case 'awareness':
            return room.applyRemoteAwareness(msg.data);
          case 'revoke':
            return void this.closeRevoked(boardId, msg.revocation);
          default: {
            const never: never = msg;
            throw new Error(`unhandled bus message ${JSON.stringify(never)}`);
          }
        }
      });
    const entry: Entry = {
      room,
      ready: previous
        .then(subscribe)
        .then(() => room.load())
        .then(() => room),
      unloadTimer: undefined,
      pending: 0,
      waiting: new Set(),
    };
    entry.ready.then(
      () => this.opts.metrics.roomsLoaded++,
      () => this.rooms.get(boardId) === entry && this.rooms.delete(boardId),
    );
    this.rooms.set(boardId, entry);
    return entry;
  }

  private maybeScheduleUnload(boardId: string, entry: Entry): void {
    if (entry.room.sessionCount > 0 || entry.pending > 0 || this.closing) return;
    this.clock.clearTimeout(entry.unloadTimer);
    entry.unloadTimer = this.clock.setTimeout(() => void this.unload(boardId, entry), this.opts.idleUnloadMs);
  }

  private async unload(boardId: string, entry: Entry): Promise<void> {
    if (entry.room.sessionCount > 0 || entry.pending > 0) return;
    if (this.rooms.get(boardId) === entry) {
      this.rooms.delete(boardId);
      await this.opts.bus?.unsubscribe(boardId);
    }
    await entry.room.destroy(CloseCode.ServerShutdown, this.closeDeadlineMs);
    this.opts.metrics.roomsUnloaded++;
  }

  private get closeDeadlineMs(): number {
    return this.opts.closeDeadlineMs ?? 10_000;
  }

  /**
   * Revoke links on a board: close the sessions they opened, here at once and on every other
   * instance through the bus (SPEC R7). Returns how many sessions closed here.
   */
  revoke(boardId: string, revocation: Revocation): number {
    this.opts.bus?.publish(boardId, { kind: 'revoke', revocation });
    return this.closeRevoked(boardId, revocation);
  }

  /**
   * A board was deleted (issue 17): close its sessions with BoardGone here and on every other
   * instance, and drop the room here once it has stored what it held, so that the deletion that
   * follows removes everything and nothing is written after it.
   */
  async purge(boardId: string): Promise<void> {
    this.revoke(boardId, { gone: true });
    await this.dropRoom(boardId);
  }

  /** Close this instance's sessions of a revoked link, and remember the revocation a while. */
  private closeRevoked(boardId: string, revocation: Revocation): number {
    const now = this.clock.now();
    const recent = (this.revocations.get(boardId) ?? []).filter((r) => now - r.at < REVOCATION_MEMORY_MS);
    recent.push({ revocation, at: now });
    this.revocations.set(boardId, recent);
    const n = this.closeSessions(boardId, (s) => matchesRevocation(revocation, s), revocation.gone ? CloseCode.BoardGone : CloseCode.TokenRevoked);
    this.opts.metrics.revokedSessions += n;
    // Another instance deleted the board: this one lets the room go at once.
    if (revocation.gone) void this.dropRoom(boardId).catch((err: unknown) => this.opts.logger.warn({ boardId, err: (err as Error).message }, 'dropping a deleted board failed'));
    return n;
  }

  /**
   * Unload a board's room now, whatever its idle timer says. A second call while the first
   * runs waits for the same drop: `purge` revokes (which starts a drop) and then drops, and
   * must not resolve before the room has stored its last and let go of the document.
   */
  private dropRoom(boardId: string): Promise<void> {
    const running = this.dropping.get(boardId);
    if (running) return running;
    const entry = this.rooms.get(boardId);
    if (!entry) return Promise.resolve();
    this.rooms.delete(boardId);
    this.clock.clearTimeout(entry.unloadTimer);
    const drop = (async () => {
      await this.opts.bus?.unsubscribe(boardId);
      await entry.ready.catch(() => undefined);
      await entry.room.destroy(CloseCode.BoardGone, this.closeDeadlineMs);
    })().finally(() => this.dropping.delete(boardId));
    this.dropping.set(boardId, drop);
    return drop;
  }

  /** Whether a revocation received after the session's token was checked applies to it. */
  private revokedSince(boardId: string, session: Session): boolean {
    const checkedAt = session.credential?.checkedAt;
    if (checkedAt === undefined) return false;
    return (this.revocations.get(boardId) ?? []).some((r) => r.at >= checkedAt && matchesRevocation(r.revocation, session));
  }

  /** Check every session of a board against storage again (after a bus outage). */
  private async recheck(boardId: string, entry: Entry): Promise<void> {
    const stillValid = this.opts.stillValid;
    if (!stillValid) return;
    for (const session of entry.room.openSessions()) {
      if (!session.credential) continue;
      if (await stillValid(boardId, session.credential, session.capability)) continue;
      entry.room.closeSession(session, CloseCode.TokenRevoked);
      this.opts.metrics.revokedSessions++;
    }
  }

  /** Close the sessions of a board that match a predicate (those loading included). */
  private closeSessions(boardId: string, predicate: (s: Session) => boolean, code: CloseCode): number {
    const entry = this.rooms.get(boardId);
    let n = 0;
    // Sessions admitted while the room still loads have not attached yet: close them too.
    for (const s of entry?.waiting ?? []) {
      if (s.state !== 'open' || !predicate(s)) continue;
      s.state = 'closed';
      s.socket.close(code, CloseReason[code]);
      n++;
    }
    return n + (this.peek(boardId)?.closeSessionsWhere(predicate, code) ?? 0);
  }

  /** Close every room: sessions closed with 1001, documents stored. */
  async closeAll(): Promise<void> {
    this.closing = true;
    const entries = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(
      entries.map(async (e) => {
        this.clock.clearTimeout(e.unloadTimer);
        await e.ready.catch(() => undefined);
        await e.room.destroy(CloseCode.ServerShutdown, this.closeDeadlineMs);
      }),
    );
  }
}
