import * as Y from 'yjs';
import { recordsMap, type DocKind, type StoredRecord } from '../../shared/doc/index.ts';
import { participantOf, type ParticipantUser } from '../../shared/protocol/index.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardPresence, RelayBus } from '../scale/index.ts';
import type { DocumentStore } from '../storage/index.ts';

/** A live board's change marks, for views derived from it (thumbnails). */
export interface LiveMarks {
  /** Bumped on every change of the document. */
  version: number;
  /** ms since epoch of the last change, 0 when none since it was loaded. */
  lastChangeAt: number;
}

/**
 * The one reader of boards for the features (records, exports, the dashboard): a board's
 * document now — the live room's once everything it applied is stored, or storage's — and who
 * is on it now. Features never reach into a room. While a live board's updates cannot be
 * stored, reads reject with `StorageUnavailableError` (HTTP 503) instead of waiting.
 */
export class BoardDocuments {
  constructor(private readonly deps: { registry: RoomRegistry; store: DocumentStore; bus?: RelayBus | undefined }) {}

  /** Read the board's document now; `use` must not keep the document. */
  async read<T>(boardId: string, use: (doc: Y.Doc) => T): Promise<T> {
    const live = this.deps.registry.peek(boardId);
    if (live) return use(await live.pipeline.current());
    const stored = await this.deps.store.loadDocument(boardId);
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      });
      return use(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Change a board's document as the server (loading it if needed); stored and relayed to every session. */
  edit(boardId: string, edit: (doc: Y.Doc) => void, kind: DocKind = 'board'): Promise<boolean> {
    return this.deps.registry.withRoom(boardId, kind, (room) => room.serverEdit(edit));
  }

  /** The board's state now as one Yjs update. */
  async state(boardId: string): Promise<Uint8Array> {
    const live = this.deps.registry.peek(boardId);
    if (live) return Y.encodeStateAsUpdate(await live.pipeline.current());
    const stored = await this.deps.store.loadDocument(boardId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    return parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates(parts.length ? parts : [Y.encodeStateAsUpdate(new Y.Doc())]);
  }

  /** The board's records now. */
  records(boardId: string): Promise<StoredRecord[]> {
    return this.read(boardId, (doc) => [...recordsMap(doc).values()]);
  }

  /** Who is on the board now (from the live room's awareness); nobody when it is not loaded. */
  participants(boardId: string): ParticipantUser[] {
    const room = this.deps.registry.peek(boardId);
    if (!room) return [];
    const out: ParticipantUser[] = [];
    for (const state of room.awareness.getStates().values()) {
      const p = participantOf(state);
      if (p) out.push(p);
    }
    return out;
  }

  /** The tokens (sha-256, hex) with an open session on the board on this instance: who is where, for the dashboard. */
  sessionTokens(boardId: string): ReadonlySet<string> {
    const room = this.deps.registry.peek(boardId);
    const out = new Set<string>();
    if (!room) return out;
    for (const s of room.openSessions()) if (s.credential) out.add(s.credential.tokenHash.toString('hex'));
    return out;
  }

  /** What the other instances share about who is on these boards (nothing with one instance). */
  async presenceElsewhere(boardIds: readonly string[]): Promise<Map<string, BoardPresence[]>> {
    return this.deps.bus ? this.deps.bus.presenceElsewhere(boardIds) : new Map();
  }

  /** A loaded board's change marks, or undefined when it is not loaded. */
  liveMarks(boardId: string): LiveMarks | undefined {
    const room = this.deps.registry.peek(boardId);
    return room ? { version: room.pipeline.version, lastChangeAt: room.pipeline.lastChangeAt } : undefined;
  }
}
