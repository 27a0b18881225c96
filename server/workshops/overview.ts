import * as Y from 'yjs';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { readableRecords } from '../../shared/records/index.ts';
import { boardPictureSvg } from '../records/index.ts';
import type { BoardDocuments } from '../boards/BoardDocuments.ts';
import type { GroupOverview, MemberPresence } from '../../shared/protocol/index.ts';
import type { BoardStore, DocumentStore, WorkshopRow, WorkshopStore } from '../storage/index.ts';
import { membersByGroup } from './presence.ts';
import { memberIdOf } from './WorkshopService.ts';

/** A group without its members, as drawn from its board. */
export type GroupPicture = Omit<GroupOverview, 'members'>;

/**
 * Builds the dashboard's view of every group, from live rooms when loaded and from storage
 * otherwise. Thumbnails are cached per board and redrawn only when the document changed.
 */
export class WorkshopOverview {
  private readonly cache = new Map<string, { version: number; svg: string; shapes: number }>();

  constructor(private readonly deps: { storage: BoardStore & DocumentStore & Pick<WorkshopStore, 'listMembers'>; documents: BoardDocuments }) {}

  /** Every group of a workshop, with thumbnails and where each member is (in every phase). */
  async groups(w: WorkshopRow): Promise<GroupOverview[]> {
    const [pictures, byGroup] = await Promise.all([Promise.all(w.groups.map((g) => this.picture(g))), this.members(w)]);
    return pictures.map((p) => ({ ...p, members: byGroup.get(p.boardId) ?? [] }));
  }

  /** Each group's members with where they are now, by the group's board id (one storage read). */
  async members(w: WorkshopRow): Promise<Map<string, MemberPresence[]>> {
    const members = await this.deps.storage.listMembers(w.id);
    const sessions = new Map<string, ReadonlySet<string>>();
    const sessionsOn = (boardId: string): ReadonlySet<string> => {
      let s = sessions.get(boardId);
      if (!s) sessions.set(boardId, (s = this.deps.documents.sessionTokens(boardId)));
      return s;
    };
    return membersByGroup(w, members, sessionsOn, (m) => memberIdOf(m.tokenHash));
  }

  /** Who is on a group's board now (awareness), without reading its document. */
  participants(g: WorkshopRow['groups'][number]): GroupOverview['participants'] {
    return this.deps.documents.participants(g.boardId).map((p) => ({ name: p.name, role: p.role }));
  }

  /** A key that changes whenever the group's picture may have changed; cheap (no document read). */
  pictureKey(g: WorkshopRow['groups'][number]): string {
    // A board that was only loaded (opened, nothing changed) draws as stored.
    const live = this.deps.documents.liveMarks(g.boardId);
    return live && live.lastChangeAt > 0 ? `live:${live.version}:${live.lastChangeAt}` : 'stored';
  }

  /** A group drawn from its board: thumbnail, shape count, last change, who is on it. */
  async picture(g: WorkshopRow['groups'][number]): Promise<GroupPicture> {
    const live = this.deps.documents.liveMarks(g.boardId);
    if (live) {
      const cached = this.cache.get(g.boardId);
      let entry = cached;
      if (!cached || cached.version !== live.version) {
        const records = await this.deps.documents.read(g.boardId, thumbnailRecords);
        entry = { version: live.version, svg: boardPictureSvg(records, { width: 320, thumbnail: true }), shapes: records.filter((r) => r.typeName === 'shape').length };
        this.cache.set(g.boardId, entry);
      }
      const participants = this.participants(g);
      const board = live.lastChangeAt ? undefined : await this.deps.storage.getBoard(g.boardId);
      return { ...g, participants, lastActivity: live.lastChangeAt || board?.updatedAt.getTime() || null, shapeCount: entry?.shapes ?? 0, svg: entry?.svg ?? '' };
    }
    // Not loaded: nobody is on it; draw from storage (cached by the stored update count).
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
    return { ...g, participants: [], lastActivity: board?.updatedAt.getTime() ?? null, shapeCount: entry.shapes, svg: entry.svg };
  }
}

/** A board's records as a thumbnail draws them: invalid ones left out, orphans and cycles on the page (docs/SPEC.md D4). */
function thumbnailRecords(doc: Y.Doc): StoredRecord[] {
  return readableRecords(recordsMap(doc).entries(), metaMap(doc).get(MetaKeys.schema)).records;
}
