import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewBoard, Storage } from '../../server/storage/index.ts';
import { emptyMeetingDetails } from '../../shared/protocol/index.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord } from '../helpers/clients.ts';

/** A storage under test and how to reach the same data again. */
export interface StorageFixture {
  storage: Storage;
  /** Open another, independent instance over the same data (a second process would). */
  openAnother(): Promise<Storage>;
  /** Remove everything the fixture made; called after `storage` is closed. */
  cleanup(): Promise<void>;
}

/** A fresh board row with random id and token hashes. */
export function newBoard(overrides: Partial<NewBoard> = {}): NewBoard {
  const hash = () => createHash('sha256').update(randomBytes(32)).digest();
  return {
    id: randomBytes(16).toString('base64url'),
    title: '連携会議',
    template: 'blank',
    createdAt: new Date(1_700_000_000_123),
    tokenHashes: { owner: hash(), edit: hash(), view: hash() },
    ...overrides,
  };
}

/** A document that edits itself and hands out each change as a Yjs update. */
class DocWriter {
  readonly doc = new Y.Doc();
  /** Apply `change` and return the update it made. */
  change(change: (doc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    change(this.doc);
    return Y.encodeStateAsUpdate(this.doc, before);
  }
  put(id: string, extra: Record<string, unknown> = {}): Uint8Array {
    return this.change((d) => putRecord(d, shapeRecord(id, extra)));
  }
}

/** Apply a stored document to a fresh Y.Doc. */
async function loadInto(storage: Storage, boardId: string): Promise<Y.Doc> {
  const stored = await storage.loadDocument(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * The behaviour every `Storage` implementation owes the server (SPEC S1–S3, S5, S6), run
 * against each implementation with its own factory.
 */
export function storageContractSuite(name: string, factory: () => Promise<StorageFixture>): void {
  describe(`storage contract: ${name}`, () => {
    let fx: StorageFixture;
    let storage: Storage;
    const extra: Storage[] = [];

    beforeEach(async () => {
      fx = await factory();
      storage = fx.storage;
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await storage.close();
      await fx.cleanup();
    });

    // BoardStore: the boards and their token hashes (BoardService).
    describe('BoardStore', () => {
      // SPEC S5: a board round-trips with exactly the token hashes given (only hashes are stored).
      it('creates a board and reads it back, token hashes included', async () => {
        const board = newBoard();
        const initial = new DocWriter().put('seed');
        await storage.createBoard(board, initial);
        const row = await storage.getBoard(board.id);
        expect(row).toBeDefined();
        expect(row!.id).toBe(board.id);
        expect(row!.title).toBe(board.title);
        expect(row!.template).toBe(board.template);
        expect(row!.createdAt.getTime()).toBe(board.createdAt.getTime());
        expect(row!.updatedAt.getTime()).toBe(board.createdAt.getTime());
        for (const role of ['owner', 'edit', 'view'] as const) {
          expect(Buffer.isBuffer(row!.tokenHashes[role])).toBe(true);
          expect(row!.tokenHashes[role].equals(board.tokenHashes[role])).toBe(true);
        }
      });

      // SPEC S2: an unknown board is undefined; a failed create stores nothing over the existing one.
      it('answers undefined for an unknown board and refuses a duplicate id', async () => {
        expect(await storage.getBoard('no-such-board-000000')).toBeUndefined();
        const board = newBoard();
        await storage.createBoard(board, new DocWriter().put('a'));
        await expect(storage.createBoard({ ...board, title: 'again' }, new DocWriter().put('b'))).rejects.toThrow();
        expect((await storage.getBoard(board.id))!.title).toBe(board.title);
      });

      // SPEC S5, R7: replacing some token hashes leaves the others as they were.
      it('replaces only the token hashes given', async () => {
        const board = newBoard();
        await storage.createBoard(board, new DocWriter().put('a'));
        const newEdit = createHash('sha256').update('new edit').digest();
        await storage.setTokenHashes(board.id, { edit: newEdit });
        const row = (await storage.getBoard(board.id))!;
        expect(row.tokenHashes.edit.equals(newEdit)).toBe(true);
        expect(row.tokenHashes.owner.equals(board.tokenHashes.owner)).toBe(true);
        expect(row.tokenHashes.view.equals(board.tokenHashes.view)).toBe(true);
        await storage.setTokenHashes(board.id, {});
        expect((await storage.getBoard(board.id))!.tokenHashes.edit.equals(newEdit)).toBe(true);
      });

      // SPEC S3 (compaction touches the board): updatedAt never moves backwards.
      it('moves updatedAt forward only', async () => {
        const board = newBoard();
        await storage.createBoard(board, new DocWriter().put('a'));
        const later = new Date(board.createdAt.getTime() + 60_000);
        await storage.touchBoard(board.id, later);
        expect((await storage.getBoard(board.id))!.updatedAt.getTime()).toBe(later.getTime());
        await storage.touchBoard(board.id, new Date(board.createdAt.getTime() + 1000));
        expect((await storage.getBoard(board.id))!.updatedAt.getTime()).toBe(later.getTime());
      });

      // 講師メモ (issue 14): kept per board beside it, replaced whole, none until saved.
      it('keeps a board’s facilitator notes apart, replacing them whole', async () => {
        const a = newBoard();
        const b = newBoard();
        await storage.createBoard(a, new DocWriter().put('a'));
        await storage.createBoard(b, new DocWriter().put('b'));
        expect(await storage.getFacilitatorNotes(a.id)).toBeUndefined();
        const first = new Date(a.createdAt.getTime() + 5000);
        await storage.setFacilitatorNotes(a.id, '【想定される論点】\n・一つ目', first);
        const second = new Date(first.getTime() + 5000);
        await storage.setFacilitatorNotes(a.id, '書き直した', second);
        expect(await storage.getFacilitatorNotes(a.id)).toEqual({ body: '書き直した', updatedAt: second });
        expect(await storage.getFacilitatorNotes(b.id)).toBeUndefined();
      });
    });

    // DocumentStore: what the relay needs (DocumentPipeline).
    describe('DocumentStore', () => {
      // SPEC S1, S2: appends get increasing seqs; load gives the initial state and the updates in order.
      it('appends with increasing seqs and loads snapshot plus updates in order', async () => {
        const board = newBoard();
        const w = new DocWriter();
        const initial = w.put('seed');
        await storage.createBoard(board, initial);
        const fresh = await storage.loadDocument(board.id);
        expect(fresh.updates).toEqual([]);
        expect(fresh.snapshot).toBeDefined();
        expect(Buffer.from(fresh.snapshot!).equals(Buffer.from(initial))).toBe(true);

        const updates = [w.put('one', { x: 1 }), w.put('one', { x: 2 }), w.change((d) => recordsMap(d).delete('shape:seed')), w.put('two')];
        const seqs: number[] = [];
        for (const u of updates) seqs.push(await storage.appendUpdate(board.id, u));
        for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);

        const loaded = await storage.loadDocument(board.id);
        expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
        expect(loaded.lastSeq).toBe(seqs.at(-1));
        expect(await storage.countUpdates(board.id)).toBe(updates.length);
        const doc = await loadInto(storage, board.id);
        expect(recordsMap(doc).toJSON()).toEqual(recordsMap(w.doc).toJSON());
        expect(recordsMap(doc).get('shape:one')?.x).toBe(2);
        expect(recordsMap(doc).has('shape:seed')).toBe(false);
      });

      // SPEC S1: once appendUpdate resolved, another instance sees the update.
      it('makes an appended update visible to another instance at once', async () => {
        const board = newBoard();
        const w = new DocWriter();
        await storage.createBoard(board, w.put('seed'));
        const seq = await storage.appendUpdate(board.id, w.put('durable'));
        const other = await fx.openAnother();
        extra.push(other);
        const seen = await other.loadDocument(board.id);
        expect(seen.lastSeq).toBe(seq);
        expect(recordsMap(await loadInto(other, board.id)).has('shape:durable')).toBe(true);
      });

      // SPEC S2, S3: loads and compactions of one board never see or remove another board's updates.
      it('keeps boards apart', async () => {
        const a = newBoard();
        const b = newBoard();
        const wa = new DocWriter();
        const wb = new DocWriter();
        await storage.createBoard(a, wa.put('a0'));
        await storage.createBoard(b, wb.put('b0'));
        const seqB1 = await storage.appendUpdate(b.id, wb.put('b1'));
        const seqA1 = await storage.appendUpdate(a.id, wa.put('a1'));
        await storage.appendUpdate(b.id, wb.put('b2'));
        // Compacting board a up to a seq above b's first update must not touch board b.
        expect(seqA1).toBeGreaterThan(0);
        await storage.compact(a.id, Y.encodeStateAsUpdate(wa.doc), Math.max(seqA1, seqB1));
        expect(await storage.countUpdates(b.id)).toBe(2);
        expect(recordsMap(await loadInto(storage, b.id)).toJSON()).toEqual(recordsMap(wb.doc).toJSON());
        expect(recordsMap(await loadInto(storage, a.id)).toJSON()).toEqual(recordsMap(wa.doc).toJSON());
        expect(recordsMap(await loadInto(storage, a.id)).has('shape:b1')).toBe(false);
      });

      // SPEC S3: compaction replaces exactly the updates with seq ≤ uptoSeq and keeps the later ones.
      it('compacts exactly up to uptoSeq and keeps later updates', async () => {
        const board = newBoard();
        const w = new DocWriter();
        await storage.createBoard(board, w.put('seed'));
        const seqs: number[] = [];
        for (let i = 0; i < 3; i++) seqs.push(await storage.appendUpdate(board.id, w.put(`r${i}`, { x: i })));
        // The state after the first three updates, as a room would fold it.
        const snapshotAt3 = Y.encodeStateAsUpdate(w.doc);
        for (let i = 3; i < 5; i++) seqs.push(await storage.appendUpdate(board.id, w.put(`r${i}`, { x: i })));
        await storage.compact(board.id, snapshotAt3, seqs[2]!);
        expect(await storage.countUpdates(board.id)).toBe(2);
        const loaded = await storage.loadDocument(board.id);
        expect(loaded.updates).toHaveLength(2);
        expect(loaded.lastSeq).toBe(seqs[4]);
        expect(Buffer.from(loaded.snapshot!).equals(Buffer.from(snapshotAt3))).toBe(true);
        expect(recordsMap(await loadInto(storage, board.id)).toJSON()).toEqual(recordsMap(w.doc).toJSON());

        // A snapshot may also contain later updates: applying them twice changes nothing.
        await storage.compact(board.id, Y.encodeStateAsUpdate(w.doc), seqs[3]!);
        expect(await storage.countUpdates(board.id)).toBe(1);
        expect(recordsMap(await loadInto(storage, board.id)).toJSON()).toEqual(recordsMap(w.doc).toJSON());

        // Appends after a compaction come after it.
        const after = await storage.appendUpdate(board.id, w.put('after'));
        expect(after).toBeGreaterThan(seqs[4]!);
        expect((await storage.loadDocument(board.id)).lastSeq).toBe(after);
        expect(recordsMap(await loadInto(storage, board.id)).has('shape:after')).toBe(true);
      });

      // SPEC S3: a compaction with an older uptoSeq than the stored snapshot does not regress it.
      it('ignores a compaction older than the current snapshot', async () => {
        const board = newBoard();
        const w = new DocWriter();
        await storage.createBoard(board, w.put('seed'));
        const s1 = await storage.appendUpdate(board.id, w.put('one'));
        const stale = Y.encodeStateAsUpdate(w.doc);
        const s2 = await storage.appendUpdate(board.id, w.put('two'));
        const s3 = await storage.appendUpdate(board.id, w.put('three'));
        await storage.compact(board.id, Y.encodeStateAsUpdate(w.doc), s3);
        // A slower compaction that started earlier arrives last.
        await storage.compact(board.id, stale, s1);
        const loaded = await storage.loadDocument(board.id);
        expect(loaded.updates).toHaveLength(0);
        expect(loaded.lastSeq).toBe(s3);
        const doc = await loadInto(storage, board.id);
        expect(recordsMap(doc).has('shape:two')).toBe(true);
        expect(recordsMap(doc).has('shape:three')).toBe(true);
        expect(s2).toBeLessThan(s3);
      });

      // SPEC S1, S4: a failed append rejects and stores nothing.
      it('rejects an append to an unknown board and stores nothing', async () => {
        await expect(storage.appendUpdate('no-such-board-000000', new DocWriter().put('x'))).rejects.toThrow();
        expect(await storage.countUpdates('no-such-board-000000')).toBe(0);
      });

    });

    // Storage as a whole: health and durability across a reopen.
    describe('Storage', () => {
      // SPEC S1: health answers ok while the store answers.
      it('reports itself healthy', async () => {
        expect((await storage.health()).ok).toBe(true);
      });

      // SPEC S1, S2, S6: closing and opening again (migrations run again) keeps everything.
      it('keeps everything across close and reopen', async () => {
        const board = newBoard();
        const w = new DocWriter();
        await storage.createBoard(board, w.put('seed'));
        const seqs: number[] = [];
        for (let i = 0; i < 4; i++) seqs.push(await storage.appendUpdate(board.id, w.put(`k${i}`)));
        await storage.compact(board.id, Y.encodeStateAsUpdate(w.doc), seqs[1]!);
        const newView = createHash('sha256').update('rotated').digest();
        await storage.setTokenHashes(board.id, { view: newView });
        await storage.close();
        storage = await fx.openAnother();
        const row = (await storage.getBoard(board.id))!;
        expect(row.title).toBe(board.title);
        expect(row.tokenHashes.view.equals(newView)).toBe(true);
        expect(row.tokenHashes.owner.equals(board.tokenHashes.owner)).toBe(true);
        expect(await storage.countUpdates(board.id)).toBe(2);
        expect((await storage.loadDocument(board.id)).lastSeq).toBe(seqs[3]);
        expect(recordsMap(await loadInto(storage, board.id)).toJSON()).toEqual(recordsMap(w.doc).toJSON());
        const next = await storage.appendUpdate(board.id, w.put('after-reopen'));
        expect(next).toBeGreaterThan(seqs[3]!);
        expect((await storage.health()).ok).toBe(true);
      });

    });

    // WorkshopStore: workshops, joining and members (WorkshopService).
    describe('WorkshopStore', () => {
      // Issue 12 §4: joining can be ended and reopened; a removed member's row goes (so their
      // token is unknown everywhere) while their private board stays for the record.
      it('opens and ends joining, lists and removes members, keeps the private board', async () => {
        const id = randomBytes(16).toString('base64url');
        const state = newBoard({ id, kind: 'workshop', workshopId: id, template: 'workshop' });
        const group = newBoard({ kind: 'board', workshopId: id });
        const joinCode = randomBytes(4).toString('hex').toUpperCase();
        await storage.createWorkshop({
          workshop: { id, title: '研修', template: 'blank', joinCode, createdAt: new Date(1_700_000_000_000) },
          state: { board: state, initialState: new DocWriter().put('s') },
          groups: [{ index: 0, name: 'A', board: group, initialState: new DocWriter().put('g') }],
        });
        expect((await storage.getWorkshop(id))!.joinOpen).toBe(true);
        expect(await storage.setJoinOpen(id, false)).toBe(true);
        expect((await storage.getWorkshopByCode(joinCode))!.joinOpen).toBe(false);
        expect(await storage.setJoinOpen(id, true)).toBe(true);
        expect((await storage.getWorkshop(id))!.joinOpen).toBe(true);
        expect(await storage.setJoinOpen('no-such-workshop', false)).toBe(false);

        const hash = (s: string) => createHash('sha256').update(s).digest();
        const members = ['佐藤', '鈴木'].map((name, i) => ({
          tokenHash: hash(name), workshopId: id, boardId: group.id, privateBoardId: randomBytes(16).toString('base64url'),
          name, role: 'soudan', createdAt: new Date(1_700_000_001_000 + i * 1000),
        }));
        for (const m of members) {
          await storage.addMember(m, { board: newBoard({ id: m.privateBoardId, kind: 'private', workshopId: id }), initialState: new DocWriter().put('p') });
        }
        const listed = await storage.listMembers(id);
        expect(listed.map((m) => [m.name, m.role, m.createdAt.getTime(), m.tokenHash.toString('hex')])).toEqual(
          members.map((m) => [m.name, m.role, m.createdAt.getTime(), m.tokenHash.toString('hex')]),
        );
        expect(await storage.listMembers('no-such-workshop')).toEqual([]);

        expect(await storage.removeMember(members[0]!.tokenHash)).toBe(true);
        expect(await storage.removeMember(members[0]!.tokenHash)).toBe(false);
        expect(await storage.getMember(members[0]!.tokenHash)).toBeUndefined();
        expect((await storage.listMembers(id)).map((m) => m.name)).toEqual(['鈴木']);
        expect(await storage.getBoard(members[0]!.privateBoardId)).toBeDefined();
        expect(await storage.getMember(members[1]!.tokenHash)).toBeDefined();
      });
    });

    // RecordStore: immutable meeting records (RecordService).
    describe('RecordStore', () => {
      it('stores a record and lists and reads it back, newest first', async () => {
        const board = newBoard();
        await storage.createBoard(board, new Uint8Array([0, 0]));
        const base = { boardId: board.id, note: 'メモ', sha256: 'ab'.repeat(32), participants: [{ name: '山田', role: 'soudan' }], attendees: [{ name: '山田', role: 'soudan' }] };
        await storage.createRecord({ ...base, id: 'rec-1', title: '第1回', createdAt: new Date('2026-04-13T01:00:00Z'), state: new Uint8Array([1, 2, 3]) });
        await storage.createRecord({ ...base, id: 'rec-2', title: '第2回', createdAt: new Date('2026-05-11T01:00:00Z'), state: new Uint8Array([4, 5]) });
        expect((await storage.listRecords(board.id)).map((r) => r.title)).toEqual(['第2回', '第1回']);
        const got = await storage.getRecord(board.id, 'rec-1');
        expect(got && [...got.state]).toEqual([1, 2, 3]);
        expect(got?.participants).toEqual([{ name: '山田', role: 'soudan' }]);
        expect(await storage.getRecord('another-board', 'rec-1')).toBeUndefined();
        await expect(storage.createRecord({ ...base, id: 'rec-1', title: 'again', createdAt: new Date(), state: new Uint8Array([9]) })).rejects.toThrow();
      });

      it('keeps a record’s 会議の要点 (migration 9) and reads null for a record saved without it', async () => {
        const board = newBoard();
        await storage.createBoard(board, new Uint8Array([0, 0]));
        const meeting = { ...emptyMeetingDetails(), date: '2026-04-13', start: '10:00', conclusion: '訪問介護で進める', attendees: [{ affiliation: '相談支援専門員', name: '田中' }] };
        const base = { boardId: board.id, note: '', sha256: 'cd'.repeat(32), participants: [], attendees: [], state: new Uint8Array([1]) };
        await storage.createRecord({ ...base, id: 'rec-m', title: '要点あり', createdAt: new Date('2026-04-13T01:00:00Z'), meeting });
        await storage.createRecord({ ...base, id: 'rec-n', title: '要点なし', createdAt: new Date('2026-04-13T02:00:00Z') });
        expect((await storage.getRecord(board.id, 'rec-m'))?.meeting).toEqual(meeting);
        expect((await storage.getRecord(board.id, 'rec-n'))?.meeting).toBeNull();
        expect((await storage.listRecords(board.id)).map((r) => [r.title, r.meeting?.conclusion ?? null])).toEqual([['要点なし', null], ['要点あり', '訪問介護で進める']]);
      });
    });
  });
}
