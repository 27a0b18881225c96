import * as Y from 'yjs';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { readableRecords } from '../../shared/records/index.ts';
import { boardPictureSvg } from '../records/index.ts';
import type { BoardDocuments } from '../boards/BoardDocuments.ts';
import type { GroupOverview, MemberPresence } from '../../shared/protocol/index.ts';
import type { BoardStore, DocumentStore, MemberRow, WorkshopRow, WorkshopStore } from '../storage/index.ts';
import { membersByGroup } from './presence.ts';
import { memberIdOf } from './WorkshopService.ts';

/** A group without its members, as drawn from its board. */
export type GroupPicture = Omit<GroupOverview, 'members'>;

/**
 * Who is where on a workshop's boards at one moment, on this instance and every other one
 * (issue 15: the dashboard runs on one instance, its people on any). Read once per check.
 */
export interface WorkshopPresence {
  /** Token hashes (hex) with a session on the board, on any instance. */
  sessionsOn(boardId: string): ReadonlySet<string>;
  /** Who is on the board now (awareness), on any instance. */
  participants(boardId: string): GroupOverview['participants'];
  /** When another instance last changed the board (0 when none did since loading it there). */
  changedElsewhereAt(boardId: string): number;
}

/**
 * Builds the dashboard's view of every group, from live rooms when loaded and from storage
 * otherwise. Thumbnails are cached per board and redrawn only when the document changed.
 */
export class WorkshopOverview {
  private readonly cache = new Map<string, { version: number; svg: string; shapes: number }>();

  constructor(private readonly deps: { storage: BoardStore & DocumentStore & Pick<WorkshopStore, 'listMembers'>; documents: BoardDocuments }) {}

  /** Every group of a workshop, with thumbnails and where each member is (in every phase); `snapshot` when the caller read it already. */
  async groups(w: WorkshopRow, snapshot?: { members: MemberRow[]; presence: WorkshopPresence }): Promise<GroupOverview[]> {
    const { members, presence } = snapshot ?? (await this.presence(w));
    // One group at a time, letting the relay run between them: drawing forty thumbnails in one
    // go held every board's messages for ~400 ms when a facilitator opened the dashboard.
    const pictures: GroupPicture[] = [];
    for (const g of w.groups) {
      pictures.push(await this.picture(g, presence));
      await yieldToRelay();
    }
    const byGroup = this.members(w, members, presence);
    return pictures.map((p) => ({ ...p, members: byGroup.get(p.boardId) ?? [] }));
  }

  /**
   * The workshop's members and who is where on its boards now: this instance's rooms, and what
   * the other instances share on the bus (one read for all the workshop's boards).
   */
  async presence(w: WorkshopRow): Promise<{ members: MemberRow[]; presence: WorkshopPresence }> {
    const members = await this.deps.storage.listMembers(w.id);
    const boardIds = [...new Set([w.id, ...w.groups.map((g) => g.boardId), ...members.map((m) => m.privateBoardId)])];
    const elsewhere = await this.deps.documents.presenceElsewhere(boardIds);
    const tokens = new Map<string, ReadonlySet<string>>();
    const documents = this.deps.documents;
    const presence: WorkshopPresence = {
      sessionsOn(boardId) {
        let set = tokens.get(boardId);
        if (!set) {
          const all = new Set(documents.sessionTokens(boardId));
          for (const p of elsewhere.get(boardId) ?? []) for (const t of p.tokens) all.add(t);
          tokens.set(boardId, (set = all));
        }
        return set;
      },
      participants(boardId) {
        // A board loaded here hears the others' awareness through the bus: its room knows everyone.
        if (documents.liveMarks(boardId)) return documents.participants(boardId).map((p) => ({ name: p.name, role: p.role }));
        return (elsewhere.get(boardId) ?? []).flatMap((p) => p.participants);
      },
      changedElsewhereAt(boardId) {
        return Math.max(0, ...(elsewhere.get(boardId) ?? []).map((p) => p.lastChangeAt));
      },
    };
    return { members, presence };
  }

  /** Each group's members with where they are now, by the group's board id. */
  members(w: WorkshopRow, members: readonly MemberRow[], presence: WorkshopPresence): Map<string, MemberPresence[]> {
    return membersByGroup(w, members, (boardId) => presence.sessionsOn(boardId), (m) => memberIdOf(m.tokenHash));
  }

  /** A key that changes whenever the group's picture may have changed; cheap (no document read). */
  pictureKey(g: WorkshopRow['groups'][number], presence: WorkshopPresence): string {
    // A board that was only loaded (opened, nothing changed) draws as stored.
    const live = this.deps.documents.liveMarks(g.boardId);
    if (live && live.lastChangeAt > 0) return `live:${live.version}:${live.lastChangeAt}`;
    // Changed on another instance: it stores before it tells, so storage has the change.
    const elsewhere = presence.changedElsewhereAt(g.boardId);
    return elsewhere > 0 ? `elsewhere:${elsewhere}` : 'stored';
  }

  /** A group drawn from its board: thumbnail, shape count, last change, who is on it. */
  async picture(g: WorkshopRow['groups'][number], presence: WorkshopPresence): Promise<GroupPicture> {
    const live = this.deps.documents.liveMarks(g.boardId);
    if (live) {
      const cached = this.cache.get(g.boardId);
      let entry = cached;
      if (!cached || cached.version !== live.version) {
        const records = await this.deps.documents.read(g.boardId, thumbnailRecords);
        entry = { version: live.version, svg: boardPictureSvg(records, { width: 320, thumbnail: true }), shapes: records.filter((r) => r.typeName === 'shape').length };
        this.cache.set(g.boardId, entry);
      }
      const participants = presence.participants(g.boardId);
      const board = live.lastChangeAt ? undefined : await this.deps.storage.getBoard(g.boardId);
      return { ...g, participants, lastActivity: live.lastChangeAt || board?.updatedAt.getTime() || null, shapeCount: entry?.shapes ?? 0, svg: entry?.svg ?? '' };
    }
    // Not loaded here: draw from storage (cached by the stored update count); its people may be elsewhere.
    const [board, stored] = await Promise.all([this.deps.storage.getBoard(g.boardId), this.deps.storage.loadDocument(g.boardId)]);
    const key = -(stored.lastSeq + 1);
    let entry = this.cache.get(g.boardId);
    if (!entry || entry.version !== key) {
      const doc = new Y.Doc();
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
        const records = thumbnailRecords(doc);
        entry = { version: key, svg: boardPictureSvg(records, { width: 320, thumbnail: true }), shapes: records.filter((r) => r.typeName === 'shape').length };
        this.cache.set(g.boardId, entry);
      } finally {
        doc.destroy();
      }
    }
    const lastActivity = Math.max(board?.updatedAt.getTime() ?? 0, presence.changedElsewhereAt(g.boardId)) || null;
    return { ...g, participants: presence.participants(g.boardId), lastActivity, shapeCount: entry.shapes, svg: entry.svg };
  }
}

/** Let queued socket work run before the next thumbnail (a macrotask turn, not a microtask). */
export function yieldToRelay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A board's records as a thumbnail draws them: invalid ones left out, orphans and cycles on the page (docs/SPEC.md D4). */
function thumbnailRecords(doc: Y.Doc): StoredRecord[] {
  return readableRecords(recordsMap(doc).entries(), metaMap(doc).get(MetaKeys.schema)).records;
}
