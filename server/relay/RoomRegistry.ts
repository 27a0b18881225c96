import { CloseCode, CloseReason } from '../../shared/protocol/index.ts';
import type { Capability } from '../../shared/protocol/index.ts';
import type { DocKind } from '../../shared/doc/index.ts';
import type { Logger } from '../logger.ts';
import type { RelayBus } from '../scale/index.ts';
import type { Storage } from '../storage/index.ts';
import type { RelayMetrics } from './metrics.ts';
import { Room, type RoomHooks } from './Room.ts';
import { createSession, type Session } from './Session.ts';
import type { RelaySocket } from './SocketLike.ts';

/** Options of the registry, one typed object. */
export interface RoomRegistryOptions {
  storage: Storage;
  logger: Logger;
  metrics: RelayMetrics;
  /** How long a room stays loaded after its last session left. */
  idleUnloadMs: number;
  compactEveryUpdates: number;
  compactIdleMs: number;
  /** Cross-instance relay (Redis) when several instances serve the same boards. */
  bus?: RelayBus;
}

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
  unloadTimer: NodeJS.Timeout | undefined;
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
  private readonly opts: RoomRegistryOptions;
  private closing = false;

  constructor(opts: RoomRegistryOptions) {
    this.opts = opts;
    // After a relay outage, every open room reads what it missed from storage.
    opts.bus?.onReconnect(() => {
      for (const e of this.rooms.values()) void e.room.catchUp().catch(() => undefined);
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

  /** Sessions open or opening on a board. */
  sessionCount(boardId: string): number {
    const e = this.rooms.get(boardId);
    return e ? e.room.sessionCount + e.pending : 0;
  }

  /** Accept a socket for a board; frames are buffered until the room is ready. */
  connect(boardId: string, socket: RelaySocket, capability: Capability, kind: DocKind = 'board'): ConnectionHandle {
    const session = createSession(socket, capability);
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
      clearTimeout(existing.unloadTimer);
      existing.unloadTimer = undefined;
      return existing;
    }
    const bus = this.opts.bus;
    // A room still closing is replaced once its final snapshot is stored.
    const previous = existing ? existing.room.destroy() : Promise.resolve();
    const room = new Room({
      boardId,
      kind,
      storage: this.opts.storage,
      logger: this.opts.logger,
      metrics: this.opts.metrics,
      compactEveryUpdates: this.opts.compactEveryUpdates,
      compactIdleMs: this.opts.compactIdleMs,
      hooks: {
        onEmpty: () => this.maybeScheduleUnload(boardId, entry),
        ...(bus && {
          afterStore: (_room, update) => bus.publish(boardId, { kind: 'update', data: update }),
          afterAwareness: (_room, update) => bus.publish(boardId, { kind: 'awareness', data: update }),
        }),
      },
    });
    // Subscribe before loading: what others publish meanwhile is kept and applied after.
    const subscribe = async () =>
      bus?.subscribe(boardId, (msg) => (msg.kind === 'update' ? room.applyRemoteUpdate(msg.data) : room.applyRemoteAwareness(msg.data)));
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
    clearTimeout(entry.unloadTimer);
    entry.unloadTimer = setTimeout(() => void this.unload(boardId, entry), this.opts.idleUnloadMs);
    entry.unloadTimer.unref();
  }

  private async unload(boardId: string, entry: Entry): Promise<void> {
    if (entry.room.sessionCount > 0 || entry.pending > 0) return;
    if (this.rooms.get(boardId) === entry) {
      this.rooms.delete(boardId);
      await this.opts.bus?.unsubscribe(boardId);
    }
    await entry.room.destroy();
    this.opts.metrics.roomsUnloaded++;
  }

  /** Close the sessions of a board that match a predicate, e.g. a rotated link's. */
  closeSessions(boardId: string, predicate: (s: Session) => boolean, code: CloseCode): number {
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
        clearTimeout(e.unloadTimer);
        await e.ready.catch(() => undefined);
        await e.room.destroy(CloseCode.ServerShutdown);
      }),
    );
  }
}
